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

import regex

from tidyink.document import (
    BREAK,
    CODE,
    EM,
    HEADING,
    PARAGRAPH,
    RAW,
    RAW_BLOCK,
    SCENE_BREAK,
    STRONG,
    TEXT,
    Block,
    Document,
    OffsetMap,
    Span,
)
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
from tidyink.readers._html_charset import declared_charset, decode
from tidyink.readers._html_chrome import (
    _ENTRY_WORDS,
    _META_LIST_WORDS,
    _chrome_inline,
    _chrome_reason,
    _hidden,
    _styled,
    _words,
    class_styles,
)
from tidyink.readers._html_inline import _block, _normalize_space, _split_paragraphs, _verse_or_paragraph
from tidyink.readers._html_source import SourceText

# --- tree walking ------------------------------------------------------------

_DROP = frozenset(
    {
        "head", "script", "style", "noscript", "template", "nav", "form", "select", "option",
        "optgroup", "button", "input", "textarea", "label", "iframe", "object", "embed", "svg",
        "math", "canvas", "audio", "video", "map", "dialog", "menu", "img", "link", "meta",
        "title", "base", "-comment", "datalist", "output", "progress", "meter",
    }
)  # fmt: skip
_BLOCKS = frozenset(
    {
        "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details",
        "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "h1", "h2", "h3", "h4",
        "h5", "h6", "header", "hgroup", "hr", "html", "legend", "li", "main", "ol", "p", "pre",
        "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
        "listing", "plaintext", "noframes",
    }
)  # fmt: skip
_TOGGLES = {"i": EM, "em": EM, "cite": EM, "dfn": EM, "var": EM, "b": STRONG, "strong": STRONG}
_BACKLINK = regex.compile(r"^\s*[\[(]?\s*[↩↑⤴⬆^]\ufe0e?\ufe0f?\s*[\])]?\s*$")
# Classes word processors and e-book makers give a title or chapter-title paragraph.
_TITLE_CLASSES = frozenset(
    {"title", "story-title", "storytitle", "book-title", "booktitle", "work-title", "doc-title"}
)
_CHAPTER_CLASSES = frozenset(
    {"chapter-title", "chaptertitle", "chapter-heading", "chapterhead", "chapter-head",
     "chapter-name", "chapter-number", "chapternumber", "chapnum", "chaptitle", "part-title",
     "ch-title", "chapter-label"}
)  # fmt: skip
_SUPERSCRIPT = str.maketrans("0123456789+-=()", "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾")
_SUBSCRIPT = str.maketrans("0123456789+-=()", "₀₁₂₃₄₅₆₇₈₉₊₋₌₍₎")
_HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
_PLAIN_TOGGLE = {EM: "_", STRONG: ""}

_SECTION_TAGS = frozenset({"article", "main", "section"})
_SECTION_ROLES = frozenset({"article", "main"})


