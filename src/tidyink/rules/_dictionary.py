"""The spelling dictionary: a curated word list checked against wordfreq.

Two sources, loaded lazily once per process (about 1-2 s together):

- a *curated* list: pyspellchecker's English dictionary (160,572 words, built from
  subtitle word frequencies filtered through SCOWL, the word lists behind Hunspell's
  English dictionaries). It holds rare literary words ("gloaming", "expostulate")
  but not the misspellings people type.
- wordfreq's frequency list (321,180 English forms, see ``tidyink.lexicon``): far
  more modern words, slang and British spellings, but also the common misspellings
  ("thier", "recieve", "definately" all score 2.5-3 Zipf), so alone it cannot
  tell a typo from a word (measured: 0 of 26 common misspellings caught).

A word in the curated list is correct. A word only wordfreq knows is accepted
unless it is *suspicious*: rarer than Zipf 3.6 and a typical typo (swapped, doubled,
dropped letter, wrong vowel) of a curated word at least 100 times more frequent. A
word neither knows is unknown, unless it is a known word plus a regular prefix or
suffix, or a closed compound of two words that is not one edit from a word.
Suggestions (``_suggest``) are curated words one edit away, else two, ranked by
frequency. Other languages have no curated list here and are not spell-checked.
"""

from __future__ import annotations

from functools import cache, lru_cache
from importlib import resources

from tidyink import lexicon
from tidyink.rules._distance import edits1

SUSPICIOUS_GAP = 2.0  # Zipf: a neighbour 100 times more frequent makes a rare form suspicious
SUSPICIOUS_BELOW = 3.6  # forms more frequent than this are established, whatever their neighbours


@cache
def curated(lang: str = "en") -> frozenset[str]:
    """The curated word lists for ``lang`` (empty when there is none), loaded once."""
    return frozenset(_pyspellchecker(lang))


def _pyspellchecker(lang: str) -> set[str]:
    import gzip
    import json

    try:
        path = resources.files("spellchecker").joinpath("resources").joinpath(f"{lang}.json.gz")
        with path.open("rb") as raw, gzip.open(raw) as stream:
            return set(json.load(stream))
    except (ModuleNotFoundError, FileNotFoundError, OSError, ValueError):
        return set()


def load(lang: str = "en") -> None:
    """Load both word lists now (benchmarks time this separately)."""
    curated(lang)
    lexicon.frequencies(lang)


def _zipf(word: str, lang: str) -> float:
    return lexicon.frequencies(lang).get(word, 0.0)


# English derivations: suffix -> what the base may end with instead (e-drop, y -> i)
_SUFFIXES = (
    ("ishly", ("", "e")),
    ("fully", ("",)),
    ("ingly", ("", "e")),
    ("ness", ("", "y")),
    ("less", ("", "y")),
    ("ment", ("",)),
    ("ments", ("",)),
    ("ably", ("", "e")),
    ("able", ("", "e")),
    ("ful", ("", "y")),
    ("ally", ("",)),
    ("al", ("",)),
    ("ily", ("y",)),
    ("ly", ("", "le")),
    ("ings", ("", "e")),
    ("ing", ("", "e")),
    ("ied", ("y",)),
    ("ies", ("y",)),
    ("ed", ("", "e")),
    ("ers", ("", "e")),
    ("er", ("", "e")),
    ("est", ("", "e")),
    ("ish", ("", "e")),
    ("es", ("",)),
    ("s", ("",)),
)
_PREFIXES = (
    "un",
    "re",
    "non",
    "over",
    "under",
    "out",
    "pre",
    "mis",
    "dis",
    "self",
    "half",
    "semi",
    "counter",
    "super",
    "fore",
    "after",
    "up",
    "down",
    "en",
    "be",
)


def derived(word: str, lang: str = "en") -> bool:
    """Whether ``word`` is a known word plus a regular English prefix or suffix."""
    if lang != "en":
        return False
    for suffix, ends in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            stem = word[: -len(suffix)]
            bases = [stem + end for end in ends]
            if len(stem) > 3 and stem[-1] == stem[-2] and stem[-1] not in "aeiouls":
                bases.append(stem[:-1])  # doubled consonant: sledding, wetter
            if any(_plain(b, lang) for b in bases):
                return True
    return any(
        word.startswith(prefix)
        and len(word) - len(prefix) >= 4
        and _plain(word[len(prefix) :], lang)
        for prefix in _PREFIXES
    )


def _plain(word: str, lang: str) -> bool:
    return word in curated(lang) or _zipf(word, lang) > 0.0


@lru_cache(maxsize=65536)
def status(word: str, lang: str = "en") -> str:
    """``"known"``, ``"suspicious"`` or ``"unknown"`` for a lower-case word."""
    verdict = _status(word, lang)
    if verdict == "unknown" and (derived(word, lang) or compound(word, lang)):
        return "known"
    return verdict


def compound(word: str, lang: str = "en") -> bool:
    """A closed compound of two dictionary words ("dustcoat", "beggarman") that is not
    one edit from a dictionary word ("chipsticks" is one from "chopsticks")."""
    good = curated(lang)
    if lang != "en" or len(word) < 7:
        return False
    halves = any(word[:i] in good and word[i:] in good for i in range(3, len(word) - 2))
    return halves and not any(near in good for near in edits1(word))


def _status(word: str, lang: str) -> str:
    good = curated(lang)
    if word in good:
        return "known"
    z = _zipf(word, lang)
    if z <= 0.0:
        return "unknown"
    if not good or z >= SUSPICIOUS_BELOW or len(word) < 4:
        return "known"
    if any(v in good for v in british_to_american(word)):
        return "known"  # theorise, colourless, centred, travelled
    freq = lexicon.frequencies(lang)
    for near in typo_neighbours(word):
        if near in good and freq.get(near, 0.0) >= z + SUSPICIOUS_GAP:
            return "suspicious"
    return "known"


_VOWELS = "aeiouy"
_BRITISH = (
    ("isation", "ization"),
    ("ise", "ize"),
    ("ised", "ized"),
    ("ising", "izing"),
    ("yse", "yze"),
    ("our", "or"),
    ("re", "er"),
    ("red", "ered"),
    ("lled", "led"),
    ("lling", "ling"),
    ("ller", "ler"),
    ("ogue", "og"),
    ("ence", "ense"),
)


def british_to_american(word: str) -> list[str]:
    """American spellings ``word`` may be the British form of."""
    out = [word.replace("our", "or")] if "our" in word else []
    out += [word[: -len(b)] + a for b, a in _BRITISH if word.endswith(b)]
    return out


def typo_neighbours(word: str) -> set[str]:
    """Words ``word`` could be a typical misspelling of: swapped letters ("thier"), a
    wrong vowel ("seperate"), a doubled or undoubled letter ("untill", "occured") or a
    dropped letter ("goverment")."""
    out: set[str] = set()
    n = len(word)
    for i in range(n):
        a = word[:i]
        b = word[i + 1 :]
        ch = word[i]
        if i + 1 < n and word[i + 1] != ch:
            out.add(a + word[i + 1] + ch + word[i + 2 :])
        if ch in _VOWELS:
            out.update(a + v + b for v in _VOWELS if v != ch)
        if i + 1 < n and word[i + 1] == ch:
            out.add(a + b)  # undouble
        out.add(a + ch + ch + b)  # double
    for i in range(n + 1):
        out.update(word[:i] + c + word[i:] for c in "abcdefghijklmnopqrstuvwxyz")
    out.discard(word)
    return out
