"""Work on a long text a piece at a time gives the result of the whole."""

from collections import Counter

from hypothesis import given
from hypothesis import strategies as st

from tidyink.pieces import pieces
from tidyink.safety import count_words, words

# letters, marks, digits, entities, invisible and compatibility characters, line breaks
_PARTS = st.sampled_from(
    ["Ca", "fe\u0301", "\u00e9", "9", "&amp;", "&eacute;", "\u00ad", "\ufb01", "˜", " ", "\n", "\n\n", "ß"]
)
_TEXT = st.lists(_PARTS, max_size=40).map("".join)


@given(_TEXT, st.integers(1, 12))
def test_pieces_join_to_the_text_and_end_at_line_breaks(text: str, size: int) -> None:
    parts = list(pieces(text, size))
    assert "".join(parts) == text
    assert all(p.endswith("\n") for p in parts[:-1])
    assert all(p for p in parts)


def test_pieces_of_a_short_text_is_the_text() -> None:
    assert list(pieces("one\ntwo\n", 100)) == ["one\ntwo\n"]
    assert list(pieces("")) == []


@given(_TEXT, st.integers(1, 12))
def test_counting_words_a_piece_at_a_time_counts_those_of_the_whole(text: str, size: int) -> None:
    assert count_words(text, size) == Counter(words(text))


def test_counted_words_are_folded() -> None:
    assert count_words("Caf\u00e9 &amp; CAFE\u0301\nthe\ufb01sh", 2) == Counter({"café": 2, "thefish": 1})
