"""Turn a whole-string rewrite into minimal edits, so every change is located."""

from __future__ import annotations

from difflib import SequenceMatcher

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
                edits.extend(_char_edits(a, b, pos, reason))
            pos += len(a) + 1
        return edits
    return _char_edits(old, new, 0, reason)


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
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    out = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag != "equal":
            out.append(Edit(base + lo + i1, base + lo + i2, b[j1:j2], reason))
    return out
