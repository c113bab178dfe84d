"""``tidyink detect``: encoding, BOM, line endings and damage of files."""

from __future__ import annotations

import sys
from collections.abc import Iterator

import click

from tidyink.cli._common import EXIT_ERROR, guarded, output_format_option


@click.command(short_help="Show encoding, BOM, line endings and damage of files.")
@click.argument("files", nargs=-1, required=True, metavar="PATH...")
@click.option("--encoding", "-e", metavar="NAME", help="Check decoding with this encoding.")
@output_format_option(["human", "json"], "human", "One line or one JSON object per file.")
@guarded
def detect(files: tuple[str, ...], encoding: str | None, fmt: str) -> None:
    """Print each file's encoding, confidence, BOM, line endings, size and damage.

    A folder is walked like `tidyink fix` walks it (Markdown and text files, minus
    .gitignore'd and excluded ones); one line per file:

    \b
      tidyink detect chapter1.txt
      tidyink detect manuscript/ --output-format json
    """
    import json

    from tidyink import api
    from tidyink.config import check_encoding
    from tidyink.errors import TidyinkError
    from tidyink.report import detect_record

    try:
        check_encoding(encoding)
    except TidyinkError as exc:
        raise type(exc)(f"--encoding: {exc}") from None
    failed = False
    for name in _walked(files):
        try:
            data = sys.stdin.buffer.read() if name == "-" else api.read_bytes(name)
            source = api.detect(data, path=name, encoding=encoding)
        except TidyinkError as exc:
            click.echo(f"tidyink: error: {exc}", err=True)
            failed = True
            continue
        record = detect_record(source)
        if fmt == "json":
            click.echo(json.dumps(record, ensure_ascii=False))
        else:
            click.echo(record["summary"])
    if failed:
        sys.exit(EXIT_ERROR)


def _walked(names: tuple[str, ...]) -> Iterator[str]:
    """Each name, with folders replaced by the files `tidyink fix` would find in them."""
    from pathlib import Path

    finder = None
    for name in names:
        if not Path(name).is_dir():
            yield name
            continue
        if finder is None:
            from tidyink.config import Resolver
            from tidyink.manuscript import Finder

            finder = Finder(Resolver())
        found = False
        for path in finder.files([name]):
            found = True
            yield str(getattr(path, "path", path))
        if not found:  # like check: said, not a failure
            click.echo(f"tidyink: warning: {name}: no files to detect in this folder", err=True)
