"""The options ``tidyink convert`` takes for a folder or archive INPUT (imports only click)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from tidyink.options import Options

import click

from tidyink.cli._common import _patterns

BATCH_PARAMS = ("jobs", "engine", "scheduler", "report", "force", "include", "exclude", "extend_exclude", "max_size")


def batch_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """Decorate ``convert`` with the batch options (used when INPUT is a folder or archive)."""
    decorators = [
        click.option(
            "-j",
            "--jobs",
            type=click.IntRange(min=0),
            metavar="N",
            help="Folder input: worker processes (default: every core; 1 runs inline).",
        ),
        click.option(
            "--engine",
            type=click.Choice(["local", "dask"]),
            default="local",
            show_default=True,
            help="Folder input: a local process pool, or Dask (pip install 'tidyink[dask]').",
        ),
        click.option(
            "--scheduler",
            metavar="ADDRESS",
            help="Dask scheduler, e.g. tcp://host:8786 (default: start a LocalCluster).",
        ),
        click.option(
            "--report", metavar="FILE", help="Folder input: write one JSON line per file here."
        ),
        click.option("--force", is_flag=True, help="Folder input: redo files that are up to date."),
        click.option(
            "--include",
            multiple=True,
            metavar="PATTERNS",
            callback=_patterns,
            help="Folder input: only matching paths (comma-separated or repeated).",
        ),
        click.option(
            "--exclude",
            multiple=True,
            metavar="PATTERNS",
            callback=_patterns,
            help="Folder input: leave out matching paths, relative to the input folder"
            " (comma-separated or repeated).",
        ),
        click.option(
            "--extend-exclude",
            multiple=True,
            metavar="PATTERNS",
            callback=_patterns,
            help="Folder input: the same as --exclude (the vocabulary of fix and check).",
        ),
        click.option(
            "--max-size",
            type=click.IntRange(min=1),
            metavar="MB",
            help="Folder input: report larger files instead of reading them (default 64 MB).",
        ),
    ]
    for decorator in reversed(decorators):
        func = decorator(func)
    return func


def split(kwargs: dict[str, Any]) -> dict[str, Any]:
    """Remove the batch options from ``kwargs`` and return them (excludes merged)."""
    batch = {k: kwargs.pop(k) for k in BATCH_PARAMS if k in kwargs}
    batch["include"] = batch.get("include") or ()
    batch["exclude"] = (batch.get("exclude") or ()) + (batch.pop("extend_exclude", None) or ())
    return batch


def refuse_for_single_file(batch: dict[str, Any]) -> None:
    """Batch options given for a single file are a usage error, not silently ignored."""
    from tidyink.errors import UsageError

    given = [k for k, v in batch.items() if v not in (None, False, (), "local")]
    if given:
        names = ", ".join("--" + k.replace("_", "-") for k in given)
        raise UsageError(f"{names}: only for a folder or archive INPUT")


def run(
    input: str,
    output: str | None,
    to: str | None,
    quiet: bool,
    overrides: dict[str, Any],
    batch: dict[str, Any],
    base: Options | None = None,
) -> int:
    from tidyink.batch import run_cli

    _check_output_folder(output)
    if batch.get("max_size"):
        batch["max_size"] = batch["max_size"] * 1024 * 1024
    import sys

    from tidyink.cli._style import color_on

    return run_cli(input, output, to, overrides, quiet=quiet, base=base, color=color_on(sys.stderr), **batch)


def is_batch_input(path: str) -> bool:
    import os

    if os.path.isdir(path):
        return True
    from tidyink.archive_names import is_archive  # (not the batch package: ~10 ms of imports)

    return is_archive(path)


def _check_output_folder(output: str | None) -> None:
    """A folder INPUT needs an output folder: ``-o out.md`` names a file, so it is refused
    (unless a folder of that name already exists) instead of becoming a folder."""
    import os
    from pathlib import PurePath

    from tidyink.errors import UsageError

    if not output or output == "-":
        return  # said by the batch run: it needs an output folder
    suffix = PurePath(output).suffix.lower()
    if suffix in (".md", ".markdown", ".txt", ".text", ".html", ".htm") and not os.path.isdir(output):
        raise UsageError(
            f"{output}: names a file, but a folder or archive INPUT is converted into a folder"
            " (-o DIR; for one file out of many, convert that file)"
        )
