"""Finding the configuration file for a folder and reading its tidyink table.

In each folder ``.tidyink.toml`` wins over ``tidyink.toml``, which wins over a
``pyproject.toml`` that has a ``[tool.tidyink]`` table; the nearest folder wins.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from tidyink.config_settings import ConfigError

CONFIG_NAMES = (".tidyink.toml", "tidyink.toml", "pyproject.toml")


def _toml() -> Any:
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - exercised on Python 3.10 only
        import tomli as tomllib
    return tomllib


def find_config(start: Path, cache: dict[Path, Path | None] | None = None) -> Path | None:
    """The nearest configuration file at or above folder ``start``.

    ``cache`` (folder -> answer) spares repeated walks over the same folders.
    """
    cache = {} if cache is None else cache
    folder = start.resolve()
    seen: list[Path] = []
    found: Path | None = None
    while True:
        if folder in cache:
            found = cache[folder]
            break
        seen.append(folder)
        found = _config_in(folder)
        if found is not None or folder.parent == folder:
            break
        folder = folder.parent
    for visited in seen:
        cache[visited] = found
    return found


def _config_in(folder: Path) -> Path | None:
    for name in CONFIG_NAMES:
        candidate = folder / name
        if candidate.is_file() and (name != "pyproject.toml" or _has_tool_table(candidate)):
            return candidate
    return None


def _has_tool_table(path: Path) -> bool:
    try:
        data = path.read_bytes()
    except OSError:
        return False
    if b"tidyink" not in data:  # cheap test before parsing
        return False
    return "tidyink" in _parse(path).get("tool", {})


def _parse(path: Path) -> dict[str, Any]:
    try:
        raw = path.read_bytes().decode("utf-8")
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read ({exc.strerror or exc})") from None
    except UnicodeDecodeError:
        raise ConfigError(f"{path}: not valid UTF-8 (TOML files must be UTF-8)") from None
    try:
        return _toml().loads(raw)
    except _toml().TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML ({exc})") from None


def table_of(path: Path) -> tuple[dict[str, Any], str]:
    """The tidyink table of a configuration file and how to name it in messages."""
    data = _parse(path)
    if path.name == "pyproject.toml":
        table = data.get("tool", {}).get("tidyink", {})
        return (table if isinstance(table, dict) else {}), "[tool.tidyink]"
    return data, "the top level"
