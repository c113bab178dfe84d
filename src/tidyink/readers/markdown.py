"""Markdown via markdown-it-py: prose becomes TEXT spans, everything else is kept.

Each top-level block keeps its exact source. Inside it, the text that
markdown-it-py reports as prose is located in the source and becomes TEXT
spans; markup (emphasis markers, link targets, code, HTML, list and quote
prefixes) becomes EM, BREAK or RAW spans written back byte for byte.
"""

from __future__ import annotations

from bisect import bisect_right
from functools import cache
from typing import Any

import regex

from tidyink.document import (
    BREAK,
    CONTAINER,
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
    Span,
)
from tidyink.lazy_regex import compiled

_CONTAINERS = {"bullet_list_open", "ordered_list_open", "blockquote_open"}
_TOGGLES = {"em_open": EM, "em_close": EM, "strong_open": STRONG, "strong_close": STRONG}
_PLAIN_TOGGLE = {EM: "_", STRONG: ""}
_LINE_BREAK_TAG = compiled(r"<br\s*/?>", regex.IGNORECASE)
_TRAILING_BLANK = compiled(r"(?:\n[ \t]*)+\Z")


def _trailing_blank(text: str, begin: int, end: int) -> int | None:
    """Where ``_TRAILING_BLANK.search(text, begin, end)`` would start, found without the
    pattern (tried from every newline, it takes time that grows with the square of a
    run of blank lines followed by text): the first newline after the last character
    that is not a space, tab or newline."""
    core = begin + len(text[begin:end].rstrip(" \t\n"))
    found = text.find("\n", core, end)
    return found if found >= 0 else None
_CODE_TAG = compiled(
    r"<(?P<close>/)?(?P<name>code|kbd|samp|var|tt|pre|script|style|math)\b", regex.IGNORECASE
)
_TAG = compiled(  # inline HTML or an autolink, skipped whole when looking for brackets
    r"<(?:[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?|/[A-Za-z][A-Za-z0-9-]*\s*|!--.*?--"
    r"|[A-Za-z][\w+.-]{1,31}:[^\s<>]*|[^\s<>@]+@[^\s<>]+)>",
    regex.DOTALL,
)
_BOUNDARY = None  # marks the gap between two inline tokens of one block
_LETTER = compiled(r"\p{L}")


@cache
def parser() -> Any:
    from markdown_it import MarkdownIt
    from mdit_py_plugins.front_matter import front_matter_plugin

    md = MarkdownIt("commonmark").enable(["table", "strikethrough"]).use(front_matter_plugin)
    md.disable("text_join")  # keep escapes and entities as their own tokens
    from tidyink.readers._markdown_links import install

    install(md)  # brackets without links cost no more than other text
    from tidyink.readers import _markdown_runs

    _markdown_runs.install(md)  # nor do long mixed runs of emphasis marks
    return md


def read(text: str) -> Document:
    env: dict[str, Any] = {}
    tokens = parser().parse(text, env)
    labels = frozenset(env.get("references", {}))
    starts = _line_starts(text)
    blocks: list[Block] = []
    lead = ""
    pos = 0
    i = 0
    while i < len(tokens):
        token = tokens[i]
        j = _group_end(tokens, i)
        if token.map is None:
            i = j + 1
            continue
        first, last = token.map
        begin = max(starts[first] if first < len(starts) else len(text), pos)
        end = starts[last] - 1 if last < len(starts) else len(text)
        end = max(end, begin)
        if token.type in _CONTAINERS:
            # a list's map runs over the blank lines after it: they separate blocks
            blank = _trailing_blank(text, begin, end)
            if blank is not None:
                last -= text.count("\n", blank, end)
                end = blank
        gap = text[pos:begin]
        if blocks:
            blocks[-1].sep = gap
        else:
            lead = gap
        source = text[begin:end]
        group = tokens[i : j + 1]
        blocks.append(_block(group, source, begin, starts, first + 1, last, labels))
        pos = end
        i = j + 1
    tail = text[pos:]
    if blocks:
        blocks[-1].sep = tail
    else:
        lead = tail
    return Document(blocks, format="markdown", lead=lead)


def _line_starts(text: str) -> list[int]:
    starts = [0]
    find = text.find
    k = find("\n")
    while k >= 0:
        starts.append(k + 1)
        k = find("\n", k + 1)
    return starts


def _group_end(tokens: list[Any], i: int) -> int:
    """Index of the token that closes the top-level block opened at ``i``."""
    if tokens[i].nesting != 1:
        return i
    depth = 0
    for j in range(i, len(tokens)):
        depth += tokens[j].nesting
        if depth == 0:
            return j
    return len(tokens) - 1


def _block(
    group: list[Any],
    source: str,
    base: int,
    starts: list[int],
    line: int,
    end_line: int,
    labels: frozenset[str] = frozenset(),
) -> Block:
    head = group[0]
    kind = RAW_BLOCK
    level = 0
    if head.type == "paragraph_open":
        kind = PARAGRAPH
    elif head.type == "heading_open":
        kind, level = HEADING, int(head.tag[1:])
    elif head.type in _CONTAINERS:
        kind = CONTAINER
    elif head.type == "hr":
        kind = SCENE_BREAK
    if kind in (RAW_BLOCK, SCENE_BREAK):
        spans = [Span(RAW, source, line, 0)]
    else:
        spans = _spans(group, source, base, starts, labels)
    return Block(kind, spans, level=level, line=line, end_line=end_line, verbatim=True)


