"""Container formats (EPUB, Word): recognised by their ZIP signature, read from bytes.

A container is not text, so it is not decoded: its reader returns the Document
and a *reading text* that positions point into. The reading text is the
container's parts one after another (an EPUB's chapter files as they are, a Word
body one paragraph per line, then its footnotes), and each part is remembered
with the line it starts on, so :func:`locate` can name a finding by part:
``book.epub:OEBPS/ch2.xhtml:41:7`` is line 41, column 7 of that chapter file;
``draft.docx:14:3`` is the third character of the body's 14th paragraph.
"""

from __future__ import annotations

import io
import zipfile
from bisect import bisect_right
from dataclasses import dataclass, replace
from pathlib import PurePath
from typing import Any

from tidyink.document import Block, Document
from tidyink.errors import InputError
from tidyink.readers import ZIP_MAGIC
from tidyink.records import Change, Finding

EPUB_MIMETYPE = b"application/epub+zip"
FORMATS = ("epub", "docx")
FILTER_FORMAT = "html"  # containers hold structure already: filters treat them as HTML
MAX_MEMBER = 64 * 1024 * 1024  # bytes: a member that inflates past this is refused


@dataclass(frozen=True)
class Part:
    """One part of a container's reading text: its name and the lines it covers."""

    name: str  # shown after the container's name ('' for a Word body)
    first_line: int  # 1-based line of the reading text where the part starts
    lines: int


def sniff(data: bytes, path: str | None = None) -> str | None:
    """'epub' or 'docx' when ``data`` is such a container, else None.

    Only the container signature decides, never the suffix alone: a ZIP whose
    first member is ``mimetype`` holding ``application/epub+zip`` (or, with an
    ``.epub`` suffix, a ZIP holding ``META-INF/container.xml``) is an EPUB; a ZIP
    holding ``word/document.xml`` is a Word document.
    """
    if not data.startswith(ZIP_MAGIC):
        return None
    if data[30:58] == b"mimetype" + EPUB_MIMETYPE:
        return "epub"
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            names = set(zf.namelist())
            if "mimetype" in names and zf.read("mimetype").strip() == EPUB_MIMETYPE:
                return "epub"
    except (zipfile.BadZipFile, OSError, KeyError, RuntimeError, NotImplementedError):
        return None
    suffix = PurePath(path).suffix.lower() if path else ""
    if "word/document.xml" in names:
        return "docx"
    if suffix == ".epub" and "META-INF/container.xml" in names:
        return "epub"
    return None


def read(data: bytes, fmt: str, path: str | None = None) -> tuple[str, Document]:
    """The reading text and Document of a container in format ``fmt``."""
    where = path or "-"
    try:
        if fmt == "epub":
            from tidyink.readers import epub

            return epub.read(data, where)
        if fmt == "docx":
            from tidyink.readers import docx

            return docx.read(data, where)
    except InputError:
        raise
    except (zipfile.BadZipFile, KeyError, ValueError, OSError, RuntimeError, NotImplementedError) as exc:
        raise InputError(f"{where}: not a readable {fmt.upper()} file ({_reason(exc)})") from None
    raise InputError(f"{where}: no reader for {fmt}")


def _reason(exc: Exception) -> str:
    text = str(exc).strip().strip('"').splitlines()[0] if str(exc).strip() else ""
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


def member(zf: zipfile.ZipFile, name: str, where: str) -> bytes:
    """A member's bytes; a missing or oversized member is a one-line InputError."""
    try:
        info = zf.getinfo(name)
    except KeyError:
        raise InputError(f"{where}: {name} is missing from the package") from None
    if info.file_size > MAX_MEMBER:
        raise InputError(f"{where}: {name} is too large ({info.file_size:,} bytes)")
    return zf.read(info)


def assemble(parts: list[tuple[str, str, list[Block]]], meta: dict[str, Any]) -> tuple[str, Document]:
    """Join ``(name, text, blocks)`` parts into one reading text and one Document.

    Each part's blocks hold positions in its own text; they are moved down by the
    lines before the part, and the parts are recorded in ``meta["parts"]``.
    """
    texts: list[str] = []
    blocks: list[Block] = []
    recorded: list[Part] = []
    line = 1
    for name, text, part_blocks in parts:
        count = text.count("\n") + 1
        shift = line - 1
        for block in part_blocks:
            if shift:
                _shift(block, shift)
            blocks.append(block)
        recorded.append(Part(name, line, count))
        texts.append(text)
        line += count
    meta["parts"] = recorded
    return "\n".join(texts), Document(blocks, format=FILTER_FORMAT, meta=meta)


def _shift(block: Block, lines: int) -> None:
    if block.line:
        block.line += lines
    if block.end_line:
        block.end_line += lines
    for span in block.spans:
        if span.line:
            span.line += lines


def _part_at(parts: list[Part], line: int) -> Part | None:
    if not parts or line < 1:
        return None
    i = bisect_right([p.first_line for p in parts], line) - 1
    return parts[i] if i >= 0 else None


def located_path(container: str, part: Part | None) -> str:
    return f"{container}:{part.name}" if part is not None and part.name else container


def locate(findings: list[Finding], doc: Document, path: str | None) -> list[Finding]:
    """Findings with the part named in their path and lines counted within the part."""
    parts: list[Part] = doc.meta.get("parts") or []
    if not parts:
        return findings
    container = path or "-"
    out = []
    for f in findings:
        part = _part_at(parts, f.line)
        if part is None:
            out.append(replace(f, path=container))
            continue
        shift = part.first_line - 1
        out.append(
            replace(
                f,
                path=located_path(container, part),
                line=f.line - shift,
                end_line=max(f.end_line - shift, 1) if f.end_line else f.end_line,
            )
        )
    return out


def locate_changes(changes: list[Change], doc: Document) -> list[Change]:
    """Changes with lines counted within their part; a change carries no path, so the
    part is named at the end of its reason ("in OEBPS/ch2.xhtml")."""
    parts: list[Part] = doc.meta.get("parts") or []
    if len(parts) < 1:
        return changes
    out = []
    for c in changes:
        part = _part_at(parts, c.line)
        if part is None:
            out.append(c)
            continue
        where = f"in {part.name}" if part.name else ""
        reason = "; ".join(x for x in (c.reason, where) if x)
        out.append(replace(c, line=c.line - part.first_line + 1, reason=reason))
    return out


def part_texts(text: str, doc: Document, path: str) -> dict[str, str]:
    """Each part's own text, by its located path (for snippets under findings)."""
    parts: list[Part] = doc.meta.get("parts") or []
    lines = text.split("\n")
    return {located_path(path, p): "\n".join(lines[p.first_line - 1 : p.first_line - 1 + p.lines]) for p in parts}
