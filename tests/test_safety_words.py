"""The safety check's quick word count (ASCII words split at other characters) finds
exactly the words, in the same order, that the detailed regular expression finds."""

from __future__ import annotations

from collections import Counter

from hypothesis import given
from hypothesis import strategies as st

from tidyink.safety import _WORD, _ascii_words, count_words, fold

# Characters that fold or split words: curly quotes, dashes, ligatures, combining and
# orphaned marks, invisible format characters, letters outside ASCII, compatibility
# forms that fold into ASCII letters (™, the Kelvin sign), digits of other scripts.
_TRICKY = "’“”—–…ﬁ\u0301˜\u00ad\u200b\ufeffé™\u212aſß٣½ⓐ&;#<>*_\\"
_TEXT = st.text(alphabet=st.sampled_from("abcXYZ019 \n.,'-" + _TRICKY)) | st.text()


@given(_TEXT)
def test_quick_words_are_the_detailed_words(text: str) -> None:
    folded = fold(text)
    assert _ascii_words(folded) == _WORD.findall(folded)


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
