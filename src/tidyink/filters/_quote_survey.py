"""A first look at the whole document, before quote marks are decided block by block.

Whether it is written in dialect (many clipped words: nothin', an', 'em), and
how each block's successor starts (``'`` there means a quotation goes on).
"""

from __future__ import annotations

import regex

from tidyink.filters._quote_marks import QuoteState
from tidyink.filters._quote_pairing import clipped_end
from tidyink.filters._quote_words import elisions

# Clipped words in running text: nothin' to, an' the (end), 'em, 'bout (start).
_EVIDENCE = regex.compile(
    r"(?<![\p{L}\p{M}'’])([\p{L}\p{M}]+)['’](?=[ \t]+\p{Ll})|(?<=[ \t])['’](\p{Ll}+)(?![\p{L}'’])"
)
# Every piece of evidence has a mark beside a space or tab: a text without one has none.
_EVIDENCE_HINT = regex.compile(r"['’][ \t]|[ \t]['’]")
_DIALECT_MIN = 5  # clipped words, and at least one per this many characters:
_DIALECT_SPAN = 5000


def dialect_mode(texts: list[str], state: QuoteState) -> bool:
    """Whether a document is written in dialect: many clipped words in running text."""
    strong = elisions()[0]
    found = 0
    size = 0
    for text in texts:
        size += len(text)
        if ("'" not in text and "’" not in text) or not _EVIDENCE_HINT.search(text):
            continue
        for m in _EVIDENCE.finditer(text):
            end, start = m.group(1), m.group(2)
            found += clipped_end(end, state) if end else start.casefold() in strong
    return found >= _DIALECT_MIN and found * _DIALECT_SPAN >= size


def next_starts(texts: list[str]) -> list[str]:
    """For each block, the first two marks of the block after it ('' if it starts otherwise)."""
    starts = []
    for text in texts:
        head = text.lstrip(" \t_*")
        k = 0
        while k < len(head) and k < 2 and head[k] in "\"'“‘":
            k += 1
        starts.append(head[:k])
    return [*starts[1:], ""] if starts else []
