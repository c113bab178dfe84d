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
    VERSE,
    Block,
    Document,
    OffsetMap,
    Span,
)
from tidyink.readers._html_source import SourceText

# --- charset -----------------------------------------------------------------

_META_CHARSET = regex.compile(
    rb"""<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([A-Za-z0-9_.:\-]+)""", regex.IGNORECASE
)
_XML_DECL = regex.compile(rb"""^<\?xml[^>]*\bencoding\s*=\s*["']([A-Za-z0-9_.:\-]+)""")
# WHATWG: these labels mean windows-1252; a UTF-16 label in a byte-oriented meta means UTF-8.
_LABEL_ALIASES = {
    "iso-8859-1": "cp1252",
    "iso8859-1": "cp1252",
    "latin1": "cp1252",
    "latin-1": "cp1252",
    "l1": "cp1252",
    "us-ascii": "cp1252",
    "ascii": "cp1252",
    "windows-1252": "cp1252",
    "x-user-defined": "cp1252",
    "utf-16": "utf-8",
    "utf-16le": "utf-8",
    "utf-16be": "utf-8",
    "unicode": "utf-8",
}


def declared_charset(data: bytes) -> str | None:
    """The Python codec named by ``<meta charset>``, ``http-equiv`` or the XML declaration."""
    import codecs

    head = data[:4096]
    m = _XML_DECL.match(head.lstrip()) or _META_CHARSET.search(head)
    if not m:
        return None
    label = m.group(1).decode("ascii", "replace").strip().lower()
    label = _LABEL_ALIASES.get(label, label)
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def decode(data: bytes, path: str | None = None) -> Any:
    """A Source decoded with the page's declared charset, or None to detect as usual.

    A BOM wins over the declaration; bytes that are valid UTF-8 with non-ASCII
    text are read as UTF-8 even when the page declares a single-byte charset
    (saved pages often keep a stale declaration); a declaration that does not
    decode the bytes is ignored.
    """
    from dataclasses import replace

    from tidyink.source import BOMS
    from tidyink.source import decode as decode_bytes

    if any(data.startswith(bom) for bom, _ in BOMS):
        return None
    charset = declared_charset(data)
    if charset is None:
        return None
    if charset != "utf-8" and not data.isascii():
        try:
            data.decode("utf-8")
        except UnicodeDecodeError:
            pass
        else:
            return None
    try:
        data.decode(charset)
    except (UnicodeDecodeError, LookupError):
        return None
    source = decode_bytes(data, encoding=charset, path=path)
    return replace(source, detected_by="meta", confidence=1.0 if charset == "utf-8" else 0.95)


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
_WS = regex.compile(r"[\t\n\r\f][ \t\n\r\f]*| [ \t\n\r\f]+")  # what is not already " "
_WORD_SPLIT = regex.compile(r"[\s_\-]+")

# Class and id words that name site chrome, and words that name the content.
_CHROME_WORDS = frozenset(
    {
        "nav", "navbar", "navigation", "menu", "menulink", "breadcrumb", "breadcrumbs", "sidebar",
        "footer", "header", "masthead", "banner", "comment", "comments", "review", "reviews",
        "share", "sharing", "social", "ad", "ads", "advert", "advertisement", "sponsor", "login",
        "signin", "search", "pagination", "pager", "toolbar", "related", "widget", "follow",
        "kudos", "bookmark", "bookmarks", "subscribe", "copyright", "feedback", "secondary",
        "calendar", "blogroll", "tagcloud", "archives", "datetime", "timestamp", "dateline",
    }
)  # fmt: skip
_CONTENT_WORDS = frozenset(
    {"story", "storytext", "chapter", "chapters", "content", "userstuff", "article", "entry",
     "post", "text", "main", "body", "prose", "work"}
)  # fmt: skip
_SECTION_TAGS = frozenset({"article", "main", "section"})
_SECTION_ROLES = frozenset({"article", "main"})
# Class/id words of a container holding one entry or story (its header is its title).
_ENTRY_WORDS = frozenset({"entry", "post", "story", "article", "chapter", "work", "hentry"})
# Chrome words that name the part of a page or of an entry.
_PART_WORDS = frozenset({"header", "footer", "masthead", "banner"})
# The last word of a compound class names what the element is: "story-stats" is stats.
_HEAD_CHROME = (_CHROME_WORDS | {"stats", "meta"}) - _PART_WORDS
# Classes of elements a browser does not show (screen-reader labels, hidden widgets).
_HIDDEN_CLASSES = frozenset(
    {"landmark", "sr-only", "screen-reader-text", "screen-reader-only", "visually-hidden",
     "visuallyhidden", "hidden", "d-none", "offscreen", "screenreader"}
)  # fmt: skip
_HIDDEN_STYLE = regex.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", regex.IGNORECASE)
# A definition list of these is the work's metadata (rating, tags, stats), not story.
_META_LIST_WORDS = frozenset({"tags", "meta", "stats"})
_NOTE_LABEL = regex.compile(
    r"^(?:chapter\s+)?(?:end\s+)?(?:notes?|summary|author'?s?\s+notes?)\s*:?$", regex.IGNORECASE
)


