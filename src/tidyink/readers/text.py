"""Plain text: blocks are runs of non-blank lines; blank runs are kept exactly."""

from __future__ import annotations

from tidyink.document import PARAGRAPH, TEXT, Block, Document, Span
from tidyink.lazy_regex import compiled

# A block is a run of lines that are not blank; the rest is separator text.
_BLOCK = compiled(r"[^\n]*[^\s\n][^\n]*(?:\n[^\n]*[^\s\n][^\n]*)*")


def read(text: str) -> Document:
    """Split ``text`` into paragraph blocks without changing a single character."""
    blocks: list[Block] = []
    lead = ""
    pos = 0
    line = 1
    for m in _BLOCK.finditer(text):
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
