"""``tidyink config``: the settings that apply to a file, and where each came from."""

from __future__ import annotations

from typing import Any

import click

from tidyink.cli._common import _overrides, config_options, filter_options, guarded, output_format_option

STARTER = "tidyink.toml"


@click.command(name="config", short_help="Show the settings that apply to a file, and their origin.")
@click.argument("path", required=False, default=".", metavar="[PATH|init]")
@filter_options
@config_options
@output_format_option(["toml", "json"], "toml", "Settings as TOML (with their origin) or JSON.")
@guarded
def show_config(path: str, config_file: str | None, isolated: bool, fmt: str, **kwargs: Any) -> None:
    """Print the settings that apply to PATH (default: here) and where each came from.

    `tidyink config init` writes a starter tidyink.toml here: every setting,
    commented out, at its default.

    \b
      tidyink config chapters/01.md
      tidyink config --output-format json
      tidyink config init
    """
    import json
    from pathlib import Path

    from tidyink.config import Resolver, effective, fix_filters, toml_value
    from tidyink.errors import UsageError

    if not Path(path).exists():
        if path == "init":
            _write_starter()
            return
        raise UsageError(f"{path}: no such file or folder (`tidyink config init` writes a starter {STARTER})")
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


def starter_text() -> str:
    """A tidyink.toml with every setting commented out at its default value."""
    from tidyink.config import Settings, effective, toml_value

    top, fix = [], []
    for key, value, _origin in effective(Settings()):
        if value is None:
            continue
        if key.startswith("fix."):
            fix.append(f"# {key[4:]} = {toml_value(value)}")
        else:
            top.append(f"# {key} = {toml_value(value)}")
    return (
        "# tidyink settings for this folder and those below it (see `tidyink config PATH`).\n"
        "# Every key is shown at its default; uncomment and change what you need.\n"
        + "\n".join(top)
        + "\n\n[fix]  # `tidyink fix` only\n"
        + "\n".join(fix)
        + "\n"
    )


def _write_starter() -> None:
    from pathlib import Path

    from tidyink.errors import UsageError
    from tidyink.fileio import atomic_write

    target = Path(STARTER)
    if target.exists():
        raise UsageError(f"{STARTER}: already exists; left unchanged (see it with `tidyink config`)")
    atomic_write(target, starter_text().encode("utf-8"))
    click.echo(f"wrote {STARTER}: every setting at its default, commented out", err=True)
