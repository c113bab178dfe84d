"""Typewriter emphasis (_word_, *several words*) in plain text becomes real emphasis."""

from __future__ import annotations

import regex

from tidyink.document import EM, HEADING, PARAGRAPH, STRONG, TEXT, VERSE, Document, Span
from tidyink.filters.base import Context, Filter
from tidyink.lazy_regex import compiled, lazy

# An opening mark after a non-word character and before a non-space; a closing mark
# of the same kind after a non-space and before a non-word character. Inside: no
# empty text, no blank line, no mark of the same kind.
_PAIR = compiled(
    r"(?<![\p{L}\p{N}\\_*])(?P<m>\*\*|__|[_*])(?![\s_*])(?P<body>(?:(?!(?P=m))[^\n]|\n(?!\s*\n)){1,400}?)"
    r"(?<![\s\\_*])(?P=m)(?![\p{L}\p{N}_*])",
    regex.V1,
)
_ALNUM = lazy(r"[\p{L}\p{N}]")


class Emphasis(Filter):
    name = "emphasis"
    description = (
        "Turn _underscored_ and *starred* words (also several words, with punctuation) "
        "into emphasis; **x** and __x__ into strong emphasis."
    )
    stage = "structure"
    order = 250
    formats = frozenset({"text"})

    def run(self, doc: Document, ctx: Context) -> None:
        doc.meta["restructured"] = True  # writers: one blank line between blocks
        for block in doc.blocks:
            if block.kind not in (PARAGRAPH, HEADING, VERSE):
                continue
            spans: list[Span] = []
            for span in block.spans:
                if span.kind == TEXT and ("_" in span.text or "*" in span.text):
                    spans.extend(self._split(span, ctx))
                else:
                    spans.append(span)
            block.spans = spans

    def _split(self, span: Span, ctx: Context) -> list[Span]:
        out: list[Span] = []
        pos = 0
        text = span.text
        for m in _PAIR.finditer(text):
            body = m.group("body")
            if not _ALNUM.search(body):
                continue  # ** or _ _ rules and blanks to fill in are not emphasis
            start, end = m.start(), m.end()
            width = len(m.group("m"))
            kind = STRONG if width == 2 else EM
            if start > pos:
                out.append(span.sliced(pos, start))
            out.append(_toggle(span.sliced(start, start + width), kind))
            out.append(span.sliced(start + width, end - width))
            out.append(_toggle(span.sliced(end - width, end), kind))
            line, col = span.position(start)
            mark = "**" if kind == STRONG else "*"
            why = "typewriter strong emphasis" if kind == STRONG else "typewriter emphasis"
            self.record(ctx, line, col, m.group(), f"{mark}{body}{mark}", why)
            pos = end
        if pos == 0:
            return [span]
        if pos < len(text):
            out.append(span.sliced(pos, len(text)))
        return out


def _toggle(mark: Span, kind: str) -> Span:
    mark.kind = kind
    mark.plain = "_" if kind == EM else ""
    return mark