def _spans(
    group: list[Any], source: str, base: int, starts: list[int], labels: frozenset[str]
) -> list[Span]:
    """Locate prose inside ``source``; the gaps become markup spans."""
    items: list[Any] = []
    for token in group:
        if token.type == "inline":
            items.append(_BOUNDARY)
            items.extend(token.children or [])
    items.append(_BOUNDARY)
    labelled = _label_texts(items, labels) | _code_tag_texts(items) | _autolink_texts(items)

    spans: list[Span] = []
    cur = 0
    floor = 0  # prose resumes after the target of the last link or image
    opened: list[int | None] = []  # where the link texts being read start
    between: list[Any] = []
    for item in items:
        if item is None or item.type != "text" or not item.content:
            between.append(item)
            if item is not None and item.markup != "autolink":
                if item.type == "link_open":
                    opened.append(_markup_find(source, "[", max(cur, floor)))
                elif item.type == "link_close" and opened:
                    floor = max(floor, _link_end(source, opened.pop()))
                elif item.type == "image":
                    at = _markup_find(source, "![", max(cur, floor))
                    floor = max(floor, _link_end(source, at + 1 if at is not None else None))
            continue
        idx = source.find(item.content, max(cur, floor))
        while idx >= 0 and not _plausible_gap(source[cur:idx], between):
            idx = source.find(item.content, idx + 1)  # that one was inside code or a tag
        if idx < 0:
            between.append(item)  # not found as written (escapes): leave it protected
            continue
        _gap_spans(source[cur:idx], between, base + cur, starts, spans)
        if id(item) in labelled:  # prose that is also a target or code: kept as written
            spans.append(_span(RAW, item.content, base + idx, starts, item.content))
        else:
            spans.append(_span(TEXT, item.content, base + idx, starts))
        cur = idx + len(item.content)
        between = []
    _gap_spans(source[cur:], between, base + cur, starts, spans)
    return spans


def _skip_markup(source: str, i: int) -> int:
    """The end of the escape, code span or tag starting at ``i`` (``i`` if none)."""
    ch = source[i]
    if ch == "\\":
        return i + 2
    if ch == "`":
        run = len(source) - len(source[i:].lstrip("`")) - i
        close = source.find(source[i : i + run], i + run)
        return close + run if close >= 0 else i + run
    if ch == "<":
        tag = _TAG.match(source, i)
        if tag:
            return tag.end()
    return i


def _markup_find(source: str, what: str, start: int) -> int | None:
    """Where ``what`` next starts as markup: not escaped, not inside code or a tag."""
    i = start
    while i < len(source):
        if source.startswith(what, i):
            return i
        j = _skip_markup(source, i)
        i = j if j > i else i + 1
    return None


def _link_end(source: str, open_at: int | None) -> int:
    """The end of the link whose text opens with the ``[`` at ``open_at``: after its
    ``(destination "title")``, its ``[label]`` or, for a shortcut, its ``]``."""
    if open_at is None:
        return 0
    depth = 0
    i = open_at
    close = -1
    while i < len(source):
        j = _skip_markup(source, i)
        if j > i:
            i = j
            continue
        if source[i] == "[":
            depth += 1
        elif source[i] == "]":
            depth -= 1
            if depth == 0:
                close = i
                break
        i += 1
    if close < 0:
        return 0
    after = close + 1
    if source.startswith("[", after):
        label = source.find("]", after)
        return label + 1 if label >= 0 else after
    if not source.startswith("(", after):
        return after
    from markdown_it.helpers import parseLinkDestination, parseLinkTitle

    i = _skip_space(source, after + 1)
    if source.startswith(")", i):
        return i + 1
    dest = parseLinkDestination(source, i, len(source))
    if not dest.ok:
        return after
    i = _skip_space(source, dest.pos)
    title = parseLinkTitle(source, i, len(source))
    if title.ok and title.pos > i:
        i = _skip_space(source, title.pos)
    return i + 1 if source.startswith(")", i) else after


def _skip_space(source: str, i: int) -> int:
    while i < len(source) and source[i] in " \t\n":
        i += 1
    return i


def _label_texts(items: list[Any], labels: frozenset[str]) -> set[int]:
    """Ids of the text tokens of links whose text is also a reference label.

    In a shortcut (``[the mill]``) or collapsed (``[the mill][]``) reference the
    link text is the label that finds the target: changing a quote in it would
    break the link, so it is kept as written.
    """
    if not labels:
        return set()
    out: set[int] = set()
    depth = 0
    inside: list[Any] = []
    for item in items:
        if item is None:
            continue
        if item.type == "link_open":
            depth += 1
            if depth == 1:
                inside = []
            continue
        if item.type == "link_close" and depth:
            depth -= 1
            if depth == 0 and _normal_label("".join(map(_source_form, inside))) in labels:
                out.update(id(t) for t in inside if t.type == "text")
            continue
        if depth:
            inside.append(item)
    return out


