"""The rule registry: every module in this package defines lint rules.

Like filters, rules are discovered by scanning the package, and their modules
keep heavy imports (dictionaries, word lists) inside functions.
"""

from __future__ import annotations

import importlib
import pkgutil
from functools import cache

from tidyink.rules.base import Rule

__all__ = ["Rule", "all_rules", "get"]


@cache
def all_rules() -> tuple[type[Rule], ...]:
    """Every rule class, sorted by code."""
    found: list[type[Rule]] = []
    for info in pkgutil.iter_modules(__path__):
        if info.name.startswith("_") or info.name == "base":
            continue
        module = importlib.import_module(f"{__name__}.{info.name}")
        for value in vars(module).values():
            if (
                isinstance(value, type)
                and issubclass(value, Rule)
                and value.__module__ == module.__name__
                and hasattr(value, "code")
            ):
                found.append(value)
    found.sort(key=lambda r: r.code)
    codes = [r.code for r in found]
    duplicates = {c for c in codes if codes.count(c) > 1}
    if duplicates:
        raise RuntimeError(f"duplicate rule codes: {sorted(duplicates)}")
    return tuple(found)


def get(code: str) -> type[Rule]:
    for rule in all_rules():
        if rule.code == code or rule.name == code:
            return rule
    raise KeyError(code)
