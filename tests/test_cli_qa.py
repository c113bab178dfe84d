"""The command line as a black/ruff user expects it: stdin, one-line errors, exit codes."""

from __future__ import annotations

import codecs
import os
import subprocess
import sys

import pytest
from click.testing import CliRunner

from tidyink.cli import main

DAMAGED = 'She said "wait" -- and left...\n'
FIXED = "She said “wait”—and left…\n"


def run(*args: str, stdin: bytes | None = None):
    return CliRunner().invoke(main, list(args), input=stdin)


def write(path, data: bytes | str):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def error_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("tidyink: error: ")]


# ---------------------------------------------------------------- fix -: standard input


def test_fix_stdin_writes_fixed_text_to_stdout(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = run("fix", "-", stdin=DAMAGED.encode())
    assert result.exit_code == 0, result.output
    assert result.stdout == FIXED
    assert list(tmp_path.iterdir()) == []  # nothing written anywhere


def test_fix_stdin_clean_text_comes_back_unchanged(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = run("fix", "-", stdin=FIXED.encode())
    assert result.exit_code == 0
    assert result.stdout == FIXED


def test_fix_stdin_check_and_diff(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    checked = run("fix", "--check", "-", stdin=DAMAGED.encode())
    assert checked.exit_code == 1
    assert checked.stdout == ""
    assert run("fix", "--check", "-", stdin=FIXED.encode()).exit_code == 0
    diffed = run("fix", "--diff", "-", stdin=DAMAGED.encode())
    assert diffed.exit_code == 0
    assert "-" + DAMAGED in diffed.stdout and "+" + FIXED in diffed.stdout


def test_fix_stdin_keeps_bytes_form_subprocess(tmp_path):
    data = codecs.BOM_UTF8 + DAMAGED.replace("\n", "\r\n").encode("utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "tidyink", "fix", "-", "--isolated"], input=data, capture_output=True
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout == codecs.BOM_UTF8 + FIXED.replace("\n", "\r\n").encode("utf-8")


def test_fix_stdin_filename_picks_format_and_config(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "book" / "tidyink.toml", 'ellipsis = "..."\n')
    md = "Run `a -- b` now... ok\n"
    result = run("fix", "-", "--stdin-filename", "book/ch1.md", stdin=md.encode())
    assert result.exit_code == 0, result.output
    assert result.stdout == "Run `a -- b` now... ok\n"  # code span kept, config's ellipsis style kept
    result = run("fix", "-", "--stdin-filename", "book/ch1.md", "--ellipsis", "…", stdin=md.encode())
    assert result.stdout == "Run `a -- b` now… ok\n"


def test_fix_stdin_cannot_mix_with_paths(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "a.md", FIXED)
    result = run("fix", "-", "a.md", stdin=b"x\n")
    assert result.exit_code == 2
    assert error_lines(result.stderr)


def test_fix_stdin_error_writes_nothing_to_stdout(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = run("fix", "-", "--from", "html", stdin=b"<html><p>x</p></html>\n")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert len(error_lines(result.stderr)) == 1


def test_check_stdin(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = run("check", "-", "--format", "json", stdin=b"Teh cat sat.\n")
    assert result.exit_code in (0, 1)
    assert result.stdout.strip().startswith("[") or result.stdout.strip().startswith("{")


# ---------------------------------------------------------------- one error form


@pytest.mark.parametrize(
    "args",
    [
        ("fix", "nosuch.md"),
        ("fix", "--check", "nosuch.md"),
        ("check", "nosuch.md"),
        ("detect", "nosuch.md"),
        ("convert", "nosuch.md"),
    ],
)
def test_missing_path_one_line_same_wording(tmp_path, monkeypatch, args):
    monkeypatch.chdir(tmp_path)
    result = run(*args)
    assert result.exit_code == 2
    assert error_lines(result.stderr) == ["tidyink: error: nosuch.md: no such file or folder"]


def test_missing_path_mixed_with_good_ones_others_still_processed(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "a.md", DAMAGED)
    write(tmp_path / "b.md", FIXED)
    result = run("fix", "a.md", "nosuch.md", "b.md")
    assert result.exit_code == 2
    assert (tmp_path / "a.md").read_text(encoding="utf-8") == FIXED
    assert error_lines(result.stderr) == ["tidyink: error: nosuch.md: no such file or folder"]
    assert result.stderr.splitlines()[-1] == "1 file changed, 1 left unchanged, 1 could not be fixed"
    detected = run("detect", "a.md", "nosuch.md", "b.md")
    assert detected.exit_code == 2
    assert len(detected.stdout.splitlines()) == 2
    write(tmp_path / "c.md", "It was the the end.\n")
    checked = run("check", "c.md", "nosuch.md", "--select", "R101")
    assert checked.exit_code == 2
    assert checked.stdout.startswith("c.md:1:")
    assert error_lines(checked.stderr) == ["tidyink: error: nosuch.md: no such file or folder"]


# ---------------------------------------------------------------- detect folders


def test_detect_walks_folders_like_fix(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".git").mkdir()
    write(tmp_path / ".gitignore", "drafts/\n")
    write(tmp_path / "a.md", FIXED)
    write(tmp_path / "notes" / "b.txt", "plain\n")
    write(tmp_path / "drafts" / "c.md", "hidden\n")
    write(tmp_path / "image.png", b"\x89PNG\r\n\x1a\n\x00")
    result = run("detect", ".")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert len(lines) == 2
    assert lines[0].startswith("a.md: ") and lines[1].startswith(os.path.join("notes", "b.txt") + ": ")
    as_json = run("detect", ".", "--format", "json")
    assert len(as_json.stdout.splitlines()) == 2
    empty = run("detect", "drafts")  # only a git-ignored file
    assert empty.exit_code == 0 and empty.stdout == ""
    assert empty.stderr == "tidyink: warning: drafts: no files to detect in this folder\n"


# ---------------------------------------------------------------- config errors name the file and key


@pytest.mark.parametrize(
    ("table", "key"),
    [
        ('skip = ["nosuch"]', "skip"),
        ('only = ["repair", "nosuch"]', "only"),
        ('enable = "nosuch"', "enable"),
        ('select = ["ZZZ9"]', "select"),
        ('ignore = ["ZZZ9"]', "ignore"),
        ('[tool.tidyink.fix]\nskip = ["nosuch"]', "fix.skip"),
    ],
)
def test_config_unknown_names_name_file_and_key(tmp_path, monkeypatch, table, key):
    monkeypatch.chdir(tmp_path)
    config = write(tmp_path / "pyproject.toml", f"[tool.tidyink]\n{table}\n")
    write(tmp_path / "a.md", DAMAGED)
    write(tmp_path / "b.md", DAMAGED)
    for args in (("fix", "a.md", "b.md"), ("check", "a.md"), ("convert", "a.md"), ("config",)):
        result = run(*args)
        assert result.exit_code == 2, (args, result.output)
        lines = error_lines(result.stderr)
        assert len(lines) == 1, (args, result.stderr)
        assert lines[0].startswith(f"tidyink: error: {config}: {key}: "), lines[0]
        assert "nosuch" in lines[0] or "ZZZ9" in lines[0]
    assert (tmp_path / "a.md").read_text(encoding="utf-8") == DAMAGED


def test_config_unknown_key_names_file(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    config = write(tmp_path / "tidyink.toml", "elipsis = '...'\n")
    write(tmp_path / "a.md", DAMAGED)
    result = run("fix", "a.md")
    assert result.exit_code == 2
    assert error_lines(result.stderr) == [
        f"tidyink: error: {config}: unknown key 'elipsis' in the top level (did you mean 'ellipsis'?)"
    ]


def test_command_line_unknown_filter_names_the_flag(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "a.md", DAMAGED)
    write(tmp_path / "b.md", DAMAGED)
    result = run("fix", "--skip", "nosuch", "a.md", "b.md")
    assert result.exit_code == 2
    assert len(error_lines(result.stderr)) == 1
    assert error_lines(result.stderr)[0].startswith("tidyink: error: --skip: ")


# ---------------------------------------------------------------- check walks folders like fix


def test_check_walks_folders_like_fix(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".git").mkdir()
    write(tmp_path / ".gitignore", "drafts/\n")
    write(tmp_path / "tidyink.toml", 'exclude = ["vendor/"]\n')
    bad = "It was the the end.\n"  # R101 repeated word
    for name in ("a.md", "page.html", "drafts/b.md", "vendor/c.md", "node_modules/d.md"):
        write(tmp_path / name, bad if not name.endswith(".html") else f"<html><body><p>{bad}</p></body></html>")
    result = run("check", ".", "--select", "R101", "--format", "json")
    assert result.exit_code == 1, result.output
    import json

    paths = {f["path"] for f in json.loads(result.stdout)} if result.stdout.strip().startswith("[") else None
    if paths is None:  # one object per line
        paths = {json.loads(line)["path"] for line in result.stdout.splitlines() if line.strip()}
    assert paths == {"a.md", "page.html"}


# ---------------------------------------------------------------- file forms kept, read-only files refused


def test_read_only_file_is_left_alone_and_others_fixed(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    locked = write(tmp_path / "locked.md", DAMAGED)
    other = write(tmp_path / "other.md", DAMAGED)
    locked.chmod(0o444)
    try:
        assert run("fix", "--check", ".").exit_code == 1  # checking a read-only file is fine
        result = run("fix", ".")
        assert result.exit_code == 2
        assert error_lines(result.stderr) == ["tidyink: error: locked.md: cannot write (read-only file)"]
        assert locked.read_text(encoding="utf-8") == DAMAGED
        assert other.read_text(encoding="utf-8") == FIXED
    finally:
        locked.chmod(0o644)


@pytest.mark.parametrize(
    ("data", "fixed"),
    [
        (
            codecs.BOM_UTF8 + DAMAGED.replace("\n", "\r\n").encode(),
            codecs.BOM_UTF8 + FIXED.replace("\n", "\r\n").encode(),
        ),
        (codecs.BOM_UTF16_LE + DAMAGED.encode("utf-16-le"), codecs.BOM_UTF16_LE + FIXED.encode("utf-16-le")),
        (DAMAGED.replace("\n", "\r").encode() * 2, FIXED.replace("\n", "\r").encode() * 2),
        # no byte tells ISO-8859-1 from cp1252: written as cp1252, which holds “ ” — …
        ("Café said \"no\" -- twice...\n".encode("cp1252"), "Café said “no”—twice…\n".encode("cp1252")),
        ("Café said Mr. B------ came.\n".encode("cp1252"), None),  # ⸻ fits no single-byte page
    ],
)
def test_fix_keeps_bom_encoding_and_line_endings(tmp_path, monkeypatch, data, fixed):
    monkeypatch.chdir(tmp_path)
    path = write(tmp_path / "a.txt", data)
    result = run("fix", "a.txt")
    if fixed is None:  # cp1252 cannot hold the two-em dash: refused, file untouched, --to-utf8 offered
        assert result.exit_code == 2 and "--to-utf8" in result.stderr
        assert "cp1252 cannot hold ('⸻' U+2E3B)" in result.stderr
        assert path.read_bytes() == data
        assert run("fix", "--to-utf8", "a.txt").exit_code == 0
        assert path.read_text(encoding="utf-8") == "Café said Mr. B⸻ came.\n"
    else:
        assert result.exit_code == 0, result.output
        assert path.read_bytes() == fixed
    assert run("fix", "--check", "a.txt").exit_code == 0  # settled: a second run changes nothing


def test_symlinked_file_fixed_through_the_link(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    target = write(tmp_path / "real.md", DAMAGED)
    (tmp_path / "link.md").symlink_to("real.md")
    result = run("fix", "link.md")
    assert result.exit_code == 0
    assert (tmp_path / "link.md").is_symlink()
    assert target.read_text(encoding="utf-8") == FIXED


# ---------------------------------------------------------------- help texts show real examples


def test_help_examples_use_real_commands_and_options():
    import regex

    seen = 0
    for command in (None, *main.commands):
        args = [command, "--help"] if command else ["--help"]
        text = run(*args).stdout
        for line in text.splitlines():
            example = regex.match(r"\s+tidyink (\w+)(.*)", line)
            if not example:
                continue
            seen += 1
            name, rest = example.group(1), example.group(2)
            assert name in main.commands, line
            known = {o for p in main.commands[name].params for o in getattr(p, "opts", [])}
            for flag in regex.findall(r"(?<=\s)--?[a-z][\w-]*", rest.split("  ")[0]):
                assert flag in known, (line, flag)
    assert seen >= 12


def test_usage_line_names_the_program_subprocess():
    done = subprocess.run([sys.executable, "-m", "tidyink", "fix", "--help"], capture_output=True, text=True)
    assert done.stdout.startswith("Usage: tidyink fix ")


# ---------------------------------------------------------------- encodings named wrongly, detect -


@pytest.mark.parametrize("command", ["fix", "check", "detect", "convert"])
def test_unknown_encoding_flag_fails_once_naming_the_flag(tmp_path, monkeypatch, command):
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "a.md", DAMAGED)
    write(tmp_path / "b.md", DAMAGED)
    args = [command, "-e", "nosuch", "a.md"] + (["b.md"] if command != "convert" else [])
    result = run(*args)
    assert result.exit_code == 2
    assert error_lines(result.stderr) == ["tidyink: error: --encoding: unknown encoding 'nosuch'"]
    assert (tmp_path / "a.md").read_text(encoding="utf-8") == DAMAGED


def test_config_unknown_encoding_names_file_and_key(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    config = write(tmp_path / "tidyink.toml", 'encoding = "nosuch"\n')
    write(tmp_path / "a.md", DAMAGED)
    result = run("fix", "a.md")
    assert error_lines(result.stderr) == [f"tidyink: error: {config}: encoding: unknown encoding 'nosuch'"]


def test_detect_reads_standard_input():
    result = run("detect", "-", stdin="Caf\u00e9 au lait\r\n".encode("cp1252"))
    assert result.exit_code == 0
    assert result.stdout.startswith("-: cp1252") or result.stdout.startswith("-: iso8859")
    assert "CRLF line endings" in result.stdout


# ---------------------------------------------------------------- what fix prints


def test_fix_messages_summary_quiet_and_verbose(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    for i in range(3):
        write(tmp_path / f"clean{i}.md", FIXED)
    write(tmp_path / "bad.md", DAMAGED)
    checked = run("fix", "--check", ".")
    assert checked.exit_code == 1
    assert checked.stderr.splitlines() == ["would change bad.md", "1 file would be changed, 3 left unchanged"]
    assert checked.stdout == ""
    quiet = run("fix", "--check", "-q", ".")
    assert quiet.exit_code == 1 and quiet.stderr == "" and quiet.stdout == ""
    verbose = run("fix", "--check", "-v", ".")
    assert "unchanged clean0.md" in verbose.stderr.splitlines()
    diffed = run("fix", "--diff", "bad.md")
    assert diffed.exit_code == 0  # like black: --diff alone does not fail, --check --diff does
    assert diffed.stdout.splitlines()[:3] == ["--- bad.md", "+++ bad.md", "@@ -1 +1 @@"]
    assert run("fix", "--check", "--diff", "bad.md").exit_code == 1
    fixed = run("fix", ".")
    assert fixed.exit_code == 0
    assert fixed.stderr.splitlines() == ["fixed bad.md", "1 file changed, 3 left unchanged"]
    assert run("fix", ".").stderr.splitlines() == ["4 files left unchanged"]


def test_broken_symlink_is_named_as_such_and_others_fixed(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "gone.md").symlink_to("nowhere.md")
    write(tmp_path / "bad.md", DAMAGED)
    result = run("fix", ".")
    assert result.exit_code == 2
    assert error_lines(result.stderr) == ["tidyink: error: gone.md: broken symbolic link"]
    assert (tmp_path / "bad.md").read_text(encoding="utf-8") == FIXED


def test_check_stdin_filename_names_findings_and_picks_config(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "book" / "tidyink.toml", 'ignore = ["R101"]\n')
    text = b"It was the the end.\n"
    plain = run("check", "-", "--select", "R101", stdin=text)
    assert plain.exit_code == 1 and plain.stdout.startswith("-:1:")
    named = run("check", "-", "--select", "R101", "--stdin-filename", "ch1.md", stdin=text)
    assert named.exit_code == 1 and named.stdout.startswith("ch1.md:1:")
    configured = run("check", "-", "--stdin-filename", "book/ch1.md", stdin=text)
    assert configured.exit_code == 0, configured.output
    assert run("check", "ch1.md", "--stdin-filename", "x.md").exit_code == 2


# ---------------------------------------------------------------- directives that do nothing are flagged


def test_mistyped_directives_are_flagged_but_not_in_code(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(
        tmp_path / "d.md",
        "# Notes\n\n```\n<!-- tidyink: of -->\n```\n\n"
        "Write `<!-- tidyink: x -->` to try. Kept... <!-- tidyink: skp -->\n\n"
        "<!-- tidyink: off -->\nFine... <!-- tidyink: ignore C101, Z9 -->\n<!-- tidyink: on -->\n\n"
        "Odd... <!-- tidyink: ignore R1 then-than -->\n",
    )
    result = run("check", "d.md", "--select", "D", "--format", "json")
    assert result.exit_code == 1, result.output
    import json

    found = [(f["line"], f["column"], f["code"]) for f in json.loads(result.stdout)]
    assert found == [(7, 45, "D101")]  # quiet inside off/on; code block and code span are examples
    write(tmp_path / "e.md", "One... <!-- tidyink: ignore Z9 -->\n")
    flagged = run("check", "e.md", "--select", "D101")
    assert "e.md:1:8: D101 'ignore Z9'" in flagged.stdout



def test_check_empty_folder_warns_and_exit_zero(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "empty").mkdir()
    write(tmp_path / "bad.md", "It was the the end.\n")
    empty = run("check", "empty")
    assert empty.exit_code == 0
    assert "tidyink: warning: empty: no files to check in this folder" in empty.stderr
    assert run("check", "bad.md", "--select", "R101").exit_code == 1
    assert run("check", "bad.md", "--select", "R101", "--exit-zero").exit_code == 0
    assert run("check", "bad.md", "nosuch.md", "--exit-zero").exit_code == 2


def test_config_error_anywhere_stops_before_any_file_is_written(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "a" / "tidyink.toml", 'ellipsis = "..."\n')
    first = write(tmp_path / "a" / "one.md", DAMAGED)
    write(tmp_path / "b" / "tidyink.toml", 'skip = ["nosuch"]\n')
    write(tmp_path / "b" / "two.md", DAMAGED)
    for args in (("fix", "a", "b"), ("fix", "a/one.md", "b/two.md")):
        result = run(*args)
        assert result.exit_code == 2
        assert len(error_lines(result.stderr)) == 1 and "tidyink.toml: skip:" in result.stderr
        assert first.read_text(encoding="utf-8") == DAMAGED


def test_standard_input_is_called_dash_in_every_message():
    binary = b"\x89PNG\r\n\x1a\n" + bytes(range(256))
    for args in (("fix", "-"), ("convert", "-"), ("check", "-"), ("detect", "-")):
        result = run(*args, stdin=binary)
        assert result.exit_code == 2, args
        assert error_lines(result.stderr) == ["tidyink: error: -: binary file (a PNG image), not text"], args
    explained = run("convert", "-", "--explain", stdin=b'"Hi"...\n')
    assert explained.stderr.startswith("-:1:")


def test_extend_exclude_for_fix_and_check(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "tidyink.toml", 'exclude = ["old/"]\n')
    keep = write(tmp_path / "book" / "one.md", DAMAGED)
    skipped = write(tmp_path / "drafts" / "two.md", DAMAGED)
    also = write(tmp_path / "book" / "three.draft.md", DAMAGED)
    old = write(tmp_path / "old" / "four.md", DAMAGED)
    checked = run("fix", "--check", ".", "--extend-exclude", "drafts/, *.draft.md")
    assert checked.stderr.splitlines() == ["would change book/one.md", "1 file would be changed"]
    assert run("fix", "--check", "drafts", "--extend-exclude", "drafts/").stderr.strip() == "no files to fix"
    write(tmp_path / "drafts" / "rep.md", "It was the the end.\n")
    assert run("check", ".", "--select", "R101").exit_code == 1
    assert run("check", ".", "--select", "R101", "--extend-exclude", "drafts/").exit_code == 0
    assert run("fix", ".", "--extend-exclude", "drafts/,*.draft.md").exit_code == 0
    assert keep.read_text(encoding="utf-8") == FIXED
    assert [p.read_text(encoding="utf-8") for p in (skipped, also, old)] == [DAMAGED] * 3


def test_diff_applies_with_patch_even_with_spaces_in_names(tmp_path, monkeypatch):
    import shutil

    monkeypatch.chdir(tmp_path)
    write(tmp_path / "part one" / "chapter 1.md", DAMAGED)
    write(tmp_path / "two.md", DAMAGED)
    diff = run("fix", "--diff", "-q", ".").stdout
    assert "--- part one/chapter 1.md\t\n+++ part one/chapter 1.md\t\n" in diff
    assert "--- two.md\n+++ two.md\n" in diff
    if shutil.which("patch") is None:
        pytest.skip("no patch program")
    done = subprocess.run(["patch", "-p0"], input=diff.encode("utf-8"), capture_output=True, cwd=tmp_path)
    assert done.returncode == 0, done.stdout
    assert (tmp_path / "part one" / "chapter 1.md").read_text(encoding="utf-8") == FIXED
    assert run("fix", "--check", ".").exit_code == 0


def test_fix_stdin_filename_in_exclude_comes_back_unchanged(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "tidyink.toml", 'exclude = ["vendor/"]\n')
    result = run("fix", "-", "--stdin-filename", "vendor/x.md", stdin=DAMAGED.encode())
    assert result.exit_code == 0
    assert result.stdout == DAMAGED
    assert run("fix", "-", "--stdin-filename", "book/x.md", stdin=DAMAGED.encode()).stdout == FIXED


# ---------------------------------------------------------------- filters and rules for tools


def test_filters_and_rules_as_json():
    import json

    from tidyink.filters import all_filters
    from tidyink.rules import all_rules

    filters = json.loads(run("filters", "--format", "json").stdout)
    assert [f["name"] for f in filters] == [f.name for f in all_filters()]
    assert {"stage", "default", "description", "formats"} <= set(filters[0])
    rules = json.loads(run("rules", "--format", "json").stdout)
    assert [r["code"] for r in rules] == [r.code for r in all_rules()]
    one = json.loads(run("rules", "d101", "--format", "json").stdout)
    assert one["name"] == "unknown-directive" and one["examples"]["wrong"]
    assert run("rules", "Z999", "--format", "json").exit_code == 2
    human = run("rules", "D101").stdout
    assert human.startswith("D101 unknown-directive (warning, on by default)")
