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
from functools import cache

import regex

from tidyink.lazy_regex import compiled

# Markup that is not character data: comments, CDATA, doctype/processing
# instructions, and start/end tags (attribute values may hold ">").
_MARKUP = compiled(
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
# Markup, or a character reference in the grammar of the standard library's html.unescape.
_TOKEN = compiled(
    _MARKUP.pattern + r"|&(?:#[0-9]+;?|#[xX][0-9a-fA-F]+;?|[^\t\n\f <&#;]{1,32};?)",
    regex.DOTALL,
)


class SourceText:
    """Decoded character data of an HTML source, mapped back to source offsets.

    The map is a list of segments: a run of literal text (identity) or one
    character reference (every decoded character maps to the ``&``).
    """

    def __init__(self, source: str) -> None:
        self.source = source
        self.line_starts = [0] + [m.end() for m in regex.finditer(r"\n", source)]
        parts: list[str] = []
        seg_d: list[int] = []  # segment start in the decoded text
        seg_s: list[int] = []  # segment start in the source
        seg_lit: list[bool] = []  # literal text (identity) or a character reference
        self.tags: list[tuple[str, int]] = []  # start tags in source order: (name, offset)
        pos = d = 0
        n = len(source)
        search = _TOKEN.search
        while pos < n:
            m = search(source, pos)
            stop = m.start() if m else n
            if stop > pos:
                parts.append(source[pos:stop])
                seg_d.append(d)
                seg_s.append(pos)
                seg_lit.append(True)
                d += stop - pos
            if m is None:
                break
            pos = m.end()
            if source[stop] == "&":
                decoded = html.unescape(m.group())
                parts.append(decoded)
                seg_d.append(d)
                seg_s.append(stop)
                seg_lit.append(decoded == m.group())
                d += len(decoded)
                continue
            name = m.group("name")
            if name and source[stop + 1] != "/":
                lname = name.lower()
                self.tags.append((lname, stop))
                if lname in _RAW_TEXT:
                    close = _closer(lname).search(source, pos)
                    pos = close.start() if close else n
        self.text = "".join(parts)
        self._seg_d, self._seg_s, self._seg_lit = seg_d, seg_s, seg_lit
        self._cursor = 0
        self._text_end = 0  # source offset just after the last text node located
        self._by_name: dict[str, list[int]] = {}
        for name, offset in self.tags:
            self._by_name.setdefault(name, []).append(offset)
        self._last_tag: dict[str, int] = {}

    def offsets(self, start: int, end: int) -> list[int]:
        """Source offsets of decoded characters ``start`` to ``end``."""
        out: list[int] = []
        seg_d, seg_s, seg_lit = self._seg_d, self._seg_s, self._seg_lit
        k = max(bisect_right(seg_d, start) - 1, 0)
        pos = start
        while pos < end and k < len(seg_d):
            seg_end = seg_d[k + 1] if k + 1 < len(seg_d) else len(self.text)
            stop = min(end, seg_end)
            if stop > pos:
                if seg_lit[k]:
                    base = seg_s[k] - seg_d[k]
                    out.extend(range(pos + base, stop + base))
                else:
                    out.extend([seg_s[k]] * (stop - pos))
                pos = stop
            k += 1
        return out

    def _here(self) -> int:
        found = self.offsets(self._cursor, self._cursor + 1)
        return found[0] if found else len(self.source)

    def locate(self, data: str) -> list[int]:
        """Source offsets of each character of a text node, found after the last one."""
        if not data.strip():
            return [self._here()] * len(data)
        i = self.text.find(data, self._cursor)
        if i < 0:
            i = self.text.find(data)  # reordered by the tree builder (foster parenting)
            if i < 0:
                at = self._here()
                return [min(at + k, len(self.source)) for k in range(len(data))]
            return self.offsets(i, i + len(data))
        self._cursor = i + len(data)
        found = self.offsets(i, i + len(data))
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


@cache
def _closer(name: str) -> regex.Pattern[str]:
    return regex.compile(rf"</{name}(?=[\s/>])", regex.IGNORECASE)
