"""Choose filters and rules from Options, and run them over a Document in order."""

from __future__ import annotations

from tidyink import filters
from tidyink.document import Document
from tidyink.errors import UsageError
from tidyink.filters.base import STAGES, Context, Filter
from tidyink.options import Options
from tidyink.records import Finding
from tidyink.rules import all_rules
from tidyink.rules.base import Rule


def check_filter_names(options: Options) -> None:
    """Raise UsageError for a filter or stage name ``options`` asks for that no filter has."""
    known = set(filters.stages_by_name()) | set(STAGES)
    asked = (*(options.only or ()), *options.skip, *options.enable)
    unknown = sorted({n for n in asked if n not in known})
    if unknown:
        from tidyink.suggest import close_to

        close = [c for c in (close_to(n, known) for n in unknown) if c]
        hint = f"did you mean {', '.join(repr(c) for c in close)}? " if close else ""
        raise UsageError(f"unknown filter(s): {', '.join(unknown)} ({hint}see `tidyink filters` for the list)")


def _allowed(options: Options, fmt: str | None, name: str, stage: str, formats: frozenset[str]) -> bool:
    """Whether ``options`` and the input format ``fmt`` let a filter run, whether it is on
    by default aside: ``only`` names it or its stage, ``skip`` names neither, it reads ``fmt``."""
    only, skip = options.only, options.skip
    return (
        (only is None or name in only or stage in only)
        and name not in skip
        and stage not in skip
        and (fmt is None or fmt in formats)
    )


def select_filters(options: Options, fmt: str | None = None) -> list[Filter]:
    """The filters to run, in pipeline order; names or stage names select.

    Only the modules of filters the selection may pick for ``fmt`` are imported (see
    :data:`tidyink.filters.INDEX`): ``fix`` loads no structure filter.
    """
    check_filter_names(options)
    classes = filters.filters_where(lambda name, stage, formats: _allowed(options, fmt, name, stage, formats))
    return [
        f()
        for f in classes
        if _allowed(options, fmt, f.name, f.stage, f.formats)
        and (options.only is not None or f.default or f.name in options.enable)
    ]


def _matches(rule: type[Rule], patterns: tuple[str, ...]) -> bool:
    return any(p == "ALL" or rule.code.startswith(p) or rule.name == p for p in patterns)


def select_rules(options: Options) -> list[Rule]:
    """Rules picked ruff-style: ``select`` prefixes (or defaults) minus ``ignore``."""
    if not options.lint:
        return []
    classes = all_rules()
    for pattern in (*(options.select or ()), *options.ignore):
        if pattern != "ALL" and not any(_matches(r, (pattern,)) for r in classes):
            from tidyink.suggest import close_to

            close = close_to(pattern, [n for r in classes for n in (r.code, r.name)])
            hint = f"did you mean {close!r}? " if close else ""
            raise UsageError(f"unknown rule {pattern!r} ({hint}see `tidyink rules` for the list)")
    if options.select is None:
        chosen = [r for r in classes if r.default]
    else:
        chosen = [r for r in classes if _matches(r, options.select)]
    return [r() for r in chosen if not _matches(r, options.ignore)]


def run(doc: Document, ctx: Context, fmt: str | None = None) -> Context:
    """Run the selected filters, then the selected rules; results land in ``ctx``."""
    for f in select_filters(ctx.options, fmt or doc.format):
        f.run(doc, ctx)
    findings: list[Finding] = list(ctx.findings)
    for rule in select_rules(ctx.options):
        findings.extend(rule.check(doc, ctx))
    findings.sort(key=lambda f: (f.line, f.column, f.code))
    ctx.findings = findings
    return ctx
