"""The page-chrome pre-test as first written, one expression: the reference the fast
paths of :mod:`tidyink.filters._page_chrome` are checked against."""

from __future__ import annotations

from tidyink.filters._navigation import may_open_nav
from tidyink.filters._page_chrome import _CHROME_START, _MARKS, _SPACED_MARK


def could_be_chrome_plain(line: str) -> bool:
    """:func:`could_be_chrome` as first written (its tests asked in one expression)."""
    if line.count(",") >= 5 or not _MARKS.isdisjoint(line):
        return True
    return bool(_SPACED_MARK.search(line) or _CHROME_START.match(line)) or may_open_nav(line)
