"""Plain text: blocks are runs of non-blank lines; blank runs are kept exactly."""

from __future__ import annotations

from tidyink.document import PARAGRAPH, TEXT, Block, Document, Span
from tidyink.lazy_regex import compiled

# A block is a run of lines that are not blank; the rest is separator text.
BLOCK = r"[^\n]*[^\s\n][^\n]*(?:\n[^\n]*[^\s\n][^\n]*)*"
# BLOCK captured, so that a split gives the separators and the blocks in turn (made in C,
# without a match object for each block), and tried at line starts only: every match
# starts at one (from within a line it reaches no more than from the line's start), and
# a long blank line is read once, not again from each of its characters.
_BLOCKS = compiled(rf"(?m)^({BLOCK})")


def read(text: str) -> Document:
    """Split ``text`` into paragraph blocks without changing a single character."""
    parts = _BLOCKS.split(text)  # separator, block, separator, ..., block, separator
    blocks: list[Block] = []
    append = blocks.append
    line = 1 + parts[0].count("\n")
    for k in range(1, len(parts), 2):
        body = parts[k]
        end_line = line + body.count("\n")
        block = Block(PARAGRAPH, [Span(TEXT, body, line, 0)], line=line, end_line=end_line)
        block.sep = parts[k + 1]
        append(block)
        line = end_line + parts[k + 1].count("\n")
    return Document(blocks, format="text", lead=parts[0])
