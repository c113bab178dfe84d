"""A large read-only set of words that loads in a few milliseconds.

A frozenset of the 160,000 curated words takes about 30 ms to load (one string
object and one hash per word), more than the whole lint of a chapter. Here the
words are kept in groups by their first :data:`SHORT` letters, or, in a group of
more than :data:`SPLIT` words, by their first :data:`PREFIX` letters; each group is
one string (``"\\nword\\nwords\\n"``) searched for ``"\\nword\\n"``: loading is a
few thousand strings (about half as many as with groups of four letters only, so
half the loading time), and a look-up one or two dict hits and a short substring
search (about half a microsecond, five times a set's). A text that asks more than
:data:`BUDGET` questions (a long book, many unknown words, spelling suggestions)
gets the frozenset instead, so it never pays much more than before; a bulk
question larger than what is left of the budget goes to the frozenset at once.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from collections.abc import Set as AbstractSet
from itertools import compress, filterfalse
from operator import not_

SHORT = 3  # letters that name a group
PREFIX = 4  # letters that name a group split from a large one
SPLIT = 128  # words a group of SHORT letters holds before it is split
BUDGET = 30_000  # look-ups answered from the groups before the frozenset is loaded
REMEMBERED = 200_000  # answers kept for bulk questions (a long batch meets endless words)


def groups(words: Iterable[str]) -> dict[str, str]:
    """``words`` grouped by their first :data:`SHORT` letters, a group of more than
    :data:`SPLIT` words split by their first :data:`PREFIX` letters (an empty string
    or one with a line break is no word: left out).

    A word's group is then the one named by its first PREFIX letters, else by its
    first SHORT letters: a name of PREFIX letters only exists where the SHORT ones
    were split, and there it holds every word that starts with it (a word of SHORT
    letters or fewer names its group either way).
    """
    short: dict[str, list[str]] = {}
    for word in sorted(set(words)):
        if "\n" in word or not word:
            continue
        short.setdefault(word[:SHORT], []).append(word)
    out: dict[str, list[str]] = {}
    for key, found in short.items():
        if len(found) <= SPLIT:
            out[key] = found
        else:
            for word in found:
                out.setdefault(word[:PREFIX], []).append(word)
    return {key: "\n" + "\n".join(found) + "\n" for key, found in out.items()}


def joined_words(grouped: dict[str, str]) -> frozenset[str]:
    """Every word of ``grouped``, as a frozenset."""
    joined = "".join(group[1:] for group in grouped.values())  # "a\nb\n...z\n"
    return frozenset(joined[:-1].split("\n")) if joined else frozenset()


class WordList:
    """The words of :func:`groups`; answers ``in``, ``intersection`` and iteration
    like the frozenset of them. ``full`` gives that frozenset when the budget runs
    out (from a cache, say; by default it is built from the groups)."""

    __slots__ = ("_full", "_get", "_groups", "_left", "_seen", "_set")

    def __init__(self, grouped: dict[str, str], full: Callable[[], frozenset[str]] | None = None) -> None:
        self._groups = grouped
        self._get = grouped.get
        self._full = full
        self._set: frozenset[str] | None = None
        self._left = BUDGET
        self._seen: dict[str, bool] = {}  # answers of :meth:`absent`

    @classmethod
    def of(cls, words: Iterable[str]) -> WordList:
        return cls(groups(words))

    def words(self) -> frozenset[str]:
        """Every word, as a frozenset (loaded or built on the first call)."""
        if self._set is None:
            self._set = self._full() if self._full is not None else joined_words(self._groups)
        return self._set

    def _spend(self, n: int) -> bool:
        """Whether ``n`` more look-ups are still to be answered from the groups."""
        if self._set is not None:
            return False
        self._left -= n
        return self._left >= 0

    def expect(self, n: int) -> None:
        """About ``n`` more look-ups are coming: load the frozenset now if they would
        overrun the budget (none is then spent in vain)."""
        if self._set is None and n > self._left:
            self.words()

    def spent(self) -> int:
        """Look-ups answered so far from the groups (of the :data:`BUDGET`)."""
        return BUDGET - self._left

    def _group(self, word: str) -> str | None:
        """The group ``word`` belongs in (see :func:`groups`)."""
        get = self._get
        return get(word[:PREFIX]) or get(word[:SHORT])

    def _has(self, word: str) -> bool:
        get = self._get
        group = get(word[:PREFIX]) or get(word[:SHORT])
        return group is not None and f"\n{word}\n" in group and "\n" not in word

    def __contains__(self, word: object) -> bool:
        if not self._spend(1) or not isinstance(word, str):
            return word in self.words()
        get = self._get
        group = get(word[:PREFIX]) or get(word[:SHORT])
        return group is not None and f"\n{word}\n" in group and "\n" not in word

    def absent(self, words: list[str]) -> list[str]:
        """The words of ``words`` that are not in the list, in order (each answer from
        the groups remembered: the next document of a batch asks mostly the same)."""
        if self._set is None:
            seen = self._seen
            new = list(filterfalse(seen.__contains__, words))
            if len(seen) + len(new) > REMEMBERED:
                seen.clear()
                new = list(words)
            if self._spend(len(new)):
                seen.update(zip(new, map(self._has, new)))
                return list(compress(words, map(not_, map(seen.__getitem__, words))))
        return list(filterfalse(self.words().__contains__, words))

    def intersection(self, words: Iterable[str]) -> AbstractSet[str]:
        if self._set is None:
            words = list(words)
            if self._spend(len(words)):
                return set(filter(self._has, words))
        return self.words().intersection(words)

    def starts_another(self, word: str) -> bool | None:
        """Whether ``word`` is no word of the list but the start of one ("dinn"); None
        when ``word`` is shorter than a group's name (ask the sorted words)."""
        if len(word) < PREFIX or "\n" in word:
            return None
        group = self._group(word)
        return group is not None and f"\n{word}" in group and f"\n{word}\n" not in group

    def __iter__(self) -> Iterator[str]:
        return iter(self.words())

    def __len__(self) -> int:
        if self._set is not None:
            return len(self._set)
        return sum(group.count("\n") - 1 for group in self._groups.values())

    def __bool__(self) -> bool:
        return bool(self._groups)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, WordList):
            return self._groups == other._groups
        if isinstance(other, (set, frozenset)):
            return self.words() == other
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]
