"""Structure filters and writers on fixtures written for them (fixtures/structure/)."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import example, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

import tidyink
from tidyink.cli import main
from tidyink.document import EM, HEADING, PARAGRAPH, SCENE_BREAK, STRONG, VERSE
from tidyink.errors import UsageError

HERE = Path(__file__).resolve().parent.parent / "fixtures" / "structure"
STRUCTURE = ["paragraphs", "unwrap", "headings", "scene-breaks", "emphasis"]


def read(name: str) -> str:
    return (HERE / name).read_text(encoding="utf-8")


def doc_of(name: str, **options):
    options.setdefault("only", STRUCTURE)
    return tidyink.convert(read(name), input_format="text", lint=False, **options)


def kinds(result) -> list[str]:
    return [b.kind for b in result.document.blocks]


def test_indented_paragraphs_are_split_and_unwrapped():
    result = doc_of("indented.txt")
    blocks = result.document.blocks
    assert kinds(result) == [PARAGRAPH] * 4
    assert [b.text.split()[:2] for b in blocks] == [
        ["The", "lighthouse"],
        ["Nobody", "had"],
        ["He", "oiled"],
        ["By", "noon"],
    ]
    assert all("\n" not in b.text and not b.text.startswith(" ") for b in blocks)
    assert blocks[1].line == 4 and blocks[3].line == 7


def test_hard_wrapped_text_with_verse_and_a_letter():
    result = doc_of("wrapped.txt")
    blocks = result.document.blocks
    assert kinds(result) == [
        PARAGRAPH,
        PARAGRAPH,
        PARAGRAPH,
        VERSE,
        PARAGRAPH,
        PARAGRAPH,
        PARAGRAPH,
        VERSE,
    ]
    first, short, hyphens, verse, dateline, salutation, body, closing = (b.text for b in blocks)
    assert first.endswith("starting over.") and "\n" not in first
    assert short == "Short line."  # a short last line is not merged into the next paragraph
    assert "It was well-known in the village" in hyphens  # well-known keeps its hyphen
    assert "and something about the sea air" in hyphens  # some-thing is one word
    assert verse.count("\n") == 3 and "And no one asks the sea," in verse.split("\n")[1]
    assert dateline == "Harbour House, Tuesday the ninth."
    assert salutation == "Dear Miss Penrose,"
    assert "\n" not in body
    assert closing.split("\n") == ["Yours faithfully,", "Arthur Quill", "Clerk to the Company"]
    joins = [c for c in result.changes if "hyphenation" in c.reason]
    assert [(c.before, c.after, c.line) for c in joins] == [("some-\nthing", "something", 9)]


def test_unwrapped_positions_still_point_into_the_input():
    result = doc_of("wrapped.txt")
    block = next(b for b in result.document.blocks if "sea air" in b.text)
    view = block.prose()
    lines = read("wrapped.txt").split("\n")
    assert view.position(view.text.index("sea air")) == (10, lines[9].index("sea air") + 1)
    assert view.position(view.text.index("something")) == (9, lines[8].index("some-") + 1)
    assert view.position(view.text.index("captain")) == (7, lines[6].index("captain") + 1)


def test_markdown_of_verse_and_letter():
    out = tidyink.convert(read("wrapped.txt"), lint=False).text
    # the stanza's own indentation (even lines set in two more) survives as no-break spaces
    assert "The tide comes in, the tide goes out,\\\n\u00a0\u00a0And no one asks the sea,\\\n" in out
    assert "Yours faithfully,\\\nArthur Quill\\\nClerk to the Company\n" in out
    spaces = tidyink.convert(read("wrapped.txt"), lint=False, verse_break="spaces").text
    assert "Yours faithfully,  \nArthur Quill  \n" in spaces


def test_verse_indentation_survives_markdown_parsing():
    text = "Intro line.\n\n      Far in,\n    a little less,\n  and out.\n\nAfter the song came prose.\n"
    out = tidyink.convert(text, lint=False).text
    html = MarkdownIt("commonmark").render(out)
    assert "<pre>" not in html and "<code>" not in html
    assert "\u00a0" * 4 + "Far in,<br />" in html
    assert "\u00a0" * 2 + "a little less,<br />" in html
    assert "<br />\nand out.</p>" in html


def test_short_text_with_one_indented_stanza_keeps_it_as_verse():
    text = (
        "She sang it under her breath:\n\n    Row, row, row the boat,\n      Down the river slow,\n"
        "    Merrily, merrily, merrily,\n      Off to sea we go.\n\nThen the oars were quiet.\n"
    )
    blocks = tidyink.convert(text, lint=False).document.blocks
    assert [b.kind for b in blocks] == [PARAGRAPH, VERSE, PARAGRAPH]
    assert blocks[1].text.count("\n") == 3


def headings(result) -> list[tuple[int, str]]:
    return [
        (b.level, " / ".join(b.text.split("\n")))
        for b in result.document.blocks
        if b.kind == HEADING
    ]


def test_headings_of_every_kind():
    result = doc_of("headings.txt")
    assert headings(result) == [
        (1, "THE SALT ROADS"),
        (3, "Prologue"),
        (2, "Part One"),
        (3, "Chapter nine / Long ago and far from here . . ."),
        (3, "CHAPTER IX."),
        (3, "Chapter 9: The Bridge at Holm"),
        (3, "STAVE I: THE KEEPER'S GHOST"),
        (2, "BOOK II"),
        (4, "XIV"),
        (3, "Epilogue"),
    ]
    assert result.document.meta["title"] == "THE SALT ROADS"
    assert result.document.meta["author"] == "Margery Finch"
    # Capitalised lines are not headings where the book has chapter headings.
    assert any(
        b.text == "SEARCH FOR MR. FINCH" and b.kind == PARAGRAPH for b in result.document.blocks
    )


def test_heading_level_option_and_markdown():
    out = tidyink.convert(read("headings.txt"), lint=False, heading_level=3).text
    assert "\n#### Chapter nine: Long ago and far from here …\n" in out
    assert out.startswith("# THE SALT ROADS\n")


def test_capitalised_titles_but_not_signatures_or_datelines():
    result = doc_of("caps-titles.txt")
    assert headings(result) == [
        (2, "THE HOUSE ON THE HILL"),
        (2, "SEARCH FOR MR. HALE"),
        (2, "A LETTER FROM THE COAST"),
    ]


def test_signature_in_capitals_is_not_a_heading():
    text = (
        "The End of It\n\nHe signed the note with care, and a flourish,\n\n"
        "TOBIAS GREY\n\nShe read it twice.\n"
    )
    assert headings(tidyink.convert(text, lint=False, only=STRUCTURE)) == []


def test_table_of_contents_is_not_a_run_of_headings():
    text = (
        "Chapter 1\n\nChapter 2\n\nChapter 3\n\n"
        "Chapter 1\n\nIt began.\n\nChapter 2\n\nIt went on.\n"
    )
    result = tidyink.convert(text, lint=False, only=STRUCTURE)
    assert [b.line for b in result.document.blocks if b.kind == HEADING] == [7, 11]


def test_scene_breaks_of_every_kind():
    result = doc_of("scene-breaks.txt")
    ks = kinds(result)
    assert ks.count(SCENE_BREAK) == 14
    assert ks == [PARAGRAPH, *([SCENE_BREAK, PARAGRAPH] * 14), PARAGRAPH]
    out = tidyink.convert(read("scene-breaks.txt"), lint=False, scene_break="⁂").text
    assert out.count("\n⁂\n") == 14
    assert MarkdownIt("commonmark").parse(tidyink.convert(read("scene-breaks.txt")).text)


def test_wider_blank_gaps_are_scene_breaks():
    result = doc_of("gaps.txt")
    blocks = result.document.blocks
    breaks = [i for i, b in enumerate(blocks) if b.kind == SCENE_BREAK]
    assert [blocks[i - 1].text for i in breaks] == [
        "It did not boil.",
        "Something in it was wrong.",
    ]


def test_uniform_gaps_are_not_scene_breaks():
    text = "".join(f"Paragraph number {n} is here.\n\n\n" for n in range(8))
    assert SCENE_BREAK not in kinds(tidyink.convert(text, lint=False, only=STRUCTURE))


def test_emphasis():
    result = doc_of("emphasis.txt")
    blocks = result.document.blocks
    assert [s.kind for s in blocks[0].spans].count(EM) == 4
    assert [s.kind for s in blocks[4].spans].count(STRONG) == 4
    out = tidyink.convert(read("emphasis.txt"), lint=False).text
    assert "He wrote *“Never again, not ever!”* across" in out
    assert "*The Long Road Home*," in out
    assert "\\_\\_\\_\\_ and a lone star \\* and snake\\_case\\_names" in out
    tokens = MarkdownIt("commonmark").parse(out)
    ems = [c for t in tokens if t.type == "inline" for c in t.children if c.type == "em_open"]
    assert len(ems) == 4
    text = tidyink.convert(read("emphasis.txt"), lint=False, to="text").text
    assert "It was _not_ the first time" in text


@pytest.mark.parametrize(
    "name",
    ["indented.txt", "wrapped.txt", "headings.txt", "scene-breaks.txt", "gaps.txt", "emphasis.txt"],
)
def test_convert_is_idempotent_on_its_own_output(name):
    markdown = tidyink.convert(read(name), lint=False).text
    again = tidyink.convert(markdown, input_format="markdown", lint=False).text
    assert again == markdown
    text = tidyink.convert(read(name), lint=False, to="text").text
    assert tidyink.convert(text, input_format="text", lint=False, to="text").text == text


prose = st.lists(
    st.sampled_from(
        [
            "word ",
            "Word. ",
            "\n",
            "\n\n",
            "\n\n\n",
            "    ",
            "_it_ ",
            "* * *",
            "Chapter 2",
            "-",
            "long" * 8,
        ]
    ),
    max_size=40,
).map("".join)


@settings(max_examples=80, deadline=None)
@given(prose)
@example("* * *    * * *\nword ")  # escapes before a hard break stay apart from the break
@example("--\n    word ")  # verse indentation (no-break spaces) after an escape and a hard break
def test_markdown_output_is_a_fixed_point(text):
    markdown = tidyink.convert(text, input_format="text", lint=False).text
    assert tidyink.convert(markdown, input_format="markdown", lint=False).text == markdown


@settings(max_examples=80, deadline=None)
@given(st.one_of(prose, st.text(max_size=120)))
def test_no_words_lost(text):
    result = tidyink.convert(text, input_format="text", to="text", lint=False, only=STRUCTURE)

    def letters(s: str) -> str:
        return "".join(c for c in s if c.isalnum())

    assert letters(result.text) == letters(text)


def test_markdown_input_is_never_restructured():
    text = "Chapter 1\n\nA hard-wrapped\nline and _x_.\n\n\n\nMore.\n"
    result = tidyink.convert(text, input_format="markdown", to="markdown", lint=False)
    assert result.text == text


def test_text_writer_wrap_and_ascii():
    text = (
        "\u201cWell,\u201d she said \u2014 and paused\u2026 \u2018no.\u2019 "
        + "and then more words " * 6
    )
    out = tidyink.convert(text, to="text", lint=False, only=STRUCTURE, wrap=30, ascii=True).text
    assert out.isascii()
    assert " ".join(out.split("\n")).startswith("\"Well,\" she said -- and paused... 'no.'")
    assert max(len(line) for line in out.split("\n")) <= 30


def test_text_writer_headings_and_breaks_are_plain_lines():
    out = tidyink.convert(read("gaps.txt"), to="text", lint=False).text
    assert out.startswith("Chapter 3\n\nThe house was quiet")
    assert "\n\n* * *\n\n" in out


def test_front_matter():
    data = read("headings.txt").encode("cp1252")
    result = tidyink.convert(data, path="salt.txt", lint=False, front_matter=True)
    head = result.text.split("---\n")[1]
    assert 'title: "THE SALT ROADS"' in head
    assert 'author: "Margery Finch"' in head
    assert 'source: "salt.txt"' in head
    assert "encoding:" in head
    assert result.text.split("---\n", 2)[2].startswith("\n# THE SALT ROADS\n")


def test_lossless_when_every_filter_is_off():
    for name in ("wrapped.txt", "headings.txt", "scene-breaks.txt"):
        assert tidyink.convert(read(name), to="text", only=[], lint=False).text == read(name)


@pytest.mark.parametrize(
    "option", [{"heading_level": 0}, {"verse_break": "x"}, {"wrap": 3}, {"scene_break": " "}]
)
def test_bad_options(option):
    with pytest.raises(UsageError):
        tidyink.convert("x", **option)


def test_cli_flags(tmp_path):
    src = tmp_path / "in.txt"
    src.write_text(read("gaps.txt"), encoding="utf-8")
    runner = CliRunner()
    res = runner.invoke(main, ["convert", str(src), "--scene-break", "~", "--heading-level", "3"])
    assert res.exit_code == 0, res.output
    assert res.output.startswith("### Chapter 3\n") and res.output.count("\n~\n") == 2
    res = runner.invoke(main, ["convert", str(src), "--to", "text", "--wrap", "20", "--ascii"])
    assert res.exit_code == 0 and max(len(x) for x in res.output.split("\n")) <= 20
    res = runner.invoke(main, ["convert", str(src), "--front-matter", "--verse-break", "spaces"])
    assert res.exit_code == 0 and res.output.startswith("---\ntitle: \"In\"\nsource: ")


def test_sentences_starting_with_a_division_word_are_not_headings():
    text = (
        "Part one of the plan was simple.\n\nBook two was better, they said.\n\n"
        "Chapter One The Beginning\n\nIt began.\n"
    )
    result = tidyink.convert(text, lint=False, only=STRUCTURE)
    assert headings(result) == [(2, "Chapter One The Beginning")]


def test_one_paragraph_per_line_without_blank_lines():
    lines = [
        "The storm came in from the west just after dark, and every shutter on the street "
        "began to bang.",
        "Mara counted the seconds between the lightning and the thunder, the way her father "
        "had taught her",
        '"Nine," she whispered.',
        "The old dog under the table did not care for counting and said so with a long, low groan.",
        "She ran for the stairs.",
    ]
    result = tidyink.convert("\n".join(lines) + "\n", lint=False, only=STRUCTURE)
    assert [b.text for b in result.document.blocks] == lines
    assert kinds(result) == [PARAGRAPH] * 5


def test_short_unpunctuated_lines_stay_together_as_verse():
    text = "The road goes west\nThe river goes east\nAnd I go home\nWhere the kettle sings\n"
    result = tidyink.convert(text, lint=False, only=STRUCTURE)
    assert kinds(result) == [VERSE]


def test_indented_letter_without_blank_lines():
    result = doc_of("letter-indented.txt")
    texts = [(b.kind, b.text) for b in result.document.blocks]
    assert texts[1:4] == [
        (PARAGRAPH, "Harbour House, 5th May."),
        (PARAGRAPH, "Dear Miss Penrose,"),
        (PARAGRAPH, texts[3][1]),
    ]
    assert texts[3][1].startswith("I write to say") and texts[3][1].endswith("other passengers.")
    assert texts[4] == (PARAGRAPH, "We expect the service to resume on Monday.")
    kind, closing = texts[5]
    assert kind == VERSE
    assert [line.strip() for line in closing.split("\n")] == ["Yours faithfully,", "Arthur Quill."]


@settings(max_examples=80, deadline=None)
@given(prose)
@example("Word. \nword --    -")  # "—-" is no sentence-ending dash, before or after dashes
@example("* * *Chapter 2\n\nword Chapter 2\n\nword ")  # a lower-case line is no subtitle
@example("word \nChapter 2\n* * *")
@example("Chapter 2\n* * *\nWord. word \n\nword ")  # the ornament parts the heading from its title
@example(  # a run of spaces in a line kept as verse stays, or the line reads shorter next time
    "word     longlonglonglonglonglonglonglong\nChapter 2word word Chapter 2-\nlonglonglonglonglonglonglonglong\nword "
)
@example("word word word word word word word word -\nword ")  # a spaced hyphen ends a line as its dash does
@example("_it_ -\nWord. ")  # a spaced hyphen after emphasis ends a line as its dash does
@example("* * *Chapter 2\nWord. word \n\nword ")  # a decorated label is bare; "Word. word" is no title
def test_text_output_is_a_fixed_point(text):
    once = tidyink.convert(text, input_format="text", to="text", lint=False).text
    assert tidyink.convert(once, input_format="text", to="text", lint=False).text == once


def test_a_spaced_hyphen_after_emphasis_ends_a_line_as_its_dash_does():
    text = "He said it was _over_ -\nThen nothing.\n"
    once = tidyink.convert(text, input_format="text", to="text", lint=False).text
    assert tidyink.convert(once, input_format="text", to="text", lint=False).text == once


def test_a_line_ending_in_a_spaced_hyphen_is_read_as_one_ending_in_a_dash():
    # typography turns "rain -" at a line end into "rain—": the line must be judged
    # the same way before and after, or a second conversion parts it from the next line
    text = "The long night of waiting went on and on, and then the rain -\nStop.\n"
    once = tidyink.convert(text, input_format="text", to="text", lint=False).text
    assert once.split("\n\n")[1].strip() == "Stop."
    assert tidyink.convert(once, input_format="text", to="text", lint=False).text == once


def test_front_matter_is_not_doubled_on_markdown_that_has_some():
    text = "---\ntitle: Mine\n---\n\nHello.\n"
    out = tidyink.convert(text, input_format="markdown", front_matter=True, lint=False).text
    assert out == text


def test_a_wide_gap_before_a_short_trailer_is_no_scene_break():
    body = "".join(f"Paragraph {n} of the story goes on for a while.\n\n" for n in range(8))
    text = body + "\n\n\n\nThe End\n\nTyped from the first edition.\n"
    assert SCENE_BREAK not in kinds(tidyink.convert(text, lint=False, only=STRUCTURE))


def test_a_wider_gap_inside_a_broken_off_sentence_is_no_scene_break():
    import tidyink

    paras = [f"Paragraph {n} of the story goes on for a while, long enough to be prose. " * 3 for n in range(24)]
    text = "\n\n".join(paras[:8]) + "\n\nShe had meant to say it, but--\n\n\nBut what? She never did.\n\n"
    text += "\n\n".join(paras[8:16]) + "\n\n\n" + "\n\n".join(paras[16:]) + "\n"
    out = tidyink.convert(text, to="text", only=["scene-breaks"], lint=False).text
    assert out.count("* * *") == 1
    assert "but--\n\nBut what?" in out


def test_a_wider_gap_after_a_paragraph_that_stops_mid_sentence_is_no_scene_break():
    paras = [f"Paragraph {n} of the story goes on for a while, long enough to be prose. " * 3 for n in range(24)]
    text = "\n\n".join(paras[:8]) + "\n\nHe turned back to the sink,\n\n\nand the water ran cold.\n\n"
    text += "\n\n".join(paras[8:16]) + "\n\nHe turned back to the sink,\n\n\n\u201cGo,\u201d she said.\n\n"
    text += "\n\n".join(paras[16:20]) + "\n\n\n" + "\n\n".join(paras[20:]) + "\n"
    out = tidyink.convert(text, to="text", only=["scene-breaks"], lint=False).text
    assert out.count("* * *") == 1
    assert "sink,\n\nand the water" in out and "sink,\n\n\u201cGo," in out


@pytest.mark.parametrize(
    "text",
    [
        "The kettle sang on the stove all morning, and she hummed along with it until\nthe post came.\n",
        "He had walked the length of the harbour wall twice before he noticed that\n"
        "the boats were gone.\n\nNobody answered.\n",
    ],
)
def test_short_texts_with_hard_wrapped_lines_are_unwrapped(text):
    import tidyink

    first = text.split("\n\n")[0]
    out = tidyink.convert(text, to="text", lint=False).text
    assert first.replace("\n", " ").strip() in out


def test_markdown_front_matter_is_not_text():
    import tidyink

    md = "---\ntitle: The Keeper\n---\n\nHello *there*...\n"
    assert tidyink.convert(md, input_format="markdown", to="text", lint=False).text == "Hello _there_…\n"
    assert tidyink.convert(md, input_format="markdown", lint=False).text.startswith("---\ntitle: The Keeper\n---\n")


def test_lower_case_roman_numerals_are_headings_when_they_count_from_one():
    text = (
        "i.\n\nThe first part began with rain over the hills, and it went on.\n\n"
        "ii.\n\nThe second part was dry, and nobody mentioned the rain.\n\n"
        "iii\n\nThe third part was short.\n"
    )
    assert [t for _, t in headings(tidyink.convert(text, lint=False))] == ["i.", "ii.", "iii"]
    alone = "She wrote one letter on the slate:\n\nv\n\nThen she rubbed it out again and sat down.\n"
    assert headings(tidyink.convert(alone, lint=False)) == []


def test_book_title_found_when_the_metadata_spells_it_otherwise():
    text = (
        "Title: The Voyage in 80 Days\n\n*** START OF THE PROJECT GUTENBERG EBOOK THE VOYAGE ***\n\n"
        "Ada Quill\n\nTHE VOYAGE IN EIGHTY DAYS\n\n(1901)\n\nCHAPTER I.\n\n"
        "They left at dawn, as every ship in the harbour did that year, and said little.\n\n"
        "CHAPTER II.\n\nThe sea was calm for a week and then it was not calm at all.\n"
    )
    result = tidyink.convert(text, lint=False)
    assert headings(result)[0] == (1, "THE VOYAGE IN EIGHTY DAYS")
    assert result.text.count("\n# ") + result.text.startswith("# ") == 1


def test_ornamental_dividers_of_repeated_groups_are_scene_breaks():
    from tidyink.filters.scene_breaks import is_break_line

    for line in (".:O:.:O:.:O:.:O:.:O:.", ".:O:.:O:.", "~*~*~*~", "oOoOoOo", "-x-x-x-x-", "=+=+=+="):
        assert is_break_line(line), line
    for line in ("ha ha ha", ". . .", "?!?!", "...", "Oh! Oh! Oh!"):
        assert not is_break_line(line), line


def test_archive_labels_find_the_work_title_and_chapter_titles():
    text = (
        "He is ours\n\nmarrowlane\n\nSummary:\n\n"
        "A short summary of a story that is about a lighthouse and a storm.\n\n"
        "Chapter 1\n\nChapter Text\n\n"
        "The lamp went out an hour after midnight, and Ada knew it before she was awake.\n\n"
        "She dressed in the dark and went down the stairs with one hand on the wall.\n\n"
        "The Long Night\n\nChapter Notes\n\nThis one took a while.\n\n"
        "Outside, the wind took the door out of her hand, and she ran for the tower.\n"
    )
    out = tidyink.convert(text, lint=False, to="markdown").text
    assert out.startswith("# He is ours\n\nmarrowlane\n")
    assert "## Chapter 1\n" in out and "## The Long Night\n" in out
    assert "\nSummary:\n" in out and "# Summary" not in out


GAPPY = (
    "Chapter 1\n\n"
    "The carter came down the hill road at noon with the wheel loose on its pin, and he stopped at the\n"
    "forge because there was nowhere else to stop for eleven miles in either direction.\n\n"
    "{gap_a}"
    "Did the smith ever mend it, or did the carter walk the rest of the way into town that day?\n\n"
    "{gap_b}"
    "\u201cHe mended it,\u201d said the old woman, \u201cand he charged the carter twice over.\u201d\n\n"
    "She went back to her knitting, and for a long while nobody in the kitchen said anything at all.\n\n"
    "Riverside, March 3rd.\n\n"
    "Dear Tom, the forge is sold and the smith has gone to his sister's in the north for good.\n\n"
    "The new owner kept the sign, though he could not shoe a horse to save his life, people said.\n\n"
    "In the spring he sold it on to a man from the coast, who painted it blue and never came back.\n"
)


@pytest.mark.parametrize("where", ["question", "dateline"])
def test_wider_gaps_before_an_answer_or_a_dateline_are_no_scene_breaks(where):
    text = {
        "question": GAPPY.format(gap_a="", gap_b="\n"),
        "dateline": GAPPY.format(gap_a="", gap_b="").replace("anything at all.\n\n", "anything at all.\n\n\n"),
    }[where]
    assert "* * *" not in tidyink.convert(text, lint=False, to="text").text
    # the same gap between two paragraphs of narration is a break
    text = GAPPY.format(gap_a="", gap_b="").replace("anything at all.\n\n", "anything at all.\n\n\n")
    text = text.replace("Riverside, March 3rd.\n\n", "")
    assert "* * *" in tidyink.convert(text, lint=False, to="text").text


def test_a_page_that_marks_its_breaks_with_rules_keeps_spacers_as_spacing():
    scene = "<p>The carter came down the hill road at noon with the wheel loose on its pin again.</p>"
    texts = "<p>Are you there?</p><p>&nbsp;</p><p>Yes. Outside the mill, by the gate.</p>"
    body = scene * 3 + "<hr>" + scene * 3 + "<hr>" + scene * 2 + texts + scene * 3
    page = f"<html><body>{body}</body></html>"
    md = tidyink.convert(page, path="page.html", lint=False, to="markdown").text
    assert md.count("* * *") == 2


def test_ordinal_divisions_are_headings_over_chapters():
    from tidyink.filters.headings import CHAPTER, MAJOR, classify

    assert classify("FIRST PERIOD") == MAJOR and classify("Second Narrative.") == MAJOR
    assert classify("First thing in the morning") is None
    assert classify("CHAPTER I") == CHAPTER


def test_a_numeral_over_a_keyword_is_one_heading():
    text = (
        "I\n\nPrologue\n\nThe lamp went out an hour after midnight, and Ada knew it before she woke.\n\n"
        "II\n\nThe Storm\n\nShe dressed in the dark and went down the stairs with one hand on the wall.\n"
    )
    out = tidyink.convert(text, lint=False, to="markdown").text
    assert "## I. Prologue\n" in out and "## II. The Storm\n" in out
    assert out.count("## ") == 2


def test_a_wrapped_sentence_ending_on_a_keyword_is_no_heading():
    text = (
        "  He had read the whole book in a single night by the light of the\n"
        "lamp in the kitchen, every word of it from the first page to the\n"
        "epilogue.\n"
        "  In the morning he slept until noon, and nobody in the house had\n"
        "the heart to wake him for his breakfast or for anything else.\n"
    )
    out = tidyink.convert(text, lint=False, to="markdown").text
    assert "#" not in out and "to the epilogue." in out


def test_centred_rendering_is_set_back_at_the_margin():
    path = HERE.parent / "pages" / "centred-rendering.txt"
    result = tidyink.convert(path.read_bytes(), path=str(path), lint=False, to="text")
    paragraphs = result.text.strip().split("\n\n")
    assert len(paragraphs) == 8
    assert paragraphs[3].endswith("as if nothing on the island had changed at all.")
    assert any("centred rendering" in c.reason for c in result.changes)


def test_centred_width_reads_the_lines_it_is_given_as_it_would_read_the_document():
    from tidyink.filters import _centring
    from tidyink.filters._layout import paragraph_lines

    path = HERE.parent / "pages" / "centred-rendering.txt"
    doc = tidyink.convert(path.read_bytes(), path=str(path), lint=False, only=["entities"]).document  # (as read)
    width = _centring.centred_width(doc)
    assert width is not None and _centring.centred_width(doc, paragraph_lines(doc)) == width
    assert _centring.centred_width(doc, [None for _ in doc.blocks]) is None  # (it reads only what it is given)


def test_ragged_right_book_keeps_paragraphs_letters_and_verse():
    result = doc_of("ragged-letters-verse.txt")
    texts = [b.text for b in result.document.blocks]
    assert any(t.startswith("She folded it twice") and t.endswith("would not be the first.") for t in texts)
    assert "Dear Hester," in texts and "Harrow Cross, 4th March." in texts
    closing = next(b for b in result.document.blocks if b.text.startswith("Your loving brother,"))
    verse = next(b for b in result.document.blocks if b.text.lstrip().startswith("Over the hill"))
    assert closing.kind == VERSE and verse.kind == VERSE and verse.text.count("\n") == 3


def test_a_table_of_contents_is_stable_on_a_second_pass():
    toc = "Contents\n\n" + "\n".join(f"     CHAPTER {n}" for n in ("I", "II", "III", "IV", "V")) + "\n\n"
    body = "".join(
        f"CHAPTER {n}\n\nThe lamp went out an hour after midnight, and Ada knew it at once.\n\n"
        for n in ("I", "II", "III", "IV", "V")
    )
    once = tidyink.convert(toc + body, lint=False, to="text").text
    assert tidyink.convert(once, lint=False, to="text").text == once


def test_a_heading_line_is_judged_in_the_paragraph_it_ends_up_in():
    # "Part 1" over another heading line is a contents list only while that line stays
    # in its paragraph; once the next line starts its own, "Part 1" stands alone too.
    text = (
        "Pages: 40 - Words: 12\nPart 1\nPart 2\n"
        "    The road ran north for a day and a night, and the carts went slowly.\n"
    )
    once = tidyink.convert(text, input_format="text", to="text", lint=False).text
    assert tidyink.convert(once, input_format="text", to="text", lint=False).text == once
    assert "\n\nPart 1\n\n" in once


def test_an_ornament_between_a_bare_heading_and_a_title_like_line_stays():
    text = "Chapter 3\n\n* * *\n\nThe Long Walk Home\n\nShe set out at dawn and did not stop until the river.\n"
    result = tidyink.convert(text, input_format="text", lint=False, only=STRUCTURE)
    assert kinds(result)[:3] == [HEADING, SCENE_BREAK, PARAGRAPH]
    # without the ornament the line is the chapter's title; a bullet item never is
    merged = tidyink.convert(text.replace("* * *\n\n", ""), input_format="text", lint=False, only=STRUCTURE)
    assert merged.document.blocks[0].text == "Chapter 3\nThe Long Walk Home"
    item = tidyink.convert("Chapter 3\n\n• Maps\n\nShe set out at dawn.\n", input_format="text", lint=False)
    assert item.document.blocks[0].text == "Chapter 3"


def test_a_list_and_the_lines_around_it_part_ways():
    text = "  • Maps\nThe road ran north for a day and a night, and the carts went slowly.\n\nMore of it.\n"
    result = tidyink.convert(text, input_format="text", lint=False)
    assert [b.text.strip() for b in result.document.blocks][:2] == [
        "• Maps",
        "The road ran north for a day and a night, and the carts went slowly.",
    ]
    assert result.document.blocks[0].kind != HEADING  # a list's item is no title
    menu = "Chapter 2\n\n• Home\n\nShe went home.\n\n• Home\n\nMore.\n"
    menu = tidyink.convert(menu, input_format="text", lint=False)
    assert [b.text for b in menu.document.blocks if b.kind == HEADING] == ["Chapter 2"]


# A story typed from a printed page, with an extra blank line wherever a page ended.
PAGED = [
    "The ferry left the island at six, and nobody on the quay seemed to notice it go.",
    "Marta stood at the rail with her bag between her feet and counted the gulls.",
    "Her brother had stopped her at the gate. \u201cWill you come back for the harvest?\u201d",
    "\u201cIf the boat still runs,\u201d she had told him, and he had laughed at that.",
    "The mainland rose out of the haze a little after eight, grey and low and flat.",
    "She found the bus without asking anyone, and sat at the back with her coat on.",
    "\u201cIs this the road to the mill town, or do I change at the crossroads?\u201d",
    "\u201cYou change,\u201d said the driver, who did not turn round to look at her.",
    "At the crossroads there was a bench, a shelter with no glass, and a dog asleep.",
    "She waited there for most of an hour before anything else came down the road.",
    "\u201cDo you know the Hallorans, up by the weir, the ones with the red door?\u201d",
    "\u201cEveryone knows them,\u201d the carter said, and he moved his sacks to make room.",
    "The weir was louder than she remembered, and the red door had been painted green.",
    "Her aunt opened it before she could knock, as if she had been watching the lane.",
]


def _paged(gaps: set[int]) -> str:
    before = "".join(f"Field number {n} lay fallow that year, and its hedges grew tall.\n\n" for n in range(12))
    return before + "".join(p + ("\n\n\n" if k in gaps else "\n\n") for k, p in enumerate(PAGED))


def test_wider_gaps_that_also_fall_between_a_question_and_its_answer_are_page_layout():
    # Extra lines after a question (2, 6, 10) as often as between narration (0, 4, 8):
    # the gaps are where the typed pages ended, and none of them is a scene break.
    noisy = tidyink.convert(_paged({0, 2, 4, 6, 8, 10}), lint=False, to="text").text
    assert "* * *" not in noisy
    # The same gaps between narration alone mark scenes.
    scenes = tidyink.convert(_paged({0, 4, 8}), lint=False, to="text").text
    assert scenes.count("* * *") == 3
    # One gap in an exchange is not enough to call the others noise.
    one = tidyink.convert(_paged({0, 2, 4, 8}), lint=False, to="text").text
    assert one.count("* * *") == 3


def test_letter_spaced_headings_are_closed_up():
    text = (
        "P R O L O G U E\n\n"
        "The lamps along the quay were lit early that winter, and the boats came in before dark.\n\n"
        "C H A P T E R   O N E\n\n"
        "Nobody in the village remembered who had first called the harbour master a liar.\n\n"
        "The school taught the letters as A B C on the board, one at a time.\n"
    )
    md = tidyink.convert(text, lint=False, to="markdown").text
    assert "## PROLOGUE\n" in md and "## CHAPTER ONE\n" in md
    assert "A B C on the board" in md  # spaced letters inside a sentence stay as written
    assert tidyink.convert(md, input_format="markdown", lint=False, to="markdown").text == md


def test_short_letter_spaced_lines_are_left_alone():
    from tidyink.filters._heading_lines import closed_up

    assert closed_up("P R E F A C E") == "PREFACE"
    assert closed_up("  T H E   L A S T   W O R D.") == "THE LAST WORD."
    assert closed_up("A B C") is None  # initials, a list of letters
    assert closed_up("PREFACE") is None and closed_up("P r e f a c e") is None


def test_an_empty_bullet_line_is_no_scene_break():
    from tidyink.filters.scene_breaks import is_break_line

    assert not is_break_line("  • ") and not is_break_line("◦")
    assert is_break_line("•  •  •") and is_break_line("*") and is_break_line("* * *")
    text = (
        "She read the list twice over before she folded it into her coat pocket and left.\n\n"
        "  • \n\n"
        "Nobody at the market had the saffron, and the baker had sold the last of the rye.\n"
    )
    assert "* * *" not in tidyink.convert(text, lint=False, to="markdown").text


def test_a_heading_title_of_two_sentences_is_spaced_once_and_stays_so():
    text = (
        "CHAPTER II\n\n"
        "THE FERRY SAILS.  A STRANGER COMES\n"
        "ABOARD AT THE LAST MOMENT\n\n"
        "The ferry left the island at six, and nobody on the quay seemed to notice it go.\n\n"
        "CHAPTER III\n\n"
        "The mainland rose out of the haze a little after eight, grey and low and flat.\n"
    )
    for to, fmt in (("markdown", "markdown"), ("text", "text")):
        once = tidyink.convert(text, lint=False, to=to).text
        assert "SAILS. A STRANGER" in once
        assert tidyink.convert(once, input_format=fmt, lint=False, to=to).text == once


def test_a_decorated_chapter_label_takes_its_title_line_as_a_plain_one_does():
    # "* * *Chapter 2" loses its decoration when it becomes a heading: the title line
    # under it must be judged as under "Chapter 2", or a second conversion merges them
    text = "* * *Chapter 2\nThe Long Road\n\nThey walked on through the night.\n"
    once = tidyink.convert(text, input_format="text", to="markdown", lint=False).text
    assert once.startswith("## Chapter 2: The Long Road\n")
    plain = tidyink.convert(text.replace("* * *", ""), input_format="text", to="markdown", lint=False).text
    assert once == plain


def test_a_line_whose_sentence_goes_on_after_a_full_stop_is_no_title():
    text = "Chapter 2\n\nAnne and Sir Walter met. then Anne left\n\nThey walked on through the night.\n"
    out = tidyink.convert(text, input_format="text", to="markdown", lint=False).text
    assert out.startswith("## Chapter 2\n\nAnne and Sir Walter met. then Anne left\n")


@given(st.text(alphabet=" \t\n\x1c.!?…:;'\"’”»)]*_-—aZ,", max_size=8))
def test_ends_sentence_pre_test_keeps_the_pattern(text: str) -> None:
    from tidyink.filters import _layout

    assert _layout.ends_sentence(text) == bool(_layout.TERMINAL.search(text))
    assert _layout.ends_sentence("He left. ") and _layout.ends_sentence("wait --")
    assert not _layout.ends_sentence("and so")


@given(st.text(max_size=6))
def test_symbol_line_shortcut_agrees_with_the_pattern(text: str) -> None:
    from tidyink.filters import scene_breaks as sb

    head = text.lstrip()[:1]
    if head.isalnum() and head not in "oO0xX":  # the shortcut's case: the pattern says the same
        assert sb._OTHER.search("".join(text.split()))
        assert not sb._symbol_line(text)
    assert sb._symbol_line("* * *") and sb._symbol_line("oOo") and not sb._symbol_line("Once more")
