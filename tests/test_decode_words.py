"""The words a short 8-bit text is judged by are found where its bytes beyond ASCII
are, exactly as a search of each reading finds them."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tidyink.decoding import code_pages
from tidyink.decoding.code_pages import _WESTERN_PAGES, _byte_for_char, _high_bytes, words_beyond_ascii

_PIECES = st.sampled_from(
    [b"caf\xe9", b"l\x85-haut", b" ", b"\n", b"na\xefve", b"x2\xe9", b"\x81\x8d", b"abc", b"\xff\xfe"]
)


def _plainly(text: str, limit: int) -> list[str]:
    return [w for w in re.findall(r"[^\W\d_]+", text) if len(w) > 1 and not w.isascii()][:limit]


@pytest.mark.parametrize("name", _WESTERN_PAGES)
def test_every_western_page_reads_a_byte_as_one_character(name: str) -> None:
    assert _byte_for_char(name)


def test_a_page_that_reads_ascii_bytes_otherwise_is_not_taken_for_one() -> None:
    assert not _byte_for_char("utf_16_le") and not _byte_for_char("cp037")  # (EBCDIC)


@given(st.lists(_PIECES, max_size=30).map(b"".join) | st.binary(max_size=80), st.integers(1, 8))
def test_words_found_from_the_high_bytes_are_those_the_pattern_finds(data: bytes, limit: int) -> None:
    at = _high_bytes(data)
    assert at == [i for i, b in enumerate(data) if b > 127]
    for name in _WESTERN_PAGES:
        text = data.decode(name, errors="replace")
        assert words_beyond_ascii(text, limit, at) == words_beyond_ascii(text, limit) == _plainly(text, limit)


def test_many_high_bytes_are_left_to_the_search_of_each_reading(monkeypatch) -> None:
    monkeypatch.setattr(code_pages, "_MANY_HIGH_BYTES", 3)
    assert _high_bytes(b"d\xe9j\xe0 vu") == [1, 3]
    assert _high_bytes("déjà vu, ça été".encode("cp1252")) is None
