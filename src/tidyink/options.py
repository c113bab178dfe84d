"""Every setting that shapes a run, with its default.

One flat, picklable dataclass: the CLI, ``pyproject.toml`` and the Python API all
fill the same fields, so a run is fully described by its ``Options``.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields, replace
from functools import cache
from typing import Any

from tidyink.errors import UsageError

OUTPUT_FORMATS = ("markdown", "text", "epub")
INPUT_FORMATS = ("text", "markdown", "html", "epub", "docx")


@dataclass(frozen=True)
class Options:
    """Settings for reading, filtering, linting and writing one document."""

    # reading and writing
    to: str = "markdown"
    input_format: str | None = None  # None: from the file name, else sniffed
    encoding: str | None = None  # None: detect
    # filter selection: None means "every filter that is on by default"
    only: tuple[str, ...] | None = None
    skip: tuple[str, ...] = ()
    enable: tuple[str, ...] = ()  # filters that are off by default, switched on
    # typography
    language: str = "en-US"
    quotes: str = "curly"  # curly | straight | keep
    primes: str = "prime"  # prime | straight
    ellipsis: str = "…"  # "…" | "..." | ". . ."
    dashes: str = "em"  # em (closed em dash) | en-spaced
    ranges: bool = False  # 1914-18 -> 1914–18
    nbsp: str = "keep"  # keep | space
    # structure and writers
    scene_break: str = "* * *"
    heading_level: int = 2
    verse_break: str = "backslash"  # backslash | spaces
    wrap: int | None = None
    ascii: bool = False
    front_matter: bool = False
    author_notes: str = "keep"  # keep | strip | end
    # the safety check (tidyink.safety): no word lost or added that the change log does not explain
    safe: bool = False
    # lint
    lint: bool = True
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    severity: str = "warning"  # lowest severity that makes ``check`` fail
    words: tuple[str, ...] = ()
    words_file: str | None = None  # a plain words file (one per line) the spelling rule accepts
    # free-form per-filter settings: {"filter-name": {"key": value}}
    settings: dict[str, dict[str, Any]] = field(default_factory=dict)

    def with_(self, **changes: Any) -> Options:
        """A copy with ``changes`` applied; ``None`` values are ignored, names checked."""
        known = {f.name for f in fields(self)}
        unknown = sorted(set(changes) - known)
        if unknown:
            raise UsageError(f"unknown option(s): {', '.join(unknown)}")
        clean = {k: _normalize(k, v) for k, v in changes.items() if v is not None}
        new = replace(self, **clean)
        new.validate()
        return new

    def validate(self) -> None:
        if self.to not in OUTPUT_FORMATS:
            raise UsageError(f"unknown output format {self.to!r} (use {', '.join(OUTPUT_FORMATS)})")
        if self.input_format is not None and self.input_format not in INPUT_FORMATS:
            raise UsageError(
                f"unknown input format {self.input_format!r} (use {', '.join(INPUT_FORMATS)})"
            )
        if self.quotes not in ("curly", "straight", "keep"):
            raise UsageError(f"unknown quote style {self.quotes!r} (use curly, straight or keep)")
        if self.primes not in ("prime", "straight"):
            raise UsageError(f"unknown prime style {self.primes!r} (use prime or straight)")
        if self.dashes not in ("em", "en-spaced"):
            raise UsageError(f"unknown dash style {self.dashes!r} (use em or en-spaced)")
        if self.ellipsis not in ("…", "...", ". . ."):
            raise UsageError(f"unknown ellipsis style {self.ellipsis!r} (use '…', '...' or '. . .')")
        if self.author_notes not in ("keep", "strip", "end"):
            raise UsageError(
                f"unknown author_notes mode {self.author_notes!r} (use keep, strip or end)"
            )
        if not self.scene_break.strip() or "\n" in self.scene_break:
            raise UsageError("the scene-break marker must be one non-empty line")
        if not 1 <= self.heading_level <= 6:
            raise UsageError(f"heading level must be 1 to 6, not {self.heading_level}")
        if self.verse_break not in ("backslash", "spaces"):
            raise UsageError(f"unknown verse break {self.verse_break!r} (use backslash or spaces)")
        if self.wrap is not None and self.wrap < 10:
            raise UsageError(f"wrap width must be at least 10, not {self.wrap}")
        if self.nbsp not in ("keep", "space"):
            raise UsageError(f"unknown no-break space policy {self.nbsp!r} (use keep or space)")


def _normalize(name: str, value: Any) -> Any:
    """Accept comma-separated strings and lists where tuples are expected."""
    if name in {"only", "skip", "enable", "select", "ignore", "words"}:
        if isinstance(value, str):
            value = [v for v in (p.strip() for p in value.split(",")) if v]
        return tuple(value)
    return value


@cache
def base_language(language: str) -> str:
    """An ``Options.language`` value without its region: "en-GB" and "en_gb" are "en"."""
    return language.replace("_", "-").split("-")[0].lower()
