"""Spelling suggestions: one edit, typists' two-edit paths, computed only when read."""

from __future__ import annotations

import copy
import pickle

from hypothesis import given, settings
from hypothesis import strategies as st

import tidyink
from tidyink.rules import _suggest
from tidyink.rules._dialect import fold
from tidyink.rules._dictionary import curated
from tidyink.rules._suggest import Suggestions, first_steps, suggest


def test_one_edit_suggestions_ranked_by_frequency() -> None:
    assert suggest("recieve")[0] == "receive"
    assert suggest("goverment") == ("government",)


def test_two_edits_along_a_typists_path() -> None:
    # two wrong vowels, then a swapped pair plus a dropped letter
    assert suggest("seperete")[0] == "separate"
    assert "because" in suggest("becasue")


def test_nothing_near_gives_nothing() -> None:
    assert suggest("xqzvwkj") == ()


def test_first_steps_undo_one_slip() -> None:
    steps = first_steps("wierd")
    assert {"weird", "wird", "wiird"} <= steps and "wierd" not in steps


def test_suggestions_are_computed_only_when_read(monkeypatch) -> None:
    calls: list[str] = []
    real = _suggest.suggest

    def counting(word: str, lang: str = "en", limit: int = 3) -> tuple[str, ...]:
        calls.append(word)
        return real(word, lang, limit)

    monkeypatch.setattr(_suggest, "suggest", counting)
    (finding,) = tidyink.check("The chipsticks were lost.", select=["S101"])
    assert calls == []
    assert finding.suggestions[0] == "chopsticks"
    assert calls == ["chipsticks"]
    assert finding.to_dict()["suggestions"][0] == "chopsticks"
    assert calls == ["chipsticks"]  # read once, remembered


def test_lazy_suggestions_behave_as_a_tuple() -> None:
    lazy = Suggestions("chipsticks")
    plain = suggest("chipsticks")
    assert lazy == plain and hash(lazy) == hash(plain) and list(lazy) == list(plain)
    assert pickle.loads(pickle.dumps(lazy)) == plain
    assert copy.deepcopy(lazy) == plain
    assert len(lazy) == len(plain) and lazy[:1] == plain[:1]


@settings(max_examples=40, deadline=None)
@given(st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=3, max_size=9))
def test_suggestions_are_other_dictionary_words(word: str) -> None:
    found = suggest(word)
    good = curated("en")
    assert len(found) <= 3 and word not in found
    assert all(w in good for w in found)
    assert Suggestions(word) == found


@given(st.text(alphabet="abcdeiouæœöüïë", max_size=12))
def test_folding_is_idempotent_and_ascii_for_these_letters(word: str) -> None:
    once = fold(word)
    assert fold(once) == once and once.isascii()


@settings(max_examples=25, deadline=None)
@given(st.text(alphabet="abcdeilnorstu", min_size=4, max_size=9))
def test_two_step_suggestions_asked_at_once_equal_those_asked_step_by_step(word: str) -> None:
    from tidyink.rules._distance import LETTERS, edits1

    good = curated("en").words()
    stepwise: set[str] = set()
    for step in first_steps(word):
        stepwise |= good.intersection(edits1(step, LETTERS))
    stepwise.discard(word)
    found = suggest.__wrapped__(word, limit=10**6)
    if not good.intersection(edits1(word, LETTERS)):
        assert set(found) == stepwise
