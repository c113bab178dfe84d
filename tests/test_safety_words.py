"""The safety check's quick word counts (a text folded a character at a time in a
Western code page and split at every character that is no letter or digit, or its
folded form split so) find exactly the words, in the same order, that the detailed
regular expression finds in the folded text."""

from __future__ import annotations

import sys
import unicodedata
from collections import Counter

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tidyink.pieces import pieces
from tidyink.safety_words import _SPELLED, _decoded, _folded_bytes, _kind, _table, count_words, fold, word_difference
from tidyink.safety_words import WORD as _WORD
from tidyink.safety_words import ascii_words as _ascii_words


def unfolded_words(text: str) -> list[str] | None:
    """The words of ``text`` as the byte-table path finds them, without folding it
    (None where that path does not apply)."""
    found = _folded_bytes(text, _table(lines=False))
    return None if found is None else _decoded(found).split()


# Characters that fold or split words: curly quotes, dashes, ligatures, combining and
# orphaned marks, invisible format characters, letters outside ASCII, compatibility
# forms that fold into ASCII letters (™, the Kelvin sign), digits of other scripts.
_TRICKY = "’“”—–…ﬁ\u0301˜\u00ad\u200b\ufeffé™\u212aſß٣½ⓐ&;#<>*_\\"
_TEXT = st.text(alphabet=st.sampled_from("abcXYZ019 \n.,'-" + _TRICKY)) | st.text()


@given(_TEXT)
def test_quick_words_are_the_detailed_words(text: str) -> None:
    folded = fold(text)
    assert _ascii_words(folded) == _WORD.findall(folded)


@given(_TEXT)
def test_unfolded_words_are_the_folded_words(text: str) -> None:
    found = unfolded_words(text)
    assert found is None or found == _WORD.findall(fold(text))


def test_unfolded_words_of_typography_and_western_letters() -> None:
    found = unfolded_words("“Don’t,” she said—TWICE… &amp; «so» &#8212;\n")
    assert found == ["don", "t", "she", "said", "twice", "so"]
    assert unfolded_words("Ça, CAFÉ Œuvre STRASSE Straße 2º ﬁn ½ ™") == [
        "ça", "café", "œuvre", "strasse", "strasse", "2o", "fin", "1", "2", "tm"]  # fmt: skip


@pytest.mark.parametrize(
    "text",
    [
        "soft\u00adhyphen",  # removed: joins the words beside it
        "x \u02dc y",  # folds into a space and a combining tilde
        "cafe\u0301",  # a combining mark: composes with the letter before it
        "\u0101 macron",  # a letter the code page lacks
        "\u0130stanbul",  # folds into a letter and a combining dot
        "\u00b5m",  # folds into a Greek letter
    ],
)
def test_unfolded_words_do_not_apply(text: str) -> None:
    assert unfolded_words(text) is None


_WESTERN = "".join(chr(c) for c in range(0x80, 0x100)) + "œŒŠšŽžŸƒˆ˜–—‘’‚“”„†‡•…‰‹›€™"


@given(st.text(alphabet=st.sampled_from("ab AB 1\n.&;" + _WESTERN)))
def test_unfolded_words_of_western_text_are_the_folded_words(text: str) -> None:
    found = unfolded_words(text)
    assert found is None or found == _WORD.findall(fold(text))


def test_no_western_character_composes_with_the_character_before_it() -> None:
    """(What :func:`unfolded_words` relies on, with no mark in the text: no ASCII
    character or letter of the code page is the second of two that compose.)"""
    seconds = {
        int(parts[1], 16)
        for code in range(sys.maxunicode + 1)
        if len(parts := unicodedata.decomposition(chr(code)).split()) == 2 and not parts[0].startswith("<")
    }
    assert not any(ord(ch) in seconds for ch in "".join(map(chr, range(0x80))) + _WESTERN)


@given(st.lists(_TEXT, max_size=6), st.integers(1, 40))
def test_counted_words_are_the_detailed_count_in_order(parts: list[str], size: int) -> None:
    text = "\n".join(parts) * 3
    expected = Counter(_WORD.findall(fold(text)))
    counted = count_words(text, size)
    assert counted == expected
    assert list(counted) == list(expected)


def test_quick_words_of_english_prose_with_typography() -> None:
    folded = fold("“Don’t,” she said—twice… ™ ﬁne\n" * 100)
    assert _ascii_words(folded)[:6] == ["don", "t", "she", "said", "twice", "tm"]
    assert _ascii_words(folded) == _WORD.findall(folded)


def test_a_letter_outside_ascii_is_found_whole() -> None:
    folded = fold("Café naïve Zürich " * 40)
    assert _ascii_words(folded)[:3] == ["café", "naïve", "zürich"]


