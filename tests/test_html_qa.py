"""HTML pages as saved from real kinds of sites (our own invented pages): what a careful
editor would keep, in Markdown and text."""

from __future__ import annotations

from pathlib import Path

from markdown_it import MarkdownIt

import tidyink

QA = Path(__file__).resolve().parent.parent / "fixtures" / "html" / "qa"


def convert(name: str, **options) -> str:
    return tidyink.convert((QA / name).read_bytes(), path=name, **options).text


def page(body: str) -> str:
    return f"<!DOCTYPE html>\n<html><head><meta charset='utf-8'></head>\n<body>\n{body}\n</body></html>\n"


def headings(md: str) -> list[str]:
    tokens = MarkdownIt("commonmark").parse(md)
    return [tokens[i + 1].content for i, t in enumerate(tokens) if t.type == "heading_open"]


# --- AO3 work page (site chrome around the work) -----------------------------------


def test_ao3_work_page_keeps_chapter_heading_and_notes():
    md = convert("ao3-work-page.html")
    assert "Chapter 2: Windfall" in headings(md)
    assert "Sorry this took so long!" in md
    assert "Thanks for all the lovely comments on chapter one." in md
    stripped = convert("ao3-work-page.html", author_notes="strip")
    assert "Sorry this took so long!" not in stripped
    assert "The storm brought down half the crop overnight." in stripped


def test_ao3_work_page_leaves_out_meta_comments_and_hidden_landmarks():
    md = convert("ao3-work-page.html")
    for chrome in ("Rating:", "Kudos", "1,234", "reader1", "I love Dora", "Chapter Text", "Footer"):
        assert chrome not in md, chrome
    assert md.lstrip().startswith("# The Orchard Wall")


# --- a 1999 personal page: <font>, layout table, <br><br> paragraphs ---------------


def test_old_page_spacer_line_between_double_breaks_is_a_scene_break():
    md = convert("old-personal-page.html")
    tokens = MarkdownIt("commonmark").parse(md)
    assert [t.type for t in tokens].count("hr") == 2  # the <hr> and the &nbsp; gap
    _, after = md.split("Pell came, but she did not stop humming.")
    assert after.lstrip().startswith("* * *")


def test_old_page_footer_links_counter_and_date_are_left_out():
    text = convert("old-personal-page.html", to="text")
    assert text.rstrip().endswith("humming along.")
    assert "Guestbook" not in text and "visitor" not in text


def test_old_page_big_font_title_line_is_a_heading():
    md = convert("old-personal-page.html")
    assert headings(md) == ["The Well"]
    assert md.split("\n\n")[1] == "by Moth"


def test_big_font_inside_a_line_stays_inline():
    body = (
        "<p>The sign said <font size='+3'>STOP</font> in red letters.</p>"
        "<p><font size='6'>Not a title because it is long enough to be a whole sentence of prose, "
        "running on and on past the length of any reasonable heading.</font></p>"
    )
    md = tidyink.convert(page(body), path="p.html").text
    assert headings(md) == []
    assert "The sign said STOP in red letters." in md


def test_gaps_inside_one_br_separated_block_are_recorded():
    from tidyink.readers import read

    doc = read(
        page(
            "<font>One paragraph here.<br><br>Two.<br><br>&nbsp;<br><br>Three after a spacer."
            "<br><br><br><br>Four after a double run.<br><br>Five.</font>"
        ),
        "html",
    )
    assert [(b.text, b.attrs.get("gap_before", 0)) for b in doc.blocks] == [
        ("One paragraph here.", 0),
        ("Two.", 0),
        ("Three after a spacer.", 1),
        ("Four after a double run.", 1),
        ("Five.", 0),
    ]


# --- a blog post: <article> with entry meta, tags, share buttons, comments, sidebar ---


def test_blog_post_is_title_and_story_only():
    md = convert("blog-post.html")
    assert headings(md) == ["Paper Boats, Part One"]
    assert md.splitlines()[2].startswith("Every Sunday")
    assert md.rstrip().endswith("I did not tell him about the grate.")
    for chrome in ("Posted on", "Tags:", "Share this", "thoughts on", "Recent Posts", "Powered"):
        assert chrome not in md, chrome


def test_story_sentences_like_site_lines_are_kept():
    body = (
        "<h2>One</h2><p>Posted on the door was a notice in her sister's hand.</p>"
        "<p>Tags hung from every bottle: fig, pear, quince.</p>"
        "<p>Share the bread, her mother always said.</p><h2>Two</h2><p>The end came quietly.</p>"
    )
    md = tidyink.convert(page(body), path="p.html").text
    for kept in ("Posted on the door", "Tags hung", "Share the bread", "## Two"):
        assert kept in md, kept


