"""Guess a document's language from its commonest function words (no dictionary needed)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from functools import cache

from tidyink.datafiles import language_table


@cache
def function_words() -> dict[str, tuple[str, ...]]:
    """Language code → its commonest function words (from ``data/function_words.txt``)."""
    return language_table("function_words.txt")


def guess_language(words: Counter[str], candidates: Iterable[str] | None = None, default: str = "en") -> str:
    """The candidate whose function words are the most frequent in ``words`` (any case).

    ``default`` wins unless another language scores half as much again, so short or
    mixed texts keep the expected language.
    """
    table = function_words()
    langs = [lang for lang in (candidates or table) if lang in table]
    if not langs:
        return default
    scores = {
        lang: sum(words.get(w, 0) + words.get(w.capitalize(), 0) + words.get(w.upper(), 0) for w in table[lang])
        for lang in langs
    }
    best = max(langs, key=lambda lang: scores[lang])
    base = scores.get(default, 0)
    return best if default not in scores or scores[best] > 1.5 * base else default