_PARAGRAPHS = st.lists(st.sampled_from(["The cat sat.", "“Don’t,” said Ann—twice.", "the CAT\nsat", "A cat\n\nsat",
                                        "&amp; so…", "x" * 300, "Zürich", "one two\n", ""]), max_size=8)  # fmt: skip


@given(_PARAGRAPHS, _PARAGRAPHS, st.lists(_TEXT, max_size=2))
def test_word_difference_is_the_difference_of_the_counts(before: list[str], after: list[str], extra: list[str]) -> None:
    old_text, new_text = "\n\n".join(before + extra) * 40, "\n\n".join(after) * 40
    found = word_difference(old_text, new_text)
    old, new = count_words(old_text), count_words(new_text)
    if found is not None:
        assert found == (old - new, new - old)


def test_word_difference_of_rewrapped_and_curled_paragraphs() -> None:
    before = 'He said "wait" -- then\nleft.\n\nThe End of the\nbook.\n\n' * 300 + "Read the licence.\n"
    after = "He said “wait”—then left.\n\nThe end of the book.\n\n" * 300
    assert word_difference(before, after) == (Counter({"read": 1, "the": 1, "licence": 1}), Counter())
    assert word_difference("Zürich " * 100, "") == (Counter({"zürich": 100}), Counter())
    assert word_difference("T\u0101ne " * 100, "") is None  # a letter the code page lacks


# Blank runs of every kind: paragraph breaks of three or more line breaks, paragraphs
# of spaces alone, dashes of one and two characters (one and two spaces once folded).
_SPACED = st.lists(st.sampled_from(["\n", "\n\n", "\n\n\n", " ", "  \n", "--", "—", "...", "…", "a", "B", "é", "cat",
                                    "Cat", "x1", "’", "&amp;", "⸺", "----"]), max_size=60).map("".join)  # fmt: skip


@given(st.lists(_SPACED, max_size=6), st.lists(_SPACED, max_size=6), st.integers(1, 3))
def test_word_difference_of_blank_runs_and_dashes_is_the_difference_of_the_counts(
    before: list[str], after: list[str], times: int
) -> None:
    old_text, new_text = "\n\n".join(before) * times, "\n\n".join(after + before[:2]) * times
    found = word_difference(old_text, new_text)
    old, new = count_words(old_text), count_words(new_text)
    assert found is not None
    assert found == (old - new, new - old)


def test_no_byte_folds_into_the_paragraph_break_mark() -> None:
    assert 0 not in _table(lines=True) and 0 not in _table(lines=False)


def _paragraphs_marked(text: str, size: int) -> Counter[bytes] | None:
    """The folded paragraphs as first found: each piece's paragraph breaks marked with
    two bytes no character folds into, its lone line breaks made spaces, then split at the marks."""
    found: Counter[bytes] = Counter()
    for piece in pieces(text, size):
        folded = _folded_bytes(piece, _table(lines=True), spelled=True)
        if folded is None:
            return None
        found.update(folded.replace(b"\n\n", b"\0\0").replace(b"\n", b" ").split(b"\0\0"))
    return found


@given(st.lists(st.one_of(_SPACED, _TEXT), max_size=12).map("".join), st.integers(1, 40))
def test_paragraphs_are_those_split_at_marked_breaks(text: str, size: int) -> None:
    from functools import partial
    from unittest import mock

    import tidyink.safety_words as words

    with mock.patch.object(words, "pieces", partial(pieces, size=size)):  # (small pieces: a book's are cut so too)
        assert words._paragraphs(text) == _paragraphs_marked(text, size)


def test_paragraphs_set_aside_on_both_sides_keep_the_difference() -> None:
    """A paragraph both renderings have, rewrapped or with another dash, takes the same
    words from both; what is left is each side's own words."""
    before = "A cat -- sat\nhere.\n\n\n\nThe end.\n\n   \n\nOne  two\n\n" * 200
    after = "A cat—sat here.\n\nThe end.\n\nOne two three\n\n" * 200
    assert word_difference(before, after) == (Counter(), Counter({"three": 200}))
    assert word_difference(after, before) == (Counter({"three": 200}), Counter())


@given(_TEXT)
def test_dashes_and_ellipses_spelled_out_leave_the_words_as_they_are(text: str) -> None:
    table = _table(lines=True)
    plain, spelled = _folded_bytes(text, table), _folded_bytes(text, table, spelled=True)
    assert (plain is None) == (spelled is None)
    if plain is not None and spelled is not None:
        assert spelled.split() == plain.split()
    assert all(_kind(ch) == "" for ch in _SPELLED)  # (each only separates words)
    assert _folded_bytes("a—b… ⸺", table, spelled=True) == b"a  b" + b" " * 8
