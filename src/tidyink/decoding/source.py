"""Bytes to text: the :class:`Source` type and the order in which encodings are tried.

Detection order: a BOM; binary refusal; UTF-16/32 recognised from the pattern
of NUL bytes (both :mod:`tidyink.decoding.binary`); strict UTF-8, or UTF-8 with
a few stray single-byte characters; otherwise the code page whose reading scores
as the most plausible prose (:mod:`tidyink.decoding.code_pages`). Line endings
are normalised to LF and the original style is recorded.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from functools import cache

from tidyink.decoding.binary import nul_pattern, refuse_binary
from tidyink.decoding.code_pages import guess_single_byte
from tidyink.decoding.truncated import cut_warning as _cut_warning
from tidyink.decoding.truncated import decode_cut as _decode_cut
from tidyink.errors import DecodeError

BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE: it starts with the same bytes
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


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
    # bom|utf-8|utf-8+cp1252|nul-pattern|code-page-score|charset-normalizer|user|empty
    detected_by: str = ""
    warning: str = ""  # something the user should know, e.g. the file ends mid-character


def decode(data: bytes, encoding: str | None = None, path: str | None = None) -> Source:
    """Decode ``data`` to a :class:`Source`; raise a ``TidyinkError`` for binary data."""
    where = path or "-"  # standard input, as in every message
    if not data:
        return Source("", "utf-8", 1.0, size=0, path=path, newline="", detected_by="empty")
    if encoding:
        return _explicit(data, encoding, path)
    for bom, name in BOMS:
        if data.startswith(bom):
            text, cut = _strict_or_cut(data[len(bom) :], name, where, len(bom))
            return _finish(text, name, 1.0, path, len(data), bom=True, how="bom", warning=cut)
    refuse_binary(data, where)
    wide = nul_pattern(data)  # before UTF-8: ASCII in UTF-16 is valid UTF-8 too
    if wide:
        text, cut = _strict_or_cut(data, wide, where)
        return _finish(text, wide, 0.95, path, len(data), how="nul-pattern", warning=cut)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        cut_text = _decode_cut(data, "utf-8")
        if cut_text is not None and not cut_text[:-1].isascii():  # UTF-8 elsewhere: only the end is cut
            return _finish(cut_text, "utf-8", 0.95, path, len(data), how="utf-8", warning=_cut_warning("utf-8"))
    else:
        name = "ascii" if data.isascii() else "utf-8"
        return _finish(text, name, 1.0, path, len(data), how="utf-8")
    mostly = mostly_utf8(data)
    if mostly is not None:
        return _finish(mostly, "utf-8", 0.9, path, len(data), how="utf-8+cp1252")
    name, confidence, how = guess_single_byte(data)
    text = _strict(data, name, where)
    return _finish(text, name, confidence, path, len(data), how=how)


_HIGH = bytes(range(0x80, 0x100))
MAX_STRAY_SHARE = 0.5  # stray bytes per valid multi-byte character, at most
MIN_IDEOGRAPHS = 3  # different ideographs that make their sequences count as UTF-8
_UTF8_SEQUENCE = (
    rb"[\xc2-\xdf][\x80-\xbf]|\xe0[\xa0-\xbf][\x80-\xbf]|[\xe1-\xec\xee\xef][\x80-\xbf]{2}"
    rb"|\xed[\x80-\x9f][\x80-\xbf]|\xf0[\x90-\xbf][\x80-\xbf]{2}|[\xf1-\xf3][\x80-\xbf]{3}"
    rb"|\xf4[\x80-\x8f][\x80-\xbf]{2}"
)


def mostly_utf8(data: bytes) -> str | None:
    """UTF-8 with a few stray single-byte characters (a cp1252 ``’`` pasted into a
    UTF-8 file, a line saved by an older editor): the text with each stray byte read
    as cp1252 (as latin-1 where cp1252 has no character), or None when the bytes are
    not mostly UTF-8. A single-byte file almost never holds valid UTF-8 sequences, so
    at least two of them, and twice as many as stray bytes, are required.
    """
    import regex

    sequences = utf8_sequences(data)
    # An ideograph from bytes that read as well as an accented letter and two marks (è’’
    # is E8 92 92, the UTF-8 of 蒒) is chance, unless the text holds several different ones.
    ideograph = regex.compile(r"[\p{Han}\p{Hangul}\p{Yi}]")
    ideographs = {s for s in set(sequences) if ideograph.match(s.decode("utf-8"))}  # each kind once
    if 0 < len(ideographs) < MIN_IDEOGRAPHS:
        sequences = [s for s in sequences if s not in ideographs]
    high = len(data) - len(data.translate(None, _HIGH))  # (bytes 0x80-0xFF, counted at C speed)
    stray = high - sum(map(len, sequences))
    if len(sequences) < 2 or stray > MAX_STRAY_SHARE * len(sequences):
        return None
    codecs.register_error("tidyink-cp1252", _stray_as_cp1252)  # (registering again is harmless)
    return data.decode("utf-8", errors="tidyink-cp1252")


def utf8_sequences(data: bytes) -> list[bytes]:
    """``re.findall(_UTF8_SEQUENCE, data)``, the pattern tried only at lead bytes:
    every sequence starts with one (0xC2-0xF4) followed by a continuation byte
    (0x80-0xBF), and finding those is much faster than trying the pattern at every
    byte (a Latin-1 book of 600 kB: 27 -> 4 ms), or at every lead byte (an accented
    letter of Latin-1 text is one, seldom followed by a continuation byte)."""
    lead, sequence = _utf8_patterns()
    found: list[bytes] = []
    end = 0
    for m in lead.finditer(data):
        at = m.start()
        if at < end:
            continue  # (inside the last sequence: findall goes on after it)
        seq = sequence.match(data, at)
        if seq is not None:
            found.append(seq.group())
            end = seq.end()
    return found


@cache
def _utf8_patterns() -> tuple[re.Pattern[bytes], re.Pattern[bytes]]:
    return re.compile(rb"[\xc2-\xf4](?=[\x80-\xbf])"), re.compile(_UTF8_SEQUENCE)


def _stray_as_cp1252(exc: UnicodeError) -> tuple[str, int]:
    if not isinstance(exc, UnicodeDecodeError):
        raise exc
    byte = exc.object[exc.start : exc.start + 1]
    return byte.decode("cp1252", errors="ignore") or byte.decode("latin-1"), exc.start + 1


def _explicit(data: bytes, encoding: str, path: str | None) -> Source:
    """Decode with the user's encoding; a BOM of that encoding's family is dropped.

    ``utf-16``/``utf-32`` without an endianness take it from the BOM, else
    from the NUL pattern (little-endian when unclear); ``utf-8`` and
    ``utf-8-sig`` both drop a UTF-8 BOM. A BOM of another encoding is left in
    the text: the user asked for this encoding.
    """
    where = path or "-"  # standard input, as in every message
    try:
        info = codecs.lookup(encoding)
    except (LookupError, ValueError, TypeError):
        raise DecodeError(f"{where}: unknown encoding {encoding!r}") from None
    if not getattr(info, "_is_text_encoding", True):
        raise DecodeError(f"{where}: {encoding!r} is not a text encoding") from None
    name = "utf-8" if info.name == "utf-8-sig" else info.name
    body, bom = data, False
    for mark, bom_name in BOMS:
        if data.startswith(mark) and _bom_fits(bom_name, name):
            body, bom, name = data[len(mark) :], True, bom_name
            break
    if name in ("utf-16", "utf-32"):
        wide = nul_pattern(body)
        name = wide if wide and wide.startswith(name) else f"{name}-le"
    text, cut = _strict_or_cut(body, name, where, len(data) - len(body))
    return _finish(text, name, 1.0, path, len(data), bom=bom, how="user", warning=cut)


def _bom_fits(bom_name: str, requested: str) -> bool:
    """Whether a BOM of ``bom_name`` belongs to the ``requested`` codec."""
    if requested in ("utf-16", "utf-32"):
        return bom_name.startswith(requested)
    return bom_name == requested


def _strict(data: bytes, name: str, where: str, skipped: int = 0) -> str:
    """Decode strictly; the error names the first bad byte and its offset in the file."""
    try:
        return data.decode(name)
    except UnicodeDecodeError as exc:
        offset = exc.start + skipped
        raise DecodeError(
            f"{where}: not valid {name} ({exc.reason}: byte 0x{data[exc.start]:02x} "
            f"at offset {offset})"
        ) from None


def _strict_or_cut(data: bytes, name: str, where: str, skipped: int = 0) -> tuple[str, str]:
    """Decode strictly, except that a last character cut short (a truncated file)
    becomes U+FFFD; return the text and a warning saying so ("" when whole)."""
    try:
        return _strict(data, name, where, skipped), ""
    except DecodeError:
        text = _decode_cut(data, name)
        if text is None:
            raise
        return text, _cut_warning(name)


def _finish(
    text: str,
    encoding: str,
    confidence: float,
    path: str | None,
    size: int,
    *,
    bom: bool = False,
    how: str = "",
    warning: str = "",
) -> Source:
    text, newline = normalize_newlines(text)
    if text.startswith("\ufeff"):  # a second BOM, or one the codec kept
        text = text[1:]
    return Source(text, encoding, round(confidence, 3), bom, newline, size, path, how, warning)


def normalize_newlines(text: str) -> tuple[str, str]:
    """Turn CRLF and lone CR into LF; return the text and the original style."""
    crs = text.count("\r")
    joined = text.replace("\r\n", "\n") if crs else text  # (a text without CR is left alone)
    crlf = len(text) - len(joined)  # (each CRLF replaced is one character less: no pair is counted apart)
    cr = crs - crlf
    lf = text.count("\n") - crlf
    styles = [s for s, n in (("\r\n", crlf), ("\r", cr), ("\n", lf)) if n]
    if not styles:
        return text, ""
    style = styles[0] if len(styles) == 1 else "mixed"
    if crlf or cr:
        text = joined.replace("\r", "\n")
    return text, style
