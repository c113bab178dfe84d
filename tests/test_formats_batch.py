"""A folder (or archive) mixing text, HTML, EPUB and Word files converts in one batch."""

from __future__ import annotations

import shutil
import zipfile

import pytest
from click.testing import CliRunner

from tidyink.cli import main

pytest.importorskip("docx")

CHAPTER = "Chapter One\n\nThe lamp was lit... and the ferry was late.\n"
PAGE = "<html><body><h1>Notes</h1><p>A <i>short</i> page about the light.</p></body></html>\n"


def _mixed(fixtures, folder):
    folder.mkdir()
    (folder / "chapter.txt").write_text(CHAPTER, encoding="utf-8")
    (folder / "page.html").write_text(PAGE, encoding="utf-8")
    for name in ("ao3-shaped.epub", "manuscript.docx"):
        shutil.copy(fixtures / "formats" / name, folder / name)
    (folder / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))  # still not converted
    return folder


def test_mixed_folder_converts_in_one_batch(fixtures, tmp_path):
    src = _mixed(fixtures, tmp_path / "in")
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["convert", str(src), "-o", str(out), "--jobs", "1"])
    assert result.exit_code == 0, result.output
    made = sorted(p.name for p in out.iterdir() if not p.name.startswith("."))
    assert made == ["ao3-shaped.md", "chapter.md", "manuscript.md", "page.md"]
    assert "## Chapter 1: The Ferry" in (out / "ao3-shaped.md").read_text(encoding="utf-8")
    assert "## Chapter One" in (out / "manuscript.md").read_text(encoding="utf-8")
    assert "lit… and" in (out / "chapter.md").read_text(encoding="utf-8")


def test_mixed_archive_to_epub(fixtures, tmp_path):
    src = _mixed(fixtures, tmp_path / "in")
    archive = tmp_path / "books.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        for path in sorted(src.iterdir()):
            zf.write(path, path.name)
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["convert", str(archive), "-o", str(out), "--to", "epub", "--jobs", "1"])
    assert result.exit_code == 0, result.output
    made = sorted(p.name for p in out.iterdir() if not p.name.startswith("."))
    assert made == ["ao3-shaped.epub", "chapter.epub", "manuscript.epub", "page.epub"]
    for name in made:
        with zipfile.ZipFile(out / name) as zf:
            assert zf.read("mimetype") == b"application/epub+zip"
