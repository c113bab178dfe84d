"""Word input: styles, emphasis, scene breaks, page-break chapters, footnotes, tracked changes."""

from __future__ import annotations

import io

import pytest
from click.testing import CliRunner
from hypothesis import example, given, settings
from hypothesis import strategies as st

from tidyink import api
from tidyink.cli import main
from tidyink.errors import InputError
from tidyink.lint import check_paths
from tidyink.readers import containers

docx = pytest.importorskip("docx")


def _bytes(document) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_manuscript_gives_clean_markdown(fixtures):
    result = api.convert_path(fixtures / "formats" / "manuscript.docx")
    text = result.text
    assert result.input_format == "docx"
    assert text.startswith("# The Keeper’s Ledger\n\n## Chapter One\n\n")
    assert "she had *two*, both in the bag" in text
    assert "*safe*, *late*, **lost**." in text
    assert "\n* * *\n" in text  # the centred "#"
    assert "\n## Chapter Two\n" in text  # an unstyled title after a page break
    assert "held breath.[^1]" in text
    assert text.rstrip().endswith("[^1]: The light was built in 1871 and never *once* went dark.")


def test_tracked_changes_read_as_accepted_and_comments_dropped(fixtures):
    result = api.convert_path(fixtures / "formats" / "manuscript.docx")
    assert "The cottage smelt of salt and old paper." in result.text
    assert "wet wool" not in result.text
    assert "Is six too early" not in result.text
    notes = " ".join(result.notes)
    assert "2 tracked change(s) read as accepted" in notes
    assert "1 comment(s) left out" in notes


def test_summary_line_says_what_was_read_as_accepted(fixtures, tmp_path):
    out = tmp_path / "m.md"
    result = CliRunner().invoke(main, ["convert", str(fixtures / "formats" / "manuscript.docx"), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "tracked change(s) read as accepted" in result.output and "comment(s) left out" in result.output
    assert out.read_text(encoding="utf-8").startswith("# The Keeper’s Ledger")


def test_plain_text_output_shows_footnote_numbers(fixtures):
    text = api.convert_path(fixtures / "formats" / "manuscript.docx", to="text").text
    assert "held breath.[1]" in text and "[1] The light was built" in text


def test_emphasis_from_styles_and_headings_from_based_on_styles():
    from docx.enum.style import WD_STYLE_TYPE

    document = docx.Document()
    chapter = document.styles.add_style("Chapter Title", WD_STYLE_TYPE.PARAGRAPH)
    chapter.base_style = document.styles["Heading 1"]
    thought = document.styles.add_style("Thought", WD_STYLE_TYPE.CHARACTER)
    thought.font.italic = True
    document.add_paragraph("Where the River Bends", style="Chapter Title")
    p = document.add_paragraph("She wondered, ")
    p.add_run("is anyone there", style="Thought")
    p.add_run(", and listened.")
    text = api.convert(_bytes(document), path="d.docx").text
    assert text == "## Where the River Bends\n\nShe wondered, *is anyone there*, and listened.\n"


def test_a_long_paragraph_after_a_page_break_is_not_a_heading():
    from docx.enum.text import WD_BREAK

    document = docx.Document()
    document.add_paragraph("The first page ends here.").runs[0].add_break(WD_BREAK.PAGE)
    document.add_paragraph("The second page opens with a whole sentence that is plainly prose.")
    document.add_paragraph("And it goes on.")
    text = api.convert(_bytes(document), path="d.docx").text
    assert "#" not in text


def test_findings_are_located_by_paragraph_number(tmp_path):
    document = docx.Document()
    document.add_paragraph("Chapter One", style="Heading 1")
    document.add_paragraph("")  # empty paragraphs count too
    document.add_paragraph("A quiet morning.")
    document.add_paragraph("She was taller then her brother.")
    path = tmp_path / "draft.docx"
    path.write_bytes(_bytes(document))
    report = check_paths([str(path)])
    (finding,) = [f for f in report.findings if f.code == "C101"]
    assert (finding.path, finding.line, finding.column, finding.end_column) == (str(path), 4, 16, 20)


def test_word_signature_decides_and_a_broken_package_is_one_line():
    document = docx.Document()
    document.add_paragraph("Just one line.")
    data = _bytes(document)
    assert containers.sniff(data, "renamed.bin") == "docx"
    assert api.convert(data, path="renamed.bin").text == "Just one line.\n"
    broken = data.replace(b"word/document.xml", b"word/documenX.xml")
    assert containers.sniff(broken, "x.docx") is None  # no word/document.xml: a plain ZIP, refused as binary
    with pytest.raises(InputError):
        api.convert(broken, path="x.docx")


def test_fix_refuses_a_word_file(tmp_path, fixtures):
    target = tmp_path / "m.docx"
    target.write_bytes((fixtures / "formats" / "manuscript.docx").read_bytes())
    result = CliRunner().invoke(main, ["fix", str(target)])
    assert result.exit_code == 2
    assert "fix edits text files in place, not DOCX files; use `tidyink convert" in result.output


_WORDS = st.lists(st.from_regex(r"[A-Za-z]{1,10}", fullmatch=True), min_size=1, max_size=12)


@settings(max_examples=20, deadline=None)
@given(st.lists(st.tuples(_WORDS, st.booleans()), min_size=1, max_size=5))
@example([(["OOO"], False)])
def test_every_word_of_every_paragraph_reaches_the_output(paragraphs):
    document = docx.Document()
    for words, italic in paragraphs:
        p = document.add_paragraph(words[0] + " ")
        p.add_run(" ".join(words[1:])).italic = italic
    # (scene-breaks skipped: a paragraph that is only "OOO" or "xxx" is a fan-fiction
    # divider, turned into a break on purpose; the reader itself must lose no word)
    out = api.convert(_bytes(document), path="d.docx", skip=["scene-breaks"]).text.split()
    for words, _ in paragraphs:
        for word in words:
            assert any(word in token for token in out), word
