"""Words counted a piece of the text at a time are the words counted all at once."""

from __future__ import annotations

from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tidyink.rules import _text

PIECES = ["the", "said,", "don't", "well--no", " ", "  ", "\n", "\t", "\u00a0", "\u3000", "\ue000", "x", "\u201cHe", ""]
texts = st.lists(st.sampled_from(PIECES), max_size=60).map("".join)


@settings(max_examples=400)
@given(texts, st.integers(min_value=1, max_value=12))
def test_chunks_counted_piecewise_are_the_chunks_of_one_split(text: str, size: int) -> None:
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(_text, "PIECE", size)
        counted = _text._count_chunks(text)
    whole = Counter(text.split())
    assert list(counted.items()) == list(whole.items())  # same counts, same order


def test_a_book_length_text_is_counted_in_pieces_as_a_whole() -> None:
    line = "\u201cWell,\u00a0then,\u201d said she\u2014and he\u2019d\tgone. "
    text = line * (3 * _text.PIECE // len(line))
    counted = _text._count_chunks(text)
    assert list(counted.items()) == list(Counter(text.split()).items())
    assert counted["then,\u201d"] == text.count("then,")
    assert _text.count_words(text) == Counter(_text._WORD_RE.findall(text))
