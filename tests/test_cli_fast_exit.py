"""The program ends without the interpreter's teardown (``tidyink.cli.run``), and
nothing else changes: the same output, messages and exit status as the usual exit,
and exit handlers registered during the run still run."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

SRC = str(Path(__file__).resolve().parents[1] / "src")

# argv[1]: "usual" registers an exit handler before the program starts, which keeps
# the usual exit; "fast" does not. The fast exit says so on stderr, and a handler
# registered once the program ran says it ran; what is written last is not flushed.
PROBE = """
import atexit, os, sys

way = sys.argv[1]
if way == "usual":
    atexit.register(lambda: None)

real_exit = os._exit

def spy(status):  # the fast exit says it was taken
    os.write(2, b"[fast]\\n")
    real_exit(status)

os._exit = spy
from tidyink.cli import run

sys.argv = ["tidyink", *sys.argv[2:]]
try:
    code = run()
finally:
    atexit.register(lambda: sys.stderr.write("[handler ran]\\n"))
    sys.stdout.write("[written, not flushed]\\n")
sys.exit(code)
"""


def _run(way: str, *args: str, cwd: Path, mark: str = "") -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "PYTHONPATH": SRC, "TIDYINK_TEST_MARK": mark}
    env.pop("_TIDYINK_COMPLETE", None)
    return subprocess.run([sys.executable, "-c", PROBE, way, *args], env=env, capture_output=True, cwd=cwd)


def _alive_with(mark: str) -> list[int]:
    """The processes whose environment holds TIDYINK_TEST_MARK=mark (Linux; elsewhere none)."""
    found = []
    wanted = f"TIDYINK_TEST_MARK={mark}".encode()
    for entry in Path("/proc").glob("[0-9]*"):
        try:
            if wanted in (entry / "environ").read_bytes().split(b"\0"):
                found.append(int(entry.name))
        except OSError:
            continue
    return found


STORY = '"Hello" -- she said... and teh door shut.\n\nIt was  late.\n' * 200


@pytest.mark.parametrize(
    "args",
    [
        ["convert", "story.txt", "-o", "out.md"],  # a summary on stderr, the file written
        ["convert", "story.txt", "--to", "text"],  # a large output on stdout
        ["check", "story.txt"],  # findings: exit 1
        ["fix", "--check", "story.txt"],  # would change: exit 1
        ["convert", "missing.txt"],  # an input error: exit 2
        ["convert", "story.txt", "--no-such-flag"],  # a usage error: exit 2
        ["rules"],
    ],
)
def test_the_fast_exit_ends_as_the_usual_exit_does(tmp_path, args):
    (tmp_path / "story.txt").write_text(STORY, encoding="utf-8")
    usual = _run("usual", *args, cwd=tmp_path)
    written = (tmp_path / "out.md").read_bytes() if (tmp_path / "out.md").exists() else None
    fast = _run("fast", *args, cwd=tmp_path)
    assert b"[fast]" not in usual.stderr and fast.stderr.endswith(b"[fast]\n")  # (each way taken)
    assert b"[handler ran]" in usual.stderr and b"[handler ran]" in fast.stderr
    assert fast.returncode == usual.returncode
    assert fast.stdout == usual.stdout
    assert fast.stderr == usual.stderr + b"[fast]\n"
    if written is not None:
        assert (tmp_path / "out.md").read_bytes() == written


def test_the_status_is_the_one_sys_exit_gives():
    from tidyink.cli import _Leave

    for code, status in ((None, 0), (0, 0), (1, 1), (3, 3), (True, 1), (False, 0)):
        leave = _Leave()
        leave.with_status(code)
        assert leave.status == status
    leave = _Leave()
    leave.with_status("a message")  # (printed by Python, exit 1: left to the usual exit)
    assert leave.status is None


def test_an_unflushable_stream_is_left_to_the_usual_exit(monkeypatch):
    import io

    from tidyink.cli import _Leave

    class Broken(io.StringIO):
        def flush(self) -> None:
            raise BrokenPipeError(32, "Broken pipe")

    monkeypatch.setattr(sys, "stdout", Broken())
    leave = _Leave()
    leave.with_status(0)
    leave.now()  # returns (os._exit would end the test run)


def test_a_run_that_used_dask_ends_the_usual_way(monkeypatch):
    from tidyink.cli import _Leave

    def no_fast_exit(status: int) -> None:
        raise AssertionError("the fast exit was taken")

    monkeypatch.setattr(os, "_exit", no_fast_exit)
    monkeypatch.setitem(sys.modules, "distributed", sys.modules.get("distributed") or object())
    leave = _Leave()
    leave.with_status(0)
    leave.now()  # (returns: the usual exit follows)


def test_a_parallel_folder_conversion_ends_as_the_usual_exit_does(tmp_path):
    (tmp_path / "in").mkdir()
    for name in ("a.txt", "b.txt", "c.txt"):
        (tmp_path / "in" / name).write_text(STORY, encoding="utf-8")
    usual = _run("usual", "convert", "in", "-o", "usual", "-j", "2", "--no-lint", cwd=tmp_path)
    mark = f"fast-exit-{os.getpid()}-{id(tmp_path)}"
    fast = _run("fast", "convert", "in", "-o", "fast", "-j", "2", "--no-lint", cwd=tmp_path, mark=mark)
    assert fast.stderr.endswith(b"[handler ran]\n[fast]\n") and usual.stderr.endswith(b"[handler ran]\n")
    # the pool's workers were joined before the fast exit: none is left behind
    assert not _alive_with(mark)
    assert fast.returncode == usual.returncode == 0 and fast.stdout == usual.stdout
    for name in ("a.md", "b.md", "c.md"):
        assert (tmp_path / "fast" / name).read_bytes() == (tmp_path / "usual" / name).read_bytes()


def test_a_folder_converted_in_this_process_takes_the_fast_exit(tmp_path):
    (tmp_path / "in").mkdir()
    for name in ("a.txt", "b.txt"):
        (tmp_path / "in" / name).write_text(STORY, encoding="utf-8")
    usual = _run("usual", "convert", "in", "-o", "usual", "-j", "1", cwd=tmp_path)
    fast = _run("fast", "convert", "in", "-o", "fast", "-j", "1", cwd=tmp_path)
    # no worker process was started (nor multiprocessing imported): nothing to wait for
    assert fast.stderr.endswith(b"[fast]\n") and b"[fast]" not in usual.stderr
    assert fast.returncode == usual.returncode and fast.stdout == usual.stdout
    for name in ("a.md", "b.md"):
        assert (tmp_path / "fast" / name).read_bytes() == (tmp_path / "usual" / name).read_bytes()
