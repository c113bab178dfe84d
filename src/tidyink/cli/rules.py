"""``tidyink rules``: list the lint rules, or explain one."""

from __future__ import annotations

import click

from tidyink.cli._common import guarded, output_format_option


@click.command(name="rules", short_help="List the lint rules, or explain one.")
@click.argument("code", required=False)
@output_format_option(["human", "json"], "human", "Text, or JSON for tools.")
@guarded
def list_rules(code: str | None, fmt: str) -> None:
    """List the lint rules, or explain rule CODE (a code such as C101, a name, or the
    start of a name that only one rule has: `tidyink rules then`)."""
    from tidyink.rules import all_rules

    if fmt == "json":
        import json

        keys = ("code", "name", "severity", "default", "description", "examples")
        chosen = list(all_rules()) if code is None else [find_rule(code)]
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
    rule = find_rule(code)
    import inspect

    from tidyink.docs_links import rule_url

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
    click.echo("")
    click.echo(f"Documentation: {rule_url(rule.name)}")


def find_rule(word: str) -> type:
    """The rule a code (any case), a name, or a unique prefix of a name names."""
    from tidyink.errors import UsageError
    from tidyink.rules import all_rules
    from tidyink.suggest import close_to

    rules = all_rules()
    exact = [r for r in rules if word.upper() == r.code or word.lower() == r.name]
    if exact:
        return exact[0]
    starting = [r for r in rules if len(word) >= 3 and r.name.startswith(word.lower())]
    if len(starting) == 1:
        return starting[0]
    if starting:
        names = ", ".join(f"{r.code} {r.name}" for r in starting)
        raise UsageError(f"{word!r} is the start of several rules: {names} (say more of the name)")
    close = close_to(word, [n for r in rules for n in (r.code, r.name)])
    hint = f"did you mean {close!r}? " if close else ""
    raise UsageError(f"unknown rule {word!r} ({hint}see `tidyink rules` for the list)")
