"""Split blocks that hold several paragraphs without blank lines between them."""

from __future__ import annotations

from statistics import median

from tidyink.document import PARAGRAPH, Block, Document
from tidyink.filters._layout import (
    Line,
    Wrap,
    ends_sentence,
    paragraph_lines,
    simple_span,
    split_block,
    wrap_from,
)
from tidyink.filters.base import Context, Filter

DEEP_INDENT = 12  # set far right (datelines, signatures), as in unwrap
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
        every = paragraph_lines(doc)
        wrap = wrap_from(every)
        out: list[Block] = []
        for block, block_lines in zip(doc.blocks, every, strict=True):
            span = simple_span(block)
            if block_lines is None or span is None or len(block_lines) < 2:
                out.append(block)
                continue
            lines = [line for line in block_lines if line.stripped]
            starts = _paragraph_starts(lines, wrap)
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


def _paragraph_starts(lines: list[Line], wrap: Wrap) -> list[int]:
    """Indexes of the lines that begin a paragraph."""
    if len(lines) < 2:
        return [0]
    lengths = [line.length for line in lines]
    if wrap.width is None and median(lengths) > LONG_LINE:
        return list(range(len(lines)))
    base = min(line.indent for line in lines)
    indented = [i for i, line in enumerate(lines) if i and line.indent >= base + 2]
    if not indented or (len(indented) == len(lines) - 1 and lines[0].indent == base):
        # Every line after the first indented: a hanging indent, or verse.
        return [0]
    if sum(lengths) / len(lengths) < 40:
        return [0]  # short lines: verse or a list, whose indentation is layout
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
