"""A local pool's warm-up: the parent converts a sample of the batch for real before its
workers fork, and loads the whole word lists when the batch is large (all text written
for these tests)."""

from __future__ import annotations

import json
import multiprocessing
import zipfile

import pytest

from _batch_tree import make_tree, restore_permissions, snapshot
from tidyink import api, lexicon
from tidyink.batch import BatchConfig, run_batch, warm
from tidyink.batch import run as batch_run
from tidyink.batch.walk import Item
from tidyink.options import Options
from tidyink.rules import _dictionary
from tidyink.rules._wordlist import WordList
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
    archive = tmp_path / "src.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        for path in sorted(tree.rglob("*")):
            if path.is_file() and not path.name.startswith("."):
                zf.write(path, path.relative_to(tree).as_posix())
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


def test_busy_weighs_the_bytes_a_worker_will_convert(monkeypatch):
    monkeypatch.setattr(warm, "WHOLE_LISTS_AT", 100)
    items = [Item(f"{n}.txt", f"/x/{n}.txt", 60) for n in range(3)]
    assert warm.busy(items, 1)  # 180 bytes for one worker
    assert not warm.busy(items, 2)  # 90 a worker
    assert not warm.busy([Item("a.txt", None, 1000, status="failed")], 1)  # not converted
    seen = []

    def walk():
        for item in items * 1000:
            seen.append(item)
            yield item

    assert warm.busy(walk(), 1) and len(seen) == 2  # stops as soon as it knows


def test_load_whole_loads_what_a_long_run_of_look_ups_would(monkeypatch):
    words = WordList.of(["harbour", "lantern", "quay"])
    index = WordIndex.build({"harbour": 5.0, "lantern": 4.0, "quay": 3.5, "the": 7.0})
    before = ([w in words for w in ("quay", "quey")], [index.get(w) for w in ("the", "quay", "zzz")])
    monkeypatch.setattr(_dictionary, "_OPENED", {"en": words})
    monkeypatch.setattr(lexicon, "_OPENED", {"en": index})
    assert words._set is None and index._core is None
    _dictionary.load_whole()
    assert words._set == {"harbour", "lantern", "quay"}
    assert index._core is not None and "the" in index._core
    after = ([w in words for w in ("quay", "quey")], [index.get(w) for w in ("the", "quay", "zzz")])
    assert after == before


@forks
@pytest.mark.parametrize(("limit", "loads"), [(1, True), (1 << 40, False)])
def test_a_busy_batch_loads_the_whole_lists_before_forking(tree, tmp_path, monkeypatch, limit, loads):
    calls = []
    monkeypatch.setattr(warm, "WHOLE_LISTS_AT", limit)
    monkeypatch.setattr(_dictionary, "load_whole", lambda: calls.append(1))
    run_batch(tree, tmp_path / "out", Options(), BatchConfig(jobs=2))
    assert bool(calls) is loads
    calls.clear()
    run_batch(tree, tmp_path / "o2", Options(lint=False), BatchConfig(jobs=2))
    assert not calls  # nothing looks words up in the lists' bulk without lint


def test_a_worker_warms_up_once_for_each_kind_and_options(monkeypatch):
    seen = []
    monkeypatch.setattr(api, "convert", lambda data, **kw: seen.append((kw["path"], kw["options"].quotes)))
    monkeypatch.setattr(warm, "_WARMED", set())
    warm.warm_up_here(Options(), ("warm-up.md", "warm-up.txt"))
    warm.warm_up_here(Options(), ("warm-up.txt",))  # the next batch on the same worker
    warm.warm_up_here(Options(quotes="straight"), ("warm-up.txt",))  # other options: other loads
    assert seen == [("warm-up.md", "curly"), ("warm-up.txt", "curly"), ("warm-up.txt", "straight")]
