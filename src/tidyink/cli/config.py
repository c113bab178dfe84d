"""``tidyink config``: the settings that apply to a file, and where each came from."""

from __future__ import annotations

from typing import Any

import click

from tidyink.cli._common import _overrides, config_options, filter_options, guarded


@click.command(name="config", short_help="Show the settings that apply to a file, and their origin.")
@click.argument("path", required=False, default=".", metavar="[PATH]")
@filter_options
@config_options
@click.option("--format", "fmt", type=click.Choice(["toml", "json"]), default="toml")
@guarded
def show_config(
    path: str, config_file: str | None, isolated: bool, fmt: str, **kwargs: Any
) -> None:
    """Print the settings that apply to PATH (default: here) and where each came from.

    \b
      tidyink config chapters/01.md
      tidyink config --format json
    """
    import json

    from tidyink.config import Resolver, effective, fix_filters, toml_value

    settings = Resolver(_overrides(**kwargs), config=config_file, isolated=isolated).for_path(path)
    rows = effective(settings)
    if fmt == "json":
        data = {
            "config": str(settings.path) if settings.path else None,
            "settings": {k: {"value": v, "from": o} for k, v, o in rows},
            "fix_filters": fix_filters(settings),
        }
        click.echo(json.dumps(data, ensure_ascii=False, indent=2, default=list))
        return
    source = f"{settings.path}" if settings.path else "none found (defaults)"
    click.echo(f"# settings for {path}; configuration file: {source}")
    lines = []
    for key, value, origin in rows:
        shown = f"# {key} is not set" if value is None else f"{key} = {toml_value(value)}"
        lines.append((shown, origin))
    width = min(max(len(s) for s, _ in lines), 60)
    for shown, origin in lines:
        click.echo(f"{shown:<{width}}  # {origin}")
    for fmt, names in fix_filters(settings).items():
        click.echo(f"# tidyink fix runs on {fmt}: {', '.join(names) or 'no filter'}")
