"""``tidyink fix``: fix Markdown and text files in place (like black)."""

from __future__ import annotations

import sys
from typing import Any

import click

from tidyink.cli._common import (
    EXIT_ERROR,
    EXIT_FINDINGS,
    EXIT_INTERNAL,
    _overrides,
    config_options,
    exclude_options,
    guarded,
    output_options,
    safe_option,
    selection_options,
    typography_options,
)
from tidyink.cli._style import color_on, diff_lines, echo_err, error_line, paint


@click.command(short_help="Fix Markdown and text files in place (like black).")
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@click.option("--check", is_flag=True, help="Change nothing; exit 1 if any file would change.")
@click.option("--diff", is_flag=True, help="Print a unified diff of each change; change nothing.")
@click.option(
    "--to-utf8",
    is_flag=True,
    default=None,
    help="Write fixed files as UTF-8 (default: keep each file's encoding).",
)
@selection_options
@typography_options
@config_options
@exclude_options
@click.option("--explain", is_flag=True, help="List every change on standard error.")
@output_options(verbose=True)
@safe_option
@click.option(
    "--stdin-filename",
    metavar="PATH",
    help="With '-': the file the text comes from (picks its format and configuration).",
)
@guarded
def fix(
    paths: tuple[str, ...],
    check: bool,
    diff: bool,
    to_utf8: bool | None,
    config_file: str | None,
    isolated: bool,
    explain: bool,
    quiet: bool,
    verbose: bool,
    exclude: tuple[str, ...] | None,
    extend_exclude: tuple[str, ...] | None,
    stdin_filename: str | None,
    **kwargs: Any,
) -> None:
    """Fix Markdown and text files in place, keeping format, encoding, BOM and line endings.

    PATH may be files or folders (folders: *.md, *.markdown, *.txt, minus
    .gitignore'd and excluded files). By default only the repair and typography
    filters run; a manuscript is never restructured unless asked (--enable, --only,
    or `stages` in the [fix] table of the configuration).
    PATH '-' fixes standard input and prints the result (for editors):

    \b
      tidyink fix .                     fix every manuscript file here
      tidyink fix --check --diff docs   show what would change, exit 1 if anything would
      tidyink fix - --stdin-filename ch1.md < ch1.md > fixed.md
    """
    from tidyink import manuscript
    from tidyink.config import Resolver
    from tidyink.errors import UsageError
    from tidyink.report import explain_lines

    if "-" in paths and len(paths) > 1:
        raise UsageError("-: standard input cannot be fixed together with other paths")
    if stdin_filename is not None and "-" not in paths:
        raise UsageError("--stdin-filename: only with '-' (standard input) as the path")
    resolver = Resolver(
        _overrides(**kwargs), config=config_file, isolated=isolated, fix={"to_utf8": to_utf8}
    )
    dry = check or diff
    outcomes = []
    settle = not dry or diff or explain  # --check alone only needs to know what would change
    fixed_stdin = b""
    if paths == ("-",):
        outcome, fixed_stdin = manuscript.fix_stdin(
            sys.stdin.buffer.read(), resolver, name=stdin_filename, to_utf8=to_utf8, settle=settle
        )
        found: Any = [outcome]
    else:
        found = manuscript.run(
            paths,
            resolver,
            write=not dry,
            to_utf8=to_utf8,
            settle=settle,
            exclude=extend_exclude or (),
            replace_exclude=exclude,
        )
    out_color, err_color = color_on(sys.stdout), color_on(sys.stderr)
    for outcome in found:
        outcomes.append(outcome)
        if outcome.status == manuscript.FAILED:
            click.echo(error_line(outcome.message), err=True)
            continue
        if not outcome.changed:
            if verbose and not quiet:
                echo_err(f"unchanged {paint(str(outcome.path), err_color, bold=True)}")
            continue
        if diff:
            click.echo(diff_lines(manuscript.unified_diff(outcome), out_color), nl=False, color=out_color)
        if not quiet:
            echo_err(f"{'would change' if dry else 'fixed'} {paint(str(outcome.path), err_color, bold=True)}")
            if outcome.message:  # e.g. the encoding the file was written in, and why
                echo_err(f"  note: {outcome.message}")
        if explain and outcome.result is not None:
            for line in explain_lines(outcome.result):
                click.echo(line, err=True)
    if fixed_stdin and not dry:
        sys.stdout.buffer.write(fixed_stdin)
        sys.stdout.flush()
    if not quiet:
        echo_err(paint(manuscript.summary(outcomes, would=dry), err_color, bold=True))
    if any(o.internal for o in outcomes):
        sys.exit(EXIT_INTERNAL)
    if any(o.status == manuscript.FAILED for o in outcomes):
        sys.exit(EXIT_ERROR)
    if check and any(o.changed for o in outcomes):
        sys.exit(EXIT_FINDINGS)
