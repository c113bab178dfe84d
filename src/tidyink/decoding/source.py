"""Bytes to text: byte-order marks, UTF-8, UTF-16/32, single-byte code pages.

Detection order: a BOM; binary refusal; UTF-16/32 recognised from the pattern
of NUL bytes; strict UTF-8; otherwise the code page whose reading scores as
the most plausible prose (:mod:`tidyink.decoding.plausibility`), with charset-normalizer
consulted only when no single-byte page reads well. Line endings are
normalised to LF and the original style is recorded.
"""

from __future__ import annotations

import codecs
import math
from dataclasses import dataclass

from tidyink.decoding.truncated import cut_warning as _cut_warning
from tidyink.decoding.truncated import decode_cut as _decode_cut
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

# Single-byte code pages tried for bytes that are not UTF-8, in order of
# preference when two of them decode the bytes to equally plausible text:
# Western first (what the archives this tool is for mostly hold), then the
# DOS and Mac pages, then other scripts.
CANDIDATES: tuple[str, ...] = (
    "cp1252",
    "mac_roman",
    "cp850",
    "cp437",
    "iso8859_15",
    "latin_1",
    "cp1250",
    "iso8859_2",
    "cp1251",
    "koi8_r",
    "cp866",
    "cp1253",
    "cp1254",
    "cp1257",
)
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
# Below this many non-ASCII bytes a CJK reading is never believed: a few
# accented letters pair up into ideographs far too easily. Above it, a CJK
# reading must still out-score every single-byte reading, which for Western
# text (accented letters among ASCII ones) it cannot.
_CJK_MIN_HIGH_BYTES = 16
# Mean points per judged character (see plausibility) from which the best
# single-byte reading is trusted without asking charset-normalizer.
_PLAUSIBLE = 0.6


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
    wide = _nul_pattern(data)  # before UTF-8: ASCII in UTF-16 is valid UTF-8 too
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
    name, confidence, how = _guess_single_byte(data)
    text = _strict(data, name, where)
    return _finish(text, name, confidence, path, len(data), how=how)


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

    sequences = regex.findall(_UTF8_SEQUENCE, data)
    # An ideograph from bytes that read as well as an accented letter and two marks (è’’
    # is E8 92 92, the UTF-8 of 蒒) is chance, unless the text holds several different ones.
    ideograph = regex.compile(r"[\p{Han}\p{Hangul}\p{Yi}]")
    ideographs = {s for s in set(sequences) if ideograph.match(s.decode("utf-8"))}  # each kind once
    if 0 < len(ideographs) < MIN_IDEOGRAPHS:
        sequences = [s for s in sequences if s not in ideographs]
    high = sum(map(len, regex.findall(rb"[\x80-\xff]+", data)))
    stray = high - sum(map(len, sequences))
    if len(sequences) < 2 or stray > MAX_STRAY_SHARE * len(sequences):
        return None
    codecs.register_error("tidyink-cp1252", _stray_as_cp1252)  # (registering again is harmless)
    return data.decode("utf-8", errors="tidyink-cp1252")


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
        wide = _nul_pattern(body)
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
        if _nul_pattern(data):
            return
        if nuls > max(2, len(head) // 200):
            raise BinaryInputError(f"{where}: binary file (contains NUL bytes), not text")
    if _mostly_control(head):
        raise BinaryInputError(f"{where}: binary file (mostly control bytes), not text")


_ASCII_LETTERS = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 12, 13, 27))


def _has_control(head: bytes) -> bool:
    return len(head.translate(None, _CONTROL_BYTES)) < len(head)


def _mostly_control(head: bytes) -> bool:
    if not head:
        return False
    control = len(head) - len(head.translate(None, _CONTROL_BYTES))
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
    if odd_nul > 0.1 and even_nul < 0.02 and _decodes(data, "utf-16-le"):
        return "utf-16-le"
    if even_nul > 0.1 and odd_nul < 0.02 and _decodes(data, "utf-16-be"):
        return "utf-16-be"
    return None


