"""The Markdown writer never turns prose into structure: checked by parsing its output."""

from __future__ import annotations

import regex
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

import tidyink
from tidyink.document import HEADING, SCENE_BREAK
from tidyink.writers.markdown import heading_title

ALLOWED = {"paragraph_open", "paragraph_close", "heading_open", "heading_close", "inline", "hr"}


def parse(markdown: str) -> list[tuple[str, str]]:
    """(block type, visible text) for each block of CommonMark output."""
    tokens = MarkdownIt("commonmark").parse(markdown)
    out: list[tuple[str, str]] = []
    for token in tokens:
        assert token.type in ALLOWED, f"unexpected {token.type} in {markdown!r}"
        if token.type == "hr":
            out.append(("hr", ""))
        elif token.type in ("paragraph_open", "heading_open"):
            out.append((token.type.removesuffix("_open"), ""))
        elif token.type == "inline":
            parts = []
            for child in token.children or []:
                assert child.type in {
                    "text",
                    "text_special",
                    "softbreak",
                    "hardbreak",
                    "em_open",
                    "em_close",
                    "strong_open",
                    "strong_close",
                }, f"unexpected inline {child.type} in {markdown!r}"
                if child.type in ("softbreak", "hardbreak"):
                    parts.append("\n")
                else:
                    parts.append(child.content)
            kind, _ = out[-1]
            out[-1] = (kind, "".join(parts))
    return out


def norm(text: str) -> str:
    return " ".join(text.replace("\x00", "\ufffd").split())  # CommonMark replaces NUL


def expected(doc) -> list[tuple[str, str]]:
    out = []
    for block in doc.blocks:
        if block.kind == SCENE_BREAK:
            out.append(("hr", ""))
        elif block.kind == HEADING:
            lines = [line.strip() for line in block.text.split("\n") if line.strip()]
            out.append(("heading", heading_title(lines)))
        elif block.text.strip():
            out.append(("paragraph", block.text))
    return out


def check(text: str, **options) -> str:
    result = tidyink.convert(text, to="markdown", input_format="text", lint=False, **options)
    got = [(k, norm(t)) for k, t in parse(result.text)]
    want = [(k, norm(t)) for k, t in expected(result.document)]
    assert got == want, result.text
    return result.text


tricky = st.lists(
    st.sampled_from(
        [
            *"ab Z9 \n\n\n  \t*_-+=#>1.)`[]()<>&;!\\~|:'\"éß—…\u00a0",
            *("1. ", "- ", "***", "&amp;", "    ", "Chapter 9", "II", "* * *", "word "),
        ]
    ),
    max_size=60,
).map("".join)


@settings(max_examples=250, deadline=None)
@given(tricky)
def test_any_text_becomes_only_paragraphs_headings_and_rules(text):
    check(text)


@settings(max_examples=60, deadline=None)
@given(tricky)
def test_no_structure_filters_still_safe(text):
    check(text, skip=["structure"])


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=200))
def test_any_unicode_is_safe(text):
    check(text)


def test_prose_that_looks_like_markup_is_escaped():
    text = (
        "1. By road, then by rail.\n\n- a dash that starts a line\n\n+ plus\n\n# not a heading\n\n"
        "> not a quote\n\n    four spaces of indent\n\n---\n\n~~~\n\n***\n\n"
        "A stray * star, an under_score, a `tick, a <tag> and [text](link) and &amp;.\n"
    )
    out = check(text)
    assert "\\# not a heading" in out
    assert "1\\. By road" in out


def test_emphasis_spanning_words_and_punctuation_parses_as_emphasis():
    text = 'She said _"Never again, not ever!"_ and *left the room.* It was _so_ late.\n'
    out = check(text)
    tokens = MarkdownIt("commonmark").parse(out)
    inline = next(t for t in tokens if t.type == "inline")
    ems = [c for c in inline.children if c.type == "em_open"]
    assert len(ems) == 3
    assert regex.search(r'\*["“]Never again, not ever!["”]\*', out)


def test_line_break_spans_are_hard_breaks_in_paragraphs():
    from tidyink.document import BREAK, PARAGRAPH, TEXT, Block, Document, Span
    from tidyink.options import Options
    from tidyink.writers.markdown import write

    doc = Document(
        [
            Block(
                PARAGRAPH, [Span(TEXT, "first"), Span(BREAK, "\n", plain="\n"), Span(TEXT, "2. x")]
            )
        ],
        format="html",
    )
    out = write(doc, Options())
    assert out == "first\\\n2\\. x\n"
    assert parse(out) == [("paragraph", "first\n2. x")]
