"""The pre-commit hooks, for real: `pre-commit try-repo` on this checkout.

pre-commit installs tidyink from the checkout's committed HEAD into a fresh
virtual environment (from PyPI, so this needs the network), then runs the hook
on a throwaway manuscript repository.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
# the last paragraph has a typo that `tidyink check` flags and `tidyink fix` leaves alone
TYPO = "Better late then never.\n"
BAD = "# Chapter one\n\nThe kettle sang... then stopped.\n\nIt was a na\u00c3\u00afve hope.\n\n" + TYPO
GOOD = "# Chapter one\n\nThe kettle sang\u2026 then stopped.\n\nIt was a na\u00efve hope.\n\n" + TYPO

pytestmark = pytest.mark.slow


def _git(*args: str, cwd: Path) -> str:
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.com",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.com",
    }
    out = subprocess.run(["git", *args], cwd=cwd, env=env, capture_output=True, text=True, check=True)
    return out.stdout


def _checkout_is_a_repo() -> bool:
    if shutil.which("git") is None:
        return False
    probe = subprocess.run(["git", "rev-parse", "--is-inside-work-tree"], cwd=ROOT, capture_output=True, text=True)
    return probe.returncode == 0 and (ROOT / ".pre-commit-hooks.yaml").is_file()


def _try_repo(repo: Path, *hook: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", "try-repo", str(ROOT), *hook, "--all-files", "--color", "never"],
        cwd=repo,
        capture_output=True,
        text=True,
        timeout=600,
    )


@pytest.mark.skipif(not _checkout_is_a_repo(), reason="needs git and a git checkout of tidyink")
def test_hooks_fail_fix_then_pass(tmp_path):
    repo = tmp_path / "novel"
    repo.mkdir()
    _git("init", "-q", cwd=repo)
    chapter = repo / "chapters" / "01.md"
    chapter.parent.mkdir()
    chapter.write_text(BAD, encoding="utf-8")
    notes = repo / "notes.txt"
    notes.write_text("Already clean.\n", encoding="utf-8")
    (repo / "cover.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))  # not a hook target
    _git("add", ".", cwd=repo)
    _git("commit", "-qm", "draft", cwd=repo)

    # tidyink-check (the lint command) fails, points at the typo, changes nothing
    check = _try_repo(repo, "tidyink-check")
    assert check.returncode == 1, check.stdout + check.stderr
    assert "chapters/01.md:7:13: C101" in check.stdout
    assert chapter.read_text(encoding="utf-8") == BAD

    first = _try_repo(repo, "tidyink-fix")
    assert first.returncode == 1, first.stdout + first.stderr
    assert "files were modified by this hook" in first.stdout
    assert chapter.read_text(encoding="utf-8") == GOOD
    assert notes.read_text(encoding="utf-8") == "Already clean.\n"

    second = _try_repo(repo, "tidyink-fix")
    assert second.returncode == 0, second.stdout + second.stderr
    assert chapter.read_text(encoding="utf-8") == GOOD
