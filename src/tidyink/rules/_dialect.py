"""Dialect-dense passages and spelling variants that are not typos.

Regional and eye dialect in dialogue ("nothin'", "an'", "'em", "warn't") comes with
words no dictionary holds. Inside such a passage an unknown word that is not one
slip from a dictionary word is more likely dialect than a typo, and a dropped g
("passin") is a voice, not a slip; in plain narration both are typos.
"""

from __future__ import annotations

import unicodedata
from bisect import bisect_left
from functools import cache

from tidyink.lazy_regex import compiled

WINDOW = 400  # characters each side of a word that make up its passage
DENSE = 2  # dialect marks (or other unknown words) in a passage that make it dialect

_MARKS = compiled(r"(?<![\p{L}'])(?:\p{Ll}+in'|\p{Ll}{1,3}'|'\p{Ll}+|ain't|warn't|hain't)(?![\p{L}'])")
_FOLD = str.maketrans({"æ": "ae", "Æ": "Ae", "œ": "oe", "Œ": "Oe"})


def marks(text: str, start: int, end: int) -> int:
    """Elisions and dialect contractions in ``text[start:end]``: "nothin'", "an'", "'em"."""
    return sum(1 for _ in _MARKS.finditer(text, start, end))


def dense(text: str, pos: int, others: list[int]) -> bool:
    """Whether the passage around ``pos`` is dialect: elisions, or other unknown
    words (``others``: their sorted offsets, ``pos`` among them) nearby."""
    lo, hi = max(0, pos - WINDOW), pos + WINDOW
    nearby = bisect_left(others, hi) - bisect_left(others, lo) - 1
    if nearby >= DENSE:
        return True
    return nearby + marks(text, lo, hi) >= DENSE


def fold(word: str) -> str:
    """``word`` without a diaeresis or ligature: "coöperate" -> "cooperate",
    "encyclopædia" -> "encyclopaedia"."""
    word = word.translate(_FOLD)
    if not word.isascii():
        decomposed = unicodedata.normalize("NFD", word).replace("\u0308", "")
        word = unicodedata.normalize("NFC", decomposed)
    return word


@cache
def _sorted_words(lang: str) -> list[str]:
    from tidyink.rules._dictionary import curated

    return sorted(curated(lang))


def truncated(word: str, lang: str = "en") -> bool:
    """Whether ``word`` is the start of a dictionary word (speech cut off: "dinn—")."""
    from tidyink.rules._dictionary import curated

    quick = curated(lang).starts_another(word)
    if quick is not None:
        return quick
    words = _sorted_words(lang)
    i = bisect_left(words, word)
    return i < len(words) and words[i].startswith(word) and words[i] != word