def _words(attrs: dict[str, str | None]) -> set[str]:
    """The words of an element's class and id (``chapter-text`` gives chapter, text)."""
    value = " ".join(v for k, v in attrs.items() if k in ("class", "id") and v)
    return {w for w in _WORD_SPLIT.split(value.lower()) if w} if value else set()


def _chrome_reason(
    tag: str, attrs: dict[str, str | None], words: set[str], inside_section: bool
) -> str | None:
    if tag in ("header", "footer", "aside") and not inside_section:
        return f"page <{tag}>"
    role = attrs.get("role")
    if role == "navigation" or (
        role in ("banner", "contentinfo", "complementary") and not inside_section
    ):
        return f"role={role}"
    for token in " ".join(v for k, v in attrs.items() if k in ("class", "id") and v).split():
        parts = [w for w in _WORD_SPLIT.split(token.lower()) if w]
        if len(parts) > 1 and parts[-1] in _HEAD_CHROME:
            return f"class/id {token}"  # "story-stats", "entry-meta", "chapter-nav"
    chrome = words & _CHROME_WORDS
    if inside_section and chrome <= _PART_WORDS:
        return None  # an entry's own header (its title) or footer
    if chrome and not words & _CONTENT_WORDS:
        return "class/id " + "/".join(sorted(chrome))
    return None


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


def _block(kind: str, spans: list[Span], attrs: dict[str, Any], level: int = 0) -> Block:
    lines = [s.line for s in spans if s.line and s.kind == TEXT] or [
        s.line for s in spans if s.line
    ]
    first = lines[0] if lines else 0
    tail = next((sp for sp in reversed(spans) if sp.line), None)
    last = (
        tail.line + (tail.orig if tail.orig is not None else tail.text).count("\n")
        if tail
        else first
    )
    return Block(kind, spans, level=level, line=first, end_line=max(last, first), attrs=attrs)


def _normalize_space(items: list[list[Any]]) -> list[list[Any]]:
    """Collapse HTML white space, trim it at block and line edges, keep it out of emphasis."""
    out: list[list[Any]] = []
    for item in items:
        if item[0] == "run":
            text = "".join(item[1])
            offsets = item[2]
            if not _WS.search(text):
                out.append(["run", text, offsets])
                continue
            chars: list[str] = []
            offs: list[int] = []
            pos = 0
            for m in _WS.finditer(text):
                chars.append(text[pos : m.start()])
                offs.extend(offsets[pos : m.start()])
                chars.append(" ")
                offs.append(offsets[m.start()])
                pos = m.end()
            chars.append(text[pos:])
            offs.extend(offsets[pos:])
            out.append(["run", "".join(chars), offs])
        else:
            out.append(list(item))
    # Move spaces out of emphasis: "<i>word </i>next" -> "<i>word</i> next".
    open_state = {EM: False, STRONG: False}
    moved: list[list[Any]] = []
    pending: list[Any] | None = None  # a space taken from the start of an emphasis
    for item in out:
        kind = item[0]
        if kind in open_state:
            opening = not open_state[kind]
            open_state[kind] = opening
            if not opening and moved and moved[-1][0] == "run" and moved[-1][1].endswith(" "):
                prev = moved[-1]
                moved[-1] = ["run", prev[1][:-1], prev[2][:-1]]
                moved.append(item)
                moved.append(["run", " ", prev[2][-1:]])
                continue
            moved.append(item)
            if opening:
                pending = item
            continue
        if kind == "run" and pending is not None and item[1].startswith(" "):
            moved.insert(len(moved) - 1, ["run", " ", item[2][:1]])
            item = ["run", item[1][1:], item[2][1:]]
        pending = None
        moved.append(item)
    # Merge neighbouring runs, then drop spaces at the edges of lines.
    merged: list[list[Any]] = []
    for item in moved:
        if item[0] == "run" and merged and merged[-1][0] == "run":
            a, b = merged[-1], item
            text, offs = a[1], a[2]
            btext, boffs = b[1], b[2]
            if text.endswith(" ") and btext.startswith(" "):
                btext, boffs = btext[1:], boffs[1:]
            merged[-1] = ["run", text + btext, list(offs) + list(boffs)]
        else:
            merged.append(item)
    # Which runs end their line (only toggles follow before a break or the end)?
    ends_line = [False] * len(merged)
    seen_text = False
    for i in range(len(merged) - 1, -1, -1):
        item = merged[i]
        if item[0] == "br":
            seen_text = False
        elif item[0] == "code":
            seen_text = True
        elif item[0] == "run":
            ends_line[i] = not seen_text
            if item[1].strip():
                seen_text = True
    at_line_start = True
    for i, item in enumerate(merged):
        if item[0] == "run":
            if at_line_start and item[1].startswith(" "):
                item[1], item[2] = item[1][1:], item[2][1:]
            if item[1]:
                at_line_start = False
                if ends_line[i] and item[1].endswith(" "):
                    item[1], item[2] = item[1][:-1], item[2][:-1]
        elif item[0] == "br":
            at_line_start = True
        elif item[0] == "code":
            at_line_start = False
    return [
        ["run", [item[1]], item[2]] if item[0] == "run" else item
        for item in merged
        if item[0] != "run" or item[1]
    ]


