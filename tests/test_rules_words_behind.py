"""Patterns that look behind for a word from a list are tried only where the
lower-cased text has one of those words before the offset: never a match lost."""

from __future__ import annotations

import string

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from tidyink import readers
from tidyink.filters.base import Context
from tidyink.options import Options
from tidyink.rules import _patterns, all_rules
from tidyink.rules._text import Prose, prose

RULES = [r for r in all_rules() if issubclass(r, _patterns.PatternRule)]


def _agree(text: str) -> None:
    """Each rule finds what each of its patterns alone finds at every offset of its
    first words (an offset flagged once is done)."""
    doc = readers.read(text, "text")
    ctx = Context(options=Options(), path=None, state={})
    joined = prose(doc, ctx)
    for rule in (r() for r in RULES):
        slow, seen = [], set()
        for pattern in rule.patterns if joined.language() == rule.language else ():
            compiled = _patterns._compiled(pattern.regex)
            for pos in _patterns.anchors(joined, _patterns.bad_group(pattern.regex)):
                m = compiled.match(joined.text, pos)
                if m is None or m.start("bad") in seen or (pattern.guard and not pattern.guard(joined.text, m)):
                    continue
                seen.add(m.start("bad"))
                view, local = joined.locate(m.start("bad"))
                slow.append(view.position(local))
        fast = [(f.line, f.column) for f in rule.check(doc, ctx)]
        assert sorted(slow) == sorted(fast), rule.name


BEHIND = [p for r in RULES for p in r.patterns if _patterns.words_behind(p.regex)]
WORDS = sorted({w for p in BEHIND for w in _patterns.words_behind(p.regex)})
BAD = sorted({w for p in BEHIND for w in _patterns.literals(_patterns.bad_group(p.regex))})
AFTER = ["much", "late", "be", "the", "told", "gone", "tired", "many", "forgotten", "by"]
GAPS = [" ", " ", " ", "  ", "\t", "\n", " \n ", "\u00a0", "\ue000", " \ue000", "\ue000 "]
ODD = {"s": "\u017f", "i": "\u0130", "k": "\u212a"}


def _variant(word: str, how: int) -> str:
    """``word`` as written, capitalised, upper case, or with a letter that folds to ASCII."""
    if how == 1:
        return word.capitalize()
    if how == 2:
        return word.upper()
    if how == 3:
        return "".join(ODD.get(c, c) for c in word)
    return word


OTHER = ["x", "ax", "ought", "'", "-", ","]
token = st.builds(_variant, st.sampled_from(WORDS + BAD + AFTER + OTHER), st.integers(0, 3))
gap = st.sampled_from(GAPS)


@st.composite
def _phrase(draw: st.DrawFn) -> str:
    """A word a pattern looks behind for, a gap, its bad word, a gap, a word after."""
    pattern = draw(st.sampled_from(BEHIND))
    before = draw(st.sampled_from(_patterns.words_behind(pattern.regex)))
    bad = draw(st.sampled_from(_patterns.literals(_patterns.bad_group(pattern.regex))))
    how = st.integers(0, 3)
    parts = [_variant(before, draw(how)), draw(gap), _variant(bad, draw(how)), draw(gap), draw(st.sampled_from(AFTER))]
    return "".join(parts) + draw(st.sampled_from([".", " x", ", x"]))


texts = st.lists(st.one_of(token, gap, _phrase()), max_size=14).map("".join)


def test_the_lists_are_read_from_the_patterns() -> None:
    could_of = next(p for r in RULES if r.name == "could-of" for p in r.patterns)
    assert {"could", "should", "would", "must", "couldn't", "oughta"} <= set(_patterns.words_behind(could_of.regex))
    assert _patterns.words_behind(r"(?<![\p{L}'-])(?P<bad>their)(?=<<GAP>>[\p{L}])") == ()
    assert _patterns.words_behind(r"(?<=(?:in|out)<<GAP>>)(?P<bad>their)") == ("in", "out")
    assert _patterns.words_behind(r"(?<=(?:i\w)<<GAP>>)(?P<bad>x)") == ()  # not all literals: not read
    assert "i'm" in {w for p in BEHIND for w in _patterns.words_behind(p.regex)}  # lower case


def test_letters_that_fold_to_ascii_but_do_not_lower_to_it_are_listed() -> None:
    every = "".join(chr(i) for i in range(0x110000) if not 0xD800 <= i < 0xE000)
    odd = set()
    for letter in string.ascii_lowercase + "'":
        found = regex.findall(regex.escape(letter), every, regex.IGNORECASE | regex.VERSION0)
        odd |= {c for c in found if Prose(c, (), ()).lower() != letter}
    assert odd == set(_patterns.UNLOWERED)


def test_one_space_and_no_word_before_is_skipped_other_gaps_are_tried() -> None:
    words = ("could", "would")
    assert not _patterns.may_follow("he did of", 7, words)
    assert _patterns.may_follow("he could of", 9, words)
    assert _patterns.may_follow("he did  of", 8, words)  # two spaces: left to the pattern
    assert _patterns.may_follow("of", 0, words) and _patterns.may_follow(" of", 1, words)


@settings(max_examples=400, deadline=None)
@given(texts)
def test_where_a_pattern_matches_its_words_are_found_before(text: str) -> None:
    if any(c in text for c in _patterns.UNLOWERED):
        return  # (such texts are never filtered)
    lower = Prose(text, (), ()).lower()
    for pattern in BEHIND:
        compiled = _patterns._compiled(pattern.regex)
        words = _patterns.words_behind(pattern.regex)
        for pos in range(len(text) + 1):
            if compiled.match(text, pos) is not None:
                assert _patterns.may_follow(lower, pos, words), (pattern.regex[:40], pos)


@settings(max_examples=200, deadline=None)
@given(texts)
def test_rules_find_what_each_pattern_alone_finds(text: str) -> None:
    _agree("The cat and the dog were there. " + text)


def test_a_long_s_or_dotted_capital_i_turns_the_filter_off() -> None:
    _agree("It was to late. He \u017fhould of known. \u0130s to much.")
    _agree("It was to late. He should of known, said \u0130van.")
