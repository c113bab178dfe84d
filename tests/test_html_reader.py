"""The HTML reader: main content, structure, emphasis, charsets and source positions."""

from __future__ import annotations

from pathlib import Path

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

import tidyink
from tidyink.api import convert_path
from tidyink.document import BREAK, EM, HEADING, PARAGRAPH, RAW_BLOCK, SCENE_BREAK, STRONG, VERSE
from tidyink.readers import html as html_reader
from tidyink.readers import read

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "html"


def blocks(doc):
    return [(b.kind, b.text) for b in doc.blocks]


def page(body: str, head: str = "") -> str:
    return f"<!DOCTYPE html>\n<html><head>{head}</head>\n<body>\n{body}\n</body></html>\n"


# --- structure --------------------------------------------------------------------


def test_paragraphs_headings_scene_break_and_pre():
    doc = read(
        page(
            "<h2>Chapter One</h2>\n<p>First   line\n of prose.</p>\n<hr>\n"
            "<p>After the break.</p>\n<pre>  kept\n    as is</pre>"
        ),
        "html",
    )
    kinds = [b.kind for b in doc.blocks]
    assert kinds == [HEADING, PARAGRAPH, SCENE_BREAK, PARAGRAPH, RAW_BLOCK]
    assert doc.blocks[1].text == "First line of prose."
    assert doc.blocks[4].spans[0].text == "  kept\n    as is"


def test_scripts_styles_forms_nav_and_comments_are_not_content():
    doc = read(
        page(
            "<script>var secret = 'script text';</script><style>p { color: red }</style>"
            "<nav><a href='/'>Home</a></nav><!-- a comment -->"
            "<form><select><option>Option text</option></select><textarea>Box text</textarea>"
            "<button>Press</button></form><p>Only this.</p>"
        ),
        "html",
    )
    assert blocks(doc) == [(PARAGRAPH, "Only this.")]


def test_emphasis_becomes_toggles_with_spaces_outside():
    doc = read(page("<p>She was <i>very </i>sure, <b>quite <em>sure</em></b>.</p>"), "html")
    spans = doc.blocks[0].spans
    kinds = [s.kind for s in spans]
    assert kinds.count(EM) == 4 and kinds.count(STRONG) == 2
    md = tidyink.convert(page("<p>She was <i>very </i>sure.</p>"), to="markdown", only=[]).text
    assert md == "She was *very* sure.\n"


def test_nested_same_emphasis_is_one_span():
    md = tidyink.convert(page("<p><i>a <em>b</em> c</i></p>"), to="markdown", only=[]).text
    assert md == "*a b c*\n"


def test_emphasis_split_by_a_block_is_closed_and_reopened():
    doc = read(page("<i><p>one</p><p>two</p></i>"), "html")
    for block in doc.blocks:
        assert [s.kind for s in block.spans].count(EM) == 2


def test_br_short_lines_are_verse_long_lines_paragraphs():
    verse = read(page("<p>Roses are red,<br>\nthe sea is grey,<br>\nand so to bed.</p>"), "html")
    assert [b.kind for b in verse.blocks] == [VERSE]
    assert [s.kind for s in verse.blocks[0].spans].count(BREAK) == 2
    long_line = "word " * 20
    prose = read(page(f"<p>{long_line}<br>\n<i>{long_line}<br>{long_line}</i></p>"), "html")
    assert [b.kind for b in prose.blocks] == [PARAGRAPH] * 3
    assert [[s.kind for s in b.spans] for b in prose.blocks][1:] == [[EM, "text", EM]] * 2
    letter = read(page(f"<p>Dear Tom,<br>{long_line}<br>Yours, Ann</p>"), "html")
    assert [b.text for b in letter.blocks] == ["Dear Tom,", long_line.strip(), "Yours, Ann"]


def test_double_br_separates_paragraphs():
    doc = read(page("First paragraph here.<br><br>\nSecond paragraph here.<br><br>Third."), "html")
    assert blocks(doc) == [
        (PARAGRAPH, "First paragraph here."),
        (PARAGRAPH, "Second paragraph here."),
        (PARAGRAPH, "Third."),
    ]