def _split_paragraphs(
    spans: list[Span], min_breaks: int = 2, gaps: list[int] | None = None
) -> list[list[Span]]:
    """Split at ``min_breaks`` line breaks in a row (old pages' paragraph separator).

    Emphasis open across a split is closed before it and reopened after it. With
    ``gaps``, appends for each chunk returned the blank lines the page shows before
    it beyond the usual separator: a spacer line (``<br><br>&nbsp;<br><br>``) or a
    run of twice as many breaks as usual.
    """
    chunks: list[list[Span]] = [[]]
    wide: list[int] = [0]  # per chunk: did a double-width run of breaks come before it?
    open_toggles: dict[str, Span] = {}
    i = 0
    n = len(spans)
    while i < n:
        span = spans[i]
        if span.kind == BREAK:
            j = i
            while j < n and spans[j].kind == BREAK:
                j += 1
            if j - i >= min_breaks and j < n:
                for toggle in open_toggles.values():
                    chunks[-1].append(_toggle_like(toggle))
                chunks.append([_toggle_like(t) for t in open_toggles.values()])
                wide.append(1 if j - i >= 2 * min_breaks and min_breaks > 1 else 0)
            elif j < n:
                chunks[-1].extend(spans[i:j])
            i = j
            continue
        if span.kind in (EM, STRONG):
            if span.kind in open_toggles:
                del open_toggles[span.kind]
            else:
                open_toggles[span.kind] = span
        chunks[-1].append(span)
        i += 1
    result = []
    pending = 0
    for chunk, gap in zip(chunks, wide, strict=True):
        while chunk and chunk[0].kind == BREAK:
            chunk.pop(0)
        pending += gap
        if any(s.kind == CODE or (s.kind == TEXT and s.text.strip()) for s in chunk):
            result.append(_drop_empty_toggles(chunk))
            if gaps is not None:
                gaps.append(pending if result[1:] else 0)
            pending = 0
        elif result and any(s.kind == TEXT and "\u00a0" in s.text for s in chunk):
            pending += 1  # a line of &nbsp; between paragraphs: a spacer
    return result


def _toggle_like(span: Span) -> Span:
    return Span(span.kind, span.text, span.line, span.col, plain=span.plain)


def _drop_empty_toggles(chunk: list[Span]) -> list[Span]:
    """Remove an opening toggle directly followed by its closing one."""
    out: list[Span] = []
    for span in chunk:
        if out and span.kind in (EM, STRONG) and out[-1].kind == span.kind:
            out.pop()
            continue
        out.append(span)
    return out


