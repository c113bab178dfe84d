"""Every exit is explained: plain one-line reasons naming the user's path, never a crash."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from tidyink.cli import main
from tidyink.errors import OutputError
from tidyink.fileio import atomic_write

SRC = str(Path(__file__).resolve().parent.parent / "src")


def _tidyink(*args: str, cwd: Path, **kwargs) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": SRC}
    return subprocess.run(
        [sys.executable, "-m", "tidyink", *args], cwd=cwd, env=env, text=True,
        capture_output="stdout" not in kwargs, **kwargs,
    )


def test_fix_on_a_symlink_loop_names_the_link(tmp_path, monkeypatch):
    (tmp_path / "loop.md").symlink_to("loop.md")
    (tmp_path / "book").mkdir()
    (tmp_path / "book" / "ch.md").symlink_to("ch.md")
    monkeypatch.chdir(tmp_path)
    for target, shown in (("loop.md", "loop.md"), ("book", os.path.join("book", "ch.md"))):
        result = CliRunner().invoke(main, ["fix", target])
        assert result.exit_code == 2
        assert f"tidyink: error: {shown}: symbolic link loop" in result.output
        assert "internal error" not in result.output


def test_convert_with_standard_output_closed_says_so(tmp_path):
    (tmp_path / "a.txt").write_text('He said "hi".\n')
    proc = subprocess.run(
        f"{sys.executable} -m tidyink convert a.txt >&-",
        shell=True, cwd=tmp_path, env={**os.environ, "PYTHONPATH": SRC}, text=True, stderr=subprocess.PIPE,
    )
    assert proc.returncode == 2
    assert proc.stderr.strip() == (
        "tidyink: error: a.txt: cannot write the result: standard output is closed (use -o FILE)"
    )


def test_an_unwritable_output_folder_names_the_output_not_a_temporary_file(tmp_path, monkeypatch):
    def refuse(*args, **kwargs):
        folder = kwargs.get("dir", ".")
        raise PermissionError(13, "Permission denied", os.path.join(folder, ".a.md.x1y2.tidyink-tmp"))

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    (tmp_path / "a.txt").write_text('He said "hi".\n')
    (tmp_path / "locked").mkdir()
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["convert", "a.txt", "-o", "locked/a.md"])
    assert result.exit_code == 2
    assert result.output.strip() == "tidyink: error: locked/a.md: cannot write (permission denied)"
    with pytest.raises(OutputError, match=r"^out\.md: cannot write \(permission denied\)$"):
        atomic_write(tmp_path / "out.md", b"x", shown="out.md")


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes anywhere")
def test_a_read_only_folder_for_real(tmp_path):
    (tmp_path / "a.txt").write_text('He said "hi".\n')
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o555)
    try:
        proc = _tidyink("convert", "a.txt", "-o", "locked/a.md", cwd=tmp_path)
    finally:
        locked.chmod(0o755)
    assert proc.returncode == 2
    assert "locked/a.md: cannot write (permission denied)" in proc.stderr
    assert "tidyink-tmp" not in proc.stderr
