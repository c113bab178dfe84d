"""A word typed twice in a row: "the the"."""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from typing import ClassVar

import regex

from tidyink.document import Document
from tidyink.filters.base import Context
from tidyink.records import Finding
from tidyink.rules._text import GAP, prose, word_list
from tidyink.rules.base import Rule


@cache
def _pattern() -> regex.Pattern[str]:
    return regex.compile(
        rf"(?<![\p{{L}}\p{{M}}'\d-])(?P<word>[\p{{L}}\p{{M}}]+(?:'[\p{{L}}\p{{M}}]+)?)"
        rf"(?P<gap>{GAP})(?P<again>(?P=word))(?![\p{{L}}\p{{M}}'\d-])",
        regex.IGNORECASE,
    )


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
        joined = prose(doc)
        if joined.language() != "en":
            return  # "vous vous", "die die": other languages double words legitimately
        allowed = word_list("repeats_ok.txt")
        for m in _pattern().finditer(joined.text):
            first, second = m.group("word"), m.group("again")
            if first.lower() in allowed or (first[:1].isupper() and second[:1].isupper()):
                continue
            view, local = joined.locate(m.start())
            end = local + m.end() - m.start()
            yield self.finding(view, local, end, f"'{first}' is repeated", (first,), ctx)
