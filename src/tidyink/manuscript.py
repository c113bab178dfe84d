"""Manuscripts in place: find the files of a repo, fix each one keeping its form.

A fixed file keeps its format (Markdown stays Markdown source, text stays text
with its own block separators), its encoding (unless ``to_utf8``), its byte-order
mark and its line endings. A file whose fixed text its encoding cannot hold is
reported and left alone. Writes are atomic (:func:`tidyink.fileio.atomic_write`).
Finding the files is :mod:`tidyink.manuscript_files`; writing them back in their own
form is :mod:`tidyink.manuscript_encoding`.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from tidyink.config import ConfigError, Resolver, Settings
from tidyink.errors import InputError, TidyinkError
from tidyink.manuscript_encoding import EncodeError, encode, fix_note
from tidyink.manuscript_files import CHANGED, FAILED, SKIP_DIRS, UNCHANGED, Finder, Outcome
from tidyink.safety import SafetyError

__all__ = [
    "CHANGED",
    "FAILED",
    "SKIP_DIRS",
    "UNCHANGED",
    "EncodeError",
    "Finder",
    "Outcome",
    "encode",
    "fix_bytes",
    "fix_file",
    "fix_note",
    "fix_stdin",
    "run",
    "summary",
    "unified_diff",
]

if TYPE_CHECKING:
    from tidyink.api import Result
    from tidyink.decoding.source import Source
    from tidyink.options import Options


def fix_options(settings: Settings, fmt: str) -> Options:
    """Options for fixing a file of format ``fmt``: written back in the same format."""
    return settings.fix_options().with_(to=fmt)


MAX_PASSES = 4  # like ruff's fix loop: run again until nothing changes, at most this often


class Fixed(NamedTuple):
    """The fixed bytes, the conversion result (changes of every pass) and how many passes
    changed the text (0: already clean; more than 1: a filter gave work to a later pass)."""

    data: bytes
    result: Result
    passes: int


def fix_bytes(
    data: bytes,
    *,
    path: str | None = None,
    settings: Settings | None = None,
    to_utf8: bool | None = None,
    state: dict[str, Any] | None = None,
    settle: bool = True,
) -> Fixed:
    """The fixed bytes of one file, and the conversion result.

    Filters run until the text stops changing (at most :data:`MAX_PASSES`
    times), so fixing a fixed file changes nothing even when one filter's
    output gives another (or itself) something to do. ``settle=False`` stops
    after the first pass: enough to know *whether* a file would change.

    Raises :class:`TidyinkError` for undecodable input, an HTML file, or fixed
    text the file's encoding cannot hold (:class:`EncodeError`).
    """
    from tidyink import api, readers

    settings = settings or Settings()
    if to_utf8 is None:
        to_utf8 = bool(settings.fix.get("to_utf8"))
    suffix = Path(path).suffix.lower() if path else ""
    fmt = settings.options.input_format or readers.SUFFIXES.get(suffix, "text")
    where = path or "-"
    container = readers.CONTAINER_SUFFIXES.get(suffix)
    if data.startswith(readers.ZIP_MAGIC):  # (`containers` loads zipfile: only then)
        from tidyink.readers import containers

        container = containers.sniff(data, path) or container
    if container:
        raise InputError(
            f"{where}: fix edits text files in place, not {container.upper()} files;"
            f" use `tidyink convert {where} -o OUTPUT.md` (or -o OUTPUT.epub)"
        )
    if fmt not in ("markdown", "text"):
        raise InputError(f"{where}: fix rewrites Markdown and text files only, not {fmt}")
    options = fix_options(settings, fmt)
    first = api.convert(data, path=path, options=options, state=state)
    if first.input_format != fmt:  # sniffed as something else (HTML)
        raise InputError(f"{where}: looks like {first.input_format}; fix rewrites Markdown and text only")
    if first.source.warning:  # cut short: writing back would turn the cut bytes into U+FFFD
        raise InputError(f"{where}: {first.source.warning}; left unchanged (complete the file first)")
    if first.source.detected_by != "utf-8+cp1252":  # there the stray bytes are the repair
        _check_round_trip(first.source, data, where)
    result, changes, passes = first, list(first.changes), 0
    while result.changed:
        passes += 1
        if passes >= MAX_PASSES or not settle:
            break
        again = api.convert(result.text, path=path, options=options.with_(input_format=fmt), state=state)
        if not again.changed:
            break
        changes += again.changes
        result = again
    if passes > 1:
        result = replace(result, source=first.source, changes=changes)
    new = encode(result.text, first.source, data, to_utf8=to_utf8)
    if new != data and first.source.detected_by not in _CERTAIN:
        _check_stable(new, result.text, first.source, where)
    return Fixed(new, result, passes)


_CERTAIN = frozenset({"bom", "utf-8", "user", "empty"})  # decodings that cannot flip


def _check_stable(new: bytes, text: str, source: Source, where: str) -> None:
    """Refuse to write bytes that tidyink would read back differently next time (a guessed
    encoding the fixed bytes no longer look like): the next run would undo or redo work."""
    from tidyink import api

    try:
        again = api.detect(new, path=where)
    except TidyinkError:
        again = None
    if again is None or again.text != text:
        raise InputError(
            f"{where}: after fixing, the guessed encoding ({source.encoding}) would no longer be"
            " recognised; left unchanged (name the encoding with --encoding, or use --to-utf8)"
        )


def _check_round_trip(source: Source, data: bytes, where: str) -> None:
    """Refuse a file whose decoding does not give back its bytes: writing it would change
    more than the fixes (a wrong guess at the encoding, or bytes the codec drops)."""
    try:
        same = encode(source.text, source, data) == data
    except EncodeError:
        same = False
    if not same:
        raise InputError(
            f"{where}: decoding as {source.encoding} does not give back the same bytes; left unchanged"
            " (name the encoding with --encoding, or use --to-utf8)"
        )


def fix_file(
    path: Path,
    settings: Settings,
    *,
    write: bool = True,
    to_utf8: bool | None = None,
    state: dict[str, Any] | None = None,
    settle: bool = True,
) -> Outcome:
    """Fix one file in place (``write``) or only say what would change.

    Writing holds a lock on the file from reading to renaming (two runs at once fix
    it one after the other, each from the other's result), and the file is read again
    just before the rename: if another program changed it meanwhile, the fix is redone
    from its new content rather than overwriting that edit. Temporary files a killed
    run left beside the file are removed first.
    """
    from tidyink.fileio import locked, remove_stale_temporaries_of

    if not write:
        return _fix_once(path, settings, False, to_utf8, state, settle)
    real = path.resolve()  # through a symlink, not over it
    with locked(real):
        remove_stale_temporaries_of(real)
        for _ in range(_ATTEMPTS):
            outcome = _fix_once(path, settings, True, to_utf8, state, settle)
            if outcome is not None:
                return outcome
    return Outcome(path, FAILED, f"{path}: changed by another program while being fixed; left as it is")


_ATTEMPTS = 3


def _fix_once(
    path: Path,
    settings: Settings,
    write: bool,
    to_utf8: bool | None,
    state: dict[str, Any] | None,
    settle: bool,
) -> Outcome | None:
    """Read, fix and (``write``) replace ``path``; None when it changed under us."""
    from tidyink import api
    from tidyink.fileio import replace_if_unchanged

    try:
        data = api.read_bytes(path)
        new, result, passes = fix_bytes(
            data, path=str(path), settings=settings, to_utf8=to_utf8, state=state, settle=settle or write
        )
    except SafetyError as exc:
        return Outcome(path, FAILED, f"{exc}; left unchanged", internal=True)
    except TidyinkError as exc:
        return Outcome(path, FAILED, str(exc))
    except Exception as exc:  # a bug in a filter: this file is left alone, the others fixed
        why = f"{path}: internal error: {type(exc).__name__}: {exc}; left unchanged (run with --debug)"
        if _debugging():
            raise
        return Outcome(path, FAILED, why, internal=True)
    if new == data:
        return Outcome(path, UNCHANGED, before=result.source.text, after=result.text, result=result, passes=passes)
    if write:
        if _read_only(path):  # a rename would replace it anyway: honour the user's lock
            return Outcome(path, FAILED, f"{path}: cannot write (read-only file)")
        try:
            if not replace_if_unchanged(path.resolve(), data, new, shown=str(path)):
                return None
        except TidyinkError as exc:
            return Outcome(path, FAILED, str(exc))
        except OSError as exc:
            return Outcome(path, FAILED, f"{path}: cannot write ({exc.strerror or exc})")
    note = fix_note(result.source, data, new)
    return Outcome(path, CHANGED, note, before=result.source.text, after=result.text, result=result, passes=passes)


def fix_stdin(
    data: bytes,
    resolver: Resolver,
    *,
    name: str | None = None,
    to_utf8: bool | None = None,
    settle: bool = True,
) -> tuple[Outcome, bytes]:
    """Fix text read from standard input: the Outcome and the bytes to print (the input
    itself when nothing changes; empty on failure). ``name`` (``--stdin-filename``)
    picks the format and the configuration, as if the text were that file."""
    shown = Path(name) if name else Path("-")
    try:
        settings = resolver.for_path(name or ".")
        if name and Finder(resolver).excluded(Path(name).resolve(), settings):
            return Outcome(shown, UNCHANGED), data  # excluded like the file it stands for
        new, result, passes = fix_bytes(data, path=name, settings=settings, to_utf8=to_utf8, settle=settle)
    except ConfigError:
        raise
    except SafetyError as exc:
        return Outcome(shown, FAILED, f"{exc}; left unchanged", internal=True), b""
    except TidyinkError as exc:
        return Outcome(shown, FAILED, str(exc)), b""
    status = UNCHANGED if new == data else CHANGED
    note = fix_note(result.source, data, new) if status == CHANGED else ""
    outcome = Outcome(shown, status, note, before=result.source.text, after=result.text, result=result, passes=passes)
    return outcome, new


def _debugging() -> bool:
    """Whether ``tidyink --debug`` asked for tracebacks instead of one-line errors."""
    try:
        import click

        ctx = click.get_current_context(silent=True)
    except ImportError:
        return False
    return bool(ctx and ctx.find_root().params.get("debug"))


def _read_only(path: Path) -> bool:
    """Whether the file is locked against writing (no write bit, or not writable by us)."""
    try:
        return not path.stat().st_mode & 0o222 or not os.access(path, os.W_OK)
    except OSError:
        return False


def run(
    paths: Iterable[str | Path],
    resolver: Resolver,
    *,
    write: bool = True,
    to_utf8: bool | None = None,
    settle: bool = True,
    exclude: tuple[str, ...] = (),
    replace_exclude: tuple[str, ...] | None = None,
) -> Iterator[Outcome]:
    """Fix (or check) every file under ``paths``, one Outcome per file, errors included.

    ``settle=False`` (with ``write=False``) only finds out which files would change.
    """
    state: dict[str, Any] = {}
    finder = Finder(resolver, exclude=exclude, replace_exclude=replace_exclude)
    # Walk everything first: every configuration is read (and a broken one stops the
    # run) before the first file is written.
    for item in list(finder.files(paths)):
        if isinstance(item, Outcome):
            yield item
            continue
        try:
            settings = resolver.for_path(item)
        except TidyinkError as exc:
            yield Outcome(item, FAILED, str(exc))
            continue
        yield fix_file(item, settings, write=write, to_utf8=to_utf8, state=state, settle=settle)


def unified_diff(outcome: Outcome) -> str:
    """A unified diff of one changed file, as ``patch -p0`` reads it."""
    import difflib

    name = str(outcome.path)
    # A tab ends a name with spaces, as GNU patch and git apply read it (diff writes one too).
    header = name + "\t" if any(ch.isspace() for ch in name) else name
    lines = difflib.unified_diff(
        outcome.before.splitlines(keepends=True),
        outcome.after.splitlines(keepends=True),
        fromfile=header,
        tofile=header,
    )
    out = []
    for line in lines:
        out.append(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n")
    if not out:  # same text, different bytes (encoding, BOM, line endings)
        return f"# {name}: same text, re-encoded (encoding, BOM or line endings)\n"
    return "".join(out)


def summary(outcomes: list[Outcome], *, would: bool) -> str:
    """One line like black's: ``2 files would be changed, 14 left unchanged``."""
    counts = Counter(o.status for o in outcomes)
    parts = []
    if counts[CHANGED]:
        verb = "would be changed" if would else "changed"
        parts.append(f"{_files(counts[CHANGED])} {verb}")
    if counts[UNCHANGED]:
        count = _files(counts[UNCHANGED]) if not parts else counts[UNCHANGED]
        parts.append(f"{count} left unchanged")
    if counts[FAILED]:
        verb = "would fail to fix" if would else "could not be fixed"
        parts.append(f"{_files(counts[FAILED]) if not parts else counts[FAILED]} {verb}")
    return ", ".join(parts) if parts else "no files to fix"


def _files(n: int) -> str:
    return f"{n} file" if n == 1 else f"{n} files"