def _decodes(data: bytes, name: str) -> bool:
    """Whether ``data`` decodes as ``name``, but for a last character cut short."""
    return _decode_cut(data, name) is not None


def _guess_single_byte(data: bytes) -> tuple[str, float, str]:
    """Pick the code page whose reading of ``data`` is the most plausible prose.

    Every candidate that decodes ``data`` strictly is scored (see
    :mod:`tidyink.decoding.plausibility`) on its non-ASCII bytes in their contexts;
    candidates giving identical text count once, under the preferred name.
    charset-normalizer is asked only when no candidate reads well (other
    scripts, multi-byte encodings); its answer must then out-score ours.
    """
    from tidyink.decoding import plausibility as plaus

    contexts = plaus.byte_contexts(data)
    ascii_letters = len(data) - len(data.translate(None, _ASCII_LETTERS))
    order = list(CANDIDATES)
    if b"\r" in data and b"\n" not in data:  # classic Mac line endings
        order.remove("mac_roman")
        order.insert(0, "mac_roman")
    scored: list[tuple[float, int, str]] = []  # (points, judged, name), in preference order
    seen: set[tuple[str, ...]] = set()
    for name in order:
        decoded = _decode_all([t for t, _ in contexts], name)
        # Every non-ASCII byte is in some context and all candidates are
        # ASCII-compatible, so decoding the contexts proves the whole decodes.
        if decoded is None or decoded in seen:
            continue
        seen.add(decoded)
        counted = zip(decoded, (n for _, n in contexts), strict=True)
        points, judged = plaus.score(counted, ascii_letters)
        scored.append((points, judged, name))
    best = max(scored, key=lambda s: s[0], default=None)  # max keeps the first of equals
    if best is None or best[0] < _PLAUSIBLE * max(best[1], 1):
        tried = {s[2] for s in scored}
        for other in _ask_charset_normalizer(data):
            if other not in tried:
                text = data.decode(other)
                points, judged = plaus.score(plaus.text_contexts(text), ascii_letters)
                scored.append((points, judged, other))
        best = max(scored, key=lambda s: s[0], default=None)
    if best is None:
        return "iso8859-1", 0.1, "fallback"
    if best[2] in _LANGS_OF and any(s[2] == "cp1252" for s in scored):
        western = next(s for s in scored if s[2] == "cp1252")
        if not _clear_case(data, best[2]) and _words_favour_western(data, best[2]):
            best = western
    if best[2] in _WESTERN_PAGES and best[1] <= _FEW_BYTES:
        best = _by_words(data, scored, best)
    rival = max((s[0] for s in scored if s is not best), default=None)
    how = "charset-normalizer" if best[2] not in CANDIDATES else "code-page-score"
    return codecs.lookup(best[2]).name, _confidence(best[0], best[1], rival), how


# Latin-script code pages other than the Western ones, and the languages they are for.
_LANGS_OF = {
    "cp1250": ("pl", "cs", "sk", "sl", "hu", "ro"),
    "iso8859_2": ("pl", "cs", "sk", "sl", "hu", "ro"),
    "cp1257": ("lt", "lv"),
    "cp1254": ("tr",),
}
_WESTERN_LANGS = ("en", "fr", "de", "es", "pt", "it", "nl", "sv", "da")


_WESTERN_PAGES = ("cp1252", "mac_roman", "cp850", "cp437", "iso8859_15", "latin_1")
_FEW_BYTES = 32  # up to this many non-ASCII bytes, the letters' scores decide little
_WORDS_MARGIN = 2.0  # Zipf points by which another reading's words must win


Scored = tuple[float, int, str]


