"""The contexts' quick exits give what the full tests give, on any words that follow."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from tidyink.rules import _contexts, _pos
from tidyink.rules._contexts import (
    CLAUSE_END,
    CORE_PREPOSITIONS,
    SUBJECTS,
    _after_all,
    _lower_word,
    adjective_only,
    adverb_only,
    following,
    noun_phrase,
    participle_only,
)


def _contraction_meant_in_full(text: str, end: int) -> bool:
    """``contraction_meant`` as first written: both tokens read, every test asked."""
    tokens = following(text, end, 2)
    if not tokens:
        return False
    first = _lower_word(tokens[0])
    if first is None:
        return False
    second = tokens[1].lower() if len(tokens) > 1 else ""
    if first in CORE_PREPOSITIONS:
        return True
    if (first == "no" and second != "-") or (first in ("all", "both") and _after_all(text, end)):
        return True
    if first in _pos.closed("wh") and second != "?":
        return True
    if first == "not" and _pos.ING in _pos.tags(second):
        return False
    if adverb_only(first) and _pos.ING in _pos.tags(second):
        return False
    if adverb_only(first) or participle_only(first):
        return not noun_phrase(text, end)
    if adjective_only(first):
        ends = second in CLAUSE_END or second in SUBJECTS or second in ("to", "that")
        return ends and not noun_phrase(text, end)
    return False


def _gerund_to_verb_in_full(text: str, end: int) -> bool:
    tokens = following(text, end, 3)
    words = [_lower_word(t) for t in tokens]
    if len(words) < 3 or None in words or words[0] == "going" or words[1] != "to":
        return False
    first, _, third = words
    t = set(_pos.tags(first))
    return _pos.ING in t and _pos.NOUN not in t and _pos.VERB in _pos.tags(third)


WORDS = [
    "house",
    "own",
    "going",
    "dying",
    "reading",
    "to",
    "hear",
    "at",
    "no",
    "-",
    "all",
    "both",
    "wrong",
    "right",
    "not",
    "being",
    "always",
    "late",
    "gone",
    "taken",
    "true",
    "certain",
    "what",
    "?",
    "!",
    ",",
    ".",
    "that",
    "he",
    "she",
    "very",
    "rather",
    "grim",
    "reputation",
    "The",
    "Going",
    "\u00e9t\u00e9",
    "x-ray",
    "can't",
]
gaps = st.sampled_from([" ", "  ", "\n", " \n ", "\ue000", "", "\t"])
texts = st.lists(st.tuples(gaps, st.sampled_from(WORDS)), max_size=7).map(
    lambda parts: "your" + "".join(gap + word for gap, word in parts)
)


@settings(max_examples=600, deadline=None)
@given(texts)
def test_contraction_and_gerund_tests_agree_with_the_full_ones(text: str) -> None:
    end = len("your")
    assert _contexts.contraction_meant(text, end) == _contraction_meant_in_full(text, end)
    assert _contexts.gerund_to_verb(text, end) == _gerund_to_verb_in_full(text, end)


def test_quick_exits_on_fixtures() -> None:
    cases = {
        "your house is here": (False, False),
        "your at home": (True, False),
        "your always late": (True, False),
        "your gone": (True, False),
        "your certain to win": (True, False),
        "your true, she said": (True, False),
        "your dying to hear it": (False, True),
        "your going to hear it": (False, False),
        "your no good": (True, False),
        "your what?": (False, False),
        "your reading lamp": (False, False),
    }
    for text, expected in cases.items():
        got = (_contexts.contraction_meant(text, 4), _contexts.gerund_to_verb(text, 4))
        assert got == expected == (_contraction_meant_in_full(text, 4), _gerund_to_verb_in_full(text, 4)), text


def _possessive_for_there_in_full(text: str, end: int, words_before: list[str]) -> bool:
    """``possessive_for_there`` as first written: the word before asked first."""
    before = words_before[0] if words_before else ""
    if before in _contexts.AUXILIARIES or before in ("here", "and", "over", "out", "in", "up", "down"):
        return False
    tokens = following(text, end, 2)
    first = _lower_word(tokens[0]) if tokens else None
    if first is None or first in _contexts.TIME_SPANS:
        return False
    second = tokens[1] if len(tokens) > 1 else ""
    if _pos.noun_only(first):
        return second not in ("!", "?", ",")
    t = set(_pos.tags(first))
    nxt = _lower_word(second)
    return (
        _pos.ADJECTIVE in t
        and not t & {_pos.ADVERB, _pos.VERB, _pos.COMPARATIVE, _pos.SUPERLATIVE}
        and not _pos.function_word(first)
        and nxt is not None
        and nxt not in _contexts.TIME_SPANS
        and _contexts._noun_after_adjective(nxt)
    )


THERE_WORDS = [
    "appreciation",
    "rustic",
    "neighbours",
    "years",
    "is",
    "was",
    "over",
    "lived",
    "boy",
    "!",
    ",",
    "time",
    "old",
    "house",
    "and",
    "went",
]
there_texts = st.tuples(
    st.lists(st.sampled_from(THERE_WORDS), max_size=3), st.lists(st.sampled_from(THERE_WORDS), max_size=3)
)


@settings(max_examples=400, deadline=None)
@given(there_texts)
def test_there_before_a_noun_agrees_with_the_full_test(parts: tuple[list[str], list[str]]) -> None:
    from tidyink.rules import their_there
    from tidyink.rules._patterns import previous_words

    before, after = parts
    text = " ".join([*before, "there", *after])
    start = text.index("there", len(" ".join(before)))
    end = start + len("there")
    words_before = previous_words(text, start, 1)
    expected = _possessive_for_there_in_full(text, end, words_before)
    assert _contexts.possessive_for_there(text, end, words_before) == expected
    m = their_there.regex.compile(r"(?P<bad>there)").match(text, start)
    assert their_there._possessive_there(text, m) == expected
