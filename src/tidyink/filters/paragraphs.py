"""Split blocks that hold several paragraphs without blank lines between them."""

from __future__ import annotations

from itertools import pairwise
from operator import attrgetter

from tidyink.document import PARAGRAPH, TEXT, Block, Document, OffsetMap, Span
from tidyink.filters._layout import (
    DEEP_INDENT,
    Line,
    Plain,
    Wrap,
    ends_sentence,
    lines_of,
    paragraph_views,
    simple_span,
    split_block,
    wrap_from,
    wrap_of_lines,
)
from tidyink.filters.base import Context, Filter
from tidyink.filters.headings import CAPS, classify
from tidyink.filters.scene_breaks import is_break_line, may_hold_break
from tidyink.lazy_regex import lazy
from tidyink.numeric import median

_INDENT = attrgetter("indent")
# A full stop, question or exclamation at the end (closing quotes after it): lines of
# short dialogue between paragraphs of prose always end so.
_SENTENCE_END = lazy(r"[.!?…]['\"’”»)\]]*\s*$")
_MID_SENTENCE = lazy(r"[\p{Ll},;]$")
LONG_LINE = 80  # longer than any usual wrap width: a line this long is a whole paragraph


class Paragraphs(Filter):
    name = "paragraphs"
    description = (
        "Split blocks holding one paragraph per line, or paragraphs marked by indentation, "
        "into separate paragraphs."
    )
    stage = "structure"
    order = 210
    formats = frozenset({"text"})

    def run(self, doc: Document, ctx: Context) -> None:
        doc.meta["restructured"] = True  # writers: one blank line between blocks
        from tidyink.filters import _centring

        every = paragraph_views(doc)  # (read again below only if the blocks change)
        width = _centring.centred_width(doc, every)
        if width is not None:
            n = _centring.uncentre(doc)
            self.record(ctx, 1, 1, " ", "", f"centred rendering ({width} columns): {n} lines set back at the margin")
            every = paragraph_views(doc)
        if _double_spaced(doc):
            doc.blocks = self._close_up(doc.blocks, ctx)
            every = paragraph_views(doc)
        wrap = wrap_of_lines(doc, every)
        out: list[Block] = []
        for block, block_lines in zip(doc.blocks, every, strict=True):
            span = simple_span(block)
            if block_lines is None or span is None or len(block_lines) < 2:
                out.append(block)
                continue
            if type(block_lines) is not Plain:
                lines = [line for line in block_lines if line.stripped]
                starts = _paragraph_starts(lines, wrap, span.text)
            elif may_hold_break(span.text):
                lines = block_lines.lines
                starts = _paragraph_starts(lines, wrap)  # (a break may be among them: the text not searched again)
            else:
                # No line set in (nor blank) nor a break: _paragraph_starts, told from the
                # strings (one paragraph when the last line goes on from the one before).
                texts = block_lines.texts
                if wrap.width is not None and texts[-1][:1].islower():
                    out.append(block)
                    continue
                starts = _flat_starts(texts, list(map(len, texts)), wrap)
                if len(starts) > 1:
                    lines = block_lines.lines
            if len(starts) <= 1:
                out.append(block)
                continue
            ends = [*starts[1:], len(lines)]
            groups = [(lines[a:b], PARAGRAPH) for a, b in zip(starts, ends, strict=True)]
            out.extend(split_block(block, span, groups))
            how = "one per line" if len(starts) == len(lines) else "marked by indentation"
            self.record(
                ctx, block.line, 1, "\n", "\n\n", f"split into {len(groups)} paragraphs ({how})"
            )
        doc.blocks = out


    def _close_up(self, blocks: list[Block], ctx: Context) -> list[Block]:
        """Double-spaced text: lines one blank line apart are the lines of one block."""
        runs: list[list[Block]] = []
        for block in blocks:
            last = runs[-1][-1] if runs else None
            if last is not None and _one_line(last) and _one_line(block) and _single_gap(last.sep):
                runs[-1].append(block)
            else:
                runs.append([block])
        out: list[Block] = []
        for run in runs:
            if len(run) == 1:
                out.append(run[0])
                continue
            texts, orig, pieces = [], [], []
            cur = at = 0
            for block in run:
                text = block.spans[0].text
                pieces.append((cur, at, True))
                texts.append(text)
                orig.append(text if block is run[-1] else text + (block.sep or ""))
                cur += len(text) + 1
                at += len(orig[-1])
            first = run[0].spans[0]
            span = Span(TEXT, "\n".join(texts), first.line, first.col)
            span.orig, span.omap = "".join(orig), OffsetMap(pieces)
            block = Block(PARAGRAPH, [span], line=run[0].line, end_line=run[-1].end_line, sep=run[-1].sep)
            block.attrs = dict(run[0].attrs)
            out.append(block)
            self.record(
                ctx, block.line, 1, "\n\n", "\n", f"double-spaced text: {len(run)} lines closed up"
            )
        return out


