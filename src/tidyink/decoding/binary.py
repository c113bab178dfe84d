"""Binary input refused before any decoding, and UTF-16/32 told from its NUL bytes.

A file-format signature, NUL bytes that are not the pattern of a wide
encoding, or mostly control bytes mean the input is not text in any encoding.
"""

from __future__ import annotations

from tidyink.decoding.truncated import decode_cut as _decode_cut
from tidyink.errors import BinaryInputError

MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive, not an EPUB or Word document"),
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


def refuse_binary(data: bytes, where: str) -> None:
    """Raise :class:`BinaryInputError` when ``data`` is not text in any encoding.

    Binary means: a file-format signature (checked only against the start of
    the file; signatures that are printable ASCII also need a control byte
    nearby, so a text starting with "MZ" or "GIF89a" is still text), NUL bytes
    that are not the pattern of UTF-16/32, or mostly control bytes.
    """
    head = data[:8192]
    for magic, what in MAGIC:
        if not data.startswith(magic):
            continue
        printable = magic.isascii() and all(32 <= b < 127 for b in magic)
        if printable and magic != b"%PDF-" and not _has_control(data[:512]):
            continue
        if magic == b"PK\x03\x04" and data[30:58] == b"mimetypeapplication/epub+zip":
            what = "an EPUB e-book that cannot be read"  # readable ones never get here (api.load)
        raise BinaryInputError(f"{where}: binary file ({what}), not text")
    nuls = head.count(0)
    if nuls:
        if nul_pattern(data):
            return
        if nuls > max(2, len(head) // 200):
            raise BinaryInputError(f"{where}: binary file (contains NUL bytes), not text")
    if _mostly_control(head):
        raise BinaryInputError(f"{where}: binary file (mostly control bytes), not text")


_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 12, 13, 27))


def _has_control(head: bytes) -> bool:
    return len(head.translate(None, _CONTROL_BYTES)) < len(head)


def _mostly_control(head: bytes) -> bool:
    if not head:
        return False
    control = len(head) - len(head.translate(None, _CONTROL_BYTES))
    return control / len(head) > 0.1


def nul_pattern(data: bytes) -> str | None:
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
    if odd_nul > 0.1 and even_nul < 0.02 and _decodes(data, "utf-16-le"):
        return "utf-16-le"
    if even_nul > 0.1 and odd_nul < 0.02 and _decodes(data, "utf-16-be"):
        return "utf-16-be"
    return None


def _decodes(data: bytes, name: str) -> bool:
    """Whether ``data`` decodes as ``name``, but for a last character cut short."""
    return _decode_cut(data, name) is not None
