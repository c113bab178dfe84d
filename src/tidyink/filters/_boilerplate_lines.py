"""The lines the boilerplate filter reads and cuts: each prose or raw block's text, line by line."""

from __future__ import annotations

from collections.abc import Iterator
from typing import NamedTuple

from tidyink.document import PROSE_BLOCKS, RAW_BLOCK, Block, Document


class Line(NamedTuple):
    """One line of a block's prose view: ``view.text[start:end]``."""

    block: int
    start: int
    end: int
    text: str


def _text_of(block: Block) -> str | None:
    """What :func:`lines_of` splits into lines: a prose block's view, a raw block's text."""
    if block.kind in PROSE_BLOCKS:
        return block.prose().text
    if block.kind == RAW_BLOCK:
        return "".join(span.shown for span in block.spans)
    return None


def _split(i: int, text: str) -> list[Line]:
    out: list[Line] = []
    pos = 0
    for piece in text.split("\n"):
        out.append(Line(i, pos, pos + len(piece), piece))
        pos += len(piece) + 1
    return out


def lines_of(doc: Document) -> list[Line]:
    """Every line of every prose or raw block, in order."""
    out: list[Line] = []
    for i, block in enumerate(doc.blocks):
        text = _text_of(block)
        if text is not None:
            out.extend(_split(i, text))
    return out


def lines_from(doc: Document, from_end: bool) -> Iterator[Line]:
    """The lines of :func:`lines_of` one by one, from the start or from the end: made
    only as far as a caller reads them."""
    order = range(len(doc.blocks) - 1, -1, -1) if from_end else range(len(doc.blocks))
    for i in order:
        text = _text_of(doc.blocks[i])
        if text is not None:
            lines = _split(i, text)
            yield from reversed(lines) if from_end else lines


def _texts_from(doc: Document, from_end: bool) -> Iterator[str]:
    """The non-blank lines of :func:`lines_from`, as text."""
    return (ln.text for ln in lines_from(doc, from_end) if ln.text.strip())


def lines_of_block(block: Block) -> list[Line]:
    text = (
        block.prose().text if block.kind in PROSE_BLOCKS else "".join(s.shown for s in block.spans)
    )
    out, pos = [], 0
    for piece in text.split("\n"):
        out.append(Line(-1, pos, pos + len(piece), piece))
        pos += len(piece) + 1
    return out
