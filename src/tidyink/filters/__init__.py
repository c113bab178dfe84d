"""The filter registry: every module in this package defines one filter.

Filters are found by scanning the package, so adding a filter means adding a
module; ``order`` on each class fixes the pipeline order. Modules must keep
heavy imports inside functions so that listing filters stays fast.
"""

from __future__ import annotations

from functools import cache

from tidyink._registry import discover
from tidyink.filters.base import Context, Filter, TextFilter

__all__ = ["Context", "Filter", "TextFilter", "all_filters", "get"]


@cache
def all_filters() -> tuple[type[Filter], ...]:
    """Every filter class, in pipeline order."""
    found = discover(__name__, __path__, Filter, "name")
    return tuple(sorted(found, key=lambda f: (f.order, f.name)))


def get(name: str) -> type[Filter]:
    for f in all_filters():
        if f.name == name:
            return f
    raise KeyError(name)
