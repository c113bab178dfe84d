"""Word (.docx): paragraphs, emphasis, headings, scene breaks, chapters, footnotes.

python-docx opens the package and resolves styles (a heading style based on
``Heading 1``, italics set by a character or paragraph style); the paragraphs
themselves are walked in the OOXML with lxml, because python-docx's runs skip
what tracked changes wrap (``w:ins``) and it does not read footnotes.

- Headings: the ``Title`` style is level 1, ``Heading N`` (or a style based on
  it, or an outline level) is level N+1, so chapters come out as ``##``.
- A paragraph that is only ``#``, ``***``, ``* * *`` (or another short run of
  symbols, when centred) is a scene break.
- A manual page break (or a page-starting section break) starts a chapter: a
  short first paragraph on the new page, with no closing punctuation, is its heading.
- Footnotes and endnotes become Markdown footnotes (``[^1]`` and ``[^1]: ...``).
- Tracked changes are read as accepted (insertions kept, deletions left out) and
  comments are dropped; both are counted in ``meta["notes"]``.

Positions: the reading text has one line per paragraph of the body (empty ones
too), then one per footnote paragraph, so a finding at ``draft.docx:14:3`` is the
third character of the 14th paragraph.
"""

from __future__ import annotations

import io
from typing import Any

import regex

from tidyink.document import BREAK, EM, HEADING, NOTE, PARAGRAPH, SCENE_BREAK, STRONG, TEXT, Block, Document, Span
from tidyink.lazy_regex import compiled
from tidyink.readers.containers import assemble

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_SCENE = compiled(r"^[\p{P}\p{S}](?:\s*[\p{P}\p{S}]){0,9}$")
_ALWAYS_SCENE = frozenset({"#", "***", "* * *", "*  *  *", "~", "###", "# # #"})
_HEADING_STYLE = compiled(r"^heading\s*([1-9])$", regex.IGNORECASE)
_CLOSING = compiled(r"[.,;!?…\"'”’)\]]$")
_CHANGES = ("ins", "del", "moveFrom", "moveTo", "rPrChange", "pPrChange")


def _w(tag: str) -> str:
    return f"{{{W}}}{tag}"


def _on(el: Any) -> bool | None:
    """A toggle property (``<w:i/>``, ``<w:b w:val="0"/>``): True, False, or None when absent."""
    if el is None:
        return None
    return (el.get(_w("val")) or "true").lower() not in ("0", "false", "off", "none")


class _Styles:
    """Style lookups through python-docx: names, inherited emphasis, heading levels."""

    def __init__(self, document: Any) -> None:
        self.by_id = {s.style_id: s for s in document.styles}
        self.default_para = next(
            (s for s in document.styles if getattr(s, "type", None) == 1 and getattr(s, "builtin", False)
             and s.name == "Normal"),
            None,
        )  # fmt: skip

    def chain(self, style_id: str | None) -> list[Any]:
        out: list[Any] = []
        style = self.by_id.get(style_id) if style_id else None
        while style is not None and style not in out:
            out.append(style)
            style = style.base_style
        return out

    def font(self, style_id: str | None, attr: str) -> bool | None:
        for style in self.chain(style_id):
            font = getattr(style, "font", None)
            value = getattr(font, attr, None) if font is not None else None
            if value is not None:
                return bool(value)
        return None

    def heading_level(self, style_id: str | None) -> int:
        for style in self.chain(style_id):
            name = (style.name or "").strip()
            if name.lower() == "title":
                return 1
            m = _HEADING_STYLE.match(name)
            if m:
                return min(int(m.group(1)) + 1, 6)
            level = style.element.find(f"{_w('pPr')}/{_w('outlineLvl')}")
            if level is not None and (level.get(_w("val")) or "").isdigit() and int(level.get(_w("val"))) < 6:
                return min(int(level.get(_w("val"))) + 2, 6)
        return 0

    def centred(self, style_id: str | None) -> bool:
        for style in self.chain(style_id):
            jc = style.element.find(f"{_w('pPr')}/{_w('jc')}")
            if jc is not None:
                return jc.get(_w("val")) in ("center", "centre")
        return False