def _paragraph_starts(lines: list[Line], wrap: Wrap, text: str | None = None) -> list[int]:
    """Indexes of the lines that begin a paragraph (``text``: the text the lines are
    of, when known: lines no break can be are then not asked)."""
    if len(lines) < 2:
        return [0]
    indents = list(map(_INDENT, lines))
    base, top = min(indents), max(indents)
    if top < base + 2 and text is not None and not may_hold_break(text):
        if wrap.width is not None and lines[-1].stripped[:1].islower():
            return [0]  # (no line indented, and the last goes on from the one before: none stands alone)
        texts = [line.stripped for line in lines]
        return _flat_starts(texts, [line.length for line in lines], wrap, [x == base for x in indents])
    starts = set(_indent_starts(lines, wrap))
    # A scene-break line, or a heading line over an indented first line, stands
    # alone however the text around it is laid out: "***", "CHAPTER TWO". (The last
    # of a list of headings, a table of contents, stays in the list.)
    # Judged from the last line up: a line whose next line starts a paragraph is judged as
    # the last line of its own, as it will be when the text is read again.
    size = len(lines)
    texts = [line.stripped for line in lines]
    for i in range(size - 1, -1, -1):
        line = lines[i]
        if line.indent != base:
            continue
        after = lines[i + 1] if i + 1 < size and i + 1 not in starts else None
        # (a rule set in, among centred lines, is decoration)
        if is_break_line(line.stripped) or (
            (after is None or after.indent >= base + 2)  # (the cheap tests first: most lines go on)
            and _stands_alone(texts, i, after is None)
        ):
            starts.add(i)
            if i + 1 < size:
                starts.add(i + 1)
    return sorted(starts)


def _stands_alone(texts: list[str], i: int, last: bool) -> bool:
    """Whether line ``i`` (``texts``: the lines stripped), at the margin and over an
    indented line or ending its paragraph (``last``), is a heading that stands alone."""
    text = texts[i]
    return (
        not text[:1].islower()  # "epilogue." ending a wrapped sentence
        and not (i and _MID_SENTENCE.search(texts[i - 1]))
        and (not last or not (i and classify(texts[i - 1])))
        and classify(text) not in (None, CAPS)
    )


def _flat_starts(texts: list[str], lengths: list[int], wrap: Wrap, at_base: list[bool] | None = None) -> list[int]:
    """:func:`_paragraph_starts` of lines (``texts``: stripped; ``lengths``: with their
    indentation) none of which is set in (``at_base``: whether each is at the lowest
    indentation, None: all are) nor a break: only a line ending its paragraph, or over
    a line that starts one, may stand alone, so only those lines are judged, from the
    last line up."""
    size = len(texts)
    starts = set(range(size)) if _one_a_line(lengths, wrap) else {0}  # (no line is set in)
    below = sorted((s - 1 for s in starts if s > 0), reverse=True)  # lines over a start
    k = 0
    i = size - 1
    while i >= 0:
        if (at_base is None or at_base[i]) and _stands_alone(texts, i, True):
            starts.add(i)
            if i + 1 < size:
                starts.add(i + 1)
        if i in starts:
            i -= 1  # (the line above now ends a paragraph)
            continue
        while k < len(below) and below[k] >= i:
            k += 1
        i = below[k] if k < len(below) else -1
    return sorted(starts)


