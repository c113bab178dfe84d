"""Plain text: blocks as they read, separated as in the source or by a blank line."""

from __future__ import annotations

from tidyink.document import CONTAINER, RAW_BLOCK, SCENE_BREAK, Block, Document
from tidyink.options import Options
from tidyink.writers import join_blocks


def render_block(block: Block, options: Options) -> str:
    if block.kind == SCENE_BREAK:
        return options.scene_break
    if block.kind in (RAW_BLOCK, CONTAINER):
        return "".join(span.text for span in block.spans)
    return "".join(span.shown for span in block.spans)


def write(doc: Document, options: Options) -> str:
    rendered = [render_block(block, options) for block in doc.blocks]
    # Separators are kept for text read as text (lossless); Markdown and HTML
    # inputs get the plain convention of one blank line between blocks.
    return join_blocks(doc, rendered, keep_separators=doc.format == "text")
