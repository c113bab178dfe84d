"""Colour for the terminal, the way ruff does it: ``--color auto|always|never``.

``auto`` colours a terminal, unless ``NO_COLOR`` is set (https://no-color.org);
``FORCE_COLOR`` colours even a pipe. ``always`` and ``never`` override both.
Styling is click's (``click.style``): no other dependency.
"""

from __future__ import annotations

import os
import sys
from typing import IO, Any

import click

COLOR_CHOICES = ("auto", "always", "never")
_META_KEY = "tidyink.color"


def wants_color(choice: str | None, stream: IO[Any] | None = None) -> bool:
    """Whether to colour ``stream`` (standard output by default) for ``--color choice``."""
    if choice == "always":
        return True
    if choice == "never":
        return False
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    stream = stream if stream is not None else sys.stdout
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError):
        return False


def set_color(choice: str | None) -> None:
    """Remember ``--color`` for this run (read back by :func:`color_on`)."""
    ctx = click.get_current_context(silent=True)
    if ctx is not None:
        ctx.find_root().meta[_META_KEY] = choice


def color_on(stream: IO[Any] | None = None) -> bool:
    """Whether output to ``stream`` is coloured in this run."""
    ctx = click.get_current_context(silent=True)
    choice = ctx.find_root().meta.get(_META_KEY) if ctx is not None else None
    return wants_color(choice, stream)


def paint(text: str, on: bool, **style: Any) -> str:
    """``text`` styled with ``click.style(**style)`` when ``on``."""
    return click.style(text, **style) if on else text


def echo_err(message: str) -> None:
    """One line on standard error, coloured when standard error is a terminal (and allowed)."""
    on = color_on(sys.stderr)
    click.echo(message, err=True, color=on)


def error_line(message: str) -> str:
    """``tidyink: error: message`` with ``error`` in bold red when colour is on."""
    on = color_on(sys.stderr)
    return f"tidyink: {paint('error', on, fg='red', bold=True)}: {message}"


def warning_line(message: str) -> str:
    on = color_on(sys.stderr)
    return f"tidyink: {paint('warning', on, fg='yellow', bold=True)}: {message}"


def diff_lines(diff: str, on: bool) -> str:
    """A unified diff with ``-`` lines red, ``+`` lines green and hunk headers cyan."""
    if not on:
        return diff
    out = []
    for line in diff.splitlines(keepends=True):
        body, end = (line[:-1], "\n") if line.endswith("\n") else (line, "")
        if line.startswith(("+++", "---")):
            out.append(click.style(body, bold=True) + end)
        elif line.startswith("@@"):
            out.append(click.style(body, fg="cyan") + end)
        elif line.startswith("+"):
            out.append(click.style(body, fg="green") + end)
        elif line.startswith("-"):
            out.append(click.style(body, fg="red") + end)
        else:
            out.append(line)
    return "".join(out)
