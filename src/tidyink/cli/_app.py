"""The command group: one-line usage errors, and a ``--version`` that names what it runs on."""

from __future__ import annotations

import os
import re
import sys
from typing import Any

import click

from tidyink.cli._style import error_line

# What `tidyink --version` reports beside tidyink and Python (like ruff's and black's).
KEY_DEPENDENCIES = ("click", "ftfy", "charset-normalizer", "markdown-it-py", "selectolax", "wordfreq")

# Options people reach for on the wrong command: the hint replaces click's guess.
WRONG_COMMAND_HINTS = {
    ("check", "--fix"): "`tidyink check` changes nothing; to fix files, run `tidyink fix PATH...`",
    ("check", "--diff"): "to see fixes as a diff, run `tidyink fix --diff PATH...`",
    ("convert", "--check"): "to check files, run `tidyink check PATH...` or `tidyink fix --check PATH...`",
}


def version_text() -> str:
    """``tidyink X (Python Y; click Z, ...)``, versions read from installed metadata."""
    from tidyink import __version__

    found = installed_versions(KEY_DEPENDENCIES)
    parts = [f"{name} {found[name]}" if found[name] else f"{name} (not installed)" for name in KEY_DEPENDENCIES]
    python = ".".join(str(n) for n in sys.version_info[:3])
    return f"tidyink {__version__} (Python {python}, {sys.implementation.name})\n" + ", ".join(parts)


def _normal(name: str) -> str:
    return re.sub(r"[-_.]+", "_", name).lower()


def installed_versions(names: tuple[str, ...]) -> dict[str, str | None]:
    """Each distribution's version, as ``importlib.metadata.version`` gives it (None
    when not installed), read from the ``NAME-VERSION.dist-info`` folder names on
    ``sys.path`` in order: importing ``importlib.metadata`` costs more than all of
    ``--version`` should. Names found no such way are asked of it after all."""
    wanted = {_normal(n): n for n in names}
    found: dict[str, str | None] = {}
    for entry in sys.path:
        try:
            listing = os.listdir(entry or ".")
        except OSError:
            continue
        for item in listing:
            if item.endswith(".dist-info"):
                name, _, version = item[: -len(".dist-info")].partition("-")
                original = wanted.get(_normal(name))
                if original is not None and original not in found and version:
                    found[original] = version
    missing = [n for n in names if n not in found]
    if missing:
        from importlib import metadata

        for name in missing:
            try:
                found[name] = metadata.version(name)
            except metadata.PackageNotFoundError:
                found[name] = None
    return found


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
