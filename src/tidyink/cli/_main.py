"""The ``tidyink`` command group (:data:`main`), one module per command.

Only click is imported here; everything else is imported by the command that
needs it.
"""

from __future__ import annotations

import click

from tidyink.cli._app import TidyinkGroup
from tidyink.cli._common import guarded
from tidyink.cli._version import version_text
from tidyink.cli.check import check
from tidyink.cli.config import show_config
from tidyink.cli.convert import convert
from tidyink.cli.detect import detect
from tidyink.cli.filters import list_filters
from tidyink.cli.fix import fix
from tidyink.cli.rules import list_rules

__all__ = ["guarded", "main"]


def _show_version(ctx: click.Context, param: click.Parameter, value: bool) -> None:
    if value and not ctx.resilient_parsing:
        click.echo(version_text())
        ctx.exit()


@click.group(cls=TidyinkGroup, context_settings={"help_option_names": ["-h", "--help"]})
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


for _command in (convert, fix, check, detect, show_config, list_filters, list_rules):
    main.add_command(_command)
