"""Spelling suggestions: cheap, and computed only when a finding's suggestions are read.

A word one edit from a curated word gets those words (about 600 set look-ups,
a tenth of a millisecond). Only when there is none are words two edits away
sought, and then only along the paths typists take: the first edit is a
deleted, swapped, doubled or undoubled letter or a wrong vowel of the word as
typed, the second any edit (about 30 first steps, not the 600 of every edit, so
a few milliseconds instead of 60).

Compared before choosing (160,572 curated words, one core): symspellpy takes 17 s
and 280 MB to build its index and 6 s to load it back from its pickle; a
hand-built symmetric-delete index over a sorted hash array takes 5 s and 100 MB
for the 62,000 common words; a rapidfuzz scan of the word list costs 15-40 ms a
word. A lint run flags a few words per chapter, so no index pays for itself.

:class:`Suggestions` defers the work until a formatter reads the suggestions,
so ``convert`` (which never shows them) never pays for them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from collections.abc import Set as AbstractSet
from functools import lru_cache
from typing import Any

from tidyink import lexicon
from tidyink.rules._distance import LETTERS, edits1

SUGGEST_MIN = 2.0  # Zipf floor for suggestions when there is no curated list
_VOWELS = "aeiouy"


def first_steps(word: str) -> set[str]:
    """What ``word`` becomes after one typist's slip is undone: a letter removed, two
    neighbours swapped, a letter doubled or undoubled, or a vowel changed."""
    out: set[str] = set()
    n = len(word)
    for i in range(n):
        a, ch, b = word[:i], word[i], word[i + 1 :]
        out.add(a + b)
        if i + 1 < n and b[0] != ch:
            out.add(a + b[0] + ch + b[1:])
        if ch in _VOWELS:
            out.update(a + v + b for v in _VOWELS if v != ch)
        out.add(a + ch + ch + b)
    out.discard(word)
    return out


@lru_cache(maxsize=4096)
def suggest(word: str, lang: str = "en", limit: int = 3) -> tuple[str, ...]:
    """Up to ``limit`` corrections for a lower-case ``word``, best first."""
    from tidyink.rules._dictionary import curated

    good = curated(lang)
    freq = lexicon.frequencies(lang)
    if good:
        accept: Callable[[set[str]], AbstractSet[str]] = good.intersection
    else:

        def accept(words: set[str]) -> set[str]:
            return {w for w in words if freq.get(w, 0.0) >= SUGGEST_MIN}

    found = set(accept(edits1(word, LETTERS)))
    if not found and len(word) <= 14:
        # every string two steps away, asked at once (one bulk question of ~15,000
        # strings: the word list answers it from its groups or its frozenset)
        farther: set[str] = set()
        for step in first_steps(word):
            farther.update(edits1(step, LETTERS))
        found = set(accept(farther))
        found.discard(word)

    def rank(w: str) -> tuple[float, str]:
        bonus = 0.5 if w[:1] == word[:1] else 0.0
        bonus += 0.3 if len(w) == len(word) else 0.0
        return (-(freq.get(w, 0.0) + bonus), w)

    return tuple(sorted(found, key=rank)[:limit])


class Suggestions(Sequence[str]):
    """Suggestions for a word, computed the first time they are read.

    Behaves as the tuple it stands for: compares, hashes, copies and pickles as it.
    """

    __slots__ = ("_args", "_value")

    def __init__(self, word: str, lang: str = "en") -> None:
        self._args = (word, lang)
        self._value: tuple[str, ...] | None = None

    def _get(self) -> tuple[str, ...]:
        if self._value is None:
            self._value = suggest(*self._args)
        return self._value

    def __getitem__(self, index: Any) -> Any:
        return self._get()[index]

    def __len__(self) -> int:
        return len(self._get())

    def __iter__(self) -> Iterator[str]:
        return iter(self._get())

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Suggestions):
            other = other._get()
        return self._get() == other

    def __hash__(self) -> int:
        return hash(self._get())

    def __repr__(self) -> str:
        return repr(self._get())

    def __deepcopy__(self, memo: dict[int, Any]) -> tuple[str, ...]:
        return self._get()

    def __reduce__(self) -> tuple[Any, ...]:
        return (tuple, (self._get(),))
