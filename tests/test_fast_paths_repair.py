"""Fast paths of the repair and boilerplate filters give exactly what the plain way gives
(property tests on random text, and fixtures of our own)."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from tidyink.document import PARAGRAPH, TEXT, Block, Span
from tidyink.filters import _author_notes

LINE_TEXT = st.lists(
    st.sampled_from([*"ab \t\n\u00a0\u2028", "Chapter 1", "Prologue", "CHAPTER IV.", "\n\n", "The Return"]),
    max_size=30,
).map("".join)


def _heading_line_plain(block: Block) -> bool:
    """The chapter-heading test as first written: every line split off."""
    from tidyink.filters.headings import CAPS, classify

    if block.kind != PARAGRAPH or not (len(block.spans) == 1 and block.spans[0].kind == "text"):
        return False
    lines = [line for line in block.text.split("\n") if line.strip()]
    if not 1 <= len(lines) <= 2:
        return False
    rank = classify(lines[0])
    return rank is not None and rank < CAPS


@settings(max_examples=300, deadline=None)
@given(LINE_TEXT)
@example("Chapter 1\n \nThe Return")
@example("Chapter 1\n\nThe Return\nIt was late.")
@example("Prologue\n  \n\n")
@example("\n\n  \n")
def test_a_heading_line_is_told_as_with_every_line_split_off(text):
    block = Block(PARAGRAPH, [Span(TEXT, text)])
    assert _author_notes._heading_line(block) == _heading_line_plain(block)

