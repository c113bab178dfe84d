"""Inline content of one HTML block: white space as a browser shows it, paragraphs split at <br><br>."""

from __future__ import annotations

from typing import Any

from tidyink.document import BREAK, CODE, EM, PARAGRAPH, STRONG, TEXT, VERSE, Block, Span
from tidyink.lazy_regex import compiled

_WS = compiled(r"[\t\n\r\f][ \t\n\r\f]*| [ \t\n\r\f]+")  # what is not already " "


def _block(kind: str, spans: list[Span], attrs: dict[str, Any], level: int = 0) -> Block:
    lines = [s.line for s in spans if s.line and s.kind == TEXT] or [s.line for s in spans if s.line]
    first = lines[0] if lines else 0
    tail = next((sp for sp in reversed(spans) if sp.line), None)
    last = tail.line + (tail.orig if tail.orig is not None else tail.text).count("\n") if tail else first
    return Block(kind, spans, level=level, line=first, end_line=max(last, first), attrs=attrs)


def _normalize_space(items: list[list[Any]]) -> list[list[Any]]:
    """Collapse HTML white space, trim it at block and line edges, keep it out of emphasis."""
    out: list[list[Any]] = []
    for item in items:
        if item[0] == "run":
            text = "".join(item[1])
            offsets = item[2]
            if not _WS.search(text):
                out.append(["run", text, offsets])
                continue
            chars: list[str] = []
            offs: list[int] = []
            pos = 0
            for m in _WS.finditer(text):
                chars.append(text[pos : m.start()])
                offs.extend(offsets[pos : m.start()])
                chars.append(" ")
                offs.append(offsets[m.start()])
                pos = m.end()
            chars.append(text[pos:])
            offs.extend(offsets[pos:])
            out.append(["run", "".join(chars), offs])
        else:
            out.append(list(item))
    # Move spaces out of emphasis: "<i>word </i>next" -> "<i>word</i> next".
    open_state = {EM: False, STRONG: False}
    moved: list[list[Any]] = []
    pending: list[Any] | None = None  # a space taken from the start of an emphasis
    for item in out:
        kind = item[0]
        if kind in open_state:
            opening = not open_state[kind]
            open_state[kind] = opening
            if not opening and moved and moved[-1][0] == "run" and moved[-1][1].endswith(" "):
                prev = moved[-1]
                moved[-1] = ["run", prev[1][:-1], prev[2][:-1]]
                moved.append(item)
                moved.append(["run", " ", prev[2][-1:]])
                continue
            moved.append(item)
            if opening:
                pending = item
            continue
        if kind == "run" and pending is not None and item[1].startswith(" "):
            moved.insert(len(moved) - 1, ["run", " ", item[2][:1]])
            item = ["run", item[1][1:], item[2][1:]]
        pending = None
        moved.append(item)
    # Merge neighbouring runs, then drop spaces at the edges of lines.
    merged: list[list[Any]] = []
    for item in moved:
        if item[0] == "run" and merged and merged[-1][0] == "run":
            a, b = merged[-1], item
            text, offs = a[1], a[2]
            btext, boffs = b[1], b[2]
            if text.endswith(" ") and btext.startswith(" "):
                btext, boffs = btext[1:], boffs[1:]
            merged[-1] = ["run", text + btext, list(offs) + list(boffs)]
        else:
            merged.append(item)
    # Which runs end their line (only toggles follow before a break or the end)?
    ends_line = [False] * len(merged)
    seen_text = False
    for i in range(len(merged) - 1, -1, -1):
        item = merged[i]
        if item[0] == "br":
            seen_text = False
        elif item[0] == "code":
            seen_text = True
        elif item[0] == "run":
            ends_line[i] = not seen_text
            if item[1].strip():
                seen_text = True
    at_line_start = True
    for i, item in enumerate(merged):
        if item[0] == "run":
            if at_line_start and item[1].startswith(" "):
                item[1], item[2] = item[1][1:], item[2][1:]
            if item[1]:
                at_line_start = False
                if ends_line[i] and item[1].endswith(" "):
                    item[1], item[2] = item[1][:-1], item[2][:-1]
        elif item[0] == "br":
            at_line_start = True
        elif item[0] == "code":
            at_line_start = False
    return [["run", [item[1]], item[2]] if item[0] == "run" else item for item in merged if item[0] != "run" or item[1]]


def _split_paragraphs(spans: list[Span], min_breaks: int = 2, gaps: list[int] | None = None) -> list[list[Span]]:
    """Split at ``min_breaks`` line breaks in a row (old pages' paragraph separator).

    Emphasis open across a split is closed before it and reopened after it. With
    ``gaps``, appends for each chunk returned the blank lines the page shows before
    it beyond the usual separator: a spacer line (``<br><br>&nbsp;<br><br>``) or a
    run of twice as many breaks as usual.
    """
    chunks: list[list[Span]] = [[]]
    wide: list[int] = [0]  # per chunk: did a double-width run of breaks come before it?
    open_toggles: dict[str, Span] = {}
    i = 0
    n = len(spans)
    while i < n:
        span = spans[i]
        if span.kind == BREAK:
            j = i
            while j < n and spans[j].kind == BREAK:
                j += 1
            if j - i >= min_breaks and j < n:
                for toggle in open_toggles.values():
                    chunks[-1].append(_toggle_like(toggle))
                chunks.append([_toggle_like(t) for t in open_toggles.values()])
                wide.append(1 if j - i >= 2 * min_breaks and min_breaks > 1 else 0)
            elif j < n:
                chunks[-1].extend(spans[i:j])
            i = j
            continue
        if span.kind in (EM, STRONG):
            if span.kind in open_toggles:
                del open_toggles[span.kind]
            else:
                open_toggles[span.kind] = span
        chunks[-1].append(span)
        i += 1
    result = []
    pending = 0
    for chunk, gap in zip(chunks, wide, strict=True):
        while chunk and chunk[0].kind == BREAK:
            chunk.pop(0)
        pending += gap
        if any(s.kind == CODE or (s.kind == TEXT and s.text.strip()) for s in chunk):
            result.append(_drop_empty_toggles(chunk))
            if gaps is not None:
                gaps.append(pending if result[1:] else 0)
            pending = 0
        elif result and any(s.kind == TEXT and "\u00a0" in s.text for s in chunk):
            pending += 1  # a line of &nbsp; between paragraphs: a spacer
    return result


def _toggle_like(span: Span) -> Span:
    return Span(span.kind, span.text, span.line, span.col, plain=span.plain)


def _drop_empty_toggles(chunk: list[Span]) -> list[Span]:
    """Remove an opening toggle directly followed by its closing one."""
    out: list[Span] = []
    for span in chunk:
        if out and span.kind in (EM, STRONG) and out[-1].kind == span.kind:
            out.pop()
            continue
        out.append(span)
    return out


def _verse_or_paragraph(spans: list[Span]) -> str:
    """Lines broken by ``<br>``: verse when most are short, else paragraphs (one per line)."""
    lines: list[str] = [""]
    for span in spans:
        if span.kind == BREAK:
            lines.append("")
        elif span.kind == TEXT:
            lines[-1] += span.text
    if len(lines) < 2:
        return PARAGRAPH
    short = sum(1 for line in lines if len(line) <= 60)
    return VERSE if short >= 0.75 * len(lines) else PARAGRAPH
