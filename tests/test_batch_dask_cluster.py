"""A real Dask cluster (a ``dask scheduler`` and two ``dask worker`` processes on
127.0.0.1, not a LocalCluster): one worker is killed mid-run and the batch still
completes, byte-identical to the local engine, with a report line for every file."""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from _batch_tree import make_tree, snapshot

pytestmark = pytest.mark.slow
SRC = str(Path(__file__).resolve().parent.parent / "src")
DASK = shutil.which("dask") or str(Path(sys.executable).with_name("dask"))


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _spawn(args: list[str], log: Path) -> subprocess.Popen[bytes]:
    """A process in its own group, in the batch's folder (paths are shared, as on a cluster)."""
    env = {**os.environ, "PYTHONPATH": SRC}
    with open(log, "wb") as out:
        return subprocess.Popen(
            args, cwd=log.parent, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True
        )


def _stop(proc: subprocess.Popen[bytes]) -> None:
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)


def _tidyink(*args: str, cwd: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "tidyink", "convert", "--isolated", *args],
        cwd=cwd, env={**os.environ, "PYTHONPATH": SRC}, text=True,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )


def test_a_killed_worker_does_not_lose_a_file(tmp_path):
    pytest.importorskip("distributed")
    if not os.path.exists(DASK):
        pytest.skip("the dask command is not installed")
    src = make_tree(tmp_path / "src", awkward=False)
    for i in range(60):
        (src / "many").mkdir(exist_ok=True)
        (src / "many" / f"{i:02d}.txt").write_text(f"Part {i}... Ilse and Ottokar met -- again.\n\n" * (200 + i))
    local = subprocess.run(
        [sys.executable, "-m", "tidyink", "convert", "--isolated", "src", "-o", "local", "-j", "1"],
        cwd=tmp_path, env={**os.environ, "PYTHONPATH": SRC}, capture_output=True, text=True,
    )
    assert local.returncode == 0, local.stderr

    address = f"tcp://127.0.0.1:{_free_port()}"
    deadline = time.monotonic() + 50
    procs: list[subprocess.Popen[bytes]] = []
    try:
        procs.append(_spawn([DASK, "scheduler", "--host", "127.0.0.1", "--port", address.rsplit(":", 1)[1],
                             "--no-dashboard"], tmp_path / "scheduler.log"))
        for n in range(2):
            procs.append(_spawn([DASK, "worker", address, "--nthreads", "1", "--no-nanny", "--no-dashboard",
                                 "--name", f"w{n}"], tmp_path / f"worker{n}.log"))
        from distributed import Client

        with Client(address, timeout="30s") as client:
            client.wait_for_workers(2, timeout=max(1.0, deadline - time.monotonic()))
            names = {info["name"]: addr for addr, info in client.scheduler_info()["workers"].items()}
            run = _tidyink("src", "-o", "dask", "--engine", "dask", "--scheduler", address,
                           "--report", "report.jsonl", cwd=tmp_path)
            killed = False
            while not killed and run.poll() is None and time.monotonic() < deadline:
                busy = client.processing()  # worker address -> tasks it is running
                victim = next((n for n in ("w0", "w1") if busy.get(names.get(n))), None)
                if victim is not None:  # a worker dies with a task in flight
                    _stop(procs[1 + int(victim[1])])
                    killed = True
                time.sleep(0.02)
        _out, err = run.communicate(timeout=max(5.0, deadline - time.monotonic()))
    finally:
        for proc in reversed(procs):
            _stop(proc)
    assert killed, "the batch ended before a worker could be killed"
    assert run.returncode == 0, err
    assert snapshot(tmp_path / "dask") == snapshot(tmp_path / "local")
    records = [json.loads(line) for line in (tmp_path / "report.jsonl").read_text().splitlines()]
    sources = {r["source"] for r in records}
    inputs = {str(Path("src", p.relative_to(src))) for p in src.rglob("*") if p.is_file()}
    inputs = {i for i in inputs if not any(part.startswith(".") for part in Path(i).parts)}  # hidden: passed over
    assert sources == inputs and len(records) == len(inputs)
    assert {r["status"] for r in records} <= {"converted", "skipped"}
