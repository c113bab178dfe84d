"""The same input gives the same output in every run, whatever Python's hash seed.

Set and dict-of-set iteration order changes with ``PYTHONHASHSEED``; no finding,
suggestion or converted text may depend on it.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

# Four names used equally often, each one letter from the rare "Tuvrin": which one
# is suggested must not depend on set order. Plus ordinary misspellings.
STORY = (
    "Tovrin came. Tovrin went. Tovrin sat. Tovrin stood. Tovrin ran. Tovrin slept.\n"
    "Tavrin came. Tavrin went. Tavrin sat. Tavrin stood. Tavrin ran. Tavrin slept.\n"
    "Tivrin came. Tivrin went. Tivrin sat. Tivrin stood. Tivrin ran. Tivrin slept.\n"
    "Tevrin came. Tevrin went. Tevrin sat. Tevrin stood. Tevrin ran. Tevrin slept.\n"
    "Then Tuvrin arrived at last.\n\n"
    "They never recieve letters. It semed a longer job than I had thought, "
    "and the wrod on the gaet was wth the others.\n"
)

SEEDS = ("0", "1", "2", "3", "4", "5")


def _run(args: list[str], seed: str) -> str:
    env = dict(os.environ, PYTHONHASHSEED=seed)
    done = subprocess.run(
        [sys.executable, "-m", "tidyink", *args], capture_output=True, text=True, env=env, check=False
    )
    assert done.returncode in (0, 1), done.stderr
    return done.stdout


def test_check_json_is_the_same_under_every_hash_seed(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text(STORY, encoding="utf-8")
    outputs = {seed: _run(["check", "--format", "json", str(path)], seed) for seed in SEEDS}
    assert '"N101"' in outputs["0"] and '"suggestions"' in outputs["0"]
    assert len(set(outputs.values())) == 1, outputs


def test_tied_names_give_the_alphabetically_first_suggestion() -> None:
    import tidyink

    (found,) = tidyink.check(STORY, select=["N101"])
    assert found.suggestions == ("Tavrin",)
