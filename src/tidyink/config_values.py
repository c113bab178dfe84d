"""Checking configured values: TOML types, filter and rule names, encodings.

Errors name the file (or flag) and the key, with a close match for a misspelt key.
"""

from __future__ import annotations

import types
import typing
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tidyink.config_settings import ConfigError
from tidyink.errors import UsageError
from tidyink.options import Options

NAME_KEYS = ("only", "skip", "enable", "select", "ignore")  # settings that name filters or rules


def check_names(key: str, values: tuple[str, ...] | None) -> None:
    """Raise UsageError when ``values`` of ``key`` (one of :data:`NAME_KEYS`) name an
    unknown filter or stage (only, skip, enable) or rule (select, ignore)."""
    if not values or key not in NAME_KEYS:
        return
    from tidyink import pipeline

    opts = Options().with_(**{key: tuple(values)})
    if key in ("select", "ignore"):
        pipeline.select_rules(opts)
    else:
        pipeline.select_filters(opts)


def check_encoding(name: str | None) -> None:
    """Raise UsageError when ``name`` is no text encoding Python knows."""
    if name is None:
        return
    import codecs

    try:
        info = codecs.lookup(name)
    except (LookupError, ValueError, TypeError):
        from encodings.aliases import aliases

        from tidyink.suggest import did_you_mean

        known = {*aliases.values(), *(a for a in aliases if not a.isdigit())}
        raise UsageError(f"unknown encoding {name!r}{did_you_mean(name, known)}") from None
    if not getattr(info, "_is_text_encoding", True):
        raise UsageError(f"{name!r} is not a text encoding")


def check_flags(overrides: dict[str, Any]) -> None:
    """Command-line names checked before any file is read; errors name the flag."""
    named = [(k, overrides.get(k)) for k in (*NAME_KEYS, "encoding")]
    check_values(named, lambda key, exc: UsageError(f"--{key}: {exc}"))


def check_values(named: list[tuple[str, Any]], error: Callable[[str, UsageError], Exception]) -> None:
    """Check filter/rule names and encodings (``fix.skip`` as ``skip``); ``error`` says where."""
    for key, value in named:
        try:
            if key == "encoding":
                check_encoding(value)
            else:
                check_names(key.removeprefix("fix."), value)
        except UsageError as exc:
            raise error(key, exc) from None


def unknown_key(path: Path, key: str, where: str, known: dict[str, Any]) -> typing.NoReturn:
    names = [k.replace("_", "-") for k in known]
    import difflib

    close = difflib.get_close_matches(key.replace("_", "-"), names, n=1)
    hint = f" (did you mean {close[0]!r}?)" if close else ""
    raise ConfigError(f"{path}: unknown key {key!r} in {where}{hint}")


def coerce(path: Path, key: str, value: Any, hint: Any) -> Any:
    """Check a TOML value against a type hint; lists become tuples."""
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        members = [a for a in typing.get_args(hint) if a is not type(None)]
        errors = []
        for member in members:
            try:
                return coerce(path, key, value, member)
            except ConfigError as exc:
                errors.append(exc)
        raise errors[0]
    if origin is tuple:
        if isinstance(value, str):
            value = [v.strip() for v in value.split(",") if v.strip()]
        if isinstance(value, list) and all(isinstance(v, str) for v in value):
            return tuple(value)
        raise ConfigError(f"{path}: {key} must be a list of strings, not {_shown(value)}")
    if hint is bool:
        if isinstance(value, bool):
            return value
        raise ConfigError(f"{path}: {key} must be true or false, not {_shown(value)}")
    if hint is int:
        if isinstance(value, int) and not isinstance(value, bool):
            return value
        raise ConfigError(f"{path}: {key} must be an integer, not {_shown(value)}")
    if hint is float:
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return float(value)
        raise ConfigError(f"{path}: {key} must be a number, not {_shown(value)}")
    if hint is str:
        if isinstance(value, str):
            return value
        raise ConfigError(f"{path}: {key} must be a string, not {_shown(value)}")
    if origin is dict or hint is dict:
        if isinstance(value, dict):
            return value
        raise ConfigError(f"{path}: {key} must be a table, not {_shown(value)}")
    return value


def _shown(value: Any) -> str:
    return f"{type(value).__name__} {value!r}"
