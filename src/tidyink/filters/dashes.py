"""Typewriter dashes become real ones: -- and --- → —, ---- → ⸺, ------ → ⸻.

A spaced hyphen or spaced double hyphen between words (``farther - till``) is a
dash too. ``Options.dashes``: ``em`` (closed em dash, default) or
``en-spaced`` (a spaced en dash, British style). Hyphenated words, negative
numbers, list markers, arithmetic and lines made only of hyphens (rules) are
never touched; number ranges (``1914-18`` → ``1914–18``) only when
``Options.ranges`` is on.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import regex

from tidyink.document import MARK, OBJECT, TEXT, Block
from tidyink.filters._urls import outside_addresses
from tidyink.filters.base import Context, TextFilter
from tidyink.lazy_regex import compiled
from tidyink.records import Edit

_H = r"[ \t]"  # not no-break spaces: those are deliberate
# A run of two or more hyphens with the spaces around it; not an HTML comment
# (<!-- -->), not an arrow (-->), not a run a backslash escapes (Markdown's \---).
_RUN = compiled(rf"{_H}*(?<!-|<!|\\)(-{{2,}})(?![->]){_H}*")
# A spaced hyphen between words: farther - till.  Digits on either side are
# arithmetic or ranges, a hyphen at a line start is a list marker.
_Q = "'\"“”‘’„‚«»‹›"  # quote marks of every language, either side
_SPACED = compiled(
    rf"(?<=[\p{{L}}\p{{M}}.,;:!?)\]{_Q}{MARK}]){_H}+-{_H}+(?=[\p{{L}}({_Q}{MARK}])"
)
# A spaced hyphen ending a line of hard-wrapped prose, the next line going on.
_SPACED_EOL = compiled(
    rf"(?<=[\p{{L}}\p{{M}}.,;:!?)\]{_Q}{MARK}]){_H}+-{_H}*(?=\n[\p{{L}}({_Q}{MARK}])"
)
_RANGE = compiled(r"(?<![\w.,/:-]|\d[.,])(\d+)-(\d+)(?![\w/:]|-\w|[.,]\d)")
_LONG = {2: "—", 3: "—", 4: "⸺", 6: "⸻"}
_LINE_EDGE = frozenset("\n")


def runs(text: str) -> Iterator[regex.Match[str]]:
    """What ``_RUN.finditer(text)`` gives, tried only where two hyphens are.

    A match is the spaces before a ``--`` and what follows; whether it matches is
    decided at the hyphens, so each ``--`` (found by a C search) is tried once, from
    the start of the spaces before it, instead of the pattern at every character.
    """
    end = 0
    at = text.find("--")
    while at >= 0:
        start = at
        while start > end and text[start - 1] in " \t":
            start -= 1
        m = _RUN.match(text, start)
        if m is None:
            at = text.find("--", at + 1)
            continue
        yield m
        end = m.end()
        at = text.find("--", end)


def _only_hyphens(text: str, start: int, end: int) -> bool:
    """Whether the line around ``start:end`` holds nothing but hyphens and spaces."""
    ls = text.rfind("\n", 0, start) + 1
    le = text.find("\n", end)
    le = len(text) if le < 0 else le
    return not text[ls:le].strip(" \t-\u00a0")


def _blanked_name(text: str, start: int) -> bool:
    """Whether hyphens at ``start`` follow a lone capital (D---, Lady B--): letters left out.

    Such a dash is closed in every dash style and keeps the spaces around it.
    I, A and O are words of their own ("I--I don't know"), so not initials.
    """
    if start < 1 or not text[start - 1].isupper() or text[start - 1] in "IAO":
        return False
    return start < 2 or not (text[start - 2].isalnum() or text[start - 2] in "'’")


def _next_to_escaped_hyphens(text: str, start: int, end: int, block: Block) -> bool:
    """Whether hyphens at ``start:end`` touch protected escapes or hyphens (``\\---``).

    Other protected objects (a code span, a link, inline HTML) are words:
    ``[the page](x)--it helps`` takes a dash.
    """
    before = start > 0 and text[start - 1] == OBJECT
    after = end < len(text) and text[end] == OBJECT
    if not (before or after):
        return False
    raws: dict[int, str] = {}
    pos = 0
    for span in block.spans:
        if span.kind == TEXT:
            pos += len(span.text)
            continue
        raws[pos] = span.text
        pos += 1
    left = raws.get(start - 1, "") if before else ""
    right = raws.get(end, "") if after else ""
    return left.endswith(("-", "\\")) or right.startswith("-")


def _between_digits(text: str, start: int, end: int) -> bool:
    """1914--1918: a typewriter en dash between numbers."""
    return start > 0 and end < len(text) and text[start - 1].isdigit() and text[end].isdigit()


_QUOTES = frozenset(_Q)


def _spaced_before(text: str, start: int, d0: int) -> bool:
    """Whether a spaced en dash takes a space on its left.

    Yes when the writer put one there, or after a word, punctuation or a
    closing quote mark; no at a line start, after a kept no-break space or
    after an opening quote mark (whatever the language's marks look like:
    a mark with a space before it opens).
    """
    if d0 > start:
        return True
    b = text[start - 1] if start > 0 else "\n"
    if b.isspace() or b == MARK:
        return False
    if b in _QUOTES:
        return start > 1 and not text[start - 2].isspace()
    return b.isalnum() or b in ".,;:!?…)]}"


def _spaced_after(text: str, end: int, d1: int) -> bool:
    """Whether a spaced en dash takes a space on its right (mirror of the above)."""
    if end > d1:
        return True
    a = text[end] if end < len(text) else "\n"
    if a.isspace() or a == MARK:
        return False
    if a in _QUOTES:
        return end + 1 < len(text) and not text[end + 1].isspace()
    return a.isalnum() or a in "([{…"


def _field_lines(text: str) -> list[tuple[int, int]]:
    """Spans of the lines that list a story's stats ("Rated: T - Words: 1,204 - id: 77"),
    whose spaced hyphens part fields and are no dashes."""
    if ": " not in text:
        return []
    from tidyink.filters._page_chrome import story_info  # (a structure module: only for such text)

    out: list[tuple[int, int]] = []
    at = 0
    for line in text.split("\n"):
        if story_info(line):
            out.append((at, at + len(line)))
        at += len(line) + 1
    return out


class Dashes(TextFilter):
    name = "dashes"
    description = "Turn -- and --- into —, ---- into ⸺, ------ into ⸻, spaced hyphens into dashes."
    stage = "typography"
    order = 320

    def edits(self, text: str, block: Block, ctx: Context) -> Iterable[Edit]:
        if "-" not in text:
            return []
        style = ctx.options.dashes
        out: list[Edit] = []
        taken: list[tuple[int, int]] = []
        for m in runs(text):
            if _next_to_escaped_hyphens(text, m.start(1), m.end(1), block):
                continue  # \--- : the writer escaped a rule line
            n = len(m.group(1))
            dash = _LONG.get(n)
            if dash is None or _only_hyphens(text, m.start(), m.end()):
                continue
            if n >= 4:  # 2-em and 3-em dashes keep their spacing (General ⸻’s)
                out.append(Edit(m.start(1), m.end(1), dash, f"{'-' * n} as {dash}"))
            elif _blanked_name(text, m.start(1)):  # Lady B-- was: part of the name
                out.append(Edit(m.start(1), m.end(1), "—", f"{'-' * n} in a blanked-out name as —"))
            elif n == 2 and m.group() == "--" and _between_digits(text, m.start(), m.end()):
                out.append(Edit(m.start(), m.end(), "–", "-- between numbers as an en dash"))
            else:
                out.append(self._dash(text, m.start(), m.end(), m.start(1), m.end(1), style, "--"))
            taken.append((m.start(), m.end()))
        if " -" in text or "\t-" in text:  # both spaced patterns need a space or tab, then -
            out += self._spaced(text, style, taken)
        if ctx.options.ranges:
            for m in _RANGE.finditer(text):
                if any(a < m.end() and m.start() < b for a, b in taken):
                    continue
                if len(m.group(1)) == 3 and len(m.group(2)) == 4:
                    continue  # 555-1234 is a telephone number
                out.append(Edit(m.end(1), m.start(2), "–", "number range with an en dash"))
        return outside_addresses(text, out)

    def _spaced(self, text: str, style: str, taken: list[tuple[int, int]]) -> list[Edit]:
        """Spaced hyphens between words, or ending a line, as dashes."""
        out: list[Edit] = []
        fields = _field_lines(text)
        for m in _SPACED_EOL.finditer(text):
            if any(a <= m.start() < b for a, b in fields):
                continue
            out.append(
                Edit(m.start(), m.end(), "—" if style == "em" else " –", "spaced - as a dash")
            )
        for m in _SPACED.finditer(text):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            if any(a <= m.start() < b for a, b in fields):
                continue  # "Rated: T - English - Words: 1,204": the hyphens part fields
            hyphen = m.group().index("-") + m.start()
            out.append(self._dash(text, m.start(), m.end(), hyphen, hyphen + 1, style, "spaced -"))
        return out

    @staticmethod
    def _dash(text: str, start: int, end: int, d0: int, d1: int, style: str, what: str) -> Edit:
        """The edit for a dash spanning ``start:end`` with spaces; keeps line edges."""
        before = text[start - 1] if start > 0 else "\n"
        after = text[end] if end < len(text) else "\n"
        # Spaces next to a line edge are indentation or trailing space: not ours.
        if before in _LINE_EDGE:  # a dash opening a line (dialogue) keeps its space
            start, end = d0, d1
        if after in _LINE_EDGE:
            end = d1
        # A literal _ or * glued to the dash would read as an emphasis mark next time
        # (_ --_ → _—_): the space beside it stays.
        if before in "_*":
            start = d0
        if after in "_*":
            end = d1
        if style == "en-spaced":
            left = " " if _spaced_before(text, start, d0) else ""
            right = " " if _spaced_after(text, end, d1) else ""
            return Edit(start, end, f"{left}–{right}", f"{what} as a spaced en dash")
        return Edit(start, end, "—", f"{what} as an em dash")
