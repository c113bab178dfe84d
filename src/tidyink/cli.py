"""The ``tidyink`` command: a thin face over :mod:`tidyink.api`.

Only click is imported at start-up; everything else is imported by the command
that needs it, so ``tidyink --version`` stays fast.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any, NoReturn

import click

from tidyink import __version__
from tidyink._batch_cli import batch_options

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


def _fail(message: str) -> NoReturn:
    click.echo(f"tidyink: error: {message}", err=True)
    sys.exit(EXIT_ERROR)


def guarded(func: Callable[..., Any]) -> Callable[..., Any]:
    """Turn TidyinkError (and any crash, unless --debug) into one line and exit 2."""
    import functools

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        from tidyink.errors import TidyinkError

        debug = bool(click.get_current_context().find_root().params.get("debug"))
        try:
            return func(*args, **kwargs)
        except TidyinkError as exc:
            if debug:
                raise
            _fail(str(exc))
        except (KeyboardInterrupt, SystemExit, click.exceptions.Exit, click.ClickException):
            raise
        except Exception as exc:  # a bug: still one line, with a way to see more
            if debug:
                raise
            _fail(f"internal error: {type(exc).__name__}: {exc} (run with --debug for a traceback)")

    return wrapper


def _names(value: str | None) -> tuple[str, ...] | None:
    if value is None:
        return None
    return tuple(v.strip() for v in value.split(",") if v.strip())


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "-V", "--version", prog_name="tidyink")
@click.option("--debug", is_flag=True, help="Show tracebacks instead of one-line errors.")
def main(debug: bool) -> None:
    """Turn messy prose files into clean Markdown or plain text."""


def filter_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """The options shared by every command that runs the pipeline."""
    decorators = [
        click.option("--only", metavar="NAMES", help="Run only these filters or stages (comma-separated)."),
        click.option("--skip", metavar="NAMES", help="Do not run these filters or stages."),
        click.option("--enable", metavar="NAMES", help="Also run these filters that are off by default."),
        click.option("--encoding", "-e", metavar="NAME", help="Decode input with this encoding instead of detecting it."),
        click.option(
            "--from",
            "input_format",
            type=click.Choice(["text", "markdown", "html"]),
            help="Input format (default: from the file name, else sniffed).",
        ),
        click.option(
            "--ellipsis", type=click.Choice(["…", "...", ". . ."]), help="Ellipsis style (default …)."
        ),
    ]
    for decorator in reversed(decorators):
        func = decorator(func)
    return func


def _overrides(**kwargs: Any) -> dict[str, Any]:
    out = {k: v for k, v in kwargs.items() if v is not None}
    for key in ("only", "skip", "enable"):
        if key in out:
            out[key] = _names(out[key])
    return out


@main.command()
@click.argument("input", metavar="INPUT")
@click.option("-o", "--output", metavar="PATH", help="Write here ('-' or nothing: standard output).")
@click.option(
    "--to",
    type=click.Choice(["markdown", "text"]),
    help="Output format (default: from the output suffix, else Markdown).",
)
@filter_options
@click.option("--explain", is_flag=True, help="List every change and finding on standard error.")
@click.option("-q", "--quiet", is_flag=True, help="Print nothing but errors.")
@batch_options
@guarded
def convert(input: str, output: str | None, to: str | None, explain: bool, quiet: bool, **kwargs: Any) -> None:
    """Convert INPUT (a file, '-' for standard input, a folder or an archive) to Markdown/text."""
    from pathlib import Path

    from tidyink import _batch_cli

    batch = _batch_cli.split(kwargs)
    if input != "-" and _batch_cli.is_batch_input(input):
        sys.exit(_batch_cli.run(input, output, to, quiet, _overrides(**kwargs), batch))
    _batch_cli.refuse_for_single_file(batch)

    from tidyink import api
    from tidyink.fileio import atomic_write, same_file

    to = to or _format_from_suffix(output)
    if output and output != "-" and input != "-" and same_file(input, output):
        _fail(f"{output}: is the input file; convert never overwrites its input (use `tidyink fix`)")
    if input == "-":
        data, path = sys.stdin.buffer.read(), None
    else:
        data, path = api.read_bytes(input), input
    result = api.convert(data, path=path, to=to, **_overrides(**kwargs))
    if output and output != "-":
        atomic_write(output, result.text.encode("utf-8"))
    else:
        sys.stdout.write(result.text)
        sys.stdout.flush()
    from tidyink.report import describe_result, explain_lines

    if explain:
        for line in explain_lines(result):
            click.echo(line, err=True)
    if not quiet and output and output != "-":
        click.echo(describe_result(result, Path(output).name), err=True)


def _format_from_suffix(output: str | None) -> str | None:
    if not output or output == "-":
        return None
    suffix = output.rsplit(".", 1)[-1].lower() if "." in output else ""
    return {"md": "markdown", "markdown": "markdown", "txt": "text", "text": "text"}.get(suffix)


@main.command(name="filters")
def list_filters() -> None:
    """List the filters in pipeline order, with their stage and description."""
    from tidyink.filters import all_filters

    classes = all_filters()
    width = max(len(f.name) for f in classes)
    for f in classes:
        state = "on " if f.default else "off"
        click.echo(f"{f.name:<{width}}  {f.stage:<10}  {state}  {f.description}")


@main.command()
@click.argument("files", nargs=-1, required=True, metavar="FILE...")
@click.option("--encoding", "-e", metavar="NAME", help="Check decoding with this encoding.")
@click.option("--format", "fmt", type=click.Choice(["human", "json"]), default="human")
@guarded
def detect(files: tuple[str, ...], encoding: str | None, fmt: str) -> None:
    """Print each file's encoding, confidence, BOM, line endings, size and damage."""
    import json

    from tidyink import api
    from tidyink.errors import TidyinkError
    from tidyink.report import detect_record

    failed = False
    for name in files:
        try:
            source = api.detect(api.read_bytes(name), path=name, encoding=encoding)
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
