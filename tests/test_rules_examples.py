"""Every rule flags its own 'wrong' examples and stays quiet on its 'right' ones."""

from __future__ import annotations

import pytest

import tidyink
from tidyink.rules import all_rules

CASES = [
    (rule.code, kind, sentence)
    for rule in all_rules()
    for kind in ("wrong", "right")
    for sentence in rule.examples.get(kind, ())
]


def codes(text: str, code: str) -> list[str]:
    return [f.code for f in tidyink.check(text, select=[code])]


@pytest.mark.parametrize(("code", "kind", "sentence"), CASES)
def test_examples(code: str, kind: str, sentence: str) -> None:
    found = codes(sentence, code)
    if kind == "wrong":
        assert found == [code], sentence
    else:
        assert found == [], sentence


@pytest.mark.parametrize(("code", "kind", "sentence"), CASES)
def test_curly_apostrophes_are_the_same(code: str, kind: str, sentence: str) -> None:
    curly = sentence.replace("'", "\u2019")
    assert codes(curly, code) == codes(sentence, code)


def test_every_rule_has_examples_both_ways() -> None:
    for rule in all_rules():
        assert rule.examples.get("wrong") and rule.examples.get("right"), rule.code
        assert rule.code[0] in "CDERNS" and rule.code[1:].isdigit(), rule.code
