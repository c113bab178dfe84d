"""Rules made of phrase patterns: each match names a word and its replacement.

A :class:`Pattern` is a regex over the joined prose (see ``_text``) whose group
``bad`` is the word to flag; ``good`` is the suggestion (a string, or a function
of the match) and ``guard`` an optional extra test on the match. Patterns are
compiled once, lazily, and searched over the whole document in one call each.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache
from typing import ClassVar

import regex

from tidyink.document import Document
from tidyink.filters.base import Context
from tidyink.records import Finding
from tidyink.rules._text import GAP, alternation, match_case, prose, word_list
from tidyink.rules.base import Rule

Guard = Callable[[str, "regex.Match[str]"], bool]


@dataclass(frozen=True)
class Pattern:
    """``regex`` (with ``<<GAP>>`` and ``<<file.txt>>`` placeholders) and what to suggest."""

    regex: str
    good: str | Callable[[regex.Match[str]], str]
    why: str = ""
    guard: Guard | None = None


def expand(source: str) -> str:
    """Fill ``<<GAP>>`` and ``<<file.txt>>`` (a data word list) placeholders."""

    def fill(m: regex.Match[str]) -> str:
        name = m.group(1)
        if name == "GAP":
            return GAP
        return f"(?:{alternation(word_list(name))})"

    return regex.sub(r"<<([\w.]+)>>", fill, source)


@cache
def _compiled(source: str) -> regex.Pattern[str]:
    return regex.compile(expand(source), regex.IGNORECASE | regex.VERSION0)


def previous_words(text: str, pos: int, limit: int, stop: str = ".!?;:,—–()\"\n") -> list[str]:
    """Up to ``limit`` lower-case words before ``pos``, nearest first, within a clause."""
    start = max(0, pos - 12 * limit)
    chunk = text[start:pos]
    cut = max(chunk.rfind(c) for c in stop)
    if "\n\n" in chunk:
        cut = max(cut, chunk.rfind("\n\n"))
    words = regex.findall(r"[\p{L}']+", chunk[cut + 1 :])
    return [w.lower() for w in reversed(words[-limit:])]


class PatternRule(Rule):
    """A rule defined by :attr:`patterns`; the message names the confused words."""

    patterns: ClassVar[tuple[Pattern, ...]] = ()

    def check(self, doc: Document, ctx: Context) -> Iterable[Finding]:
        joined = prose(doc)
        text = joined.text
        seen: set[int] = set()
        for pattern in self.patterns:
            for m in _compiled(pattern.regex).finditer(text):
                if pattern.guard is not None and not pattern.guard(text, m):
                    continue
                start, end = m.span("bad")
                if start in seen:
                    continue
                seen.add(start)
                bad = m.group("bad")
                good = pattern.good if isinstance(pattern.good, str) else pattern.good(m)
                good = match_case(bad, good)
                view, local = joined.locate(start)
                if "\u2019" in view.text:  # suggest in the document's own apostrophe
                    good = good.replace("'", "\u2019")
                original = view.text[local : local + end - start]
                why = f" ({pattern.why})" if pattern.why else ""
                yield self.finding(
                    view,
                    local,
                    local + end - start,
                    f"'{original}' should probably be '{good}'{why}",
                    (good,),
                    ctx,
                )
