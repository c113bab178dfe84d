"""`tidyink fix`: files found, fixed in place keeping their form, --check, --diff."""

from __future__ import annotations

import codecs
import json
import os
import stat

import pytest
from click.testing import CliRunner

from tidyink.cli import main
from tidyink.config import Resolver, Settings
from tidyink.manuscript import EncodeError, Finder, fix_bytes


def run(*args: str):
    return CliRunner().invoke(main, list(args))


def write(path, data: bytes | str):
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    path.write_bytes(data)
    return path


def names(found, root):
    return sorted(p.relative_to(root).as_posix() for p in found)


def test_finder_includes_defaults_and_respects_gitignore_and_excludes(tmp_path):
    (tmp_path / ".git").mkdir()
    write(tmp_path / ".gitignore", "drafts/\n*.bak.md\n!keep.bak.md\n")
    for name in (
        "a.md",
        "b.markdown",
        "c.txt",
        "d.rst",
        "e.bak.md",
        "keep.bak.md",
        "drafts/x.md",
        "node_modules/y.md",
        "notes/z.txt",
        "notes/old/w.md",
        "sub/.gitignore",
        "sub/p.md",
        "sub/q.md",
    ):
        write(tmp_path / name, "x\n")
    write(tmp_path / "sub" / ".gitignore", "q.md\n")
    write(tmp_path / "pyproject.toml", '[tool.tidyink]\nexclude = ["notes/old/"]\n')
    found = Finder(Resolver()).files([tmp_path])
    assert names(found, tmp_path) == ["a.md", "b.markdown", "c.txt", "keep.bak.md", "notes/z.txt", "sub/p.md"]


def test_explicit_files_skip_config_excludes_but_not_gitignore(tmp_path):
    write(tmp_path / "tidyink.toml", 'exclude = ["vendor/*"]\ninclude = ["*.md"]\n')
    a = write(tmp_path / "vendor" / "a.md", "x\n")
    b = write(tmp_path / "b.txt", "x\n")
    assert list(Finder(Resolver()).files([a, b])) == [b]


def test_fix_rewrites_in_place_and_reports_like_black(tmp_path):
    bad = write(tmp_path / "one.md", "# Café\n\nShe waited...\n")
    good = write(tmp_path / "two.txt", "Already clean.\n")
    result = run("fix", str(tmp_path))
    assert result.exit_code == 0, result.output
    assert bad.read_text() == "# Café\n\nShe waited…\n"
    assert good.read_text() == "Already clean.\n"
    assert f"fixed {bad}" in result.output
    assert "1 file changed, 1 left unchanged" in result.output
    again = run("fix", str(tmp_path))
    assert "2 files left unchanged" in again.output


def test_check_changes_nothing_lists_files_and_exits_1(tmp_path):
    bad = write(tmp_path / "one.txt", "Wait...\n")
    write(tmp_path / "two.txt", "Fine.\n")
    result = run("fix", "--check", str(tmp_path))
    assert result.exit_code == 1
    assert bad.read_text() == "Wait...\n"
    assert f"would change {bad}" in result.output
    assert "1 file would be changed, 1 left unchanged" in result.output
    run("fix", str(tmp_path))
    assert run("fix", "--check", str(tmp_path)).exit_code == 0


def test_diff_prints_unified_diff_and_changes_nothing(tmp_path):
    bad = write(tmp_path / "one.txt", "Line one.\nWait...\n")
    result = CliRunner().invoke(main, ["fix", "--diff", str(bad)])
    assert result.exit_code == 0
    assert bad.read_text() == "Line one.\nWait...\n"
    assert f"--- {bad}\n+++ {bad}\n@@ -1,2 +1,2 @@\n Line one.\n-Wait...\n+Wait…\n" in result.stdout


