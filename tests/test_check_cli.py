"""`tidyink check` and `tidyink rules`: exit codes, formats, folders, options."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from tidyink.cli import main
from tidyink.lint import check_paths

BAD = "It was better to rest then be sorry.\n\nThe dog wagged it\u2019s tail.\n"
CLEAN = "It was better to rest than be sorry.\n"


def run(*args: str, stdin: str | None = None):
    return CliRunner().invoke(main, list(args), input=stdin)


@pytest.fixture
def files(tmp_path: Path) -> Path:
    (tmp_path / "bad.txt").write_text(BAD, encoding="utf-8")
    (tmp_path / "clean.txt").write_text(CLEAN, encoding="utf-8")
    return tmp_path


def test_exit_codes(files: Path) -> None:
    assert run("check", str(files / "clean.txt")).exit_code == 0
    result = run("check", str(files / "bad.txt"))
    assert result.exit_code == 1
    assert f"{files / 'bad.txt'}:1:23: C101" in result.output
    assert f"{files / 'bad.txt'}:3:16: C102" in result.output
    assert run("check", str(files / "absent.txt")).exit_code == 2
    assert run("check", str(files / "bad.txt"), "--select", "Q999").exit_code == 2


def test_severity_threshold(files: Path) -> None:
    assert run("check", str(files / "bad.txt"), "--severity", "error").exit_code == 0
    assert run("check", str(files / "bad.txt"), "--severity", "info").exit_code == 1


def test_select_and_ignore_by_prefix(files: Path) -> None:
    def codes(*args: str) -> list[str]:
        out = run("check", str(files / "bad.txt"), "--format", "json", *args).output
        return [f["code"] for f in json.loads(out)]

    assert codes() == ["C101", "C102"]
    assert codes("--select", "C101") == ["C101"]
    assert codes("--ignore", "C10") == []
    assert codes("--select", "C", "--ignore", "its-it-s") == ["C101"]


def test_json_positions_are_in_the_input(files: Path) -> None:
    out = json.loads(run("check", str(files / "bad.txt"), "--format", "json").output)
    lines = BAD.split("\n")
    spans = [lines[f["line"] - 1][f["column"] - 1 : f["end_column"] - 1] for f in out]
    assert spans == ["then", "it\u2019s"]
    assert out[0]["suggestions"] == ["than"] and out[1]["suggestions"] == ["its"]


def test_sarif_and_github_formats(files: Path) -> None:
    sarif = json.loads(run("check", str(files / "bad.txt"), "--format", "sarif").output)
    assert sarif["version"] == "2.1.0"
    assert [r["ruleId"] for r in sarif["runs"][0]["results"]] == ["C101", "C102"]
    github = run("check", str(files / "bad.txt"), "--format", "github").output.splitlines()
    assert len(github) == 2 and github[0].startswith("::warning file=")


def test_folder_learns_names_across_files(tmp_path: Path) -> None:
    folder = tmp_path / "book"
    folder.mkdir()
    (folder / "01.txt").write_text("Torvalen came. Torvalen sat. Torvalen ate.\n", encoding="utf-8")
    (folder / "02.md").write_text("Torvalen slept and Torvalen woke.\n", encoding="utf-8")
    (folder / "03.txt").write_text("Then Torvlaen left.\n", encoding="utf-8")
    (folder / "notes.bin").write_bytes(b"\x00\x01")
    report = check_paths([str(folder)], select=("N101",))
    assert report.errors == []
    assert [(Path(f.path or "").name, f.suggestions) for f in report.findings] == [
        ("03.txt", ("Torvalen",))
    ]
    alone = check_paths([str(folder / "03.txt")], select=("N101",))
    assert alone.findings == []


def test_words_options(files: Path, tmp_path: Path) -> None:
    text = tmp_path / "w.txt"
    text.write_text("A flibbet and a zorbling.\n", encoding="utf-8")
    assert run("check", str(text)).exit_code == 1
    assert run("check", str(text), "--words", "flibbet,zorbling").exit_code == 0
    listing = tmp_path / "words"
    listing.write_text("flibbet\nzorbling\n", encoding="utf-8")
    assert run("check", str(text), "--words-file", str(listing)).exit_code == 0
    result = run("check", str(text), "--words-file", str(tmp_path / "none"))
    assert result.exit_code == 2 and "words file" in result.output


def test_mojibake_is_repaired_not_flagged(tmp_path: Path) -> None:
    path = tmp_path / "m.txt"
    path.write_bytes("The cafÃ©\u2019s owner said itâ€™s fine.\n".encode())
    assert run("check", str(path)).exit_code == 0


def test_rules_command_lists_and_explains() -> None:
    listing = run("rules").output
    for code in ("C101", "C102", "N101", "R101", "S101"):
        assert code in listing
    explained = run("rules", "c101")
    assert explained.exit_code == 0
    assert "Flagged:" in explained.output and "Not flagged:" in explained.output
    assert run("rules", "then-than").exit_code == 0
    assert run("rules", "Z1").exit_code == 2


def test_subprocess_stdin() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "tidyink", "check", "-", "--format", "json"],
        input=BAD.encode(),
        capture_output=True,
        check=False,
    )
    assert proc.returncode == 1
    found = json.loads(proc.stdout)
    assert [f["code"] for f in found] == ["C101", "C102"]
    assert found[0]["path"] is None


def test_lint_sample_fixture(fixtures: Path) -> None:
    report = check_paths([str(fixtures / "lint-sample.txt")])
    found = sorted((f.code, f.suggestions[0]) for f in report.findings)
    assert found == [
        ("C101", "than"),
        ("C101", "than"),
        ("C102", "It's"),
        ("C102", "its"),
        ("N101", "Mira"),
        ("R101", "the"),
        ("S101", "chopsticks"),
    ]