# --- a fanfiction.net chapter: notes set off by <hr> -----------------------------------


def test_ffn_chapter_strip_notes_takes_the_rules_that_set_them_off():
    md = convert("ffn-chapter.html", author_notes="strip")
    body = md.split("## Chapter 3: Cinders", 1)[1].strip()
    assert body.startswith("The forge had been cold")
    assert body.endswith("said her grandmother.")
    assert body.count("* * *") == 1  # the story's own break stays
    assert "review" not in body.lower() and "A/N" not in body


def test_ffn_chapter_keeps_everything_by_default():
    md = convert("ffn-chapter.html")
    assert "A/N: Thanks for the reviews" in md and "Please review!" in md
    assert md.count("* * *") == 3
    assert "Login" not in md and "Post Review" not in md and "Rated:" not in md


# --- chapter label and title in two headings ------------------------------------------


def test_label_heading_and_title_heading_make_one_chapter_heading():
    md = convert("ao3-download-labelled-chapters.html")
    assert headings(md) == [
        "Salt and Clockwork",
        "Chapter 1: The Gull",
        "Chapter 2: Springs",
        "Chapter 3: Flight",
    ]
    stripped = convert("ao3-download-labelled-chapters.html", author_notes="strip")
    assert "Short one to start." not in stripped and "Next chapter is the last!" not in stripped
    assert "Ines walked the tideline" in stripped and "It did not need to." in stripped


def test_two_labels_in_a_row_stay_two_headings():
    body = (
        "<h1>Part One</h1><h2>Chapter 1</h2><p>The first words of the story are here.</p>"
        "<h2>Chapter 2</h2><h3>Snow</h3><p>More words follow in the second chapter.</p>"
    )
    md = tidyink.convert(page(body), path="p.html").text
    assert headings(md) == ["Part One", "Chapter 1", "Chapter 2: Snow"]


# --- a LiveJournal/Dreamwidth style entry -------------------------------------------


def test_journal_entry_title_is_the_entry_not_the_journal():
    md = convert("journal-entry.html")
    assert headings(md) == ["Fic: Ember and Ash (1/2)"]
    for chrome in ("thistledown\\_fic", "Recent Entries", "2008", "March", "comments", "Reply"):
        assert chrome not in md, chrome
    assert "Oskar had never been trusted" in md
    assert md.rstrip().endswith("*To be continued in part two.*")


def test_page_header_heading_is_not_taken_for_the_title():
    body = (
        "<div id='header'><h1>My Fic Journal</h1></div>"
        "<div class='post'><div class='post-header'><h2>The Kiln</h2></div>"
        "<p>Clay remembers every hand that shaped it, or so the potter said.</p></div>"
    )
    md = tidyink.convert(page(body), path="p.html").text
    assert headings(md) == ["The Kiln"]
    assert "My Fic Journal" not in md


# --- emphasis by CSS (Google Docs and word-processor exports) -------------------------


def test_css_class_and_inline_style_emphasis():
    md = convert("google-docs-export.html")
    assert "The river was *higher* than she had ever seen it, and **still** rising." in md
    assert "“Row,” said her father. *Just row.*" in md
    assert "*rising" not in md and "**rising" not in md  # font-weight:400 is no emphasis


def test_css_rules_read_only_plain_class_selectors():
    from tidyink.readers.html import class_styles

    css = ".a{font-style:italic}.b{font-weight:700}.c{font-weight:400}p.d{x:y} .e , .f{font-weight:bold}"
    styles = class_styles(css)
    assert styles["a"] == ("em",) and styles["b"] == ("strong",)
    assert "c" not in styles and "d" not in styles


# --- inline markup: emphasis, code, superscripts, links, Markdown-special characters ---


def test_inline_markup_page():
    md = convert("inline-markup.html")
    assert "Footnote one¹ and water is H₂O. See the map for directions." in md
    assert "*Two adjacent* italics." in md
    assert "The first note, at the bottom.\n" in md  # the ↩ back link is no text
    assert "Type `Ctrl`+`C` to stop, or run `make clean` first." in md
    # Markdown reads back as the same blocks: no accidental lists, headings or links.
    tokens = MarkdownIt("commonmark").parse(md)
    types = {t.type for t in tokens}
    assert not types & {"bullet_list_open", "ordered_list_open", "heading_open"}
    assert [t.type for t in tokens].count("fence") == 1
    text = convert("inline-markup.html", to="text")
    assert "H₂O" in text and "one¹" in text and "↩" not in text