class _Para:
    """One paragraph read: its spans, its reading-text line, and what follows it."""

    def __init__(self, line: int) -> None:
        self.line = line
        self.text = ""  # the reading-text line
        self.spans: list[Span] = []
        self.em = False
        self.strong = False
        self.page_break_after = False

    def toggle(self, kind: str, want: bool) -> None:
        if (self.em if kind == EM else self.strong) != want:
            self.spans.append(Span(kind, "<i>" if kind == EM else "<b>", self.line, len(self.text),
                                   plain="_" if kind == EM else ""))  # fmt: skip
            if kind == EM:
                self.em = want
            else:
                self.strong = want

    def add_text(self, text: str, em: bool, strong: bool) -> None:
        if not text:
            return
        if not any(s.kind in (TEXT, NOTE) for s in self.spans):  # leading white space: not prose
            lead = len(text) - len(text.lstrip())
            self.text += text[:lead]
            text = text[lead:]
            if not text:
                return
        self.toggle(STRONG, strong)
        self.toggle(EM, em)
        last = self.spans[-1] if self.spans else None
        if last is not None and last.kind == TEXT and last.col + len(last.text) == len(self.text):
            last.text += text
        else:
            self.spans.append(Span(TEXT, text, self.line, len(self.text)))
        self.text += text

    def add(self, kind: str, markup: str, plain: str) -> None:
        self.spans.append(Span(kind, markup, self.line, len(self.text), plain=plain))
        self.text += " " if kind == BREAK else plain

    def finish(self) -> list[Span]:
        self.toggle(EM, False)
        self.toggle(STRONG, False)
        spans = self.spans
        while spans and spans[-1].kind == BREAK:
            spans.pop()
        for span in reversed(spans):
            if span.kind == TEXT:
                span.text = span.text.rstrip()
                break
        return [s for s in spans if s.kind != TEXT or s.text]

    @property
    def plain(self) -> str:
        return "".join(s.shown for s in self.spans if s.kind in (TEXT, NOTE)).strip()


class _Reader:
    def __init__(self, document: Any) -> None:
        self.styles = _Styles(document)
        self.note_labels: dict[tuple[str, str], str] = {}  # (kind, w:id) -> label
        self.comments = 0

    def paragraph(self, p: Any, line: int) -> tuple[_Para, str | None]:
        ppr = p.find(_w("pPr"))
        style_id = None
        if ppr is not None and ppr.find(_w("pStyle")) is not None:
            style_id = ppr.find(_w("pStyle")).get(_w("val"))
        para = _Para(line)
        for run in _runs(p):
            self.run(run, para, style_id)
        return para, style_id

    def run(self, run: Any, para: _Para, p_style: str | None) -> None:
        rpr = run.find(_w("rPr"))
        r_style = None
        em = strong = None
        if rpr is not None:
            if rpr.find(_w("rStyle")) is not None:
                r_style = rpr.find(_w("rStyle")).get(_w("val"))
            em = _on(rpr.find(_w("i")))
            strong = _on(rpr.find(_w("b")))
        if em is None:
            em = self.styles.font(r_style, "italic")
        if em is None:
            em = self.styles.font(p_style, "italic")
        if strong is None:
            strong = self.styles.font(r_style, "bold")
        if strong is None:
            strong = False  # a bold paragraph style is a heading's look, not emphasis
        for child in run:
            tag = child.tag.rpartition("}")[2]
            if tag == "t":
                para.add_text(child.text or "", bool(em), bool(strong))
            elif tag == "tab":
                para.add_text("\t", bool(em), bool(strong))
            elif tag == "noBreakHyphen":
                para.add_text("\u2011", bool(em), bool(strong))
            elif tag in ("br", "cr"):
                if child.get(_w("type")) == "page":
                    para.page_break_after = True
                elif para.spans:
                    para.add(BREAK, "<br>", "\n")
            elif tag in ("footnoteReference", "endnoteReference"):
                kind = "footnote" if tag.startswith("foot") else "endnote"
                label = self.label(kind, child.get(_w("id")) or "")
                para.toggle(EM, False)
                para.toggle(STRONG, False)
                para.add(NOTE, f"[^{label}]", f"[{label}]")
            elif tag == "commentReference":
                self.comments += 1

    def label(self, kind: str, note_id: str) -> str:
        key = (kind, note_id)
        if key not in self.note_labels:
            count = sum(1 for k in self.note_labels if k[0] == kind) + 1
            self.note_labels[key] = str(count) if kind == "footnote" else f"e{count}"
        return self.note_labels[key]

    def block(self, para: _Para, style_id: str | None, p: Any) -> Block | None:
        spans = para.finish()
        text = para.plain
        if not text:
            return None
        level = self.styles.heading_level(style_id)
        ppr = p.find(_w("pPr"))
        if not level and ppr is not None:
            outline = ppr.find(_w("outlineLvl"))
            val = outline.get(_w("val")) if outline is not None else None
            if val and val.isdigit() and int(val) < 6:
                level = int(val) + 2
        attrs: dict[str, Any] = {"paragraph": para.line}
        if level:
            return Block(HEADING, spans, level=level, line=para.line, end_line=para.line, attrs=attrs)
        if text in _ALWAYS_SCENE or (_SCENE.match(text) and self.centred(ppr, style_id)):
            return Block(SCENE_BREAK, [Span(TEXT, text, para.line, 0)], line=para.line, end_line=para.line, attrs=attrs)
        return Block(PARAGRAPH, spans, line=para.line, end_line=para.line, attrs=attrs)

    def centred(self, ppr: Any, style_id: str | None) -> bool:
        jc = ppr.find(_w("jc")) if ppr is not None else None
        if jc is not None:
            return jc.get(_w("val")) in ("center", "centre")
        return self.styles.centred(style_id)


