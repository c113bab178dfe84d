"""``tidyink convert``: a file, standard input, a folder or an archive to Markdown or text."""

from __future__ import annotations

import sys
from typing import Any

import click

from tidyink.cli._batch import batch_options
from tidyink.cli._common import _fail, _overrides, config_options, filter_options, guarded, output_options, safe_option


@click.command(short_help="Convert a file, standard input, a folder or an archive.")
@click.argument("input", metavar="INPUT")
@click.option("-o", "--output", metavar="PATH", help="Write here ('-' or nothing: standard output).")
@click.option(
    "--to",
    type=click.Choice(["markdown", "text", "epub"]),
    help="Output format (default: from the output suffix, else Markdown; epub needs -o FILE).",
)
@filter_options
@click.option(
    "--wrap", type=click.IntRange(10), metavar="N", help="Text output: wrap at N columns."
)
@click.option(
    "--ascii", "ascii_", is_flag=True, default=None, help="Text output: ASCII quotes, dashes, ..."
)
@click.option(
    "--front-matter", is_flag=True, default=None, help="Markdown output: YAML front matter."
)
@click.option(
    "--verse-break",
    type=click.Choice(["backslash", "spaces"]),
    help="Markdown output: end verse lines with a backslash (default) or two spaces.",
)
@click.option(
    "--lint/--no-lint",
    default=None,
    help="Run the lint rules (default; config key `lint`); --no-lint only converts.",
)
@click.option("--explain", is_flag=True, help="List every change and finding on standard error, in line order.")
@output_options(verbose=False)
@safe_option
@batch_options
@config_options
@guarded
def convert(
    input: str,
    output: str | None,
    to: str | None,
    config_file: str | None,
    isolated: bool,
    explain: bool,
    quiet: bool,
    **kwargs: Any,
) -> None:
    """Convert INPUT (a file, '-' for standard input, a folder or an archive) to Markdown/text/EPUB.

    INPUT may be text, Markdown, HTML, an EPUB or a Word (.docx) file.

    Settings come from the nearest pyproject.toml [tool.tidyink] or tidyink.toml
    (see `tidyink config`); options given here win.

    \b
      tidyink convert story.txt -o story.md
      tidyink convert page.html --to text --wrap 72 > page.txt
      cat old.txt | tidyink convert - --explain > clean.md
      tidyink convert downloads/ -o clean/
      tidyink convert book.epub -o book.md
      tidyink convert chapter.txt -o chapter.epub
    """
    from pathlib import Path

    from tidyink.cli import _batch as _batch_cli
    from tidyink.config import Resolver, check_flags

    kwargs["ascii"] = kwargs.pop("ascii_", None)
    check_flags(_overrides(**kwargs))
    batch = _batch_cli.split(kwargs)
    base = Resolver(config=config_file, isolated=isolated).for_path(input if input != "-" else ".").options
    if input != "-" and _batch_cli.is_batch_input(input):
        if explain:
            _fail("--explain: only for a single file (a folder conversion writes --report FILE.jsonl)")
        sys.exit(_batch_cli.run(input, output, to, quiet, _overrides(**kwargs), batch, base))
    _batch_cli.refuse_for_single_file(batch)

    from tidyink import api
    from tidyink.fileio import atomic_write, same_file

    to = to or _format_from_suffix(output)
    if (not output or output == "-") and sys.stdout is None:  # started with `>&-`
        _fail(f"{input}: cannot write the result: standard output is closed (use -o FILE)")
    if to == "epub" and (not output or output == "-"):
        _fail("--to epub: an EPUB is a binary file; name it with -o FILE.epub")
    if output and output != "-" and input != "-" and same_file(input, output):
        _fail(f"{output}: is the input file; convert never overwrites its input (use `tidyink fix`)")
    if input == "-":
        data, path = sys.stdin.buffer.read(), None
    else:
        data, path = api.read_bytes(input), input
    result = api.convert(data, path=path, options=base, to=to, **_overrides(**kwargs))
    if output and output != "-":
        atomic_write(output, result.output)
    else:
        try:
            sys.stdout.write(result.text)
            sys.stdout.flush()
        except BrokenPipeError:
            raise
        except OSError as exc:  # a closed or failing descriptor, a full disk
            _fail(f"{input}: cannot write the result to standard output ({exc.strerror or exc})")
    from tidyink.report import describe_result, explain_lines

    if result.source.warning and not quiet:
        click.echo(f"tidyink: warning: {input}: {result.source.warning}", err=True)

    if explain:
        for line in explain_lines(result):
            click.echo(line, err=True)
    if not quiet and output and output != "-":
        click.echo(describe_result(result, Path(output).name), err=True)


def _format_from_suffix(output: str | None) -> str | None:
    """The output format an output file name asks for; None when it names none."""
    from pathlib import PurePath

    if not output or output == "-":
        return None
    suffix = PurePath(output).suffix.lower()
    formats = {".md": "markdown", ".markdown": "markdown", ".txt": "text", ".text": "text", ".epub": "epub"}
    if suffix and suffix not in formats:
        _fail(f"{output}: cannot write {suffix} files (name a .md, .txt or .epub file, or say --to markdown|text|epub)")
    return formats.get(suffix)
