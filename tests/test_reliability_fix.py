"""``fix`` in place: no litter from a killed run, no edit lost to a concurrent writer."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from click.testing import CliRunner

from tidyink import manuscript
from tidyink.cli import main
from tidyink.fileio import locked

SRC = str(Path(__file__).resolve().parent.parent / "src")
PROSE = 'She said "wait" -- then left...\n'
FIXED = "She said “wait”—then left…\n"


def _run_fix(*args: str, cwd: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "tidyink", "fix", "--isolated", *args],
        cwd=cwd, env={**os.environ, "PYTHONPATH": SRC}, text=True,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )


def test_a_rerun_removes_the_temporary_files_a_killed_fix_left(tmp_path, monkeypatch):
    (tmp_path / "ch1.md").write_text(PROSE)
    stale = [tmp_path / ".ch1.md.k3j_x9qa.tidyink-tmp", tmp_path / ".ch1.md.00000000.tidyink-tmp"]
    kept = [
        tmp_path / ".ch1.md.notes",  # not our pattern
        tmp_path / ".ch2.md.k3j_x9qa.tidyink-tmp",  # not a file being fixed
        tmp_path / ".ch1.md.TOOLONGNAME.tidyink-tmp",  # not mkstemp's shape
    ]
    for path in stale + kept:
        path.write_text("half a file")
    monkeypatch.chdir(tmp_path)

    checked = CliRunner().invoke(main, ["fix", "--isolated", "--check", "."])
    assert checked.exit_code == 1 and all(p.exists() for p in stale)  # --check changes nothing
    result = CliRunner().invoke(main, ["fix", "--isolated", "."])

    assert result.exit_code == 0, result.output
    assert (tmp_path / "ch1.md").read_text() == FIXED
    assert not any(p.exists() for p in stale)
    assert all(p.exists() for p in kept)


def test_an_edit_made_while_fixing_is_not_overwritten(tmp_path, monkeypatch):
    target = tmp_path / "ch1.md"
    target.write_text(PROSE)
    real = manuscript.fix_bytes
    calls = []

    def fix_while_someone_edits(data, **kwargs):
        calls.append(data)
        if len(calls) == 1:  # another writer saves a new line between our read and write
            target.write_text(PROSE + 'A new line -- "kept".\n')
        return real(data, **kwargs)

    monkeypatch.setattr(manuscript, "fix_bytes", fix_while_someone_edits)
    outcome = manuscript.fix_file(target, manuscript.Settings())

    assert outcome.status == manuscript.CHANGED
    assert target.read_text() == FIXED + "A new line—“kept”.\n"
    assert len(calls) == 2


def test_a_fix_waits_for_the_lock_and_works_from_the_latest_content(tmp_path):
    target = tmp_path / "ch1.md"
    target.write_text(PROSE)
    with locked(target) as held:
        assert held
        proc = _run_fix("ch1.md", cwd=tmp_path)
        time.sleep(0.3)
        with open(target, "w") as handle:  # the lock holder's own edit, in place
            handle.write(PROSE + "And more...\n")
    _out, err = proc.communicate(timeout=60)
    assert proc.returncode == 0, err
    assert target.read_text() == FIXED + "And more…\n"


def test_two_fix_runs_at_once_on_one_folder_agree_and_leave_no_litter(tmp_path):
    book = tmp_path / "book"
    book.mkdir()
    for i in range(8):
        (book / f"ch{i}.md").write_text(f"# Part {i}\n\n" + PROSE * (50 + i))
    runs = [_run_fix("book", cwd=tmp_path) for _ in range(2)]
    for proc in runs:
        _out, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err
    for i in range(8):
        assert (book / f"ch{i}.md").read_text() == f"# Part {i}\n\n" + FIXED * (50 + i)
    assert sorted(p.name for p in book.iterdir()) == [f"ch{i}.md" for i in range(8)]
