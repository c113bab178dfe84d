"""``tidyink check``: flag likely mistakes (like ruff check)."""

from __future__ import annotations

import sys
from typing import Any

import click

from tidyink.cli._common import (
    EXIT_ERROR,
    EXIT_FINDINGS,
    LANGUAGE_OPTION,
    _names,
    _overrides,
    config_options,
    exclude_options,
    guarded,
    output_format_option,
    output_options,
    selection_options,
)
from tidyink.cli._style import color_on, echo_err, error_line, warning_line


@click.command(short_help="Flag likely mistakes (like ruff check).")
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@output_format_option(
    ["human", "json", "sarif", "github"],
    "human",
    "How to print findings (sarif: GitHub code scanning; github: workflow annotations).",
)
@click.option("--output-file", "-o", metavar="FILE", help="Write the findings to FILE instead of standard output.")
@click.option("--statistics", is_flag=True, help="Print the number of findings per rule instead of each finding.")
@click.option("--select", metavar="CODES", help="Run only these rules (codes or prefixes: C,S101).")
@click.option("--ignore", metavar="CODES", help="Do not run these rules (codes or prefixes).")
@click.option(
    "--severity",
    type=click.Choice(["info", "warning", "error"]),
    help="Lowest severity that makes the exit code 1 (default: warning).",
)
@click.option("--words", metavar="WORDS", help="Extra correct words (comma-separated).")
@click.option("--words-file", metavar="PATH", help="A words file, one word per line.")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even with findings (errors still exit 2).")
@selection_options
@LANGUAGE_OPTION
@config_options
@exclude_options
@click.option(
    "--stdin-filename",
    metavar="PATH",
    help="With '-': the file the text comes from (its format, configuration and name in findings).",
)
@output_options(verbose=True, quiet_help="Print only the findings (no summary, hint or warnings).")
@guarded
def check(
    paths: tuple[str, ...],
    stdin_filename: str | None,
    exit_zero: bool,
    exclude: tuple[str, ...] | None,
    extend_exclude: tuple[str, ...] | None,
    config_file: str | None,
    isolated: bool,
    fmt: str,
    output_file: str | None,
    statistics: bool,
    select: str | None,
    ignore: str | None,
    severity: str | None,
    words: str | None,
    words_file: str | None,
    quiet: bool,
    verbose: bool,
    **kwargs: Any,
) -> None:
    """Flag likely mistakes in PATH... (files, folders, or '-' for standard input).

    The repair filters run first; findings point at lines and columns of the input.
    Folders are walked like `tidyink fix` walks them, plus HTML files.
    Nothing is changed: to fix files, run `tidyink fix`.
    Exit code: 0 clean, 1 findings at or above --severity, 2 usage or input errors.

    \b
      tidyink check chapters/
      tidyink check draft.md --select C1,R101 --output-format github
      tidyink check chapters/ --statistics
      tidyink check - < draft.txt
    """
    from tidyink.config import Resolver
    from tidyink.errors import UsageError
    from tidyink.lint import check_options, check_paths
    from tidyink.pipeline import select_rules

    if stdin_filename is not None and "-" not in paths:
        raise UsageError("--stdin-filename: only with '-' (standard input) as a path")
    stdin = sys.stdin.buffer.read() if "-" in paths else None
    overrides = _overrides(**kwargs)
    chosen = {
        "select": _names(select),
        "ignore": _names(ignore),
        "severity": severity,
        "words": _names(words),
        "words_file": words_file,
    }
    overrides.update({k: v for k, v in chosen.items() if v is not None})
    resolver = Resolver(overrides, config=config_file, isolated=isolated)
    opts = check_options(resolver.for_path(".").options)
    report = check_paths(
        list(paths),
        options=opts,
        stdin=stdin,
        options_for=lambda name: resolver.for_path(name).options,
        resolver=resolver,
        stdin_name=stdin_filename,
        exclude=extend_exclude or (),
        replace_exclude=exclude,
    )
    if verbose:
        for checked in report.files:
            echo_err(f"checked {checked.path} ({len(checked.findings)} finding(s))")
    if fmt != "human" or report.findings or not report.errors:
        _write(_render(report, fmt, statistics, [type(r) for r in select_rules(opts)], output_file), output_file)
        if fmt == "human" and not quiet and not statistics and output_file is None:
            from tidyink.findings_human import footer

            sys.stdout.write(footer(report.findings, color_on(sys.stdout)))
            sys.stdout.flush()
    if not quiet:
        for warning in report.warnings:
            click.echo(warning_line(warning), err=True)
    for error in report.errors:
        click.echo(error_line(error), err=True)
    if report.errors:
        sys.exit(EXIT_ERROR)
    if report.failing(opts.severity) and not exit_zero:
        sys.exit(EXIT_FINDINGS)


def _render(report: Any, fmt: str, statistics: bool, rules: list[Any], output_file: str | None) -> str:
    color = output_file is None and color_on(sys.stdout)
    if statistics:
        from tidyink import findings_human

        if fmt == "json":
            import json

            return json.dumps(findings_human.statistics_rows(report.findings), indent=2) + "\n"
        return findings_human.statistics(report.findings, color)
    from tidyink.findings_format import render

    sources = {c.path if c.path != "-" else None: c.text for c in report.files}
    return render(fmt, report.findings, sources, rules, color=color)


def _write(text: str, output_file: str | None) -> None:
    if output_file is None:
        click.echo(text, nl=False, color=color_on(sys.stdout))
        return
    from tidyink.fileio import atomic_write

    atomic_write(output_file, text.encode("utf-8"))
