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


def _block(text: str, lang: str, after: str) -> str:
    section = text[text.index(after) :]
    start = section.index(f"```{lang}\n") + len(lang) + 4
    return section[start : section.index("```", start)]


README_URL = "https://github.com/tidyink/tidyink"


@pytest.mark.skipif(not _checkout_is_a_repo(), reason="needs git and a git checkout of tidyink")
def test_readme_snippet_works_as_written_on_a_fresh_repository(tmp_path):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    config = _block(readme, "yaml", "As pre-commit hooks")
    commands = _block(readme, "sh", "As pre-commit hooks")
    # the documentation shows the same snippet
    assert config in (ROOT / "docs" / "manuscripts.md").read_text(encoding="utf-8")
    assert f"repo: {README_URL}\n" in config

    repo = tmp_path / "novel"
    repo.mkdir()
    _git("init", "-q", cwd=repo)
    chapter = repo / "01.md"
    chapter.write_text("# One\n\nThe kettle sang... then stopped -- at last.\n", encoding="utf-8")
    _git("add", ".", cwd=repo)
    _git("commit", "-qm", "draft", cwd=repo)
    # exactly as the README shows it, with this checkout standing in for the URL
    (repo / ".pre-commit-config.yaml").write_text(config.replace(README_URL, str(ROOT)), encoding="utf-8")

    runs = []
    for line in commands.splitlines():
        words = line.split("#", 1)[0].split()
        assert words and words[0] == "pre-commit", line
        done = subprocess.run(
            [sys.executable, "-m", "pre_commit", *words[1:], "--color", "never"]
            if words[1] == "run"
            else [sys.executable, "-m", "pre_commit", *words[1:]],
            cwd=repo,
            capture_output=True,
            text=True,
            timeout=900,
        )
        runs.append((words[1], done))
        if words[1] != "run":
            assert done.returncode == 0, done.stdout + done.stderr
    assert [name for name, _ in runs] == ["autoupdate", "install", "run"]
    pinned = (repo / ".pre-commit-config.yaml").read_text(encoding="utf-8")
    assert "rev: HEAD" not in pinned  # autoupdate pinned a fixed version
    first = runs[-1][1]
    assert first.returncode == 1, first.stdout + first.stderr  # tidyink-fix changed the chapter
    assert "files were modified by this hook" in first.stdout
    assert chapter.read_text(encoding="utf-8") == "# One\n\nThe kettle sang\u2026 then stopped\u2014at last.\n"
    second = subprocess.run(
        [sys.executable, "-m", "pre_commit", "run", "--all-files", "--color", "never"],
        cwd=repo,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert second.returncode == 0, second.stdout + second.stderr
    assert "tidyink check" in second.stdout and "Passed" in second.stdout
