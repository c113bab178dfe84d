"""Project configuration: ``[tool.tidyink]`` in pyproject.toml, or tidyink.toml.

Like ruff, the configuration for a file is the nearest one found by walking up
from the file's folder: in each folder ``.tidyink.toml`` wins over
``tidyink.toml``, which wins over a ``pyproject.toml`` that has a
``[tool.tidyink]`` table (one without it is passed over). Command-line flags
override the file.

Keys are the fields of :class:`tidyink.options.Options`, in kebab-case or
snake_case (``heading-level`` or ``heading_level``), mapped generically from the
dataclass so new options need no change here; plus the project keys ``include``,
``exclude``, ``respect-gitignore`` and ``words-file``, and a ``[fix]`` table
with defaults for ``tidyink fix`` (``stages``, ``only``, ``skip``, ``enable``,
``to-utf8``). An unknown key is an error naming the key and the file.

The key table and :class:`Settings` live in :mod:`tidyink.config_settings`, file
discovery in :mod:`tidyink.config_files`, value checks in
:mod:`tidyink.config_values`; this module loads a file, merges command-line
overrides (:class:`Resolver`) and shows the effective settings.
"""

from __future__ import annotations

from dataclasses import fields
from pathlib import Path
from typing import Any

from tidyink.config_files import CONFIG_NAMES, find_config, table_of
from tidyink.config_settings import (
    COMMAND_LINE,
    DEFAULT,
    DEFAULT_FIX_STAGES,
    DEFAULT_INCLUDE,
    FIX_KEYS,
    PROJECT_KEYS,
    ConfigError,
    Settings,
    option_types,
)
from tidyink.config_values import NAME_KEYS, check_encoding, check_flags, check_names, check_values, coerce, unknown_key
from tidyink.errors import UsageError
from tidyink.filters.base import STAGES
from tidyink.options import Options

__all__ = [
    "COMMAND_LINE",
    "CONFIG_NAMES",
    "DEFAULT",
    "DEFAULT_FIX_STAGES",
    "DEFAULT_INCLUDE",
    "FIX_KEYS",
    "NAME_KEYS",
    "PROJECT_KEYS",
    "ConfigError",
    "Resolver",
    "Settings",
    "check_encoding",
    "check_flags",
    "check_names",
    "effective",
    "find_config",
    "fix_filters",
    "load",
    "table_of",
    "toml_value",
]


def load(path: Path) -> Settings:
    """Settings from one configuration file (errors name the file and the key)."""
    path = path.resolve()
    table, where = table_of(path)
    types_ = option_types()
    opts: dict[str, Any] = {}
    project: dict[str, Any] = {}
    fix: dict[str, Any] = {k: d for k, (_, d) in FIX_KEYS.items()}
    origins: dict[str, str] = {}
    for raw_key, value in table.items():
        key = raw_key.replace("-", "_")
        if key == "fix":
            if not isinstance(value, dict):
                raise ConfigError(f"{path}: fix must be a table ([fix] or [tool.tidyink.fix])")
            for raw_sub, sub in value.items():
                sub_key = raw_sub.replace("-", "_")
                if sub_key not in FIX_KEYS:
                    fix_where = "[tool.tidyink.fix]" if where.startswith("[") else "[fix]"
                    unknown_key(path, raw_sub, fix_where, FIX_KEYS)
                fix[sub_key] = coerce(path, f"fix.{raw_sub}", sub, FIX_KEYS[sub_key][0])
                origins[f"fix.{sub_key}"] = str(path)
            unknown = sorted(set(fix["stages"]) - set(STAGES))
            if unknown:
                raise ConfigError(
                    f"{path}: fix.stages: unknown stage(s) {', '.join(unknown)} (use {', '.join(STAGES)})"
                )
            continue
        if key in types_:
            value = coerce(path, raw_key, value, types_[key])
            if key.endswith(("_file", "_path")) and isinstance(value, str):
                value = str((path.parent / value).resolve())
            opts[key] = value
        elif key in PROJECT_KEYS:
            project[key] = coerce(path, raw_key, value, PROJECT_KEYS[key][0])
        else:
            unknown_key(path, raw_key, where, {**types_, **PROJECT_KEYS, "fix": None})
        origins[key] = str(path)
    if project.get("words_file") is not None:  # only when Options has no words_file field
        resolved = (path.parent / project["words_file"]).resolve()
        project["words_file"] = str(resolved)
        opts["words"] = (*opts.get("words", ()), *_read_words(path, resolved))
        origins["words"] = str(path)
    try:
        options = Options().with_(**opts)
    except UsageError as exc:
        raise ConfigError(f"{path}: {exc}") from None
    named = [(k, opts.get(k)) for k in (*NAME_KEYS, "encoding")]
    named += [(f"fix.{k}", fix[k]) for k in ("only", "skip", "enable")]
    check_values(named, lambda key, exc: ConfigError(f"{path}: {key}: {exc}"))
    return Settings(
        options=options,
        fix=fix,
        path=path,
        root=path.parent,
        origins=origins,
        **project,
    )


