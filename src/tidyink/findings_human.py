"""Findings for people, like ruff's: ``path:line:col: CODE message`` and a snippet.

Prose lines run to hundreds of characters, so the snippet is a window of about
80 columns around the finding, marked ``…`` where the line was cut.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from tidyink.records import Finding

WINDOW = 80  # columns of the line shown around a finding
_SNAP = 12  # how far a window edge may move to land on a space
ELLIPSIS = "…"
SILENCE_HINT = (
    "hint: to accept a finding, end its line with <!-- tidyink: ignore {code} -->"
    " (in plain text also [tidyink: ignore {code}])"
)


def _width(text: str) -> int:
    """Columns ``text`` takes in a terminal (wide East Asian characters count two)."""
    return sum(
        0 if unicodedata.combining(ch) else 2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text
    )


def _style(text: str, on: bool, **style: object) -> str:
    if not on:
        return text
    import click

    return click.style(text, **style)  # type: ignore[arg-type]


def window(line: str, start: int, end: int, width: int = WINDOW) -> tuple[str, int, int]:
    """The part of ``line`` to show for the span ``[start, end)``: the text (with ``…``
    where cut) and the span's start and end in that text."""
    if _width(line) <= width:
        return line, start, end
    end = min(max(end, start + 1), start + width - 20)  # a very long span is cut too
    room = width - (end - start)  # characters of context, shared by both sides
    lo, hi = start - room // 2, end + room - room // 2
    if lo < 0:  # near the start: the room goes to the right
        lo, hi = 0, hi - lo
    if hi > len(line):  # near the end: the room goes to the left
        lo, hi = max(0, lo - (hi - len(line))), len(line)
    if lo > 0:
        space = line.find(" ", lo, min(lo + _SNAP, start))
        lo = space + 1 if space != -1 else lo
    if hi < len(line):
        space = line.rfind(" ", max(hi - _SNAP, end), hi)
        hi = space if space != -1 else hi
    left = ELLIPSIS if lo > 0 else ""
    right = ELLIPSIS if hi < len(line) else ""
    shift = len(left) - lo
    return left + line[lo:hi] + right, start + shift, end + shift


def snippet(finding: Finding, lines: Sequence[str], color: bool = False) -> list[str]:
    """The gutter, the (windowed) source line and a caret under the span."""
    if not 1 <= finding.line <= len(lines):
        return []
    line = lines[finding.line - 1].replace("\t", " ")
    start = max(finding.column - 1, 0)
    end = max(finding.end_column - 1, start + 1) if finding.end_line == finding.line else max(len(line), start + 1)
    shown, start, end = window(line, start, end)
    number = str(finding.line)
    gutter = " " * len(number)
    bar = _style("|", color, fg="blue", bold=True)
    pad = " " * _width(shown[:start])
    carets = _style("^" * max(_width(shown[start:end]), 1) + f" {finding.code}", color, fg="red", bold=True)
    return [
        f"{gutter} {bar}",
        f"{_style(number, color, fg='blue', bold=True)} {bar} {shown}",
        f"{gutter} {bar} {pad}{carets}",
        f"{gutter} {bar}",
    ]


def header(f: Finding, color: bool = False) -> str:
    """``path:line:col: CODE message``, coloured like ruff's (bold path, red code)."""
    where = f"{_style(f.path or '-', color, bold=True)}:{f.line}:{f.column}:"
    return f"{where} {_style(f.code, color, fg='red', bold=True)} {f.message}"


def human(
    findings: Iterable[Finding], sources: Mapping[str | None, str] | None = None, color: bool = False
) -> str:
    """Each finding's header, its snippet and suggestions; then the count."""
    out: list[str] = []
    split: dict[str | None, list[str]] = {}
    count = 0
    for f in findings:
        count += 1
        out.append(header(f, color))
        if sources is not None and f.path in sources:
            if f.path not in split:
                split[f.path] = sources[f.path].split("\n")
            out.extend(snippet(f, split[f.path], color))
            if f.suggestions:
                options = " or ".join(f"'{s}'" for s in f.suggestions)
                help_ = _style("= help", color, fg="cyan", bold=True)
                out.append(f"{' ' * len(str(f.line))} {help_}: did you mean {options}?")
            out.append("")
    out.append(f"Found {count} finding{'s' if count != 1 else ''}." if count else "All clear.")
    return "\n".join(out) + "\n"


def footer(findings: Sequence[Finding], color: bool = False) -> str:
    """After the findings: each rule's documentation page, and how to silence a finding."""
    if not findings:
        return ""
    from tidyink.docs_links import rule_url

    names = {f.code: f.name for f in findings}
    lines = [
        f"  {_style(code, color, fg='red', bold=True)} {names[code] or ''}: {rule_url(names[code])}"
        for code in sorted(names)
        if names[code]
    ]
    first = min(names)
    lines.append(_style(SILENCE_HINT.format(code=first), color, fg="cyan"))
    return "\n".join(lines) + "\n"


def statistics(findings: Iterable[Finding], color: bool = False) -> str:
    """One line per rule, most frequent first: ``count  CODE  name``, like ruff --statistics."""
    rows = statistics_rows(findings)
    if not rows:
        return "All clear.\n"
    width = len(str(max(r["count"] for r in rows)))
    return "".join(
        f"{r['count']:>{width}}  {_style(str(r['code']), color, fg='red', bold=True)}  {r['name']}".rstrip() + "\n"
        for r in rows
    )


def statistics_rows(findings: Iterable[Finding]) -> list[dict[str, Any]]:
    """The statistics as JSON-ready rows: ``code``, ``name``, ``count``."""
    findings = list(findings)
    counts = Counter(f.code for f in findings)
    names = {f.code: f.name for f in findings}
    return [
        {"code": code, "name": names[code], "count": n}
        for code, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    ]
