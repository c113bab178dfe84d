"""The files of a manuscript repository: walk folders as git sees them (``.gitignore``,
include and exclude patterns), and the outcome of fixing each file."""

from __future__ import annotations

import errno
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from tidyink.config import Resolver, Settings

if TYPE_CHECKING:
    from pathspec import GitIgnoreSpec

    from tidyink.api import Result

# Folders never entered when walking a directory (explicitly named files still count).
SKIP_DIRS = frozenset(
    {
        ".git",
        ".hg",
        ".svn",
        ".jj",
        ".venv",
        "venv",
        ".tox",
        ".nox",
        "node_modules",
        "__pycache__",
        ".mypy_cache",
        ".pytest_cache",
        ".ruff_cache",
        "site-packages",
    }
)

class _Ignores:
    """``.gitignore`` files (and ``.git/info/exclude``) from the repository root down."""

    def __init__(self) -> None:
        self._specs: dict[Path, GitIgnoreSpec | None] = {}
        self._roots: dict[Path, Path | None] = {}

    def _spec(self, folder: Path) -> GitIgnoreSpec | None:
        if folder not in self._specs:
            lines: list[str] = []
            for name in (".git/info/exclude", ".gitignore"):
                try:
                    text = (folder / name).read_text(encoding="utf-8", errors="replace")
                except OSError:
                    continue
                lines += text.splitlines()
            spec = None
            if lines:
                from pathspec import GitIgnoreSpec

                spec = GitIgnoreSpec.from_lines(lines)
            self._specs[folder] = spec
        return self._specs[folder]

    def _root(self, folder: Path) -> Path | None:
        """The top of the git work tree holding ``folder``, if any."""
        if folder not in self._roots:
            here = folder
            while not (here / ".git").exists():
                if here.parent == here:
                    here = None  # type: ignore[assignment]
                    break
                here = here.parent
            self._roots[folder] = here
        return self._roots[folder]

    def ignored(self, path: Path, is_dir: bool) -> bool:
        """Whether git would ignore ``path`` (absolute); deeper files win, like git."""
        root = self._root(path.parent)
        if root is None:  # like git: .gitignore files mean nothing outside a repository
            return False
        chain: list[Path] = []
        folder = path.parent
        while True:
            chain.append(folder)
            if folder == root:
                break
            folder = folder.parent
        decision = False
        for folder in reversed(chain):
            spec = self._spec(folder)
            if spec is None:
                continue
            rel = path.relative_to(folder).as_posix() + ("/" if is_dir else "")
            verdict = spec.check_file(rel).include
            if verdict is not None:
                decision = bool(verdict)
        return decision


def _unresolvable(path: Path) -> str:
    """Why ``path`` cannot be followed to a real location ("" when it can): a symbolic
    link that leads back to itself, or a path the system refuses to resolve."""
    try:
        path.resolve()
    except RuntimeError:  # Python < 3.13 says "Symlink loop" this way
        return "symbolic link loop (the link leads back to itself)"
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "symbolic link loop (the link leads back to itself)"
        return f"cannot follow ({exc.strerror or exc})"
    return ""


class Finder:
    """Files to fix under the given paths: included, not excluded, not git-ignored."""

    def __init__(
        self,
        resolver: Resolver,
        also: tuple[str, ...] = (),
        exclude: tuple[str, ...] = (),
        replace_exclude: tuple[str, ...] | None = None,
    ) -> None:
        self.resolver = resolver
        self.also = also  # patterns walked on top of each folder's ``include`` (check: HTML)
        # --extend-exclude and --exclude: patterns relative to the current folder; --exclude
        # (``replace_exclude``) stands instead of the configuration's exclude
        self.extra_exclude = exclude + (replace_exclude or ())
        self.replace_exclude = replace_exclude is not None
        self._ignores = _Ignores()
        self._specs: dict[tuple[str, ...], GitIgnoreSpec] = {}

    def _pathspec(self, patterns: tuple[str, ...]) -> GitIgnoreSpec:
        if patterns not in self._specs:
            from pathspec import GitIgnoreSpec

            self._specs[patterns] = GitIgnoreSpec.from_lines(patterns)
        return self._specs[patterns]

    def _relative(self, path: Path, settings: Settings) -> str:
        base = settings.root or Path.cwd()
        try:
            return path.relative_to(base.resolve()).as_posix()
        except ValueError:
            return path.name

    def excluded(self, path: Path, settings: Settings, is_dir: bool = False) -> bool:
        if self.extra_exclude:
            try:
                here = path.relative_to(Path.cwd().resolve()).as_posix()
            except ValueError:
                here = path.name
            if self._pathspec(self.extra_exclude).match_file(here + ("/" if is_dir else "")):
                return True
        if self.replace_exclude or not settings.exclude:
            return False
        rel = self._relative(path, settings) + ("/" if is_dir else "")
        return self._pathspec(settings.exclude).match_file(rel)

    def included(self, path: Path, settings: Settings) -> bool:
        return self._pathspec(settings.include + self.also).match_file(self._relative(path, settings))

    def files(self, paths: Iterable[str | Path]) -> Iterator[Path | Outcome]:
        """Each file to fix, once, in a stable order; an Outcome for a missing path."""
        seen: set[Path] = set()
        for given in paths:
            path = Path(given)
            broken = _unresolvable(path)
            if broken:
                yield Outcome(path, FAILED, f"{path}: {broken}")
                continue
            if path.is_dir():
                found: Iterable[Path] = self._walk(path)
            elif path.exists() or path.is_symlink():
                absolute = path.resolve()
                settings = self.resolver.for_path(path)
                found = [] if self.excluded(absolute, settings) else [path]
            else:
                yield Outcome(path, FAILED, f"{path}: no such file or folder")
                continue
            for item in found:
                broken = _unresolvable(item)
                if broken:
                    yield Outcome(item, FAILED, f"{item}: {broken}")
                    continue
                key = item.resolve()
                if key not in seen:
                    seen.add(key)
                    yield item

    def _walk(self, top: Path) -> Iterator[Path]:
        for folder, dirs, names in os.walk(top):
            here = Path(folder)
            absolute = here.resolve()
            settings = self.resolver.for_path(here)
            keep = []
            for name in sorted(dirs):
                child = absolute / name
                if name in SKIP_DIRS or self.excluded(child, settings, is_dir=True):
                    continue
                if settings.respect_gitignore and self._ignores.ignored(child, is_dir=True):
                    continue
                keep.append(name)
            dirs[:] = keep
            for name in sorted(names):
                child = absolute / name
                if not self.included(child, settings) or self.excluded(child, settings):
                    continue
                if settings.respect_gitignore and self._ignores.ignored(child, is_dir=False):
                    continue
                yield here / name


# ---------------------------------------------------------------- fixing one file



UNCHANGED, CHANGED, FAILED = "unchanged", "changed", "failed"


@dataclass
class Outcome:
    """What fixing one file did (or would do)."""

    path: Path
    status: str  # unchanged | changed | failed
    message: str = ""  # failed: the one-line reason; changed: a note on how it was written
    before: str = ""  # decoded input text (LF)
    after: str = ""  # fixed text (LF)
    result: Result | None = None
    passes: int = 0  # filter passes that changed the text (see MAX_PASSES)
    internal: bool = False  # failed by a bug (a crash, or the safety check): exit code 3

    @property
    def changed(self) -> bool:
        return self.status == CHANGED