def _read_words(config: Path, words: Path) -> tuple[str, ...]:
    try:
        text = words.read_text(encoding="utf-8-sig")
    except OSError as exc:
        raise ConfigError(f"{config}: words-file {words}: {exc.strerror or exc}") from None
    except UnicodeDecodeError:
        raise ConfigError(f"{config}: words-file {words}: not valid UTF-8") from None
    out = []
    for line in text.splitlines():
        word = line.split("#", 1)[0].strip()
        if word:
            out.append(word)
    return tuple(out)


class Resolver:
    """Settings for any file: nearest configuration plus command-line overrides.

    ``config`` names one file to use for everything (like ``ruff --config``);
    ``isolated`` ignores every configuration file.
    """

    def __init__(
        self,
        overrides: dict[str, Any] | None = None,
        *,
        config: str | Path | None = None,
        isolated: bool = False,
        fix: dict[str, Any] | None = None,
    ) -> None:
        self.overrides = {k: v for k, v in (overrides or {}).items() if v is not None}
        self.fix_overrides = {k: v for k, v in (fix or {}).items() if v is not None}
        check_flags(self.overrides)
        self.config = Path(config).resolve() if config else None
        self.isolated = isolated
        self._cache: dict[Path | None, Settings] = {}
        self._found: dict[Path, Path | None] = {}
        if self.config is not None and not self.config.is_file():
            raise ConfigError(f"{config}: no such configuration file")

    def config_for(self, folder: Path) -> Path | None:
        if self.isolated:
            return None
        if self.config is not None:
            return self.config
        return find_config(folder, self._found)

    def for_path(self, path: str | Path) -> Settings:
        """Settings for a file (or a folder: its own configuration)."""
        target = Path(path)
        folder = target if target.is_dir() else (target.parent if str(target.parent) else Path("."))
        found = self.config_for(folder)
        if found not in self._cache:
            self._cache[found] = self._apply(load(found) if found else Settings())
        return self._cache[found]

    def _apply(self, base: Settings) -> Settings:
        if not self.overrides and not self.fix_overrides:
            return base
        try:
            options = base.options.with_(**self.overrides)
        except UsageError as exc:
            raise UsageError(str(exc)) from None
        origins = dict(base.origins)
        origins.update({k: COMMAND_LINE for k in self.overrides})
        fix = {**base.fix, **self.fix_overrides}
        origins.update({f"fix.{k}": COMMAND_LINE for k in self.fix_overrides})
        return Settings(
            options=options,
            include=base.include,
            exclude=base.exclude,
            respect_gitignore=base.respect_gitignore,
            words_file=base.words_file,
            fix=fix,
            path=base.path,
            root=base.root,
            origins=origins,
        )


def effective(settings: Settings) -> list[tuple[str, Any, str]]:
    """Every setting as ``(key, value, origin)``, options first, then project and fix keys."""
    rows: list[tuple[str, Any, str]] = []
    for f in fields(Options):
        if f.name.startswith("_"):
            continue
        rows.append((f.name.replace("_", "-"), getattr(settings.options, f.name), settings.origin(f.name)))
    for key in PROJECT_KEYS:
        if key in option_types():
            continue
        rows.append((key.replace("_", "-"), getattr(settings, key), settings.origin(key)))
    for key in FIX_KEYS:
        rows.append((f"fix.{key.replace('_', '-')}", settings.fix[key], settings.origin(f"fix.{key}")))
    return rows


def toml_value(value: Any) -> str:
    """A value written as TOML (None has no TOML form: shown as a comment by callers)."""
    import json

    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, (tuple, list)):
        return "[" + ", ".join(toml_value(v) for v in value) + "]"
    if isinstance(value, dict):
        inner = ", ".join(f"{_toml_key(k)} = {toml_value(v)}" for k, v in value.items())
        return "{" + (f" {inner} " if inner else "") + "}"
    return json.dumps(str(value), ensure_ascii=False)


def _toml_key(key: str) -> str:
    import regex

    return key if regex.fullmatch(r"[A-Za-z0-9_-]+", key) else toml_value(key)


def fix_filters(settings: Settings) -> dict[str, list[str]]:
    """The filters ``tidyink fix`` runs with these settings, per input format."""
    from tidyink.pipeline import select_filters

    options = settings.fix_options()
    return {fmt: [f.name for f in select_filters(options, fmt)] for fmt in ("markdown", "text")}
