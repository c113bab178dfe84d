"""The package's data files (``src/tidyink/data``), read once."""

from __future__ import annotations

import sys
from functools import cache
from importlib.machinery import SourceFileLoader, SourcelessFileLoader
from pathlib import Path
from typing import Any


def files(package: str) -> Any:
    """``importlib.resources.files(package)``: for a package loaded from a folder (the
    usual installation) the folder itself, a ``Path``, as that function returns, but
    without importing ``importlib.resources`` and ``zipfile`` (~2.5 ms at start-up);
    for any other package (in a zip archive, say), what that function returns."""
    spec = getattr(sys.modules.get(package), "__spec__", None)
    if spec is not None and isinstance(spec.loader, (SourceFileLoader, SourcelessFileLoader)) and spec.origin:
        return Path(spec.origin).parent
    from importlib import resources

    return resources.files(package)


@cache
def language_table(name: str) -> dict[str, tuple[str, ...]]:
    """A data file of ``code: word word ...`` lines (``#`` starts a comment): code → its words."""
    raw = files("tidyink").joinpath("data", name).read_text(encoding="utf-8")
    table: dict[str, tuple[str, ...]] = {}
    for line in raw.splitlines():
        line = line.split("#", 1)[0].strip()
        if ":" in line:
            code, words = line.split(":", 1)
            table[code.strip()] = tuple(words.split())
    return table
