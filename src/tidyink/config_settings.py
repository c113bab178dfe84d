"""The configuration keys, their defaults, and the :class:`Settings` they fill.

Option keys are the fields of :class:`tidyink.options.Options`; the project keys
and the ``[fix]`` table's keys are listed here with their types and defaults.
"""

from __future__ import annotations

import typing
from dataclasses import dataclass, field, fields
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