def _verse_or_paragraph(spans: list[Span]) -> str:
    """Lines broken by ``<br>``: verse when most are short, else paragraphs (one per line)."""
    lines: list[str] = [""]
    for span in spans:
        if span.kind == BREAK:
            lines.append("")
        elif span.kind == TEXT:
            lines[-1] += span.text
    if len(lines) < 2:
        return PARAGRAPH
    short = sum(1 for line in lines if len(line) <= 60)
    return VERSE if short >= 0.75 * len(lines) else PARAGRAPH


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


_ITALIC = regex.compile(r"(?:^|[;\s])font-style\s*:\s*(?:italic|oblique)", regex.IGNORECASE)
_BOLD = regex.compile(
    r"(?:^|[;\s])font-weight\s*:\s*(?:bold|bolder|[6-9]00)\b", regex.IGNORECASE
)
_CLASS_RULE = regex.compile(r"(?<=^|[}\s,])\.([A-Za-z_][\w-]*)\s*\{([^{}]*)\}")


def class_styles(css: str) -> dict[str, tuple[str, ...]]:
    """Classes a style sheet makes italic or bold by a plain ``.name { ... }`` rule."""
    out: dict[str, tuple[str, ...]] = {}
    for m in _CLASS_RULE.finditer(css):
        kinds = _style_kinds(m.group(2))
        if kinds:
            out[m.group(1)] = kinds
    return out


def _style_kinds(style: str) -> tuple[str, ...]:
    return tuple(k for k, rx in ((EM, _ITALIC), (STRONG, _BOLD)) if rx.search(style))


def _styled(attrs: dict[str, str | None], classes: dict[str, tuple[str, ...]]) -> tuple[str, ...]:
    """Emphasis an inline element gets from its ``style`` or its classes' rules."""
    kinds = set(_style_kinds(attrs.get("style") or ""))
    for name in (attrs.get("class") or "").split():
        kinds.update(classes.get(name, ()))
    return tuple(k for k in (EM, STRONG) if k in kinds)


def _chrome_inline(attrs: dict[str, str | None]) -> bool:
    """An inline element named as chrome (``<span class="datetime">``): read as a block."""
    words = _words(attrs)
    return bool(words & _CHROME_WORDS) and not words & _CONTENT_WORDS


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


def _hidden(attrs: dict[str, str | None]) -> bool:
    """Whether a browser hides the element (``hidden``, display:none, screen-reader only)."""
    if "hidden" in attrs:
        return True
    classes = (attrs.get("class") or "").lower().split()
    return bool(_HIDDEN_CLASSES.intersection(classes)) or bool(
        _HIDDEN_STYLE.search(attrs.get("style") or "")
    )


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


def _mark_notes(blocks: list[Block]) -> None:
    """A 'Notes' / 'Summary' label followed by quoted blocks: mark them as notes."""
    i = 0
    while i < len(blocks):
        block = blocks[i]
        label = block.text.strip()
        if (
            block.kind in (PARAGRAPH, HEADING)
            and not block.attrs.get("quote")
            and _NOTE_LABEL.match(label)
        ):
            role = "summary" if "summary" in label.lower() else "note"
            j = i + 1
            while j < len(blocks) and blocks[j].attrs.get("quote") and blocks[j].kind != HEADING:
                blocks[j].attrs["role"] = role
                j += 1
            if j > i + 1:
                block.attrs["role"] = role + "-label"
                if block.kind == HEADING:  # a label, not a chapter: "Notes:" over the note
                    block.kind, block.level = PARAGRAPH, 0
            i = j
            continue
        i += 1


_CHAPTER_LABEL = regex.compile(
    r"^(?:(?:chapter|part|book|volume|act|episode|section|prologue|epilogue)"
    r"(?:\s+(?:\d+|[ivxlcdm]+|[a-z]+(?:[- ][a-z]+)?))?|\d+|[IVXLCDM]+"
    r"|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
    r"(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?"
    r"|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
    r"|(?:thir|four|fif|six|seven|eigh|nine)teen)[.:]?$",
    regex.IGNORECASE,
)


