"""Fast paths of the structure stage and of spans agree with the plain forms they stand
for (6): the scene-break pre-test for a whole block, slices of spans edited in place, a
block's text."""

from __future__ import annotations

from hypothesis import example, given
from hypothesis import strategies as st

from tidyink.document import EM, PARAGRAPH, STRONG, TEXT, Block, Span

# Lines of my own writing: prose, scene breaks of several kinds, set-in lines.
BREAK_LINES = [
    "The tide turned an hour before the boats came in.",
    "* * *", "***", "~~~", "oOo", "xXx", "#", "Line Break", "~*~ Scene Change ~*~",
    "   * * *   ", "\t~~~", "x marks the spot, the chart said.", "o", "—", "",
    "Break of day came late.", "  ", "-break-", "ſcene break",
]
BREAK_CHARS = st.text(alphabet="*~-_.#oOxX0 \t\u00a0\nLlIiNnEeBbRrAaKkSsCcHhGgſ“", max_size=30)


def _slow_break_block(block: Block) -> bool:
    """What the scene-break pass asked of each block before its pre-test."""
    from tidyink.filters.scene_breaks import is_break_line

    if not all(s.kind in (TEXT, EM, STRONG) for s in block.spans):
        return False
    lines = [x for x in block.text.split("\n") if x.strip()]
    return bool(lines) and all(is_break_line(x) for x in lines)


def _block(*spans: tuple[str, str]) -> Block:
    return Block(PARAGRAPH, [Span(kind, text, 1, 0, "" if kind in (EM, STRONG) else None) for kind, text in spans])


@example("* * *")
@example("  ~~~  \n\n oOo")
@example("Line Break\nThe tide turned.")
@example("")
@given(BREAK_CHARS)
def test_a_break_block_is_told_as_line_by_line(text):
    from tidyink.filters.scene_breaks import _break_block

    assert _break_block(_block((TEXT, text))) == _slow_break_block(_block((TEXT, text)))
    split = _block((STRONG, "**"), (TEXT, text), (STRONG, "**"))
    assert _break_block(split) == _slow_break_block(split)


@given(st.lists(st.sampled_from(BREAK_LINES), min_size=1, max_size=6))
def test_blocks_of_breaks_and_prose_are_told_as_line_by_line(lines):
    from tidyink.filters.scene_breaks import _break_block

    block = _block((TEXT, "\n".join(lines)))
    assert _break_block(block) == _slow_break_block(block)


def test_break_blocks_of_my_own_are_found_and_prose_is_not():
    from tidyink.filters.scene_breaks import _break_block

    assert _break_block(_block((TEXT, "   * * *   ")))
    assert _break_block(_block((TEXT, "~*~ Scene Change ~*~")))
    assert _break_block(_block((TEXT, "oOo\n\n***")))
    assert not _break_block(_block((TEXT, "The tide turned an hour before the boats came in.")))
    assert not _break_block(_block((TEXT, "* * *\nThe tide turned.")))
    assert not _break_block(_block((EM, "_")))


def _span_fields(span: Span) -> tuple:
    omap = span.omap
    return (span.kind, span.text, span.line, span.col, span.plain, span.orig, None if omap is None else omap._pieces)


def _sliced_plainly(span: Span, start: int, end: int) -> Span:
    """``Span.sliced`` as first written: every offset mapped through the map."""
    line, col = span.position(start)
    piece = span.text[start:end]
    if span.omap is None:
        return Span(span.kind, piece, line, col - 1, span.plain)
    o_start = span.omap.to_orig(start)
    o_end = span.omap.to_orig(end) if end < len(span.text) else len(span.orig or "")
    out = Span(span.kind, piece, line, col - 1, span.plain)
    original = (span.orig or "")[o_start:o_end]
    if original != piece:
        out.orig = original
        out.omap = span.omap.shifted(start, o_start)
    return out


SPAN_TEXT = st.text(alphabet="ab \n_*-", max_size=24)
SPAN_EDITS = st.lists(
    st.tuples(st.integers(0, 24), st.integers(0, 2), st.sampled_from(["", "x", "—", " ", "ab"])), max_size=4
)


def _edited_span(text: str, edits: list[tuple[int, int, str]]) -> Span:
    """A span of ``text`` read at line 3, column 2, with ``edits`` (start, length, new)
    made to it in one or two rounds (one-for-one edits keep its map the identity)."""
    span = Span(TEXT, text, 3, 2)
    for round_ in (edits[:2], edits[2:]):
        kept: list[tuple[int, int, str]] = []
        for start, size, new in sorted(round_):
            start = min(start, len(span.text))
            end = min(start + size, len(span.text))
            if (not kept or start >= kept[-1][1]) and (start < end or new):
                kept.append((start, end, new))
        span.edit(kept)
    return span


@example("ab\nab", [(2, 1, " ")], 0, 3)
@example("ab\nab", [(2, 1, " "), (0, 1, "x")], 1, 5)
@given(SPAN_TEXT, SPAN_EDITS, st.integers(0, 30), st.integers(0, 30))
def test_a_slice_of_a_span_is_what_mapping_every_offset_gives(text, edits, a, b):
    span = _edited_span(text, edits)
    size = len(span.text)
    start, end = sorted((min(a, size), min(b, size)))
    assert _span_fields(span.sliced(start, end)) == _span_fields(_sliced_plainly(span, start, end))


def test_a_slice_of_a_span_edited_in_place_keeps_its_origin():
    span = Span(TEXT, "one\ntwo three", 4, 0)
    span.edit([(3, 4, " ")])  # a line break read as a space: the map stays the identity
    piece = span.sliced(2, 7)
    assert (piece.text, piece.orig, piece.line, piece.col) == ("e two", "e\ntwo", 4, 2)
    assert piece.position(3) == (5, 2)


SPAN_KINDS = st.sampled_from([TEXT, EM, STRONG, "raw", "break", "note", "code"])


SPAN_PARTS = st.tuples(SPAN_KINDS, st.text(alphabet="ab*_\n", max_size=4), st.none() | st.text(max_size=3))


@given(st.lists(SPAN_PARTS, max_size=4))
def test_a_blocks_text_is_what_its_spans_show_but_emphasis_toggles(parts):
    block = Block(PARAGRAPH, [Span(kind, text, 1, 0, plain) for kind, text, plain in parts])
    assert block.text == "".join(s.shown for s in block.spans if s.kind not in (EM, STRONG))