class _Builder:
    """Walks the tree in document order, turning inline content into block spans."""

    def __init__(self, text: str) -> None:
        self.src = SourceText(text)
        self.blocks: list[Block] = []
        # ["run", chars, offsets] | [kind] | ["br", offset] | ["code", text, offset]
        self.items: list[list[Any]] = []
        self.depth = {EM: 0, STRONG: 0}
        self.context: list[dict[str, Any]] = [{}]
        self.links = 0  # characters inside <a> in the current block
        self.link_count = 0
        self.in_link = 0
        self.site: str | None = None
        self.gap = 0  # empty spacer paragraphs seen since the last block
        self.class_styles: dict[str, tuple[str, ...]] = {}  # class -> EM/STRONG by CSS
        self.quotes = 0  # blockquotes seen

    # inline content

    def text(self, data: str, table: dict[int, str] | None = None) -> None:
        """Character data; with ``table``, each character mapped one to one."""
        if not data:
            return
        offsets = self.src.locate(data)
        if table is not None:
            data = data.translate(table)
        if self.in_link:
            self.links += len(data.strip())
        if self.items and self.items[-1][0] == "run":
            self.items[-1][1].append(data)
            self.items[-1][2].extend(offsets)
        else:
            self.items.append(["run", [data], list(offsets)])

    def toggle(self, kind: str, opening: bool) -> None:
        before = self.depth[kind]
        self.depth[kind] = before + (1 if opening else -1)
        if (opening and before == 0) or (not opening and before == 1):
            self.items.append([kind])

    def line_break(self, offset: int | None) -> None:
        self.items.append(["br", offset])

    def code(self, data: str) -> None:
        """Inline code: kept whole, its white space collapsed as HTML shows it."""
        code = " ".join(data.split())
        if code:
            offsets = self.src.locate(data)
            self.items.append(["code", code, offsets[len(data) - len(data.lstrip())] if offsets else None])

    # blocks

    def flush(self) -> None:
        """End the current block: close open emphasis, build spans, add block(s)."""
        open_kinds = [k for k in (EM, STRONG) if self.depth[k] > 0]
        if not any(
            item[0] == "code" or (item[0] == "run" and any(p.strip() for p in item[1])) for item in self.items
        ):
            # An empty paragraph made of &nbsp; or <br> is a spacer: often a scene gap.
            if any(
                item[0] == "br" or (item[0] == "run" and "\u00a0" in "".join(item[1]))
                for item in self.items
            ):
                self.gap += 1
            self.items = [[kind] for kind in open_kinds]
            self.links = self.link_count = 0
            return
        for kind in reversed(open_kinds):
            self.items.append([kind])
        spans = self._spans(self.items)
        links, link_count = self.links, self.link_count
        self.items = [[kind] for kind in open_kinds]  # reopen in the next block
        self.links = 0
        self.link_count = 0
        if not any(s.kind == CODE or (s.kind == TEXT and s.text.strip()) for s in spans):
            return
        attrs = dict(self.context[-1])
        kind = attrs.pop("heading", 0)
        if attrs.pop("heading_by_class", False) and (
            len("".join(s.text for s in spans if s.kind == TEXT)) > 120
            or any(s.kind == BREAK for s in spans)
        ):
            kind = 0  # a long "title" paragraph is prose after all
        chunks: list[list[Span]] = []
        gaps: list[int] = []  # spacer lines before each chunk (old pages' scene gaps)
        outer_gaps: list[int] = []
        for chunk, gap in zip(_split_paragraphs(spans, gaps=outer_gaps), outer_gaps, strict=True):
            if not kind and _verse_or_paragraph(chunk) == PARAGRAPH:
                line_gaps: list[int] = []
                lines = _split_paragraphs(chunk, min_breaks=1, gaps=line_gaps)  # paragraphs
                chunks.extend(lines)
                gaps.extend([gap + line_gaps[0], *line_gaps[1:]] if lines else [])
            else:
                chunks.append(chunk)
                gaps.append(gap)
        for chunk, gap in zip(chunks, gaps, strict=True):
            self.gap += gap
            text_len = sum(len(s.text) for s in chunk if s.kind == TEXT)
            block_attrs = dict(attrs)
            if link_count and text_len and links / text_len >= 0.8:
                block_attrs["link_ratio"] = round(min(links / text_len, 1.0), 2)
            if self.gap:
                block_attrs["gap_before"] = self.gap  # spacer paragraphs before this block
                self.gap = 0
            if kind:
                block = _block(HEADING, chunk, block_attrs, level=kind)
            else:
                block = _block(_verse_or_paragraph(chunk), chunk, block_attrs)
            self.blocks.append(block)

    def add(self, kind: str, spans: list[Span], offset: int | None, **attrs: Any) -> None:
        line = self.src.line_col(offset)[0] if offset is not None else 0
        merged = {**self.context[-1], **attrs}
        merged.pop("heading", None)
        merged.pop("heading_by_class", None)
        self.gap = 0
        self.blocks.append(Block(kind, spans, line=line, end_line=line, attrs=merged))

    def _spans(self, items: list[list[Any]]) -> list[Span]:
        items = _normalize_space(items)
        spans: list[Span] = []
        for item in items:
            tag = item[0]
            if tag == "run":
                if item[1]:
                    spans.append(self._text_span(item[1][0], item[2]))
            elif tag == "br":
                line, col = self.src.line_col(item[1]) if item[1] is not None else (0, 0)
                spans.append(Span(BREAK, "<br>", line, col, plain="\n"))
            elif tag == "code":
                line, col = self.src.line_col(item[2]) if item[2] is not None else (0, 0)
                spans.append(Span(CODE, item[1], line, col))
            else:
                markup = "<i>" if tag == EM else "<b>"
                spans.append(Span(tag, markup, 0, 0, plain=_PLAIN_TOGGLE[tag]))
        # A toggle sits where the text it marks starts (or, closing, where it ends).
        following: Span | None = None
        for span in reversed(spans):
            if span.kind == TEXT:
                following = span
            elif span.kind in (EM, STRONG) and following is not None:
                span.line, span.col = following.line, following.col
        previous: Span | None = None
        for span in spans:
            if span.kind == TEXT:
                previous = span
            elif span.kind in (EM, STRONG) and not span.line and previous is not None:
                span.line, span.col = previous.line, previous.col
        # Emphasis around nothing says nothing; "<i>two</i> <i>words</i>" is one emphasis.
        out: list[Span] = []
        is_open = {EM: False, STRONG: False}
        for span in spans:
            if span.kind in (EM, STRONG):
                if out and out[-1].kind == span.kind:
                    out.pop()
                    is_open[span.kind] = not is_open[span.kind]
                    continue
                if (
                    is_open[span.kind] is False
                    and len(out) >= 2
                    and out[-2].kind == span.kind
                    and out[-1].kind == TEXT
                    and out[-1].text.isspace()
                ):
                    del out[-2]  # reopening right after a space: keep the first one open
                    is_open[span.kind] = True
                    continue
                is_open[span.kind] = not is_open[span.kind]
            out.append(span)
        return out

    def _text_span(self, text: str, offsets: list[int]) -> Span:
        source = self.src.source
        start = offsets[0]
        end = max(offsets[-1], start) + 1
        line, col = self.src.line_col(start)
        orig = source[start:end]
        if orig == text:
            return Span(TEXT, text, line, col)
        pieces: list[tuple[int, int, bool]] = []
        previous = None
        for i, off in enumerate(offsets):
            if previous is None or off != previous + 1:
                pieces.append((i, max(off - start, 0), True))
            previous = off
        return Span(TEXT, text, line, col, orig=orig, omap=OffsetMap(pieces))


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


