"""The command group: one-line usage errors."""

from __future__ import annotations

import sys
from typing import Any

import click

from tidyink.cli._style import error_line

# Options people reach for on the wrong command: the hint replaces click's guess.
WRONG_COMMAND_HINTS = {
    ("check", "--fix"): "`tidyink check` changes nothing; to fix files, run `tidyink fix PATH...`",
    ("check", "--diff"): "to see fixes as a diff, run `tidyink fix --diff PATH...`",
    ("convert", "--check"): "to check files, run `tidyink check PATH...` or `tidyink fix --check PATH...`",
}


def usage_message(exc: click.UsageError) -> str:
    """A click usage error as one line: the reason and where to read more."""
    command = exc.ctx.command_path if exc.ctx is not None else "tidyink"
    if isinstance(exc, click.NoSuchOption) and exc.ctx is not None:
        hint = WRONG_COMMAND_HINTS.get((exc.ctx.info_name or "", exc.option_name))
        if hint:
            return f"no such option: {exc.option_name} ({hint})"
    message = " ".join(exc.format_message().split())
    if message[:1].isupper() and not message[1:2].isupper():
        message = message[0].lower() + message[1:]
    return f"{message} (try '{command} --help')"


_NO_ARGS: Any = getattr(click.exceptions, "NoArgsIsHelpError", ())  # click >= 8.2


class TidyinkGroup(click.Group):
    """A click group whose usage errors are one line: ``tidyink: error: ...``."""

    def main(self, *args: Any, **kwargs: Any) -> Any:  # type: ignore[override]
        kwargs["standalone_mode"] = False
        try:
            return super().main(*args, **kwargs)
        except _NO_ARGS as exc:  # bare `tidyink`: the help, as click shows it
            exc.show()
            sys.exit(exc.exit_code)
        except click.UsageError as exc:
            click.echo(error_line(usage_message(exc)), err=True)
            sys.exit(exc.exit_code)
        except click.ClickException as exc:
            click.echo(error_line(exc.format_message()), err=True)
            sys.exit(exc.exit_code)
        except click.exceptions.Abort:
            click.echo("tidyink: aborted", err=True)
            sys.exit(1)
        except click.exceptions.Exit as exc:
            sys.exit(exc.exit_code)
