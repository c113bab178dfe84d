"""The HTML reader's tree walk: which elements are read, dropped, or start a block.

:func:`_walk` visits a page's content in document order and feeds the
:class:`._html_builder._Builder`: text, emphasis (tags and CSS), breaks, scene
breaks, preformatted blocks, inline code, numeric super/subscripts. Dropped
elements (scripts, forms, hidden ones, footnote back links) are skipped; each
block element gives the blocks inside it their context: chrome, quote, centring,
heading rank (from ``<h1>``-``<h6>``, big ``<font>`` or title classes), list.
"""

from __future__ import annotations

from typing import Any

from tidyink.document import EM, RAW, RAW_BLOCK, SCENE_BREAK, STRONG, Span
from tidyink.lazy_regex import compiled
from tidyink.readers._html_builder import _Builder
from tidyink.readers._html_chrome import (
    _ENTRY_WORDS,
    _META_LIST_WORDS,
    _chrome_inline,
    _chrome_reason,
    _hidden,
    _styled,
    _words,
)

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
_BACKLINK = compiled(r"^\s*[\[(]?\s*[↩↑⤴⬆^]\ufe0e?\ufe0f?\s*[\])]?\s*$")
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

_SECTION_TAGS = frozenset({"article", "main", "section"})
_SECTION_ROLES = frozenset({"article", "main"})


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


_FONT_SIZE = compiled(r"^\s*([+-]?)\s*(\d)\s*$")


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
