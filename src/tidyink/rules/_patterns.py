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


_ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "st",
        "mt",
        "jr",
        "sr",
        "prof",
        "capt",
        "col",
        "gen",
        "lt",
        "rev",
        "messrs",
        "mme",
        "mlle",
        "vs",
        "etc",
        "no",
        "vol",
        "ch",
    ]
)


def clause_start(text: str, pos: int, stop: str, reach: int) -> int:
    """Where the clause (sentence, with ``stop`` as boundaries) holding ``pos`` starts.

    Full stops after abbreviations ("Mrs.") and single line breaks (hard wrapping)
    are not boundaries; a blank line or block separator always is.
    """
    lo = max(0, pos - reach)
    block = text.rfind("\n\n", lo, pos)
    lo = max(lo, block + 2 if block >= 0 else lo)
    i = pos - 1
    while i >= lo:
        ch = text[i]
        if ch in stop or (ch == "-" and text[i - 1 : i] == "-"):
            if ch == ".":
                j = i
                while j > lo and text[j - 1].isalpha():
                    j -= 1
                if text[j:i].lower() in _ABBREVIATIONS or (i - j == 1 and text[j].isupper()):
                    i = j - 1
                    continue
            return i + 1
        i -= 1
    return lo


def previous_words(text: str, pos: int, limit: int, stop: str = '.!?;:,—–()"') -> list[str]:
    """Up to ``limit`` lower-case words before ``pos``, nearest first, within a clause."""
    start = clause_start(text, pos, stop, 12 * limit)
    words = _WORDS.findall(text, start, pos)
    return [w.lower() for w in reversed(words[-limit:])]


_WORDS = regex.compile(r"[\p{L}']+")


class PatternRule(Rule):
    """A rule defined by :attr:`patterns`; the message names the confused words."""

    patterns: ClassVar[tuple[Pattern, ...]] = ()
    language: ClassVar[str] = "en"  # the rule only applies to documents in this language

    def check(self, doc: Document, ctx: Context) -> Iterable[Finding]:
        joined = prose(doc)
        if joined.language() != self.language:
            return
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
