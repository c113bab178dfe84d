"""Writers render a Document as Markdown or plain text (``write``), or as an EPUB package
(``write_bytes``)."""

from __future__ import annotations

from tidyink.document import Document
from tidyink.errors import UsageError
from tidyink.options import Options

BINARY = frozenset({"epub"})  # output formats that are bytes, not text


def write_bytes(doc: Document, options: Options) -> bytes:
    """The output file's bytes: an EPUB package, or the text output in UTF-8."""
    if options.to == "epub":
        from tidyink.writers.epub import write as write_epub

        return write_epub(doc, options)
    return write(doc, options).encode("utf-8")


def write(doc: Document, options: Options) -> str:
    if options.to == "markdown":
        from tidyink.writers.markdown import write as write_markdown

        return write_markdown(doc, options)
    if options.to == "text":
        from tidyink.writers.text import write as write_text

        return write_text(doc, options)
    if options.to in BINARY:
        raise UsageError(f"{options.to} output is a binary file: write it with write_bytes (or -o FILE)")
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
