"""The rules' fast paths give exactly what the plain regex scans they replace give."""

from __future__ import annotations

import re
from collections import Counter

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from tidyink.rules import _patterns, _text, all_rules
from tidyink.rules._text import Prose, alternation
from tidyink.rules.spelling import _occurrences

# Letters (with a combining mark, a capital I with dot, a title-case digraph), digits,
# apostrophes, hyphens, dashes, quotes, emphasis marks, objects and white space.
PIECES = [
    "to",
    "too",
    "into",
    "its",
    "it's",
    "then",
    "than",
    "of",
    "thereof",
    "lose",
    "close",
    "your",
    "abc",
    "e\u0301",
    "\u0130",
    "\u01c5",
    "x2",
    "'",
    "-",
    "\u2014",
    ".",
    ",",
    '"',
    "\u201c",
    "(",
    "_",
    "\ue000",
    "\ufffc",
    " ",
    " ",
    "\n",
    "\u00a0",
    "\t",
]
texts = st.lists(st.sampled_from(PIECES), max_size=40).map("".join)


@settings(max_examples=300)
@given(texts)
def test_word_counts_match_the_word_regex(text: str) -> None:
    assert _text.count_words(text) == Counter(_text._WORD_RE.findall(text))


def _counted_chunk_by_chunk(text: str) -> Counter[str]:
    """Word counts as first written: every chunk stripped, then counted."""
    counts = Counter(chunk.strip(_text._EDGES) for chunk in text.split())
    for chunk in [c for c in counts if not c.isalpha()]:
        n = counts.pop(chunk)
        for word in _text._WORD_RE.findall(chunk):
            counts[word] += n
    return counts


@settings(max_examples=300)
@given(texts)
def test_word_counts_keep_the_order_of_first_use(text: str) -> None:
    counted, reference = _text.count_words(text), _counted_chunk_by_chunk(text)
    assert list(counted.items()) == list(reference.items())


def _anchors_by_lookbehind(lower: str) -> list[int]:
    union, owners, _ = _patterns._anchor_scan()
    slow = re.compile(r"(?<![\w'-])" + union.pattern)
    return [m.start() for m in slow.finditer(lower) for _ in owners[m.group()]]


@settings(max_examples=300)
@given(texts)
def test_anchor_offsets_match_a_lookbehind_scan(text: str) -> None:
    joined = Prose(text.lower(), (), (0,))
    _, _, words = _patterns._anchor_scan()
    got = sorted(pos for group in words for pos in _patterns.anchors(joined, group))
    assert got == sorted(_anchors_by_lookbehind(joined.lower()))


def test_anchor_offsets_skip_words_that_only_end_like_an_anchor() -> None:
    text = "she went into the close, then to it"
    joined = Prose(text, (), (0,))
    to = _patterns.anchors(joined, "to")
    assert to == [text.index(" to ") + 1]


def _spelling_pattern(words: set[str]) -> regex.Pattern[str]:
    return regex.compile(
        rf"(?<![\p{{L}}\p{{M}}'\d_@/.])(?:{alternation(words)})"
        r"(?='s(?![\p{L}\d])|(?![\p{L}\p{M}'\d_@/]|\.[\p{L}\d]))"
    )


SPELT = ["abc", "close", "lose", "then", "the", "thereof", "there", "e\u0301", "to", "it's", "it"]


@settings(max_examples=500)
@given(texts, st.sets(st.sampled_from(SPELT), min_size=1))
def test_spelling_occurrences_match_finditer(text: str, words: set[str]) -> None:
    pattern = _spelling_pattern(words)
    expected = [(m.span(), m.group()) for m in pattern.finditer(text)]
    assert [(m.span(), m.group()) for m in _occurrences(text, words)] == expected


def test_spelling_occurrences_of_words_that_start_one_another() -> None:
    text = "then the thereof. the's then's there.x it's it'sy (the) e\u0301"
    for words in ({"the", "then", "thereof"}, {"the", "there", "it", "it's"}, {"e\u0301", "the"}, set(SPELT)):
        expected = [(m.span(), m.group()) for m in _spelling_pattern(words).finditer(text)]
        assert [(m.span(), m.group()) for m in _occurrences(text, words)] == expected != []


def test_patterns_whose_words_are_absent_are_not_compiled() -> None:
    from tidyink import api

    _patterns._compiled.cache_clear()
    assert api.check("The cat sat on the mat all day.") == []
    assert _patterns._compiled.cache_info().currsize == 0
    found = api.check("He was taller then his brother.")
    assert [f.code for f in found] == ["C101"]
    assert 0 < _patterns._compiled.cache_info().currsize < sum(
        len(r.patterns) for r in all_rules() if issubclass(r, _patterns.PatternRule)
    )


REPEAT_PIECES = ["the", "a", "ab", "x2", "_", "é", " ", " ", "\n", "\t", "\u00a0", "\ue000", ".", "-", "'", "\u201c"]


@settings(max_examples=500)
@given(st.lists(st.sampled_from(REPEAT_PIECES), max_size=30).map("".join))
def test_repeat_candidates_match_the_plain_scan(text: str) -> None:
    from tidyink.rules import repeated_word

    fast = [(m.span(), m.groups()) for m in repeated_word.candidates(text)]
    assert fast == [(m.span(), m.groups()) for m in repeated_word._CANDIDATE.finditer(text)]


