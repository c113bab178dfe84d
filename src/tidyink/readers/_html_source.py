"""Where HTML text came from: entity-decoded character data mapped to source offsets.

The tree parser (lexbor) gives text nodes but no positions. This light lexer
walks the source once, skipping markup, comments and raw-text elements, and
decodes character references exactly as the HTML5 rules do (``html.unescape``),
remembering for every decoded character the source offset it came from. Text
nodes of the tree are then found in this stream in document order.
"""

from __future__ import annotations

import html
from bisect import bisect_left, bisect_right

import regex

# Markup that is not character data: comments, CDATA, doctype/processing
# instructions, and start/end tags (attribute values may hold ">").
_MARKUP = regex.compile(
    r"<!--.*?(?:-->|\Z)"
    r"|<!\[CDATA\[.*?(?:\]\]>|\Z)"
    r"|<[!?][^>]*>?"
    r"|</?(?P<name>[A-Za-z][^\s/>]*)(?:[^>\"']|\"[^\"]*\"|'[^']*')*>?",
    regex.DOTALL,
)
# Elements whose content is not markup (their text never reaches a text node we read).
_RAW_TEXT = frozenset(
    {"script", "style", "xmp", "iframe", "noembed", "noframes", "textarea", "title"}
)
# The character-reference grammar of the standard library's html.unescape.
_CHARREF = regex.compile(r"&(#[0-9]+;?|#[xX][0-9a-fA-F]+;?|[^\t\n\f <&#;]{1,32};?)")


class SourceText:
    """Decoded character data of an HTML source, with a source offset per character."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.line_starts = [0] + [m.end() for m in regex.finditer(r"\n", source)]
        parts: list[str] = []
        offsets: list[int] = []
        self.tags: list[tuple[str, int]] = []  # start tags in source order: (name, offset)
        pos = 0
        n = len(source)
        while pos < n:
            m = _MARKUP.search(source, pos)
            stop = m.start() if m else n
            if stop > pos:
                _decode_into(source, pos, stop, parts, offsets)
            if m is None:
                break
            pos = m.end()
            name = m.group("name")
            if name and not m.group().startswith("</"):
                lname = name.lower()
                self.tags.append((lname, m.start()))
                if lname in _RAW_TEXT:
                    close = regex.compile(rf"</{lname}(?=[\s/>])", regex.IGNORECASE).search(
                        source, pos
                    )
                    pos = close.start() if close else n
        self.text = "".join(parts)
        self.offsets = offsets
        self._cursor = 0
        self._text_end = 0  # source offset just after the last text node located
        self._by_name: dict[str, list[int]] = {}
        for name, offset in self.tags:
            self._by_name.setdefault(name, []).append(offset)
        self._last_tag: dict[str, int] = {}

    def locate(self, data: str) -> list[int]:
        """Source offsets of each character of a text node, found after the last one."""
        if not data.strip():
            at = (
                self.offsets[self._cursor] if self._cursor < len(self.offsets) else len(self.source)
            )
            return [at] * len(data)
        i = self.text.find(data, self._cursor)
        if i < 0:
            i = self.text.find(data)  # reordered by the tree builder (foster parenting)
            if i < 0:
                at = self.offsets[self._cursor] if self._cursor < len(self.offsets) else 0
                return [min(at + k, len(self.source)) for k in range(len(data))]
            return self.offsets[i : i + len(data)]
        self._cursor = i + len(data)
        found = self.offsets[i : i + len(data)]
        self._text_end = found[-1] + 1
        return found

    def tag_offset(self, name: str) -> int | None:
        """Source offset of the start tag ``name`` that follows the text read so far."""
        offsets = self._by_name.get(name)
        if not offsets:
            return None
        after = max(self._text_end, self._last_tag.get(name, -1) + 1)
        k = bisect_left(offsets, after)
        if k == len(offsets):
            return None
        self._last_tag[name] = offsets[k]
        return offsets[k]

    def line_col(self, offset: int) -> tuple[int, int]:
        """1-based line and 0-based column of a source offset."""
        i = bisect_right(self.line_starts, offset) - 1
        return i + 1, offset - self.line_starts[i]


def _decode_into(source: str, start: int, stop: int, parts: list[str], offsets: list[int]) -> None:
    pos = start
    for m in _CHARREF.finditer(source, start, stop):
        if m.start() > pos:
            parts.append(source[pos : m.start()])
            offsets.extend(range(pos, m.start()))
        decoded = html.unescape(m.group())
        parts.append(decoded)
        offsets.extend([m.start()] * len(decoded))
        pos = m.end()
    if stop > pos:
        parts.append(source[pos:stop])
        offsets.extend(range(pos, stop))
