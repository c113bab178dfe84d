"""Fast paths of the structure filters agree with the plain tests they stand for (3)."""

from __future__ import annotations

from hypothesis import example, given
from hypothesis import strategies as st

# Lines of prose, menus, chrome and their marks, for the pairs a wrapped block asks about.
CHROME_PIECES = st.sampled_from(
    [
        "Home", "Next", "Reviews", "Back to top", "Log in", "Tags:", "Words: 12", "[Go]", "[ ]", "www.x",
        "It was late", "she said,", ",", " | ", " . ", "•", "» ", "5", "a", "The", " ", "x" * 30,
    ]
)


def _kept_breaks_plain(lines, wrap):
    """_wrap_breaks.kept_breaks as first written: every line's chrome pre-test asked."""
    from tidyink.filters._layout import DEEP_INDENT
    from tidyink.filters._navigation import is_nav
    from tidyink.filters._page_chrome import chrome_kind, could_be_chrome, strong_shape
    from tidyink.filters._wrap_breaks import is_item

    width = wrap.width
    if width is None or len(lines) < 2:
        return [True] * (len(lines) - 1)
    longest, room = width + wrap.slack, width - wrap.slack
    out = []
    for k in range(len(lines) - 1):
        line, next_line = lines[k], lines[k + 1]
        hard = (
            line.length > longest
            or line.indent >= DEEP_INDENT
            or next_line.indent >= DEEP_INDENT
            or strong_shape(line.stripped)
            or strong_shape(next_line.stripped)
            or is_item(next_line)
            or (line.length + 1 < room and wrap.fits(line, next_line))
        )
        if hard:
            out.append(True)
        else:
            out.append(
                all(could_be_chrome(x.stripped) for x in (line, next_line))
                and all(chrome_kind(x.stripped, is_nav) is not None for x in (line, next_line))
            )
    return out


@example(["Home", "Next", "Reviews", "Log in"], 12)
@example(["It was late and the night", "Home", "Next", "x"], 20)
@example(["  • Home", "Next »", "Words: 12 - Reviews: 3"], 20)
@given(
    st.lists(st.lists(CHROME_PIECES, min_size=1, max_size=4).map("".join), min_size=2, max_size=7),
    st.integers(10, 60),
)
def test_the_kept_breaks_ask_only_the_chrome_they_need_and_find_the_same(texts, width):
    from tidyink.document import TEXT, Span
    from tidyink.filters._layout import Wrap, lines_of
    from tidyink.filters._wrap_breaks import kept_breaks

    lines = [x for x in lines_of(Span(TEXT, "\n".join(texts))) if x.stripped]
    wrap = Wrap(width)
    assert kept_breaks(lines, wrap) == _kept_breaks_plain(lines, wrap)


@example("  It was\n  late \n\tat night\u3000")
@example(" \nab")
@example("a\n \nb")
@example("a \u00a0\n\u00a0b")
@example("ab\n")
@given(st.text(alphabet=" \t\u00a0\u3000\nab", max_size=16))
def test_a_paragraph_joined_in_one_pass_is_the_paragraph_its_edits_make(text):
    from tidyink.filters._wrap_breaks import join_breaks, line_breaks
    from tidyink.filters.unwrap import _trim_edits
    from tidyink.offsets import first_edit

    edits = sorted(_trim_edits(text) + [(start, end, " ") for start, end in line_breaks(text)])
    found = join_breaks(text)
    if found is None:
        return
    made = first_edit(text, edits)
    assert made is not None
    assert found[0] == made[0]
    # the same map (its pieces may differ: a break made a space maps where it stood either way)
    assert [found[1].to_orig(k) for k in range(len(text) + 2)] == [made[1].to_orig(k) for k in range(len(text) + 2)]
    assert found[2] == len(line_breaks(text)) > 0


