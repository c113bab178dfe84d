"""MkDocs hook: one page per filter and per lint rule, generated from the registries.

Rule pages come from each rule's description, module docstring and examples;
filter pages from each filter's description, module docstring, and examples
inputs (docs/filter-examples.toml) run through the filter at build time. So the
pages never drift from the code. Paths follow :mod:`tidyink.docs_links`.
"""

from __future__ import annotations

import inspect
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "src"))  # the checkout's tidyink, installed or not

from mkdocs.structure.files import File, Files  # noqa: E402

from tidyink.docs_links import filter_page, rule_page  # noqa: E402

try:
    import tomllib
except ImportError:  # Python 3.10
    import tomli as tomllib  # type: ignore[no-redef]


def _doc(obj: Any) -> str:
    module = inspect.getmodule(obj)
    return inspect.cleandoc(module.__doc__) if module is not None and module.__doc__ else ""


def _fence(text: str) -> str:
    fence = "````" if "```" in text else "```"
    return f"{fence}text\n{text.rstrip(chr(10))}\n{fence}\n"


def rule_markdown(rule: Any) -> str:
    state = "on" if rule.default else "off"
    lines = [
        f"# {rule.code} {rule.name}",
        "",
        f"**Severity:** {rule.severity} · **On by default:** {'yes' if rule.default else 'no'}"
        f" · select with `--select {rule.code}`, ignore with `--ignore {rule.code}`",
        "",
        rule.description,
        "",
    ]
    doc = _doc(rule)
    if doc:
        lines += [doc, ""]
    for kind, title in (("wrong", "Flagged"), ("right", "Not flagged")):
        examples = rule.examples.get(kind) or ()
        if examples:
            lines += [f"## {title}", ""]
            lines += [_fence("\n".join(examples)), ""]
    lines += [
        "## Silencing",
        "",
        "To accept a finding of this rule on one line, end that line with",
        f"`<!-- tidyink: ignore {rule.code} -->` (in plain text also `[tidyink: ignore {rule.code}]`);",
        f"to turn it off for a project, add `ignore = [\"{rule.code}\"]` to the configuration.",
        f"It is {state} by default. See [Leaving text alone](../suppression.md) and",
        "[all rules](index.md).",
        "",
    ]
    return "\n".join(lines)


def filter_markdown(flt: Any, examples: dict[str, Any]) -> str:
    import tidyink

    formats = ", ".join(sorted(flt.formats))
    lines = [
        f"# {flt.name}",
        "",
        f"**Stage:** {flt.stage} (order {flt.order}) · **On by default:** {'yes' if flt.default else 'no'}"
        f" · **Input formats:** {formats}",
        "",
        flt.description,
        "",
    ]
    doc = _doc(flt)
    if doc:
        lines += [doc, ""]
    spec = examples.get(flt.name) or {}
    to = spec.get("to", "text")
    if spec.get("inputs"):
        lines += ["## Examples", "", f"Made when these pages were built, with `--only {flt.name} --to {to}`:", ""]
        for text in spec["inputs"]:
            result = tidyink.convert(text, to=to, only=[flt.name], input_format="text")
            lines += ["Input:", "", _fence(text), "Output:", "", _fence(result.text)]
            if result.changes:
                lines += ["Explained (`--explain`):", ""]
                shown = [f"{c.line}:{c.column}: {c.before!r} -> {c.after!r} ({c.reason})" for c in result.changes]
                lines += [_fence("\n".join(shown[:12]))]
    lines += [
        "## Switching it",
        "",
        f"`--skip {flt.name}` leaves it out, `--only {flt.name}` runs it alone; in the configuration,"
        f' `skip = ["{flt.name}"]`. See [all filters](index.md).',
        "",
    ]
    return "\n".join(lines)


def _examples() -> dict[str, Any]:
    with open(ROOT / "docs" / "filter-examples.toml", "rb") as handle:
        return tomllib.load(handle)


def _filters() -> list[Any]:
    from tidyink.filters import all_filters

    return list(all_filters())


def _rules() -> list[Any]:
    from tidyink.rules import all_rules

    return list(all_rules())


def _src(page: str) -> str:
    return page.rstrip("/") + ".md"


def on_config(config: Any) -> Any:
    """Put every generated page in the navigation, under Filters and Rules."""
    for entry in config["nav"] or []:
        if not isinstance(entry, dict):
            continue
        for title, children in entry.items():
            if title == "Filters":
                children += [{f.name: _src(filter_page(f.name))} for f in _filters()]
            elif title == "Rules":
                children += [{f"{r.code} {r.name}": _src(rule_page(r.name))} for r in _rules()]
    return config


def filters_index() -> str:
    rows = [
        f"| [`{f.name}`]({f.name}.md) | {f.stage} | {'on' if f.default else 'off'} | {f.description} |"
        for f in _filters()
    ]
    return (
        "# Filters\n\nEvery filter, in pipeline order (as `tidyink filters` lists them). `convert` runs them"
        " all; `fix` only the repair and typography stages unless asked; structure filters apply to"
        " plain-text and HTML input.\n\n| filter | stage | default | what it does |\n| --- | --- | --- | --- |\n"
        + "\n".join(rows)
        + "\n"
    )


def rules_index() -> str:
    rows = [
        f"| [{r.code}]({r.name}.md) | [`{r.name}`]({r.name}.md) | {r.severity} | {'on' if r.default else 'off'}"
        f" | {r.description} |"
        for r in _rules()
    ]
    return (
        "# Rules\n\nThe lint rules of `tidyink check` (as `tidyink rules` lists them). Select and ignore"
        " them by code or code prefix, ruff-style (`--select C1,S101`, `--ignore C107`).\n\n"
        "| code | name | severity | default | flags |\n| --- | --- | --- | --- | --- |\n"
        + "\n".join(rows)
        + "\n"
    )


def on_files(files: Files, config: Any) -> Files:
    examples = _examples()
    files.append(File.generated(config, "filters/index.md", content=filters_index()))
    files.append(File.generated(config, "rules/index.md", content=rules_index()))
    for flt in _filters():
        files.append(File.generated(config, _src(filter_page(flt.name)), content=filter_markdown(flt, examples)))
    for rule in _rules():
        files.append(File.generated(config, _src(rule_page(rule.name)), content=rule_markdown(rule)))
    return files
