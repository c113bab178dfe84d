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

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

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


def indent_width(line: str) -> int:
    """Width of a line's leading white space (see :data:`INDENT`); a tab counts four."""
    lead = len(line) - len(line.lstrip(INDENT))
    return lead + 3 * line.count("\t", 0, lead) if lead else 0


class OffsetMap:
    """Piecewise map from offsets in edited text back to offsets in the original.

    Pieces are ``(start, origin, identity)``: from ``start`` up to the next piece,
    an identity piece maps ``start + k`` to ``origin + k``; a replaced piece maps
    every offset to ``origin`` (the start of the text it replaced).
    """

    __slots__ = ("_pieces", "_starts")

    def __init__(self, pieces: list[tuple[int, int, bool]] | None = None) -> None:
        if not pieces:  # the identity map (a span's first edit): nothing to merge
            self._pieces = [(0, 0, True)]
            self._starts = [0]
            return
        self._pieces = _merge(pieces)
        self._starts = [p[0] for p in self._pieces]

    def to_orig(self, offset: int) -> int:
        i = max(bisect_right(self._starts, offset) - 1, 0)
        start, origin, identity = self._pieces[i]
        return origin + (offset - start) if identity else origin

    def apply(self, edits: list[tuple[int, int, str]]) -> None:
        """Compose with sorted, non-overlapping edits given in current offsets."""
        pieces = self._pieces
        new = _apply_one(pieces[0], edits) if len(pieces) == 1 else _apply_many(pieces, self._starts, edits)
        if new[0][0] != 0:
            new.insert(0, (0, 0, True))
        self._pieces = new
        self._starts = [p[0] for p in new]

    def shifted(self, cur: int, orig: int) -> OffsetMap:
        """The map for a slice that starts at ``cur`` (current) / ``orig`` (original)."""
        out: list[tuple[int, int, bool]] = []
        for start, origin, identity in self._pieces:
            if start < cur:
                origin = origin + (cur - start) if identity else origin
                start = cur
            out.append((start - cur, max(origin - orig, 0), identity))
        return OffsetMap(out)


Piece = tuple[int, int, bool]


def _apply_one(piece: Piece, edits: list[tuple[int, int, str]]) -> list[Piece]:
    """:meth:`OffsetMap.apply` on a one-piece map (a span's first edit): origins are direct."""
    _, base, same = piece
    new: list[Piece] = []
    append = new.append
    shift = 0  # new offset minus current offset
    cur = 0
    for start, end, text in edits:
        if start > cur:
            append((cur + shift, base + cur if same else base, same))
        if text:  # a replaced piece maps to the origin of ``start``
            append((start + shift, base + start if same else base, False))
        shift += len(text) - (end - start)
        cur = end
    append((cur + shift, base + cur if same else base, same))
    return _merge(new)


def _apply_many(pieces: list[Piece], starts: list[int], edits: list[tuple[int, int, str]]) -> list[Piece]:
    """:meth:`OffsetMap.apply` in general: untouched runs of pieces are copied, shifted."""
    new: list[Piece] = []
    shift = 0
    cur = 0
    for start, end, text in edits:
        if start > cur:
            _copy(new, pieces, starts, cur, bisect_left(starts, start), shift)
        if text:
            p_start, origin, identity = pieces[bisect_right(starts, start) - 1]
            _add(new, (start + shift, origin + (start - p_start) if identity else origin, False))
        shift += len(text) - (end - start)
        cur = end
    _copy(new, pieces, starts, cur, len(pieces), shift)
    return new


def _add(out: list[tuple[int, int, bool]], piece: tuple[int, int, bool]) -> None:
    """Append ``piece`` as :func:`_merge` would: same start replaces, continuity merges."""
    if out:
        start, origin, identity = out[-1]
        if piece[0] == start:
            out[-1] = piece
            return
        if identity and piece[2] and piece[1] - origin == piece[0] - start:
            return
    out.append(piece)


