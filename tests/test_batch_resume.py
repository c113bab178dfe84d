"""Kill a batch in the middle, rerun it, and get what an uninterrupted run gives."""

from __future__ import annotations

import contextlib
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from _batch_tree import snapshot
from tidyink.batch import BatchConfig, run_batch
from tidyink.batch.manifest import MANIFEST_NAME
from tidyink.options import Options

PARAGRAPH = (
    "The lantern swung... Odalys counted the steps, “one, two, three”, and the bakery "
    "door creaked . . . nobody came; Benedek waited by the naïve old clock. "
)


def _make_many(root, n):
    for i in range(n):
        folder = root / f"part-{i // 20:02d}"
        folder.mkdir(parents=True, exist_ok=True)
        text = f"Chapter {i}\n\n" + "\n\n".join(PARAGRAPH * (1 + i % 4) for _ in range(10)) + "\n"
        data = text.encode("cp1252") if i % 3 == 0 else text.encode("utf-8")
        (folder / f"ch {i:03d}.txt").write_bytes(data)


def _committed(out):
    path = out / MANIFEST_NAME
    if not path.exists():
        return 0
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=0.1) as db:
            return db.execute("SELECT count(*) FROM outputs").fetchone()[0]
    except sqlite3.Error:
        return 0


def _session_processes(sid):
    """Live processes of session ``sid`` (Linux /proc; empty elsewhere)."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[3]) == sid and fields[0] != "Z":  # fields: state, ppid, pgrp, session
            found.append(int(stat.parent.name))
    return found


def _cli(src, out, *extra):
    return [sys.executable, "-m", "tidyink", "convert", str(src), "-o", str(out), "-q", *extra]


@pytest.mark.slow
def test_kill_and_resume_gives_the_uninterrupted_result(tmp_path):
    src, out, ref = tmp_path / "src", tmp_path / "out", tmp_path / "ref"
    n = 160
    _make_many(src, n)
    run_batch(src, ref, Options(), BatchConfig(jobs=1))
    expected = snapshot(ref)
    assert len(expected) == n

    proc = subprocess.Popen(_cli(src, out, "--jobs", "2"), start_new_session=True)
    try:
        deadline = time.monotonic() + 60
        while _committed(out) < 5 and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.01)
        running = proc.poll() is None
        proc.kill()  # SIGKILL to the parent only: its workers must notice and go
        proc.wait()
        orphans = _session_processes(proc.pid)
        deadline = time.monotonic() + 10
        while orphans and time.monotonic() < deadline:
            time.sleep(0.1)
            orphans = _session_processes(proc.pid)
    finally:
        if proc.poll() is None:
            proc.kill()
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
    assert not orphans, "pool workers outlived their killed parent"
    if not running:
        pytest.skip("the batch finished before it could be killed (machine too fast)")

    # No partial output: every output present is complete, byte for byte.
    partial = snapshot(out)
    outputs = {k: v for k, v in partial.items() if not k.rsplit("/", 1)[-1].startswith(".")}
    assert 0 < len(outputs) < n
    for name, data in outputs.items():
        assert data == expected[name], name

    report = tmp_path / "report.jsonl"
    rerun = subprocess.run(_cli(src, out, "--jobs", "2", "--report", str(report)), timeout=120)
    assert rerun.returncode == 0
    assert snapshot(out) == expected  # and no temporary file is left behind
    statuses = [json.loads(line)["status"] for line in report.read_text().splitlines()]
    assert len(statuses) == n
    assert statuses.count("up-to-date") >= 5 and statuses.count("converted") >= 1