def test_entities_and_nbsp_are_decoded():
    doc = read(
        page("<p>Fish &amp; chips &mdash; caf&eacute;&nbsp;au&#160;lait &#x2019;</p>"), "html"
    )
    assert doc.blocks[0].text == "Fish & chips — café\u00a0au\u00a0lait ’"


def test_main_element_is_preferred():
    body = "<div class='top'>Site name and slogan here</div><main><p>" + "Story. " * 20
    doc = read(page(body + "</p></main><div>Unrelated footer words</div>"), "html")
    assert len(doc.blocks) == 1 and doc.blocks[0].text.startswith("Story.")


def test_headings_levels_title_and_chapters():
    doc = read(page("<h1>Book</h1><h3>Chapter 1</h3><p>x</p><h4>Part</h4><p>y</p>"), "html")
    heads = [(b.text, b.level) for b in doc.blocks if b.kind == HEADING]
    # A lone top heading first is the title; the next rank is the chapter level
    # (0 = the writer's default), deeper ranks follow.
    assert heads == [("Book", 1), ("Chapter 1", 0), ("Part", 3)]
    assert doc.meta["title"] == "Book"
    flat = read(page("<h2>One</h2><p>x</p><h2>Two</h2>"), "html")
    assert [b.level for b in flat.blocks if b.kind == HEADING] == [0, 0]


# --- the fixture pages --------------------------------------------------------------


def test_ao3_download_preface_chapters_notes_afterword():
    result = convert_path(FIXTURES / "ao3.html", to="markdown", only=["boilerplate"])
    doc = result.document
    assert doc.meta["title"] == "The Lantern Keeper"
    assert doc.meta["author"] == "quillfeather"
    heads = [(b.text, b.level) for b in doc.blocks if b.kind == HEADING]
    assert heads == [
        ("The Lantern Keeper", 1),
        ("Chapter 1: Oil and Wick", 0),
        ("Chapter 2: The Fifth Boat", 0),
    ]
    text = result.text
    assert text.startswith("# The Lantern Keeper\n")
    assert "## Chapter 2: The Fifth Boat" in text
    assert "Rating" not in text and "Posted originally" not in text
    assert "drop by the Archive" not in text and "See the end of the chapter" not in text
    assert "*eleven*" in text and "**nobody**" in text
    notes = [b.text for b in doc.blocks if b.attrs.get("author_note")]
    assert "More soon, I promise." in notes and "Thank you for reading!" in notes
    assert any(b.kind == SCENE_BREAK for b in doc.blocks)
    removed = " ".join(c.before for c in result.changes)
    assert "Posted originally" in removed and "drop by the Archive" in removed


def test_ffn_page_story_only_with_chapter_title():
    result = convert_path(FIXTURES / "ffn.html", to="markdown", only=["boilerplate"])
    text = result.text
    assert result.source.encoding == "cp1252" and result.source.detected_by == "meta"
    assert text.startswith("# Paper Cranes\n\n## Chapter 3: The Rooftop\n")
    for chrome in ("Follow/Fav", "Next >", "Post Review", "Privacy", "Rated:", "Folding", "Login"):
        assert chrome not in text
    assert "*Meet me where the cranes fly*, it said" in text
    assert "café" in text
    notes = [b.text for b in result.document.blocks if b.attrs.get("author_note")]
    assert notes[0].startswith("Disclaimer:") and notes[-1].startswith("A/N:")


def test_old_page_with_font_center_and_layout_table():
    result = convert_path(FIXTURES / "old-page.html", to="text", only=["boilerplate"])
    text = result.text
    # The title in <font size="+2"> on a line of its own is a heading.
    assert text.startswith("Moths\n\nby J. Wren\n\nThe porch light drew them every night")
    assert result.document.blocks[0].kind == HEADING
    for chrome in ("Stories", "Links", "Back to stories", "Netscape"):
        assert chrome not in text
    assert "_Somewhere to be,_ thought Nell" in text
    assert "Open late\nMoths welcome\nMind the glass" in text
    assert text.rstrip().endswith("Mind the glass")


