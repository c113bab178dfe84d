"""Decoding: bytes to a :class:`~tidyink.decoding.source.Source`.

:mod:`~tidyink.decoding.source` detects BOMs and UTF-8 and holds the Source type;
:mod:`~tidyink.decoding.binary` refuses binary input and spots UTF-16/32;
:mod:`~tidyink.decoding.code_pages` picks a single-byte code page, scored by
:mod:`~tidyink.decoding.plausibility`; :mod:`~tidyink.decoding.truncated` handles
a file cut short mid-character; :mod:`~tidyink.decoding.language` guesses a
text's language.
"""