def _copy(
    out: list[tuple[int, int, bool]],
    pieces: list[tuple[int, int, bool]],
    starts: list[int],
    lo: int,
    hi: int,
    shift: int,
) -> None:
    """Append the (merged) pieces covering current offsets ``lo`` up to piece ``hi``, shifted.

    The first piece is cut at ``lo``; the others are copied as they are (moved by
    ``shift``): they were merged already, so only the first one can merge with ``out``.
    """
    j = bisect_right(starts, lo) - 1
    p_start, origin, identity = pieces[j]
    if p_start < lo:
        origin = origin + (lo - p_start) if identity else origin
    _add(out, (lo + shift, origin, identity))
    if j + 1 < hi:
        if shift:
            out.extend([(s + shift, o, i) for s, o, i in pieces[j + 1 : hi]])
        else:
            out.extend(pieces[j + 1 : hi])


def _merge(pieces: list[tuple[int, int, bool]]) -> list[tuple[int, int, bool]]:
    out: list[tuple[int, int, bool]] = []
    for piece in pieces:
        if out:
            start, origin, identity = out[-1]
            if piece[0] == start:
                out[-1] = piece
                continue
            if identity and piece[2] and piece[1] - origin == piece[0] - start:
                continue
        out.append(piece)
    if not out or out[0][0] != 0:
        out.insert(0, (0, 0, True))
    return out


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
        if self._nl is None:
            self._nl = _newlines(source)
        n = bisect_right(self._nl, offset - 1)
        if n == 0:
            return max(self.line, 1), self.col + offset + 1
        return self.line + n, offset - self._nl[n - 1]

    def edit(self, edits: list[tuple[int, int, str]]) -> None:
        """Apply sorted, non-overlapping ``(start, end, new)`` edits, keeping origins."""
        if not edits:
            return
        if self.orig is None:
            self.orig = self.text
            if _first_edit(self, edits):
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
        if self.omap is None:
            return Span(self.kind, piece, line, col - 1, self.plain)
        # Keep the edited origin: map through the original text.
        o_start = self.omap.to_orig(start)
        o_end = self.omap.to_orig(end) if end < len(self.text) else len(self.orig or "")
        span = Span(self.kind, piece, line, col - 1, self.plain)
        original = (self.orig or "")[o_start:o_end]
        if original != piece:
            span.orig = original
            span.omap = self.omap.shifted(start, o_start)
        return span

    @property
    def shown(self) -> str:
        """What plain-text output shows for this span."""
        return self.text if self.plain is None else self.plain


def _first_edit(span: Span, edits: list[tuple[int, int, str]]) -> bool:
    """:meth:`Span.edit` on a span not edited before, text and map made in one pass.

    From the identity map, :func:`_apply_one` gives pieces that need no merging
    when every edit runs forwards, after the one before it, and changes something:
    each piece but the last then has a length, so starts strictly grow. Other edits
    are left to the general way (False).
    """
    text = span.text
    parts: list[str] = []
    pieces: list[Piece] = []
    starts: list[int] = []
    shift = 0  # new offset minus current offset
    cur = 0
    for start, end, new in edits:
        if start < cur or end < start or (start == end and not new):
            return False
        if start > cur:
            parts.append(text[cur:start])
            pieces.append((cur + shift, cur, True))
            starts.append(cur + shift)
        if new:
            parts.append(new)
            pieces.append((start + shift, start, False))
            starts.append(start + shift)
        shift += len(new) - (end - start)
        cur = end
    parts.append(text[cur:])
    pieces.append((cur + shift, cur, True))
    starts.append(cur + shift)
    omap = OffsetMap.__new__(OffsetMap)
    omap._pieces = pieces
    omap._starts = starts
    span.omap = omap
    span.text = "".join(parts)
    return True


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
            return "" if span.kind == EM or span.kind == STRONG else span.shown
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
