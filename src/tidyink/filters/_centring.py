"""Undo a text browser's centring: a page whose story was centred comes out with every
line set in by half of what it lacks of the page width, so a paragraph's short last
line sits deep in the page, as a verse line or a signature would.

A text is centred when nearly all of its set-in lines satisfy ``2 * indent + length
≈ width`` for one width, several of them set in deep (a short line can only be
centred far from the margin). Books with indented paragraphs or set-in verse do not:
their indents do not grow as their lines shorten.
"""

from __future__ import annotations

from tidyink.document import PARAGRAPH, Document
from tidyink.filters._layout import DEEP_INDENT, Plain, View, lines_of, paragraph_views, simple_span
from tidyink.numeric import median

MIN_LINES = 8  # set-in lines needed to judge
SHARE = 0.85  # of the set-in lines that must be centred on the width
MIN_DEEP = 4  # centred lines set in deep
TOLERANCE = 2  # columns: a renderer rounds half a column either way


def centred_width(doc: Document, every: list[View | None] | None = None) -> int | None:
    """The page width the text was centred on, or None when it was not centred.
    ``every``: :func:`paragraph_views` of ``doc``, when the caller has them."""
    sums: list[tuple[int, int]] = []  # (2 * indent + length, indent)
    for lines in paragraph_views(doc) if every is None else every:
        if lines is None or type(lines) is Plain:
            continue  # (a plain paragraph has no line set in)
        for line in lines:
            if line.stripped and line.indent >= 1 and "\t" not in line.text:
                sums.append((2 * line.indent + len(line.stripped), line.indent))
    if len(sums) < MIN_LINES:
        return None
    width = round(median(total for total, _ in sums))
    near = [indent for total, indent in sums if abs(total - width) <= TOLERANCE]
    deep = sum(1 for indent in near if indent >= DEEP_INDENT)
    if width < 40 or len(near) < SHARE * len(sums) or deep < MIN_DEEP:
        return None
    return width


def uncentre(doc: Document) -> int:
    """Remove every paragraph line's indentation; return the number of lines changed."""
    changed = 0
    for block in doc.blocks:
        span = simple_span(block)
        if span is None or block.kind != PARAGRAPH:
            continue
        edits = []
        for line in lines_of(span):
            lead = len(line.text) - len(line.text.lstrip(" "))
            if lead and line.stripped:
                edits.append((line.start, line.start + lead, ""))
        if edits:
            span.edit(edits)
            changed += len(edits)
    return changed
