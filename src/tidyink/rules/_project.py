"""The project's own words: ``Options.words`` plus a plain words file (one per line)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from tidyink.errors import InputError
from tidyink.options import Options


@lru_cache(maxsize=16)
def _read(path: str, mtime: float) -> frozenset[str]:
    try:
        raw = Path(path).read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise InputError(f"{path}: words file not found") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: cannot read words file ({exc})") from None
    words = (line.split("#", 1)[0].strip() for line in raw.splitlines())
    return frozenset(w for w in words if w)


def read_words_file(path: str) -> frozenset[str]:
    """The words of a words file (blank lines and ``#`` comments ignored), cached."""
    try:
        mtime = Path(path).stat().st_mtime
    except OSError:
        raise InputError(f"{path}: words file not found") from None
    return _read(path, mtime)


def project_words(options: Options) -> frozenset[str]:
    """Every word the project declares correct, case-folded, apostrophes straight."""
    words = set(options.words)
    words_file = getattr(options, "words_file", None)
    if words_file:
        words |= read_words_file(words_file)
    return frozenset(w.replace("\u2019", "'").casefold() for w in words)