def _by_words(data: bytes, scored: list[Scored], best: Scored) -> Scored:
    """Among the Western readings of a short text, the one whose words with a letter
    beyond ASCII are most often words of a Western language (là-haut, not l…-haut);
    the best-scored reading when none does better."""
    import re

    from tidyink import lexicon

    def known(name: str) -> float:
        """How common the reading's words beyond ASCII are, Zipf points summed."""
        text = data.decode(name, errors="replace")
        found = [w for w in re.findall(r"[^\W\d_]+", text) if len(w) > 1 and not w.isascii()]
        return sum(lexicon.best_zipf(w.casefold(), _WESTERN_LANGS) for w in found[:200])

    top = known(best[2])
    for entry in scored:
        if entry[2] in _WESTERN_PAGES and entry is not best and known(entry[2]) > top + _WORDS_MARGIN:
            best, top = entry, known(entry[2])
    return best


def _clear_case(data: bytes, name: str) -> bool:
    """Whether some byte reads as a letter in ``name`` but not in cp1252 (ł, not ³):
    a letter only that code page has."""
    for byte in set(data) - set(range(128)):
        raw = bytes([byte])
        ours = raw.decode(name, errors="replace")
        try:
            western = raw.decode("cp1252")
        except UnicodeDecodeError:
            return True
        if _cased(ours) and not _cased(western):
            return True
    return False


def _cased(ch: str) -> bool:
    """A letter with a case (ł, ş; not the ordinal indicators ª º)."""
    return ch.isalpha() and ch.lower() != ch.upper()


def _words_favour_western(data: bytes, name: str) -> bool:
    """When both readings give letters only, whether the words that differ are words
    of a Western language in cp1252 more often than words of ``name``'s languages
    (señor, not seńor; però, not peró)."""
    import re

    from tidyink import lexicon

    ours = re.findall(r"[^\W\d_]+", data.decode(name, errors="replace"))
    western = re.findall(r"[^\W\d_]+", data.decode("cp1252", errors="replace"))
    if len(ours) != len(western):
        return False
    pairs = {(w, o) for w, o in zip(western, ours, strict=True) if w != o}
    votes = 0
    for w, o in list(pairs)[:200]:
        votes += lexicon.reaches(w.casefold(), _WESTERN_LANGS, 2.0)
        votes -= lexicon.reaches(o.casefold(), _LANGS_OF[name], 2.0)
    return votes > 0


def _decode_all(chunks: list[bytes], name: str) -> tuple[str, ...] | None:
    """Decode equal-length byte chunks with a single-byte codec in one call."""
    try:
        text = b"".join(chunks).decode(name)
    except UnicodeDecodeError:
        return None
    width = len(chunks[0]) if chunks else 0
    if len(text) != width * len(chunks):  # not one character per byte
        return None
    return tuple(text[i : i + width] for i in range(0, len(text), width))


def _confidence(points: float, judged: int, rival: float | None) -> float:
    """0..1 from how well the best reading scores and how far ahead of the next it is.

    The lead is a logistic: readings that tie are a coin toss (0.5), a lead of one
    good letter is about 0.9; pages that give the same text (ISO-8859-1 and cp1252
    without bytes 0x80-0x9F) were counted once, so they are no rivals.
    """
    if not judged:
        return 1.0
    quality = min(max(points / judged, 0.0), 1.0)
    separation = 1.0 if rival is None else 1.0 / (1.0 + math.exp(-2.0 * max(points - rival, 0.0)))
    return min(max(quality * separation, 0.01), 0.99)


def _ask_charset_normalizer(data: bytes, limit: int = 3) -> list[str]:
    """charset-normalizer's best few guesses that decode ``data``; CJK only for enough text."""
    from charset_normalizer import from_bytes

    try:
        matches = list(from_bytes(data))[:limit]
    except Exception:  # a detector failure must not stop decoding: we have our own guess
        return []
    high = len(data) - len(data.translate(None, bytes(range(128, 256))))
    names = []
    for match in matches:
        try:
            name = codecs.lookup(match.encoding).name.replace("-", "_")
        except LookupError:
            continue
        if name in _CJK and high < _CJK_MIN_HIGH_BYTES:
            continue
        if _decodes_strict(data, name):
            names.append(name)
    return names


def _decodes_strict(data: bytes, name: str) -> bool:
    try:
        data.decode(name)
    except UnicodeDecodeError:
        return False
    return True
