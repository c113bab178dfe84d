"""Turn a whole-string rewrite into minimal edits, so every change is located."""

from __future__ import annotations

import re

from tidyink.records import Edit


def diff_edits(old: str, new: str, reason: str = "") -> list[Edit]:
    """Edits that turn ``old`` into ``new``, as small as a character diff finds."""
    if old == new:
        return []
    edits: list[Edit] = []
    # Diff line by line first: rewrites rarely change the number of lines, and
    # character diffs of short lines are fast and precise.
    old_lines = old.split("\n")
    new_lines = new.split("\n")
    if len(old_lines) == len(new_lines):
        pos = 0
        for a, b in zip(old_lines, new_lines):
            if a != b:
                edits.extend(_line_edits(a, b, pos, reason))
            pos += len(a) + 1
        return edits
    return _char_edits(old, new, 0, reason)


_SPACES = re.compile(r"[ \t]+")
_MAX_CELLS = 4_000_000  # beyond this, one edit for the changed middle (a character diff is quadratic)


def _line_edits(old: str, new: str, base: int, reason: str) -> list[Edit]:
    """Word by word when both lines have the same spaces (a long line then costs linear
    time); else a character diff of the whole line."""
    old_spaces, new_spaces = _SPACES.findall(old), _SPACES.findall(new)
    if not old_spaces or old_spaces != new_spaces:
        return _char_edits(old, new, base, reason)
    edits: list[Edit] = []
    pos = base
    for k, (a, b) in enumerate(zip(_SPACES.split(old), _SPACES.split(new), strict=True)):
        if a != b:
            edits.extend(_char_edits(a, b, pos, reason))
        pos += len(a) + (len(old_spaces[k]) if k < len(old_spaces) else 0)
    return edits


def _char_edits(old: str, new: str, base: int, reason: str) -> list[Edit]:
    # Trim the common prefix and suffix first: most rewrites touch a few characters.
    lo = 0
    limit = min(len(old), len(new))
    while lo < limit and old[lo] == new[lo]:
        lo += 1
    hi = 0
    while hi < limit - lo and old[len(old) - 1 - hi] == new[len(new) - 1 - hi]:
        hi += 1
    a, b = old[lo : len(old) - hi], new[lo : len(new) - hi]
    if len(a) * len(b) > _MAX_CELLS:
        return [Edit(base + lo, base + lo + len(a), b, reason)]
    from difflib import SequenceMatcher  # (only for a changed line: most runs change none)

    matcher = SequenceMatcher(None, a, b, autojunk=False)
    out = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag != "equal":
            out.append(Edit(base + lo + i1, base + lo + i2, b[j1:j2], reason))
    return out
