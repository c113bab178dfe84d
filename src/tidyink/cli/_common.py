"""What the commands share: one-line errors, the pipeline and configuration options.

Only click is imported here; each command imports the rest when it runs, so
``tidyink --version`` stays fast.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any, NoReturn

import click

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR, EXIT_INTERNAL = 0, 1, 2, 3
EXTEND_EXCLUDE_HELP = (
    "Also skip these .gitignore-style patterns (comma-separated, relative to the current"
    " folder), on top of the configuration's exclude."
)


def _fail(message: str, code: int = EXIT_ERROR) -> NoReturn:
    click.echo(f"tidyink: error: {message}", err=True)
    sys.exit(code)


def guarded(func: Callable[..., Any]) -> Callable[..., Any]:
    """Turn TidyinkError (and any crash, unless --debug) into one line and exit 2
    (3 for an internal error: a crash, or the safety check finding an unexplained change)."""
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
            _fail(str(exc), getattr(exc, "exit_code", EXIT_ERROR))
        except BrokenPipeError:  # `tidyink rules | head -1`: the reader left; stop quietly
            import contextlib
            import os

            with contextlib.suppress(OSError, ValueError):  # no flush error at exit either
                os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            sys.exit(EXIT_OK)
        except (KeyboardInterrupt, SystemExit, click.exceptions.Exit, click.ClickException):
            raise
        except Exception as exc:  # a bug: still one line, with a way to see more
            if debug:
                raise
            _fail(
                f"internal error: {type(exc).__name__}: {exc} (run with --debug for a traceback)",
                EXIT_INTERNAL,
            )

    return wrapper


def _names(value: str | None) -> tuple[str, ...] | None:
    if value is None:
        return None
    return tuple(v.strip() for v in value.split(",") if v.strip())



def filter_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """The options shared by every command that runs the pipeline."""
    decorators = [
        click.option("--only", metavar="NAMES", help="Run only these filters or stages (comma-separated)."),
        click.option("--skip", metavar="NAMES", help="Do not run these filters or stages."),
        click.option("--enable", metavar="NAMES", help="Also run these filters that are off by default."),
        click.option("--encoding", "-e", metavar="NAME", help="Decode with this encoding instead of detecting it."),
        click.option(
            "--from",
            "input_format",
            type=click.Choice(["text", "markdown", "html"]),
            help="Input format (default: from the file name, else sniffed).",
        ),
        click.option(
            "--ellipsis", type=click.Choice(["…", "...", ". . ."]), help="Ellipsis style (default …)."
        ),
        click.option(
            "--quotes",
            type=click.Choice(["curly", "straight", "keep"]),
            help="Quote style: curly (default), straight (ASCII) or keep.",
        ),
        click.option(
            "--primes",
            type=click.Choice(["prime", "straight"]),
            help="5′10″ (prime, default) or 5'10\" (straight).",
        ),
        click.option(
            "--dashes",
            type=click.Choice(["em", "en-spaced"]),
            help="Dash style: closed em dash (default) or spaced en dash.",
        ),
        click.option(
            "--ranges/--no-ranges", default=None, help="Number ranges with an en dash (1914–18)."
        ),
        click.option(
            "--language", metavar="TAG", help="Language (en-US, en-GB, fr, de...): quote marks."
        ),
        click.option("--scene-break", metavar="TEXT", help="Scene-break marker (default '* * *')."),
        click.option(
            "--heading-level",
            type=click.IntRange(1, 6),
            help="Markdown level of chapters (default 2).",
        ),
        click.option(
            "--author-notes",
            type=click.Choice(["keep", "strip", "end"]),
            help="Author's notes and disclaimers: keep (default), strip, or move to the end.",
        ),
    ]
    for decorator in reversed(decorators):
        func = decorator(func)
    return func


SAFE_HELP = (
    "Check that the filters lost, added or changed no word that their change log does not"
    " explain; a file that fails is not written (exit 3). On by default."
)


def safe_option(func: Callable[..., Any]) -> Callable[..., Any]:
    """``--safe/--no-safe`` (like black's): the safety check of :mod:`tidyink.safety`."""
    return click.option("--safe/--no-safe", "safe", default=True, help=SAFE_HELP)(func)


def config_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """Where settings come from: the nearest configuration file, or one named."""
    decorators = [
        click.option(
            "--config",
            "config_file",
            metavar="FILE",
            help="Use this configuration file (pyproject.toml or tidyink.toml) for every file.",
        ),
        click.option("--isolated", is_flag=True, help="Ignore every configuration file."),
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
