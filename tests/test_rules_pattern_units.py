"""Pattern rules try the patterns that share first words together, and find
exactly what trying each pattern alone, one after another, finds."""

from __future__ import annotations

from collections.abc import Iterator

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from tidyink import readers
from tidyink.filters.base import Context
from tidyink.options import Options
from tidyink.rules import _patterns, all_rules
from tidyink.rules._text import prose

RULES = [r for r in all_rules() if issubclass(r, _patterns.PatternRule)]


def _one_by_one(rule: _patterns.PatternRule, text: str, joined: _patterns.Prose) -> Iterator[tuple[int, int, str]]:
    """Each pattern alone over all its offsets, in order; an offset flagged once is done."""
    seen: set[int] = set()
    for pattern in rule.patterns:
        found = _patterns.anchors(joined, _patterns.bad_group(pattern.regex))
        compiled = _patterns._compiled(pattern.regex)
        for pos in found:
            m = compiled.match(text, pos)
            if m is None or (pattern.guard is not None and not pattern.guard(text, m)):
                continue
            if m.start("bad") in seen:
                continue
            seen.add(m.start("bad"))
            good = pattern.good if isinstance(pattern.good, str) else pattern.good(m)
            view, local = joined.locate(m.start("bad"))
            line, column = view.position(local)
            yield line, column, _patterns.match_case(m.group("bad"), good)


def _findings(text: str) -> dict[str, tuple[list[tuple[int, int, str]], list[tuple[int, int, str]]]]:
    doc = readers.read(text, "text")
    ctx = Context(options=Options(), path=None, state={})
    joined = prose(doc, ctx)
    out = {}
    for rule_class in RULES:
        rule = rule_class()
        slow = list(_one_by_one(rule, joined.text, joined)) if joined.language() == rule.language else []
        fast = [(f.line, f.column, f.suggestions[0].replace("\u2019", "'")) for f in rule.check(doc, ctx)]
        out[rule.name] = (slow, fast)
    return out


def _agree(text: str) -> None:
    for name, (slow, fast) in _findings(text).items():
        assert slow == fast, name


def test_the_rules_examples_agree() -> None:
    for rule in RULES:
        for sentence in rule.examples.get("wrong", ()) + rule.examples.get("right", ()):
            _agree(sentence)


def test_patterns_sharing_first_words_are_tried_together() -> None:
    units = [u for r in RULES for _, u in _patterns._units(r.patterns)]
    assert any(len(u) > 1 for u in units)
    assert sum(len(u) for u in units) == sum(len(r.patterns) for r in RULES)


def test_a_later_pattern_of_a_unit_still_flags_its_own_words() -> None:
    # the second "to" pattern ("way to much") and the first ("was to late") in one text
    slow, fast = _findings("It was to late, and there was way to much of it.")["to-too"]
    assert [good for _, _, good in fast] == ["too", "too"]
    assert fast == slow


SENTENCES = [s for rule in RULES for s in rule.examples.get("wrong", ()) + rule.examples.get("right", ())]
WORDS = sorted({w.lower() for s in SENTENCES for w in regex.findall(r"[\p{L}']+", s)})
PIECES = [" ", " ", " ", "\n", ", ", ". ", "'", "\u2019"]


@st.composite
def _snippet(draw: st.DrawFn) -> str:
    """A stretch of one example sentence (its words in their order), or a word or a piece."""
    sentence = draw(st.sampled_from(SENTENCES)).split(" ")
    start = draw(st.integers(0, len(sentence) - 1))
    stop = draw(st.integers(start + 1, len(sentence)))
    return " ".join(sentence[start:stop])


texts = st.lists(
    st.one_of(_snippet(), st.sampled_from(WORDS), st.sampled_from(PIECES)), max_size=30
).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(texts)
def test_random_texts_of_the_rules_words_agree(text: str) -> None:
    _agree("The cat and the dog were there. " + text)


def test_every_rule_fires_on_its_wrong_examples_together() -> None:
    text = " ".join(s for r in RULES for s in r.examples.get("wrong", ()))
    found = _findings(text)
    assert all(fast for _, fast in found.values())
    _agree(text)