def test_superscript_words_stay_as_written():
    md = tidyink.convert(page("<p>On the 10<sup>th</sup> of May, x<sup>2</sup> grew.</p>"), path="p.html").text
    assert md == "On the 10th of May, x² grew.\n"


# --- blockquotes: a letter is a quotation, a page-wide blockquote only indents ---------


def block_types(md: str) -> list[str]:
    return [t.type for t in MarkdownIt("commonmark").parse(md) if t.nesting == 1 or t.type == "hr"]


def test_epub_letter_in_a_blockquote_is_one_markdown_quotation():
    md = convert("epub-chapter.xhtml")
    assert "> Dear C.,\n>\n> I am told you still keep bees." in md
    types = block_types(md)
    assert types.count("blockquote_open") == 1
    start = types.index("blockquote_open")
    assert types[start : start + 4] == ["blockquote_open"] + ["paragraph_open"] * 3
    assert "The hive hums low in winter,\\\na furnace no one feeds;" in md
    assert "H₂O" in md


def test_blockquote_around_the_whole_story_is_layout():
    paras = "".join(
        f"<p>Paragraph {n} of the story goes on for a while, as paragraphs do.</p>" for n in range(8)
    )
    md = tidyink.convert(page(f"<blockquote>{paras}</blockquote>"), path="p.html").text
    assert ">" not in md and md.count("\n\n") == 7


# --- headings set as classed paragraphs (word processors, e-book makers) --------------


def test_title_and_chapter_title_paragraph_classes_are_headings():
    md = convert("google-docs-export.html")
    assert headings(md) == ["The Ferryman’s Daughter"]
    assert md.startswith("# The Ferryman’s Daughter\n")
    body = (
        "<div class='chapter'><p class='chapter-number'>Seven</p>"
        "<p class='chapter-title'>What the Heron Saw</p>"
        "<p>The heron stood in the shallows all morning.</p></div>"
    )
    md = tidyink.convert(page(body), path="p.html").text
    assert headings(md) == ["Seven: What the Heron Saw"]


def test_a_long_title_classed_paragraph_stays_prose():
    long = "She walked the long road home " * 6
    md = tidyink.convert(page(f"<p class='title'>{long}</p><p>Next.</p>"), path="p.html").text
    assert headings(md) == []


# --- a reading-site part page: paragraphs inside <pre>, stats, votes, comments ----------


def test_reading_site_part_page():
    md = convert("reader-site-part.html")
    assert headings(md) == ["Chapter Five: Rust"]
    assert "```" not in md  # a <pre> that wraps paragraphs is no code block
    assert md.count("\n\n") == 4  # heading and four paragraphs
    for chrome in ("Reads", "Votes", "Continue to next part", "omg", "Log in"):
        assert chrome not in md, chrome


def test_pre_with_text_only_is_still_preformatted():
    md = tidyink.convert(page("<pre>line one\n  line two</pre>"), path="p.html").text
    assert md == "```\nline one\n  line two\n```\n"


# --- AO3 full-work page: work preface, chapter prefaces, afterword widgets -------------


def test_ao3_full_work_page():
    md = convert("ao3-full-work-page.html")
    assert headings(md) == ["Lanterns in the Fog", "Chapter 1: The Quay", "Chapter 2"]
    assert md.rstrip().endswith("> The end! Thank you all.")
    for chrome in ("Works inspired", "Fogbound", "kudos", "Chapter Text", "Work Header"):
        assert chrome not in md, chrome
    stripped = convert("ao3-full-work-page.html", author_notes="strip")
    assert "first work here" not in stripped and "The end!" not in stripped
    assert "Found, sort of." in stripped  # a chapter summary is no note
    assert stripped.rstrip().endswith("“Is that you?”")


def test_a_short_last_chapter_is_not_a_widget():
    body = "<h2>Chapter 1</h2><p>" + "Words of the story. " * 30 + "</p><h2>Chapter 2 of 2</h2><p>Short end.</p>"
    md = tidyink.convert(page(body), path="p.html").text
    assert "Short end." in md


# --- emphasis that CommonMark's flanking rules would not read back --------------------


def emphasis_html(md: str) -> str:
    return MarkdownIt("commonmark").render(md).strip()


