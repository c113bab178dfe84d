"""The filter registry: every module in this package defines one filter.

Filters are found by scanning the package, so adding a filter means adding a
module; ``order`` on each class fixes the pipeline order. Modules must keep
heavy imports inside functions so that listing filters stays fast.

``INDEX`` names each module's filter, stage and input formats, so that a run
imports only the modules of filters it may run (``fix`` runs no structure filter,
``check`` only the repair ones, Markdown input no text-only filter): importing every
filter costs more than a short file's run. A module missing from it is imported
all the same (a test keeps it complete).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

from tidyink._registry import classes_in, discover, module_names
from tidyink.filters.base import Context, Filter, TextFilter

__all__ = ["INDEX", "Context", "Filter", "TextFilter", "all_filters", "filters_where", "get", "stages_by_name"]

# module -> (its filter's name, stage, input formats), in pipeline order
_ALL = frozenset({"text", "markdown", "html"})
_TEXT = frozenset({"text"})
_PAGES = frozenset({"text", "html"})
INDEX: dict[str, tuple[str, str, frozenset[str]]] = {
    "entities": ("entities", "repair", _TEXT),
    "mojibake": ("mojibake", "repair", _ALL),
    "codepage": ("codepage", "repair", _ALL),
    "invisibles": ("invisibles", "repair", _ALL),
    "boilerplate": ("boilerplate", "structure", _PAGES),
    "paragraphs": ("paragraphs", "structure", _TEXT),
    "unwrap": ("unwrap", "structure", _TEXT),
    "headings": ("headings", "structure", _TEXT),
    "scene_breaks": ("scene-breaks", "structure", _PAGES),
    "emphasis": ("emphasis", "structure", _TEXT),
    "quotes": ("quotes", "typography", _ALL),
    "dashes": ("dashes", "typography", _ALL),
    "ellipses": ("ellipses", "typography", _ALL),
    "spacing": ("spacing", "typography", _ALL),
}


def _order(found: list[type[Filter]]) -> tuple[type[Filter], ...]:
    return tuple(sorted(found, key=lambda f: (f.order, f.name)))


@cache
def all_filters() -> tuple[type[Filter], ...]:
    """Every filter class, in pipeline order."""
    return _order(discover(__name__, __path__, Filter, "name", modules=_modules()))


@cache
def _modules() -> tuple[str, ...]:
    return tuple(module_names(__path__))


def filters_where(may_run: Callable[[str, str, frozenset[str]], bool]) -> tuple[type[Filter], ...]:
    """The filter classes, in pipeline order, but for those ``may_run(name, stage,
    formats)`` rules out by ``INDEX``: their modules are not imported."""
    chosen = [m for m in _modules() if m not in INDEX or may_run(*INDEX[m])]
    if len(chosen) == len(_modules()):
        return all_filters()
    return _order(discover(__name__, __path__, Filter, "name", modules=chosen))


@cache
def stages_by_name() -> dict[str, str]:
    """Each filter's name -> stage, in pipeline order, read from ``INDEX`` (modules
    missing there are imported, and come last)."""
    found = {INDEX[m][0]: INDEX[m][1] for m in INDEX if m in _modules()}
    for module in _modules():
        if module not in INDEX:
            found.update((f.name, f.stage) for f in classes_in(__name__, module, Filter, "name"))
    return found
