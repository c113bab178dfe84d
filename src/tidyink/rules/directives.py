"""unknown-directive: a ``tidyink:`` comment that does nothing.

A mistyped directive (``<!-- tidyink: of -->``, ``[tidyink: skp]``) or an
``ignore`` naming a code no rule has is silently nothing to tidyink: the text it
was meant to protect gets fixed, the finding it was meant to hush still shows.
Like ruff's warning for an invalid ``# noqa``, this rule says so. Directives in
code (fenced or indented blocks, code spans) are examples, not directives.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar

import regex

from tidyink.document import Document, Span
from tidyink.filters.base import Context
from tidyink.lazy_regex import compiled
from tidyink.records import Finding
from tidyink.rules.base import Rule

COMMANDS = ("off", "on", "skip", "skip-file", "ignore")
_DIRECTIVE = compiled(
    r"(?:<!--|\[)[ \t]*tidyink[ \t]*:[ \t]*(?P<cmd>[\w-]*?)(?P<args>(?:[ \t,]+[\w.-]+)*)[ \t]*(?:-->|\])",
    regex.IGNORECASE,
)


class UnknownDirective(Rule):
    code = "D101"
    name = "unknown-directive"
    description = "A tidyink: comment with an unknown command or rule code, which does nothing."
    examples: ClassVar[dict[str, tuple[str, ...]]] = {
        "wrong": ("Keep this as typed... <!-- tidyink: skp -->", "She left early. [tidyink: ignore Z999]"),
        "right": (
            "Keep this as typed... <!-- tidyink: skip -->",
            "She left early. [tidyink: ignore C101, repeated-word]",
            "We ran tidyink: it helped.",
        ),
    }

    def check(self, doc: Document, ctx: Context) -> Iterable[Finding]:
        for block in doc.blocks:
            for span in block.spans:
                text = span.text
                if ("[" not in text and "<!--" not in text) or "tidyink" not in text.lower() or _is_code(text):
                    continue  # (a directive opens with "[" or "<!--": most spans are not even lowered)
                for match in _DIRECTIVE.finditer(span.text):
                    problem = _problem(match)
                    if problem:
                        yield self._located(span, match, problem, ctx)

    def _located(self, span: Span, match: regex.Match[str], message: str, ctx: Context) -> Finding:
        before = span.text[: match.start()]
        line = span.line + before.count("\n")
        column = (match.start() - before.rfind("\n") - 1) if "\n" in before else span.col + match.start()
        return Finding(
            code=self.code,
            message=message,
            line=line,
            column=column + 1,
            end_line=line,
            end_column=column + 1 + len(match.group()),
            severity=self.severity,
            path=ctx.path,
            name=self.name,
        )


def _is_code(text: str) -> bool:
    return text.startswith(("`", "~~~", "    ", "\t"))


def _problem(match: regex.Match[str]) -> str | None:
    cmd = match.group("cmd").lower()
    if cmd not in COMMANDS:
        return f"unknown tidyink directive {cmd!r}, ignored (use {', '.join(COMMANDS)})"
    if cmd != "ignore":
        return None
    from tidyink.rules import all_rules

    rules = all_rules()
    for code in regex.split(r"[\s,]+", match.group("args").strip()):
        if code and not any(r.code.startswith(code.upper()) or r.name == code.lower() for r in rules):
            return f"'ignore {code}': no rule has this code or name (see `tidyink rules`)"
    return None
