""""Did you mean ...?" for a mistyped name (a filter, rule, encoding or key), with difflib."""

from __future__ import annotations

import difflib
from collections.abc import Iterable


def close_to(word: str, choices: Iterable[str]) -> str | None:
    """The known name closest to ``word`` (case-insensitive), or None when none is close."""
    choices = list(dict.fromkeys(choices))
    lowered = {c.lower(): c for c in choices}
    found = difflib.get_close_matches(word.lower(), list(lowered), n=1, cutoff=0.6)
    return lowered[found[0]] if found else None


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """`` (did you mean 'x'?)`` for the closest known name, or an empty string."""
    close = close_to(word, choices)
    return f" (did you mean {close!r}?)" if close else ""
