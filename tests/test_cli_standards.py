"""The command line at ruff's and black's standard: colour, readable snippets, one-line
errors with "did you mean", and one option vocabulary across commands."""

from __future__ import annotations

import json
import os
import re
import stat

import pytest
from click.testing import CliRunner

from tidyink.cli import main
from tidyink.docs_links import DOCS_URL

ANSI = re.compile(r"\x1b\[[0-9;]*m")
TYPO = "Better late then never, she said.\n"


def run(*args: str, stdin: bytes | None = None, env: dict[str, str] | None = None):
    return CliRunner().invoke(main, list(args), input=stdin, env=env)


@pytest.fixture
def typo(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "ch1.txt").write_text(TYPO, encoding="utf-8")
    return "ch1.txt"


# ------------------------------------------------------------------------------------ colour


def test_check_colours_codes_paths_and_carets_when_asked(typo):
    coloured = run("check", typo, "--color", "always").stdout
    assert ANSI.search(coloured)
    assert "\x1b[31m\x1b[1mC101" in coloured or "\x1b[1m\x1b[31mC101" in coloured  # the code, bold red
    assert ANSI.sub("", coloured) == run("check", typo, "--color", "never").stdout
    assert not ANSI.search(run("check", typo, "--color", "never").stdout)


@pytest.mark.parametrize(
    ("env", "coloured"),
    [
        ({}, False),
        ({"FORCE_COLOR": "1"}, True),
        ({"NO_COLOR": "1"}, False),
        ({"NO_COLOR": "1", "FORCE_COLOR": "1"}, False),
    ],
)
def test_auto_colour_honours_no_color_and_force_color(typo, env, coloured):
    base = {"NO_COLOR": "", "FORCE_COLOR": ""}
    out = run("check", typo, env={**base, **env}).stdout  # not a terminal: auto is off unless forced
    assert bool(ANSI.search(out)) is coloured


def test_fix_diff_colours_removed_and_added_lines(typo):
    (__import__("pathlib").Path(typo)).write_text("Wait...\n", encoding="utf-8")
    out = run("fix", "--diff", typo, "--color", "always").stdout
    assert "\x1b[31m-Wait...\x1b[0m" in out and "\x1b[32m+Wait…\x1b[0m" in out
    assert not ANSI.search(run("fix", "--diff", typo, "--color", "never").stdout)


# ------------------------------------------------------------------------------ check output


