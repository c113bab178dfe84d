"""The word index answers exactly as the plain table, however it is asked."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from _wordtable_reference import WordTable
from tidyink import lexicon, wordindex
from tidyink.wordindex import WordIndex, encode

# wordfreq's values: Zipf 9 - b/100 for a whole bucket b
zipfs = st.integers(min_value=0, max_value=900).map(lambda b: 9 - b / 100)
letters = st.text(alphabet="abcéèßøłçñ'\u2019-\t\nzq\udcff", min_size=0, max_size=7)
TABLE = {
    "the": 7.73,
    "heron": 3.41,
    "gloaming": 2.12,
    "sérac": 1.5,
    "straße": 3.05,
    "zymurgy": 1.01,
    "a\tb": 2.0,  # no such word in wordfreq's lists, but the index must still answer it
    "odd\nline": 4.0,
    "between": 9 - 123.4 / 100,  # not a whole bucket
}


def _plain(table: dict[str, float], word: str) -> float:
    return table.get(word, 0.0)


@settings(max_examples=150, deadline=None)
@given(st.dictionaries(letters, zipfs, max_size=300), st.lists(letters, max_size=60), st.integers(1, 5))
def test_answers_as_the_plain_table(table: dict[str, float], asked: list[str], block: int) -> None:
    wordindex.BLOCK, saved = block, wordindex.BLOCK  # small blocks: many of them, searched at their edges
    try:
        index = WordIndex.build(table)
    finally:
        wordindex.BLOCK = saved
    for word in [*asked, *table]:
        z = _plain(table, word)
        assert index.get(word) == z and (word in index) == (z > 0.0)
        assert index.common(word) == (z if z >= lexicon.CORE_ZIPF else 0.0)
    assert len(index) == len(table)
    assert index.top() == max((z for z in table.values() if z >= lexicon.CORE_ZIPF), default=lexicon.CORE_ZIPF)
    if not any("\udcff" in w for w in table):  # (the plain table cannot hold a lone surrogate)
        old = WordTable.build(table)
        assert [index.get(w) for w in asked] == [old.get(w) for w in asked] and index.top() == old.top()


@settings(max_examples=100, deadline=None)
@given(st.dictionaries(letters, zipfs, max_size=60), st.lists(letters, max_size=40), st.floats(0.5, 8.0))
def test_may_reach_keeps_what_the_plain_table_keeps(table: dict[str, float], asked: list[str], floor: float) -> None:
    index = WordIndex.build(table)
    kept = [w for w in asked if floor < lexicon.CORE_ZIPF or _plain(table, w) >= floor]
    assert list(index.may_reach(asked, floor)) == kept


def test_odd_words_and_strangers() -> None:
    index = WordIndex.build(TABLE)
    assert index.get("a\tb") == 2.0 and index["odd\nline"] == 4.0
    assert index.get("between") == TABLE["between"]
    assert index.get("sérac") == 1.5 and index.common("sérac") == 0.0 and index.common("straße") == 3.05
    for stranger in ("", "a", "odd", "the\t773", "gloaming\t212\nheron", "\udcff", "zz" * 50):
        assert index.get(stranger) == 0.0 and stranger not in index
    with pytest.raises(KeyError):
        index["heronry"]
    assert index.get("heronry", -1.0) == -1.0


def test_the_common_words_dict_is_loaded_only_past_the_budget(monkeypatch) -> None:
    monkeypatch.setattr(wordindex, "BUDGET", 3)
    index = WordIndex.build(TABLE)
    assert [index.get(w) for w in ("the", "the", "heron", "nope")] == [7.73, 7.73, 3.41, 0.0]
    assert index._core is None  # three new questions: within the budget
    assert index.get("gloaming") == 2.12 and index._core is not None
    assert index.get("straße") == 3.05 and index.get("zymurgy") == 1.01


def test_a_bulk_question_past_the_budget_loads_the_dict_at_once(monkeypatch) -> None:
    monkeypatch.setattr(wordindex, "BUDGET", 3)
    index = WordIndex.build(TABLE)
    assert index.may_reach(["the", "gloaming"], 3.0) == ["the"] and index._core is None
    assert index.may_reach(["heron", "zymurgy", "straße", "the"], 3.0) == ["heron", "straße", "the"]
    assert index._core is not None


def test_opened_from_a_file_as_built(tmp_path) -> None:
    path = tmp_path / "words.index"
    path.write_bytes(encode(TABLE))
    opened = WordIndex.open(path)
    assert opened == WordIndex.build(TABLE)
    assert all(opened.get(w) == z for w, z in TABLE.items())


@pytest.mark.parametrize("data", [b"", b"TIWORDS1", encode(TABLE)[:-1], b"X" + encode(TABLE)[1:]])
def test_broken_data_is_refused(data: bytes) -> None:
    with pytest.raises(ValueError, match="not a word index"):
        WordIndex(data)


def test_lexicon_reads_back_what_it_stored(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("TIDYINK_CACHE_DIR", str(tmp_path))
    built = lexicon.frequencies.__wrapped__("pt")
    again = lexicon.frequencies.__wrapped__("pt")
    plain = lexicon._build("pt")
    assert again == built and len(again) == len(plain)
    for word in [*list(plain)[::211], "zzqxv", "não" + "x"]:
        assert again.get(word) == plain.get(word, 0.0)