@pytest.mark.parametrize(
    ("encoding", "bom", "newline"),
    [
        ("utf-8", True, "\r\n"),
        ("utf-8", False, "\r"),
        ("cp1252", False, "\r\n"),
        ("utf-16-le", True, "\r\n"),
        ("utf-16-be", True, "\n"),
        ("mac_roman", False, "\r"),
    ],
)
def test_encoding_bom_and_line_endings_are_kept(tmp_path, encoding, bom, newline):
    text = "Ça va? Il attendit... «Non».\n\nFin... déjà.\n"
    expected = text.replace("...", "…")
    marks = {"utf-8": codecs.BOM_UTF8, "utf-16-le": codecs.BOM_UTF16_LE, "utf-16-be": codecs.BOM_UTF16_BE}
    prefix = marks[encoding] if bom else b""
    path = write(tmp_path / "ch.txt", prefix + text.replace("\n", newline).encode(encoding))
    # mac_roman is told; so is cp1252, which without bytes 0x80-0x9F reads like Latin-1
    args = ["fix", str(path)] + (["--encoding", encoding] if encoding in ("mac_roman", "cp1252") else [])
    assert run(*args).exit_code == 0
    assert path.read_bytes() == prefix + expected.replace("\n", newline).encode(encoding)


def test_mixed_line_endings_are_kept_line_by_line(tmp_path):
    path = write(tmp_path / "m.txt", b"One...\r\nTwo...\nThree\r\n")
    run("fix", str(path))
    assert path.read_bytes() == "One…\r\nTwo…\nThree\r\n".encode()


def test_ascii_file_becomes_utf8_when_typography_needs_it(tmp_path):
    path = write(tmp_path / "a.txt", b"Wait...\n")
    run("fix", str(path))
    assert path.read_bytes() == "Wait…\n".encode()


def test_unencodable_result_is_reported_and_file_left_alone(tmp_path):
    data = "Déjà... vu\n".encode("latin-1")
    path = write(tmp_path / "l.txt", data)
    result = run("fix", "--encoding", "latin-1", str(path))
    assert result.exit_code == 2
    assert path.read_bytes() == data
    assert "iso8859-1 cannot hold ('…' U+2026); left unchanged" in result.output
    assert "--to-utf8" in result.output
    with pytest.raises(EncodeError):
        fix_bytes(data, path="l.txt", settings=Resolver({"encoding": "latin-1"}).for_path(path))
    assert run("fix", "--encoding", "latin-1", "--to-utf8", str(path)).exit_code == 0
    assert path.read_bytes() == "Déjà… vu\n".encode()


def test_to_utf8_reencodes_even_without_text_changes(tmp_path):
    path = write(tmp_path / "c.txt", "Fenêtre\n".encode("utf-16"))
    assert run("fix", "--check", "--to-utf8", str(path)).exit_code == 1
    run("fix", "--to-utf8", str(path))
    assert path.read_bytes() == codecs.BOM_UTF8 + "Fenêtre\n".encode()