def test_emphasis_between_letters_and_punctuation_reads_back_as_emphasis():
    cases = {
        # Punctuation beside a letter outside moves out of the emphasis: the marks flank.
        '<p>She said<i>"Go."</i>Then left.</p>': "said“<em>Go.</em>”Then",
        "<p><i>Wait—</i>no.</p>": "<em>Wait</em>—no.",
        "<p><b>Note:</b>text</p>": "<strong>Note</strong>:text",
        '<p><b><i>"Both"</i></b>now.</p>': "<strong>“Both</strong></em>”now.",
        "<p>Plain <i>one</i> and <b>two</b>, un<i>be</i>lievable.</p>": "Plain <em>one</em> and "
        "<strong>two</strong>, un<em>be</em>lievable.",
    }
    for html, expected in cases.items():
        md = tidyink.convert(page(html), path="p.html").text
        assert expected in emphasis_html(md), (html, md)
    plain = tidyink.convert(page("<p>Plain <i>one</i> and <b>two</b>.</p>"), path="p.html").text
    assert plain == "Plain *one* and **two**.\n"  # ordinary emphasis keeps Markdown marks


def test_journal_cut_link_and_blog_footer_lines_are_chrome():
    body = (
        "<div class='post'><h2>Lantern Night</h2>"
        "<p>The first lantern went up at dusk, and the whole street held its breath.</p>"
        "<p>( <a href='/1.html#cutid1'>Read more...</a> )</p>"
        "<p>By the last lantern nobody remembered being afraid of the dark at all.</p>"
        "<p>Posted by june at 9:12 PM</p><p><a href='/1.html'>3 comments</a> | "
        "<a href='/p'>Permalink</a></p></div>"
    )
    md = tidyink.convert(page(body), path="p.html").text
    assert md.rstrip().endswith("afraid of the dark at all.")
    assert "Read more" not in md and "Posted by" not in md
    assert "The first lantern went up at dusk" in md


# --- properties: no story word lost, Markdown reads back, a second pass changes nothing --

from hypothesis import example, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_WORDS = st.sampled_from(
    ["river", "lantern", "quiet", "orchard", "Marta", "stone", "wind", "said", "the", "glass"]
)
_INLINE = st.sampled_from(
    ["{}", "<i>{}</i>", "<b>{}</b>", "<em>{},</em>", "<span style='font-style:italic'>{}</span>",
     "<font size='+3'>{}</font>", "<a href='#'>{}</a>", "{}<sup>2</sup>", '"{}"', "<i>{}—</i>"]
)  # fmt: skip
_BLOCK = st.sampled_from(
    ["<p>{}</p>", "<div>{}</div>", "<blockquote><p>{}</p></blockquote>", "{}<br><br>",
     "<center>{}</center>", "<h2>{}</h2>", "<p>{}</p><hr>", "<pre><p>{}</p></pre>"]
)  # fmt: skip


@st.composite
def pages(draw):
    blocks = []
    for _ in range(draw(st.integers(1, 6))):
        pieces = [draw(_INLINE).format(draw(_WORDS)) for _ in range(draw(st.integers(1, 6)))]
        blocks.append(draw(_BLOCK).format(" ".join(pieces)))
    return page("\n".join(blocks))


@settings(max_examples=40, deadline=None)
@given(pages())
@example(page("river<br><br>\n<a href='#'>river</a><br><br>"))
def test_generated_pages_keep_words_and_read_back(html):
    import regex

    # Linked words may go with navigation (a paragraph that is only a link); others never.
    body = regex.sub(r"<a [^>]*>[^<]*</a>", " ", html.split("<body>")[1])
    words = regex.findall(r"[A-Za-z]{3,}", regex.sub(r"<[^>]*>", " ", body))
    md = tidyink.convert(html, path="p.html").text
    text = tidyink.convert(html, path="p.html", to="text").text
    for word in set(words):
        assert word in text, word
    rendered = MarkdownIt("commonmark").render(md)
    assert "*" not in regex.sub(r"\\\*", "", rendered)  # every emphasis mark was read as one
    again = tidyink.convert(md, path="p.md").text
    assert again == md


def test_a_plain_line_beside_a_link_line_is_not_a_link():
    """Paragraphs parted by <br><br> are judged one by one: the closing line of a story
    stays, the link after it is the page's navigation."""
    html = page("The lamp went out at last.<br><br>\n<a href='/next'>Next chapter</a><br><br>")
    text = tidyink.convert(html, path="p.html", to="text").text
    assert "The lamp went out at last." in text
    assert "Next chapter" not in text
