"""The lines the boilerplate filter reads and cuts: each prose or raw block's text, line by line."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterator
from typing import NamedTuple

from tidyink.document import PROSE_BLOCKS, RAW_BLOCK, TEXT, Block, Document


class Line(NamedTuple):
    """One line of a block's prose view: ``view.text[start:end]``."""

    block: int
    start: int
    end: int
    text: str


def _text_of(block: Block) -> str | None:
    """What :func:`lines_of` splits into lines: a prose block's view, a raw block's text."""
    if block.kind in PROSE_BLOCKS:
        spans = block.spans
        if len(spans) == 1 and spans[0].kind == TEXT:
            return spans[0].text  # (the prose view of one TEXT span: its text)
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


class DocLines:
    """:func:`lines_of` of a document (as it is when made), each block's lines made only
    when read: a Project Gutenberg text is searched for its markers, and cut near them."""

    def __init__(self, doc: Document) -> None:
        self._texts = [(i, text) for i, block in enumerate(doc.blocks) if (text := _text_of(block)) is not None]
        self._firsts: list[int] = []  # the index of each text's first line
        size = 0
        for _, text in self._texts:
            self._firsts.append(size)
            size += text.count("\n") + 1
        self._size = size
        self._made: dict[int, list[Line]] = {}

    def __len__(self) -> int:
        return self._size

    def _lines(self, k: int) -> list[Line]:
        made = self._made.get(k)
        if made is None:
            made = self._made[k] = _split(*self._texts[k])
        return made

    def items(self, start: int = 0, stop: int | None = None) -> Iterator[tuple[int, Line]]:
        """``(index, line)`` of the lines from ``start`` up to ``stop`` (the end: None)."""
        stop = self._size if stop is None else min(stop, self._size)
        k = bisect_right(self._firsts, start) - 1
        while start < stop and k < len(self._texts):
            first = self._firsts[k]
            lines = self._lines(k)
            for j in range(max(start - first, 0), min(len(lines), stop - first)):
                yield first + j, lines[j]
            k += 1
            start = first + len(lines)

    def slice(self, start: int = 0, stop: int | None = None) -> list[Line]:
        """``lines_of(doc)[start:stop]`` (``start`` and ``stop`` from 0 to its length)."""
        return [line for _, line in self.items(start, stop)]

    def find(self, start: int, test: Callable[[str], bool], may: Callable[[str], bool]) -> int | None:
        """The index of the first line from ``start`` whose text passes ``test``; the
        lines of a block whose whole text fails ``may`` (no line of it can pass) unread."""
        for k in range(max(bisect_right(self._firsts, start) - 1, 0), len(self._texts)):
            if not may(self._texts[k][1]):
                continue
            first = self._firsts[k]
            lines = self._lines(k)
            for j in range(max(start - first, 0), len(lines)):
                if test(lines[j].text):
                    return first + j
        return None


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
