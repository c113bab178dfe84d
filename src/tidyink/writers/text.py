"""Plain text: UTF-8, blank-line paragraphs, optional wrapping and ASCII typography."""

from __future__ import annotations

from tidyink.document import CONTAINER, HEADING, PARAGRAPH, RAW_BLOCK, SCENE_BREAK, Block, Document
from tidyink.options import Options
from tidyink.writers import join_blocks
from tidyink.writers.markdown import has_front_matter

# Typography that ASCII spells differently (--ascii).
ASCII = str.maketrans(
    {
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2039": "'",
        "\u203a": "'",
        "\u2032": "'",
        "\u2033": '"',
        "\u2014": "--",
        "\u2013": "-",
        "\u2012": "-",
        "\u2010": "-",
        "\u2011": "-",
        "\u2015": "--",
        "\u2e3a": "----",
        "\u2e3b": "------",
        "\u2026": "...",
        "\u00a0": " ",
        "\u202f": " ",
        "\u2009": " ",
        "\u200a": " ",
        "\u2060": "",
        "\u00ad": "",
    }
)


def to_ascii(text: str) -> str:
    """Quotes, dashes, ellipses and special spaces as ASCII; letters stay as they are."""
    return text.translate(ASCII)


def render_block(block: Block, options: Options) -> str:
    if block.kind == SCENE_BREAK:
        return options.scene_break
    if block.kind in (RAW_BLOCK, CONTAINER):
        return "".join(span.text for span in block.spans)
    text = "".join(span.shown for span in block.spans)
    if block.kind == HEADING:
        text = "\n".join(line.strip() for line in text.split("\n") if line.strip())
    if options.ascii:
        text = to_ascii(text)
    if options.wrap and block.kind == PARAGRAPH:
        text = _wrap(text, options.wrap)
    return text


def _wrap(text: str, width: int) -> str:
    import textwrap

    return "\n".join(
        textwrap.fill(line, width, break_long_words=False, break_on_hyphens=False) if line else line
        for line in text.split("\n")
    )


def write(doc: Document, options: Options) -> str:
    rendered = [render_block(block, options) for block in doc.blocks]
    if has_front_matter(doc):
        rendered[0] = ""  # Markdown's YAML front matter is metadata, not text
    # Separators are kept for text read as text and left as it was (lossless);
    # restructured text, Markdown and HTML get one blank line between blocks.
    keep = doc.format == "text" and not doc.meta.get("restructured")
    if not keep:
        pairs = [(b, r) for b, r in zip(doc.blocks, rendered, strict=True) if r.strip()]
        doc = Document([b for b, _ in pairs], doc.format, "", doc.meta)
        rendered = [r for _, r in pairs]
    text = join_blocks(doc, rendered, keep_separators=keep)
    if not keep and doc.format == "text" and doc.blocks and doc.blocks[-1].sep == "":
        text = text.removesuffix("\n")  # the input did not end with a newline: nor does this
    if options.ascii and keep:
        text = to_ascii(text)
    return text
