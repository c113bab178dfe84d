"""Plug-in discovery shared by the filter and rule registries."""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Iterable
from typing import TypeVar

T = TypeVar("T", bound=type)


def discover(package: str, path: Iterable[str], base: T, key: str) -> list[T]:
    """Every subclass of ``base`` defined in a public module of ``package``.

    Modules whose names start with ``_`` and the ``base`` module are skipped; a
    class counts when it sets ``key`` (``name`` for filters, ``code`` for rules),
    and two classes with the same ``key`` are an error.
    """
    found: list[T] = []
    for info in pkgutil.iter_modules(list(path)):
        if info.name.startswith("_") or info.name == "base":
            continue
        module = importlib.import_module(f"{package}.{info.name}")
        for value in vars(module).values():
            if (
                isinstance(value, type)
                and issubclass(value, base)
                and value.__module__ == module.__name__
                and hasattr(value, key)
            ):
                found.append(value)
    keys = [getattr(c, key) for c in found]
    duplicates = sorted({k for k in keys if keys.count(k) > 1})
    if duplicates:
        raise RuntimeError(f"duplicate {key}s in {package}: {duplicates}")
    return found
