"""Bytes to text: byte-order marks, UTF-8, UTF-16/32, single-byte code pages.

Detection order: a BOM; strict UTF-8; UTF-16/32 recognised from the pattern of
NUL bytes; otherwise charset-normalizer, whose answer is corrected where
look-alike Western code pages decode to different text. Binary data is refused.
Line endings are normalised to LF and the original style is recorded.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass

from tidyink.errors import BinaryInputError, DecodeError

BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE: it starts with the same bytes
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (EPUB, DOCX, ODT, ...)"),
    (b"PK\x05\x06", "an empty ZIP archive"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"\x1f\x8b", "gzip-compressed data"),
    (b"BZh", "bzip2-compressed data"),
    (b"\xfd7zXZ\x00", "xz-compressed data"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"\x7fELF", "an executable (ELF)"),
    (b"MZ", "an executable (DOS/Windows)"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an OLE document (old Word/Excel)"),
    (b"OggS", "an Ogg media file"),
    (b"ID3", "an MP3 audio file"),
    (b"RIFF", "a RIFF media file (WAV, AVI, WebP)"),
    (b"\x00\x00\x01\x00", "an icon file"),
    (b"SQLite format 3\x00", "an SQLite database"),
)

# Western code pages that decode the same bytes to different text; when the
# detector names one of the left-hand ones, a Western reading is preferred if
# it decodes cleanly (charset-normalizer often says cp1250 or latin-1 for
# cp1252 text because the bytes happen to fit both).
_WESTERN_PREFERENCE = ("cp1252",)
_LOOKALIKES = {
    "cp1250",
    "cp1251",
    "cp1253",
    "cp1254",
    "cp1257",
    "cp1258",
    "latin_1",
    "iso8859_1",
    "iso8859_2",
    "iso8859_9",
    "iso8859_13",
    "iso8859_15",
    "iso8859_16",
    "mac_iceland",
    "mac_latin2",
}
_CJK = {
    "big5",
    "big5hkscs",
    "cp932",
    "cp949",
    "cp950",
    "euc_jis_2004",
    "euc_jisx0213",
    "euc_jp",
    "euc_kr",
    "gb18030",
    "gb2312",
    "gbk",
    "hz",
    "iso2022_jp",
    "iso2022_kr",
    "johab",
    "shift_jis",
    "shift_jis_2004",
    "shift_jisx0213",
}


@dataclass(frozen=True)
class Source:
    """Decoded input text with the facts learned while decoding it."""

    text: str  # decoded, BOM removed, line endings normalised to LF
    encoding: str  # Python codec name
    confidence: float  # 0..1; 1.0 for a BOM, strict UTF-8 or an explicit encoding
    bom: bool = False
    newline: str = "\n"  # "\n", "\r\n", "\r", "mixed", or "" when there is none
    size: int = 0  # bytes read
    path: str | None = None
    detected_by: str = ""  # bom | utf-8 | nul-pattern | charset-normalizer | user | empty


def decode(data: bytes, encoding: str | None = None, path: str | None = None) -> Source:
    """Decode ``data`` to a :class:`Source`; raise a ``TidyinkError`` for binary data."""
    where = path or "<input>"
    if not data:
        return Source("", "utf-8", 1.0, size=0, path=path, newline="", detected_by="empty")
    if encoding:
        return _explicit(data, encoding, path)
    for bom, name in BOMS:
        if data.startswith(bom):
            text = _strict(data[len(bom) :], name, where)
            return _finish(text, name, 1.0, path, len(data), bom=True, how="bom")
    refuse_binary(data, where)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        name = "ascii" if data.isascii() else "utf-8"
        return _finish(text, name, 1.0, path, len(data), how="utf-8")
    wide = _nul_pattern(data)
    if wide:
        text = _strict(data, wide, where)
        return _finish(text, wide, 0.9, path, len(data), how="nul-pattern")
    name, confidence = _guess_single_byte(data)
    text = _strict(data, name, where)
    return _finish(text, name, confidence, path, len(data), how="charset-normalizer")


def _explicit(data: bytes, encoding: str, path: str | None) -> Source:
    where = path or "<input>"
    try:
        name = codecs.lookup(encoding).name
    except LookupError:
        raise DecodeError(f"{where}: unknown encoding {encoding!r}") from None
    bom = False
    for mark, bom_name in BOMS:
        if data.startswith(mark) and codecs.lookup(bom_name).name.startswith(name.split("-")[0]):
            data, bom = data[len(mark) :], True
            break
    if name in ("utf-16", "utf-32") and not bom:
        name = name + ("-le" if _nul_pattern(data) != f"{name}-be" else "-be")
    text = _strict(data, name, where)
    return _finish(text, name, 1.0, path, len(data) + (3 if bom else 0), bom=bom, how="user")


def _strict(data: bytes, name: str, where: str) -> str:
    try:
        return data.decode(name)
    except UnicodeDecodeError as exc:
        raise DecodeError(
            f"{where}: not valid {name} (byte 0x{data[exc.start]:02x} at offset {exc.start})"
        ) from None


def _finish(
    text: str,
    encoding: str,
    confidence: float,
    path: str | None,
    size: int,
    *,
    bom: bool = False,
    how: str = "",
) -> Source:
    text, newline = normalize_newlines(text)
    if text.startswith("\ufeff"):  # a second BOM, or one the codec kept
        text = text[1:]
    return Source(text, encoding, round(confidence, 3), bom, newline, size, path, how)


def normalize_newlines(text: str) -> tuple[str, str]:
    """Turn CRLF and lone CR into LF; return the text and the original style."""
    crlf = text.count("\r\n")
    cr = text.count("\r") - crlf
    lf = text.count("\n") - crlf
    styles = [s for s, n in (("\r\n", crlf), ("\r", cr), ("\n", lf)) if n]
    if not styles:
        return text, ""
    style = styles[0] if len(styles) == 1 else "mixed"
    if crlf or cr:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text, style


def refuse_binary(data: bytes, where: str) -> None:
    """Raise :class:`BinaryInputError` when ``data`` is not text in any encoding."""
    for magic, what in MAGIC:
        if data.startswith(magic):
            if magic == b"MZ" and not _mostly_control(data[:512]):
                continue  # a text that starts with "MZ"
            if magic == b"RIFF" and len(data) < 12:
                continue
            raise BinaryInputError(f"{where}: binary file ({what}), not text")
    head = data[:8192]
    if b"\x00" in head and not _nul_pattern(data):
        raise BinaryInputError(f"{where}: binary file (contains NUL bytes), not text")
    if _mostly_control(head):
        raise BinaryInputError(f"{where}: binary file (mostly control bytes), not text")


def _mostly_control(head: bytes) -> bool:
    if not head:
        return False
    control = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13, 27))
    return control / len(head) > 0.1


def _nul_pattern(data: bytes) -> str | None:
    """Name the UTF-16/32 flavour that the NUL bytes of BOM-less ``data`` suggest."""
    sample = data[:4096]
    n = len(sample)
    if n < 4 or b"\x00" not in sample:
        return None
    if n % 4 == 0:
        quads = [sample[i : i + 4] for i in range(0, n, 4)]
        le = sum(q[1:] == b"\x00\x00\x00" for q in quads) / len(quads)
        be = sum(q[:3] == b"\x00\x00\x00" for q in quads) / len(quads)
        for share, name in ((le, "utf-32-le"), (be, "utf-32-be")):
            if share > 0.6 and _decodes(data, name):
                return name
    even = sample[0::2]
    odd = sample[1::2]
    even_nul = even.count(0) / max(len(even), 1)
    odd_nul = odd.count(0) / max(len(odd), 1)
    if odd_nul > 0.3 and even_nul < 0.05 and _decodes(data, "utf-16-le"):
        return "utf-16-le"
    if even_nul > 0.3 and odd_nul < 0.05 and _decodes(data, "utf-16-be"):
        return "utf-16-be"
    return None


def _decodes(data: bytes, name: str) -> bool:
    usable = len(data) - len(data) % (4 if "32" in name else 2)
    try:
        data[:usable].decode(name)
    except UnicodeDecodeError:
        return False
    return True


def _guess_single_byte(data: bytes) -> tuple[str, float]:
    """Pick a single-byte (or legacy multi-byte) encoding for non-UTF-8 bytes."""
    from charset_normalizer import from_bytes

    results = from_bytes(data)
    best = results.best()
    if best is None:
        return "cp1252" if _decodes_strict(data, "cp1252") else "latin-1", 0.3
    name = codecs.lookup(best.encoding).name
    confidence = max(0.0, 1.0 - best.chaos)
    if name in _CJK and (len(data) < 2048 or not _looks_cjk(best)):
        name = _western(data)
        confidence = min(confidence, 0.6)
    elif name in _LOOKALIKES:
        name = _western(data, name)
    return name, confidence


def _looks_cjk(match: object) -> bool:
    languages = getattr(match, "languages", []) or []
    return any(lang in ("Chinese", "Japanese", "Korean") for lang in languages)


def _decodes_strict(data: bytes, name: str) -> bool:
    try:
        data.decode(name)
    except UnicodeDecodeError:
        return False
    return True


def _western(data: bytes, fallback: str = "cp1252") -> str:
    for name in _WESTERN_PREFERENCE:
        if _decodes_strict(data, name):
            return name
    return fallback if _decodes_strict(data, fallback) else "latin-1"