def test_repeat_candidates_overlapping_and_at_the_start() -> None:
    from tidyink.rules import repeated_word

    for text in ("the the the", "\u201cx x x x y", "a a", "z-z z", "a. a a a", "ab ab\ue000 ab ab"):
        fast = [m.span() for m in repeated_word.candidates(text)]
        assert fast == [m.span() for m in repeated_word._CANDIDATE.finditer(text)] != []


def _anchors(text: str) -> list[int]:
    joined = Prose(text, (), (0,))
    _, _, words = _patterns._anchor_scan()
    return sorted(pos for group in words for pos in _patterns.anchors(joined, group))


def test_anchors_after_rarer_characters_and_at_the_start() -> None:
    text = "to (to) \u00e9to _to \u0663to 0to \u0130to\nto \u201cto-to\tto\u00a0to"
    lower = Prose(text, (), (0,)).lower()
    assert _anchors(text) == sorted(_anchors_by_lookbehind(lower))
    assert _anchors(text)[:2] == [0, 4]
    assert text.index("\u00e9to") + 1 not in _anchors(text)  # inside a word


LEADS = [*PIECES, "\u00e9", "\u0663", "0", "Z", "\u00c9", "\ufeff", "\r"]


@settings(max_examples=300)
@given(st.lists(st.sampled_from(LEADS), max_size=40).map("".join))
def test_anchor_offsets_led_by_any_character_match_a_lookbehind_scan(text: str) -> None:
    joined = Prose(text, (), (0,))
    assert _anchors(text) == sorted(_anchors_by_lookbehind(joined.lower()))


REPEAT_LEADS = [*REPEAT_PIECES, "\u0663", "\u00c9", "A", "0", "(", "\u2014", "\ufeff", "\r"]


@settings(max_examples=400)
@given(st.lists(st.sampled_from(REPEAT_LEADS), max_size=30).map("".join))
def test_repeat_candidates_led_by_any_character_match_the_plain_scan(text: str) -> None:
    from tidyink.rules import repeated_word

    fast = [(m.span(), m.groups()) for m in repeated_word.candidates(text)]
    assert fast == [(m.span(), m.groups()) for m in repeated_word._CANDIDATE.finditer(text)]


def test_repeats_after_rarer_characters() -> None:
    from tidyink.rules import repeated_word

    text = "(the the) \u00e9a a \u2014so so\nno no \u0663x x"
    spans = [m.span() for m in repeated_word.candidates(text)]
    assert spans == [m.span() for m in repeated_word._CANDIDATE.finditer(text)]
    assert len(spans) == 3  # not "a a" after "é", nor "x x" after a digit


NAMED = ["Tobaih", "Tob", "Tobiah", "Rcahel", "Zo\u00eb", "Zoe\u0308", "Kimm"]
NAME_PIECES = [*PIECES, *NAMED, "Tobaih's", "-Kimm", "Kimmy"]


@settings(max_examples=400)
@given(
    st.lists(st.sampled_from(NAME_PIECES), max_size=30).map("".join),
    st.sets(st.sampled_from(NAMED), min_size=1),
)
def test_name_occurrences_match_finditer(text: str, words: set[str]) -> None:
    from tidyink.rules import name_consistency
    from tidyink.rules._occurrences import occurrences, word_pattern

    before, after = name_consistency._BEFORE, name_consistency._AFTER
    expected = [(m.span(), m.group()) for m in word_pattern(words, before, after).finditer(text)]
    assert [(m.span(), m.group()) for m in occurrences(text, words, before, after)] == expected


def test_many_words_are_found_by_the_compiled_pattern() -> None:
    from tidyink.rules._occurrences import FEW, occurrences

    words = {f"w{chr(97 + k)}" for k in range(FEW + 2)}
    text = " ".join(sorted(words)) + " wa's xwb"
    got = [m.group() for m in occurrences(text, words, r"(?<![\p{L}])", r"(?![\p{L}])")]
    assert got == [*sorted(words), "wa"]


def test_anchors_after_rarer_characters_but_not_inside_words() -> None:
    text = "(to to) \u201cthen then\u2014of 'its its' -to x\u00e9to \u0663the the"
    joined = Prose(text, (), (0,))
    groups = _patterns._anchor_scan()[2]
    got = sorted({pos for group in groups for pos in _patterns.anchors(joined, group)})
    assert got == sorted(set(_anchors_by_lookbehind(joined.lower())))
    assert [text[pos - 1] for pos in got if text[pos - 1] != " "] == ["(", "\u201c", "\u2014"]  # not ', -, é, ٣


def test_an_anchor_at_the_start_is_found_up_to_the_end_of_the_text() -> None:
    def at_start(text: str) -> bool:
        joined = Prose(text, (), (0,))
        groups = _patterns._anchor_scan()[2]
        return any(0 in _patterns.anchors(joined, group) for group in groups)

    assert at_start("effecting") and at_start("effecting change") and at_start("to")
    assert not at_start("effectings") and not at_start("effecting-x") and not at_start("tone")
