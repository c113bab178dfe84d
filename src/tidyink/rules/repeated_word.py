"""A word typed twice in a row: "the the"."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import ClassVar

from tidyink.document import Document
from tidyink.filters.base import Context
from tidyink.lazy_regex import compiled, lazy_re
from tidyink.records import Finding
from tidyink.rules import _pos
from tidyink.rules._patterns import previous_words
from tidyink.rules._text import prose, word_list
from tidyink.rules.base import Rule

# The stdlib engine finds "word word" several times faster than ``regex`` here; the
# few candidates are then checked with Unicode-aware tests. Possessive quantifiers:
# a word that is not followed by itself fails at once, without backtracking.
_GAP = r"[ \t\u00a0\ue000\n]++"  # between a word and its repeat
_CANDIDATE = re.compile(rf"\b(\w++)({_GAP})(\1)\b")  # on lower-cased text
# The same repeats found from the character before them, in two scans: after a space
# (a literal the engine jumps to: most repeats), and after any other character but an
# ASCII letter, digit or underscore (a plain set it tests fast; the word characters
# outside ASCII that it lets through are dropped). The look-ahead lets overlapping
# repeats ("the the the") all show.
_AFTER_SPACE_TEXT = rf" (?=(\w++){_GAP}\1\b)"
_AFTER_OTHER_TEXT = rf"[^ a-z0-9_](?=(\w++){_GAP}\1\b)"
# (each pair compiled when a text first needs it: a text needs only one of them)
_AFTER_SPACE = lazy_re(_AFTER_SPACE_TEXT)
_AFTER_OTHER = lazy_re(_AFTER_OTHER_TEXT)
# The same with ASCII word characters (the engine tests them faster), for a text whose
# letters are all ASCII: they find every repeat of a word of letters the two scans
# above find (a repeat they miss holds a digit or number outside ASCII, "x² x²", and
# is no repeat of letters), and maybe more leads, which the Unicode-aware match in
# :func:`candidates` turns down.
_AFTER_SPACE_ASCII = lazy_re(_AFTER_SPACE_TEXT, re.ASCII)
_AFTER_OTHER_ASCII = lazy_re(_AFTER_OTHER_TEXT, re.ASCII)
_LETTERS = compiled(r"[\p{L}\p{M}]+")


def _leads(lower: str, ascii_letters: bool = False) -> list[int]:
    """Where a word that a repeat of it follows starts, after a non-word character:
    what ``\\W(?=(\\w++)gap\\1\\b)`` finds, one offset for each such character
    (``ascii_letters``: the text has no letter outside ASCII; see ``_AFTER_SPACE_ASCII``)."""
    after_space, after_other = _AFTER_SPACE, _AFTER_OTHER
    if ascii_letters:
        after_space, after_other = _AFTER_SPACE_ASCII, _AFTER_OTHER_ASCII
    found = [m.start(1) for m in after_space.finditer(lower)]
    other = [m.start(1) for m in after_other.finditer(lower) if not _word_character(m.group())]
    if other:
        found = sorted(found + other)
    return found


def _word_character(char: str) -> bool:
    return char.isalnum() or char == "_"


def candidates(lower: str, ascii_letters: bool = False) -> Iterator[re.Match[str]]:
    """What ``_CANDIDATE.finditer(lower)`` gives, found faster: every place a repeat
    starts, then the matches taken left to right without overlap, as finditer
    takes them. With ``ascii_letters`` (no letter outside ASCII in ``lower``) the
    repeats of words holding a digit or number outside ASCII may be left out."""
    first = _CANDIDATE.match(lower, 0)
    end = 0
    if first is not None:
        end = first.end()
        yield first
    for start in _leads(lower, ascii_letters):
        if start >= end:
            m = _CANDIDATE.match(lower, start)
            if m is not None:  # (always, but at the extra leads of the ASCII scans)
                end = m.end()
                yield m


# a verb's particle, then a preposition: "come in in the morning", "went on on foot"
_PARTICLES = frozenset(["in", "on", "out", "over", "round", "up", "down", "off", "by", "about"])
_VERB_TAGS = frozenset(_pos.VERBAL)


def _grammatical(text: str, start: int, word: str) -> bool:
    """A doubled word that a grammar allows: "gave her her coat", "came in in time"."""
    before = previous_words(text, start, 1)
    if not before:
        return False
    if word == "her":
        return before[0] in word_list("ditransitive.txt")
    if word in _PARTICLES:  # after a verb, not an auxiliary: "is in in the drawer"
        return bool(set(_pos.tags(before[0])) & _VERB_TAGS) and before[0] not in _pos.closed("aux")
    return False


class RepeatedWord(Rule):
    code = "R101"
    name = "repeated-word"
    description = "The same word twice in a row ('the the'); 'had had', 'that that' are fine."
    examples: ClassVar[dict[str, tuple[str, ...]]] = {
        "wrong": (
            "She opened the the door.",
            "It was on the\nthe shelf.",
            "He said that he he knew.",
            "I I think we should go.",
            "She put it in in the box by the door.",
            "He saw her her hat was gone.",
        ),
        "right": (
            "She had had enough.",
            "He said that that was true.",
            "No no no, not again.",
            "They flew to Bora Bora.",
            "The the-the stutter was his.",
            "He gave her her coat and left.",
            "They came in in the morning.",
            "We walked on on foot.",
        ),
    }

    def check(self, doc: Document, ctx: Context) -> Iterable[Finding]:
        joined = prose(doc, ctx)
        if joined.language() != "en":
            return  # "vous vous", "die die": other languages double words legitimately
        allowed = word_list("repeats_ok.txt")
        text = joined.text
        ascii_letters = all(map(str.isascii, joined.words()))  # (every letter is in a word)
        for m in candidates(joined.lower(), ascii_letters):
            first = text[m.start(1) : m.end(1)]
            gap = m.group(2)
            second = text[m.start(3) : m.end(3)]
            if (
                gap.count("\n") > 1
                or text[m.start() - 1 : m.start()] in ("'", "-")
                or text[m.end() : m.end() + 1] in ("'", "-")
                or not _LETTERS.fullmatch(first)
                or first.lower() in allowed
                or (first[:1].isupper() and second[:1].isupper() and first != "I")
                or _grammatical(text, m.start(), first.lower())
            ):
                continue
            view, local = joined.locate(m.start())
            end = local + m.end() - m.start()
            yield self.finding(view, local, end, f"'{first}' is repeated", (first,), ctx)
