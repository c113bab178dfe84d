"""Offset maps: where each offset of an edited text came from in the original.

A :class:`OffsetMap` is composed with each round of edits a filter makes, so that
changes and findings keep pointing at the right place in the input file.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right


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

    def is_identity(self) -> bool:
        """Whether the map sends every offset to itself (one identity piece from 0): it
        shifts and slices to itself."""
        return len(self._pieces) == 1 and self._pieces[0] == (0, 0, True)

    def to_orig(self, offset: int) -> int:
        i = max(bisect_right(self._starts, offset) - 1, 0)
        start, origin, identity = self._pieces[i]
        return origin + (offset - start) if identity else origin

    def apply(self, edits: list[tuple[int, int, str]]) -> None:
        """Compose with sorted, non-overlapping edits given in current offsets."""
        if _in_place(edits):
            return  # (the composed map would send every offset where this one does)
        pieces = self._pieces
        new = _apply_one(pieces[0], edits) if len(pieces) == 1 else _apply_many(pieces, self._starts, edits)
        if new[0][0] != 0:
            new.insert(0, (0, 0, True))
        self._pieces = new
        self._starts = [p[0] for p in new]

    def shifted(self, cur: int, orig: int) -> OffsetMap:
        """The map for a slice that starts at ``cur`` (current) / ``orig`` (original).

        (Each piece moved, then merged as :func:`_merge` merges, in one loop; the pieces
        before the one holding ``cur`` all move to 0, where the last of them replaces them.)
        """
        pieces = self._pieces
        out: list[tuple[int, int, bool]] = []
        append = out.append
        last_start = last_origin = -1
        last_identity = False
        for start, origin, identity in pieces[max(bisect_left(self._starts, cur) - 1, 0) :]:
            if start < cur:
                origin = origin + (cur - start) if identity else origin
                start = cur
            start -= cur
            origin = origin - orig if origin > orig else 0
            if start == last_start:  # (_add: one at the same start replaces the last)
                out[-1] = (start, origin, identity)
            elif last_identity and identity and origin - last_origin == start - last_start:
                continue  # (_add: one that continues the last is dropped)
            else:
                append((start, origin, identity))
            last_start, last_origin, last_identity = start, origin, identity
        if out[0][0] != 0:
            out.insert(0, (0, 0, True))
        return OffsetMap.of(out, [p[0] for p in out])

    @classmethod
    def of(cls, pieces: list[Piece], starts: list[int]) -> OffsetMap:
        """The map of ``pieces`` as they are (already merged) and their ``starts``."""
        omap = cls.__new__(cls)
        omap._pieces = pieces
        omap._starts = starts
        return omap


Piece = tuple[int, int, bool]


def _in_place(edits: list[tuple[int, int, str]]) -> bool:
    """Whether every edit puts one character for one (a straight quote made curly, a line
    break made a space): composed with such edits, a map sends each offset where it sent
    it before (a replaced piece one character long maps its one offset as the piece it
    was cut from did), so it is left as it is."""
    return all(end - start == 1 and len(new) == 1 for start, end, new in edits)


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
    """:meth:`OffsetMap.apply` in general: untouched runs of pieces are copied, shifted.

    (:func:`_copy` and :func:`_add` written out in the loop: this runs for every
    edited span of every filter.)
    """
    new: list[Piece] = []
    append = new.append
    shift = 0
    cur = 0
    for start, end, text in edits:
        if start > cur:  # _copy(new, pieces, starts, cur, bisect_left(starts, start), shift)
            hi = bisect_left(starts, start)
            j = bisect_right(starts, cur) - 1
            p_start, origin, identity = pieces[j]
            if p_start < cur and identity:
                origin += cur - p_start
            lo = cur + shift
            if new:  # _add(new, (lo, origin, identity))
                l_start, l_origin, l_identity = new[-1]
                if lo == l_start:
                    new[-1] = (lo, origin, identity)
                elif not (l_identity and identity and origin - l_origin == lo - l_start):
                    append((lo, origin, identity))
            else:
                append((lo, origin, identity))
            if j + 1 < hi:
                if shift:
                    new.extend([(s + shift, o, i) for s, o, i in pieces[j + 1 : hi]])
                else:
                    new.extend(pieces[j + 1 : hi])
        if text:
            p_start, origin, identity = pieces[bisect_right(starts, start) - 1]
            piece = (start + shift, origin + (start - p_start) if identity else origin, False)
            if new and new[-1][0] == piece[0]:  # _add: a replaced piece never continues one
                new[-1] = piece
            else:
                append(piece)
        shift += len(text) - (end - start)
        cur = end
    _copy(new, pieces, starts, cur, len(pieces), shift)
    return new


def _add(out: list[tuple[int, int, bool]], piece: tuple[int, int, bool]) -> None:
    """Append ``piece`` to merged pieces: one at the same start replaces the last, one that
    continues it (both identity, same shift) is dropped."""
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
        _add(out, piece)
    if not out or out[0][0] != 0:
        out.insert(0, (0, 0, True))
    return out


def first_edit(text: str, edits: list[tuple[int, int, str]]) -> tuple[str, OffsetMap] | None:
    """``text`` with ``edits`` made, and its map, for text not edited before (the
    identity map), in one pass; None for edits to be made the general way.

    From the identity map, :func:`_apply_one` gives pieces that need no merging
    when every edit runs forwards, after the one before it, and changes something:
    each piece but the last then has a length, so starts strictly grow.
    """
    if _in_place(edits):
        return _in_place_edit(text, edits)
    parts: list[str] = []
    pieces: list[Piece] = []
    starts: list[int] = []
    shift = 0  # new offset minus current offset
    cur = 0
    for start, end, new in edits:
        if start < cur or end < start or (start == end and not new):
            return None
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
    return "".join(parts), OffsetMap.of(pieces, starts)


def _in_place_edit(text: str, edits: list[tuple[int, int, str]]) -> tuple[str, OffsetMap] | None:
    """:func:`first_edit` for edits that each put one character for one: the text, and
    the identity map (what the composed map sends each offset to)."""
    parts: list[str] = []
    cur = 0
    for start, end, new in edits:
        if start < cur:
            return None
        parts.append(text[cur:start])
        parts.append(new)
        cur = end
    parts.append(text[cur:])
    return "".join(parts), OffsetMap()
