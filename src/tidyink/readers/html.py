"""HTML via lexbor (selectolax): the story's blocks, with the page's chrome left out.

Parser: lexbor is a complete WHATWG HTML5 tree builder in C (implied tags,
misnested formatting, tables) and the fastest of the three installed parsers.
It reports no source positions, so :mod:`._html_source` maps every text node
back to its line and column in the file; spans keep that origin, and findings
and changes on HTML point at the HTML source.

What is read: ``<p>``, ``<div>``, ``<br>`` (verse lines, or separate paragraphs
when the lines are long), ``<hr>`` (scene break), ``<blockquote>``, ``<center>``,
``<font>``, layout tables, ``<h1>``-``<h6>``, ``<i>/<em>`` and ``<b>/<strong>``
(emphasis, also italic/bold set by CSS: inline ``style`` or plain ``.class`` rules),
numeric ``<sup>``/``<sub>`` (Unicode super/subscripts), ``<pre>`` (protected raw
block; a ``<pre>`` wrapping paragraphs is a container), titles in big ``<font>`` or
``class="title"``/``chapter-title`` paragraphs (headings). Left out: head, scripts,
styles, forms and their controls, ``<nav>``, hidden elements (``hidden``,
display:none, screen-reader-only classes), footnote back links. Blocks that look like site chrome (page
headers and footers, menus, review and comment widgets, link lists) are kept
but marked ``attrs["chrome"]``: the ``boilerplate`` filter removes them and
records each removal. AO3 downloads and fanfiction.net chapter pages are
recognised: title, author and chapter titles become meta and headings, and
notes are marked ``attrs["role"] = "note"`` for ``--author-notes``.
"""

from __future__ import annotations

from typing import Any

from tidyink.document import Document
from tidyink.readers._html_blocks import (
    _bold_headings,
    _bylines,
    _ffn_headings,
    _headings,
    _join_label_headings,
    _layout_quotes,
    _mark_notes,
    _own_chapter_heading,
)
from tidyink.readers._html_builder import _Builder
from tidyink.readers._html_charset import declared_charset, decode
from tidyink.readers._html_chrome import _chrome_reason, _words, class_styles
from tidyink.readers._html_walk import _SECTION_TAGS, _walk

# --- sites -------------------------------------------------------------------


def _node_text(node: Any) -> str:
    return " ".join((node.text(deep=True) or "").split())


def _site(tree: Any) -> str | None:
    if tree.css_first("#storytext") is not None:
        return "ffn"
    if tree.css_first("#chapters") is not None and tree.css_first("#preface") is not None:
        return "ao3"
    return None


def _roots(tree: Any, site: str | None, meta: dict[str, Any]) -> list[Any]:
    body = tree.body if tree.body is not None else tree.root
    if site == "ffn":
        title = tree.css_first("#profile_top b")
        author = tree.css_first("#profile_top a[href^='/u/']")
        chapter = tree.css_first("#chap_select option[selected]")
        if title is not None:
            meta["title"] = _node_text(title)
        if author is not None:
            meta["author"] = _node_text(author)
        if chapter is not None:
            meta["chapter"] = _node_text(chapter)
        return [tree.css_first("#storytext")]
    if site == "ao3":
        title = tree.css_first("#preface h1") or tree.css_first("#preface .meta h1")
        author = tree.css_first("#preface .byline a[rel='author']") or tree.css_first(
            "#preface .byline"
        )
        if title is not None:
            meta["title"] = _node_text(title)
        if author is not None:
            meta["author"] = _node_text(author).removeprefix("by ").strip()
        return [n for n in (tree.css_first("#preface"), tree.css_first("#chapters"),
                            tree.css_first("#afterword")) if n is not None]  # fmt: skip
    mains = tree.css("main, [role=main]") or tree.css("article")
    if len(mains) == 1 and len(_node_text(mains[0])) > 0.5 * len(_node_text(body)):
        return [mains[0]]
    return [body]


def read(text: str) -> Document:
    """Parse HTML ``text`` into a Document of the page's main content."""
    from selectolax.lexbor import LexborHTMLParser

    tree = LexborHTMLParser(text)
    meta: dict[str, Any] = {}
    site = _site(tree)
    if site:
        meta["site"] = site
    page_title = tree.css_first("head title")
    if page_title is not None and _node_text(page_title):
        meta.setdefault("page_title", _node_text(page_title))
    builder = _Builder(text)
    builder.site = site
    css = "\n".join(node.text(deep=True) or "" for node in tree.css("style"))
    if css:
        builder.class_styles = class_styles(css)
    for root in _roots(tree, site, meta):
        builder.flush()
        inside = root.tag in _SECTION_TAGS
        if root.tag not in ("body", "html"):
            reason = _chrome_reason(root.tag, root.attributes, _words(root.attributes), False)
            if reason:
                builder.context.append({"chrome": reason})
                _walk(builder, root, inside)
                builder.flush()
                builder.context.pop()
                continue
        _walk(builder, root, inside)
        builder.flush()
    blocks = builder.blocks
    if site == "ffn":
        blocks = _ffn_headings(blocks, meta, builder.src)
    _mark_notes(blocks)
    _bold_headings(blocks)
    if site == "ffn":
        blocks = _own_chapter_heading(blocks)
    _layout_quotes(blocks)
    _bylines(blocks, meta)
    blocks = _join_label_headings(blocks)
    blocks = _headings(blocks, meta)
    return Document(blocks, format="html", meta=meta)


__all__ = ["declared_charset", "decode", "read"]
