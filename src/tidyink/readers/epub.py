"""EPUB 2 and 3: the chapters in spine order, through the HTML reader, and the OPF's metadata.

The package is read with :mod:`zipfile` and its XML (``container.xml``, the OPF,
the EPUB 3 navigation document) with lxml, entities and network off. Each chapter
(an XHTML spine item) goes through :func:`tidyink.readers.html.read`, so italics,
scene breaks and headings are read as for any page, and positions point into
the chapter file. Left out, and said so in ``meta["notes"]``: the navigation
document and NCX, the cover page, title and contents pages (marked so by the
guide, the landmarks or ``epub:type``, or by the names generators give them),
non-linear spine items, and a title page that is the work's metadata laid out as
a tag list (AO3's preface): that metadata is read from the OPF instead.
"""

from __future__ import annotations

import io
import posixpath
import zipfile
from typing import Any
from urllib.parse import unquote

from tidyink.document import HEADING, TEXT, Block, Document, Span
from tidyink.errors import InputError
from tidyink.readers.containers import assemble, member

NS = {
    "c": "urn:oasis:names:tc:opendocument:xmlns:container",
    "opf": "http://www.idpf.org/2007/opf",
    "dc": "http://purl.org/dc/elements/1.1/",
    "x": "http://www.w3.org/1999/xhtml",
    "epub": "http://www.idpf.org/2007/ops",
}
_EPUB_TYPE = f"{{{NS['epub']}}}type"
_XHTML_TYPES = frozenset({"application/xhtml+xml", "text/html", "application/x-dtbook+xml"})
# Guide / landmark types of pages that are not the story.
_SKIP_TYPES = frozenset({"cover", "toc", "title-page", "titlepage", "copyright-page", "loi", "lot"})
# File stems and manifest ids generators give such pages (calibre, FanFicFare, Sigil, pandoc).
_SKIP_NAMES = frozenset(
    {"cover", "titlepage", "title_page", "title-page", "toc", "toc_page", "nav", "log_page", "copyright"}
)


def _xml(data: bytes, name: str, where: str) -> Any:
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, recover=False, huge_tree=False)
    try:
        return etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        raise InputError(f"{where}: {name} is not well-formed XML ({exc.msg})") from None


def read(data: bytes, where: str) -> tuple[str, Document]:
    """The reading text (the chapter files one after another) and the Document."""
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        container = _xml(member(zf, "META-INF/container.xml", where), "META-INF/container.xml", where)
        rootfile = container.find(".//c:rootfile", NS)
        if rootfile is None or not rootfile.get("full-path"):
            raise InputError(f"{where}: META-INF/container.xml names no package (OPF) file")
        opf_name = rootfile.get("full-path")
        opf_bytes = member(zf, opf_name, where)
        opf = _xml(opf_bytes, opf_name, where)
        base = posixpath.dirname(opf_name)
        meta = metadata(opf)
        items = {
            item.get("id"): item
            for item in opf.iterfind("opf:manifest/opf:item", NS)
            if item.get("id") and item.get("href")
        }
        skip = _marked_pages(zf, opf, items, base, where)
        notes: list[str] = []
        parts: list[tuple[str, str, list[Block]]] = []
        for ref in opf.iterfind("opf:spine/opf:itemref", NS):
            item = items.get(ref.get("idref", ""))
            if item is None or item.get("media-type") not in _XHTML_TYPES:
                continue
            name = _join(base, item.get("href", ""))
            why = _left_out(item, ref, name, skip)
            if why:
                notes.append(f"left out {name} ({why})")
                continue
            raw = member(zf, name, where)
            text, doc = _chapter(raw, f"{where}:{name}")
            if _is_tag_page(text, doc):
                notes.append(f"left out {name} (title page: the metadata is read from the package)")
                continue
            parts.append((name, text, doc.blocks))
    if not parts:
        raise InputError(f"{where}: no chapters in the EPUB's spine")
    meta["container"] = "epub"
    if notes:
        meta["notes"] = notes
    blocks = [b for _, _, part_blocks in parts for b in part_blocks]
    _normalise_headings(blocks)
    title = _title_block(meta.get("title"), blocks, opf_bytes.decode("utf-8", "replace"))
    if title is not None:  # the title from the OPF: positions point at its dc:title
        parts.insert(0, (opf_name, opf_bytes.decode("utf-8", "replace"), [title]))
    return assemble(parts, meta)


def _join(base: str, href: str) -> str:
    href = unquote(href.split("#", 1)[0])
    return posixpath.normpath(posixpath.join(base, href)) if base else posixpath.normpath(href)


def _chapter(raw: bytes, where: str) -> tuple[str, Document]:
    from tidyink.decoding.source import decode
    from tidyink.readers import html

    source = html.decode(raw, where) or decode(raw, path=where)
    return source.text, html.read(source.text)


