"""The grouped word list answers every question as the frozenset of its words does."""

from __future__ import annotations

from bisect import bisect_left

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tidyink.rules import _wordlist
from tidyink.rules._wordlist import WordList
from tidyink.wordindex import WordIndex

LETTERS = "abcdeo'\u00e9"
words = st.text(alphabet=LETTERS, max_size=7)
word_sets = st.sets(st.text(alphabet=LETTERS, min_size=1, max_size=7), max_size=60)


def _starts_another(others: list[str], word: str) -> bool:
    i = bisect_left(others, word)
    return i < len(others) and others[i].startswith(word) and others[i] != word


@settings(max_examples=200, deadline=None)
@given(word_sets, st.lists(words, max_size=40))
def test_look_ups_agree_with_the_frozenset(listed: set[str], asked: list[str]) -> None:
    plain = frozenset(listed)
    grouped = WordList.of(listed)
    assert [w in grouped for w in asked] == [w in plain for w in asked]
    assert grouped.intersection(asked) == plain.intersection(asked)
    assert grouped.absent(asked) == [w for w in asked if w not in plain]
    assert grouped.absent(asked[::-1]) == [w for w in asked[::-1] if w not in plain]  # (remembered)
    ordered = sorted(plain)
    for word in asked:
        quick = grouped.starts_another(word)
        assert quick is None or quick == _starts_another(ordered, word)
    assert len(grouped) == len(plain) and bool(grouped) == bool(plain)
    assert grouped == plain and set(grouped) == plain


def test_words_that_straddle_groups_or_hold_line_breaks_are_not_found() -> None:
    grouped = WordList.of(["gloaming", "gloam", "glo", "bridle", "bridles"])
    assert "gloam" in grouped and "glo" in grouped and "gloa" not in grouped
    assert "gloam\ngloaming" not in grouped and "bridle\nbridles" not in grouped
    assert grouped.starts_another("gloa") is True
    assert grouped.starts_another("gloam") is False  # a word itself
    assert grouped.starts_another("bridl") is True and grouped.starts_another("brid\nle") is None
    assert grouped.starts_another("gl") is None  # shorter than a group's name: ask the sorted words
    assert 7 not in grouped  # not a string: never a word


def test_empty_strings_and_line_breaks_are_left_out_of_the_groups() -> None:
    assert WordList.of(["", "a\nb", "word"]) == frozenset({"word"})


def test_after_the_budget_the_frozenset_answers(monkeypatch) -> None:
    monkeypatch.setattr(_wordlist, "BUDGET", 3)
    grouped = WordList.of(["cart", "carts", "horse"])
    answers = [w in grouped for w in ("cart", "cat", "horse", "horses", "carts")]
    assert answers == [True, False, True, False, True]
    assert grouped._set is not None  # built once the budget ran out
    assert grouped.intersection(["cart", "dog"]) == {"cart"}


def test_a_large_intersection_builds_the_frozenset(monkeypatch) -> None:
    monkeypatch.setattr(_wordlist, "BUDGET", 2)
    grouped = WordList.of(["cart", "carts", "horse"])
    assert grouped.intersection(["cart", "dog", "horse"]) == {"cart", "horse"}
    assert grouped._set is not None


@settings(max_examples=100, deadline=None)
@given(
    st.dictionaries(words, st.floats(min_value=1.0, max_value=7.5), max_size=40),
    st.lists(words, max_size=30),
    st.floats(min_value=0.5, max_value=8.0),
)
def test_may_reach_keeps_every_word_at_least_as_common_as_the_floor(
    table: dict[str, float], asked: list[str], floor: float
) -> None:
    freq = WordIndex.build(table)
    kept = list(freq.may_reach(asked, floor))
    assert [w for w in kept if freq.get(w) >= floor] == [w for w in asked if freq.get(w) >= floor]


def test_a_bulk_question_larger_than_the_budget_goes_to_the_frozenset_it_is_given(monkeypatch) -> None:
    monkeypatch.setattr(_wordlist, "BUDGET", 2)
    loads = []
    grouped = WordList(_wordlist.groups(["cart", "horse"]), lambda: loads.append(1) or frozenset({"cart", "horse"}))
    assert grouped.absent(["dog"]) == ["dog"] and not loads  # within the budget
    assert grouped.absent(["horse", "cat", "cart"]) == ["cat"] and loads == [1]
    assert "horse" in grouped and loads == [1]  # loaded once


def test_expecting_more_look_ups_than_the_budget_loads_the_frozenset_at_once(monkeypatch) -> None:
    monkeypatch.setattr(_wordlist, "BUDGET", 10)
    grouped = WordList.of(["cart", "horse"])
    grouped.expect(5)
    assert grouped._set is None
    grouped.expect(11)
    assert grouped._set == frozenset({"cart", "horse"}) and "cart" in grouped


def test_remembered_answers_are_forgotten_past_the_limit(monkeypatch) -> None:
    monkeypatch.setattr(_wordlist, "REMEMBERED", 3)
    grouped = WordList.of(["cart", "horse"])
    assert grouped.absent(["cart", "dog"]) == ["dog"] and len(grouped._seen) == 2
    assert grouped.absent(["cat", "horse", "cart"]) == ["cat"] and len(grouped._seen) == 3


CLOSE = "ab\u00e9"  # few letters: words share their first three or four often
close_words = st.text(alphabet=CLOSE, min_size=1, max_size=6)


@settings(max_examples=300, deadline=None)
@given(st.sets(close_words, max_size=50), st.lists(close_words, max_size=40), st.integers(min_value=0, max_value=4))
def test_groups_split_past_a_size_answer_as_the_frozenset(listed: set[str], asked: list[str], split: int) -> None:
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(_wordlist, "SPLIT", split)  # (small: most groups of three letters are split)
        grouped = WordList.of(listed)
    plain = frozenset(listed)
    asked += [w[:n] + tail for w in list(listed)[:8] for n in (3, 4) for tail in ("", "e", "\u00e9o")]
    assert [w in grouped for w in asked] == [w in plain for w in asked]
    assert grouped.absent(asked) == [w for w in asked if w not in plain]
    assert grouped.intersection(asked) == plain.intersection(asked)
    ordered = sorted(plain)
    for word in asked:
        quick = grouped.starts_another(word)
        assert quick is None or quick == _starts_another(ordered, word)
    assert len(grouped) == len(plain) and grouped == plain


def test_a_large_group_is_split_by_four_letters_and_a_small_one_kept_whole() -> None:
    many = [f"cart{c}{d}" for c in "abcdefghijklm" for d in "abcdefghijk"]  # 143 words of "car"
    grouped = _wordlist.groups([*many, "car", "cars", "carb", "dog", "dogs"])
    assert "dog" in grouped and "dogs" not in grouped  # "dog" holds every word of "dog"
    assert "car" in grouped and "cars" in grouped and "carb" in grouped and "cart" in grouped
    listed = WordList(grouped)
    assert all(w in listed for w in ("car", "cars", "carb", "cartaa", "cartmk", "dogs"))
    assert not any(w in listed for w in ("ca", "cart", "carz", "cartz", "do", "dogz", "carbs"))
    assert listed.starts_another("cart") is True and listed.starts_another("carb") is False
