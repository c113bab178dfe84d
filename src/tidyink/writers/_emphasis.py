"""Emphasis as CommonMark ``*`` delimiters that always read back as the same emphasis.

A ``*`` run opens emphasis only when it is left-flanking and closes it only when it is
right-flanking (CommonMark 0.31, 6.2): ``said*"Go."*Then`` is no emphasis at all. So
before delimiters are written, each emphasis run is shaped so that its marks flank:

1. a run over nothing but punctuation, symbols or white space loses its emphasis
   (the text stays: emphasis on ``.:`` says nothing delimiters could say);
2. white space at either edge of a run moves outside it (``* a*`` opens nothing);
3. punctuation at an edge whose mark cannot flank moves outside the run, again and
   again, until the mark flanks or the run is empty (``a*"b"*c`` becomes ``a"*b*"c``).

Emphasis that crosses other emphasis (``<b>a<i>b</b>c</i>``) would need one run of
marks to close and reopen it (``**a*b****c*``), which no reader takes apart as meant:
the part after the crossing loses that emphasis.

Text keeps every character and words keep their emphasis; no ``<em>`` tag is written.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Any

import regex

from tidyink.document import EM, STRONG
from tidyink.lazy_regex import compiled

MARKS = {EM: "*", STRONG: "**"}
_PUNCT = compiled(r"[\p{P}\p{S}]")
WORDY = compiled(r"[\p{L}\p{N}\p{M}]")
_WORDS = compiled(r"[\p{L}\p{N}]")
_ATOMS = compiled(r"[\p{L}\p{N}\p{M}]+|\\.|.", regex.DOTALL)
_EDGE = " "  # the edge of the block counts as white space


@dataclass(slots=True)
class Atom:
    """A piece of written inline Markdown that emphasis may begin or end beside."""

    written: str
    wordy: bool  # holds a letter or digit: never moved out of a run
    styles: frozenset[str]


def text_atoms(written: str, styles: frozenset[str], fine: bool = False) -> list[Atom]:
    """Escaped text as atoms: runs of letters and digits whole, anything else one
    character (with its escaping backslash) at a time (``fine``).

    Otherwise coarser, with the same result: shaping only ever takes emphasis away
    from an atom at the edge of a run, and only when it is not a word, so text
    without emphasis is one atom (only its ends are ever looked at), and text with
    it keeps its atoms apart only before its first run of letters and after its last
    (between them, every place starts and ends with a letter: nothing moves there).
    Only the choice of emphasis to drop when marks read back wrong counts atoms:
    :func:`render` makes that choice with the fine atoms.
    """
    if not written:
        return []
    if not styles and not fine:
        return [Atom(written, bool(WORDY.match(written)), styles)]
    pieces = _ATOMS.findall(written)
    wordy = [bool(WORDY.match(piece)) for piece in pieces]
    if not fine and wordy.count(True) > 1:
        first, last = wordy.index(True), len(wordy) - 1 - wordy[::-1].index(True)
        pieces[first : last + 1] = ["".join(pieces[first : last + 1])]
        wordy[first : last + 1] = [True]
    return [Atom(piece, is_word, styles) for piece, is_word in zip(pieces, wordy, strict=True)]


def opaque_atom(written: str, plain: str, styles: frozenset[str]) -> Atom:
    """A code span, a footnote mark, a line break: never split."""
    return Atom(written, bool(WORDY.search(plain)), styles)


def _space(c: str, hard: str) -> bool:
    return c.isspace() or c == hard


def _left(before: str, after: str, hard: str) -> bool:
    """A ``*`` run between these characters is left-flanking (it can open)."""
    if _space(after, hard):
        return False
    return not _PUNCT.match(after) or _space(before, hard) or bool(_PUNCT.match(before))


def _right(before: str, after: str, hard: str) -> bool:
    """A ``*`` run between these characters is right-flanking (it can close)."""
    if _space(before, hard):
        return False
    return not _PUNCT.match(before) or _space(after, hard) or bool(_PUNCT.match(after))


def _runs(atoms: list[Atom], style: str) -> list[tuple[int, int]]:
    """The maximal ``[start, end)`` runs of atoms in ``style``."""
    runs: list[tuple[int, int]] = []
    start = None
    for i, atom in enumerate([*atoms, None]):
        inside = atom is not None and style in atom.styles
        if inside and start is None:
            start = i
        elif not inside and start is not None:
            runs.append((start, i))
            start = None
    return runs


def _drop(atom: Atom, styles: frozenset[str] | set[str]) -> bool:
    kept = atom.styles - styles
    if kept == atom.styles:
        return False
    atom.styles = kept
    return True


def _trim(atoms: list[Atom], hard: str) -> bool:
    """Rules 1 and 2: runs without a word lose emphasis; white space leaves a run's edges."""
    changed = False
    for style in (EM, STRONG):
        for start, end in _runs(atoms, style):
            if not any(atoms[k].wordy for k in range(start, end)):
                for k in range(start, end):
                    changed |= _drop(atoms[k], {style})
                continue
            while _space(atoms[start].written[0], hard):
                changed |= _drop(atoms[start], {style})
                start += 1
            while _space(atoms[end - 1].written[-1], hard):
                changed |= _drop(atoms[end - 1], {style})
                end -= 1
    return changed


_NOTHING: tuple[list[str], list[str]] = ([], [])