def metadata(opf: Any) -> dict[str, Any]:
    """Title, author, language, series, tags and summary from the OPF's metadata."""
    md = opf.find("opf:metadata", NS)
    if md is None:
        return {}
    meta: dict[str, Any] = {}

    def texts(tag: str) -> list[str]:
        return [" ".join("".join(e.itertext()).split()) for e in md.iterfind(f"dc:{tag}", NS)]

    for key, tag in (("title", "title"), ("language", "language")):
        found = [t for t in texts(tag) if t]
        if found:
            meta[key] = found[0]
    authors = [t for t in texts("creator") if t]
    if authors:
        meta["author"] = " & ".join(dict.fromkeys(authors))
    tags = [t for t in texts("subject") if t]
    if tags:
        meta["tags"] = list(dict.fromkeys(tags))
    summary = [_plain(e) for e in md.iterfind("dc:description", NS)]
    if any(summary):
        meta["summary"] = next(s for s in summary if s)
    named = {m.get("name"): m.get("content") for m in md.iterfind("opf:meta", NS) if m.get("name")}
    if named.get("calibre:series"):
        meta["series"] = named["calibre:series"].strip()
        if named.get("calibre:series_index"):
            meta["series_index"] = _number(named["calibre:series_index"])
    for m in md.iterfind("opf:meta[@property='belongs-to-collection']", NS):
        if "series" not in meta and (m.text or "").strip():
            meta["series"] = m.text.strip()
            position = md.find(f"opf:meta[@refines='#{m.get('id')}'][@property='group-position']", NS)
            if position is not None and (position.text or "").strip():
                meta["series_index"] = _number(position.text)
    return meta


def _number(text: str) -> str:
    text = text.strip()
    return text[:-2] if text.endswith(".0") else text


def _plain(element: Any) -> str:
    """A description's text: it may hold escaped HTML (calibre, AO3), read as HTML."""
    text = "".join(element.itertext()).strip()
    if "<" in text and ">" in text:
        from selectolax.lexbor import LexborHTMLParser

        tree = LexborHTMLParser(text)
        paragraphs = [" ".join((p.text(deep=True) or "").split()) for p in tree.css("p")]
        text = "\n\n".join(p for p in paragraphs if p) or (tree.body.text(deep=True) if tree.body else "")
    return "\n\n".join(" ".join(p.split()) for p in text.split("\n\n") if p.strip())


def _marked_pages(zf: zipfile.ZipFile, opf: Any, items: dict[str, Any], base: str, where: str) -> dict[str, str]:
    """Pages the package marks as not the story: guide references and EPUB 3 landmarks."""
    marked: dict[str, str] = {}
    for ref in opf.iterfind("opf:guide/opf:reference", NS):
        kind = (ref.get("type") or "").lower()
        if kind in _SKIP_TYPES and ref.get("href"):
            marked[_join(base, ref.get("href"))] = f"{kind} page"
    for item in items.values():
        if "nav" in (item.get("properties") or "").split():
            name = _join(base, item.get("href"))
            try:
                nav = _xml(member(zf, name, where), name, where)
            except InputError:
                continue
            nav_base = posixpath.dirname(name)
            for nav_el in nav.iter(f"{{{NS['x']}}}nav"):
                if nav_el.get(_EPUB_TYPE) != "landmarks":
                    continue
                for a in nav_el.iter(f"{{{NS['x']}}}a"):
                    kind = (a.get(_EPUB_TYPE) or "").lower()
                    if kind in _SKIP_TYPES and a.get("href"):
                        marked[_join(nav_base, a.get("href"))] = f"{kind} page"
    return marked


def _left_out(item: Any, ref: Any, name: str, marked: dict[str, str]) -> str:
    """Why a spine item is not a chapter, or '' when it is one."""
    if "nav" in (item.get("properties") or "").split():
        return "navigation document"
    if name in marked:
        return marked[name]
    stem = posixpath.splitext(posixpath.basename(name))[0].lower()
    if stem in _SKIP_NAMES or (item.get("id") or "").lower() in _SKIP_NAMES:
        return f"{stem.replace('_', ' ')} page"
    if (ref.get("linear") or "yes").lower() == "no":
        return "not in the reading order (linear=no)"
    return ""


def _is_tag_page(text: str, doc: Document) -> bool:
    """A title page laid out as the work's tag list: a definition list of at least three
    labels (``<dt>Rating:</dt>``...) or four bold ``Label:`` lines, and little prose
    besides (under 500 characters outside bylines, summaries and notes)."""
    from selectolax.lexbor import LexborHTMLParser

    tree = LexborHTMLParser(text)
    labels = (
        len(tree.css("dl dt")) >= 3
        or sum(1 for b in tree.css("b, strong") if (b.text(deep=True) or "").strip().endswith(":")) >= 4
    )
    if not labels:
        return False
    prose = sum(len(b.text) for b in doc.blocks if b.kind != HEADING and not b.attrs.get("role"))
    return prose < 500


def _normalise_headings(blocks: list[Block]) -> None:
    """Chapter headings at level 2 (the book's title, from the metadata, is 1)."""
    levels = [b.level for b in blocks if b.kind == HEADING and b.level]
    if levels:
        shift = 2 - min(levels)
        for block in blocks:
            if block.kind == HEADING and block.level:
                block.level = max(1, min(block.level + shift, 6))


def _title_block(title: str | None, blocks: list[Block], opf_text: str) -> Block | None:
    """A ``#`` heading for the OPF's title, unless the first chapter starts with it.

    Its span sits where the title is written in the OPF, so a finding in the title
    points at ``content.opf``.
    """
    if not title or any(b.kind == HEADING and b.text.strip().lower() == title.lower() for b in blocks[:3]):
        return None
    at = opf_text.find(f">{title}<")
    offset = at + 1 if at >= 0 else max(opf_text.find("<dc:title"), 0)
    line = opf_text.count("\n", 0, offset) + 1
    col = offset - (opf_text.rfind("\n", 0, offset) + 1)
    span = Span(TEXT, title, line, col)
    return Block(HEADING, [span], level=1, line=line, end_line=line, attrs={"role": "title"})
