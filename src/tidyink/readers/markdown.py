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
from tidyink.readers._markdown_source import (
    _TOGGLES,
    _autolink_texts,
    _code_tag_texts,
    _label_texts,
    _link_end,
    _markup_find,
)

_CONTAINERS = {"bullet_list_open", "ordered_list_open", "blockquote_open"}
_PLAIN_TOGGLE = {EM: "_", STRONG: ""}
_LINE_BREAK_TAG = compiled(r"<br\s*/?>", regex.IGNORECASE)


def _trailing_blank(text: str, begin: int, end: int) -> int | None:
    """Where ``(?:\\n[ \\t]*)+\\Z`` searched in ``text[begin:end]`` would start, found without the
    pattern (tried from every newline, it takes time that grows with the square of a
    run of blank lines followed by text): the first newline after the last character
    that is not a space, tab or newline."""
    core = begin + len(text[begin:end].rstrip(" \t\n"))
    found = text.find("\n", core, end)
    return found if found >= 0 else None


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