def test_bad_files_are_reported_and_skipped_others_fixed(tmp_path):
    write(tmp_path / "bin.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    good = write(tmp_path / "good.md", "So...\n")
    result = run("fix", str(tmp_path), str(tmp_path / "missing.md"))
    assert result.exit_code == 2
    assert good.read_text() == "So…\n"
    errors = [line for line in result.output.splitlines() if line.startswith("tidyink: error:")]
    assert len(errors) == 2
    assert any("bin.txt" in e and "binary" in e for e in errors)
    assert any("missing.md" in e for e in errors)
    assert "1 file changed, 2 could not be fixed" in result.output


def test_markdown_stays_markdown_source(tmp_path):
    source = "# Title...\n\n* item one...\n* `code...`\n\n1. first\n\n> quote...\n\n[link...](http://x/...)\n"
    path = write(tmp_path / "m.md", source)
    run("fix", str(path))
    assert path.read_text() == source.replace("Title...", "Title…").replace("one...", "one…").replace(
        "quote...", "quote…"
    ).replace("[link...]", "[link…]")


def test_text_keeps_its_block_separators(tmp_path):
    source = "Para one...\n\n\n\nPara two\n   \nlast...\n"
    path = write(tmp_path / "t.txt", source)
    run("fix", str(path))
    # blank runs keep their length; the spacing filter trims the whitespace-only line
    assert path.read_text() == source.replace("...", "…").replace("\n   \n", "\n\n")


def test_file_mode_kept_and_no_temp_files_left(tmp_path):
    path = write(tmp_path / "t.txt", "Wait...\n")
    os.chmod(path, 0o640)
    run("fix", str(tmp_path))
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == ["t.txt"]


def test_config_drives_fix_and_flags_override(tmp_path):
    write(tmp_path / "pyproject.toml", '[tool.tidyink]\nellipsis = ". . ."\n[tool.tidyink.fix]\nskip = ["mojibake"]\n')
    path = write(tmp_path / "ch" / "a.txt", "CafÃ©...\n")
    run("fix", str(path))
    assert path.read_text() == "CafÃ©. . .\n"
    run("fix", "--ellipsis", "…", "--skip", "ellipses", str(path))
    assert path.read_text() == "Café. . .\n"


def test_structure_filters_do_not_run_unless_enabled(tmp_path, monkeypatch):
    from tidyink import filters

    class Shout(filters.TextFilter):
        name, description, stage, order, default = "fake-shout", "test", "structure", 250, True

        def edits(self, text, block, ctx):
            from tidyink.records import Edit

            yield Edit(0, len(text), text.upper(), "shout")

    fake = (*filters.all_filters(), Shout)
    monkeypatch.setattr(filters, "filters_where", lambda may_run: fake)
    monkeypatch.setattr(filters, "stages_by_name", lambda: {f.name: f.stage for f in fake})
    data = b"quiet words\n"
    assert fix_bytes(data, path="a.txt", settings=Settings())[0] == data
    shouted = fix_bytes(data, path="a.txt", settings=Resolver({"enable": ("fake-shout",)}).for_path("."))[0]
    assert shouted == b"QUIET WORDS\n"


def test_html_files_are_refused(tmp_path):
    path = write(tmp_path / "p.html", "<p>Hi...</p>\n")
    result = run("fix", str(path))
    assert result.exit_code == 2 and "Markdown and text files only" in result.output
    assert path.read_text() == "<p>Hi...</p>\n"


def test_fix_runs_filters_until_nothing_changes(monkeypatch):
    from tidyink import filters
    from tidyink.records import Edit

    class Halve(filters.TextFilter):  # removes one "!" of a run per pass: needs several passes
        name, description, stage, order = "fake-halve", "test", "typography", 399

        def edits(self, text, block, ctx):
            at = text.find("!!")
            if at >= 0:
                yield Edit(at, at + 1, "", "one fewer")

    fake = (*filters.all_filters(), Halve)
    monkeypatch.setattr(filters, "filters_where", lambda may_run: fake)
    monkeypatch.setattr(filters, "stages_by_name", lambda: {f.name: f.stage for f in fake})
    fixed = fix_bytes(b"Stop!!!\n", path="a.txt")
    assert fixed.data == b"Stop!\n" and fixed.passes == 2
    assert [c.filter for c in fixed.result.changes] == ["fake-halve", "fake-halve"]
    assert fixed.result.source.text == "Stop!!!\n"
    assert fix_bytes(fixed.data, path="a.txt").passes == 0
    quick = fix_bytes(b"Stop!!!\n", path="a.txt", settle=False)  # what --check needs
    assert quick.passes == 1 and quick.data == b"Stop!!\n"


def test_symlinked_file_is_fixed_through_the_link(tmp_path):
    real = write(tmp_path / "real" / "a.md", "So...\n")
    link = tmp_path / "link.md"
    link.symlink_to(real)
    assert run("fix", str(link)).exit_code == 0
    assert link.is_symlink() and real.read_text() == "So…\n"


def test_gitignore_means_nothing_outside_a_repository(tmp_path):
    write(tmp_path / ".gitignore", "*.md\n")
    a = write(tmp_path / "a.md", "x\n")
    assert list(Finder(Resolver()).files([tmp_path])) == [a]


def test_each_file_uses_its_nearest_config(tmp_path):
    write(tmp_path / "pyproject.toml", '[tool.tidyink]\nellipsis = ". . ."\n')
    write(tmp_path / "book2" / ".tidyink.toml", 'ellipsis = "..."\n')
    one = write(tmp_path / "book1" / "a.txt", "Wait...\n")
    two = write(tmp_path / "book2" / "part" / "b.txt", "Wait. . .\n")
    three = write(tmp_path / "c.txt", "Wait...\n")
    result = run("fix", str(tmp_path))
    assert result.exit_code == 0, result.output
    assert (one.read_text(), two.read_text(), three.read_text()) == ("Wait. . .\n", "Wait...\n", "Wait. . .\n")


def test_check_with_diff_prints_and_exits_1(tmp_path):
    path = write(tmp_path / "a.md", "Wait...\n")
    result = run("fix", "--check", "--diff", str(path))
    assert result.exit_code == 1
    assert "-Wait...\n+Wait…\n" in result.stdout
    assert path.read_text() == "Wait...\n"


def test_bad_config_stops_with_one_line(tmp_path):
    write(tmp_path / "tidyink.toml", "ellipsis = 3\n")
    path = write(tmp_path / "a.md", "Wait...\n")
    result = run("fix", str(path))
    assert result.exit_code == 2
    assert result.output.strip().count("\n") == 0 and "ellipsis must be a string" in result.output
    assert path.read_text() == "Wait...\n"


def test_latin1_or_cp1252_file_is_written_as_cp1252_and_says_so(tmp_path):
    # No byte 0x80-0x9F: cp1252 and ISO-8859-1 read it the same. cp1252 is the superset
    # every modern reader uses for both, so the fix is written as cp1252, and said.
    path = tmp_path / "l.txt"
    original = b'D\xe9j\xe0 vu... "na\xefve" -- or not\n'
    path.write_bytes(original)
    result = run("fix", str(path))
    assert result.exit_code == 0, result.output
    assert path.read_bytes() == "Déjà vu… “naïve”—or not\n".encode("cp1252")
    assert "written as cp1252" in result.output
    assert run("fix", "--check", str(path)).exit_code == 0  # read back as cp1252: settled
    detected = run("detect", str(path))
    assert "cp1252" in detected.output
    # detect is sure of the reading of the untouched kind of file too (pages that agree are no rivals)
    path.write_bytes(original)
    record = json.loads(run("detect", "--output-format", "json", str(path)).output)
    assert record["encoding"] == "cp1252" and record["confidence"] >= 0.5
    # a file with nothing cp1252-only in its fix gets no note
    plain = tmp_path / "p.txt"
    plain.write_bytes(b"D\xe9j\xe0  vu.\n")
    quiet = run("fix", str(plain))
    assert quiet.exit_code == 0 and "written as" not in quiet.output
    assert plain.read_bytes() == b"D\xe9j\xe0 vu.\n"


def test_fix_rewrites_stray_cp1252_bytes_in_a_utf8_file_as_utf8():
    data = "Caf\u00e9 cr\u00e8me, na\u00efve d\u00e9j\u00e0 vu.\n".encode() * 3 + "It wasn\u2019t.\n".encode("cp1252")
    fixed = fix_bytes(data, path="chapter.txt", settings=Settings())[0]
    assert fixed.decode("utf-8").endswith("It wasn\u2019t.\n")
    assert fix_bytes(fixed, path="chapter.txt", settings=Settings())[0] == fixed
