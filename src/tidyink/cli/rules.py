"""``tidyink rules``: list the lint rules, or explain one."""

from __future__ import annotations

import click

from tidyink.cli._common import guarded


@click.command(name="rules", short_help="List the lint rules, or explain one.")
@click.argument("code", required=False)
@click.option(
    "--format", "fmt", type=click.Choice(["human", "json"]), default="human", help="Text, or JSON for tools."
)
@guarded
def list_rules(code: str | None, fmt: str) -> None:
    """List the lint rules, or explain rule CODE (a code such as C101, or a name)."""
    from tidyink.errors import UsageError
    from tidyink.rules import all_rules, get

    if fmt == "json":
        import json

        keys = ("code", "name", "severity", "default", "description", "examples")
        chosen = all_rules()
        if code is not None:
            chosen = [r for r in chosen if r.code == code.upper() or r.name == code]
            if not chosen:
                raise UsageError(f"unknown rule {code!r} (see `tidyink rules` for the list)")
        rows = [{k: getattr(r, k, None) for k in keys} for r in chosen]
        click.echo(json.dumps(rows if code is None else rows[0], ensure_ascii=False, indent=2, default=list))
        return
    if code is None:
        classes = all_rules()
        width = max(len(r.name) for r in classes)
        for r in classes:
            state = "on " if r.default else "off"
            click.echo(f"{r.code}  {r.name:<{width}}  {state}  {r.description}")
        return
    try:
        rule = get(code.upper() if code[:1].isalpha() and code[1:].isdigit() else code)
    except KeyError:
        raise UsageError(f"unknown rule {code!r} (see `tidyink rules` for the list)") from None
    import inspect

    state = "on" if rule.default else "off"
    click.echo(f"{rule.code} {rule.name} ({rule.severity}, {state} by default)")
    click.echo("")
    click.echo(rule.description)
    doc = inspect.getmodule(rule).__doc__ if inspect.getmodule(rule) else None
    if doc:
        click.echo("")
        click.echo(inspect.cleandoc(doc))
    for kind, title in (("wrong", "Flagged"), ("right", "Not flagged")):
        if rule.examples.get(kind):
            click.echo("")
            click.echo(f"{title}:")
            for sentence in rule.examples[kind]:
                click.echo(f"  {sentence!r}" if "\n" in sentence else f"  {sentence}")
