"""Decoding: bytes to a :class:`~tidyink.decoding.source.Source`.

:mod:`~tidyink.decoding.source` detects BOMs, UTF-16/32, UTF-8 and code pages and
refuses binary input; :mod:`~tidyink.decoding.plausibility` scores how well a
code page reads; :mod:`~tidyink.decoding.language` guesses a text's language.
"""
