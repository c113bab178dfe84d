"""The plain-text reader splits with the standard ``re`` module, its white space spelled
out as Unicode White_Space: the same blocks, separators and lines as the ``regex``
module's ``\\s`` gives (and str.isspace's \\x1c-\\x1f are no white space to it)."""

from __future__ import annotations

import sys

import regex
from hypothesis import example, given
from hypothesis import strategies as st

from tidyink.document import WHITE_SPACE
from tidyink.readers import text as text_reader

_REFERENCE = regex.compile(r"(?m)^([^\n]*[^\s\n][^\n]*(?:\n[^\n]*[^\s\n][^\n]*)*)")

PIECES = st.sampled_from(
    ["word", "Two words.", " ", "  ", "\t", "\n", "\n\n", "\r", "\x0b", "\x0c", "\x1c", "\x1f", "\x85",
     "\u00a0", "\u2003", "\u2028", "\u3000", "\u200b", "“", "é", "-"]
)  # fmt: skip
TEXTS = st.lists(st.one_of(PIECES, st.text(max_size=3)), max_size=30).map("".join)


def test_the_white_space_is_regex_white_space():
    every = "".join(map(chr, range(sys.maxunicode + 1)))
    assert regex.findall(rf"[{WHITE_SPACE}]", every) == regex.findall(r"\s", every)


@example("first line\n  \nsecond\x1c\n\x1c\n\n\u2003\nthird")
@example("\n\n\t\n")
@example("")
@given(TEXTS)
def test_blocks_are_split_as_regex_splits_them(text):
    assert text_reader._BLOCKS.split(text) == _REFERENCE.split(text)


@given(TEXTS)
def test_blocks_keep_every_character_and_their_lines(text):
    doc = text_reader.read(text)
    parts = _REFERENCE.split(text)
    assert doc.lead == parts[0]
    assert [b.spans[0].text for b in doc.blocks] == parts[1::2]
    assert [b.sep for b in doc.blocks] == parts[2::2]
    assert doc.lead + "".join(b.spans[0].text + (b.sep or "") for b in doc.blocks) == text
    start = len(doc.lead)
    for block in doc.blocks:
        assert block.line == block.spans[0].line == text.count("\n", 0, start) + 1
        assert block.end_line == block.line + block.spans[0].text.count("\n")
        assert (block.level, block.verbatim, block.attrs) == (0, False, {})
        start += len(block.spans[0].text) + len(block.sep or "")
