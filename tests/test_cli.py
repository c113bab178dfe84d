"""The command line: convert, filters, detect, errors and exit codes."""

from __future__ import annotations

import subprocess
import sys

from click.testing import CliRunner

from tidyink.cli import main


def run(*args: str, input: bytes | None = None):
    return CliRunner().invoke(main, list(args), input=input)


def test_convert_to_stdout_applies_filters(tmp_path):
    src = tmp_path / "in.txt"
    src.write_bytes(b"Wait . . . what?\n")
    result = run("convert", str(src), "--to", "text")
    assert result.exit_code == 0, result.output
    assert result.output == "Wait … what?\n"


def test_convert_only_and_skip(tmp_path):
    src = tmp_path / "in.txt"
    src.write_bytes("CafÃ© . . .\n".encode())
    only = run("convert", str(src), "--to", "text", "--only", "mojibake")
    assert only.output == "Café . . .\n"
    skip = run("convert", str(src), "--to", "text", "--skip", "mojibake")
    assert skip.output == "CafÃ© …\n"
    by_stage = run("convert", str(src), "--to", "text", "--only", "repair")
    assert by_stage.output == "Café . . .\n"


def test_unknown_filter_is_a_usage_error(tmp_path):
    src = tmp_path / "in.txt"
    src.write_text("x\n")
    result = run("convert", str(src), "--only", "nonsense")
    assert result.exit_code == 2
    assert "unknown filter(s): nonsense" in result.output


def test_output_format_from_suffix_and_atomic_write(tmp_path):
    src = tmp_path / "in.txt"
    src.write_text("# not a heading\n\nWait...\n")
    out = tmp_path / "out.md"
    result = run("convert", str(src), "-o", str(out))
    assert result.exit_code == 0, result.output
    assert out.read_text() == "\\# not a heading\n\nWait…\n"
    txt = tmp_path / "out.txt"
    run("convert", str(src), "-o", str(txt))
    assert txt.read_text() == "# not a heading\n\nWait…\n"
    assert not [p for p in tmp_path.iterdir() if "tidyink-tmp" in p.name]


def test_convert_refuses_to_overwrite_its_input(tmp_path):
    src = tmp_path / "in.txt"
    src.write_text("Wait...\n")
    result = run("convert", str(src), "-o", str(src))
    assert result.exit_code == 2
    assert "is the input file" in result.output
    assert src.read_text() == "Wait...\n"


def test_binary_input_is_refused_with_one_line(tmp_path):
    src = tmp_path / "picture.png"
    src.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    result = run("convert", str(src))
    assert result.exit_code == 2
    lines = result.output.strip().splitlines()
    assert len(lines) == 1
    assert str(src) in lines[0] and "binary" in lines[0]


def test_missing_file_is_one_line_error(tmp_path):
    result = run("convert", str(tmp_path / "nope.txt"))
    assert result.exit_code == 2
    assert result.output.strip() == f"tidyink: error: {tmp_path / 'nope.txt'}: no such file or folder"


def test_empty_file_gives_empty_output(tmp_path):
    src = tmp_path / "empty.txt"
    src.write_bytes(b"")
    out = tmp_path / "empty.md"
    result = run("convert", str(src), "-o", str(out))
    assert result.exit_code == 0
    assert out.read_bytes() == b""


def test_stdin_to_stdout():
    result = run("convert", "-", "--to", "text", input=b"a...b\n")
    assert result.exit_code == 0
    assert result.output == "a…b\n"


def test_encoding_override(tmp_path):
    src = tmp_path / "in.txt"
    src.write_bytes("naïve\n".encode("cp850"))
    result = run("convert", str(src), "--to", "text", "--encoding", "cp850")
    assert result.output == "naïve\n"


def test_filters_lists_every_filter_in_order():
    from tidyink.filters import all_filters

    result = run("filters")
    assert result.exit_code == 0
    names = [line.split()[0] for line in result.output.splitlines()]
    assert names == [f.name for f in all_filters()]
    assert "mojibake" in names and "ellipses" in names


def test_detect_reports_encoding_bom_and_newlines(tmp_path):
    src = tmp_path / "bom.txt"
    src.write_bytes(b"\xef\xbb\xbfHello\r\nworld\r\n")
    result = run("detect", str(src))
    assert result.exit_code == 0
    assert "utf-8" in result.output and "BOM" in result.output and "CRLF" in result.output


def test_detect_json(tmp_path):
    import json

    src = tmp_path / "cp.txt"
    src.write_bytes("Ã©\n".encode())
    record = json.loads(run("detect", "--format", "json", str(src)).output)
    assert record["encoding"] == "utf-8" and record["damage"] == ["mojibake"]


