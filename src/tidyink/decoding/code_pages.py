"""Which single-byte code page (or, failing all, which other encoding) bytes are in.

Every candidate page that decodes the bytes is scored on how plausible its
reading is as prose (:mod:`tidyink.decoding.plausibility`); word lists settle
close calls between Western and Central European pages and between the
Western pages on short texts; charset-normalizer is asked only when no page
reads well.
"""

from __future__ import annotations

import codecs
import math
from functools import cache

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

_ASCII_LETTERS = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"


def guess_single_byte(data: bytes) -> tuple[str, float, str]:
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
    from tidyink import lexicon

    at = _high_bytes(data)
    sums: dict[str, float] = {}

    def known(name: str) -> float:
        """How common the reading's words beyond ASCII are, Zipf points summed."""
        if name not in sums:
            text = data.decode(name, errors="replace")
            same = at is not None and len(text) == len(data) and _byte_for_char(name)
            found = words_beyond_ascii(text, 200, at if same else None)
            sums[name] = sum(lexicon.best_zipf(w.casefold(), _WESTERN_LANGS) for w in found)
        return sums[name]

    top = known(best[2])
    for entry in scored:
        if entry[2] in _WESTERN_PAGES and entry is not best and known(entry[2]) > top + _WORDS_MARGIN:
            best, top = entry, known(entry[2])
    return best


def words_beyond_ascii(text: str, limit: int, at: list[int] | None = None) -> list[str]:
    """The first ``limit`` words of two letters or more with a letter beyond ASCII, in
    order: ``[w for w in re.findall(r"[^\\W\\d_]+", text) if len(w) > 1 and not
    w.isascii()][:limit]``, found from the characters beyond ASCII outwards (a text
    read here has few of them, and most of its words are never made). ``at``: where
    those characters are, when known (else they are searched for)."""
    import re

    letter = re.compile(r"[^\W\d_]")
    rest = re.compile(r"[^\W\d_]*")
    found: list[str] = []
    end = 0  # the end of the last word taken
    for i in at if at is not None else (m.start() for m in re.finditer(r"[^\x00-\x7f]", text)):
        if i < end or not letter.match(text, i):
            continue  # in the word just taken, or no letter
        start = i
        while start > 0 and letter.match(text, start - 1):
            start -= 1
        end = rest.match(text, i).end()  # type: ignore[union-attr]
        if end - start > 1:
            found.append(text[start:end])
            if len(found) >= limit:
                break
    return found


_MANY_HIGH_BYTES = 2_000  # past this many, the characters beyond ASCII are searched in each reading


def _high_bytes(data: bytes) -> list[int] | None:
    """Where ``data``'s bytes beyond ASCII are, in order (a search per distinct byte,
    in C); None when there are many of them (a reading's first words are then found
    sooner in the text itself)."""
    high = data.translate(None, _ASCII)
    if len(high) > _MANY_HIGH_BYTES:
        return None
    at: list[int] = []
    for byte in set(high):
        i = data.find(byte)
        while i >= 0:
            at.append(i)
            i = data.find(byte, i + 1)
    at.sort()
    return at


_ASCII = bytes(range(128))


@cache
def _byte_for_char(name: str) -> bool:
    """Whether code page ``name`` reads each byte as one character (errors replaced),
    ASCII bytes as themselves and the others as characters beyond ASCII: then a
    reading's characters beyond ASCII sit where the bytes beyond ASCII do."""
    high = bytes(range(128, 256)).decode(name, errors="replace")
    return (
        _ASCII.decode(name, errors="replace") == _ASCII.decode("ascii")
        and len(high) == 128
        and not any(ch.isascii() for ch in high)
    )


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
