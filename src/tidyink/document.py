"""The Document: blocks of inline spans, each remembering where it came from.

A reader turns decoded text into a :class:`Document`; filters edit it; writers
render it. Nothing here knows about files, filters or output formats.

Blocks hold a flat list of :class:`Span` objects. Only ``TEXT`` spans are prose
that filters may change; ``RAW`` spans (code, HTML, Markdown markup, link
targets) and ``CODE`` spans (inline code read from HTML) pass through
untouched; ``EM``/``STRONG`` spans are emphasis toggles.
Every span records its origin (line and column in the decoded input, and its
original text), and an :class:`OffsetMap` keeps positions exact while filters
edit it, so findings and changes point at the right place in the input file.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from tidyink.offsets import OffsetMap, first_edit
from tidyink.records import Edit

# Span kinds
TEXT = "text"
RAW = "raw"
CODE = "code"  # inline code from HTML (<code>, <kbd>, <samp>): protected like RAW
EM = "em"
STRONG = "strong"
BREAK = "break"
NOTE = "note"  # a footnote reference or label: text is its Markdown ("[^1]"), plain what text shows

# Block kinds
PARAGRAPH = "paragraph"
HEADING = "heading"
VERSE = "verse"
SCENE_BREAK = "scene_break"
RAW_BLOCK = "raw"  # protected: code, HTML, front matter, tables
CONTAINER = "container"  # Markdown lists and block quotes: prose inside, markup kept

PROSE_BLOCKS = frozenset({PARAGRAPH, HEADING, VERSE, CONTAINER})

# Placeholders in a block's prose view (see ``ProseView``)
MARK = "\ue000"  # an emphasis toggle: transparent for typography
OBJECT = "\ufffc"  # a protected inline object (code span, HTML, link target)
INDENT = " \t\u00a0\u3000"  # what counts as a line's indentation
# White space as the ``regex`` module's \s has it (Unicode White_Space), spelled out for the
# standard ``re`` module, whose \s is what str.isspace takes (also \x1c-\x1f)
WHITE_SPACE = "\t\n\x0b\x0c\r \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"


def indent_width(line: str) -> int:
    """Width of a line's leading white space (see :data:`INDENT`); a tab counts four."""
    lead = len(line) - len(line.lstrip(INDENT))
    return lead + 3 * line.count("\t", 0, lead) if lead else 0


def _newlines(text: str) -> list[int]:
    """Offsets of every newline in ``text``."""
    found: list[int] = []
    k = text.find("\n")
    while k >= 0:
        found.append(k)
        k = text.find("\n", k + 1)
    return found


