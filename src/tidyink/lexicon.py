"""Word frequencies for English and Western-European languages, loaded lazily.

Backed by wordfreq (frequencies from many corpora, one list per language). The
first lookup for a language loads its list once (about 0.1-0.3 s); nothing is
loaded at import time, so ``tidyink --version`` stays fast.
"""

from __future__ import annotations

from functools import cache

SUPPORTED = ("en", "fr", "de", "es", "pt", "it", "nl")


def language_codes(language: str) -> tuple[str, ...]:
    """Word-list languages for an Options.language value such as ``en-GB`` or ``fr``."""
    base = language.split("-")[0].split("_")[0].lower()
    return (base,) if base in SUPPORTED else ("en",)


@cache
def frequencies(lang: str) -> dict[str, float]:
    """Lower-case word → Zipf frequency (log10 of occurrences per billion words)."""
    import wordfreq

    # wordfreq stores words in buckets of one centibel each: bucket i holds the
    # words of frequency 10^(-i/100), i.e. Zipf 9 - i/100.
    table: dict[str, float] = {}
    for i, bucket in enumerate(wordfreq.get_frequency_list(lang, wordlist="best")):
        if bucket:
            table.update(dict.fromkeys(bucket, 9 - i / 100))
    return table


def _key(word: str) -> str:
    return word.replace("\u2019", "'").replace("\u02bc", "'").casefold()


def zipf(word: str, lang: str = "en") -> float:
    """Zipf frequency of ``word`` (case-insensitive, curly apostrophes allowed); 0 if unknown."""
    return frequencies(lang).get(_key(word), 0.0)


def best_zipf(word: str, langs: tuple[str, ...] = ("en",)) -> float:
    """The highest Zipf frequency of ``word`` among ``langs``."""
    key = _key(word)
    return max((frequencies(lang).get(key, 0.0) for lang in langs), default=0.0)


def reaches(word: str, langs: tuple[str, ...], threshold: float) -> bool:
    """Whether ``word`` is at least ``threshold`` common in one of ``langs``.

    Languages are consulted in order and loaded only when needed, so an English
    word in an English text never loads the French list.
    """
    key = _key(word)
    return any(frequencies(lang).get(key, 0.0) >= threshold for lang in langs)


def is_word(word: str, langs: tuple[str, ...] = ("en",), min_zipf: float = 1.0) -> bool:
    """Whether ``word`` is a known word in any of ``langs`` at or above ``min_zipf``."""
    return reaches(word, langs, min_zipf)
