"""``tidyink filters``: the filters in pipeline order."""

from __future__ import annotations

import click

from tidyink.cli._common import guarded, output_format_option


@click.command(name="filters", short_help="List the filters, their stage and whether they are on.")
@output_format_option(["human", "json"], "human", "A table, or JSON for tools.")
@guarded
def list_filters(fmt: str) -> None:
    """List the filters in pipeline order, with their stage and description."""
    from tidyink.filters import all_filters

    classes = all_filters()
    if fmt == "json":
        import json

        keys = ("name", "stage", "order", "default", "formats", "description")
        rows = [{k: getattr(f, k, None) for k in keys} for f in classes]
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2, default=list))
        return
    width = max(len(f.name) for f in classes)
    for f in classes:
        state = "on " if f.default else "off"
        click.echo(f"{f.name:<{width}}  {f.stage:<10}  {state}  {f.description}")
