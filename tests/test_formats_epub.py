"""EPUB input: chapters in spine order, pages left out, OPF metadata, located findings."""

from __future__ import annotations

import io
import zipfile

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from _epub_kit import epub, page
from tidyink import api
from tidyink.cli import main
from tidyink.errors import BinaryInputError, InputError
from tidyink.lint import check_paths
from tidyink.readers import containers


def _md(data: bytes, path: str = "book.epub", **kw) -> api.Result:
    return api.convert(data, path=path, **kw)


def test_ao3_shaped_epub_gives_clean_markdown(fixtures):
    result = api.convert_path(fixtures / "formats" / "ao3-shaped.epub")
    text = result.text
    assert result.input_format == "epub"
    assert text.startswith("# The Keeper’s Ledger\n\n## Chapter 1: The Ferry\n")
    assert "## Chapter 2: The Light" in text
    assert "she had *two*, both" in text
    assert "\n* * *\n" in text
    assert "*safe*, *safe*, *late*, *lost*" in text
    assert "Rating" not in text and "Archive Warning" not in text  # the tag page is left out
    assert any("OEBPS/preface.xhtml" in note for note in result.notes)
    assert text.index("Chapter 1") < text.index("Chapter 2")


def test_ao3_metadata_from_the_opf_in_front_matter(fixtures):
    result = api.convert_path(fixtures / "formats" / "ao3-shaped.epub", front_matter=True)
    head = result.text.split("---\n")[1]
    assert 'title: "The Keeper\'s Ledger"' in head
    assert 'author: "wren_of_the_north"' in head
    assert 'language: "en"' in head
    assert 'series: "Salt Roads"' in head and 'series_index: "2"' in head
    assert 'tags: ["Original Work", "Lighthouses", "Inheritance", "Slow Burn"]' in head
    assert 'summary: "Ines inherits a lighthouse, a ledger and a question her aunt never answered."' in head


def test_fff_shaped_epub3_leaves_out_cover_title_and_nav(fixtures):
    result = api.convert_path(fixtures / "formats" / "fff-shaped.epub", front_matter=True)
    text = result.text
    assert "## The Ferry" in text and "## The Light" in text
    assert "Status:" not in text and "Contents" not in text
    assert text.count("The Keeper’s Ledger") == 1  # the title heading only, not the cover's text
    notes = " ".join(result.notes)
    assert "OEBPS/cover.xhtml" in notes and "OEBPS/title_page.xhtml" in notes and "OEBPS/nav.xhtml" in notes
    assert 'series: "Salt Roads"' in text and 'language: "en-GB"' in text
    assert "\n* * *\n" in text  # a centred "* * *" paragraph


def test_chapters_follow_the_spine_not_the_file_order():
    data = epub(
        [("a.xhtml", page("<h1>Second</h1><p>Second chapter text.</p>")),
         ("b.xhtml", page("<h1>First</h1><p>First chapter text.</p>"))],
        spine=["b.xhtml", "a.xhtml"],
    )  # fmt: skip
    text = _md(data).text
    assert text.index("## First") < text.index("## Second")


def test_non_linear_items_are_left_out_and_said():
    data = epub(
        [("ch.xhtml", page("<p>The story itself, told plainly.</p>")),
         ("extra.xhtml", page("<p>A pop-up glossary entry.</p>"))],
        linear_no=("extra.xhtml",),
    )  # fmt: skip
    result = _md(data)
    assert "The story itself" in result.text and "glossary" not in result.text
    assert any("OEBPS/extra.xhtml" in n and "linear" in n for n in result.notes)