def _walk(builder: _Builder, root: Any, inside_section: bool) -> None:
    """Visit ``root``'s content in document order (iteratively: tag soup nests deep)."""
    # Each frame: the children still to visit, what to do on leaving, inside <article>...?
    stack: list[tuple[Any, tuple[Any, ...], bool]] = [
        (iter(root.iter(include_text=True)), (), inside_section)
    ]
    while stack:
        children, on_exit, inside = stack[-1]
        child = next(children, None)
        if child is None:
            stack.pop()
            if on_exit:
                _leave(builder, on_exit)
            continue
        tag = child.tag
        if tag is None:
            continue  # a processing instruction (``<?p>``): a bogus comment, no content
        if tag == "-text":
            builder.text(child.text(deep=False) or "")
            continue
        if tag in _DROP or tag.startswith("-"):
            continue
        if tag == "dl" and _words(child.attributes) & _META_LIST_WORDS:
            continue  # a work's tags and stats: metadata, not story
        if _hidden(child.attributes):
            continue
        if tag == "br":
            builder.line_break(builder.src.tag_offset("br"))
            continue
        if tag == "hr":
            builder.flush()
            offset = builder.src.tag_offset("hr")
            builder.add(SCENE_BREAK, [Span(RAW, "<hr>", *_lc(builder, offset), plain="")], offset)
            continue
        if tag in ("pre", "listing", "plaintext") and not _holds_blocks(child):
            builder.flush()
            offset = builder.src.tag_offset(tag)
            data = child.text(deep=True) or ""
            offsets = builder.src.locate(data) if data.strip() else []
            at = offsets[0] if offsets else offset
            builder.add(
                RAW_BLOCK, [Span(RAW, data.rstrip("\n"), *_lc(builder, at))], at, html="pre"
            )
            continue
        if tag in ("code", "kbd", "samp"):
            builder.code(child.text(deep=True) or "")
            continue
        if tag in ("sup", "sub"):
            data = child.text(deep=True) or ""
            table = _SUPERSCRIPT if tag == "sup" else _SUBSCRIPT
            if data.strip() and all(ord(c) in table for c in data.strip()):
                builder.text(data, table)  # x², H₂O, a note mark¹: not "x2", "note1"
                continue
        if tag == "a" and _BACKLINK.match(child.text(deep=True) or ""):
            continue  # a footnote's link back to its mark
        if tag == "a":
            builder.link_count += 1
            builder.in_link += 1
            on_leave: tuple[Any, ...] = ("a",)
        elif tag in _TOGGLES:
            builder.toggle(_TOGGLES[tag], True)
            on_leave = ("toggle", _TOGGLES[tag])
        elif tag == "font" and _font_heading(builder, child):
            builder.flush()
            ctx = dict(builder.context[-1])
            ctx["heading"] = _font_heading(builder, child)
            builder.context.append(ctx)
            on_leave = ("block",)
        elif tag not in _BLOCKS and not _chrome_inline(child.attributes):
            # inline: font, span, u, small, sup... styled italic or bold (Google Docs, Word)
            kinds = _styled(child.attributes, builder.class_styles)
            for kind in kinds:
                builder.toggle(kind, True)
            on_leave = ("styled", kinds) if kinds else ()
        else:
            builder.flush()
            builder.context.append(_block_context(builder, child, tag, inside))
            on_leave = ("block",)
            inside = (
                inside
                or tag in _SECTION_TAGS
                or child.attributes.get("role") in _SECTION_ROLES
                or bool(_words(child.attributes) & _ENTRY_WORDS and "chrome" not in builder.context[-1])
            )
        stack.append((iter(child.iter(include_text=True)), on_leave, inside))


