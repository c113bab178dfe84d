"""The package's data files (``src/tidyink/data``), read once."""

from __future__ import annotations

from functools import cache
from importlib import resources


@cache
def language_table(name: str) -> dict[str, tuple[str, ...]]:
    """A data file of ``code: word word ...`` lines (``#`` starts a comment): code → its words."""
    raw = resources.files("tidyink").joinpath("data", name).read_text(encoding="utf-8")
    table: dict[str, tuple[str, ...]] = {}
    for line in raw.splitlines():
        line = line.split("#", 1)[0].strip()
        if ":" in line:
            code, words = line.split(":", 1)
            table[code.strip()] = tuple(words.split())
    return table
