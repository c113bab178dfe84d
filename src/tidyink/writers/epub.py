"""EPUB 3 output: one XHTML file per chapter, a navigation document, the metadata, a stylesheet.

Chapters are split at the chapter headings: the top heading level, or the level
below it when the top level holds only the book's title. Footnotes (Markdown
footnotes, Word footnotes) go to a notes file their references link to. The
package is deterministic but for ``dcterms:modified``, which is the current time
(or ``SOURCE_DATE_EPOCH`` when set, for reproducible builds).
"""

from __future__ import annotations

import hashlib
import io
import os
import time
import uuid
import zipfile
from dataclasses import dataclass, field
from pathlib import PurePath

from tidyink.document import HEADING, Block, Document
from tidyink.options import Options
from tidyink.writers._xhtml import block_xhtml, escape, inline, note_id, note_label, page

MIMETYPE = b"application/epub+zip"
FOLDER = "EPUB"
NOTES_FILE = "notes.xhtml"
_EPOCH = (1980, 1, 1, 0, 0, 0)  # zip entry times: fixed, so equal books give equal bytes
STYLESHEET = """\
body { margin: 0 5%; line-height: 1.5; }
h1, h2, h3, h4, h5, h6 { text-align: center; margin: 2em 0 1em; font-weight: normal; }
p { margin: 0; text-indent: 1.5em; }
h1 + p, h2 + p, h3 + p, h4 + p, h5 + p, h6 + p, hr + p, p.first { text-indent: 0; }
p.verse { text-indent: 0; margin: 1em 0 1em 2em; }
hr.scene-break { border: none; margin: 1.5em 0; text-align: center; }
hr.scene-break::after { content: "* * *"; }
blockquote { margin: 1em 2em; }
blockquote p { text-indent: 0; }
pre { white-space: pre-wrap; font-size: 0.9em; }
ol.notes { font-size: 0.9em; }
"""
CONTAINER_XML = """\
<?xml version="1.0" encoding="utf-8"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
  <rootfiles>
    <rootfile full-path="EPUB/content.opf" media-type="application/oebps-package+xml"/>
  </rootfiles>
</container>
"""


@dataclass
class Chapter:
    title: str
    blocks: list[Block] = field(default_factory=list)


def chapter_level(blocks: list[Block]) -> int:
    """The heading level chapters start at (0: no headings, one chapter)."""
    levels = [b.level or 2 for b in blocks if b.kind == HEADING]
    if not levels:
        return 0
    top = min(levels)
    deeper = [lv for lv in levels if lv > top]
    if levels.count(top) == 1 and levels[0] == top and deeper:
        return min(deeper)  # the book's title above its chapters
    return top


def split_chapters(blocks: list[Block], fallback_title: str) -> list[Chapter]:
    """The blocks cut before each chapter heading; a chapter's title is its heading."""
    level = chapter_level(blocks)
    chapters: list[Chapter] = []
    current: Chapter | None = None
    for block in blocks:
        starts = level and block.kind == HEADING and (block.level or 2) <= level
        if current is None or (starts and current.blocks and _has_body(current, level)):
            current = Chapter("")
            chapters.append(current)
        current.blocks.append(block)
    if not chapters:
        chapters.append(Chapter(fallback_title))
    for i, chapter in enumerate(chapters, 1):
        heads = [b for b in chapter.blocks if b.kind == HEADING and b.text.strip()]
        named = [b for b in heads if (b.level or 2) >= level] or heads  # "Chapter One", not the book's title
        chapter.title = " ".join(named[0].text.split()) if named else (fallback_title if i == 1 else f"Part {i}")
    return chapters


def _has_body(chapter: Chapter, level: int) -> bool:
    """Whether a chapter holds more than headings above the chapter level (a title page)."""
    return any(b.kind != HEADING or (b.level or 2) >= level for b in chapter.blocks)


def book_title(doc: Document) -> str:
    title = str(doc.meta.get("title") or "").strip()
    if title:
        return title
    for block in doc.blocks:
        if block.kind == HEADING and block.text.strip():
            return " ".join(block.text.split())
    source = doc.meta.get("source")
    return PurePath(str(source)).stem if source else "Untitled"


def _modified() -> str:
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    stamp = int(epoch) if epoch.isdigit() else int(time.time())
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(stamp))


def _front_matter(doc: Document) -> tuple[Document, dict[str, str]]:
    """A Markdown input's YAML front matter: left out of the book, its plain
    ``key: value`` lines (title, author, language) used as metadata."""
    from tidyink.writers.markdown import has_front_matter

    if not has_front_matter(doc):
        return doc, {}
    found: dict[str, str] = {}
    for line in "".join(s.text for s in doc.blocks[0].spans).split("\n"):
        key, sep, value = line.partition(":")
        value = value.strip().strip("\"'")
        if sep and key.strip() in ("title", "author", "language", "lang") and value:
            found["language" if key.strip() == "lang" else key.strip()] = value
    rest = Document(doc.blocks[1:], doc.format, doc.lead, {**found, **doc.meta})
    return rest, found


