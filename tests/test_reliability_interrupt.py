"""Ctrl-C during a folder conversion: exit 130, say what was done, keep it, resume."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

SRC = str(Path(__file__).resolve().parent.parent / "src")
PARAGRAPH = 'The harbour was quiet -- "she said" -- and then... nothing at all. ' * 12


def _folder(root: Path, files: int) -> Path:
    root.mkdir()
    for i in range(files):
        (root / f"part{i:03d}.txt").write_text(f"Part {i}\n\n" + (PARAGRAPH + "\n\n") * 8)
    return root


def _start(cwd: Path, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "tidyink", "convert", "--isolated", *args],
        cwd=cwd, env={**os.environ, "PYTHONPATH": SRC}, text=True,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        start_new_session=True,  # its own process group, as a terminal's Ctrl-C reaches
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )


def _wait_for_lines(folder: Path, wanted: int, proc: subprocess.Popen[str]) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and proc.poll() is None:
        for tmp in folder.glob(".report.jsonl.*.tidyink-tmp"):
            if tmp.read_text().count("\n") >= wanted:
                return
        time.sleep(0.02)
    pytest.fail("the batch ended before it could be interrupted")


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_ctrl_c_stops_a_batch_with_130_keeps_the_report_and_a_rerun_resumes(tmp_path, jobs):
    _folder(tmp_path / "src", 150)
    proc = _start(tmp_path, "src", "-o", "out", "--report", "report.jsonl", "-j", jobs)
    try:
        _wait_for_lines(tmp_path, 3, proc)
        os.killpg(proc.pid, signal.SIGINT)
        _out, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()

    assert proc.returncode == 130, err
    assert "Traceback" not in err and "Aborted!" not in err
    lines = (tmp_path / "report.jsonl").read_text().splitlines()
    done = len(lines)
    assert 3 <= done < 150
    assert err.strip().splitlines()[-1].startswith(f"tidyink: interrupted after {done} files (")
    assert "run the same command again to resume" in err
    assert all(json.loads(line)["status"] == "converted" for line in lines)

    rerun = subprocess.run(
        [sys.executable, "-m", "tidyink", "convert", "--isolated", "src", "-o", "out",
         "--report", "again.jsonl", "-j", jobs],
        cwd=tmp_path, env={**os.environ, "PYTHONPATH": SRC}, text=True, capture_output=True,
    )
    assert rerun.returncode == 0, rerun.stderr
    statuses = [json.loads(line)["status"] for line in (tmp_path / "again.jsonl").read_text().splitlines()]
    assert statuses.count("up-to-date") >= done
    assert statuses.count("up-to-date") + statuses.count("converted") == 150
    assert not list((tmp_path / "out").glob("**/*.tidyink-tmp"))


@pytest.mark.slow
def test_ctrl_c_shuts_a_dask_batch_down_quietly(tmp_path):
    pytest.importorskip("distributed")
    _folder(tmp_path / "src", 150)
    proc = _start(tmp_path, "src", "-o", "out", "--report", "report.jsonl", "--engine", "dask", "-j", "2")
    try:
        _wait_for_lines(tmp_path, 3, proc)
        os.killpg(proc.pid, signal.SIGINT)
        _out, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
    assert proc.returncode == 130
    done = len((tmp_path / "report.jsonl").read_text().splitlines())
    assert not any(word in err for word in ("Traceback", "KeyboardInterrupt", "CancelledError")), err
    assert err.strip().splitlines()[-1] == (
        f"tidyink: interrupted after {done} files ({done} converted); the report of those is in"
        " report.jsonl; run the same command again to resume (files done are not redone)"
    )
