"""Where markdown-it-py's inline tokens sit in a block's source: markup (tags, code,
link targets and labels) is skipped whole when looking for the text a token reports."""

from __future__ import annotations

from typing import Any

import regex

from tidyink.document import EM, STRONG
from tidyink.lazy_regex import compiled

_TOGGLES = {"em_open": EM, "em_close": EM, "strong_open": STRONG, "strong_close": STRONG}

_CODE_TAG = compiled(
    r"<(?P<close>/)?(?P<name>code|kbd|samp|var|tt|pre|script|style|math)\b", regex.IGNORECASE
)
_TAG = compiled(  # inline HTML or an autolink, skipped whole when looking for brackets
    r"<(?:[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?|/[A-Za-z][A-Za-z0-9-]*\s*|!--.*?--"
    r"|[A-Za-z][\w+.-]{1,31}:[^\s<>]*|[^\s<>@]+@[^\s<>]+)>",
    regex.DOTALL,
)


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
