"""Human and machine summaries of what a run read, changed and found."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from tidyink.api import Result
    from tidyink.decoding.source import Source

NEWLINE_NAMES = {"\n": "LF", "\r\n": "CRLF", "\r": "CR", "mixed": "mixed", "": "none"}


def damage_signs(text: str) -> list[str]:
    """Short descriptions of encoding damage visible in decoded text."""
    signs: list[str] = []
    if "\ufffd" in text:
        signs.append(f"{text.count(chr(0xFFFD))} replacement character(s) U+FFFD")
    c1 = sum(1 for ch in text if "\x80" <= ch <= "\x9f")
    if c1:
        signs.append(f"{c1} C1 control character(s)")
    if not text.isascii():
        # The repair filters' own verdict, so a file called clean here is one that
        # ``mojibake`` and ``codepage`` leave alone, and one called damaged is repaired.
        from tidyink import api

        result = api.convert(text, to="text", input_format="text", only=["mojibake", "codepage"])
        if any(change.filter == "mojibake" for change in result.changes):
            signs.append("mojibake")
            return signs
        words = _damaged_words(text, [c for c in result.changes if not "\x80" <= c.before <= "\x9f"])
        if words:
            shown = ", ".join(words[:3])
            signs.append(f"words that look read with a wrong code page: {shown}")
    return signs


def _damaged_words(text: str, changes: list[Any]) -> list[str]:
    """The whitespace-delimited words that ``changes`` (1-based line, column) fall in."""
    import re

    lines = text.splitlines()
    found: dict[str, None] = {}
    for change in changes:
        if not 0 < change.line <= len(lines):
            continue
        line = lines[change.line - 1]
        for m in re.finditer(r"\S+", line):
            if m.start() < change.column <= m.end():
                found.setdefault(m.group(), None)
                break
    return list(found)


def detect_record(source: Source) -> dict[str, Any]:
    signs = damage_signs(source.text)
    record = {
        "path": source.path,
        "encoding": source.encoding,
        "confidence": source.confidence,
        "detected_by": source.detected_by,
        "bom": source.bom,
        "newline": NEWLINE_NAMES.get(source.newline, source.newline),
        "size": source.size,
        "damage": signs,
    }
    record["summary"] = (
        f"{source.path}: {source.encoding} (confidence {source.confidence:.2f}, "
        f"{source.detected_by}), {'BOM' if source.bom else 'no BOM'}, "
        f"{record['newline']} line endings, {source.size:,} bytes, "
        + ("looks damaged: " + "; ".join(signs) if signs else "looks clean")
    )
    return record


def describe_result(result: Result, name: str) -> str:
    """One line: what was read, how many changes per filter, how many findings."""
    per_filter = Counter(c.filter for c in result.changes)
    changes = ", ".join(f"{n} {f}" for f, n in per_filter.most_common()) or "no changes"
    src = result.source
    notes = "".join(f"; {note}" for note in result.notes)
    return (
        f"{src.path or '-'} ({src.encoding}, {result.input_format}) -> {name}: "
        f"{changes}; {len(result.findings)} finding(s){notes}"
    )


def explain_lines(result: Result) -> list[str]:
    """Every change and finding, one per line, located in the input, in line order
    (changes at the same place in the order the filters made them, findings after)."""
    path = result.source.path or "-"
    rows = [
        (c.line, c.column, 0, f"{path}:{c.line}:{c.column}: [{c.filter}] {c.before!r} -> {c.after!r}"
         + (f" ({c.reason})" if c.reason else ""))
        for c in result.changes
    ]
    rows += [(f.line, f.column, 1, f"{path}:{f.line}:{f.column}: {f.code} {f.message}") for f in result.findings]
    rows.sort(key=lambda row: row[:3])  # stable: same place keeps pipeline order
    return [row[3] for row in rows]
