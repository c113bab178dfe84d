"""Word footnotes, endnotes and comments, read from their own parts of the package."""

from __future__ import annotations

from typing import Any

from tidyink.document import NOTE, PARAGRAPH, TEXT, Block, Span
from tidyink.readers.docx import _CHANGES, _w


def _part_xml(document: Any, reltype: str) -> Any:
    from lxml import etree

    for rel in document.part.rels.values():
        if rel.reltype == reltype and not rel.is_external:
            parser = etree.XMLParser(resolve_entities=False, no_network=True)
            return etree.fromstring(rel.target_part.blob, parser)
    return None


def notes_blocks(document: Any, reader: Any) -> tuple[list[str], list[Block], int]:
    """Footnote and endnote definitions, in the order they are first referred to."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT

    lines: list[str] = []
    blocks: list[Block] = []
    changes = 0
    for kind, reltype in (("footnote", RT.FOOTNOTES), ("endnote", RT.ENDNOTES)):
        root = _part_xml(document, reltype)
        if root is None:
            continue
        by_id = {n.get(_w("id")): n for n in root.iter(_w(kind)) if n.get(_w("type")) in (None, "normal")}
        for (k, note_id), label in list(reader.note_labels.items()):
            note = by_id.get(note_id)
            if k != kind or note is None:
                continue
            changes += sum(1 for tag in _CHANGES for _ in note.iter(_w(tag)))
            spans = [Span(NOTE, f"[^{label}]: ", len(lines) + 1, 0, plain=f"[{label}] ")]
            for p in note.iter(_w("p")):
                para, _ = reader.paragraph(p, len(lines) + 1)
                lines.append(para.text.replace("\n", " "))
                more = para.finish()
                if more and len(spans) > 1:
                    spans.append(Span(TEXT, " ", para.line, 0))
                spans.extend(more)
            _strip_lead(spans)
            spans = [s for s in spans if s.kind != TEXT or s.text]
            if len(spans) > 1:
                blocks.append(Block(PARAGRAPH, spans, line=spans[0].line, end_line=len(lines),
                                    attrs={"footnote": label}))  # fmt: skip
    return lines, blocks, changes


def _strip_lead(spans: list[Span]) -> None:
    """A footnote's text starts after its own mark: drop the space Word puts there."""
    for span in spans[1:]:
        if span.kind == TEXT:
            stripped = span.text.lstrip()
            span.col += len(span.text) - len(stripped)
            span.text = stripped
            if stripped:
                return


def comment_count(document: Any) -> int:
    from docx.opc.constants import RELATIONSHIP_TYPE as RT

    root = _part_xml(document, RT.COMMENTS)
    return 0 if root is None else sum(1 for _ in root.iter(_w("comment")))
