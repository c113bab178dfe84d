"""A plain paragraph's lines read as strings (``_layout.Plain``) give exactly what the
same lines read as ``Line`` objects give: to the wrap measure, to the breaks unwrapping
keeps, and to the paragraphs and unwrap filters' output and change records."""

from __future__ import annotations

import re
import sys
import textwrap

from hypothesis import example, given, settings
from hypothesis import strategies as st

from tidyink.document import TEXT, Span
from tidyink.filters import _layout
from tidyink.filters._layout import Plain, Wrap, _measure, _plain_ends, _set_by_shape, lines_of, plain_text
from tidyink.filters._wrap_breaks import is_item, kept_breaks, plain_kept_breaks

# Pieces of lines: prose, dialogue, the marks the shape, item, chrome and sentence tests look
# for, and white space of every kind str.strip takes off (and some it does not).
PIECES = st.sampled_from(
    [
        "the", "and", "Home", "Next", "Chapter", "feeling", "to the", "www.x.org", "3", "12/03/2020",
        "a long stretch of running prose that fills the line", "Jo, Al, Bo, Cy, Di, Ed",
        ":", "[", "]", "•", "* ", "+ ", "- ", "“", "”", '"', "’", ".", ",", ";", "?", "!", "…",
        "—", "--", "-", "_", ")", " ", "  ", "\t", "\u00a0", "\u2003", "\u3000", "\x1c", "\x85",
        "\u200b", "\ufeff", "*", "~", "Words: 1,204", " - ", " | ", " . ", "»", "·",
    ]
)
WORD = st.one_of(PIECES, st.integers(1, 40).map(lambda n: "w" * n))  # (words of every length: lines near the wrap)
LINE = st.lists(WORD, min_size=1, max_size=10).map("".join)
TEXTS = st.lists(LINE, min_size=1, max_size=10).map("\n".join)
# Plain paragraphs (each line stripped, none empty), most of them
PLAIN_LINE = LINE.map(str.strip).filter(bool)
PLAIN_TEXTS = st.one_of(st.lists(PLAIN_LINE, min_size=1, max_size=10).map("\n".join), TEXTS)
WIDTHS = st.sampled_from([None, 20, 40, 60, 72, 90])


def _span(text: str) -> Span:
    return Span(TEXT, text)


def test_the_standard_re_white_space_is_what_str_strip_takes_off():
    every = "".join(map(chr, range(sys.maxunicode + 1)))
    assert re.findall(r"\s", every) == [c for c in every if c.isspace()]


@given(TEXTS)
@example("")
@example("a\n\nb")
@example("a \nb")
@example("a\n b")
@example("a\n\x1cb")
@example("\u3000a")
def test_a_plain_text_is_one_whose_lines_are_their_own_stripped_text(text):
    lines = text.split("\n")
    assert plain_text(text) == all(x != "" and x == x.strip() for x in lines)


@given(PLAIN_TEXTS)
@example("• an item\nand its rest")
@example("an item\n+ and another")
def test_a_plain_paragraphs_strings_are_what_its_lines_hold(text):
    if not plain_text(text):
        return
    plain = Plain(text)
    lines = lines_of(_span(text))
    assert plain.lines == lines
    assert plain.texts == [x.stripped for x in lines] == [x.text for x in lines]
    assert all(x.indent == 0 and x.length == len(x.text) for x in lines)
    if not plain.marked:  # (no line with a shape or a bullet item: the fast paths' pre-test)
        assert not any(map(_set_by_shape, lines)) and not any(map(is_item, lines))


@given(PLAIN_TEXTS)
@example("It was late.\nand then\n“Yes,” she said—\nso")
@example("w" * 55 + "\nand on\n" + "w" * 54 + "\nand on")
@example("Words: 1,204 - Reviews: 12 - id: 77\nnext")
@example("[1. Chapter 1] Next >\nmore text here")
@example("w" * 60 + ",\nand on\nto the end")
@example("a long stretch of running prose that fills the line well and more\nand goes on")
def test_a_plain_paragraph_is_measured_as_its_lines_are(text):
    if not plain_text(text):
        return
    plain = Plain(text)
    fast = _measure(plain)
    if fast[4] is None:  # (its lines' ends read when needed)
        fast = (*fast[:4], *_plain_ends(plain))
    assert fast == _measure(lines_of(_span(text)))


