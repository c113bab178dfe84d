"""``P``: the boilerplate pattern module (:mod:`._boilerplate_patterns`), imported on
first use, for the boilerplate filter and its helpers (each of its patterns is compiled
on first use too: compiling them all takes tens of ms)."""

from __future__ import annotations


class _Patterns:
    """The pattern module, imported on first use."""

    def __getattr__(self, name: str) -> object:
        from tidyink.filters import _boilerplate_patterns

        value = getattr(_boilerplate_patterns, name)
        setattr(self, name, value)  # later uses are plain attribute reads
        return value


P = _Patterns()