def test_a_paragraph_whose_break_reaches_into_its_indentation_is_left_to_its_edits():
    from tidyink.filters._wrap_breaks import join_breaks

    assert join_breaks(" \nab") is None  # (the break's spaces and the indentation overlap)
    assert join_breaks("one line") is None
    assert join_breaks("two\nlines") is not None


def _shifted_plain(omap, cur, orig):
    """OffsetMap.shifted as first written: every piece moved, then merged."""
    from tidyink.offsets import OffsetMap

    out = []
    for start, origin, identity in omap._pieces:
        if start < cur:
            origin = origin + (cur - start) if identity else origin
            start = cur
        out.append((start - cur, max(origin - orig, 0), identity))
    return OffsetMap(out)


EDIT_ROUNDS = st.lists(
    st.lists(st.tuples(st.integers(0, 30), st.integers(0, 4), st.sampled_from(["", " ", "xy"])), max_size=5),
    min_size=1,
    max_size=3,
)


@given(EDIT_ROUNDS, st.integers(0, 40), st.integers(-2, 3))
def test_a_slice_s_map_moved_and_merged_in_one_loop_is_as_before(rounds, cur, drift):
    from tidyink.document import TEXT, Span

    span = Span(TEXT, "abcdefghij klmnopqrst\nuvwxyz 0123456789")
    for edits in rounds:  # (rounds of edits, as filters make them one after another)
        size = len(span.text)
        made, last = [], 0
        for start, length, new in sorted(edits):
            start = min(max(start, last), size)
            end = min(start + length, size)
            if start == end and not new:
                continue
            made.append((start, end, new))
            last = end
        span.edit(made)
    if span.omap is None:
        return
    cur = min(cur, len(span.text))
    for orig in (span.omap.to_orig(cur), max(span.omap.to_orig(cur) + drift, 0)):
        plain = _shifted_plain(span.omap, cur, orig)
        found = span.omap.shifted(cur, orig)
        assert (found._pieces, found._starts) == (plain._pieces, plain._starts)


@given(
    st.lists(st.tuples(st.integers(0, 12), st.integers(0, 12), st.booleans()), min_size=1, max_size=8),
    st.integers(0, 14),
    st.integers(0, 14),
)
def test_any_map_s_slice_moved_and_merged_in_one_loop_is_as_before(pieces, cur, orig):
    from tidyink.offsets import OffsetMap

    omap = OffsetMap(sorted(pieces))
    plain = _shifted_plain(omap, cur, orig)
    found = omap.shifted(cur, orig)
    assert (found._pieces, found._starts) == (plain._pieces, plain._starts)


def _measure_plain(lines):
    """_layout._measure as first written (each pair's sentence end asked of ends_sentence)."""
    from itertools import pairwise

    from tidyink.filters._layout import SHORT_TEXT_WRAP, _set_by_shape, ends_sentence

    set_in = all(line.indent >= 2 for line in lines if line.stripped)
    if len(lines) < 2:
        return set_in, (lines[0].length if lines and lines[0].stripped else None), False, [], False, []
    measured, runs_on, stopped = [], [], False
    shaped = [_set_by_shape(line) for line in lines]
    for k, (line, after) in enumerate(pairwise(lines)):
        if line.stripped and not (shaped[k] or shaped[k + 1]):
            measured.append(line.length)
            stops = ends_sentence(line.stripped)
            stopped = stopped or stops
            if not stops and line.length >= SHORT_TEXT_WRAP and after.stripped[:1].islower():
                runs_on.append(line.length)
    return set_in, None, True, measured, stopped, runs_on


MEASURE_PIECES = st.sampled_from(
    [
        "It was a dark and stormy night and the rain fell in torrents", "and went on", "She said.",
        "“Go!”", "Words: 12 - Reviews: 3", "• item", "[Next]", "  ", "\t", "\u3000", "\x1c", "--", "—",
        " -", "end:", "x" * 60, "",
    ]
)


