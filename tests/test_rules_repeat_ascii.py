"""Repeats found with ASCII word characters, in a text whose letters are all ASCII,
are the repeats of words of letters that the Unicode-aware scans find."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from tidyink.rules import repeated_word
from tidyink.rules.repeated_word import _CANDIDATE, _LETTERS, candidates

# ASCII letters and words; digits and numbers outside ASCII (word characters to the
# Unicode-aware engine, not to the ASCII one); marks and spaces outside ASCII.
PIECES = ["the", "a", "ab", "x", "x2", "_", "\u00b2", "\u00bd", "\u0663", "\u2167", " ", "  ", "\n", "\t"]
PIECES += ["\u00a0", "\ue000", ".", "-", "'", "\u201c", "\u2014", "(", "0", "x x", "ab ab", "the the"]
ascii_lettered = st.lists(st.sampled_from(PIECES), max_size=30).map("".join)


def _repeats_of_letters(found) -> list[tuple[tuple[int, int], tuple[str, ...]]]:
    return [(m.span(), m.groups()) for m in found if _LETTERS.fullmatch(m.group(1))]


@settings(max_examples=600)
@given(ascii_lettered)
def test_ascii_scans_find_the_repeats_of_letters_the_plain_scan_finds(text: str) -> None:
    assert all(c.isascii() for c in text if c.isalpha())
    fast = _repeats_of_letters(candidates(text, ascii_letters=True))
    assert fast == _repeats_of_letters(_CANDIDATE.finditer(text))


def test_repeats_beside_numbers_outside_ascii() -> None:
    text = "x x\u00b2 the the \u00bd \u00bd a a\u0663 ab ab\n(ab ab) \u2167 \u2167 x\u00b2 x\u00b2 so so"
    fast = [(m.span(), m.group(1)) for m in candidates(text, ascii_letters=True)]
    plain = [(m.span(), m.group(1)) for m in _CANDIDATE.finditer(text)]
    assert [f for f in fast if f[1].isalpha()] == [p for p in plain if p[1].isalpha()]
    assert [w for _, w in fast] == ["the", "ab", "ab", "so"]  # not "x" before "x²", nor "a" before "a٣"
    assert "\u00bd" in [w for _, w in plain]  # (the plain scan's repeat of a number: no repeat of letters)


def test_the_rule_tells_a_text_with_letters_outside_ascii() -> None:
    from tidyink import api

    for text in ("She opened the the door.", "We met at the caf\u00e9 caf\u00e9 by the door."):
        found = api.check(text)
        assert [f.code for f in found if f.code == repeated_word.RepeatedWord.code] == ["R101"]
