"""The edits of a repaired token: one per changed character (a mix-up maps one
character to one), with the invisible characters it held put back."""

from __future__ import annotations

from collections.abc import Iterable

from tidyink.filters._codepage_tables import HIDDEN
from tidyink.records import Edit


def reinsert(token: str, fixed: str) -> str:
    """``fixed`` (repaired without the invisible characters) with them put back."""
    out, j = [], 0
    for ch in token:
        if HIDDEN.match(ch):
            out.append(ch)
        else:
            out.append(fixed[j])
            j += 1
    return "".join(out)


def changed_edits(token: str, fixed: str, base: int, label: str) -> Iterable[Edit]:
    """One edit per changed character (mix-ups map one character to one)."""
    for i, (a, b) in enumerate(zip(token, fixed, strict=True)):
        if a != b:
            yield Edit(base + i, base + i + 1, b, f"codepage: {label}")


def diff_edits(token: str, fixed: str, base: int, label: str) -> Iterable[Edit]:
    """The edits that turn ``token`` into ``fixed`` (of another length), placed at ``base``."""
    from tidyink import textdiff

    for e in textdiff.diff_edits(token, fixed, f"codepage: {label}"):
        yield Edit(base + e.start, base + e.end, e.new, e.reason)