# --- positions ------------------------------------------------------------------------


def _column_of(path: Path, line: int, needle: str, encoding: str = "utf-8") -> int:
    return path.read_bytes().decode(encoding).split("\n")[line - 1].index(needle) + 1


def test_block_lines_point_at_the_source():
    path = FIXTURES / "ao3.html"
    doc = convert_path(path, only=[]).document
    source_lines = path.read_text(encoding="utf-8").split("\n")
    for block in doc.blocks:
        if block.kind in (PARAGRAPH, HEADING) and block.line:
            first_words = block.text.split()[0].strip("“”")
            assert first_words in source_lines[block.line - 1], (block.line, block.text)


def test_changes_point_at_line_and_column_after_entities_and_tags():
    source = page(
        "<p>One &amp; two,\n  <a href='#x'>link</a> then wait. . . and\n"
        "<i>more</i> wait. . . here.</p>"
    )
    result = tidyink.convert(source.encode(), path="x.html", only=["ellipses"])
    lines = source.split("\n")
    got = [(c.line, c.column) for c in result.changes]
    expected = []
    for n, line in enumerate(lines, 1):
        start = 0
        while (k := line.find(". . .", start)) >= 0:
            expected.append((n, k + 1))
            start = k + 1
    assert got == expected and len(got) == 2


def test_chrome_removal_points_at_its_line():
    path = FIXTURES / "old-page.html"
    result = convert_path(path, only=["boilerplate"])
    by_text = {c.before: (c.line, c.column) for c in result.changes}
    line, column = by_text["Back to stories | Home"]
    assert line == 26
    assert column == _column_of(path, 26, "Back to stories", "cp1252")


# --- charsets -------------------------------------------------------------------------


def test_declared_charset_forms():
    assert html_reader.declared_charset(b'<meta charset="windows-1251">') == "cp1251"
    assert html_reader.declared_charset(b"<META CHARSET=utf-8>") == "utf-8"
    equiv = b'<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">'
    assert html_reader.declared_charset(equiv) == "cp1252"  # WHATWG: latin-1 means 1252
    assert html_reader.declared_charset(b'<?xml version="1.0" encoding="koi8-r"?>') == "koi8-r"
    assert html_reader.declared_charset(b"<p>no declaration</p>") is None
    assert html_reader.declared_charset(b'<meta charset="no-such-codec">') is None


def test_convert_honours_meta_charset():
    body = "<p>Сказка о рыбаке</p>"
    data = page(body, '<meta charset="windows-1251">').encode("cp1251")
    result = tidyink.convert(data, to="text", only=[])
    assert result.source.encoding == "cp1251" and result.text == "Сказка о рыбаке\n"


def test_bom_and_real_utf8_beat_the_declaration():
    html = page("<p>naïve café</p>", '<meta charset="iso-8859-1">')
    with_bom = tidyink.convert(b"\xef\xbb\xbf" + html.encode("utf-8"), to="text", only=[])
    assert with_bom.text == "naïve café\n" and with_bom.source.detected_by == "bom"
    stale = tidyink.convert(html.encode("utf-8"), to="text", only=[])
    assert stale.text == "naïve café\n" and stale.source.encoding == "utf-8"


def test_html_sniffed_without_suffix_and_forced_by_option():
    data = page("<p>Sniffed &amp; read.</p>").encode()
    assert tidyink.convert(data, to="text", only=[]).input_format == "html"
    fragment = b"<p>Forced &amp; read.</p>"
    assert tidyink.convert(fragment, to="text", only=[], input_format="html").text == (
        "Forced & read.\n"
    )


# --- robustness -----------------------------------------------------------------------

