"""Word frequencies for English and Western-European languages, loaded lazily.

Backed by wordfreq (frequencies from many corpora, one list per language). The
first lookup for a language loads its list once (about 0.1-0.3 s, less once it is
kept in the cache folder: ``$TIDYINK_CACHE_DIR``, else ``~/.cache/tidyink``; set
``TIDYINK_CACHE_DIR=`` to switch caching off); nothing is loaded at import time,
so ``tidyink --version`` stays fast.
"""

from __future__ import annotations

import marshal
import os
import sys
from functools import cache
from pathlib import Path

SUPPORTED = ("en", "fr", "de", "es", "pt", "it", "nl")


def language_codes(language: str) -> tuple[str, ...]:
    """Word-list languages for an Options.language value such as ``en-GB`` or ``fr``."""
    base = language.split("-")[0].split("_")[0].lower()
    return (base,) if base in SUPPORTED else ("en",)


@cache
def frequencies(lang: str) -> dict[str, float]:
    """Lower-case word → Zipf frequency (log10 of occurrences per billion words).

    Built from wordfreq once, then kept in the user's cache folder (about 3 times
    faster to load: a pre-commit hook pays ~0.1 s per language, not ~0.3 s).
    """
    cached = _cache_file(lang)
    if cached is not None:
        try:
            table = marshal.loads(cached.read_bytes())
        except (OSError, ValueError, EOFError, TypeError):
            table = None
        if isinstance(table, dict):
            return table
    table = _build(lang)
    if cached is not None:
        _store(cached, table)
    return table


def _build(lang: str) -> dict[str, float]:
    import wordfreq

    # wordfreq stores words in buckets of one centibel each: bucket i holds the
    # words of frequency 10^(-i/100), i.e. Zipf 9 - i/100.
    table: dict[str, float] = {}
    for i, bucket in enumerate(wordfreq.get_frequency_list(lang, wordlist="best")):
        if bucket:
            table.update(dict.fromkeys(bucket, 9 - i / 100))
    return table


def _cache_file(lang: str) -> Path | None:
    """Where the built list for ``lang`` is kept; None when caching is off (TIDYINK_CACHE_DIR=)."""
    from importlib.metadata import PackageNotFoundError, version

    folder = os.environ.get("TIDYINK_CACHE_DIR")
    if folder is None:
        base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
        folder = os.path.join(base, "tidyink")
    if not folder:
        return None
    try:
        wf = version("wordfreq")
    except PackageNotFoundError:
        return None
    return Path(folder) / f"words-{lang}-wordfreq{wf}-py{sys.version_info[0]}{sys.version_info[1]}.marshal"


def _store(path: Path, table: dict[str, float]) -> None:
    """Write the cache atomically; a cache that cannot be written is no error."""
    import contextlib
    import tempfile

    with contextlib.suppress(OSError):
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(marshal.dumps(table))
            os.replace(tmp, path)
        except OSError:
            os.unlink(tmp)


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
