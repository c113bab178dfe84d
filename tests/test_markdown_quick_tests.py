"""The Markdown writer's quick tests agree with the patterns they stand before: a line
whose first character starts no block construct, and text without a character that
inline markup starts with, are written as they are."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tidyink.writers.markdown import _INLINE, _LIST_ORDERED, _SETEXT, _THEMATIC, escape_inline, escape_line_start


def _reference(line: str) -> str:
    """Every pattern tried, whatever the first character."""
    line = line.lstrip(" \t")
    if not line:
        return line
    if _THEMATIC.match(line) or _SETEXT.match(line):
        return "\\" + line
    first = line[0]
    if first in "#>" or (first in "-+" and (len(line) == 1 or line[1] in " \t")):
        return "\\" + line
    if first in "~`" and line.startswith(first * 3):
        return "\\" + line
    m = _LIST_ORDERED.match(line)
    if m:
        return m.group(1) + "\\" + line[m.end(1) :]
    return line


_LINE = st.text(alphabet=st.sampled_from(" \t-*_=#>+~`.)1a\u0663\uff11“")) | st.text()


@given(_LINE)
def test_quick_first_character_test_agrees_with_the_patterns(line: str) -> None:
    assert escape_line_start(line) == _reference(line)


def test_lines_that_start_constructs_are_escaped() -> None:
    assert escape_line_start("1. one") == "1\\. one"
    assert escape_line_start("\u0663) three") == "\u0663\\) three"  # an Arabic-Indic digit
    assert escape_line_start("  # not a heading") == "\\# not a heading"
    assert escape_line_start("“Quoted,” she said.") == "“Quoted,” she said."


@given(st.text(alphabet=st.sampled_from("ab _*\\`<>&#;[]()~:\n")) | st.text())
def test_inline_escapes_are_those_of_the_pattern(text: str) -> None:
    assert escape_inline(text) == _INLINE.sub(lambda m: "".join("\\" + c for c in m.group()), text)


@pytest.mark.parametrize("text", ["a_b", "a*b", "a\\b", "a`b", "a<b", "&amp;", "[x](y)", "~~gone~~"])
def test_each_markup_character_alone_is_escaped(text: str) -> None:
    assert escape_inline(text) != text


def test_text_with_no_markup_character_is_unchanged_and_markup_is_escaped() -> None:
    assert escape_inline("“Plain,” she said—twice.") == "“Plain,” she said—twice."
    assert escape_inline("a_b ~~c~~ [x](y) &amp; <i>") == "a\\_b \\~\\~c\\~\\~ \\[x](y) \\&amp; \\<i>"


_PARAGRAPH = st.text(alphabet=st.sampled_from(" \t\n-*_=#>+~`[]()<&;.1a“\ue001\u00a0")) | st.text()


@pytest.mark.parametrize("verse_break", ["backslash", "spaces"])
@given(_PARAGRAPH)
def test_a_one_span_paragraph_is_written_as_the_general_way_writes_it(verse_break: str, text: str) -> None:
    from tidyink.document import PARAGRAPH, TEXT, Block, Span
    from tidyink.options import Options
    from tidyink.writers.markdown import _lines, inline, render_block

    options = Options(verse_break=verse_break)
    block = Block(PARAGRAPH, [Span(TEXT, text)])
    brk = "\\\n" if verse_break == "backslash" else "  \n"
    assert render_block(block, options) == _lines(inline(block, escape=True), "\n", brk)


def test_a_one_line_paragraph_is_escaped_at_its_start_and_inside() -> None:
    from tidyink.document import PARAGRAPH, TEXT, Block, Span
    from tidyink.options import Options
    from tidyink.writers.markdown import render_block

    block = Block(PARAGRAPH, [Span(TEXT, "# not a *heading*  ")])
    assert render_block(block, Options()) == "\\# not a \\*heading\\*"


def test_a_wrapped_paragraph_keeps_its_plain_lines_and_escapes_the_others() -> None:
    from tidyink.document import PARAGRAPH, TEXT, Block, Span
    from tidyink.options import Options
    from tidyink.writers.markdown import render_block

    plain = "The lamp was lit\nat dusk, and “the door”\nstayed open."
    assert render_block(Block(PARAGRAPH, [Span(TEXT, plain)]), Options()) == plain
    ragged = "The lamp was lit \n- at dusk\n\n  2. and\n# late"
    assert render_block(Block(PARAGRAPH, [Span(TEXT, ragged)]), Options()) == (
        "The lamp was lit\n\\- at dusk\n2\\. and\n\\# late"
    )


def _plain_lines_reference(body: str) -> bool:
    """Each line looked at: none empty, none starting or ending with a space or tab,
    none starting with a character that could start a block construct."""
    from tidyink.writers.markdown import _plain_start

    lines = body.split("\n")
    return all(
        line and line[0] not in " \t" and line[-1] not in " \t" and _plain_start(line[0]) for line in lines
    )


_LINES = st.text(alphabet=st.sampled_from(" \t\n-*_=#>+~`.)1a\u0663\uff11“\u00a0\r")) | st.text()


@settings(max_examples=500)
@given(_LINES)
def test_the_plain_lines_search_agrees_with_a_look_at_each_line(body: str) -> None:
    from tidyink.writers.markdown import _plain_lines

    assert _plain_lines(body) == _plain_lines_reference(body)


@pytest.mark.parametrize(
    ("body", "plain"),
    [
        ("The lamp\nwas lit.", True),
        ("The lamp \nwas lit.", False),
        ("The lamp\t\nwas lit.", False),
        ("The lamp\n\nwas lit.", False),
        ("\nThe lamp", False),
        ("The lamp\n", False),
        ("The lamp\n 2 lamps", False),
        ("The lamp\n2 lamps", False),
        ("The lamp\n\u0663 lamps", False),  # an Arabic-Indic digit
        ("The lamp\n“lit”", True),
        ("The lamp\n\u00a0lit", True),
        ("The lamp\n+ lit", False),
        ("", False),
    ],
)
def test_plain_lines_of_my_own(body: str, plain: bool) -> None:
    from tidyink.writers.markdown import _plain_lines

    assert _plain_lines(body) is plain is _plain_lines_reference(body)


@settings(max_examples=400)
@given(st.text(alphabet=st.sampled_from("ab _*\\`<>#;()\n“é")))
def test_escapes_of_text_whose_markup_characters_stand_alone_are_those_of_the_pattern(text: str) -> None:
    """Without ~, & or [ (whose matches depend on what follows), each match is one
    character: replacing each escapes what the pattern does."""
    assert escape_inline(text) == _INLINE.sub(lambda m: "".join("\\" + c for c in m.group()), text)


def test_a_backslash_is_escaped_once_beside_other_markup() -> None:
    assert escape_inline("a\\_b *c* `d` <e>") == "a\\\\\\_b \\*c\\* \\`d\\` \\<e>"
