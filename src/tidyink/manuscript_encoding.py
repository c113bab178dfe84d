"""How a fixed manuscript is written back: in its own encoding, byte-order mark and
line endings (or as UTF-8), refusing text its encoding cannot hold."""

from __future__ import annotations

import codecs
from collections import Counter
from typing import TYPE_CHECKING

from tidyink.errors import InputError

if TYPE_CHECKING:
    from tidyink.decoding.source import Source

_BOM_OF = {
    "utf-8": codecs.BOM_UTF8,
    "utf-16-le": codecs.BOM_UTF16_LE,
    "utf-16-be": codecs.BOM_UTF16_BE,
    "utf-32-le": codecs.BOM_UTF32_LE,
    "utf-32-be": codecs.BOM_UTF32_BE,
}

class EncodeError(InputError):
    """The fixed text has characters the file's encoding cannot hold."""


def encode(text: str, source: Source, original: bytes, *, to_utf8: bool = False) -> bytes:
    """``text`` (LF) as bytes in the original's encoding, BOM and line endings."""
    encoding = _target_encoding(source, to_utf8)
    # Where no byte 0x80-0x9F tells ISO-8859-1 from cp1252, the fixed text is written as
    # cp1252: the superset every modern reader (and the HTML standard) uses for both.
    # fix_note() says so when the new bytes use what ISO-8859-1 lacks (— “ ” …).
    text = _restore_newlines(text, source, original)
    try:
        body = text.encode(encoding)
    except UnicodeEncodeError as exc:
        bad = sorted({ch for ch in exc.object[exc.start :] if not _encodable(ch, encoding)})
        shown = ", ".join(f"{ch!r} U+{ord(ch):04X}" for ch in bad[:3])
        raise EncodeError(
            f"{source.path or '-'}: the fixed text needs characters that {encoding} cannot hold"
            f" ({shown}{', ...' if len(bad) > 3 else ''}); left unchanged"
            " (use --to-utf8 to convert the file to UTF-8)"
        ) from None
    if source.bom and encoding in _BOM_OF:
        body = _BOM_OF[encoding] + body
    return body


def _target_encoding(source: Source, to_utf8: bool) -> str:
    if to_utf8:
        return "utf-8"
    name = codecs.lookup(source.encoding).name
    # A file detected as ASCII only says "no byte above 127": it is UTF-8 as much as
    # anything, so typography (curly quotes, dashes) is written as UTF-8. An ASCII
    # encoding the user asked for (--encoding/config) is kept strictly.
    if name == "ascii" and source.detected_by != "user":
        return "utf-8"
    if name == "utf-8" and source.detected_by == "empty":
        return "utf-8"
    return name


def fix_note(source: Source, original: bytes, new: bytes) -> str:
    """What to tell about the bytes written, beyond the fixes: an ISO-8859-1-or-cp1252
    file (no byte told them apart) that now holds characters only cp1252 has."""
    if codecs.lookup(source.encoding).name != "cp1252" or source.detected_by == "user":
        return ""
    if _uses_c1_range(original) or not _uses_c1_range(new):
        return ""
    return (
        "written as cp1252 (no byte told ISO-8859-1 from cp1252; cp1252, which every modern"
        " reader uses for both, holds the new characters; --to-utf8 writes UTF-8 instead)"
    )


def _uses_c1_range(data: bytes) -> bool:
    """Whether any byte is in 0x80-0x9F, where cp1252 and ISO-8859-1 differ."""
    return any(0x80 <= b <= 0x9F for b in data)


def _encodable(ch: str, encoding: str) -> bool:
    try:
        ch.encode(encoding)
    except UnicodeEncodeError:
        return False
    return True


def _restore_newlines(text: str, source: Source, original: bytes) -> str:
    style = source.newline
    if style in ("\n", ""):
        return text
    if style != "mixed":
        return text.replace("\n", style)
    endings = _original_endings(source, original)
    if text.count("\n") == len(endings):  # same lines: give each its own ending back
        parts = text.split("\n")
        out = [part + ending for part, ending in zip(parts, endings, strict=False)]
        out.append(parts[-1])
        return "".join(out)
    common = Counter(endings).most_common(1)[0][0] if endings else "\n"
    return text.replace("\n", common)


def _original_endings(source: Source, original: bytes) -> list[str]:
    import regex

    data = original
    bom = _BOM_OF.get(codecs.lookup(source.encoding).name)
    if source.bom and bom and data.startswith(bom):
        data = data[len(bom) :]
    raw = data.decode(source.encoding, errors="replace")
    return regex.findall(r"\r\n|\r|\n", raw)
