"""The HTML reader's block builder: inline content gathered into blocks of spans.

:class:`_Builder` collects a block's text runs, emphasis toggles, line breaks and
inline code as the tree walk (:mod:`._html_walk`) meets them, then turns them into
spans that keep each character's origin in the HTML source, and into paragraph,
verse or heading blocks carrying the attributes of the elements around them.
"""

from __future__ import annotations

from typing import Any

from tidyink.document import (
    BREAK,
    CODE,
    EM,
    HEADING,
    PARAGRAPH,
    STRONG,
    TEXT,
    Block,
    OffsetMap,
    Span,
)
from tidyink.readers._html_inline import _block, _normalize_space, _split_paragraphs, _verse_or_paragraph
from tidyink.readers._html_source import SourceText

_PLAIN_TOGGLE = {EM: "_", STRONG: ""}


class _Builder:
    """Walks the tree in document order, turning inline content into block spans."""

    def __init__(self, text: str) -> None:
        self.src = SourceText(text)
        self.blocks: list[Block] = []
        # ["run", chars, offsets] | [kind] | ["br", offset] | ["code", text, offset]
        self.items: list[list[Any]] = []
        self.depth = {EM: 0, STRONG: 0}
        self.context: list[dict[str, Any]] = [{}]
        self.links = 0  # characters inside <a> in the current block
        self.link_texts: list[str] = []  # ... and its pieces of linked text, in order
        self.link_count = 0
        self.in_link = 0
        self.site: str | None = None
        self.gap = 0  # empty spacer paragraphs seen since the last block
        self.class_styles: dict[str, tuple[str, ...]] = {}  # class -> EM/STRONG by CSS
        self.quotes = 0  # blockquotes seen

    # inline content

    def text(self, data: str, table: dict[int, str] | None = None) -> None:
        """Character data; with ``table``, each character mapped one to one."""
        if not data:
            return
        offsets = self.src.locate(data)
        if table is not None:
            data = data.translate(table)
        if self.in_link and data.strip():
            self.links += len(data.strip())
            self.link_texts.append(data.strip())
        if self.items and self.items[-1][0] == "run":
            self.items[-1][1].append(data)
            self.items[-1][2].extend(offsets)
        else:
            self.items.append(["run", [data], list(offsets)])

    def toggle(self, kind: str, opening: bool) -> None:
        before = self.depth[kind]
        self.depth[kind] = before + (1 if opening else -1)
        if (opening and before == 0) or (not opening and before == 1):
            self.items.append([kind])

    def line_break(self, offset: int | None) -> None:
        self.items.append(["br", offset])

    def code(self, data: str) -> None:
        """Inline code: kept whole, its white space collapsed as HTML shows it."""
        code = " ".join(data.split())
        if code:
            offsets = self.src.locate(data)
            self.items.append(["code", code, offsets[len(data) - len(data.lstrip())] if offsets else None])

    # blocks

    def flush(self) -> None:
        """End the current block: close open emphasis, build spans, add block(s)."""
        open_kinds = [k for k in (EM, STRONG) if self.depth[k] > 0]
        if not any(
            item[0] == "code" or (item[0] == "run" and any(p.strip() for p in item[1])) for item in self.items
        ):
            # An empty paragraph made of &nbsp; or <br> is a spacer: often a scene gap.
            if any(
                item[0] == "br" or (item[0] == "run" and "\u00a0" in "".join(item[1]))
                for item in self.items
            ):
                self.gap += 1
            self.items = [[kind] for kind in open_kinds]
            self.links = self.link_count = 0
            self.link_texts = []
            return
        for kind in reversed(open_kinds):
            self.items.append([kind])
        spans = self._spans(self.items)
        links, link_count, link_texts = self.links, self.link_count, self.link_texts
        self.items = [[kind] for kind in open_kinds]  # reopen in the next block
        self.links = 0
        self.link_count = 0
        self.link_texts = []
        if not any(s.kind == CODE or (s.kind == TEXT and s.text.strip()) for s in spans):
            return
        attrs = dict(self.context[-1])
        kind = attrs.pop("heading", 0)
        if attrs.pop("heading_by_class", False) and (
            len("".join(s.text for s in spans if s.kind == TEXT)) > 120
            or any(s.kind == BREAK for s in spans)
        ):
            kind = 0  # a long "title" paragraph is prose after all
        chunks: list[list[Span]] = []
        gaps: list[int] = []  # spacer lines before each chunk (old pages' scene gaps)
        outer_gaps: list[int] = []
        for chunk, gap in zip(_split_paragraphs(spans, gaps=outer_gaps), outer_gaps, strict=True):
            if not kind and _verse_or_paragraph(chunk) == PARAGRAPH:
                line_gaps: list[int] = []
                lines = _split_paragraphs(chunk, min_breaks=1, gaps=line_gaps)  # paragraphs
                chunks.extend(lines)
                gaps.extend([gap + line_gaps[0], *line_gaps[1:]] if lines else [])
            else:
                chunks.append(chunk)
                gaps.append(gap)
        linked = _linked_per_chunk(chunks, link_texts) if len(chunks) > 1 else [links]
        for chunk, gap, chunk_links in zip(chunks, gaps, linked, strict=True):
            self.gap += gap
            text_len = sum(len(s.text) for s in chunk if s.kind == TEXT)
            block_attrs = dict(attrs)
            if link_count and text_len and chunk_links / text_len >= 0.8:
                block_attrs["link_ratio"] = round(min(chunk_links / text_len, 1.0), 2)
            if self.gap:
                block_attrs["gap_before"] = self.gap  # spacer paragraphs before this block
                self.gap = 0
            if kind:
                block = _block(HEADING, chunk, block_attrs, level=kind)
            else:
                block = _block(_verse_or_paragraph(chunk), chunk, block_attrs)
            self.blocks.append(block)

    def add(self, kind: str, spans: list[Span], offset: int | None, **attrs: Any) -> None:
        line = self.src.line_col(offset)[0] if offset is not None else 0
        merged = {**self.context[-1], **attrs}
        merged.pop("heading", None)
        merged.pop("heading_by_class", None)
        self.gap = 0
        self.blocks.append(Block(kind, spans, line=line, end_line=line, attrs=merged))

    def _spans(self, items: list[list[Any]]) -> list[Span]:
        items = _normalize_space(items)
        spans: list[Span] = []
        for item in items:
            tag = item[0]
            if tag == "run":
                if item[1]:
                    spans.append(self._text_span(item[1][0], item[2]))
            elif tag == "br":
                line, col = self.src.line_col(item[1]) if item[1] is not None else (0, 0)
                spans.append(Span(BREAK, "<br>", line, col, plain="\n"))
            elif tag == "code":
                line, col = self.src.line_col(item[2]) if item[2] is not None else (0, 0)
                spans.append(Span(CODE, item[1], line, col))
            else:
                markup = "<i>" if tag == EM else "<b>"
                spans.append(Span(tag, markup, 0, 0, plain=_PLAIN_TOGGLE[tag]))
        # A toggle sits where the text it marks starts (or, closing, where it ends).
        following: Span | None = None
        for span in reversed(spans):
            if span.kind == TEXT:
                following = span
            elif span.kind in (EM, STRONG) and following is not None:
                span.line, span.col = following.line, following.col
        previous: Span | None = None
        for span in spans:
            if span.kind == TEXT:
                previous = span
            elif span.kind in (EM, STRONG) and not span.line and previous is not None:
                span.line, span.col = previous.line, previous.col
        # Emphasis around nothing says nothing; "<i>two</i> <i>words</i>" is one emphasis.
        out: list[Span] = []
        is_open = {EM: False, STRONG: False}
        for span in spans:
            if span.kind in (EM, STRONG):
                if out and out[-1].kind == span.kind:
                    out.pop()
                    is_open[span.kind] = not is_open[span.kind]
                    continue
                if (
                    is_open[span.kind] is False
                    and len(out) >= 2
                    and out[-2].kind == span.kind
                    and out[-1].kind == TEXT
                    and out[-1].text.isspace()
                ):
                    del out[-2]  # reopening right after a space: keep the first one open
                    is_open[span.kind] = True
                    continue
                is_open[span.kind] = not is_open[span.kind]
            out.append(span)
        return out

    def _text_span(self, text: str, offsets: list[int]) -> Span:
        source = self.src.source
        start = offsets[0]
        end = max(offsets[-1], start) + 1
        line, col = self.src.line_col(start)
        orig = source[start:end]
        if orig == text:
            return Span(TEXT, text, line, col)
        pieces: list[tuple[int, int, bool]] = []
        previous = None
        for i, off in enumerate(offsets):
            if previous is None or off != previous + 1:
                pieces.append((i, max(off - start, 0), True))
            previous = off
        return Span(TEXT, text, line, col, orig=orig, omap=OffsetMap(pieces))


def _linked_per_chunk(chunks: list[list[Span]], link_texts: list[str]) -> list[int]:
    """The characters of linked text in each paragraph a block was split into (at
    ``<br><br>``): its links' texts found in order, each in the paragraph that holds it
    (one a break splits counts in neither). A plain line beside a link is no link."""
    out = []
    k = 0
    for chunk in chunks:
        text = "".join(s.text for s in chunk if s.kind == TEXT)
        at = found = 0
        while k < len(link_texts):
            where = text.find(link_texts[k], at)
            if where < 0:
                break
            found += len(link_texts[k])
            at = where + len(link_texts[k])
            k += 1
        out.append(found)
    return out
