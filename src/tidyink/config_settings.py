"""The configuration keys, their defaults, and the :class:`Settings` they fill.

Option keys are the fields of :class:`tidyink.options.Options`; the project keys
and the ``[fix]`` table's keys are listed here with their types and defaults.
"""

from __future__ import annotations

import typing
from dataclasses import FrozenInstanceError, fields
from functools import cache
from pathlib import Path
from typing import Any

from tidyink.errors import UsageError
from tidyink.options import Options

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


@cache
def option_types() -> dict[str, Any]:
    """Option field name -> resolved type hint (``tuple[str, ...] | None`` etc.)."""
    hints = typing.get_type_hints(Options)
    return {f.name: hints[f.name] for f in fields(Options) if not f.name.startswith("_")}


class Settings:
    """Everything a manuscript run needs for one folder, and where each value came from.

    Immutable, compared and shown as a frozen dataclass; a plain class because defining
    a dataclass costs most of a millisecond at every start."""

    __slots__ = ("exclude", "fix", "include", "options", "origins", "path", "respect_gitignore", "root", "words_file")
    _FIELDS = ("options", "include", "exclude", "respect_gitignore", "words_file", "fix", "path", "root", "origins")

    options: Options
    include: tuple[str, ...]
    exclude: tuple[str, ...]
    respect_gitignore: bool
    words_file: str | None
    fix: dict[str, Any]
    path: Path | None  # the configuration file, if any
    root: Path | None  # its folder: exclude/include patterns are relative to it
    origins: dict[str, str]  # key -> file path or "command line"

    def __init__(
        self,
        options: Options | None = None,
        include: tuple[str, ...] = DEFAULT_INCLUDE,
        exclude: tuple[str, ...] = (),
        respect_gitignore: bool = True,
        words_file: str | None = None,
        fix: dict[str, Any] | None = None,
        path: Path | None = None,
        root: Path | None = None,
        origins: dict[str, str] | None = None,
    ) -> None:
        values = (
            Options() if options is None else options,
            include,
            exclude,
            respect_gitignore,
            words_file,
            {k: d for k, (_, d) in FIX_KEYS.items()} if fix is None else fix,
            path,
            root,
            {} if origins is None else origins,
        )
        for name, value in zip(self._FIELDS, values, strict=True):
            object.__setattr__(self, name, value)

    def __setattr__(self, name: str, value: Any) -> None:
        raise FrozenInstanceError(f"cannot assign to field {name!r}")

    def __delattr__(self, name: str) -> None:
        raise FrozenInstanceError(f"cannot delete field {name!r}")

    def _values(self) -> tuple[Any, ...]:
        return tuple(getattr(self, name) for name in self._FIELDS)

    def __reduce__(self) -> tuple[type[Settings], tuple[Any, ...]]:
        return (Settings, self._values())  # (pickled and copied through the constructor)

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        assert isinstance(other, Settings)
        return self._values() == other._values()

    def __hash__(self) -> int:
        return hash(self._values())

    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in self._FIELDS)
        return f"Settings({shown})"

    def origin(self, key: str) -> str:
        return self.origins.get(key, DEFAULT)

    def fix_options(self) -> Options:
        """Options for ``tidyink fix``: the [fix] filter selection, no lint, stages limited.

        Filters of stages outside ``fix.stages`` are skipped unless named in
        ``only`` or ``enable``: a manuscript is never restructured unless asked.
        """
        from tidyink.filters import stages_by_name

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
                name
                for name, stage in stages_by_name().items()
                if stage not in stages and name not in enabled and name not in skip
            ]
            changes["skip"] = tuple(skip)
        return opts.with_(**changes)
