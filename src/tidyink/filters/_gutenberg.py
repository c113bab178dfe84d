"""Project Gutenberg markers and credits, for the boilerplate filter."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from tidyink.document import Document
from tidyink.filters._patterns_lazy import P

if TYPE_CHECKING:
    from tidyink.filters._boilerplate_lines import Line


def _pg_start(text: str) -> bool:
    return len(text) < 200 and bool(P.PG_START.match(text))


def _pg_end(text: str) -> bool:
    # (PG_END ends in "gutenberg", which no character outside ASCII matches a letter of,
    # even with full case folding)
    return len(text) < 200 and "gutenberg" in text.lower() and bool(P.PG_END.match(text))


def may_end(text: str) -> bool:
    """False only when no line of ``text`` passes :func:`_pg_end`: no "gutenberg" in
    any case (whose letters only ASCII ones lower-case to)."""
    return P.PG_WORD.search(text) is not None


def _credits(lines: Iterable[Line]) -> list[Line]:
    """The 'Produced by ...' paragraph right after the start marker, or among the next
    few short paragraphs (after a title page) when it names the producers' trade.
    ``lines``: the lines after the start marker (up to the end marker)."""
    blocks: list[list[Line]] = []
    for ln in lines:
        if not ln.text.strip():
            continue
        if not blocks or blocks[-1][-1].block != ln.block:
            if len(blocks) == 6:
                break
            blocks.append([])
        blocks[-1].append(ln)
    for n, block in enumerate(blocks):
        if not P.PG_CREDITS.match(block[0].text) or len(block) > 6:
            continue
        if n == 0 or P.PG_CREDITS_TRADE.search(" ".join(ln.text for ln in block)):
            return block
    return []


def _header_meta(doc: Document, lines: list[Line]) -> None:
    for ln in lines:
        m = P.PG_FIELD.match(ln.text)
        if m:
            doc.meta.setdefault(m.group(1).lower(), m.group(2))
