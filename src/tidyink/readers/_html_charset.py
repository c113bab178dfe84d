"""The charset an HTML page declares (``<meta charset>``, ``http-equiv``, XML declaration)."""

from __future__ import annotations

from typing import Any

import regex

from tidyink.lazy_regex import compiled

# --- charset -----------------------------------------------------------------

_META_CHARSET = compiled(
    rb"""<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([A-Za-z0-9_.:\-]+)""", regex.IGNORECASE
)
_XML_DECL = compiled(rb"""^<\?xml[^>]*\bencoding\s*=\s*["']([A-Za-z0-9_.:\-]+)""")
# WHATWG: these labels mean windows-1252; a UTF-16 label in a byte-oriented meta means UTF-8.
_LABEL_ALIASES = {
    "iso-8859-1": "cp1252",
    "iso8859-1": "cp1252",
    "latin1": "cp1252",
    "latin-1": "cp1252",
    "l1": "cp1252",
    "us-ascii": "cp1252",
    "ascii": "cp1252",
    "windows-1252": "cp1252",
    "x-user-defined": "cp1252",
    "utf-16": "utf-8",
    "utf-16le": "utf-8",
    "utf-16be": "utf-8",
    "unicode": "utf-8",
}


def declared_charset(data: bytes) -> str | None:
    """The Python codec named by ``<meta charset>``, ``http-equiv`` or the XML declaration."""
    import codecs

    head = data[:4096]
    m = _XML_DECL.match(head.lstrip()) or _META_CHARSET.search(head)
    if not m:
        return None
    label = m.group(1).decode("ascii", "replace").strip().lower()
    label = _LABEL_ALIASES.get(label, label)
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def decode(data: bytes, path: str | None = None) -> Any:
    """A Source decoded with the page's declared charset, or None to detect as usual.

    A BOM wins over the declaration; bytes that are valid UTF-8 with non-ASCII
    text are read as UTF-8 even when the page declares a single-byte charset
    (saved pages often keep a stale declaration); a declaration that does not
    decode the bytes is ignored.
    """
    from dataclasses import replace

    from tidyink.decoding.source import BOMS
    from tidyink.decoding.source import decode as decode_bytes

    if any(data.startswith(bom) for bom, _ in BOMS):
        return None
    charset = declared_charset(data)
    if charset is None:
        return None
    if charset != "utf-8" and not data.isascii():
        try:
            data.decode("utf-8")
        except UnicodeDecodeError:
            pass
        else:
            return None
    try:
        data.decode(charset)
    except (UnicodeDecodeError, LookupError):
        return None
    source = decode_bytes(data, encoding=charset, path=path)
    return replace(source, detected_by="meta", confidence=1.0 if charset == "utf-8" else 0.95)
