"""Straight quotes become curly quotes, apostrophes and primes, in the language's style.

Styles (``Options.quotes``): ``curly`` (default) makes straight marks curly and
keeps curly marks as they are (they are evidence for their neighbours);
``straight`` turns every quote mark, apostrophe and prime into ``"`` or ``'``;
``keep`` leaves quotes alone. ``Options.language`` picks the marks: English
“ ” ‘ ’, French « » ‹ › with no-break spaces inside, German „ “ ‚ ‘. English
keeps the writer's nesting (double or single outside) unless the setting
``nesting = "language"`` is given; ``en-GB`` implies it (single outside).
Re-nesting applies to the straight marks it converts; curly marks are kept.
``Options.primes``: ``prime`` (5′10″) or ``straight`` (5'10").
Typewriter doubles made of two marks (``TeX style'' and ''doubled'') count as
one double quote when an opening pair meets a closing one. Web addresses are
left as typed.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from itertools import pairwise

from tidyink.document import MARK, OBJECT, RAW, TEXT, Block, Document
from tidyink.filters._quote_marks import is_wordy
from tidyink.filters._quote_roles import (
    APOS,
    CLOSE_D,
    CLOSE_S,
    DPRIME,
    OPEN_D,
    OPEN_S,
    PRIME,
    QuoteState,
    carry_curly,
    classify,
    elisions,
)
from tidyink.filters._quote_survey import dialect_mode, next_starts
from tidyink.filters._urls import mask_addresses
from tidyink.filters.base import Context, TextFilter
from tidyink.lazy_regex import compiled, lazy
from tidyink.options import base_language
from tidyink.records import Edit

NBSP = "\u00a0"
_STYLES: dict[str, dict[str, str]] = {
    "en": {OPEN_D: "“", CLOSE_D: "”", OPEN_S: "‘", CLOSE_S: "’"},
    "fr": {OPEN_D: "«" + NBSP, CLOSE_D: NBSP + "»", OPEN_S: "‹" + NBSP, CLOSE_S: NBSP + "›"},
    "de": {OPEN_D: "„", CLOSE_D: "“", OPEN_S: "‚", CLOSE_S: "‘"},
}
_STRAIGHT = {
    OPEN_D: '"',
    CLOSE_D: '"',
    OPEN_S: "'",
    CLOSE_S: "'",
    APOS: "'",
    PRIME: "'",
    DPRIME: '"',
}
_SPACES = " \u00a0\u202f\u2009"
_WHY = {
    OPEN_D: "opening double quote",
    CLOSE_D: "closing double quote",
    OPEN_S: "opening single quote",
    CLOSE_S: "closing single quote",
    APOS: "apostrophe",
    PRIME: "prime",
    DPRIME: "double prime",
}


def quote_style(language: str) -> str:
    """The quote style key for an ``Options.language`` value."""
    base = base_language(language)
    return base if base in _STYLES else "en"


_UNSET = object()  # (no nesting setting given)


@cache
def _curly_style(language: str, nesting: object) -> tuple[str, bool, bool]:
    """For the curly style: the language's marks (a key of ``_STYLES``), whether English
    quotations are re-nested by level (the ``nesting`` setting, as text, or ``_UNSET``:
    by level in en-GB, which puts single marks outside, else as the writer nested
    them), and whether single marks go outside (one answer a run, not one a block)."""
    lang = quote_style(language)
    outer_single = language.replace("_", "-").lower() == "en-gb"
    if nesting is _UNSET:
        nesting = "language" if outer_single else "keep"
    return lang, nesting == "language" and lang == "en", outer_single


class Quotes(TextFilter):
    name = "quotes"
    description = "Curly quotes, apostrophes ('tis, don't, James') and primes, in the language's style."
    stage = "typography"
    order = 310

    _next_start: dict[int, str] = {}  # noqa: RUF012 (replaced per document in prepare)

    def prepare(self, doc: Document, ctx: Context) -> None:
        from tidyink.lexicon import language_codes

        self._state = QuoteState(langs=language_codes(ctx.options.language))
        if ctx.options.quotes == "keep":
            return
        blocks = [b for b in doc.blocks if b.kind in self.block_kinds]
        texts = [_prose_text(b) for b in blocks]
        self._state.dialect = dialect_mode(texts, self._state)
        self._next_start = {id(b): start for b, start in zip(blocks, next_starts(texts), strict=True)}

    def edits(self, text: str, block: Block, ctx: Context) -> Iterable[Edit]:
        style = ctx.options.quotes
        if style == "keep" or _no_mark(text):
            if style != "keep":
                self._state.double_open = self._state.single_open = False
            return []
        self._state.next_start = self._next_start.get(id(block), "")
        if style == "curly" and _curly_only(text):
            # Curly marks are kept as they are: only the quotations left open count.
            carry_curly(_as_context(text, block), self._state)
            return []
        if style == "curly" and _apostrophes_only(text):
            context = _as_context(text, block)
            inner = _inner_apostrophes(context)
            if inner is not None:
                # Each straight mark is an apostrophe inside a word (don't): nothing else changes.
                carry_curly(context, self._state)
                return [Edit(i, i + 1, "’", _WHY[APOS]) for i in inner]
        read, pairs = _doubled_marks(_runs_masked(text))
        roles = classify(_as_context(read, block), self._state)
        if style == "straight":
            edits = list(self._straight(read, roles, set(pairs)))
        else:
            edits = list(self._curly(read, roles, ctx))
        return [_widened(e, pairs) for e in edits] if pairs else edits

    def _straight(self, text: str, roles: dict[int, str], pairs: set[int]) -> Iterable[Edit]:
        for i, role in sorted(roles.items()):
            new = _STRAIGHT[role]
            start, end = i, i + 1
            if text[i] in "«‹":
                while end < len(text) and text[end] in _SPACES[1:]:
                    end += 1
            elif text[i] in "»›":
                while start > 0 and text[start - 1] in _SPACES[1:]:
                    start -= 1
            if text[start:end] != new or i in pairs:  # (a pair `` or '' becomes ")
                yield Edit(start, end, new, f"straight {_WHY[role]}")

    def _curly(self, text: str, roles: dict[int, str], ctx: Context) -> Iterable[Edit]:
        nesting = ctx.setting("quotes", "nesting", _UNSET)
        lang, renest, outer_single = _curly_style(ctx.options.language, nesting if nesting is _UNSET else str(nesting))
        marks = _STYLES[lang]
        primes = ctx.options.primes
        depth: list[str] = []
        floor = 0  # end of the last edit: French marks never reach back over it
        for i in sorted(roles):
            role = roles[i]
            ch = text[i]
            straight = ch in "\"'"
            if role in (OPEN_D, OPEN_S, CLOSE_D, CLOSE_S):
                out_role = _renested(role, depth, outer_single) if renest else role
                new = marks[out_role]
                if not straight and not (lang == "fr" and new.strip(NBSP) == ch):
                    continue  # curly marks already there are kept (and count for nesting)
                # (French guillemets already there get their no-break space)
            elif role == APOS:
                if not straight:
                    continue
                new = "’"
            else:  # primes
                if primes == "straight":
                    new = "'" if role == PRIME else '"'
                elif straight:
                    new = "′" if role == PRIME else "″"
                else:
                    continue
            if len(new) == 1:  # (_edit of a mark put for one: no space to take in)
                if ch != new:
                    floor = i + 1
                    yield Edit(i, i + 1, new, _WHY[role])
                continue
            edit = _edit(text, i, new, role, floor)
            if edit is not None:
                floor = edit.end
                yield edit


def _no_mark(text: str) -> bool:
    """Whether ``text`` holds no quote mark nor backtick: nothing for the quote pass to
    read (each mark looked for on its own: quicker than one pattern or a loop)."""
    return not (
        "'" in text or '"' in text or "`" in text or "“" in text or "”" in text or "‘" in text
        or "’" in text or "„" in text or "‚" in text or "«" in text or "»" in text or "‹" in text
        or "›" in text or "′" in text or "″" in text
    )  # fmt: skip


def _prose_text(block: Block) -> str:
    """``block.prose().text`` (a block of one text span is its text)."""
    spans = block.spans
    return spans[0].text if len(spans) == 1 and spans[0].kind == TEXT else block.prose().text


def _curly_only(text: str) -> bool:
    """Whether ``text`` holds no straight mark, nor a mark that curly style may still
    change (French guillemets take no-break spaces, primes may be written straight)."""
    return not (
        "'" in text or '"' in text or "«" in text or "»" in text
        or "‹" in text or "›" in text or "′" in text or "″" in text
    )  # fmt: skip


def _apostrophes_only(text: str) -> bool:
    """Whether the only straight marks of ``text`` are single ones (no ``"``, no pair of
    marks), with no mark :func:`_curly_only` rules out nor a degree sign (no prime)."""
    return not (
        '"' in text or "''" in text or "``" in text or "«" in text or "»" in text
        or "‹" in text or "›" in text or "′" in text or "″" in text or "°" in text
    )  # fmt: skip


def _inner_apostrophes(text: str) -> list[int] | None:
    """The offsets of the straight single marks of ``text`` when each stands between two
    word characters (the classifier's apostrophe at once), else None."""
    out: list[int] = []
    i = text.find("'")
    while i >= 0:
        if not (0 < i < len(text) - 1 and is_wordy(text[i - 1]) and is_wordy(text[i + 1])):
            return None
        out.append(i)
        i = text.find("'", i + 1)
    return out


# Four or more of one straight mark in a row quote nothing (a rule of marks, ASCII
# art): they are left as typed, and read as one symbol, not mark by mark.
_MARK_RUN = compiled(r"(['\"])\1{3,}")


def _runs_masked(text: str) -> str:
    """``text`` with each run of :data:`_MARK_RUN` read as symbols (same length)."""
    if "''''" not in text and '""""' not in text:
        return text
    return _MARK_RUN.sub(lambda m: "~" * len(m.group()), text)


# Typewriter double quotes made of two marks: ``TeX style'' and ''doubled''.
_DOUBLED = compiled(r"(?<![`'])(?:``|'')(?![`'])")
_LETTERS = lazy(r"\p{L}*")


def _doubled_marks(text: str) -> tuple[str, dict[int, tuple[int, int]]]:
    """``text`` with each two-mark double quote read as ``"`` and a transparent MARK.

    Only an opening pair (`` or '' before a word) directly followed by a
    closing pair ('' after a word or punctuation) counts: ''Tis so,' is an
    opening single quote and an elision. Returns the text (same length) and,
    for each ``"`` put in, the span of the pair it stands for.
    """
    if "``" not in text and "''" not in text:
        return text, {}
    strong = elisions()[0]
    marks: list[tuple[int, str]] = []  # (offset, "open" | "close" | "")
    for m in _DOUBLED.finditer(text):
        a = m.start()
        before = text[a - 1] if a else " "
        after = text[a + 2] if a + 2 < len(text) else " "
        kind = ""
        if m.group() == "``":
            kind = "open"
        elif after.isalnum() and not before.isalnum():
            word = _LETTERS.match(text, pos=a + 2).group().casefold()
            kind = "" if word in strong else "open"
        elif not after.isalnum() and a and not before.isspace():
            kind = "close"
        marks.append((a, kind))
    chars = list(text)
    pairs: dict[int, tuple[int, int]] = {}
    for (a, first), (b, second) in pairwise(marks):
        if first == "open" and second == "close":
            for at in (a, b):
                chars[at], chars[at + 1] = '"', MARK  # MARK: transparent to the classifier
                pairs[at] = (at, at + 2)
    return "".join(chars), pairs


def _widened(edit: Edit, pairs: dict[int, tuple[int, int]]) -> Edit:
    """The edit of a ``"`` that stands for a two-mark pair, over both marks."""
    for at, (a, b) in pairs.items():
        if edit.start <= at < edit.end:
            return Edit(min(edit.start, a), max(edit.end, b), edit.new, edit.reason)
    return edit


def _as_context(text: str, block: Block) -> str:
    """``text`` as the quote classifier reads it (same length: offsets hold).

    Web addresses read as letters (www.host.com/it's holds no quote mark). A
    protected object stands for a word (a code span, a link target), except
    markup that ends in whitespace: a list or block-quote marker starts a
    line, so a quote mark after it opens.
    """
    text = mask_addresses(text)  # marks inside www.host.com/it's are no quotes
    if OBJECT not in text:
        return text
    chars = list(text)
    pos = 0
    for span in block.spans:
        if span.kind == TEXT:
            pos += len(span.text)
            continue
        if span.kind == RAW and span.text[-1:].isspace() and chars[pos] == OBJECT:
            chars[pos] = " "
        pos += 1  # every other span is one placeholder character
    return "".join(chars)


def _renested(role: str, depth: list[str], outer_single: bool) -> str:
    """The role by nesting level: outside quotes single (en-GB) or double (en-US)."""
    if role in (OPEN_D, OPEN_S):
        level = len(depth)
        depth.append(role)
        single = (level % 2 == 0) == outer_single
        return OPEN_S if single else OPEN_D
    level = max(len(depth) - 1, 0)
    if depth:
        depth.pop()
    single = (level % 2 == 0) == outer_single
    return CLOSE_S if single else CLOSE_D


def _edit(text: str, i: int, new: str, role: str, floor: int) -> Edit | None:
    """Replace the mark at ``i``; French marks take in the spaces next to them.

    At a line's end (or start) a French mark takes no space: what is left
    there is trailing space (or indentation), not the space inside the quote.
    """
    start, end = i, i + 1
    if new.endswith(NBSP):  # « : absorb spaces after it
        j = end
        while j < len(text) and text[j] in _SPACES:
            j += 1
        if j >= len(text) or text[j] == "\n":
            new = new.rstrip(NBSP)
        else:
            end = j
    elif new.startswith(NBSP):  # » : absorb spaces before it
        j = start
        while j > floor and text[j - 1] in _SPACES:
            j -= 1
        if j == 0 or text[j - 1] == "\n":
            new = new.lstrip(NBSP)
        else:
            start = j
    if text[start:end] != new:
        return Edit(start, end, new, _WHY[role])
    return None
