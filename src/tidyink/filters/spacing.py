"""Tidy spaces inside lines: runs of spaces, spaces before punctuation or inside quotes, trailing spaces.

Leading indentation is never touched (verse indentation means something), and
neither is anything protected (code, raw HTML). In French style a space before
``; : ! ?`` is kept (it belongs there), as is the space inside « ». Emoticons
(``:)``) keep the space before them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

import regex

from tidyink.document import BREAK, HEADING, MARK, OBJECT, VERSE, Block, Document
from tidyink.filters.base import Context, TextFilter
from tidyink.lazy_regex import compiled
from tidyink.options import base_language
from tidyink.records import Edit

# Two or more spaces after something that is not a space, before something that is not one.
_RUN = compiled(r"(?<=[^\s])  +(?=[^\s])")
# Tried from a run's first character only (a run ends where it ends, whichever
# character it is tried from): otherwise a long run of spaces inside a line is
# scanned again from each of its characters.
_TRAILING = compiled(r"(?<![ \t])[ \t]++(?=\n|\Z)")
# Spaces before punctuation that ends a phrase: the punctuation must be
# followed by a space, the end, a closing mark or more punctuation (so .5,
# .txt and spaced ellipses '. . .' stay as they are).
_BEFORE_PUNCT = compiled(
    rf"(?<=[\p{{L}}\p{{M}}\p{{N}}’”»)\]{MARK}{OBJECT}]) +(?P<p>[,.;:!?])"
    rf"(?=[\s\"'’”»)\]{MARK}]|$|[,.;:!?…])"
)
# Spaces on a line of their own between blocks (never the indentation that
# may start the next block: only spaces followed by a line end).
_BLANK_WS = compiled(r"(?<=\n|^)[ \t]+(?=\n)")
_FRENCH_KEEP = frozenset(";:!?")
# A character reference cut before its semicolon (``&hellip ;``): glued, it would be read
# as the character, by a browser, a Markdown renderer, or the next run's `entities`.
_REFERENCE_HEAD = compiled(r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|(?P<name>[A-Za-z][A-Za-z0-9]*))\Z")
# Spaces just inside quotation marks (“ Hello ”) are a typing slip, except in
# French, whose guillemets take a space. An opening mark must start something
# (line start, space, bracket, dash) and a closing one end something (line end,
# space, punctuation): a mark read the other way round is left alone.
_QUOTE_MARKS = {"en": ("“‘", "”’"), "de": ("„‚", "“‘")}


@cache
def _inside_quote_patterns(base: str) -> tuple[regex.Pattern[str], regex.Pattern[str]]:
    """(spaces after an opening mark, spaces before a closing mark) for a language."""
    opening, closing = _QUOTE_MARKS.get(base, _QUOTE_MARKS["en"])
    # (built from the marks above, never from a document: the pattern store keeps them)
    after = compiled(
        rf"(?:(?<=^|[\s(\[{{—–{MARK}])|(?<=[{opening}]))[{opening}](?P<sp>[ \t]+)"
        rf"(?=[^\s])(?![{closing}](?:\s|$))"  # not an empty pair (“ ”: ditto marks)
    )
    before = compiled(
        rf"(?<=[^\s{opening}])(?P<sp>[ \t]+)[{closing}](?=$|[\s,.;:!?…)\]}}{closing}{MARK}—–])"
    )
    return after, before


def _inside_quotes(text: str, base: str) -> Iterable[Edit]:
    after, before = _inside_quote_patterns(base)
    for m in after.finditer(text):
        yield Edit(m.start("sp"), m.end("sp"), "", "space after an opening quote")
    for m in before.finditer(text):
        yield Edit(m.start("sp"), m.end("sp"), "", "space before a closing quote")


class Spacing(TextFilter):
    name = "spacing"
    description = "Collapse runs of spaces; drop spaces before , . ; : ! ?, inside quotes and at line ends."
    stage = "typography"
    order = 340

    def run(self, doc: Document, ctx: Context) -> None:
        super().run(doc, ctx)
        # Whitespace-only lines between blocks: trailing whitespace too.
        if _BLANK_WS.search(doc.lead):
            doc.lead = self._clean_gap(doc.lead, 1, ctx)
        for block in doc.blocks:
            sep = block.sep  # (blank-line spaces end with a line end: one is there before them)
            if sep and (" \n" in sep or "\t\n" in sep) and _BLANK_WS.search(sep):
                block.sep = self._clean_gap(block.sep, block.end_line or block.line, ctx)

    def _clean_gap(self, gap: str, line: int, ctx: Context) -> str:
        for m in _BLANK_WS.finditer(gap):
            at = line + gap.count("\n", 0, m.start())
            self.record(ctx, at, 1, m.group(), "", "trailing whitespace")
        return _BLANK_WS.sub("", gap)

    def edits(self, text: str, block: Block, ctx: Context) -> Iterable[Edit]:
        base = base_language(ctx.options.language)
        if not _worth_a_look(text, base):
            return []
        french = base == "fr"
        out: list[Edit] = []
        # A heading's break parts its label from its title (CHAPTER V / THE STORM): it is
        # written on one line, so its spaces are tidied as a heading's are on a second run.
        kept_as_set = block.kind == VERSE or (
            block.kind != HEADING and any(s.kind == BREAK for s in block.spans)
        )
        for m in _RUN.finditer(text):
            if _decorative_line(text, m.start()) or kept_as_set:
                continue  # *    *    * and other ornaments keep their spacing; so do lines kept as set
            out.append(Edit(m.start(), m.end(), " ", "run of spaces"))
        for m in _TRAILING.finditer(text):
            out.append(Edit(m.start(), m.end(), "", "trailing whitespace"))
        for m in _BEFORE_PUNCT.finditer(text):
            p = m.group("p")
            if french and p in _FRENCH_KEEP:
                continue
            if p == "." and text[m.end() : m.end() + 2] in (" .", ". "):
                continue  # a spaced ellipsis
            if p == "." and m.end() < len(text) and text[m.end()] == ".":
                continue  # a space before an ellipsis ( ...) belongs to it
            if p in ":;" and text[m.end() : m.end() + 1] in (")", "("):
                continue  # an emoticon :) ;( is a word of its own
            if p == ";" and _cut_reference(text, m.start()):
                continue  # &hellip ; stays text: without the space it is a character reference
            if p == "." and _dotted_menu(text, m.start()):
                continue  # "Home . Forums . Help": the dots part items, they end no sentence
            out.append(Edit(m.start(), m.start("p"), "", f"space before {p!r}"))
        if not french:
            out.extend(_inside_quotes(text, base))
        return _without_overlaps(out)


def _cut_reference(text: str, at: int) -> bool:
    """Whether the text before ``at`` ends with a character reference but for its ``;``."""
    from html.entities import html5  # (imported here: rarely needed, ~1 ms at start-up)

    m = _REFERENCE_HEAD.search(text, max(0, at - 40), at)
    return m is not None and (not m.group("name") or m.group("name") + ";" in html5)


def _worth_a_look(text: str, base: str) -> bool:
    """A fast pre-check: could any rule match? (Each rule needs one of these strings:
    space runs, spaces before a line end or punctuation, and but in French spaces inside
    quotation marks.)"""
    if text.endswith((" ", "\t")):
        return True
    spaced, opening = _needles(base)
    if spaced.search(text) is not None or ("\t" in text and "\t\n" in text):
        return True  # (one scan for a space and what may follow it)
    for q in opening:  # (an opening mark and a space: found from the marks, which are few)
        i = text.find(q)
        while i >= 0:
            if text.startswith(" ", i + 1):
                return True
            i = text.find(q, i + 1)
    return False


@cache
def _needles(base: str) -> tuple[re.Pattern[str], str]:
    """What :func:`_worth_a_look` looks for, for a language: a space and what may follow
    it (a space, a line end, punctuation, but in French a closing quotation mark), and the
    opening marks a space may follow (none in French)."""
    opening, closing = _QUOTE_MARKS.get(base, _QUOTE_MARKS["en"])
    after = " \n,.;:!?" + ("" if base == "fr" else closing)
    return re.compile(f" [{re.escape(after)}]"), "" if base == "fr" else opening


def _decorative_line(text: str, at: int) -> bool:
    """Whether the line holding ``at`` has no letters or digits (an ornament)."""
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    line = text[start : end if end >= 0 else len(text)]
    return not any(ch.isalnum() for ch in line)


_SPACED_DOT = compiled(r"(?<=[\p{L}\p{N}]) \. (?=[\p{L}\p{N}])")


def _dotted_menu(text: str, at: int) -> bool:
    """Whether the line holding ``at`` parts its items with dots set between spaces, twice
    or more (a site menu rendered as text); a sentence misspaced once is no menu."""
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    return len(_SPACED_DOT.findall(text[start : end if end >= 0 else len(text)])) >= 2


def _without_overlaps(edits: list[Edit]) -> list[Edit]:
    edits.sort(key=lambda e: (e.start, e.end))
    out: list[Edit] = []
    for e in edits:
        if out and e.start < out[-1].end:
            # A run of spaces before punctuation: removing wins over collapsing.
            last = out.pop()
            reason = e.reason if not e.new else last.reason
            out.append(Edit(last.start, max(e.end, last.end), "", reason))
            continue
        out.append(e)
    return out