def boundaries(atoms: list[Atom]) -> list[tuple[list[str], list[str]]]:
    """For each place before an atom (and one after the last): the styles closed
    there, innermost first, and the styles opened there, outermost first. Emphasis
    that crosses another (``<b>a<i>b</b>c</i>``) is closed and opened again."""
    out: list[tuple[list[str], list[str]]] = []
    stack: list[str] = []
    n = len(atoms)
    for i in range(n + 1):
        want = atoms[i].styles if i < n else frozenset()
        if i and want == atoms[i - 1].styles:  # nothing changes here
            out.append(_NOTHING)
            continue
        k = next((j for j, s in enumerate(stack) if s not in want), len(stack))
        closed = stack[k:][::-1]
        stack = stack[:k]
        fresh = [s for s in (STRONG, EM) if s in want and s not in stack]

        def lasts(style: str, i: int = i) -> int:
            j = i
            while j < n and style in atoms[j].styles:
                j += 1
            return -j  # the longest-lasting opens first, outermost

        fresh.sort(key=lasts)
        stack.extend(fresh)
        out.append((closed, fresh))
    return out


Bounds = list[tuple[list[str], list[str]]]


def _flank(atoms: list[Atom], hard: str, bounds: Bounds) -> bool:
    """Rule 3: a mark that cannot flank moves the non-word atom beside it out of its run
    (``bounds``: the atoms' :func:`boundaries`)."""
    changed = False
    for i, (closed, opened) in enumerate(bounds):
        if not closed and not opened:
            continue
        before = atoms[i - 1].written[-1] if i > 0 else _EDGE
        after = atoms[i].written[0] if i < len(atoms) else _EDGE
        again = set(closed) & set(opened)
        if again:  # crossing emphasis: no run of marks can close and reopen it unread
            for k in range(i, len(atoms)):
                if not _drop(atoms[k], again):
                    break
            return True
        if opened and not _left(before, after, hard):
            changed |= _drop(atoms[i], set(opened))
        if closed and not _right(before, after, hard):
            changed |= _drop(atoms[i - 1], set(closed))
    return changed


def shape(atoms: list[Atom], hard: str) -> Bounds:
    """Apply the three rules until every run's marks flank (each step only takes
    emphasis away from a non-word atom, so this ends); return the :func:`boundaries`
    of the shaped atoms (those of the last pass, which changed nothing)."""
    while True:
        changed = _trim(atoms, hard)
        bounds = boundaries(atoms)
        if not (_flank(atoms, hard, bounds) | changed):
            return bounds


def _write(atoms: list[Atom], hard: str, bounds: Bounds) -> tuple[str, list[bool]]:
    """The atoms with their marks (``bounds``: their :func:`boundaries`), and for each
    place whether its marks could both open and close (between two letters, or two
    punctuation marks)."""
    parts: list[str] = []
    both: list[bool] = []
    lengths: set[int] = set()
    mixed = False
    for i, (closed, opened) in enumerate(bounds):
        if not closed and not opened:
            if i < len(atoms):
                parts.append(atoms[i].written)
            both.append(False)
            continue
        marks = "".join(MARKS[s] for s in closed) + "".join(MARKS[s] for s in opened)
        before = atoms[i - 1].written[-1] if i > 0 else _EDGE
        after = atoms[i].written[0] if i < len(atoms) else _EDGE
        both.append(bool(marks) and _left(before, after, hard) and _right(before, after, hard))
        if marks:
            lengths.add(len(marks))
        mixed |= bool(closed and opened)
        parts.append(marks)
        if i < len(atoms):
            parts.append(atoms[i].written)
    # Marks that could open or close are paired by CommonMark's "rule of 3", which can
    # pair them otherwise than meant only when runs of marks differ in length.
    risky = mixed or (any(both) and len(lengths) > 1)
    return "".join(parts), both if risky else []


@cache
def _parser() -> Any:
    """CommonMark's reading, for the rare paragraph whose marks could pair otherwise."""
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark")


_READ_STYLE = {"em": EM, "strong": STRONG}


def _reads_back(atoms: list[Atom], markdown: str, hard: str) -> bool:
    """A CommonMark reader finds the same emphasis on every letter and no stray mark."""
    want = [atom.styles for atom in atoms for _ in _WORDS.findall(atom.written)]
    stars = sum(atom.written.count("*") for atom in atoms if not atom.written.startswith("`"))
    got: list[frozenset[str]] = []
    styles: set[str] = set()
    tokens = _parser().parseInline(markdown.replace(hard, " "))
    for child in tokens[0].children or []:
        kind, _, edge = child.type.rpartition("_")
        if kind in _READ_STYLE and edge in ("open", "close"):
            (styles.add if edge == "open" else styles.discard)(_READ_STYLE[kind])
            continue
        got.extend(frozenset(styles) for _ in _WORDS.findall(child.content))
        if child.type != "code_inline":
            stars -= child.content.count("*")
    return got == want and stars == 0


def render(atoms: list[Atom], hard: str, fine: Callable[[], list[Atom]] | None = None) -> str:
    """The atoms as Markdown, emphasis as ``*`` and ``**`` marks that flank.

    Where runs of marks that could both open and close differ in length
    (``a***b*c*d***``), CommonMark's pairing may read them otherwise: the text is read
    back, and while it reads wrong, the shortest run of emphasis at such a place goes
    (counted in ``fine`` atoms, when ``atoms`` are coarse: see :func:`text_atoms`)."""
    markdown, both = _write(atoms, hard, shape(atoms, hard))
    if both and fine is not None and not _reads_back(atoms, markdown, hard):
        atoms = fine()  # (the same Markdown, with the atoms whose runs are counted)
        markdown, both = _write(atoms, hard, shape(atoms, hard))
    while both and not _reads_back(atoms, markdown, hard):
        runs = [
            (end - start, -start, style, start, end)
            for style in (EM, STRONG)
            for start, end in _runs(atoms, style)
            if both[start] or both[end]
        ]
        *_, style, start, end = min(runs)
        for k in range(start, end):
            _drop(atoms[k], {style})
        markdown, both = _write(atoms, hard, shape(atoms, hard))
    return markdown
