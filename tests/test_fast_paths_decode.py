"""The UTF-8 sequence scan of a not-quite-UTF-8 file finds what the pattern finds."""

from __future__ import annotations

import regex
from hypothesis import given
from hypothesis import strategies as st

from tidyink.decoding.source import _UTF8_SEQUENCE, utf8_sequences

# Bytes around the edges of UTF-8: leads, continuations, ASCII and bytes that are never UTF-8.
_BYTES = st.sampled_from(list(b"A \x7f\x80\x9f\xa0\xbf\xc0\xc2\xc3\xdf\xe0\xe2\xed\xef\xf0\xf3\xf4\xf5\xff"))


@given(st.lists(_BYTES, max_size=60).map(bytes) | st.binary(max_size=60))
def test_the_scan_from_lead_bytes_finds_what_the_pattern_finds(data: bytes) -> None:
    assert utf8_sequences(data) == regex.findall(_UTF8_SEQUENCE, data)


def test_stray_single_bytes_between_sequences_are_skipped() -> None:
    text = "café déjà vu ça".encode() + b" \xe9t\xe9 " + "naïve 蒒".encode()
    assert utf8_sequences(text) == regex.findall(_UTF8_SEQUENCE, text)
    assert utf8_sequences(text) == [ch.encode() for ch in "ééàçï蒒"]


@given(
    st.lists(st.sampled_from([*"ab é…ß1_\n-'’\ufffdΩ\u0301", "là-haut", "l…-haut", "na ve", "x2é"]), max_size=40).map(
        "".join
    ),
    st.integers(1, 6),
)
def test_words_beyond_ascii_are_the_first_such_words_the_pattern_finds(text, limit):
    import re

    from tidyink.decoding.code_pages import words_beyond_ascii

    plainly = [w for w in re.findall(r"[^\W\d_]+", text) if len(w) > 1 and not w.isascii()][:limit]
    assert words_beyond_ascii(text, limit) == plainly
