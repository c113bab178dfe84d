"""Author's notes and disclaimers: where they stand (start, end, beside headings)."""

from __future__ import annotations

from collections.abc import Callable
from functools import cache, lru_cache

from tidyink.document import HEADING, PARAGRAPH, SCENE_BREAK, VERSE, Block, Document
from tidyink.filters._patterns_lazy import P


def is_note(text: str) -> bool:
    """Whether a paragraph opens like an author's note or a disclaimer."""
    return may_open_note(text[:2]) and P.NOTE.match(text) is not None


@lru_cache(maxsize=4096)
def may_open_note(opening: str) -> bool:
    """False only when no text opening with ``opening`` is a note for :func:`is_note`:
    no match of the pattern continues it (most paragraphs are told by their first two
    characters, which few texts have in common)."""
    return P.NOTE.match(opening, partial=True) is not None


def _breaks_beside_notes(blocks: list[Block], notes: set[int]) -> list[int]:
    """Scene breaks that only separate notes from the story: with the notes gone they
    would stand at an edge of the text, next to a heading or next to another break."""
    out: list[int] = []
    for i, block in enumerate(blocks):
        if block.kind != SCENE_BREAK or not ({i - 1, i + 1} & notes):
            continue
        before = next((blocks[k] for k in range(i - 1, -1, -1) if k not in notes), None)
        after = next((blocks[k] for k in range(i + 1, len(blocks)) if k not in notes), None)
        if any(b is None or b.kind in (HEADING, SCENE_BREAK) for b in (before, after)):
            out.append(i)
    return out


def _find_notes(doc: Document) -> set[int]:
    """Indices of blocks that are author's notes or disclaimers (by role or opening)."""
    blocks = doc.blocks
    found = {i for i, b in enumerate(blocks) if b.attrs.get("role") in ("note", "note-label")}
    if not found and not any(is_note(b.text) for b in blocks if b.kind in (PARAGRAPH, VERSE)):
        return found  # (no block is a note: the zones find none)
    return _notes_in_zones(blocks, found)


def _notes_in_zones(blocks: list[Block], found: set[int]) -> set[int]:
    """``found`` (the notes by role) with the blocks that open as notes in a run from an
    edge of a zone, as :func:`_find_notes` finds them (``found`` is filled in)."""
    # Zones: the start and end of the text, and both sides of each heading (in plain
    # text, headings are marked later: a chapter-heading line counts already).
    heads = {i for i, b in enumerate(blocks) if b.kind == HEADING or _heading_line(b)}
    starts = [0] + [i + 1 for i in sorted(heads)]
    ends = [len(blocks) - 1] + [i - 1 for i in sorted(heads)]
    for begin, step in [(s, 1) for s in starts] + [(e, -1) for e in ends]:
        i = begin
        while 0 <= i < len(blocks):
            b = blocks[i]
            if i in heads:
                break
            if b.attrs.get("role") in ("title", "byline", "summary", "summary-label"):
                i += step
                continue
            if i in found or (b.kind in (PARAGRAPH, VERSE) and is_note(b.text)):
                found.add(i)
                i += step
                continue
            break
    return found


def _heading_line(block: Block) -> bool:
    """A plain-text block that is a chapter heading ("Chapter 5: Homecoming", "Prologue")."""
    if block.kind != PARAGRAPH or not (len(block.spans) == 1 and block.spans[0].kind == "text"):
        return False
    text = block.text
    head = text.split("\n", 3)
    if len(head) > 3 and head[0].strip() and head[1].strip() and head[2].strip():
        return False  # (three lines of text already: the rest of a paragraph is never split)
    lines = [line for line in text.split("\n") if line.strip()]
    if not 1 <= len(lines) <= 2:
        return False
    caps, classify = _heading_test()
    rank = classify(lines[0])
    return rank is not None and rank < caps


@cache
def _heading_test() -> tuple[int, Callable[[str], int | None]]:
    """The headings filter's line test and its CAPS rank (imported when first needed,
    then found by a call cheaper than an import statement)."""
    from tidyink.filters.headings import CAPS, classify

    return CAPS, classify