@dataclass(slots=True)
class Span:
    """A run of inline content with its origin in the decoded input."""

    kind: str
    text: str
    line: int = 0  # 1-based line of the span's first character; 0 when unknown
    col: int = 0  # 0-based column (code points) of that character
    plain: str | None = None  # RAW/EM/STRONG: what plain-text output shows
    orig: str | None = None  # the text as read, once it has been edited
    omap: OffsetMap | None = None
    _nl: list[int] | None = field(default=None, repr=False)

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) in the input of ``offset`` in the current text."""
        if self.omap is not None:
            offset = self.omap.to_orig(offset)
        source = self.orig if self.orig is not None else self.text
        offset = max(0, min(offset, len(source)))
        if offset == 0:  # (the span's first line and column: its newlines not needed)
            return max(self.line, 1), self.col + 1
        if self._nl is None:
            self._nl = _newlines(source)
        n = bisect_right(self._nl, offset - 1)
        if n == 0:
            return max(self.line, 1), self.col + offset + 1
        return self.line + n, offset - self._nl[n - 1]

    def positions(self, offsets: Iterable[int]) -> list[tuple[int, int]]:
        """:meth:`position` of each offset (for a filter's many edits of one span)."""
        source = self.orig if self.orig is not None else self.text
        size = len(source)
        if self._nl is None:
            self._nl = _newlines(source)
        nl = self._nl
        line, col = self.line, self.col
        first = max(line, 1)
        omap = self.omap
        pieces = omap._pieces if omap is not None else None
        starts = omap._starts if omap is not None else None
        out: list[tuple[int, int]] = []
        append = out.append
        for offset in offsets:
            if pieces is not None:  # (OffsetMap.to_orig)
                i = bisect_right(starts, offset) - 1  # type: ignore[arg-type]
                start, origin, identity = pieces[i if i > 0 else 0]
                offset = origin + (offset - start) if identity else origin
            offset = 0 if offset < 0 else size if offset > size else offset
            n = bisect_right(nl, offset - 1)
            append((first, col + offset + 1) if n == 0 else (line + n, offset - nl[n - 1]))
        return out

    def edit(self, edits: list[tuple[int, int, str]]) -> None:
        """Apply sorted, non-overlapping ``(start, end, new)`` edits, keeping origins."""
        if not edits:
            return
        if self.orig is None:
            self.orig = self.text
            done = first_edit(self.text, edits)
            if done is not None:
                self.text, self.omap = done
                return
            self.omap = OffsetMap()
        parts: list[str] = []
        cur = 0
        for start, end, new in edits:
            parts.append(self.text[cur:start])
            parts.append(new)
            cur = end
        parts.append(self.text[cur:])
        self.text = "".join(parts)
        assert self.omap is not None
        self.omap.apply(edits)

    def sliced(self, start: int, end: int) -> Span:
        """A new span for ``text[start:end]`` that keeps exact origins."""
        line, col = self.position(start)
        piece = self.text[start:end]
        omap = self.omap
        if omap is None:
            return Span(self.kind, piece, line, col - 1, self.plain)
        # Keep the edited origin: map through the original text.
        identity = omap.is_identity()  # (edits that each put one character for one)
        o_start = start if identity else omap.to_orig(start)
        if end >= len(self.text):
            o_end = len(self.orig or "")
        else:
            o_end = end if identity else omap.to_orig(end)
        span = Span(self.kind, piece, line, col - 1, self.plain)
        original = (self.orig or "")[o_start:o_end]
        if original != piece:
            span.orig = original
            span.omap = OffsetMap() if identity else omap.shifted(start, o_start)
        return span

    @property
    def shown(self) -> str:
        """What plain-text output shows for this span."""
        return self.text if self.plain is None else self.plain


@dataclass(slots=True)
class Block:
    """A block of the document: paragraph, heading, verse, scene break, raw, container."""

    kind: str
    spans: list[Span]
    level: int = 0  # heading level
    line: int = 0  # first line in the input (1-based), 0 when made up
    end_line: int = 0
    sep: str | None = None  # exact text after the block as read; None: writer's default
    verbatim: bool = False  # spans concatenated are the source markup (Markdown input)
    attrs: dict[str, Any] = field(default_factory=dict)

    @property
    def text(self) -> str:
        """Plain text of the block (markup removed)."""
        spans = self.spans
        if len(spans) == 1:  # the usual case in plain text: spare the join
            span = spans[0]
            if span.kind == EM or span.kind == STRONG:
                return ""
            return span.text if span.plain is None else span.plain  # (Span.shown, read at once)
        return "".join(s.shown for s in self.spans if s.kind != EM and s.kind != STRONG)

    def prose(self) -> ProseView:
        return ProseView(self)


class ProseView:
    """A block's prose as one string, for filters and rules that work on text.

    Each ``TEXT`` span contributes its text; an ``EM``/``STRONG`` toggle
    contributes :data:`MARK`, a ``RAW`` span :data:`OBJECT`, a ``BREAK`` a newline.
    Offsets in the view map back to spans, so edits and positions stay exact.
    """

    __slots__ = ("block", "starts", "text")

    def __init__(self, block: Block) -> None:
        self.block = block
        spans = block.spans
        if len(spans) == 1 and spans[0].kind == TEXT:  # the usual case in plain text
            self.starts = [0]
            self.text = spans[0].text
            return
        parts: list[str] = []
        self.starts: list[int] = []
        pos = 0
        for span in block.spans:
            self.starts.append(pos)
            if span.kind == TEXT:
                piece = span.text
            elif span.kind in (EM, STRONG):
                piece = MARK
            elif span.kind == BREAK:
                piece = "\n"
            else:
                piece = OBJECT
            parts.append(piece)
            pos += len(piece)
        self.text = "".join(parts)

    def locate(self, offset: int) -> tuple[int, int]:
        """Span index and offset inside it for a view offset."""
        i = max(bisect_right(self.starts, offset) - 1, 0)
        return i, offset - self.starts[i]

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) in the input of a view offset."""
        if not self.block.spans:
            return max(self.block.line, 1), 1
        i, local = self.locate(offset)
        span = self.block.spans[i]
        if span.kind != TEXT:
            local = 0
        return span.position(local)

    def apply(self, edits: Iterable[Edit]) -> list[tuple[Edit, int, int]]:
        """Apply edits that lie inside single TEXT spans; return them with positions.

        Edits that overlap an earlier edit or cross a span boundary are dropped:
        protected content is never touched.
        """
        per_span: dict[int, list[tuple[int, int, str]]] = {}
        applied: list[tuple[Edit, int, int]] = []
        last_end = -1
        spans = self.block.spans
        for edit in sorted(edits, key=lambda e: (e.start, e.end)):
            if edit.start < last_end or edit.start > edit.end:
                continue
            i = self._owner(edit.start, edit.end)
            if i is None:
                continue
            local = edit.start - self.starts[i]
            if spans[i].text[local : local + edit.end - edit.start] == edit.new:
                continue
            line, col = spans[i].position(local)
            per_span.setdefault(i, []).append((local, edit.end - self.starts[i], edit.new))
            applied.append((edit, line, col))
            last_end = edit.end
        for i, span_edits in per_span.items():
            spans[i].edit(span_edits)
        if per_span:
            self.__init__(self.block)  # type: ignore[misc]
        return applied

    def _owner(self, start: int, end: int) -> int | None:
        """The TEXT span that fully contains ``[start, end)``, if any."""
        spans = self.block.spans
        i = max(bisect_right(self.starts, start) - 1, 0)
        # An insertion at a boundary belongs to the TEXT span that ends there.
        at_boundary = start == end and i > 0 and start == self.starts[i]
        if at_boundary and spans[i - 1].kind == TEXT and spans[i].kind != TEXT:
            i -= 1
        if spans[i].kind != TEXT:
            return None
        span_end = self.starts[i] + len(spans[i].text)
        return i if end <= span_end else None


@dataclass
class Document:
    """A decoded input as blocks; ``format`` is the input format it was read from."""

    blocks: list[Block]
    format: str = "text"
    lead: str = ""  # exact text before the first block
    meta: dict[str, Any] = field(default_factory=dict)

    def prose_blocks(self) -> Iterator[Block]:
        for block in self.blocks:
            if block.kind in PROSE_BLOCKS:
                yield block