def _autolink_texts(items: list[Any]) -> set[int]:
    """Ids of the text tokens of autolinks (``<https://...>``): their text is the target."""
    out: set[int] = set()
    inside = False
    for item in items:
        if item is not None and item.type in ("link_open", "link_close"):
            inside = item.type == "link_open" and item.markup == "autolink"
        elif inside and item is not None and item.type == "text":
            out.add(id(item))
    return out


def _code_tag_texts(items: list[Any]) -> set[int]:
    """Ids of the text tokens inside inline HTML that holds code or keys
    (``<code>``, ``<kbd>``, ``<samp>``...): written as typed, like a code span."""
    out: set[int] = set()
    open_tags: list[str] = []
    for item in items:
        if item is None:
            open_tags = []  # inline HTML does not run across blocks
        elif item.type == "html_inline":
            tag = _CODE_TAG.match(item.content)
            if tag and tag["close"]:
                if tag["name"].lower() in open_tags:
                    open_tags.remove(tag["name"].lower())
            elif tag and not item.content.endswith("/>"):
                open_tags.append(tag["name"].lower())
        elif open_tags and item.type == "text":
            out.add(id(item))
    return out


def _source_form(token: Any) -> str:
    """The Markdown a token of a link text was most likely written as."""
    if token.type == "code_inline":
        return token.markup + token.content + token.markup
    if token.type in ("softbreak", "hardbreak"):
        return " "
    if token.type in ("text_special", *_TOGGLES):
        return token.markup
    return token.content or ""


def _normal_label(label: str) -> str:
    """A reference label as markdown-it-py stores it (case and spacing folded)."""
    return " ".join(label.split()).lower().upper()


def _plausible_gap(gap: str, between: list[Any]) -> bool:
    """Letters may only be skipped over when a token in between holds content, and
    the code spans and inline HTML in between must lie whole inside the gap."""
    flat = None
    for token in between:
        if token is not None and token.type in ("code_inline", "html_inline"):
            closed = token.type == "html_inline" or gap.count(token.markup) >= 2
            flat = gap.replace("\n", " ") if flat is None else flat
            if not closed or token.content.replace("\n", " ") not in flat:
                return False
    if _LETTER.search(gap) is None:
        return True
    carriers = {"code_inline", "html_inline", "link_close", "image", "text_special", "text"}
    return any(t is not None and t.type in carriers for t in between)


def _gap_spans(gap: str, between: list[Any], at: int, starts: list[int], out: list[Span]) -> None:
    """Split markup between two prose runs into toggle, break and raw spans."""
    if not gap:
        return
    pos = 0
    k = 0  # where the recognised markup stops
    for k, token in enumerate(between):  # noqa: B007
        if token is None or pos >= len(gap):
            break
        if token.type == "text" and not token.content:
            continue  # markdown-it-py leaves empty text between nested delimiters
        kind = _TOGGLES.get(token.type)
        if kind and gap.startswith(token.markup, pos):
            out.append(_span(kind, token.markup, at + pos, starts, _PLAIN_TOGGLE[kind]))
            pos += len(token.markup)
            continue
        if token.type == "text_special" and token.markup and gap.startswith(token.markup, pos):
            # an escape (\*) or an entity (&amp;): protected, shown as what it stands for
            out.append(_span(RAW, token.markup, at + pos, starts, token.content))
            pos += len(token.markup)
            continue
        if token.type in ("softbreak", "hardbreak"):
            n = _break_length(gap, pos)
            if n:
                out.append(_span(BREAK, gap[pos : pos + n], at + pos, starts, "\n"))
                pos += n
                continue
        break
    else:
        k = len(between)
    if pos < len(gap):
        rest = gap[pos:]
        plain = "".join(_plain(t) for t in (between if pos == 0 else between[k:]))
        out.append(_span(RAW, rest, at + pos, starts, plain))


def _break_length(gap: str, pos: int) -> int:
    """Length of a line break with its markup: trailing spaces or backslash, prefixes."""
    k = pos
    while k < len(gap) and gap[k] in " \t":
        k += 1
    if k < len(gap) and gap[k] == "\\":
        k += 1
    if k >= len(gap) or gap[k] != "\n":
        return 0
    k += 1
    while k < len(gap) and gap[k] in " \t>":
        k += 1
    return k - pos


def _plain(token: Any) -> str:
    if token is None:
        return ""
    if token.type in ("code_inline", "text_special", "text"):
        return token.content
    if token.type in ("softbreak", "hardbreak"):
        return "\n"
    if token.type in _TOGGLES:
        return _PLAIN_TOGGLE[_TOGGLES[token.type]]
    if token.type == "image":
        return token.content
    if token.type == "html_inline" and _LINE_BREAK_TAG.fullmatch(token.content):
        return "\n"
    return ""


def _span(kind: str, text: str, offset: int, starts: list[int], plain: str | None = None) -> Span:
    line = bisect_right(starts, offset)
    return Span(kind, text, line, offset - starts[line - 1], plain)
