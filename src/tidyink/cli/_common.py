"""What the commands share: one-line errors and the option vocabulary.

One vocabulary across commands, like ruff's: ``--exclude``/``--extend-exclude``
(comma-separated or repeated), ``-q``/``-v``, ``--color``, ``--output-format``;
each command takes only the option groups it uses. Only click is imported here;
each command imports the rest when it runs, so ``tidyink --version`` stays fast.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from typing import Any, NoReturn

import click

from tidyink.cli._style import COLOR_CHOICES, error_line, set_color

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR, EXIT_INTERNAL = 0, 1, 2, 3
EXCLUDE_HELP = (
    "Skip these .gitignore-style patterns (relative to the current folder) instead of the"
    " configuration's exclude; comma-separated or repeated."
)
EXTEND_EXCLUDE_HELP = (
    "Also skip these .gitignore-style patterns (relative to the current folder), on top of"
    " the configuration's exclude; comma-separated or repeated."
)

Decorator = Callable[[Callable[..., Any]], Callable[..., Any]]


def _fail(message: str, code: int = EXIT_ERROR) -> NoReturn:
    click.echo(error_line(message), err=True)
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


def _patterns(ctx: click.Context, param: click.Parameter, value: Sequence[str]) -> tuple[str, ...] | None:
    """A repeatable option whose values may also be comma-separated, flattened; None if not given."""
    if not value:
        return None
    return tuple(p.strip() for v in value for p in v.split(",") if p.strip())


def _apply(func: Callable[..., Any], decorators: list[Decorator]) -> Callable[..., Any]:
    for decorator in reversed(decorators):
        func = decorator(func)
    return func


def selection_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """Which filters run, and how the input is read."""
    return _apply(
        func,
        [
            click.option("--only", metavar="NAMES", help="Run only these filters or stages (comma-separated)."),
            click.option("--skip", metavar="NAMES", help="Do not run these filters or stages."),
            click.option("--enable", metavar="NAMES", help="Also run these filters that are off by default."),
            click.option(
                "--encoding", "-e", metavar="NAME", help="Decode with this encoding instead of detecting it."
            ),
            click.option(
                "--from",
                "input_format",
                type=click.Choice(["text", "markdown", "html"]),
                help="Input format (default: from the file name, else sniffed).",
            ),
        ],
    )


LANGUAGE_OPTION = click.option(
    "--language", metavar="TAG", help="Language (en-US, en-GB, fr, de...): quote marks and dictionaries."
)


def typography_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """The typography filters' styles (convert, fix)."""
    return _apply(
        func,
        [
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
            click.option("--ranges/--no-ranges", default=None, help="Number ranges with an en dash (1914–18)."),
            LANGUAGE_OPTION,
        ],
    )


def structure_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """The structure filters' settings (convert only: fix never restructures by default)."""
    return _apply(
        func,
        [
            click.option("--scene-break", metavar="TEXT", help="Scene-break marker (default '* * *')."),
            click.option(
                "--heading-level", type=click.IntRange(1, 6), help="Markdown level of chapters (default 2)."
            ),
            click.option(
                "--author-notes",
                type=click.Choice(["keep", "strip", "end"]),
                help="Author's notes and disclaimers: keep (default), strip, or move to the end.",
            ),
        ],
    )


def filter_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """Every pipeline option: selection, typography and structure (convert, config)."""
    return selection_options(typography_options(structure_options(func)))


SAFE_HELP = (
    "Check that the filters lost, added or changed no word that their change log does not"
    " explain; a file that fails is not written (exit 3). On by default."
)


def safe_option(func: Callable[..., Any]) -> Callable[..., Any]:
    """``--safe/--no-safe`` (like black's): the safety check of :mod:`tidyink.safety`."""
    return click.option("--safe/--no-safe", "safe", default=True, help=SAFE_HELP)(func)


def config_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """Where settings come from: the nearest configuration file, or one named."""
    return _apply(
        func,
        [
            click.option(
                "--config",
                "config_file",
                metavar="FILE",
                help="Use this configuration file (pyproject.toml or tidyink.toml) for every file.",
            ),
            click.option("--isolated", is_flag=True, help="Ignore every configuration file."),
        ],
    )


def exclude_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """``--exclude`` (instead of the configuration's) and ``--extend-exclude`` (on top of it)."""
    return _apply(
        func,
        [
            click.option(
                "--exclude", multiple=True, metavar="PATTERNS", callback=_patterns, help=EXCLUDE_HELP
            ),
            click.option(
                "--extend-exclude",
                multiple=True,
                metavar="PATTERNS",
                callback=_patterns,
                help=EXTEND_EXCLUDE_HELP,
            ),
        ],
    )


def _remember_color(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    set_color(value)
    return value


COLOR_OPTION = click.option(
    "--color",
    type=click.Choice(COLOR_CHOICES),
    default="auto",
    show_default=True,
    expose_value=False,
    is_eager=True,
    callback=_remember_color,
    help="Colour output (auto: on a terminal, unless NO_COLOR is set; FORCE_COLOR forces it).",
)


def output_options(verbose: bool = True, quiet_help: str = "Print nothing but errors.") -> Decorator:
    """``-q``/``--quiet``, ``-v``/``--verbose`` (when the command has more to say) and ``--color``."""

    def decorate(func: Callable[..., Any]) -> Callable[..., Any]:
        decorators = [click.option("-q", "--quiet", is_flag=True, help=quiet_help)]
        if verbose:
            decorators.append(
                click.option("-v", "--verbose", is_flag=True, help="Say more: also name files left unchanged.")
            )
        decorators.append(COLOR_OPTION)
        return _apply(func, decorators)

    return decorate


def output_format_option(choices: Sequence[str], default: str, help: str) -> Decorator:
    """``--output-format`` (ruff's name), with ``--format`` kept as a hidden alias."""
    import functools

    def decorate(func: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(func)
        def merged(*args: Any, fmt: str | None = None, fmt_alias: str | None = None, **kwargs: Any) -> Any:
            return func(*args, fmt=fmt or fmt_alias or default, **kwargs)

        return _apply(
            merged,
            [
                click.option(
                    "--output-format",
                    "fmt",
                    type=click.Choice(list(choices)),
                    help=f"{help} [default: {default}]",
                ),
                click.option("--format", "fmt_alias", type=click.Choice(list(choices)), hidden=True),
            ],
        )

    return decorate


def _overrides(**kwargs: Any) -> dict[str, Any]:
    out = {k: v for k, v in kwargs.items() if v is not None}
    for key in ("only", "skip", "enable"):
        if key in out:
            out[key] = _names(out[key])
    return out
