"""Writers render a Document as Markdown or plain text."""

from __future__ import annotations

from tidyink.document import Document
from tidyink.errors import UsageError
from tidyink.options import Options


def write(doc: Document, options: Options) -> str:
    if options.to == "markdown":
        from tidyink.writers.markdown import write as write_markdown

        return write_markdown(doc, options)
    if options.to == "text":
        from tidyink.writers.text import write as write_text

        return write_text(doc, options)
    raise UsageError(f"no writer for {options.to!r}")


def join_blocks(doc: Document, rendered: list[str], keep_separators: bool) -> str:
    """Join rendered blocks with their source separators, or one blank line each."""
    if not rendered:
        return doc.lead if keep_separators else ""
    parts = [doc.lead if keep_separators else ""]
    last = len(rendered) - 1
    for i, (block, text) in enumerate(zip(doc.blocks, rendered, strict=True)):
        parts.append(text)
        if keep_separators and block.sep is not None:
            parts.append(block.sep)
        else:
            parts.append("\n\n" if i < last else "\n")
    return "".join(parts)