@given(st.lists(st.one_of(PLAIN_TEXTS, st.just("")), max_size=8))
@example(["w" * 60 + "\nand on and on.", "w" * 58 + "\nand so"])
@example(["w" * 60 + "\nand on and on", "w" * 58 + "\nand so"])
@example(["w" * 60 + ".\nAnd on", "w" * 58 + "\nand so"])
@example(["w" * 95 + "\nand so"])
def test_a_texts_wrap_is_its_lines_wrap(texts):
    from tidyink.filters._layout import wrap_from

    views = [None if t == "" else Plain(t) if plain_text(t) else lines_of(_span(t)) for t in texts]
    lines = [None if t == "" else lines_of(_span(t)) for t in texts]
    assert wrap_from(views) == wrap_from(lines)
    assert wrap_from(views, {}) == wrap_from(lines)


@given(PLAIN_TEXTS, WIDTHS)
@example("a long stretch of running prose that fills\nthe line\nHome\nNext", 40)
@example("w" * 81 + "\nnext line\n" + "w" * 82 + "\nend", 72)
@example("w" * 59 + "\nab cd\n" + "w" * 60 + "\nab cd\n" + "w" * 61 + "\nab", 72)
@example("a line\n• an item", 72)
@example("w" * 59 + "\nabc\n" + "w" * 58 + "\nabc", 72)
@example("[1. Chapter 1] Next >\nmore text here", 40)
@example("Home\nNext\nfeeling fine\nto the end", 20)
def test_a_plain_paragraphs_breaks_are_its_lines_breaks(text, width):
    if plain_text(text):
        wrap = Wrap(width)
        assert plain_kept_breaks(Plain(text), wrap) == kept_breaks(lines_of(_span(text)), wrap)


@given(st.lists(st.one_of(PLAIN_TEXTS, st.just("a line.\nand more")), max_size=12), WIDTHS)
@example(["a line.\nand more"] * 5, 72)
@example(["and more\na line."] * 5, None)
def test_a_texts_paragraphs_are_told_apart_as_their_lines_are(texts, width):
    from tidyink.filters._wrap_breaks import blank_line_paragraphs, sentence_blocks

    wrap = Wrap(width)
    lines = [[x for x in lines_of(_span(t)) if x.stripped] for t in texts]
    views = [Plain(t) if plain_text(t) else x for t, x in zip(texts, lines, strict=True)]
    hards = [kept_breaks(x, wrap) for x in lines]
    assert sentence_blocks(views) == sentence_blocks(lines)
    assert blank_line_paragraphs(views, hards, wrap) == blank_line_paragraphs(lines, hards, wrap)


# Whole texts: paragraphs of prose wrapped at one width, with dialogue, headings, breaks,
# verse, lists and set-in lines among them.
WORDS = st.sampled_from(
    [
        "the", "and", "she", "said", "to", "Home", "Next", "Chapter", "feeling", "Mr.", "walk",
        "“Yes,", "no,”", "well.", "end;", "over—", "well-known", "long-", "ing", "it?", "“Oh!”",
        "www.x.org", "3", "I", "IX", "_so_", "[note]", "time:", "(aside)", "--", "Jo,", "Elizabeth",
    ]
)
PARAGRAPH = st.tuples(st.lists(WORDS, min_size=1, max_size=60).map(" ".join), st.sampled_from([30, 50, 66, 72]))
SHAPES = st.sampled_from(
    [
        "CHAPTER IV",
        "* * *",
        "    Set in a little, a line of verse\n    and another line of it",
        "• first item\n• second item",
        "Dear Tom,\nI write in haste.\nYours ever,\nAnn",
        "“Where to?”\n“North.”",
        "                              London, May 3",
        "a line with trailing space  \nand the next",
        "Author: Jo March\nRated: T - Words: 1,204 - Reviews: 12",
        "the road went on and on\nto the sea\n* * *\nand then it ended",
        "she turned and went\nCHAPTER TWO\nand came back again",
    ]
)
BLOCK = st.one_of(PARAGRAPH.map(lambda p: textwrap.fill(p[0], p[1])), SHAPES)
DOCUMENT = st.lists(BLOCK, min_size=1, max_size=12).map("\n\n".join)

