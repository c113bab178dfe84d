"""A local pool's warm-up: the parent converts a sample of the batch for real before its
workers fork, and loads the whole word lists when the batch is large (all text written
for these tests)."""

from __future__ import annotations

import json
import multiprocessing

import pytest

from _batch_tree import make_tree, restore_permissions, snapshot, zip_tree
from tidyink import api, lexicon
from tidyink.batch import BatchConfig, run_batch, warm
from tidyink.batch import run as batch_run
from tidyink.batch.walk import Item
from tidyink.options import Options
from tidyink.rules import _dictionary
from tidyink.rules._wordlist import BUDGET as WordListBudget
from tidyink.rules._wordlist import WordList
from tidyink.wordindex import BUDGET as IndexBudget
from tidyink.wordindex import WordIndex

forks = pytest.mark.skipif(
    multiprocessing.get_start_method() != "fork", reason="the warm-up converts here only for forked workers"
)


@pytest.fixture
def tree(tmp_path):
    root = make_tree(tmp_path / "src", awkward=False)
    yield root
    restore_permissions(root)


def _records(path):
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


@forks
def test_each_file_is_converted_and_recorded_once_with_the_samples_converted_here(tree, tmp_path, monkeypatch):
    converted_here = []  # (a worker appends to its own copy)
    real = api.convert

    def spy(data, **kwargs):
        converted_here.append(kwargs["path"])
        return real(data, **kwargs)

    monkeypatch.setattr(api, "convert", spy)
    run_batch(tree, tmp_path / "one", Options(), BatchConfig(jobs=1))
    converted_here.clear()
    report = tmp_path / "two.jsonl"
    summary = run_batch(tree, tmp_path / "two", Options(), BatchConfig(jobs=2, report=str(report)))
    # Converted here: the first text (binary: refused, so a made-up text is converted in
    # its place) and the first Markdown file (also the first whose bytes look like mojibake).
    names = sorted(name.split("/src/", 1)[-1] for name in converted_here)
    assert names == ["disguised.txt", "old/dos/damaged.md", "warm-up.txt"]
    records = _records(report)
    sources = [r["source"] for r in records]
    assert len(sources) == len(set(sources))  # once each
    assert summary.status["converted"] == len(snapshot(tmp_path / "one")) == len(snapshot(tmp_path / "two"))
    assert snapshot(tmp_path / "one") == snapshot(tmp_path / "two")
    # A rerun finds them up to date, those converted by the warm-up included.
    again = run_batch(tree, tmp_path / "two", Options(), BatchConfig(jobs=2))
    assert again.status["converted"] == 0 and again.status["up-to-date"] == summary.status["converted"]


@forks
def test_archive_members_sampled_by_the_warm_up_are_converted_once(tree, tmp_path):
    archive = zip_tree(tree, tmp_path / "src.zip")
    report = tmp_path / "r.jsonl"
    run_batch(tree, tmp_path / "folder", Options(), BatchConfig(jobs=1))
    run_batch(archive, tmp_path / "zipped", Options(), BatchConfig(jobs=2, report=str(report)))
    assert snapshot(tmp_path / "folder") == snapshot(tmp_path / "zipped")
    sources = [r["source"] for r in _records(report)]
    assert len(sources) == len(set(sources))


@forks
def test_a_sample_is_recorded_when_converted_even_if_gone_before_its_turn(tree, tmp_path, monkeypatch):
    real = batch_run.warm_up

    def then_delete(engine, options, **kwargs):
        (tree / "old" / "dos" / "damaged.md").unlink()  # after the warm-up converted it
        return real(engine, options, **kwargs)

    monkeypatch.setattr(batch_run, "warm_up", then_delete)
    report = tmp_path / "r.jsonl"
    run_batch(tree, tmp_path / "out", Options(), BatchConfig(jobs=2, report=str(report)))
    damaged = [r for r in _records(report) if r["source"].endswith("damaged.md")]
    assert [r["status"] for r in damaged] == ["converted"]
    assert (tmp_path / "out" / "old" / "dos" / "damaged.md").read_text(encoding="utf-8").startswith("# Chapter 3")


def test_total_size_counts_the_files_to_convert():
    items = [Item(f"{n}.txt", f"/x/{n}.txt", 60) for n in range(3)]
    items += [Item("a.txt", None, 1000, status="failed"), Item("b.png", None, 500, status="skipped")]
    assert warm.total_size(items) == 180


def test_expect_more_loads_what_the_foreseen_look_ups_would(monkeypatch):
    busy_words, idle_words = WordList.of(["harbour", "lantern", "quay"]), WordList.of(["pier"])
    busy, idle = (WordIndex.build({"harbour": 5.0, "lantern": 4.0, "quay": 3.5, "the": 7.0}) for _ in range(2))
    probes = ("the", "quay", "zzz")
    before = ([w in busy_words for w in ("quay", "quey")], [busy.get(w) for w in probes])
    assert busy_words.spent() == 2 and busy.spent() == 3  # (new look-ups answered by searching)
    monkeypatch.setattr(_dictionary, "_OPENED", {"en": busy_words, "xx": idle_words})
    monkeypatch.setattr(lexicon, "_OPENED", {"en": busy, "fr": idle})
    _dictionary.expect_more(1.0)  # as many again: well within every budget
    assert busy_words._set is None and busy._core is None
    _dictionary.expect_more(WordListBudget // 2)  # 2 look-ups so far, a budget's worth coming
    assert busy_words._set == {"harbour", "lantern", "quay"} and idle_words._set is None  # (it asked none)
    _dictionary.expect_more(IndexBudget)  # 3 look-ups so far: three budgets' worth coming
    assert busy._core is not None and "the" in busy._core and idle._core is None
    after = ([w in busy_words for w in ("quay", "quey")], [busy.get(w) for w in probes])
    assert after == before  # the same answers either way


@forks
def test_a_pool_foresees_its_workers_look_ups_before_forking(tree, tmp_path, monkeypatch):
    scales = []
    monkeypatch.setattr(_dictionary, "expect_more", scales.append)
    run_batch(tree, tmp_path / "out", Options(), BatchConfig(jobs=2))
    # A worker's share of the folder's bytes, against what the parent converted to warm up:
    # the Markdown file, and a made-up text for the first text file (binary: refused).
    batch = batch_run._Batch(str(tree), str(tmp_path / "o"), Options(), BatchConfig(jobs=2))
    per_worker = warm.total_size(batch.items()) // 2
    converted_here = (tree / "old" / "dos" / "damaged.md").stat().st_size + len(warm._WARM_UP)
    assert scales == [pytest.approx(per_worker / converted_here)]


def test_a_worker_warms_up_once_for_each_kind_and_options(monkeypatch):
    seen = []
    monkeypatch.setattr(api, "convert", lambda data, **kw: seen.append((kw["path"], kw["options"].quotes)))
    monkeypatch.setattr(warm, "_WARMED", set())
    warm.warm_up_here(Options(), ("warm-up.md", "warm-up.txt"))
    warm.warm_up_here(Options(), ("warm-up.txt",))  # the next batch on the same worker
    warm.warm_up_here(Options(quotes="straight"), ("warm-up.txt",))  # other options: other loads
    assert seen == [("warm-up.md", "curly"), ("warm-up.txt", "curly"), ("warm-up.txt", "straight")]
