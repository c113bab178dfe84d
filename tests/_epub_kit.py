"""Build small EPUB packages in tests, from a list of (name, xhtml) chapters."""

from __future__ import annotations

import io
import zipfile

CONTAINER = (
    '<?xml version="1.0"?>\n<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">'
    '<rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/>'
    "</rootfiles></container>"
)


def page(body: str, title: str = "t") -> str:
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE html>\n'
        f'<html xmlns="http://www.w3.org/1999/xhtml"><head><title>{title}</title></head>\n'
        f"<body>\n{body}\n</body></html>\n"
    )


def epub(
    chapters: list[tuple[str, str]],
    spine: list[str] | None = None,
    metadata: str = "<dc:title>A Test</dc:title><dc:language>en</dc:language>",
    linear_no: tuple[str, ...] = (),
    mimetype: bool = True,
) -> bytes:
    """An EPUB 2 package; ``spine`` orders chapters by name (default: as given)."""
    ids = {name: f"i{n}" for n, (name, _) in enumerate(chapters)}
    manifest = "".join(
        f'<item id="{ids[name]}" href="{name}" media-type="application/xhtml+xml"/>' for name, _ in chapters
    )
    order = spine or [name for name, _ in chapters]
    no = ' linear="no"'
    refs = "".join(f'<itemref idref="{ids[name]}"{no if name in linear_no else ""}/>' for name in order)
    opf = (
        '<?xml version="1.0"?>\n<package xmlns="http://www.idpf.org/2007/opf" version="2.0" unique-identifier="u">'
        f'<metadata xmlns:dc="http://purl.org/dc/elements/1.1/">{metadata}</metadata>'
        f"<manifest>{manifest}</manifest><spine>{refs}</spine></package>"
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zf:
        if mimetype:
            zf.writestr("mimetype", "application/epub+zip", compress_type=zipfile.ZIP_STORED)
        zf.writestr("META-INF/container.xml", CONTAINER)
        zf.writestr("OEBPS/content.opf", opf)
        for name, xhtml in chapters:
            zf.writestr(f"OEBPS/{name}", xhtml)
    return buffer.getvalue()