def _one_a_line(lengths: list[int], wrap: Wrap) -> bool:
    """Whether each line is a paragraph: an unwrapped text of long lines."""
    return wrap.width is None and median(lengths) > LONG_LINE


def _indent_starts(lines: list[Line], wrap: Wrap) -> list[int]:
    """Indexes of the lines that begin a paragraph, from line lengths and indentation."""
    lengths = [line.length for line in lines]
    if _one_a_line(lengths, wrap):
        return list(range(len(lines)))
    base = min(line.indent for line in lines)
    indented = [i for i, line in enumerate(lines) if i and line.indent >= base + 2]
    if not indented or (len(indented) == len(lines) - 1 and lines[0].indent == base):
        # Every line after the first indented: a hanging indent, or verse.
        return [0]
    dialogue = max(lengths) > LONG_LINE and all(_SENTENCE_END.search(lines[i].text) for i in indented)
    if sum(lengths) / len(lengths) < 40 and not dialogue:
        return [0]  # short lines: verse or a list, whose indentation is layout (not short dialogue)
    starts = [0] + [
        i
        for i in indented
        if (ends_sentence(lines[i - 1].text) or not _is_full(lines[i - 1], lines, wrap))
        # a closing and signature set far right stay together (unwrap keeps their lines)
        and not (lines[i].indent >= DEEP_INDENT and lines[i - 1].indent >= DEEP_INDENT)
    ]
    return starts


def _is_full(line: Line, lines: list[Line], wrap: Wrap) -> bool:
    width = wrap.width or max(x.length for x in lines)
    return line.length >= width - max(4, round(width * 0.12))


def _one_line(block: Block) -> bool:
    """A one-line paragraph as read (its span not edited)."""
    span = simple_span(block)
    return block.kind == PARAGRAPH and span is not None and span.omap is None and "\n" not in span.text


def _single_gap(sep: str | None) -> bool:
    return sep is not None and sep.count("\n") == 2 and not sep.strip()


DOUBLE_SPACED_WIDTH = 50  # typed prose lines are longer; verse spaced out is shorter


def _double_spaced(doc: Document) -> bool:
    """Whether the text is hard-wrapped with a blank line after every line (a typescript).

    Most blocks are single lines one blank line apart, most of those stop
    mid-sentence, and their lengths show a prose wrap width.
    """
    blocks = doc.blocks
    ones = [b for b in blocks if _one_line(b)]
    prose = [b for b in blocks if b.kind == PARAGRAPH]
    if len(ones) < 6 or len(ones) < 0.8 * len(prose):
        return False
    pairs = [(a, b) for a, b in pairwise(blocks) if _one_line(a) and _one_line(b) and _single_gap(a.sep)]
    if len(pairs) < 0.6 * len(ones):
        return False
    measured = [lines_of(a.spans[0])[0] for a, _ in pairs]
    wrap = wrap_from([[*measured, measured[-1]]])  # every measured line is followed by another
    if wrap.width is None or wrap.width < DOUBLE_SPACED_WIDTH:
        return False
    # Most lines run to the wrap width, stop mid-sentence and go on in lower case.
    full = wrap.width - 2 * wrap.slack
    wrapped = sum(
        1
        for line, (_, b) in zip(measured, pairs, strict=True)
        if line.length >= full and not ends_sentence(line.stripped) and b.text.lstrip()[:1].islower()
    )
    return wrapped >= 0.4 * len(pairs)