FIXTURE = """CHAPTER I

The morning was grey and the road was long, and nobody on it spoke a word
to anyone else for the whole of the first mile of the way to the sea
* * *
and then it ended, as roads do, at the water.

It was a bright cold day in April, and the clocks were striking thirteen
when she came down the lane, her basket on her arm and her mind on the
long walk before her; she did not see the carriage until it was upon her.

“Good morning,” said he.

“Good morning to you,” said she, and went on her way without another
word, for she had heard enough of him at the assembly to last her a
twelvemonth.

* * *

The letter came the next day:

Dear Madam,
I write in haste.
Yours ever,
T.

She read it twice and put it in the fire, where it curled and blackened
and was gone; and then she sat down to write her answer, which was long-
er than she meant.

She slept badly that night, and rose before the house was awake, and walked
out into the grey garden to think what she should do about all of it.
CHAPTER II
"""


def _convert_both(text: str) -> tuple[object, object]:
    """convert's output and change records, with plain paragraphs read as strings and as lines."""
    from unittest import mock

    from tidyink import api

    def convert():
        result = api.convert(text.encode(), path="x.txt", to="markdown")
        return result.text, [(c.filter, c.line, c.column, c.before, c.after, c.reason) for c in result.changes]

    fast = convert()
    with mock.patch.object(_layout, "plain_text", lambda text: False):  # every paragraph read as lines
        slow = convert()
    return fast, slow


def test_the_fixture_converts_the_same_read_as_strings_or_as_lines():
    fast, slow = _convert_both(FIXTURE)
    assert fast == slow
    # (the fixture's paragraphs are joined, and its letter and break kept)
    assert "the clocks were striking thirteen when she came" in fast[0]
    assert "Dear Madam," in fast[0] and "longer than she meant" in fast[0]
    assert "way to the sea\n\n" in fast[0]  # (a break line parts a wrapped paragraph)
    assert "all of it.\n\n" in fast[0]  # (a heading line ending a paragraph stands alone)


@settings(max_examples=60, deadline=None)
@given(DOCUMENT)
def test_texts_convert_the_same_read_as_strings_or_as_lines(text):
    fast, slow = _convert_both(text)
    assert fast == slow


def test_the_wrap_is_found_again_when_a_blocks_lines_change():
    from tidyink.document import PARAGRAPH, Block, Document
    from tidyink.filters._layout import paragraph_views, wrap_from, wrap_of_lines

    wrapped = textwrap.fill("the long road went on over the hills and down to the sea " * 8, 60)
    doc = Document([Block(PARAGRAPH, [Span(TEXT, wrapped)]) for _ in range(4)])
    assert wrap_of_lines(doc, paragraph_views(doc)).width == max(map(len, wrapped.split("\n")))  # (about 60)
    again = wrap_of_lines(doc, paragraph_views(doc))
    assert again == wrap_from(paragraph_views(doc))
    for block in doc.blocks:  # (the same number of blocks, each with other lines)
        block.spans[0].edit([(0, len(block.spans[0].text), textwrap.fill(block.spans[0].text, 40))])
    assert wrap_of_lines(doc, paragraph_views(doc)) == wrap_from(paragraph_views(doc))
    assert wrap_of_lines(doc, paragraph_views(doc)).width == max(map(len, doc.blocks[0].text.split("\n")))  # (about 40)
