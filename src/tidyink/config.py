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
"""

from __future__ import annotations

import difflib
import sys
import types
import typing
from collections.abc import Callable
from dataclasses import dataclass, field, fields
from functools import cache
from pathlib import Path
from typing import Any

from tidyink.errors import UsageError
from tidyink.filters.base import STAGES
from tidyink.options import Options

CONFIG_NAMES = (".tidyink.toml", "tidyink.toml", "pyproject.toml")
DEFAULT_INCLUDE = ("*.md", "*.markdown", "*.txt")
# In a manuscript repo, only these stages run unless asked: never restructure a draft.
DEFAULT_FIX_STAGES = ("repair", "typography")
DEFAULT = "default"
COMMAND_LINE = "command line"

# Keys that belong to the project, not to Options: name -> (type, default)
PROJECT_KEYS: dict[str, tuple[Any, Any]] = {
    "include": (tuple[str, ...], DEFAULT_INCLUDE),
    "exclude": (tuple[str, ...], ()),
    "respect_gitignore": (bool, True),
    "words_file": (str, None),
}
FIX_KEYS: dict[str, tuple[Any, Any]] = {
    "stages": (tuple[str, ...], DEFAULT_FIX_STAGES),
    "only": (tuple[str, ...], None),
    "skip": (tuple[str, ...], None),
    "enable": (tuple[str, ...], None),
    "to_utf8": (bool, False),
}


class ConfigError(UsageError):
    """A configuration file that cannot be read or has a wrong key or value."""


def _toml() -> Any:
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - exercised on Python 3.10 only
        import tomli as tomllib
    return tomllib


@cache
def _option_types() -> dict[str, Any]:
    """Option field name -> resolved type hint (``tuple[str, ...] | None`` etc.)."""
    hints = typing.get_type_hints(Options)
    return {f.name: hints[f.name] for f in fields(Options) if not f.name.startswith("_")}


@dataclass(frozen=True)
class Settings:
    """Everything a manuscript run needs for one folder, and where each value came from."""

    options: Options = field(default_factory=Options)
    include: tuple[str, ...] = DEFAULT_INCLUDE
    exclude: tuple[str, ...] = ()
    respect_gitignore: bool = True
    words_file: str | None = None
    fix: dict[str, Any] = field(default_factory=lambda: {k: d for k, (_, d) in FIX_KEYS.items()})
    path: Path | None = None  # the configuration file, if any
    root: Path | None = None  # its folder: exclude/include patterns are relative to it
    origins: dict[str, str] = field(default_factory=dict)  # key -> file path or "command line"

    def origin(self, key: str) -> str:
        return self.origins.get(key, DEFAULT)

    def fix_options(self) -> Options:
        """Options for ``tidyink fix``: the [fix] filter selection, no lint, stages limited.

        Filters of stages outside ``fix.stages`` are skipped unless named in
        ``only`` or ``enable``: a manuscript is never restructured unless asked.
        """
        from tidyink.filters import all_filters

        opts = self.options
        changes: dict[str, Any] = {"lint": False}
        for key in ("only", "skip", "enable"):
            # a command-line flag beats the [fix] table, which beats the top level
            if self.fix.get(key) is not None and self.origin(key) != COMMAND_LINE:
                changes[key] = self.fix[key]
        only = changes.get("only", opts.only)
        if only is None:
            stages = set(self.fix["stages"])
            enabled = set(changes.get("enable", opts.enable))
            skip = list(changes.get("skip", opts.skip))
            skip += [
                f.name for f in all_filters() if f.stage not in stages and f.name not in enabled and f.name not in skip
            ]
            changes["skip"] = tuple(skip)
        return opts.with_(**changes)


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


def load(path: Path) -> Settings:
    """Settings from one configuration file (errors name the file and the key)."""
    path = path.resolve()
    table, where = table_of(path)
    types_ = _option_types()
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
                    _unknown(path, raw_sub, fix_where, FIX_KEYS)
                fix[sub_key] = _coerce(path, f"fix.{raw_sub}", sub, FIX_KEYS[sub_key][0])
                origins[f"fix.{sub_key}"] = str(path)
            unknown = sorted(set(fix["stages"]) - set(STAGES))
            if unknown:
                raise ConfigError(
                    f"{path}: fix.stages: unknown stage(s) {', '.join(unknown)} (use {', '.join(STAGES)})"
                )
            continue
        if key in types_:
            value = _coerce(path, raw_key, value, types_[key])
            if key.endswith(("_file", "_path")) and isinstance(value, str):
                value = str((path.parent / value).resolve())
            opts[key] = value
        elif key in PROJECT_KEYS:
            project[key] = _coerce(path, raw_key, value, PROJECT_KEYS[key][0])
        else:
            _unknown(path, raw_key, where, {**types_, **PROJECT_KEYS, "fix": None})
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
    _check_values(named, lambda key, exc: ConfigError(f"{path}: {key}: {exc}"))
    return Settings(
        options=options,
        fix=fix,
        path=path,
        root=path.parent,
        origins=origins,
        **project,
    )


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
    _check_values(named, lambda key, exc: UsageError(f"--{key}: {exc}"))


def _check_values(named: list[tuple[str, Any]], error: Callable[[str, UsageError], Exception]) -> None:
    """Check filter/rule names and encodings (``fix.skip`` as ``skip``); ``error`` says where."""
    for key, value in named:
        try:
            if key == "encoding":
                check_encoding(value)
            else:
                check_names(key.removeprefix("fix."), value)
        except UsageError as exc:
            raise error(key, exc) from None


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


def _unknown(path: Path, key: str, where: str, known: dict[str, Any]) -> typing.NoReturn:
    names = [k.replace("_", "-") for k in known]
    close = difflib.get_close_matches(key.replace("_", "-"), names, n=1)
    hint = f" (did you mean {close[0]!r}?)" if close else ""
    raise ConfigError(f"{path}: unknown key {key!r} in {where}{hint}")


def _coerce(path: Path, key: str, value: Any, hint: Any) -> Any:
    """Check a TOML value against a type hint; lists become tuples."""
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        members = [a for a in typing.get_args(hint) if a is not type(None)]
        errors = []
        for member in members:
            try:
                return _coerce(path, key, value, member)
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
        if key in _option_types():
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
