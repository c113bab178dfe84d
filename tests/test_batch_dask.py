"""The Dask engine runs the same work units and gives byte-identical outputs."""

from __future__ import annotations

import sys

import pytest

from _batch_tree import make_tree, snapshot
from tidyink.batch import BatchConfig, run_batch
from tidyink.errors import UsageError
from tidyink.options import Options


@pytest.fixture(scope="module")
def cluster():
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=False, dashboard_address=None
    ) as local:
        yield local


def test_dask_gives_the_same_bytes_as_the_local_pool(cluster, tmp_path, monkeypatch):
    from tidyink.batch.engines import DaskEngine

    monkeypatch.setattr(DaskEngine, "chunk_files", 3)  # several tasks, not one for the lot
    src = make_tree(tmp_path / "src", awkward=False)
    for i in range(12):
        (src / "many" / f"{i:02d}.txt").parent.mkdir(exist_ok=True)
        (src / "many" / f"{i:02d}.txt").write_text(f"Part {i}... Ilse and Ottokar met.\n" * (i + 1))
    local = run_batch(src, tmp_path / "local", Options(), BatchConfig(jobs=2))
    dask = run_batch(
        src,
        tmp_path / "dask",
        Options(),
        BatchConfig(engine="dask", scheduler=cluster.scheduler_address, window=4),
    )
    assert dask.engine == "dask" and dask.workers == 2
    assert snapshot(tmp_path / "dask") == snapshot(tmp_path / "local")
    assert dask.status == local.status
    rerun = run_batch(
        src,
        tmp_path / "dask",
        Options(),
        BatchConfig(engine="dask", scheduler=cluster.scheduler_address),
    )
    assert rerun.status["up-to-date"] == local.status["converted"]


def test_a_failed_dask_task_is_retried_file_by_file(cluster):
    from tidyink.batch.engines import DaskEngine

    engine = DaskEngine(scheduler=cluster.scheduler_address)
    try:
        jobs = [(i, (i,)) for i in range(7)]
        outcomes = engine.run(_fragile, jobs, None, weigh=lambda job: 1)  # one chunk of 7
        outcomes = sorted(outcomes, key=lambda o: o[0])
    finally:
        engine.close()
    assert [o[0] for o in outcomes] == list(range(7))
    assert [o[1] for o in outcomes] == [0, 10, 20, None, 40, 50, 60]
    assert outcomes[3][2].startswith("the Dask task failed") and outcomes[0][2] is None


def _fragile(n, _shared):
    if n == 3:
        raise RuntimeError("boom")  # convert_file never raises; a lost task looks like this
    return n * 10


def test_missing_dask_is_a_one_line_error(monkeypatch, tmp_path):
    monkeypatch.setitem(sys.modules, "distributed", None)
    src = make_tree(tmp_path / "src", awkward=False)
    with pytest.raises(UsageError, match=r"pip install 'tidyink\[dask\]'"):
        run_batch(src, tmp_path / "out", Options(), BatchConfig(engine="dask"))


def test_scheduler_needs_the_dask_engine(tmp_path):
    src = make_tree(tmp_path / "src", awkward=False)
    with pytest.raises(UsageError, match="--scheduler needs --engine dask"):
        run_batch(src, tmp_path / "out", Options(), BatchConfig(scheduler="tcp://x:8786"))


def test_cli_dask_engine_with_a_scheduler(cluster, tmp_path):
    from click.testing import CliRunner

    from tidyink.cli import main

    src = make_tree(tmp_path / "src", awkward=False)
    runner = CliRunner()
    args = ["convert", str(src), "--to", "text", "-q"]
    local = runner.invoke(main, [*args, "-o", str(tmp_path / "local"), "-j", "1"])
    dask = runner.invoke(
        main,
        [
            *args,
            "-o",
            str(tmp_path / "dask"),
            "--engine",
            "dask",
            "--scheduler",
            cluster.scheduler_address,
        ],
    )
    assert local.exit_code == dask.exit_code == 0, dask.output
    assert snapshot(tmp_path / "dask") == snapshot(tmp_path / "local")
    assert (tmp_path / "dask" / "old" / "LETTER.txt").exists()


def test_outputs_the_client_cannot_see_are_failures(cluster, tmp_path, monkeypatch):
    import os.path

    src = make_tree(tmp_path / "src", awkward=False)
    real_exists = os.path.exists
    out = str(tmp_path / "dask")

    def exists(path):  # as if the workers wrote to their own disks
        return (
            False if str(path).startswith(out) and str(path).endswith(".md") else real_exists(path)
        )

    monkeypatch.setattr(os.path, "exists", exists)
    summary = run_batch(
        src, out, Options(), BatchConfig(engine="dask", scheduler=cluster.scheduler_address)
    )
    assert summary.status["converted"] == 0 and summary.failed >= 5
    assert any("shared by every worker" in line for line in summary.failures)
