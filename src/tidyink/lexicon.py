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
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import TypeVar

from tidyink.options import base_language
from tidyink.wordindex import CORE_ZIPF as CORE_ZIPF  # words at least this common are the "common" ones
from tidyink.wordindex import WordIndex, encode

T = TypeVar("T")
SUPPORTED = ("en", "fr", "de", "es", "pt", "it", "nl")


def language_codes(language: str) -> tuple[str, ...]:
    """Word-list languages for an Options.language value such as ``en-GB`` or ``fr``."""
    base = base_language(language)
    return (base,) if base in SUPPORTED else ("en",)


_OPENED: dict[str, WordIndex] = {}  # what frequencies() opened in this process


@cache
def frequencies(lang: str) -> WordIndex:
    """Lower-case word → Zipf frequency (log10 of occurrences per billion words).

    Built from wordfreq once (0.1-0.4 s), then kept in the user's cache folder,
    from which a language opens in well under a millisecond (see :mod:`tidyink.wordindex`).
    """
    index = _open(lang)
    _OPENED[lang] = index
    return index


def _open(lang: str) -> WordIndex:
    path = _cache_file(lang)
    if path is not None:
        try:
            return WordIndex.open(path)
        except (OSError, ValueError):
            pass
    data = encode(_build(lang))
    if path is not None:
        store_file(path, data, family=f"words3-{lang}-", raw=True)
        _drop_old_format(path.parent, lang)
    return WordIndex(data)


def expect_more(scale: float) -> None:
    """``scale`` times as many look-ups as each list opened so far has answered are
    coming: load now the common words' dict of those that they would make load it."""
    for index in list(_OPENED.values()):
        index.expect(round(index.spent() * scale))


def _drop_old_format(folder: Path, lang: str) -> None:
    """Remove ``lang``'s word lists of the cache's earlier format (``words2-…``, a few MB
    each), which no version reading ``words3-…`` files opens again."""
    import contextlib

    with contextlib.suppress(OSError):
        for old in folder.glob(f"words2-{lang}-*"):
            old.unlink(missing_ok=True)


def _build(lang: str) -> dict[str, float]:
    import wordfreq

    # wordfreq stores words in buckets of one centibel each: bucket i holds the
    # words of frequency 10^(-i/100), i.e. Zipf 9 - i/100.
    table: dict[str, float] = {}
    for i, bucket in enumerate(wordfreq.get_frequency_list(lang, wordlist="best")):
        if bucket:
            table.update(dict.fromkeys(bucket, 9 - i / 100))
    return table


def cache_folder() -> Path | None:
    """The folder for built word lists; None when caching is off (TIDYINK_CACHE_DIR=)."""
    folder = os.environ.get("TIDYINK_CACHE_DIR")
    if folder is None:
        base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
        folder = os.path.join(base, "tidyink")
    return Path(folder) if folder else None


def _cache_file(lang: str) -> Path | None:
    """Where the built list for ``lang`` is kept; None when caching is off (TIDYINK_CACHE_DIR=)."""
    folder = cache_folder()
    if folder is None:
        return None
    wf = _wordfreq_version()
    if wf is None:
        return None
    return folder / f"words3-{lang}-wordfreq{wf}-py{sys.version_info[0]}{sys.version_info[1]}.index"


@cache
def _wordfreq_version() -> str | None:
    """The installed wordfreq's version, found once (a glob of the packages' folder)."""
    return installed_version("wordfreq")


def cached(name: str, build: Callable[[], T], kind: type, family: str | None = None) -> T:
    """``build()``, kept in the cache folder as ``name`` (a marshal file: a value of
    built-in types only); read back from there when present, readable and a ``kind``.

    ``name`` must change whenever what ``build`` returns may change (name the
    version or a digest of its source: :func:`content_key`). ``family``: the start of the names
    of earlier versions of the same thing, of which only the newest few are kept.
    """
    folder = cache_folder()
    path = folder / f"{name}-py{sys.version_info[0]}{sys.version_info[1]}.marshal" if folder else None
    if path is not None:
        try:
            value = marshal.loads(path.read_bytes())
        except (OSError, ValueError, EOFError, TypeError):
            value = None
        if isinstance(value, kind):
            return value  # type: ignore[return-value]
    value = build()
    if path is not None:
        store_file(path, value, family=family)
    return value


def content_key(path: str | Path) -> str | None:
    """A short digest of a file's bytes, to name what is built from it in the cache
    folder (its size and time would differ between two installations of the same
    file, which would then keep building their own); None when it cannot be read."""
    import zlib

    try:
        data = Path(path).read_bytes()
    except OSError:
        return None
    return f"{len(data):x}-{zlib.crc32(data):08x}"


def installed_version(name: str) -> str | None:
    """An installed distribution's version, from its ``.dist-info`` folder name when it
    sits beside the package (importing ``importlib.metadata`` costs ~15 ms at start-up)."""
    from importlib.util import find_spec

    spec = find_spec(name)
    if spec is None or spec.origin is None:
        return None
    site = Path(spec.origin).parent.parent
    found = sorted(site.glob(f"{name}-*.dist-info"))
    if len(found) == 1:
        return found[0].name[len(name) + 1 : -len(".dist-info")]
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(name)
    except PackageNotFoundError:
        return None


KEEP_VERSIONS = 3  # files of one family kept: other installations may still read theirs


def store_file(path: Path, table: object, family: str | None = None, raw: bool = False) -> None:
    """Write a cache file atomically (``table`` marshalled, or as it is when ``raw``:
    bytes); a cache that cannot be written is no error.

    ``family``: the start of the names of this file's other versions (built from another
    installation's word list, say); all but the newest ``KEEP_VERSIONS`` are removed, so
    the folder does not grow with every installation.
    """
    import contextlib
    import tempfile

    with contextlib.suppress(OSError, ValueError):  # (ValueError: a value marshal cannot write)
        path.parent.mkdir(parents=True, exist_ok=True)
        data = table if raw and isinstance(table, bytes) else marshal.dumps(table)
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
            os.replace(tmp, path)
        except OSError:
            os.unlink(tmp)
            return
    if family:
        _prune(path, family)


def _prune(path: Path, family: str) -> None:
    """Remove the older versions of ``path``: files of its folder named ``family…`` for
    the same Python, all but the newest ``KEEP_VERSIONS`` (``path`` itself is kept)."""
    import contextlib

    tail = path.name[path.name.rfind("-py") :]  # "-py311.marshal": another Python's are its own
    with contextlib.suppress(OSError):
        others = [p for p in path.parent.glob(f"{family}*{tail}") if p != path]
        others.sort(key=lambda p: p.stat().st_mtime, reverse=True)
        for old in others[KEEP_VERSIONS - 1 :]:
            old.unlink(missing_ok=True)


def _key(word: str) -> str:
    return word.replace("\u2019", "'").replace("\u02bc", "'").casefold()


def zipf(word: str, lang: str = "en") -> float:
    """Zipf frequency of ``word`` (case-insensitive, curly apostrophes allowed); 0 if unknown."""
    return frequencies(lang).get(_key(word), 0.0)


def common_zipf(word: str, lang: str = "en") -> float:
    """``zipf(word, lang)`` when that is at least CORE_ZIPF, else 0 (a dict lookup only)."""
    return frequencies(lang).common(_key(word))


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