def write(doc: Document, options: Options) -> bytes:
    """The EPUB 3 package of ``doc`` as bytes."""
    doc, _ = _front_matter(doc)
    title = book_title(doc)
    language = str(doc.meta.get("language") or options.language or "en")
    notes = [b for b in doc.blocks if b.attrs.get("footnote")]
    body = [b for b in doc.blocks if not b.attrs.get("footnote")]
    chapters = split_chapters(body, title)
    files: list[tuple[str, str]] = []  # (name, xhtml)
    for i, chapter in enumerate(chapters, 1):
        rendered = [x for x in (block_xhtml(b, NOTES_FILE) for b in chapter.blocks) if x]
        files.append((f"chapter-{i:03d}.xhtml", page(chapter.title, language, rendered)))
    if notes:
        files.append((NOTES_FILE, _notes_page(notes, language)))
    digest = hashlib.sha256("\n".join(x for _, x in files).encode("utf-8")).hexdigest()
    identifier = f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, 'tidyink:' + title + ':' + digest)}"
    nav = _nav(title, language, [(f"chapter-{i:03d}.xhtml", c.title) for i, c in enumerate(chapters, 1)], notes)
    opf = _opf(doc, title, language, identifier, [name for name, _ in files])
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zf:
        zf.writestr(zipfile.ZipInfo("mimetype", _EPOCH), MIMETYPE, compress_type=zipfile.ZIP_STORED)
        entries = [
            ("META-INF/container.xml", CONTAINER_XML),
            (f"{FOLDER}/content.opf", opf),
            (f"{FOLDER}/nav.xhtml", nav),
            (f"{FOLDER}/style.css", STYLESHEET),
            *((f"{FOLDER}/{name}", xhtml) for name, xhtml in files),
        ]
        for name, content in entries:
            zf.writestr(zipfile.ZipInfo(name, _EPOCH), content.encode("utf-8"), compress_type=zipfile.ZIP_DEFLATED)
    return buffer.getvalue()


def _notes_page(notes: list[Block], language: str) -> str:
    items = []
    for block in notes:
        label = str(block.attrs.get("footnote"))
        first = block.spans[0] if block.spans else None
        skip = first is not None and note_label(first.text) is not None
        text = inline(block, NOTES_FILE, skip_label=skip)
        items.append(f'<li id="{escape(note_id(label))}" epub:type="endnote"><p>{text}</p></li>')
    body = ["<h2>Notes</h2>", '<ol class="notes">', *items, "</ol>"]
    return page("Notes", language, body, section="endnotes")


def _nav(title: str, language: str, entries: list[tuple[str, str]], notes: list[Block]) -> str:
    items = [f'<li><a href="{escape(href)}">{escape(label)}</a></li>' for href, label in entries]
    if notes:
        items.append(f'<li><a href="{NOTES_FILE}">Notes</a></li>')
    body = ['<nav epub:type="toc" id="toc">', f"<h1>{escape(title)}</h1>", "<ol>", *items, "</ol>", "</nav>"]
    return page(title, language, body, section="")


def _opf(doc: Document, title: str, language: str, identifier: str, files: list[str]) -> str:
    meta = doc.meta
    md = [
        f'<dc:identifier id="book-id">{escape(identifier)}</dc:identifier>',
        f"<dc:title>{escape(title)}</dc:title>",
        f"<dc:language>{escape(language)}</dc:language>",
    ]
    if meta.get("author"):
        md.append(f"<dc:creator>{escape(str(meta['author']))}</dc:creator>")
    if meta.get("summary"):
        md.append(f"<dc:description>{escape(str(meta['summary']))}</dc:description>")
    md.extend(f"<dc:subject>{escape(str(tag))}</dc:subject>" for tag in meta.get("tags") or ())
    md.append(f'<meta property="dcterms:modified">{_modified()}</meta>')
    if meta.get("series"):
        md.append(f'<meta property="belongs-to-collection" id="series">{escape(str(meta["series"]))}</meta>')
        md.append('<meta refines="#series" property="collection-type">series</meta>')
        index = str(meta.get("series_index") or "").strip()
        if index.replace(".", "", 1).isdigit():
            md.append(f'<meta refines="#series" property="group-position">{escape(index)}</meta>')
    manifest = [
        '<item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>',
        '<item id="css" href="style.css" media-type="text/css"/>',
    ]
    spine = []
    for i, name in enumerate(files, 1):
        manifest.append(f'<item id="c{i:03d}" href="{escape(name)}" media-type="application/xhtml+xml"/>')
        spine.append(f'<itemref idref="c{i:03d}"/>')
    lines = [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="book-id" '
        f'xml:lang="{escape(language)}">',
        '<metadata xmlns:dc="http://purl.org/dc/elements/1.1/">',
        *md,
        "</metadata>",
        "<manifest>",
        *manifest,
        "</manifest>",
        "<spine>",
        *spine,
        "</spine>",
        "</package>",
    ]
    return "\n".join(lines) + "\n"
