"""A long text a piece at a time, cut at line breaks.

Word counts, word sets and character-by-character rewrites (case folding,
normalization, removing invisible characters) of a whole book, made at once, hold
several copies of it and a list of every word (several times the book's size).
No word, token, entity or composed character spans a line break, so the same work
done piece by piece gives the same result while holding one piece at a time.
"""

from __future__ import annotations

from collections.abc import Iterator

PIECE = 1 << 16  # characters, at least, in each piece but the last


def pieces(text: str, size: int = PIECE) -> Iterator[str]:
    """``text`` in consecutive pieces, each ending just after a line break (but the last)."""
    start, total = 0, len(text)
    if total <= size:
        if text:
            yield text
        return
    while start < total:
        end = text.find("\n", start + size)
        end = total if end < 0 else end + 1
        yield text[start:end]
        start = end
