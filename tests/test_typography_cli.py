"""The typography options on the command line."""

from __future__ import annotations

import subprocess
import sys


def run(stdin: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "tidyink", "convert", "-", "--to", "text", *args],
        input=stdin,
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )


def test_typography_flags() -> None:
    text = """"'Tis 5'10" tall," he said--pages 10-20.\n"""
    curly = run(text, "--only", "typography", "--ranges")
    assert curly.returncode == 0, curly.stderr
    assert curly.stdout == "“’Tis 5′10″ tall,” he said—pages 10–20.\n"
    straight = run(curly.stdout, "--only", "quotes", "--quotes", "straight", "--primes", "straight")
    assert straight.stdout == """"'Tis 5'10" tall," he said—pages 10–20.\n"""
    british = run(
        'He said "no" - twice.\n',
        "--only",
        "typography",
        "--language",
        "en-GB",
        "--dashes",
        "en-spaced",
    )
    assert british.stdout == "He said ‘no’ – twice.\n"


def test_bad_style_is_a_usage_error() -> None:
    result = run("x\n", "--quotes", "fancy")
    assert result.returncode == 2
    assert "fancy" in result.stderr