_FONT_SIZE = regex.compile(r"^\s*([+-]?)\s*(\d)\s*$")


def _font_heading(builder: _Builder, node: Any) -> int:
    """Old pages' title: a short line of its own in ``<font size="+2">`` or larger.

    The rank (1-3) follows the size; 0 when the font is not a title: small, long,
    holding breaks or blocks, or inside a line of text.
    """
    m = _FONT_SIZE.match(node.attributes.get("size") or "")
    if not m or "heading" in builder.context[-1]:
        return 0
    sign, n = m.group(1), int(m.group(2))
    size = 3 + n if sign == "+" else (3 - n if sign == "-" else n)
    if size < 5:
        return 0
    text = " ".join((node.text(deep=True) or "").split())
    inner = [n for n in node.css("br, p, div, table, font[size]") if n.mem_id != node.mem_id]
    if not text or len(text) > 100 or inner:
        return 0
    # Alone on its line: nothing but breaks or white space before it in the block, and
    # a break, a block or nothing after it.
    for item in reversed(builder.items):
        if item[0] == "br":
            break
        if item[0] == "code" or (item[0] == "run" and "".join(item[1]).strip()):
            return 0
    sibling = node.next
    while sibling is not None and sibling.tag == "-text" and not (sibling.text() or "").strip():
        sibling = sibling.next
    if sibling is not None and sibling.tag not in _BLOCKS and sibling.tag not in ("br", "hr"):
        return 0
    return max(1, 8 - size)


def _holds_blocks(node: Any) -> bool:
    """A ``<pre>`` wrapping paragraphs (Wattpad) is a container, not preformatted text."""
    child = node.child
    while child is not None:
        if child.tag in ("p", "div"):
            return True
        child = child.next
    return False


def _leave(builder: _Builder, action: tuple[Any, ...]) -> None:
    if action[0] == "a":
        builder.in_link -= 1
    elif action[0] == "toggle":
        builder.toggle(action[1], False)
    elif action[0] == "styled":
        for kind in reversed(action[1]):
            builder.toggle(kind, False)
    else:
        builder.flush()
        builder.context.pop()


def _block_context(builder: _Builder, node: Any, tag: str, inside: bool) -> dict[str, Any]:
    """The attributes a block element gives the blocks inside it."""
    ctx = dict(builder.context[-1])
    attrs = node.attributes
    words = _words(attrs)
    reason = _chrome_reason(tag, attrs, words, inside)
    if builder.site == "ao3" and "message" in words:
        reason = "AO3 site message"
    if reason and "chrome" not in ctx:
        ctx["chrome"] = reason
    if "byline" in words and "chrome" not in ctx:
        ctx["role"] = "byline"
    if tag == "blockquote":
        builder.quotes += 1
        ctx["quote"] = builder.quotes  # which blockquote: its paragraphs stay together
    elif tag == "center" or (
        tag not in ("table", "tbody") and (attrs.get("align") or "").lower() == "center"
    ):  # a centred table is placed mid-page, its text is not centred
        ctx["align"] = "center"
    elif tag in _HEADINGS:
        ctx["heading"] = _HEADINGS[tag]
    elif tag in ("p", "div") and "chrome" not in ctx and "heading" not in ctx:
        classes = set((attrs.get("class") or "").lower().split())
        if classes & _TITLE_CLASSES:
            ctx["heading"], ctx["heading_by_class"], ctx["title_class"] = 1, True, True
        elif classes & _CHAPTER_CLASSES:
            ctx["heading"], ctx["heading_by_class"] = 2, True
    elif tag == "li":
        ctx["list"] = True
    return ctx


def _lc(builder: _Builder, offset: int | None) -> tuple[int, int]:
    return builder.src.line_col(offset) if offset is not None else (0, 0)


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