_TAGS = ["p", "i", "b", "em", "div", "br", "hr", "center", "font", "table", "td", "tr", "pre", "code"]


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.sampled_from([f"<{t}>" for t in _TAGS] + [f"</{t}>" for t in _TAGS]),
            st.sampled_from(["&amp;", "&nbsp;", "&bogus;", "<!--", "-->", "<", ">", "\n", " "]),
            st.text(alphabet="abc xyz.\n\u00e9", max_size=12),
        ),
        max_size=40,
    )
)
def test_any_tag_soup_reads_and_positions_stay_in_the_source(parts):
    source = "".join(parts)
    doc = read(source, "html")
    n_lines = source.count("\n") + 1
    for block in doc.blocks:
        for span in block.spans:
            if span.kind == "text" and span.line:
                line, col = span.position(0)
                assert 1 <= line <= n_lines and col >= 1
    for to in ("markdown", "text"):
        tidyink.convert(source, to=to, input_format="html")


_WORDS = st.text(alphabet="abcdefghij", min_size=1, max_size=6)
_INLINE = st.sampled_from(["", "i", "b", "em", "strong", "a", "span", "font", "code"])
_GAP = st.sampled_from([" ", "  ", "\n", " \n  ", "\t"])


@st.composite
def _html_paragraphs(draw):
    """Paragraphs of words, some wrapped in inline tags, separated by odd white space."""
    paragraphs = []
    for _ in range(draw(st.integers(1, 4))):
        parts = []
        for word in draw(st.lists(_WORDS, min_size=1, max_size=8)):
            tag = draw(_INLINE)
            piece = f"<{tag}>{word}</{tag}>" if tag else word
            if draw(st.booleans()):
                piece = piece.replace(word, word + "&amp;x", 1)
            parts.append(piece + draw(_GAP))
        paragraphs.append("<p>" + draw(_GAP) + "".join(parts) + "</p>")
    return "\n".join(paragraphs)


@settings(max_examples=60, deadline=None)
@given(_html_paragraphs())
def test_no_word_lost_and_every_word_points_at_its_source(body):
    source = page(body)
    doc = read(source, "html")
    expected = regex.sub(r"<[^>]+>", " ", body).replace("&amp;", "&").split()
    got = " ".join(b.text for b in doc.blocks).split()
    assert got == expected
    lines = source.split("\n")
    for block in doc.blocks:
        for span in block.spans:
            if span.kind != "text":
                continue
            for m in regex.finditer(r"[a-j]+", span.text):
                line, col = span.position(m.start())
                assert lines[line - 1][col - 1 :].startswith(m.group()), (m.group(), line, col)


def test_sniffing_skips_leading_comments_and_needs_an_html_start():
    from tidyink.readers import sniff_format

    saved = "<!-- saved from url=(0040)http://example.invalid/story.html -->\n<HTML><P>x"
    assert sniff_format(saved) == "html"
    assert sniff_format("<body><p>x</p></body>") == "html"
    assert sniff_format("<b>bold</b> is how I start my story.") == "text"
    assert sniff_format('<?xml version="1.0"?><note>x</note>') == "text"
    assert sniff_format("<p>x</p>", path="story.txt") == "text"


def test_xhtml_chapter_with_poem_in_a_blockquote():
    xhtml = (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops">\n'
        "<head><title>II</title></head>\n"
        '<body epub:type="bodymatter"><section id="chapter-2" epub:type="chapter">\n'
        '<header><h2 epub:type="ordinal">II</h2></header>\n'
        "<p>The ferry left at noon.</p>\n"
        '<blockquote epub:type="z3998:poem"><p><span>Over the water,</span><br/>\n'
        '<span class="i1">under the sky,</span><br/>\n<span>the ferry goes singing</span></p>'
        "</blockquote>\n<hr/>\n<p>Then quiet.</p>\n</section></body></html>\n"
    )
    result = tidyink.convert(xhtml.encode(), only=[], to="markdown")
    assert result.input_format == "html"
    doc = result.document
    assert [b.kind for b in doc.blocks] == [HEADING, PARAGRAPH, VERSE, SCENE_BREAK, PARAGRAPH]
    verse = doc.blocks[2]
    assert verse.attrs.get("quote") and verse.line == 7 and verse.end_line == 9
    assert "> Over the water,\\\n> under the sky,\\\n> the ferry goes singing" in result.text


