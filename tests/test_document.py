"""Offsets and positions survive edits exactly."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from tidyink.document import EM, PARAGRAPH, RAW, TEXT, Block, OffsetMap, Span
from tidyink.records import Edit


@st.composite
def text_and_edits(draw):
    text = draw(st.text(alphabet="ab\nc ", min_size=0, max_size=40))
    points = sorted(draw(st.lists(st.integers(0, len(text)), max_size=8)))
    edits, last = [], -1
    for a, b in zip(points[0::2], points[1::2]):
        if a <= last:
            continue
        edits.append((a, b, draw(st.text(alphabet="XY", max_size=3))))
        last = b
    return text, edits


@given(text_and_edits())
def test_unchanged_characters_map_back_to_their_origin(case):
    text, edits = case
    span = Span(TEXT, text, line=1, col=0)
    span.edit(edits)
    if not edits:
        assert span.text == text and span.omap is None
        return
    # Walk the new text: characters outside replaced regions map to equal characters.
    new_pos, old_pos = 0, 0
    for start, end, new in edits:
        while old_pos < start:
            assert span.orig[span.omap.to_orig(new_pos)] == text[old_pos]
            assert span.omap.to_orig(new_pos) == old_pos
            new_pos, old_pos = new_pos + 1, old_pos + 1
        for k in range(len(new)):
            assert span.omap.to_orig(new_pos + k) == start
        new_pos += len(new)
        old_pos = end
    while old_pos < len(text):
        assert span.omap.to_orig(new_pos) == old_pos
        new_pos, old_pos = new_pos + 1, old_pos + 1


@given(text_and_edits(), text_and_edits())
def test_two_rounds_of_edits_compose(first, second):
    text, edits = first
    span = Span(TEXT, text, line=3, col=2)
    span.edit(edits)
    middle = span.text
    _, more = second
    more = [(a, b, n) for a, b, n in more if b <= len(middle)]
    reference = OffsetMap()
    reference.apply(edits)
    span.edit(more)
    if not edits:
        return
    second_map = OffsetMap()
    second_map.apply(more)
    for pos in range(len(span.text) + 1):
        assert span.omap.to_orig(pos) == reference.to_orig(second_map.to_orig(pos))
    assert span.text == _apply(_apply(text, edits), more)


def _apply(text, edits):
    for start, end, new in reversed(edits):
        text = text[:start] + new + text[end:]
    return text


def test_position_counts_lines_and_columns_in_the_input():
    span = Span(TEXT, "first line\nsecond line", line=10, col=4)
    assert span.position(0) == (10, 5)
    assert span.position(11) == (11, 1)
    span.edit([(0, 5, "1st")])  # 'first' -> '1st'
    assert span.text == "1st line\nsecond line"
    assert span.position(span.text.index("second")) == (11, 1)
    assert span.position(span.text.index("line")) == (10, 11)


def test_prose_view_edits_only_text_spans():
    block = Block(
        PARAGRAPH,
        [Span(TEXT, "a ", 1, 0), Span(EM, "_", 1, 2, "_"), Span(TEXT, "b", 1, 3), Span(RAW, "`c`", 1, 4)],
    )
    view = block.prose()
    assert view.text == "a \ue000b\ufffc"
    applied = view.apply([Edit(0, 1, "A"), Edit(2, 4, "zz"), Edit(3, 4, "B")])
    # the edit that crosses the emphasis marker is refused; the others apply
    assert [e.new for e, _, _ in applied] == ["A", "B"]
    assert [s.text for s in block.spans] == ["A ", "_", "B", "`c`"]


def test_sliced_span_keeps_positions():
    span = Span(TEXT, "one\ntwo three", line=5, col=0)
    span.edit([(4, 7, "TWO")])
    piece = span.sliced(4, len(span.text))
    assert piece.text == "TWO three"
    assert piece.position(0) == (6, 1)
    assert piece.position(4) == (6, 5)


@st.composite
def forward_edits(draw):
    """Sorted edits that may touch each other, be empty insertions or delete everything."""
    text = draw(st.text(alphabet="ab\nc ", min_size=0, max_size=30))
    points = sorted(draw(st.lists(st.integers(0, len(text)), max_size=10)))
    edits = []
    for a, b in zip(points[0::2], points[1::2]):
        edits.append((a, b, draw(st.text(alphabet="XY", max_size=2))))
    return text, edits


@given(forward_edits())
def test_a_first_edit_maps_as_the_general_composition_does(case):
    text, edits = case
    span = Span(TEXT, text, line=1, col=0)
    span.edit(edits)
    if not edits:
        return
    reference = OffsetMap()
    reference.apply(edits)
    assert span.omap._pieces == reference._pieces
    assert span.omap._starts == reference._starts
    assert span.text == _apply(text, edits)
    assert span.orig == text


def test_a_first_edit_that_deletes_everything_maps_to_the_end():
    span = Span(TEXT, "abc", line=1, col=0)
    span.edit([(0, 1, ""), (1, 3, "")])
    assert span.text == ""
    assert span.omap.to_orig(0) == 3


@given(text_and_edits(), st.lists(st.integers(-3, 45), max_size=12))
def test_positions_are_position_of_each_offset(case, offsets):
    text, edits = case
    for span in (Span(TEXT, text, line=4, col=3), Span(TEXT, text, line=0, col=0)):
        span.edit(edits)
        assert span.positions(offsets) == [span.position(k) for k in offsets]


def _reference_apply_many(pieces, starts, edits):
    """The general composition step by step, with the helpers the fast loop writes out."""
    from bisect import bisect_left, bisect_right

    from tidyink.offsets import _add, _copy

    new, shift, cur = [], 0, 0
    for start, end, text in edits:
        if start > cur:
            _copy(new, pieces, starts, cur, bisect_left(starts, start), shift)
        if text:
            p_start, origin, identity = pieces[bisect_right(starts, start) - 1]
            _add(new, (start + shift, origin + (start - p_start) if identity else origin, False))
        shift += len(text) - (end - start)
        cur = end
    _copy(new, pieces, starts, cur, len(pieces), shift)
    return new


@given(st.lists(forward_edits(), min_size=2, max_size=4))
def test_later_edits_compose_as_the_step_by_step_way(rounds):
    from tidyink.offsets import _apply_many

    text = rounds[0][0]
    span = Span(TEXT, text, line=1, col=0)
    for _, edits in rounds:
        edits = [(a, b, n) for a, b, n in edits if b <= len(span.text)]
        omap = span.omap
        if omap is not None and len(omap._pieces) > 1 and edits:
            expected = _reference_apply_many(omap._pieces, omap._starts, edits)
            assert _apply_many(omap._pieces, omap._starts, edits) == expected
        span.edit(edits)


@st.composite
def in_place_rounds(draw):
    """A text, a first round of any edits, then a round of one-for-one character edits."""
    text, first = draw(forward_edits())
    span = Span(TEXT, text, line=2, col=1)
    span.edit(first)
    size = len(span.text)
    places = sorted(set(draw(st.lists(st.integers(0, max(size - 1, 0)), max_size=8)))) if size else []
    second = [(k, k + 1, draw(st.sampled_from(["’", "“", " ", "x", "", "ab"]))) for k in places]
    return text, first, second


@given(in_place_rounds(), st.integers(0, 40))
def test_one_for_one_edits_leave_a_map_that_sends_each_offset_where_the_composed_one_does(case, cut):
    from tidyink.offsets import _apply_many, _apply_one

    text, first, second = case
    span = Span(TEXT, text, line=2, col=1)
    span.edit(first)
    before = span.omap._pieces if span.omap is not None else [(0, 0, True)]
    starts = [p[0] for p in before]
    composed = _apply_one(before[0], second) if len(before) == 1 else _apply_many(before, starts, second)
    if composed[0][0] != 0:
        composed.insert(0, (0, 0, True))
    reference = OffsetMap(composed)
    span.edit(second)
    assert span.omap is not None or not second
    size = len(span.text)
    if span.omap is not None:
        assert [span.omap.to_orig(k) for k in range(size + 2)] == [reference.to_orig(k) for k in range(size + 2)]
    # What is made of the span later (its pieces cut apart) keeps the same origins too.
    plain = Span(TEXT, text, line=2, col=1)
    plain.edit(first)
    plain.orig, plain.text = span.orig, span.text
    plain.omap = reference if span.omap is not None else None
    cut = min(cut, size)
    for a, b in ((span.sliced(cut, size), plain.sliced(cut, size)), (span, plain)):
        assert (a.text, a.orig) == (b.text, b.orig)
        assert [a.position(k) for k in range(len(a.text) + 1)] == [b.position(k) for k in range(len(b.text) + 1)]
