"""U+FFFD in the text: a character was lost before the file reached us."""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar

from tidyink.document import Document
from tidyink.filters.base import Context
from tidyink.records import Finding
from tidyink.rules._text import prose
from tidyink.rules.base import Rule

MESSAGE = "replacement character U+FFFD: a character was lost before this text was decoded; restore it by hand"


class ReplacementCharacter(Rule):
    code = "E101"
    name = "replacement-character"
    description = "U+FFFD (�) where a decoder lost a character: repairable only by hand, so flagged, never deleted."
    examples: ClassVar[dict[str, tuple[str, ...]]] = {
        "wrong": ("The caf\ufffd was closed.",),
        "right": ("The café was closed.",),
    }

    def check(self, doc: Document, ctx: Context) -> Iterable[Finding]:
        joined = prose(doc, ctx)  # (shared with the other rules: the views of all prose blocks)
        if "\ufffd" not in joined.text:
            return  # most texts: no view is searched
        for view in joined.views:
            text = view.text
            i = text.find("\ufffd")
            while i >= 0:
                yield self.finding(view, i, i + 1, MESSAGE, ctx=ctx)
                i = text.find("\ufffd", i + 1)
