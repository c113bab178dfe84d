"""A first look at the whole document, before quote marks are decided block by block.

Whether it is written in dialect (many clipped words: nothin', an', 'em), and
how each block's successor starts (``'`` there means a quotation goes on).
"""

from __future__ import annotations

from tidyink.filters._quote_marks import QuoteState
from tidyink.filters._quote_pairing import clipped_end
from tidyink.filters._quote_words import elisions
from tidyink.lazy_regex import compiled, lazy

# Clipped words in running text: nothin' to, an' the (end), 'em, 'bout (start). (Found
# by ``evidence``; the pattern, compiled on first use, says what it finds.)
_EVIDENCE = lazy(
    r"(?<![\p{L}\p{M}'’])([\p{L}\p{M}]+)['’](?=[ \t]+\p{Ll})|(?<=[ \t])['’](\p{Ll}+)(?![\p{L}'’])"
)
# Every piece of evidence has a mark beside a space or tab: a text without one of these
# strings (looked for one by one: quicker than a pattern's scan) has none.
_HINTS = ("' ", "'\t", "’ ", "’\t", " '", "\t'", " ’", "\t’")
# The same two kinds found apart, each from its mark: a word's end is the run of letters
# before a mark followed by spaces and a lower-case letter (the run found backwards,
# at once, rather than tried from the start of every word of the text).
_END_MARK = compiled(r"['’](?=[ \t]+\p{Ll})")
_LETTERS_BEFORE = compiled(r"(?r)[\p{L}\p{M}]+")
_CLIPPED_START = compiled(r"(?<=[ \t])['’](\p{Ll}+)(?![\p{L}'’])")
_DIALECT_MIN = 5  # clipped words, and at least one per this many characters:
_DIALECT_SPAN = 5000


def dialect_mode(texts: list[str], state: QuoteState) -> bool:
    """Whether a document is written in dialect: many clipped words in running text."""
    strong = elisions()[0]
    found = 0
    size = 0
    for text in texts:
        size += len(text)
        if not _hinted(text):
            continue
        for end, start in evidence(text):
            found += clipped_end(end, state) if end else start.casefold() in strong
    return found >= _DIALECT_MIN and found * _DIALECT_SPAN >= size


def _hinted(text: str) -> bool:
    """Whether ``text`` holds one of :data:`_HINTS`: a mark with a space or tab beside
    it, found from the marks (a text has few of them) rather than by a scan for each hint."""
    for mark in "'’":
        i = text.find(mark)
        while i >= 0:
            if (i and text[i - 1] in " \t") or text[i + 1 : i + 2] in (" ", "\t"):
                return True
            i = text.find(mark, i + 1)
    return False


def evidence(text: str) -> list[tuple[str, str]]:
    """The groups of :data:`_EVIDENCE`'s matches in ``text``, in order: (clipped end, '')
    or ('', clipped start). Its two alternatives start on different characters (a
    letter, a mark) and their matches never overlap, so each is found on its own."""
    found: list[tuple[int, str, str]] = []
    for m in _END_MARK.finditer(text):
        k = m.start()
        run = _LETTERS_BEFORE.match(text, 0, k)
        if run is not None and (run.start() == 0 or text[run.start() - 1] not in "'’"):
            found.append((run.start(), run.group(), ""))
    for m in _CLIPPED_START.finditer(text):
        found.append((m.start(), "", m.group(1)))
    found.sort()
    return [(end, start) for _, end, start in found]


def next_starts(texts: list[str]) -> list[str]:
    """For each block, the first two marks of the block after it ('' if it starts otherwise)."""
    starts = []
    for text in texts:
        head = text.lstrip(" \t_*")
        k = 0
        while k < len(head) and k < 2 and head[k] in "\"'“‘":
            k += 1
        starts.append(head[:k])
    return [*starts[1:], ""] if starts else []
