"""Patterns compiled on first use, and compiled once per installation.

Most modules compile their patterns when imported, and every filter module is
imported to list the filters, so a run pays for the patterns of filters it does not
run (a ``fix`` of a manuscript runs no structure filter). ``lazy(...)`` stands in
for ``regex.compile(...)`` at module level and compiles on the first method call.

Compiling is most of the cost of a short run: the ``regex`` module parses a pattern
in Python (a word-list alternation takes several milliseconds), while it rebuilds a
pickled pattern from its compiled code in microseconds. :func:`compiled` keeps what
``regex`` pickles a pattern as (the arguments of ``regex._regex.compile``: strings,
numbers, lists and dicts) for the project's own patterns in the cache folder (see
``lexicon``), marshalled, one file per version of ``regex`` and of Python, and reads
it back in later runs; ``pickle`` itself is never loaded (it costs more to import
than a short run spends rebuilding patterns), and nothing in the file is called.
Only patterns written in the project's source go there (``lazy`` ones and those it
compiles at import), never one built from a document, so the store stays small.
"""

from __future__ import annotations

import atexit
import copyreg
import marshal
import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, cast

import regex
from regex import _regex

MAX_KEPT = 4000  # patterns in the store: past this it starts again (old versions' patterns)
_Key = tuple[str, int]


class _Store:
    """The pickled patterns kept on disk, read at the first compile of a run; the
    ones compiled anew are added to the file when the run ends."""

    def __init__(self) -> None:
        self.kept: dict[_Key, bytes] | None = None
        self.new: dict[_Key, bytes] = {}
        self.path: Path | None = None

    def load(self) -> dict[_Key, bytes]:
        if self.kept is None:
            self.path = _store_path()
            self.kept = _read(self.path) if self.path is not None else {}
        return self.kept

    def get(self, pattern: str, flags: int) -> regex.Pattern[str] | None:
        blob = self.load().get((pattern, flags))
        if blob is None:
            return None
        try:
            args = marshal.loads(blob)
            if not isinstance(args, tuple) or not args or args[0] != pattern:
                return None  # (another pattern's entry)
            found = _regex.compile(*args)
        except Exception:  # (a damaged entry is compiled again)
            return None
        return found if isinstance(found, regex.Pattern) and found.pattern == pattern else None

    def add(self, pattern: str, flags: int, compiled: regex.Pattern[str]) -> None:
        if self.path is None:
            return
        try:
            self.new[(pattern, flags)] = _dumps(compiled)
        except (ValueError, TypeError):
            return
        if len(self.new) == 1:
            atexit.register(self.save)

    def save(self) -> None:
        """Add this run's new patterns to the file (with those other runs added since)."""
        if not self.new or self.path is None:
            return
        from tidyink.lexicon import store_file

        kept = _read(self.path)
        if len(kept) + len(self.new) > MAX_KEPT:
            kept = {}
        kept.update(self.new)
        self.new = {}
        store_file(self.path, kept, family="patterns-regex")


def _dumps(compiled: regex.Pattern[str]) -> bytes:
    """The arguments ``regex`` pickles ``compiled`` as, marshalled (ValueError when
    it pickles it as a call of anything but ``regex._regex.compile``)."""
    reduce = copyreg.dispatch_table.get(type(compiled))
    call, args = reduce(compiled) if reduce is not None else (None, None)
    if call is not _regex.compile or not isinstance(args, tuple):
        raise ValueError("not a pattern regex rebuilds from its compiled code")
    return marshal.dumps(args)


def _store_path() -> Path | None:
    from tidyink.lexicon import cache_folder

    folder = cache_folder()
    if folder is None:
        return None
    version = sys.version_info
    return folder / f"patterns-regex{regex.__version__}-args-py{version[0]}{version[1]}.marshal"


def _read(path: Path) -> dict[_Key, bytes]:
    try:
        value = marshal.loads(path.read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        return {}
    return value if isinstance(value, dict) else {}


_STORE = _Store()


def compiled(pattern: str, flags: int = 0) -> regex.Pattern[str]:
    """``regex.compile(pattern, flags)``, read from the store when an earlier run
    compiled it. For the project's own patterns only: not one built from a document."""
    flags = int(flags)  # (a RegexFlag is no plain int to marshal)
    found = _STORE.get(pattern, flags)
    if found is None:
        found = regex.compile(pattern, flags)
        _STORE.add(pattern, flags, found)
    return found


class _Lazy:
    """A pattern compiled on the first use of one of its attributes (by ``compile``:
    :func:`compiled`, or the standard engine's ``re.compile``)."""

    def __init__(self, pattern: str, flags: int, compile: Callable[[str, int], Any] = compiled) -> None:
        self.__dict__["_source"] = (pattern, flags)
        self.__dict__["_compile"] = compile

    def __getattr__(self, name: str) -> Any:
        pattern, flags = self.__dict__["_source"]
        found = self.__dict__.get("_compiled")
        if found is None:
            found = self.__dict__["_compiled"] = self.__dict__["_compile"](pattern, flags)
        value = getattr(found, name)
        self.__dict__[name] = value  # later uses are plain attribute reads
        return value

    def __repr__(self) -> str:
        return f"lazy({self.__dict__['_source'][0]!r})"


def lazy(pattern: str, flags: int = 0) -> regex.Pattern[str]:
    """``regex.compile(pattern, flags)``, done when the pattern is first used."""
    return cast("regex.Pattern[str]", _Lazy(pattern, flags))


def lazy_re(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)`` (the standard engine), done when the pattern is
    first used: for patterns only some texts need (a run pays for the others' compiling)."""
    return cast("re.Pattern[str]", _Lazy(pattern, flags, re.compile))
