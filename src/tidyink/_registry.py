"""Plug-in discovery shared by the filter and rule registries."""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Iterable
from typing import TypeVar

T = TypeVar("T", bound=type)


def module_names(path: Iterable[str]) -> list[str]:
    """The public modules of a package (names not starting with ``_``, and not ``base``)."""
    return [
        info.name
        for info in pkgutil.iter_modules(list(path))
        if not info.name.startswith("_") and info.name != "base"
    ]


def classes_in(package: str, name: str, base: T, key: str) -> list[T]:
    """The subclasses of ``base`` that module ``name`` of ``package`` defines and that set ``key``."""
    module = importlib.import_module(f"{package}.{name}")
    return [
        value
        for value in vars(module).values()
        if isinstance(value, type)
        and issubclass(value, base)
        and value.__module__ == module.__name__
        and hasattr(value, key)
    ]


def discover(
    package: str, path: Iterable[str], base: T, key: str, modules: Iterable[str] | None = None
) -> list[T]:
    """Every subclass of ``base`` defined in a public module of ``package`` (of those
    named in ``modules`` when given: the others are not imported).

    Modules whose names start with ``_`` and the ``base`` module are skipped; a
    class counts when it sets ``key`` (``name`` for filters, ``code`` for rules),
    and two classes with the same ``key`` are an error.
    """
    found: list[T] = []
    for name in module_names(path) if modules is None else modules:
        found.extend(classes_in(package, name, base, key))
    keys = [getattr(c, key) for c in found]
    duplicates = sorted({k for k in keys if keys.count(k) > 1})
    if duplicates:
        raise RuntimeError(f"duplicate {key}s in {package}: {duplicates}")
    return found