def test_findings_are_located_by_chapter_file_and_line(tmp_path):
    chapter_two = page("<h1>Two</h1>\n<p>The lamp was lit.</p>\n<p>She was taller then her brother.</p>")
    data = epub([("one.xhtml", page("<h1>One</h1><p>A clean page.</p>")), ("two.xhtml", chapter_two)])
    path = tmp_path / "book.epub"
    path.write_bytes(data)
    report = check_paths([str(path)])
    found = [f for f in report.findings if f.code == "C101"]
    assert len(found) == 1
    f = found[0]
    assert f.path == f"{path}:OEBPS/two.xhtml"
    line = chapter_two.split("\n")[f.line - 1]
    assert line[f.column - 1 : f.end_column - 1] == "then"
    # the snippet source is the chapter file's own text
    checked = {c.path: c.text for c in report.files}
    assert checked[f.path] == chapter_two


def test_check_prints_the_located_path(tmp_path):
    data = epub([("ch.xhtml", page("<p>She was taller then her brother.</p>"))])
    (tmp_path / "b.epub").write_bytes(data)
    result = CliRunner().invoke(main, ["check", str(tmp_path / "b.epub")])
    assert result.exit_code == 1
    assert f"{tmp_path / 'b.epub'}:OEBPS/ch.xhtml:" in result.output


def test_epub_signature_decides_not_the_suffix():
    data = epub([("ch.xhtml", page("<p>Plain words here.</p>"))])
    assert containers.sniff(data, "whatever.zip") == "epub"
    assert "Plain words here." in _md(data, path="download.bin").text


def test_other_zips_are_still_refused_as_binary():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zf:
        zf.writestr("notes.txt", "just a zip")
    with pytest.raises(BinaryInputError, match="binary file"):
        api.convert(buffer.getvalue(), path="book.epub")
    # an EPUB-looking name without the package inside is refused too
    assert containers.sniff(buffer.getvalue(), "book.epub") is None


def test_a_broken_epub_is_a_one_line_error():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zf:
        zf.writestr("mimetype", "application/epub+zip", compress_type=zipfile.ZIP_STORED)
    with pytest.raises(InputError, match=r"^b\.epub: META-INF/container\.xml is missing"):
        api.convert(buffer.getvalue(), path="b.epub")


def test_fix_refuses_an_epub_in_one_line(tmp_path, fixtures):
    target = tmp_path / "book.epub"
    target.write_bytes((fixtures / "formats" / "ao3-shaped.epub").read_bytes())
    result = CliRunner().invoke(main, ["fix", str(target)])
    assert result.exit_code == 2
    assert f"{target}: fix edits text files in place, not EPUB files; use `tidyink convert" in result.output
    assert target.read_bytes() == (fixtures / "formats" / "ao3-shaped.epub").read_bytes()


def test_changes_name_the_chapter_file_and_the_title_points_at_the_opf(fixtures):
    result = api.convert_path(fixtures / "formats" / "fff-shaped.epub")
    in_title = [c for c in result.changes if c.reason.endswith("in OEBPS/content.opf")]
    assert [(c.filter, c.line, c.column, c.after) for c in in_title] == [("quotes", 5, 21, "’")]
    in_chapter = [c for c in result.changes if c.filter == "quotes" and c.reason.endswith("file0001.xhtml")]
    chapter = zipfile.ZipFile(fixtures / "formats" / "fff-shaped.epub").read("OEBPS/OEBPS/file0001.xhtml")
    lines = chapter.decode("utf-8").split("\n")
    assert in_chapter and all(lines[c.line - 1][c.column - 1] == c.before[0] for c in in_chapter)


_WORDS = st.lists(st.from_regex(r"[A-Za-z]{1,10}", fullmatch=True), min_size=1, max_size=12)


@settings(max_examples=30, deadline=None)
@given(st.lists(_WORDS, min_size=1, max_size=5))
def test_every_word_of_every_chapter_reaches_the_output(paragraphs):
    from xml.sax.saxutils import escape

    body = "\n".join(f"<p>{escape(' '.join(words))}</p>" for words in paragraphs)
    result = _md(epub([("ch.xhtml", page(body))], metadata="<dc:language>en</dc:language>"))
    out = result.text.split()
    for words in paragraphs:
        for word in words:
            assert any(word in token for token in out), word
