"""The filter registry: every module in this package defines one filter.

Filters are found by scanning the package, so adding a filter means adding a
module; ``order`` on each class fixes the pipeline order. Modules must keep
heavy imports inside functions so that listing filters stays fast.
"""

from __future__ import annotations

import importlib
import pkgutil
from functools import cache

from tidyink.filters.base import Context, Filter, TextFilter

__all__ = ["Context", "Filter", "TextFilter", "all_filters", "get"]


@cache
def all_filters() -> tuple[type[Filter], ...]:
    """Every filter class, in pipeline order."""
    found: list[type[Filter]] = []
    for info in pkgutil.iter_modules(__path__):
        if info.name.startswith("_") or info.name == "base":
            continue
        module = importlib.import_module(f"{__name__}.{info.name}")
        for value in vars(module).values():
            if (
                isinstance(value, type)
                and issubclass(value, Filter)
                and value.__module__ == module.__name__
                and hasattr(value, "name")
            ):
                found.append(value)
    found.sort(key=lambda f: (f.order, f.name))
    names = [f.name for f in found]
    duplicates = {n for n in names if names.count(n) > 1}
    if duplicates:
        raise RuntimeError(f"duplicate filter names: {sorted(duplicates)}")
    return tuple(found)


def get(name: str) -> type[Filter]:
    for f in all_filters():
        if f.name == name:
            return f
    raise KeyError(name)
