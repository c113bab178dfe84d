"""``tidyink check``: flag likely mistakes (like ruff check)."""

from __future__ import annotations

import sys
from typing import Any

import click

from tidyink.cli._common import (
    EXIT_ERROR,
    EXIT_FINDINGS,
    EXTEND_EXCLUDE_HELP,
    _names,
    _overrides,
    config_options,
    filter_options,
    guarded,
)


@click.command(short_help="Flag likely mistakes (like ruff check).")
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@filter_options
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["human", "json", "sarif", "github"]),
    default="human",
    help="How to print findings (sarif: GitHub code scanning; github: workflow annotations).",
)
@click.option("--select", metavar="CODES", help="Run only these rules (codes or prefixes: C,S101).")
@click.option("--ignore", metavar="CODES", help="Do not run these rules (codes or prefixes).")
@click.option(
    "--severity",
    type=click.Choice(["info", "warning", "error"]),
    help="Lowest severity that makes the exit code 1 (default: warning).",
)
@click.option("--words", metavar="WORDS", help="Extra correct words (comma-separated).")
@click.option("--words-file", metavar="PATH", help="A words file, one word per line.")
@config_options
@click.option(
    "--stdin-filename",
    metavar="PATH",
    help="With '-': the file the text comes from (its format, configuration and name in findings).",
)
@click.option("--exit-zero", is_flag=True, help="Exit 0 even with findings (errors still exit 2).")
@click.option("--extend-exclude", metavar="PATTERNS", help=EXTEND_EXCLUDE_HELP)
@guarded
def check(
    paths: tuple[str, ...],
    stdin_filename: str | None,
    exit_zero: bool,
    extend_exclude: str | None,
    config_file: str | None,
    isolated: bool,
    fmt: str,
    select: str | None,
    ignore: str | None,
    severity: str | None,
    words: str | None,
    words_file: str | None,
    **kwargs: Any,
) -> None:
    """Flag likely mistakes in PATH... (files, folders, or '-' for standard input).

    The repair filters run first; findings point at lines and columns of the input.
    Folders are walked like `tidyink fix` walks them, plus HTML files.
    Exit code: 0 clean, 1 findings at or above --severity, 2 usage or input errors.

    \b
      tidyink check chapters/
      tidyink check draft.md --select C1,R101 --format github
      tidyink check - < draft.txt
    """
    from tidyink.errors import UsageError
    from tidyink.findings_format import render
    from tidyink.lint import check_options, check_paths
    from tidyink.pipeline import select_rules

    if stdin_filename is not None and "-" not in paths:
        raise UsageError("--stdin-filename: only with '-' (standard input) as a path")
    stdin = sys.stdin.buffer.read() if "-" in paths else None
    overrides = _overrides(**kwargs)
    overrides.update(
        {
            k: v
            for k, v in {
                "select": _names(select),
                "ignore": _names(ignore),
                "severity": severity,
                "words": _names(words),
                "words_file": words_file,
            }.items()
            if v is not None
        }
    )
    from tidyink.config import Resolver

    resolver = Resolver(overrides, config=config_file, isolated=isolated)
    opts = check_options(resolver.for_path(".").options)
    report = check_paths(
        list(paths),
        options=opts,
        stdin=stdin,
        options_for=lambda name: resolver.for_path(name).options,
        resolver=resolver,
        stdin_name=stdin_filename,
        exclude=_names(extend_exclude) or (),
    )
    rules = [type(r) for r in select_rules(opts)]
    sources = {c.path if c.path != "-" else None: c.text for c in report.files}
    if fmt != "human" or report.findings or not report.errors:
        sys.stdout.write(render(fmt, report.findings, sources, rules))
        sys.stdout.flush()
    for warning in report.warnings:
        click.echo(f"tidyink: warning: {warning}", err=True)
    for error in report.errors:
        click.echo(f"tidyink: error: {error}", err=True)
    if report.errors:
        sys.exit(EXIT_ERROR)
    if report.failing(opts.severity) and not exit_zero:
        sys.exit(EXIT_FINDINGS)
