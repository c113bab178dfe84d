"""Suppression comments: tell tidyink to leave text alone, or to keep quiet.

In Markdown (and HTML) the directives are HTML comments, invisible once rendered::

    <!-- tidyink: off -->        ... nothing from here on is changed or flagged ...
    <!-- tidyink: on -->
    <!-- tidyink: skip-file -->   anywhere, on its own line: the whole file is left alone
    <!-- tidyink: skip -->        leave this line alone (or the next one, if alone on its line)
    <!-- tidyink: ignore C101 --> drop findings C101 on this line (no codes: every finding)

Plain text has no comment syntax, so text files accept the same HTML comments
(one form to learn, and they turn into real comments if the file is later
converted to Markdown) and also a bracketed note, ``[tidyink: off]``, the form
writers already use for editorial notes such as ``[TK]`` or ``[note: ...]``.
``off``, ``on`` and ``skip-file`` only count when they are the whole line, so
prose that merely mentions them never switches anything.

Suppression is generic: ``protect`` turns suppressed prose into protected
spans before any filter runs (filters cannot touch protected spans), and
``filter`` drops the changes and findings located on suppressed lines afterwards,
whatever filter or rule produced them.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import regex

from tidyink.document import RAW, RAW_BLOCK, TEXT, Document, Span
from tidyink.lazy_regex import lazy

if TYPE_CHECKING:
    from tidyink.filters.base import Context
    from tidyink.options import Options
    from tidyink.records import Finding

_COMMANDS = r"(?P<cmd>skip-file|off|on|skip|ignore)"
_COMMENT = lazy(
    r"<!--[ \t]*tidyink:[ \t]*" + _COMMANDS + r"(?P<args>(?:[ \t,]+[\w.-]+)*)[ \t]*-->",
    regex.IGNORECASE,
)
_BRACKET = lazy(
    r"\[[ \t]*tidyink:[ \t]*" + _COMMANDS + r"(?P<args>(?:[ \t,]+[\w.-]+)*)[ \t]*\]",
    regex.IGNORECASE,
)
_FENCE = lazy(r"^ {0,3}(`{3,}|~{3,})")  # (the three compiled only for a text that has directives)
# Every text whose lower case has "tidyink" has seven characters in a row that lower into
# its letters one each (only İ lowers into two characters, and a combining dot is none of
# them), and the case-insensitive search finds them: a search of a book costs a fifth of
# lowering it, and the text is lowered only when it finds them.
_MENTION = lazy("tidyink", regex.IGNORECASE)
ALL = frozenset()  # an ignore without codes: every finding


@dataclass
class Marks:
    """What the directives of one document ask for."""

    skip_file: bool = False
    quiet_lines: set[int] = field(default_factory=set)  # left alone: no change, no finding
    regions: list[tuple[int, int]] = field(default_factory=list)  # protected [start, end)
    ignores: dict[int, frozenset[str]] = field(default_factory=dict)  # line -> codes (ALL)

    def __bool__(self) -> bool:
        return bool(self.skip_file or self.regions or self.ignores)

    def options(self, options: Options) -> Options:
        """The options to run with: no filter and no rule for a skipped file."""
        return options.with_(only=(), lint=False) if self.skip_file else options

    def protect(self, doc: Document, text: str) -> None:
        """Turn prose inside suppressed regions into protected spans, before filtering."""
        if not self.regions:
            return
        starts = _line_starts(text)
        for block in doc.blocks:
            spans: list[Span] = []
            touched = False
            for span in block.spans:
                pieces = self._split(span, text, starts)
                touched = touched or pieces is not None
                spans.extend(pieces if pieces is not None else [span])
            if touched:
                block.spans = spans
                if not block.verbatim and not any(s.kind == TEXT for s in spans):
                    block.kind = RAW_BLOCK  # also out of reach of structure filters

    def _split(self, span: Span, text: str, starts: list[int]) -> list[Span] | None:
        if span.kind != TEXT or not span.text or span.line <= 0 or span.line > len(starts):
            return None
        begin = starts[span.line - 1] + span.col
        end = begin + len(span.text)
        if text[begin:end] != span.text:  # origin unknown: decide by lines
            last = span.line + span.text.count("\n")
            if any(n in self.quiet_lines for n in range(span.line, last + 1)):
                return [_raw(span)]
            return None
        cuts = [(max(a, begin), min(b, end)) for a, b in self._overlapping(begin, end)]
        if not cuts:
            return None
        out: list[Span] = []
        pos = begin
        for a, b in cuts:
            if a > pos:
                out.append(span.sliced(pos - begin, a - begin))
            out.append(_raw(span.sliced(a - begin, b - begin)))
            pos = b
        if pos < end:
            out.append(span.sliced(pos - begin, end - begin))
        return out

    def _overlapping(self, begin: int, end: int) -> list[tuple[int, int]]:
        i = bisect_left(self.regions, (begin, begin))
        i = max(i - 1, 0)
        out = []
        for a, b in self.regions[i:]:
            if a >= end:
                break
            if b > begin and b > a:
                out.append((a, b))
        return out

    def filter(self, ctx: Context) -> None:
        """Drop the changes and findings that suppressed lines ask to leave out."""
        if not self:
            return
        if self.quiet_lines:
            ctx.changes = [c for c in ctx.changes if c.line not in self.quiet_lines]
        ctx.findings = [f for f in ctx.findings if not self.silences(f)]

    def silences(self, finding: Finding) -> bool:
        last = max(finding.end_line, finding.line)
        if any(n in self.quiet_lines for n in range(finding.line, last + 1)):
            return True
        codes = self.ignores.get(finding.line)
        if codes is None:
            return False
        return codes == ALL or any(_matches(finding, code) for code in codes)


EMPTY = Marks()


def _matches(finding: Finding, code: str) -> bool:
    return finding.code.upper().startswith(code.upper()) or finding.name == code.lower()


def _raw(span: Span) -> Span:
    return Span(RAW, span.text, span.line, span.col, plain=span.text)


def _line_starts(text: str) -> list[int]:
    starts = [0]
    starts.extend(m.end() for m in regex.finditer(r"\n", text))
    return starts


def scan(text: str, fmt: str) -> Marks:
    """Find the directives in decoded ``text`` (LF line endings) of format ``fmt``."""
    if _MENTION.search(text) is None or "tidyink" not in text.lower():
        return EMPTY
    patterns = (_COMMENT, _BRACKET) if fmt == "text" else (_COMMENT,)
    lines = text.split("\n")
    marks = Marks()
    regions: list[tuple[int, int]] = []
    off_from: int | None = None
    fence: str | None = None
    pending: list[tuple[str, frozenset[str]]] = []  # skip/ignore waiting for the next line
    pos = 0
    for number, line in enumerate(lines, 1):
        start, pos = pos, pos + len(line) + 1
        if fmt == "markdown":
            fence, in_code = _fence_state(line, fence)
            if in_code:
                continue
        if pending and line.strip():
            for cmd, codes in pending:
                _line_directive(marks, cmd, codes, number)
            pending = []
        if "tidyink" not in line.lower():
            continue
        for pattern in patterns:
            for m in pattern.finditer(line):
                cmd = m.group("cmd").lower()
                whole = line.strip() == m.group()
                regions.append((start + m.start(), start + m.end()))
                codes = frozenset(regex.split(r"[\s,]+", m.group("args").strip())) - {""}
                if cmd == "off" and whole and off_from is None:
                    off_from = number
                elif cmd == "on" and whole and off_from is not None:
                    marks.quiet_lines.update(range(off_from, number + 1))
                    off_from = None
                elif cmd == "skip-file" and whole:
                    marks.skip_file = True
                elif cmd in ("skip", "ignore"):
                    if whole:
                        pending.append((cmd, codes))
                    else:
                        _line_directive(marks, cmd, codes, number)
    if off_from is not None:
        marks.quiet_lines.update(range(off_from, len(lines) + 1))
    line_starts = _line_starts(text)
    for first, last in _runs(sorted(marks.quiet_lines)):
        end = line_starts[last] - 1 if last < len(line_starts) else len(text)
        regions.append((line_starts[first - 1], end))
    marks.regions = _merge(regions)
    return marks if marks else EMPTY


def _line_directive(marks: Marks, cmd: str, codes: frozenset[str], line: int) -> None:
    if cmd == "skip":
        marks.quiet_lines.add(line)
    elif codes == ALL or marks.ignores.get(line) == ALL:
        marks.ignores[line] = ALL
    else:
        marks.ignores[line] = marks.ignores.get(line, frozenset()) | codes


def _fence_state(line: str, fence: str | None) -> tuple[str | None, bool]:
    """Track fenced code blocks: (new fence, whether this line is code or a fence)."""
    m = _FENCE.match(line)
    if fence is None:
        return (m.group(1), True) if m else (None, False)
    if m and m.group(1)[0] == fence[0] and len(m.group(1)) >= len(fence) and not line[m.end() :].strip():
        return None, True
    return fence, True


def _runs(numbers: list[int]) -> list[tuple[int, int]]:
    runs: list[tuple[int, int]] = []
    for n in numbers:
        if runs and runs[-1][1] == n - 1:
            runs[-1] = (runs[-1][0], n)
        else:
            runs.append((n, n))
    return runs


def _merge(regions: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for a, b in sorted(regions):
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out