def test_ao3_notes_stripped_with_their_labels():
    result = convert_path(
        FIXTURES / "ao3.html", to="text", only=["boilerplate"], author_notes="strip"
    )
    for gone in ("Written for a prompt", "More soon", "Thank you for reading", "End Notes"):
        assert gone not in result.text
    assert "A keeper, a storm" in result.text  # the summary is not a note
    assert "Marta trimmed the wick" in result.text


def test_ffn_headings_point_at_the_page():
    doc = convert_path(FIXTURES / "ffn.html", only=[]).document
    title, chapter = doc.blocks[0], doc.blocks[1]
    source = (FIXTURES / "ffn.html").read_bytes().decode("cp1252").split("\n")
    assert "Paper Cranes" in source[title.line - 1]
    assert "3. The Rooftop" in source[chapter.line - 1]


def test_a_declaration_that_cannot_decode_the_bytes_is_ignored():
    data = page("<p>café</p>", '<meta charset="utf-8">').encode("cp1252")
    result = tidyink.convert(data, to="text", only=[])
    assert result.text == "café\n" and result.source.detected_by != "meta"


def test_spaces_inside_emphasis_edges_move_outside():
    md = tidyink.convert(page("<p>a<i> b </i>c <b> d</b></p>"), to="markdown", only=[]).text
    assert md == "a *b* c **d**\n"


def test_emphasis_across_a_double_break_is_reopened():
    doc = read(page("<p><i>one<br><br>two</i> three</p>"), "html")
    assert [b.text for b in doc.blocks] == ["one", "two three"]
    md = tidyink.convert(page("<p><i>one<br><br>two</i> three</p>"), to="markdown", only=[])
    assert md.text == "*one*\n\n*two* three\n"


def test_detect_reports_the_declared_charset_like_convert():
    source = tidyink.detect((FIXTURES / "ffn.html").read_bytes(), path="ffn.html")
    assert source.encoding == "cp1252" and source.detected_by == "meta"
    assert tidyink.detect(b"plain words", path="a.txt").detected_by == "utf-8"


def test_spacer_paragraphs_are_noted_on_the_next_block():
    body = "<p>One.</p>\n<p>&nbsp;</p>\n<p>&nbsp;</p>\n<p>Two.</p>\n<p>Three.</p>"
    doc = read(page(body), "html")
    assert [(b.text, b.attrs.get("gap_before")) for b in doc.blocks] == [
        ("One.", None),
        ("Two.", 2),
        ("Three.", None),
    ]


def test_deeply_nested_tag_soup_does_not_overflow():
    doc = read("<font>x" * 3000 + "<div>" * 3000 + "<i>" * 3000 + "end", "html")
    assert doc.blocks[-1].text == "end"
    assert doc.blocks[0].text.startswith("xxx")


def test_pre_is_a_fenced_code_block_and_symbol_lines_are_scene_breaks():
    from markdown_it import MarkdownIt

    import tidyink

    page = (
        "<html><body><p>Intro.</p><pre>\n# not a heading\n* not a list\n```\n</pre>"
        "<p>* * *</p><p>After.</p><p>oOo</p><p>End.</p></body></html>"
    )
    out = tidyink.convert(page.encode(), input_format="html", lint=False).text
    types = [t.type for t in MarkdownIt("commonmark").parse(out) if t.level == 0]
    assert "fence" in types
    assert "heading_open" not in types and "bullet_list_open" not in types
    assert types.count("hr") == 2
    assert "# not a heading\n* not a list\n```" in out


def test_inline_code_is_protected_and_written_as_a_code_span():
    from markdown_it import MarkdownIt

    body = (
        '<p>Type <code>rm "old" -- now...</code> and press <kbd>Enter</kbd>; '
        'then "quote" it -- twice.</p>\n<p><code>x = `y`</code></p>'
    )
    result = tidyink.convert(page(body), input_format="html", lint=False)
    tokens = MarkdownIt("commonmark").parse(result.text)
    codes = [c.content for t in tokens if t.type == "inline" for c in t.children if c.type == "code_inline"]
    assert codes == ['rm "old" -- now...', "Enter", "x = `y`"]
    assert "\u201cquote\u201d it\u2014twice" in result.text  # the prose around it is still typeset
    text = tidyink.convert(page(body), input_format="html", to="text", lint=False).text
    assert 'Type rm "old" -- now... and press Enter;' in text