def _join_label_headings(blocks: list[Block]) -> list[Block]:
    """A bare label heading ("Chapter 1") right before its title heading: one heading.

    The title becomes the label's second line (the writer joins them as
    "Chapter 1: The Gull"). A label followed by another label ("Part One",
    "Chapter 1") stays two headings.
    """
    out: list[Block] = []
    for block in blocks:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.kind == HEADING
            and block.kind == HEADING
            and block.level >= prev.level
            and not prev.attrs.get("joined")
            and _CHAPTER_LABEL.match(prev.text.strip())
            and not _CHAPTER_LABEL.match(block.text.strip())
            and len(block.text) <= 120
            and not block.attrs.get("chrome")
            and not prev.attrs.get("chrome")
        ):
            brk = Span(BREAK, "<br>", block.line, 0, plain="\n")
            prev.spans = [*prev.spans, brk, *block.spans]
            prev.end_line = max(prev.end_line, block.end_line)
            prev.attrs["joined"] = True
            continue
        out.append(block)
    return out


def _layout_quotes(blocks: list[Block]) -> None:
    """A blockquote around most of the story only indents the page: no quotation."""
    prose = [b for b in blocks if b.kind in (PARAGRAPH, VERSE)]
    total = sum(len(b.text) for b in prose)
    by_quote: dict[int, list[Block]] = {}
    for block in prose:
        if block.attrs.get("quote") and not block.attrs.get("role"):
            by_quote.setdefault(block.attrs["quote"], []).append(block)
    for members in by_quote.values():
        if len(members) >= 5 and sum(len(b.text) for b in members) > 0.5 * total:
            for block in members:
                block.attrs["quote_layout"] = block.attrs.pop("quote")


def _bylines(blocks: list[Block], meta: dict[str, Any]) -> None:
    """A byline set as a heading is a line under the title, not a chapter."""
    for block in blocks:
        if block.kind == HEADING and block.attrs.get("role") == "byline":
            block.kind, block.level = PARAGRAPH, 0
            meta.setdefault("author", block.text.strip().removeprefix("by ").strip())


def _headings(blocks: list[Block], meta: dict[str, Any]) -> list[Block]:
    """HTML heading ranks to document levels: the title 1, chapters the default, deeper +1."""
    heads = [b for b in blocks if b.kind == HEADING and not b.attrs.get("chrome")]
    levels = sorted({b.level for b in heads})
    title = meta.get("title")
    title_level = None
    if heads and not title and heads[0].attrs.get("title_class"):
        title = meta["title"] = heads[0].text.strip()  # <p class="title">
    if heads and not title and len(levels) > 1:
        # One heading of the top rank, before every other heading: the title.
        top = [b for b in heads if b.level == levels[0]]
        if len(top) == 1 and top[0] is heads[0]:
            title = meta["title"] = heads[0].text.strip()
    for b in heads[:1]:
        if title and b.text.strip() == title:
            title_level = b.level
    chapter_levels = [lv for lv in levels if lv != title_level]
    for b in heads:
        if b.level == title_level and b.text.strip() == title:
            b.level = 1
            b.attrs["role"] = "title"
        elif chapter_levels and b.level == chapter_levels[0]:
            b.level = 0  # the writer's chapter level
        else:
            rank = chapter_levels.index(b.level) if b.level in chapter_levels else 1
            b.level = min(2 + rank, 6)
    return blocks


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
    _layout_quotes(blocks)
    _bylines(blocks, meta)
    blocks = _join_label_headings(blocks)
    blocks = _headings(blocks, meta)
    return Document(blocks, format="html", meta=meta)


_NUMBERED = regex.compile(r"^(\d+)\.\s*(.*)$")


def _ffn_headings(blocks: list[Block], meta: dict[str, Any], src: SourceText) -> list[Block]:
    """fanfiction.net keeps titles outside the story text: make them headings.

    Each made heading points at the first place its words appear in the page.
    """
    made: list[Block] = []

    def heading(text: str, found: str, level: int, role: str) -> Block:
        i = src.text.find(found)
        line, col = src.line_col(src.offsets(i, i + 1)[0]) if i >= 0 else (0, 0)
        span = Span(TEXT, text, line, col)
        return Block(HEADING, [span], level=level, line=line, end_line=line, attrs={"role": role})

    if meta.get("title"):
        made.append(heading(meta["title"], meta["title"], 1, "title"))
    chapter = meta.get("chapter")
    if chapter:
        m = _NUMBERED.match(chapter)
        title = chapter
        if m:
            rest = m.group(2)
            title = rest if regex.match(r"(?i)chapter\b", rest) else f"Chapter {m.group(1)}: {rest}"
        made.append(heading(title, chapter, 0, "chapter"))
    for b in made:
        b.attrs["made"] = True
    return made + blocks


__all__ = ["declared_charset", "decode", "read"]
