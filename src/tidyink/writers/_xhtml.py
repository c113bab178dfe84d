"""Blocks as XHTML for the EPUB writer: escaped, well-formed, one chapter per file."""

from __future__ import annotations

import regex

from tidyink.document import (
    BREAK,
    CODE,
    EM,
    HEADING,
    NOTE,
    RAW_BLOCK,
    SCENE_BREAK,
    STRONG,
    TEXT,
    VERSE,
    Block,
)
from tidyink.lazy_regex import compiled

XHTML_NS = "http://www.w3.org/1999/xhtml"
EPUB_NS = "http://www.idpf.org/2007/ops"
# Characters XML 1.0 does not allow (C0 controls but tab/newline, surrogates, U+FFFE/F).
_NOT_XML = compiled(r"[^\x09\x0a\x0d\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_NOTE_LABEL = compiled(r"^\[\^([^\]]+)\]")


def escape(text: str) -> str:
    """Text for XML character data or a double-quoted attribute."""
    text = _NOT_XML.sub("", text)
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def note_label(span_text: str) -> str | None:
    m = _NOTE_LABEL.match(span_text)
    return m.group(1) if m else None


def note_id(label: str) -> str:
    return "note-" + regex.sub(r"[^A-Za-z0-9_-]", "-", label)


def inline(block: Block, notes_file: str, skip_label: bool = False) -> str:
    """The block's spans as XHTML inline content; emphasis is closed where it is left open."""
    out: list[str] = []
    open_tags: list[str] = []
    for i, span in enumerate(block.spans):
        if span.kind == TEXT:
            out.append(escape(span.text))
        elif span.kind in (EM, STRONG):
            tag = "em" if span.kind == EM else "strong"
            if tag in open_tags:
                while open_tags:  # close down to it (proper nesting), then reopen the inner ones
                    top = open_tags.pop()
                    out.append(f"</{top}>")
                    if top == tag:
                        break
            else:
                open_tags.append(tag)
                out.append(f"<{tag}>")
        elif span.kind == BREAK:
            out.append("<br/>")
        elif span.kind == NOTE:
            label = note_label(span.text)
            if label is None:
                out.append(escape(span.shown))
            elif i == 0 and skip_label:
                continue
            else:
                ref = f"{notes_file}#{note_id(label)}"
                out.append(f'<a epub:type="noteref" href="{escape(ref)}">{escape(label)}</a>')
        elif span.kind == CODE:
            out.append(f"<code>{escape(span.text)}</code>")
        else:
            out.append(escape(span.shown))
    out.extend(f"</{tag}>" for tag in reversed(open_tags))
    return "".join(out).strip()


def markdown_xhtml(source: str) -> str:
    """A Markdown input's block (its markup kept) as XHTML, by markdown-it-py.

    Raw HTML is escaped (it need not be well-formed XML) and images stay text (the
    book holds no image files); links, lists, quotes, code and tables are kept.
    """
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark", {"html": False, "xhtmlOut": True}).enable(["table", "strikethrough"])
    md.disable("image")
    return _NOT_XML.sub("", md.render(source)).strip()


def block_xhtml(block: Block, notes_file: str) -> str:
    """One block as an XHTML element ('' for a block with nothing to show)."""
    if block.verbatim and block.kind not in (SCENE_BREAK, HEADING):
        return markdown_xhtml("".join(span.text for span in block.spans))
    if block.kind == SCENE_BREAK:
        return '<hr class="scene-break"/>'
    if block.kind == RAW_BLOCK:
        return f"<pre>{escape(''.join(s.shown for s in block.spans))}</pre>"
    body = inline(block, notes_file)
    if not body:
        return ""
    if block.kind == HEADING:
        level = max(1, min(block.level or 2, 6))
        return f"<h{level}>{body}</h{level}>"
    if block.kind == VERSE:
        return f'<p class="verse">{body}</p>'
    if block.attrs.get("quote"):
        return f"<blockquote><p>{body}</p></blockquote>"
    return f"<p>{body}</p>"


def page(title: str, language: str, body: list[str], css: str = "style.css", section: str = "chapter") -> str:
    """A complete XHTML5 content document."""
    lines = [
        '<?xml version="1.0" encoding="utf-8"?>',
        "<!DOCTYPE html>",
        f'<html xmlns="{XHTML_NS}" xmlns:epub="{EPUB_NS}" xml:lang="{escape(language)}" lang="{escape(language)}">',
        "<head>",
        '<meta charset="utf-8"/>',
        f"<title>{escape(title)}</title>",
        f'<link rel="stylesheet" type="text/css" href="{css}"/>',
        "</head>",
        "<body>",
        f'<section epub:type="{section}">' if section else "<section>",
        *body,
        "</section>",
        "</body>",
        "</html>",
    ]
    return "\n".join(lines) + "\n"