@example(["It was a dark and stormy night and the rain fell in torrents", "and went on", "She said."])
@example(["  set in", "\tset in too"])
@example(["", "x", ""])
@given(st.lists(st.lists(MEASURE_PIECES, max_size=3).map("".join), max_size=6))
def test_a_block_s_measure_read_in_one_loop_is_as_before(texts):
    from tidyink.document import TEXT, Span
    from tidyink.filters._layout import _measure, lines_of

    lines = lines_of(Span(TEXT, "\n".join(texts)))
    assert _measure(lines) == _measure_plain(lines)


ARCHIVE_PIECES = st.sampled_from(["archive", "ARCHIVE", "Arch", "ive", "ARCHİVE", "\n", " ", "x", "é", "ſ"])


@example(["arch", "ive"])
@example(["Arch\nive", "ARCHIVE"])
@given(st.lists(st.lists(ARCHIVE_PIECES, max_size=5).map("".join), max_size=5))
def test_the_archive_word_looked_for_in_every_block_at_once_is_found_as_in_each(texts):
    from tidyink.document import PARAGRAPH, RAW_BLOCK, TEXT, Block, Span
    from tidyink.filters._boilerplate_lines import _text_of
    from tidyink.filters._patterns_lazy import P

    blocks = [Block(PARAGRAPH if k % 3 else RAW_BLOCK, [Span(TEXT, text)]) for k, text in enumerate(texts)]
    assert [_text_of(b) for b in blocks] == [b.prose().text if b.kind == PARAGRAPH else b.text for b in blocks]
    each = any(P.ARCHIVE_WORD.search(t) for b in blocks if (t := _text_of(b)))
    together = P.ARCHIVE_WORD.search("\n".join(t for b in blocks if (t := _text_of(b))))
    assert each == bool(together)


def _position_plain(span, offset):
    """Span.position as first written (the newlines found whatever the offset)."""
    from bisect import bisect_right

    from tidyink.document import _newlines

    if span.omap is not None:
        offset = span.omap.to_orig(offset)
    source = span.orig if span.orig is not None else span.text
    offset = max(0, min(offset, len(source)))
    nl = _newlines(source)
    n = bisect_right(nl, offset - 1)
    if n == 0:
        return max(span.line, 1), span.col + offset + 1
    return span.line + n, offset - nl[n - 1]


@example("\nab", 0, 0, 0, False)
@example("a\nb", 2, 3, -1, True)
@given(st.text(alphabet="ab \n", max_size=12), st.integers(0, 9), st.integers(0, 9), st.integers(-3, 14), st.booleans())
def test_a_span_s_first_position_is_found_without_its_newlines(text, line, col, offset, edited):
    from tidyink.document import TEXT, Span

    span = Span(TEXT, text, line, col)
    if edited and text:
        span.edit([(0, 1, "xy")])
    assert span.position(offset) == _position_plain(span, offset)


def _block_rank_plain(block):
    """_heading_labels._block_rank as first written (every block's text split into lines)."""
    from tidyink.document import PARAGRAPH, TEXT, VERSE
    from tidyink.filters._heading_labels import _is_subtitle
    from tidyink.filters._heading_lines import CAPS, classify, closed_up

    if block.kind not in (PARAGRAPH, VERSE) or any(s.kind != TEXT for s in block.spans):
        return None
    lines = [line for line in block.text.split("\n") if line.strip()]
    if not lines or len(lines) > 2:
        return None
    rank = classify(closed_up(lines[0]) or lines[0])
    if rank is None or len(lines) == 1:
        return rank
    if rank == CAPS and classify(lines[1]) != CAPS:
        return None
    return rank if _is_subtitle(lines[1]) else None


