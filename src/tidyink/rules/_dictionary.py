"""The spelling dictionary: a curated word list checked against wordfreq.

Two sources, loaded lazily once per process:

- a *curated* list, symspellpy's English frequency dictionary (82,765 words: the
  intersection of SCOWL, a maintained spell-checking word list, with Google Books
  n-grams; British and American spellings). Every word in it is a real word.
- wordfreq's frequency list (321,180 English forms, see ``tidyink.lexicon``), which
  knows far more rare and modern words, names and slang, but also the common
  misspellings people type ("thier", "recieve", "definately" all score 2.5-3 Zipf).

A word in the curated list is correct. A word only wordfreq knows is accepted
unless it is *suspicious*: rare, and one edit from a curated word at least 100
times more frequent (that is what "thier" is to "their"). A word neither knows is
unknown. Suggestions are curated (or frequent) words one edit away, else two,
ranked by frequency. For languages other than English only wordfreq is used.
"""

from __future__ import annotations

from functools import cache, lru_cache
from importlib import resources

from tidyink import lexicon
from tidyink.rules._distance import edits1

SUSPICIOUS_GAP = 2.0  # Zipf: a neighbour 100 times more frequent makes a rare form suspicious
SUSPICIOUS_BELOW = 3.6  # forms more frequent than this are established, whatever their neighbours
SUGGEST_MIN = 2.0  # Zipf floor for suggestions that are not in the curated list


@cache
def curated(lang: str = "en") -> frozenset[str]:
    """The curated word list for ``lang`` (empty when there is none)."""
    if lang != "en":
        return frozenset()
    try:
        path = resources.files("symspellpy").joinpath("frequency_dictionary_en_82_765.txt")
        raw = path.read_text(encoding="utf-8")
    except (ModuleNotFoundError, FileNotFoundError):  # fall back to wordfreq alone
        return frozenset()
    return frozenset(line.split(" ", 1)[0] for line in raw.splitlines() if line)


def load(lang: str = "en") -> None:
    """Load both word lists now (benchmarks time this separately)."""
    curated(lang)
    lexicon.frequencies(lang)


def _zipf(word: str, lang: str) -> float:
    return lexicon.frequencies(lang).get(word, 0.0)


@lru_cache(maxsize=65536)
def status(word: str, lang: str = "en") -> str:
    """``"known"``, ``"suspicious"`` or ``"unknown"`` for a lower-case word."""
    good = curated(lang)
    if word in good:
        return "known"
    z = _zipf(word, lang)
    if z <= 0.0:
        return "unknown"
    if not good or z >= SUSPICIOUS_BELOW or len(word) < 4:
        return "known"
    freq = lexicon.frequencies(lang)
    for near in edits1(word):
        if near in good and freq.get(near, 0.0) >= z + SUSPICIOUS_GAP:
            return "suspicious"
    return "known"


def _candidates(words: set[str], lang: str) -> list[str]:
    good = curated(lang)
    freq = lexicon.frequencies(lang)
    return [w for w in words if w in good or (not good and freq.get(w, 0.0) >= SUGGEST_MIN)]


@lru_cache(maxsize=4096)
def suggest(word: str, lang: str = "en", limit: int = 3) -> tuple[str, ...]:
    """Up to ``limit`` corrections for a lower-case ``word``, best first."""
    freq = lexicon.frequencies(lang)
    near = edits1(word)
    found = _candidates(near, lang)
    if not found and len(word) <= 14:
        far: set[str] = set()
        for w in near:
            far |= edits1(w)
        found = _candidates(far - near - {word}, lang)

    def rank(w: str) -> tuple[float, str]:
        bonus = 0.5 if w[:1] == word[:1] else 0.0
        bonus += 0.3 if len(w) == len(word) else 0.0
        return (-(freq.get(w, 0.0) + bonus), w)

    return tuple(sorted(found, key=rank)[:limit])
