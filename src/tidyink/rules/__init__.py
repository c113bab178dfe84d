"""The rule registry: every module in this package defines lint rules.

Like filters, rules are discovered by scanning the package, and their modules
keep heavy imports (dictionaries, word lists) inside functions.
"""

from __future__ import annotations

from functools import cache

from tidyink._registry import discover
from tidyink.rules.base import Rule

__all__ = ["Rule", "all_rules", "get"]


@cache
def all_rules() -> tuple[type[Rule], ...]:
    """Every rule class, sorted by code."""
    return tuple(sorted(discover(__name__, __path__, Rule, "code"), key=lambda r: r.code))


def get(code: str) -> type[Rule]:
    for rule in all_rules():
        if rule.code == code or rule.name == code:
            return rule
    raise KeyError(code)