def test_version_runs_as_a_module():
    out = subprocess.run(
        [sys.executable, "-m", "tidyink", "--version"], capture_output=True, text=True, check=True
    )
    # like ruff and black: the version, the Python it runs on, and the key dependencies
    first, deps = out.stdout.splitlines()
    assert first.startswith("tidyink 0.") and f"Python {sys.version_info[0]}.{sys.version_info[1]}." in first
    assert "click 8." in deps and "ftfy " in deps and "charset-normalizer " in deps


def test_internal_errors_are_one_line_unless_debug(tmp_path, monkeypatch):
    from tidyink import api

    def boom(*args, **kwargs):
        raise ValueError("kaboom")

    monkeypatch.setattr(api, "convert", boom)
    src = tmp_path / "in.txt"
    src.write_text("x\n")
    result = run("convert", str(src))
    assert result.exit_code == 3  # an internal error (a bug), not a usage or input error
    assert "internal error: ValueError: kaboom" in result.output
    debug = run("--debug", "convert", str(src))
    assert isinstance(debug.exception, ValueError)


def test_output_to_a_folder_or_into_a_missing_folder_is_one_line(tmp_path):
    src = tmp_path / "in.txt"
    src.write_text("Wait...\n")
    folder = tmp_path / "out"
    folder.mkdir()
    into_folder = run("convert", str(src), "-o", str(folder))
    assert into_folder.exit_code == 2
    assert into_folder.output.strip() == f"tidyink: error: {folder}: is a folder (name a file to write)"
    missing = run("convert", str(src), "-o", str(tmp_path / "nope" / "x.md"))
    assert missing.exit_code == 2 and "no such folder" in missing.output and "internal" not in missing.output
    assert list(folder.iterdir()) == []


def test_explain_is_refused_for_a_folder(tmp_path):
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "a.txt").write_text("x\n")
    result = run("convert", str(tmp_path / "src"), "-o", str(tmp_path / "out"), "--explain")
    assert result.exit_code == 2 and "--explain" in result.output


def test_a_closed_pipe_ends_quietly():
    import click

    from tidyink.cli import guarded

    @click.command()
    @guarded
    def talk() -> None:
        raise BrokenPipeError(32, "Broken pipe")  # what print() raises after `| head -1`

    result = CliRunner().invoke(talk, [])
    assert result.exit_code == 0
    assert "error" not in result.output


def test_output_suffix_that_names_no_format_is_refused_unless_to_is_given(tmp_path):
    src = tmp_path / "in.txt"
    src.write_text("Wait...\n")
    refused = run("convert", str(src), "-o", str(tmp_path / "out.html"))
    assert refused.exit_code == 2 and ".html" in refused.output
    assert not (tmp_path / "out.html").exists()
    told = run("convert", str(src), "-o", str(tmp_path / "out.html"), "--to", "text")
    assert told.exit_code == 0 and (tmp_path / "out.html").read_text() == "Wait…\n"


def test_no_lint_converts_without_findings_and_config_can_say_so(tmp_path):
    src = tmp_path / "in.txt"
    src.write_bytes(b"He is taller then me . . .\n")
    linted = run("convert", str(src), "--to", "text", "--explain", "--isolated")
    assert "C101" in linted.stderr
    quiet = run("convert", str(src), "--to", "text", "--explain", "--isolated", "--no-lint")
    assert quiet.exit_code == 0, quiet.output
    assert "C101" not in quiet.stderr
    assert quiet.stdout == linted.stdout == "He is taller then me …\n"
    (tmp_path / "pyproject.toml").write_text("[tool.tidyink]\nlint = false\n")
    from_config = run("convert", str(src), "--to", "text", "--explain")
    assert "C101" not in from_config.stderr
    forced = run("convert", str(src), "--to", "text", "--explain", "--lint")
    assert "C101" in forced.stderr


def test_version_numbers_are_the_ones_the_installed_metadata_gives():
    from importlib import metadata

    from tidyink.cli._version import KEY_DEPENDENCIES, installed_versions

    found = installed_versions((*KEY_DEPENDENCIES, "no-such-distribution-here"))
    for name in KEY_DEPENDENCIES:
        try:
            expected = metadata.version(name)
        except metadata.PackageNotFoundError:
            expected = None
        assert found[name] == expected
    assert found["no-such-distribution-here"] is None


def test_version_numbers_come_from_the_first_dist_info_folder_on_the_path(tmp_path, monkeypatch):
    from tidyink.cli._version import installed_versions

    (tmp_path / "Markdown_It_Py-9.8.7.dist-info").mkdir()
    monkeypatch.syspath_prepend(str(tmp_path))
    assert installed_versions(("markdown-it-py",)) == {"markdown-it-py": "9.8.7"}