def _runs(p: Any) -> Any:
    """The runs of a paragraph in order, leaving out deleted and moved-away text."""
    stack = list(reversed(list(p)))
    while stack:
        el = stack.pop()
        tag = el.tag.rpartition("}")[2] if isinstance(el.tag, str) else ""
        if tag in ("pPr", "rPr", "del", "moveFrom", "p", "txbxContent", "instrText"):
            continue
        if tag == "r":
            yield el
        else:
            stack.extend(reversed(list(el)))


def _body_paragraphs(body: Any) -> list[Any]:
    """Every paragraph of the body in order (table cells too, text boxes not)."""
    found = []
    for p in body.iter(_w("p")):
        if any(a.tag in (_w("txbxContent"), _w("del")) for a in p.iterancestors()):
            continue
        found.append(p)
    return found


def _starts_page(p: Any) -> bool:
    ppr = p.find(_w("pPr"))
    return ppr is not None and _on(ppr.find(_w("pageBreakBefore"))) is True


def _ends_section(p: Any) -> bool:
    ppr = p.find(_w("pPr"))
    sect = ppr.find(_w("sectPr")) if ppr is not None else None
    if sect is None:
        return False
    kind = sect.find(_w("type"))
    return kind is None or kind.get(_w("val")) in ("nextPage", "oddPage", "evenPage")


def _looks_like_title(block: Block, following: Block | None) -> bool:
    text = block.text.strip()
    return (
        block.kind == PARAGRAPH
        and following is not None
        and following.kind != HEADING
        and len(text) <= 60
        and len(text.split()) <= 8
        and "\n" not in text
        and not _CLOSING.search(text)
    )


def read(data: bytes, where: str) -> tuple[str, Document]:
    """The reading text (one line per paragraph) and the Document of a .docx file."""
    import docx

    document = docx.Document(io.BytesIO(data))
    reader = _Reader(document)
    body = document.element.body
    lines: list[str] = []
    blocks: list[Block] = []
    new_page: list[bool] = []
    page_pending = False
    for p in _body_paragraphs(body):
        para, style_id = reader.paragraph(p, len(lines) + 1)
        lines.append(para.text.replace("\n", " "))
        block = reader.block(para, style_id, p)
        if block is not None:
            starts = page_pending or _starts_page(p)
            if starts and blocks:
                block.attrs["page_break_before"] = True
            blocks.append(block)
            new_page.append(starts and len(blocks) > 1)
            page_pending = False
        if para.page_break_after or _ends_section(p):
            page_pending = True
    for i, block in enumerate(blocks):
        if new_page[i] and _looks_like_title(block, blocks[i + 1] if i + 1 < len(blocks) else None):
            block.kind, block.level = HEADING, 2
            block.attrs["heading_by"] = "page break"
    changes = sum(1 for tag in _CHANGES for _ in body.iter(_w(tag)))
    parts: list[tuple[str, str, list[Block]]] = [("", "\n".join(lines), blocks)]
    from tidyink.readers._docx_notes import comment_count, notes_blocks

    note_lines, note_blocks, note_changes = notes_blocks(document, reader)
    if note_lines:
        parts.append(("notes", "\n".join(note_lines), note_blocks))
    changes += note_changes
    meta: dict[str, Any] = {"container": "docx"}
    props = document.core_properties
    if (props.title or "").strip():
        meta["title"] = props.title.strip()
    if (props.author or "").strip():
        meta["author"] = props.author.strip()
    if (props.language or "").strip():
        meta["language"] = props.language.strip()
    notes = []
    if changes:
        notes.append(f"{changes} tracked change(s) read as accepted (insertions kept, deletions left out)")
    comments = reader.comments or comment_count(document)
    if comments:
        notes.append(f"{comments} comment(s) left out")
    if notes:
        meta["notes"] = notes
    return assemble(parts, meta)
