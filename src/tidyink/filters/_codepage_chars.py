"""Where a character sits in a token, for the code-page word test: symbols and
controls, punctuation between letters or at a word's edge, a letter's case and
script within its word.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from functools import cache, lru_cache

TYPOGRAPHIC = frozenset("“”‘’„‚«»‹›—–…•·")  # what a damaged letter may become when only punctuation changes


@cache
def _odd(ch: str) -> bool:
    """A character that prose does not use inside words: symbols, box drawing,
    superscripts and fractions, controls."""
    cat = unicodedata.category(ch)
    return cat[0] in "SC" or cat == "No" or 0x2500 <= ord(ch) < 0x25A0


def _inside(text: str, i: int) -> bool:
    return 0 < i < len(text) - 1 and text[i - 1].isalpha() and text[i + 1].isalpha()


_OPENING = "“‘„‚«‹¿¡"
APOSTROPHES = "’'"
_ORDINARY = frozenset(".,;:!?'\"()[]{}-/&*_%")  # marks that prose glues to words
_CLOSING = "”’»›…"


def _alnum_bounds(text: str) -> tuple[int, int]:
    """The offsets of the first and the last letter or digit of ``text`` (len, -1 if none)."""
    first = next((k for k, c in enumerate(text) if c.isalnum()), len(text))
    last = next((k for k in range(len(text) - 1, -1, -1) if text[k].isalnum()), -1)
    return first, last


def _letters_beside(text: str, i: int) -> tuple[int, int]:
    """How many letters run left and right of ``text[i]``."""
    a = i
    while a > 0 and text[a - 1].isalpha():
        a -= 1
    b = i + 1
    while b < len(text) and text[b].isalpha():
        b += 1
    return i - a, b - i - 1


def _fits(text: str, i: int, bounds: tuple[int, int] | None = None) -> bool:
    """Whether typographic punctuation at ``text[i]`` sits where such a mark goes."""
    ch = text[i]
    first, last = bounds if bounds is not None else _alnum_bounds(text)
    if ch in "—–":
        if not _inside(text, i):
            return True
        left, right = _letters_beside(text, i)
        return left >= 2 and right >= 2  # them—rather; never A—O, never a lone letter
    if ch in _OPENING:
        return i < first
    if ch == "’" and _inside(text, i):
        return True  # an apostrophe: don’t, l’été
    if ch in _CLOSING:
        return i > last
    return ch in TYPOGRAPHIC


@cache
def script(ch: str) -> str:
    """The script of a letter, as the first word of its Unicode name (LATIN, GREEK...)."""
    return unicodedata.name(ch, "?").split(" ", 1)[0]


def _case_breaks(fixed: str, i: int, start: int, cases: tuple[int, int, int]) -> bool:
    """Whether the letter at ``fixed[i]`` has the wrong case for its word, whose
    letters, capitals and small letters number ``cases``: a small letter among
    capitals, a capital inside a small word."""
    new = fixed[i]
    if not new.isalpha():
        return False
    letters, upper, lower = cases
    others, upper, lower = letters - 1, upper - new.isupper(), lower - new.islower()
    if not others:
        return False
    if new.islower() and others >= 2 and upper == others:
        return True  # SÃO, AÑO: a capital between capitals stays one
    return new.isupper() and i > start and lower > 0


@lru_cache(maxsize=8192)
def _cases(word: str) -> tuple[int, int, int]:
    """How many letters, capitals and small letters ``word`` has."""
    letters = [c for c in word if c.isalpha()]
    return len(letters), sum(c.isupper() for c in letters), sum(c.islower() for c in letters)


@lru_cache(maxsize=8192)
def _scripts(word: str) -> frozenset[str]:
    return frozenset(script(c) for c in word if c.isalpha())


def _glued(token: str, start: int, end: int) -> bool:
    """A one-letter word stuck to punctuation or symbols (never a word of its own)."""
    if end - start != 1 or (start, end) == (0, len(token)):
        return False
    before = token[start - 1] if start else ""
    after = token[end] if end < len(token) else ""
    return "-" not in (before, after)


def _next_to_letter(text: str, i: int) -> bool:
    return (i > 0 and text[i - 1].isalpha()) or (i + 1 < len(text) and text[i + 1].isalpha())


def _owners(found: Sequence[tuple[int, int, str]], size: int) -> list[int]:
    """For each offset, the index in ``found`` of the word holding it (-1: none)."""
    owner = [-1] * size
    for k, (start, end, _) in enumerate(found):
        for i in range(start, end):
            owner[i] = k
    return owner