def test_check_shows_a_window_of_a_long_line_with_the_caret_on_the_word(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    before = " ".join(["The lamps were lit along the quay"] * 6)
    after = " ".join(["and the gulls went quiet over the water"] * 6)
    (tmp_path / "long.txt").write_text(f"{before}, and it was better then nothing {after}.\n", encoding="utf-8")
    out = run("check", "long.txt", "--select", "C101", "--color", "never").stdout.splitlines()
    source_line = next(line for line in out if line.startswith("1 | "))
    caret_line = next(line for line in out if "^" in line)
    shown = source_line[len("1 | ") :]
    assert len(shown) <= 82 and shown.startswith("…") and shown.endswith("…")
    start = caret_line.index("^") - len("  | ")
    assert shown[start : start + 4] == "then"
    assert caret_line.rstrip().endswith("^^^^ C101")
    assert any("did you mean 'than'?" in line for line in out)


def test_check_ends_with_the_rule_page_and_how_to_silence_a_finding(typo):
    out = run("check", typo, "--color", "never").stdout
    assert f"C101 then-than: {DOCS_URL}rules/then-than/" in out
    last = out.rstrip().splitlines()[-1]
    assert last.startswith("hint: to accept a finding, end its line with <!-- tidyink: ignore C101 -->")
    assert "hint:" not in run("check", typo, "-q").stdout  # -q: the findings only


def test_statistics_counts_findings_per_rule(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text("Better then ever. Worse then before. It was the the end.\n", encoding="utf-8")
    result = run("check", "a.txt", "--statistics", "--select", "C101,R101")
    assert result.exit_code == 1
    assert result.stdout.splitlines() == ["2  C101  then-than", "1  R101  repeated-word"]
    rows = json.loads(run("check", "a.txt", "--statistics", "--output-format", "json", "--select", "C101,R101").stdout)
    assert rows[0] == {"code": "C101", "name": "then-than", "count": 2}


def test_check_output_file_respects_the_umask(tmp_path):
    src = tmp_path / "a.txt"
    src.write_text("Better late then never.\n", encoding="utf-8")
    out = tmp_path / "findings.json"
    old = os.umask(0o027)
    try:
        result = run("check", str(src), "--output-format", "json", "--output-file", str(out))
    finally:
        os.umask(old)
    assert result.exit_code == 1
    assert '"C101"' in out.read_text(encoding="utf-8") and result.stdout == ""
    assert stat.S_IMODE(out.stat().st_mode) == 0o640


def test_sarif_help_uri_is_the_rule_page(typo):
    sarif = json.loads(run("check", typo, "--output-format", "sarif").stdout)
    rules = sarif["runs"][0]["tool"]["driver"]["rules"]
    assert {r["id"]: r["helpUri"] for r in rules}["C101"] == f"{DOCS_URL}rules/then-than/"


# ------------------------------------------------------------------------------------ errors


@pytest.mark.parametrize(
    "args",
    [["convert", "--bogus", "x"], ["check"], ["fix", "--quotes", "round", "x"], ["nosuchcommand"]],
)
def test_usage_errors_are_one_line(args):
    result = run(*args)
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("tidyink: error: ") and "--help" in lines[0]


def test_check_fix_points_at_tidyink_fix():
    result = run("check", "--fix", "x")
    assert result.exit_code == 2
    assert "tidyink fix" in result.stderr and "--config" not in result.stderr


@pytest.mark.parametrize(
    ("args", "suggestion"),
    [
        (["--only", "mojibak"], "did you mean 'mojibake'?"),
        (["--skip", "quots"], "did you mean 'quotes'?"),
        (["--encoding", "latin_1x"], "did you mean 'latin_1'?"),
    ],
)
def test_unknown_filters_and_encodings_get_did_you_mean(typo, args, suggestion):
    result = run("convert", typo, *args)
    assert result.exit_code == 2 and suggestion in result.stderr


def test_unknown_rules_and_config_keys_get_did_you_mean(typo, tmp_path):
    assert "did you mean 'then-than'?" in run("check", typo, "--select", "then-tahn").stderr
    assert "did you mean 'could-of'?" in run("rules", "could-off").stderr
    (tmp_path / "tidyink.toml").write_text('qoutes = "curly"\n', encoding="utf-8")
    assert "did you mean 'quotes'?" in run("check", typo).stderr


def test_rules_takes_a_unique_prefix_of_a_name():
    assert run("rules", "then").stdout.startswith("C101 then-than")
    assert run("rules", "repeat").stdout.startswith("R101 repeated-word")
    ambiguous = run("rules", "the")  # then-than and their-there
    assert ambiguous.exit_code == 2
    assert "C101 then-than" in ambiguous.stderr and "C104 their-there" in ambiguous.stderr


def test_config_of_a_missing_path_is_an_error(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = run("config", "NONEXISTENT")
    assert result.exit_code == 2 and "NONEXISTENT: no such file or folder" in result.stderr
    assert "to = " not in result.stdout


def test_config_init_writes_a_starter_that_loads(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    first = run("config", "init")
    assert first.exit_code == 0, first.output
    starter = (tmp_path / "tidyink.toml").read_text(encoding="utf-8")
    assert '# quotes = "curly"' in starter and "[fix]" in starter
    shown = run("config", ".")
    assert shown.exit_code == 0 and "tidyink.toml" in shown.stdout.splitlines()[0]
    again = run("config", "init")
    assert again.exit_code == 2 and "already exists" in again.stderr
    assert (tmp_path / "tidyink.toml").read_text(encoding="utf-8") == starter


def test_converting_a_folder_to_a_file_name_is_refused(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "book").mkdir()
    (tmp_path / "book" / "a.txt").write_text("One.\n", encoding="utf-8")
    result = run("convert", "book", "-o", "out.md")
    assert result.exit_code == 2 and "out.md: names a file" in result.stderr
    assert not (tmp_path / "out.md").exists()


# ------------------------------------------------------------------ one option vocabulary


def _options(command: str) -> set[str]:
    text = run(command, "--help").stdout
    return set(re.findall(r"(?<![\w-])(--[a-z][\w-]*)", text))


def test_each_command_lists_only_the_options_it_uses():
    check = _options("check")
    for useless in ("--quotes", "--dashes", "--ellipsis", "--primes", "--ranges", "--scene-break", "--heading-level"):
        assert useless not in check
    assert {"--quiet", "--verbose", "--exclude", "--extend-exclude", "--output-format", "--statistics"} <= check
    assert {"--output-file", "--color", "--language"} <= check
    fix = _options("fix")
    for useless in ("--scene-break", "--heading-level", "--author-notes"):
        assert useless not in fix
    assert {"--quotes", "--quiet", "--verbose", "--exclude", "--extend-exclude", "--color"} <= fix
    for command in ("check", "detect", "filters", "rules", "config"):
        options = _options(command)
        assert "--output-format" in options and "--format" not in options


@pytest.mark.parametrize("flag", ["--format", "--output-format"])
def test_format_still_works_as_a_hidden_alias(typo, flag):
    result = run("check", typo, flag, "json")
    assert json.loads(result.stdout)[0]["code"] == "C101"


def test_exclude_and_extend_exclude_work_alike_everywhere(tmp_path, monkeypatch):
    book = tmp_path / "book"
    for name in ("keep.txt", "drafts/d.txt", "old/o.txt"):
        (book / name).parent.mkdir(parents=True, exist_ok=True)
        (book / name).write_text(TYPO, encoding="utf-8")
    monkeypatch.chdir(book)
    for command in ("check", "fix"):
        for args in (
            ["--exclude", "drafts/,old/"],
            ["--exclude", "drafts/", "--exclude", "old/"],
            ["--extend-exclude", "drafts/", "--extend-exclude", "old/"],
        ):
            extra = ["--check"] if command == "fix" else ["--output-format", "json"]
            result = run(command, ".", *extra, *args, "-v")
            assert "keep.txt" in result.output, (command, args, result.output)
            assert "drafts" not in result.output and "old/o.txt" not in result.output, (command, args)
    out = tmp_path / "clean"
    result = run("convert", ".", "-o", str(out), "--exclude", "drafts/,old/", "-j", "1", "-q")
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.rglob("*.md")) == ["keep.md"]


def test_check_quiet_and_verbose(typo):
    verbose = run("check", typo, "-v", "--output-format", "json")
    assert f"checked {typo}" in verbose.stderr
    quiet = run("check", "missing-folder-and-file-xyz", typo, "-q")
    assert quiet.exit_code == 2 and "hint:" not in quiet.stdout


def test_folder_summary_is_coloured_when_asked(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "book").mkdir()
    (tmp_path / "book" / "a.txt").write_text("One...\n", encoding="utf-8")
    coloured = run("convert", "book", "-o", "out", "-j", "1", "--color", "always").stderr
    assert "\x1b[1m" in coloured and "files" in ANSI.sub("", coloured)
    plain = run("convert", "book", "-o", "out2", "-j", "1", "--color", "never").stderr
    assert not ANSI.search(plain)
