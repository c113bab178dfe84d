"""A word typed twice in a row: "the the"."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import ClassVar

import regex

from tidyink.document import Document
from tidyink.filters.base import Context
from tidyink.records import Finding
from tidyink.rules._text import prose, word_list
from tidyink.rules.base import Rule

# The stdlib engine finds "word word" several times faster than ``regex`` here; the
# few candidates are then checked with Unicode-aware tests. Possessive quantifiers:
# a word that is not followed by itself fails at once, without backtracking.
_CANDIDATE = re.compile(r"\b(\w++)([ \t\u00a0\ue000\n]++)(\1)\b")  # on lower-cased text
_LETTERS = regex.compile(r"[\p{L}\p{M}]+")


class RepeatedWord(Rule):
    code = "R101"
    name = "repeated-word"
    description = "The same word twice in a row ('the the'); 'had had', 'that that' are fine."
    examples: ClassVar[dict[str, tuple[str, ...]]] = {
        "wrong": (
            "She opened the the door.",
            "It was on the\nthe shelf.",
            "He said that he he knew.",
        ),
        "right": (
            "She had had enough.",
            "He said that that was true.",
            "No no no, not again.",
            "They flew to Bora Bora.",
            "The the-the stutter was his.",
        ),
    }

    def check(self, doc: Document, ctx: Context) -> Iterable[Finding]:
        joined = prose(doc, ctx)
        if joined.language() != "en":
            return  # "vous vous", "die die": other languages double words legitimately
        allowed = word_list("repeats_ok.txt")
        text = joined.text
        for m in _CANDIDATE.finditer(joined.lower()):
            first = text[m.start(1) : m.end(1)]
            gap = m.group(2)
            second = text[m.start(3) : m.end(3)]
            if (
                gap.count("\n") > 1
                or text[m.start() - 1 : m.start()] in ("'", "-")
                or text[m.end() : m.end() + 1] in ("'", "-")
                or not _LETTERS.fullmatch(first)
                or first.lower() in allowed
                or (first[:1].isupper() and second[:1].isupper())
            ):
                continue
            view, local = joined.locate(m.start())
            end = local + m.end() - m.start()
            yield self.finding(view, local, end, f"'{first}' is repeated", (first,), ctx)
