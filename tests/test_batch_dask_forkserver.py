"""The LocalCluster that the Dask engine starts forks its workers from a preloaded
forkserver (where the platform has one) and gives the bytes the inline engine gives."""

from __future__ import annotations

import multiprocessing
import sys

import pytest

from _batch_tree import make_tree, snapshot
from tidyink.batch import BatchConfig, forkserver, run_batch
from tidyink.options import Options

HAS_FORKSERVER = "forkserver" in multiprocessing.get_all_start_methods()


def _worker_facts() -> dict[str, object]:
    import logging
    import signal

    handlers = logging.getLogger("distributed").handlers
    return {
        "preloaded": "tidyink.batch.preload" in sys.modules,
        "logs_shown": [h.level for h in handlers if isinstance(h, logging.StreamHandler) and h.level < 50],
        "ctrl_c_ignored": signal.getsignal(signal.SIGINT) == signal.SIG_IGN,
        "profiling": __import__("dask").config.get("distributed.worker.profile.enabled"),
        "tick": __import__("dask").config.get("distributed.admin.tick.interval"),
    }


def _steals(dask_scheduler) -> bool:
    return "stealing" in dask_scheduler.extensions


@pytest.mark.skipif(not HAS_FORKSERVER, reason="no forkserver on this platform")
def test_local_cluster_workers_come_preloaded_and_ignore_ctrl_c():
    pytest.importorskip("distributed")
    from tidyink.batch.engines import DaskEngine

    engine = DaskEngine(workers=2)
    try:
        facts = list(engine.client.run(_worker_facts).values())
        stealing = engine.client.run_on_scheduler(_steals)
    finally:
        engine.close()
    assert len(facts) == 2
    for fact in facts:
        # imported before any task came: the worker is a fork of the preloaded server
        # and its logs of errors Dask recovers from (a heartbeat failing at shut-down) are not shown
        assert fact == {"preloaded": True, "logs_shown": [], "ctrl_c_ignored": True, "profiling": False, "tick": "1s"}
    assert stealing is False  # a lean cluster: tasks wait in the scheduler's queue


def test_local_cluster_gives_the_bytes_of_the_inline_engine(tmp_path):
    pytest.importorskip("distributed")
    src = make_tree(tmp_path / "src", awkward=False)
    inline = run_batch(src, tmp_path / "inline", Options(), BatchConfig(jobs=1))
    dask = run_batch(src, tmp_path / "dask", Options(), BatchConfig(engine="dask", jobs=2))
    assert dask.engine == "dask" and dask.workers == 2
    assert snapshot(tmp_path / "dask") == snapshot(tmp_path / "inline")
    assert dask.status == inline.status


def test_without_a_forkserver_workers_are_spawned_as_before(monkeypatch):
    dask = pytest.importorskip("dask")
    monkeypatch.setattr(multiprocessing, "get_all_start_methods", lambda: ["spawn"])
    before = dask.config.get("distributed.worker.multiprocessing-method")
    with forkserver.worker_start_method() as method:
        assert method == "spawn"
        assert dask.config.get("distributed.worker.multiprocessing-method") == before


def test_the_worker_environment_mirrors_the_nannys(monkeypatch):
    dask = pytest.importorskip("dask")
    monkeypatch.delenv("PYTHONHASHSEED", raising=False)
    with dask.config.set({"distributed.nanny.pre-spawn-environ": {"OMP_NUM_THREADS": 1}}):
        env = forkserver._worker_environ()
    assert env == {"OMP_NUM_THREADS": "1", "PYTHONHASHSEED": "6640"}
    monkeypatch.setenv("OMP_NUM_THREADS", "3")  # set by the user: kept, as the Nanny keeps it
    with dask.config.set(
        {"distributed.nanny.pre-spawn-environ": {"OMP_NUM_THREADS": 1, "PYTHONHASHSEED": 5}}
    ):
        assert forkserver._worker_environ() == {"OMP_NUM_THREADS": "3", "PYTHONHASHSEED": "5"}