def _numerals_plain(blocks, ranks):
    """_heading_labels._lower_case_numerals as first written (every block's text stripped)."""
    from tidyink.document import PARAGRAPH, TEXT
    from tidyink.filters._heading_labels import _LOWER_ROMAN, _roman_value
    from tidyink.filters._heading_lines import NUMBERED

    found = {}
    for k, block in enumerate(blocks):
        if ranks[k] is None and block.kind == PARAGRAPH and all(s.kind == TEXT for s in block.spans):
            m = _LOWER_ROMAN.fullmatch(block.text.strip())
            if m and m.group("n"):
                found[k] = _roman_value(m.group("n"))
    if {1, 2} <= set(found.values()):
        for k in found:
            ranks[k] = NUMBERED


LABEL_TEXTS = st.sampled_from(
    [
        "i.", "ii", " iii.", "iv\n", "v", "x.", "Chapter 5", "CHAPTER IX.", "Summary:", "Chapter Notes",
        "Work Text:", "My Title\nby Some One", "by Some One", "It was late.", "P R E F A C E", "", " ",
        "\u3000", "\x1c", "Prologue\nThe Start", "THE END", "i\nii",
    ]
)


@example(["i.", "ii", "It was late."])
@example(["My Title\nby Some One", "Summary:", "It was late."])
@example(["My Title", "Summary:", "Chapter Notes", "x"])
@given(st.lists(LABEL_TEXTS, max_size=7))
def test_headings_read_each_block_s_label_rank_and_numeral_as_before(texts):
    from tidyink.document import PARAGRAPH, TEXT, Block, Span
    from tidyink.filters import _archive_labels as A
    from tidyink.filters._heading_labels import _block_rank, _lower_case_numerals

    def blocks():
        return [Block(PARAGRAPH, [Span(TEXT, text, k + 1, 0)], line=k + 1) for k, text in enumerate(texts)]

    plain, found = blocks(), blocks()
    assert [_block_rank(b) for b in found] == [_block_rank_plain(b) for b in plain]
    ranks, plain_ranks = [_block_rank(b) for b in found], [_block_rank_plain(b) for b in plain]
    _lower_case_numerals(found, ranks)
    _numerals_plain(plain, plain_ranks)
    assert ranks == plain_ranks
    labels = A.labels_of(found)
    assert labels == [A.is_label(b) for b in plain]
    split, split_plain = A.split_bylines(found, labels), A.split_bylines(plain)
    assert [b.text for b in split] == [b.text for b in split_plain]
    if len(split) == len(found):
        assert A.titles(split, labels) == A.titles(split_plain)


def _read_plain(text):
    """readers.text.read as first written (the regex module's pattern, one match at a time)."""
    import regex

    from tidyink.document import PARAGRAPH, TEXT, Block, Document, Span
    from tidyink.readers.text import BLOCK

    blocks, lead, pos, line = [], "", 0, 1
    for m in regex.finditer(BLOCK, text):
        gap = text[pos : m.start()]
        if blocks:
            blocks[-1].sep = gap
        else:
            lead = gap
        line += gap.count("\n")
        body = m.group()
        end_line = line + body.count("\n")
        blocks.append(Block(PARAGRAPH, [Span(TEXT, body, line, 0)], line=line, end_line=end_line))
        line = end_line
        pos = m.end()
    tail = text[pos:]
    if blocks:
        blocks[-1].sep = tail
    else:
        lead = tail
    return Document(blocks, format="text", lead=lead)


@example("")
@example("\n\n a \n\n\nb\x1c\n\x85\n\u2028c")
@example("a\r\n\r\nb")
@given(st.text(alphabet="ab \t\n\r\x0b\x0c\x1c\x1f\x85\xa0\u2000\u2028\u2029\u3000\u200b", max_size=20))
def test_a_text_read_by_one_split_is_read_as_before(text):
    from tidyink.readers.text import read

    found, plain = read(text), _read_plain(text)

    def shape(doc):
        spans = [[(s.kind, s.text, s.line, s.col) for s in b.spans] for b in doc.blocks]
        return doc.lead, doc.format, [(b.kind, b.line, b.end_line, b.sep) for b in doc.blocks], spans

    assert shape(found) == shape(plain)
