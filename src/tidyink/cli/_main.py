"""The ``tidyink`` command group (:data:`main`), one module per command.

Only click is imported here. A command's module is imported when the command is
first looked up (building a command's options costs about as much as importing
the module): a run imports the module of the command it runs, ``--help`` all of
them. Each command imports what it needs when it runs.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator, MutableMapping

import click

from tidyink.cli._app import TidyinkGroup
from tidyink.cli._common import guarded
from tidyink.cli._version import version_text

__all__ = ["COMMANDS", "guarded", "main"]

# command name -> (module, the click command's name in it), in the order they were added
COMMANDS = {
    "convert": ("tidyink.cli.convert", "convert"),
    "fix": ("tidyink.cli.fix", "fix"),
    "check": ("tidyink.cli.check", "check"),
    "detect": ("tidyink.cli.detect", "detect"),
    "config": ("tidyink.cli.config", "show_config"),
    "filters": ("tidyink.cli.filters", "list_filters"),
    "rules": ("tidyink.cli.rules", "list_rules"),
}


class LazyCommands(MutableMapping[str, click.Command]):
    """A group's commands (``Group.commands``), each imported on first lookup; names
    are known without importing anything (listing them, ``in``, a mistyped name's hint)."""

    def __init__(self, where: dict[str, tuple[str, str]]) -> None:
        self._where = dict(where)
        self._loaded: dict[str, click.Command] = {}

    def __getitem__(self, name: str) -> click.Command:
        found = self._loaded.get(name)
        if found is None:
            module, attr = self._where[name]  # (KeyError: no such command)
            found = self._loaded[name] = getattr(importlib.import_module(module), attr)
        return found

    def __setitem__(self, name: str, command: click.Command) -> None:
        self._where.setdefault(name, ("", ""))
        self._loaded[name] = command

    def __delitem__(self, name: str) -> None:
        del self._where[name]
        self._loaded.pop(name, None)

    def __contains__(self, name: object) -> bool:
        return name in self._where

    def __iter__(self) -> Iterator[str]:
        return iter(self._where)

    def __len__(self) -> int:
        return len(self._where)


def _show_version(ctx: click.Context, param: click.Parameter, value: bool) -> None:
    if value and not ctx.resilient_parsing:
        click.echo(version_text())
        ctx.exit()


@click.group(
    cls=TidyinkGroup, commands=LazyCommands(COMMANDS), context_settings={"help_option_names": ["-h", "--help"]}
)
@click.option(
    "-V",
    "--version",
    is_flag=True,
    expose_value=False,
    is_eager=True,
    callback=_show_version,
    help="Show the version of tidyink, Python and key dependencies, and exit.",
)
@click.option("--debug", is_flag=True, help="Show tracebacks instead of one-line errors.")
def main(debug: bool) -> None:
    """Turn messy prose files into clean Markdown or plain text.

    \b
    Examples:
      tidyink convert story.txt -o story.md     clean a file into Markdown
      tidyink fix chapters/                     fix a manuscript in place
      tidyink fix --check --diff chapters/      show what fix would change (exit 1)
      tidyink check chapters/                   flag typos and mix-ups
      tidyink detect old.txt                    encoding, BOM, line endings, damage
      tidyink config chapters/01.md             the settings that apply, and why

    Exit codes: 0 done, 1 files would change or findings (or some files of a folder
    failed), 2 usage or input error, 3 internal error (a crash, or the safety check
    found a word changed that no filter explains; that file is left alone), 130 Ctrl-C.
    """