def test_spacer_paragraph_gaps_wider_than_usual_are_scene_breaks():
    paras = [f"<p>Paragraph {n} goes on long enough to read as a piece of the story.</p>" for n in range(12)]
    body = "\n".join(paras[:6]) + "\n<p>&nbsp;</p>\n" + "\n".join(paras[6:])
    doc = tidyink.convert(page(body), input_format="html", lint=False).document
    kinds = [b.kind for b in doc.blocks]
    assert kinds.count(SCENE_BREAK) == 1 and kinds.index(SCENE_BREAK) == 6
    # a page that puts a spacer between every paragraph has no wider gap
    spaced = "\n<p>&nbsp;</p>\n".join(paras)
    doc = tidyink.convert(page(spaced), input_format="html", lint=False).document
    assert SCENE_BREAK not in [b.kind for b in doc.blocks]


def test_processing_instruction_is_skipped_not_a_crash(tmp_path):
    # HTML has no processing instructions: "<?p>" parses as a bogus comment, a node
    # without a tag name. It is not content, and reading must not fail on it.
    doc = read("a.<?p>b", "html")
    assert [b.text for b in doc.blocks] == ["a.b"]
    source = tmp_path / "pi.html"
    source.write_text("<p>The mill stood <?php echo 1 ?>still.</p><p>a.<?p>b</p>\n")
    text = convert_path(source, to="text").text
    assert "The mill stood still." in text and "a.b" in text


def test_bold_ornament_line_is_a_scene_break_and_no_raw_html_for_punctuation_emphasis():
    from markdown_it import MarkdownIt

    body = (
        "<p>The first scene ends here, with a line of prose long enough to be one.</p>"
        "<p><b>.:</b>O<b>:.</b><b>.:</b>O<b>:.</b></p>"
        "<p>The next scene begins. <b>!!</b> she cried, and <i>?</i> was all he said.</p>"
    )
    md = tidyink.convert(page(body), path="page.html", to="markdown", lint=False).text
    tokens = MarkdownIt("commonmark").parse(md)
    assert [t.type for t in tokens].count("hr") == 1
    inline_html = [c for t in tokens if t.type == "inline" for c in t.children if c.type == "html_inline"]
    assert inline_html == [] and "<strong>" not in md
    assert "!! she cried, and ? was all he said." in md


def test_a_bold_chapter_line_is_the_chapter_heading():
    body = (
        "<p><b>Chapter Twelve</b></p><p>The rain had not stopped for three days, and the river was up.</p>"
        "<p><b>Nobody came.</b></p><p>She waited by the door all the same.</p>"
    )
    doc = read(page(body), "html")
    assert (doc.blocks[0].kind, doc.blocks[0].text) == (HEADING, "Chapter Twelve")
    assert doc.blocks[2].kind == PARAGRAPH  # bold, but no chapter's name


def test_a_site_chapter_label_gives_way_to_the_story_own_chapter_heading():
    page = (FIXTURES / "ffn.html").read_bytes().decode("cp1252")
    opening = '<p><b>~*~*~</b></p><p style="text-align:center;"><b>Chapter Three</b></p><p><b>~*~*~</b></p>'
    bare = page.replace("3. The Rooftop</option>", "3. Chapter 3</option>")
    own = bare.replace("<p>Disclaimer:", opening + "<p>Disclaimer:", 1)
    md = tidyink.convert(own, path="ffn.html", lint=False, to="markdown").text
    assert "## Chapter Three\n" in md and "Chapter 3" not in md
    # without a heading of its own, the story keeps the site's
    md = tidyink.convert(bare, path="ffn.html", lint=False, to="markdown").text
    assert "## Chapter 3\n" in md
    # a site title that names the chapter says more than the story's label, and stays
    titled = page.replace("<p>Disclaimer:", opening + "<p>Disclaimer:", 1)
    md = tidyink.convert(titled, path="ffn.html", lint=False, to="markdown").text
    assert "## Chapter 3: The Rooftop\n" in md and "## Chapter Three\n" in md
