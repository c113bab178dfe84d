"""Spaced and unspaced runs of dots, and the ellipsis character, become one style."""

from __future__ import annotations

import re
from collections.abc import Iterable

from tidyink.document import Block
from tidyink.filters._urls import outside_addresses
from tidyink.filters.base import Context, TextFilter
from tidyink.lazy_regex import compiled
from tidyink.records import Edit

# Three dots, spaced or not, optionally a fourth (an ellipsis plus a full stop),
# or the ellipsis character (optionally with its full stop). Runs of five or
# more dots are left alone (leaders, deliberate effects). Dots between digits
# are a pause too (counting 1...2...3); code is protected by the readers.
_DOTS = compiled(
    r"(?<![.…])"
    r"(?:(?P<spaced>\.[ \u00a0]\.[ \u00a0]\.(?P<stop>[ \u00a0]\.)?)"
    r"|(?P<tight>\.\.\.(?P<stop2>\.)?)"
    r"|(?P<char>…(?P<stop3>[ \u00a0]?\.)?))"
    r"(?![ \u00a0]?[.…])"
)

# Two full stops, next to each other or parted by one space (the standard re module
# finds them from each full stop, faster than a scan of the text for each spacing).
_TWO_STOPS = re.compile("\\.[ \u00a0]?\\.")


def _may_hold_dots(text: str) -> bool:
    """Whether ``text`` holds ``…``, ``..``, or ``. .`` (a space or a no-break space
    between the stops): every pattern needs one of these (a lone full stop is no ellipsis)."""
    return "…" in text or _TWO_STOPS.search(text) is not None


class Ellipses(TextFilter):
    name = "ellipses"
    description = "Turn '...', '. . .' and '. . . .' into one ellipsis style (… by default)."
    stage = "typography"
    order = 330

    def edits(self, text: str, block: Block, ctx: Context) -> Iterable[Edit]:
        if not _may_hold_dots(text):
            return
        yield from outside_addresses(text, self._edits(text, ctx.options.ellipsis))

    @staticmethod
    def _edits(text: str, style: str) -> Iterable[Edit]:
        for m in _DOTS.finditer(text):
            if m.group("char") and style == "…":
                continue  # already the ellipsis character: keep its spacing as written
            stop = "." if (m.group("stop") or m.group("stop2") or m.group("stop3")) else ""
            new = style + (" ." if style == ". . ." and stop else stop)
            if m.group() != new:
                yield Edit(m.start(), m.end(), new, f"ellipsis as {style!r}")
