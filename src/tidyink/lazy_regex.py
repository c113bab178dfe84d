"""Patterns compiled on first use.

Most modules compile their patterns when imported, and every filter module is
imported to list the filters, so a run pays for the patterns of filters it does not
run (a ``fix`` of a manuscript runs no structure filter). ``lazy(...)`` stands in
for ``regex.compile(...)`` at module level and compiles on the first method call.
"""

from __future__ import annotations

from typing import Any, cast

import regex


class _Lazy:
    """A pattern compiled on the first use of one of its attributes."""

    def __init__(self, pattern: str, flags: int) -> None:
        self.__dict__["_source"] = (pattern, flags)

    def __getattr__(self, name: str) -> Any:
        pattern, flags = self.__dict__["_source"]
        compiled = self.__dict__.get("_compiled")
        if compiled is None:
            compiled = self.__dict__["_compiled"] = regex.compile(pattern, flags)
        value = getattr(compiled, name)
        self.__dict__[name] = value  # later uses are plain attribute reads
        return value

    def __repr__(self) -> str:
        return f"lazy({self.__dict__['_source'][0]!r})"


def lazy(pattern: str, flags: int = 0) -> regex.Pattern[str]:
    """``regex.compile(pattern, flags)``, done when the pattern is first used."""
    return cast("regex.Pattern[str]", _Lazy(pattern, flags))
