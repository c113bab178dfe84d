"""How plausible a decoding of non-UTF-8 bytes is as prose.

Look-alike code pages differ only in the characters they give to bytes
0x80-0xFF, so only those characters are judged, each in its context (the
characters either side of it in its whitespace-delimited token):

* a letter is good, better when it belongs to the alphabet of the language
  whose accented letters best cover the whole text (so cp1252 French, where
  é è à ç ô all fit French, beats cp1250 French, where è à become č ŕ that
  no single language uses together with ç);
* an upper-case letter after a lower-case one inside a word is bad
  (``naÚve``, ``rŽpondre``: what DOS and Mac text looks like in cp1252), and
  so is a letter glued after a comma or full stop (``said,î``: cp1252 quotes
  read as mac_roman);
* punctuation is good at a word's edge, bad between two letters (except
  apostrophes and dashes);
* symbols, modifier accents and box drawing are bad next to letters;
* control, private-use and unassigned characters are very bad.

The score is the sum over all such characters; :func:`score` returns it with
the count, so callers can compare candidates and derive a confidence.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from functools import cache, lru_cache

# Accented letters (lower case) of languages written in Latin script. The
# alphabet that covers most of a text's accented letters is "its" alphabet.
ALPHABETS: dict[str, str] = {
    "fr": "àâæçéèêëîïôœùûüÿ",
    "de": "äöüß",
    "es": "áéíñóúü",
    "it": "àèéìíîòóùú",
    "pt": "áâãàçéêíóôõú",
    "nl": "éëïöüèáóú",
    "ca": "àçèéíïòóú",
    "sv": "åäöé",
    "da": "æøåé",
    "fi": "äöå",
    "is": "áéíóúýþæöð",
    "cs": "áčďéěíňóřšťúůýž",
    "sk": "áäčďéíĺľňóôŕšťúýž",
    "pl": "ąćęłńóśźż",
    "hu": "áéíóöőúüű",
    "ro": "ăâîșțşţ",
    "hr": "čćđšž",
    "tr": "çğıöşüâî",
    "lv": "āčēģīķļņšūž",
    "lt": "ąčęėįšųūž",
}
# Western languages are what this tool mostly reads: their alphabets score
# fully, others a little less, so one ambiguous letter tips to the West.
WESTERN = frozenset({"fr", "de", "es", "it", "pt", "nl", "ca", "sv", "da", "fi", "is"})
OTHER_ALPHABET_WEIGHT = 0.9
APOSTROPHES_AND_DASHES = "\u2019\u02bc\u2010\u2011\u2013\u2014\u00ad"
# Punctuation that prose rarely uses: worth less than a letter the same byte
# could be in another code page.
RARE_PUNCTUATION = "‚‹›†‡•‰¦§¶¡¿·"
NUMERIC_NEIGHBOURS = "°%‰£€$¥¢¤"

# Per-character verdicts, in points.
GOOD_LETTER = 1.0  # a letter of the text's alphabet (or of its non-Latin script)
OTHER_LETTER = 0.2  # a Latin letter outside that alphabet
WRONG_SCRIPT = -2.0  # a letter of another script than its word's other letters
CASE_BREAK = -1.5  # an upper-case letter straight after a lower-case one
LETTER_BESIDE_SYMBOL = -1.0
EDGE_PUNCTUATION = 1.0  # quotes, dashes, … where words begin or end
RARE_EDGE_PUNCTUATION = 0.5
FOREIGN_LETTER = 0.2  # a lone letter of another script than the text's
AFTER_STOP = -1.0  # a letter glued after . , ; : ! ? or a closing bracket
INNER_PUNCTUATION = -1.0
INNER_SYMBOL = -1.5
EDGE_SYMBOL = 0.0
LONE_MODIFIER = -0.5  # a spacing accent on its own: ˆ ˜ ¨ ´
NUMERIC = 1.0  # ½ ² ° € next to a digit
DRAWING = 0.5  # box drawing among box drawing or spaces
STRAY_DRAWING = -2.0
CONTROL = -3.0
SPACE = 1.0  # a no-break or other Unicode space: as common in prose as a letter
# In Latin-script prose accented letters are a minority (French about 4% of
# letters, German 2%, Czech 10%); above this share, letters earn less.
MAX_ACCENTED_SHARE = 0.2
ACCENTED_SLACK = 5  # short texts say little about shares


@cache
def _kind(ch: str) -> str:
    """A coarse class: L(etter), D(igit), P(unct), S(ymbol), B(ox), Z(space), C(ontrol)."""
    if ch == " ":
        return "Z"
    if "\u2500" <= ch <= "\u259f" or "\u25a0" <= ch <= "\u25ff":
        return "B"
    cat = unicodedata.category(ch)
    if cat[0] == "L":
        return "L"
    if cat[0] == "N":
        return "D"
    if cat[0] == "P":
        return "P"
    if cat[0] == "S":
        return "S"
    if cat[0] == "Z":
        return "Z"
    if ch in "\t\n\r\f":
        return "Z"
    return "C"


@cache
def _script(ch: str) -> str:
    """The first word of the character's Unicode name (LATIN, GREEK, CYRILLIC, CJK, ...)."""
    if ch.isascii():
        return "LATIN"
    name = unicodedata.name(ch, "")
    if "ORDINAL INDICATOR" in name:  # ª º as in nº, 1ª
        return "LATIN"
    word = name.split(" ", 1)[0]
    if word in ("HIRAGANA", "KATAKANA", "CJK", "HALFWIDTH", "FULLWIDTH"):
        return "CJK"  # Japanese mixes kanji and kana; Korean (HANGUL) stays apart
    return word


def _weight(language: str) -> float:
    return 1.0 if language in WESTERN else OTHER_ALPHABET_WEIGHT


@cache
def _common_hangul(ch: str) -> bool:
    """Whether a Hangul syllable is among the 2,350 of KS X 1001 (everyday Korean)."""
    try:
        return len(ch.encode("euc_kr")) == 2  # others take an 8-byte composed sequence
    except UnicodeEncodeError:
        return False


def alphabet(contexts: Iterable[tuple[str, int]]) -> tuple[str, float]:
    """The accented letters (and weight) of the language that best covers the judged letters."""
    counts: Counter[str] = Counter()
    for context, n in contexts:
        ch = context[1]
        if ch.isalpha():
            counts[ch.lower()] += n
    if not counts:
        return "", 1.0
    best = max(ALPHABETS, key=lambda lang: _weight(lang) * sum(counts[c] for c in ALPHABETS[lang]))
    return ALPHABETS[best], _weight(best)


def _letter(ch: str, prev: str, nxt: str, after: str, letters: str, main_script: str) -> float:
    script = _script(ch)
    if script == "LATIN":
        points = GOOD_LETTER if ch.lower() in letters else OTHER_LETTER
    elif script == "HANGUL" and not _common_hangul(ch):
        points = OTHER_LETTER
    elif script == main_script or _script(prev) == script or _script(nxt) == script:
        points = GOOD_LETTER
    else:
        points = FOREIGN_LETTER
    for other in (prev, nxt):
        kind = _kind(other)
        if kind == "L" and _script(other) != script:
            points = min(points, WRONG_SCRIPT)
        elif kind in "BS" and other not in NUMERIC_NEIGHBOURS:
            points += LETTER_BESIDE_SYMBOL
        elif kind == "D":
            points -= 0.5
    if prev in ".,;:!?)]}":
        points += AFTER_STOP
    upper_inside = ch.isupper() and prev.isalpha() and (prev.islower() or nxt.islower())
    lower_before_upper = ch.islower() and nxt.isalpha() and nxt.isupper()
    two_capitals = ch.isupper() and nxt.isupper() and after.islower()  # "ÒWhen"
    if upper_inside or lower_before_upper or two_capitals:
        points += CASE_BREAK
    return points


@lru_cache(maxsize=1 << 16)  # the same contexts recur across candidates and files
def char_points(
    ch: str, prev: str, nxt: str, after: str = " ", letters: str = "", main_script: str = "LATIN"
) -> float:
    """Points for non-ASCII ``ch`` between ``prev`` and ``nxt`` (then ``after``); " " = edge."""
    kind = _kind(ch)
    if kind == "L":
        return _letter(ch, prev, nxt, after, letters, main_script)
    between_letters = prev.isalpha() and nxt.isalpha()
    near_digit = prev.isdigit() or nxt.isdigit()
    if kind == "P":
        if between_letters:
            if ch in APOSTROPHES_AND_DASHES or _script(prev) == _script(nxt) == "CJK":
                return EDGE_PUNCTUATION  # CJK writes no spaces: 、。 sit between letters
            return INNER_PUNCTUATION
        return RARE_EDGE_PUNCTUATION if ch in RARE_PUNCTUATION else EDGE_PUNCTUATION
    if kind == "D":
        if near_digit or not (prev.isalpha() or nxt.isalpha()):
            return NUMERIC
        return INNER_SYMBOL
    if kind == "S":
        currency = unicodedata.category(ch) == "Sc"
        if near_digit and (ch in NUMERIC_NEIGHBOURS or currency):
            return NUMERIC
        if prev.isalpha() or nxt.isalpha():
            return INNER_SYMBOL
        if currency:
            return NUMERIC
        return LONE_MODIFIER if unicodedata.category(ch) == "Sk" else EDGE_SYMBOL
    if kind == "B":
        if _kind(prev) in "BZ" and _kind(nxt) in "BZ":
            return DRAWING
        return STRAY_DRAWING
    if kind == "Z":
        return SPACE
    return CONTROL


# Plain code-point ranges, no Unicode classes: the standard ``re`` scans these
# about five times faster than ``regex``.
_CONTEXT = re.compile(r"(?=(.[^\x00-\x7f]..))", re.DOTALL)
_BYTE_CONTEXT = re.compile(rb"(?=(.[\x80-\xff]..))", re.DOTALL)
_SPACES = str.maketrans("\t\n\r\x0b\x0c", "     ")
_BYTE_SPACES = bytes.maketrans(b"\t\n\r\x0b\x0c", b"     ")


# The last context byte only matters as lower case / other (two capitals then
# lower case): folding the ASCII ones keeps the number of distinct contexts low.
_FOLD_AFTER = bytes(
    (ord("a") if chr(b).islower() else ord(" ")) if b < 128 else b for b in range(256)
)


def byte_contexts(data: bytes) -> list[tuple[bytes, int]]:
    """Each non-ASCII byte with one byte before and two after (whitespace, ends: b" "), counted."""
    padded = b" " + data.translate(_BYTE_SPACES) + b"  "
    counts: Counter[bytes] = Counter()
    for context, n in Counter(_BYTE_CONTEXT.findall(padded)).items():
        counts[context[:3] + _FOLD_AFTER[context[3]].to_bytes(1, "big")] += n
    return counts.most_common()


def text_contexts(text: str) -> list[tuple[str, int]]:
    """Each non-ASCII character with one character before and two after, counted."""
    padded = " " + text.translate(_SPACES) + "  "
    return Counter(_CONTEXT.findall(padded)).most_common()


def main_script(contexts: Iterable[tuple[str, int]], ascii_letters: int = 0) -> str:
    """The script of most letters: ``ascii_letters`` (Latin) plus the judged ones."""
    counts: Counter[str] = Counter({"LATIN": ascii_letters})
    for context, n in contexts:
        if context[1].isalpha():
            counts[_script(context[1])] += n
    return counts.most_common(1)[0][0]


def score(contexts: Iterable[tuple[str, int]], ascii_letters: int = 0) -> tuple[float, int]:
    """Total points and number of judged characters for counted contexts (see text_contexts).

    ``ascii_letters`` (how many ASCII letters the text has) helps tell which
    script the text is written in.
    """
    contexts = list(contexts)
    letters, weight = alphabet(contexts)
    script = main_script(contexts, ascii_letters)
    accented = sum(n for c, n in contexts if _is_latin_letter(c[1]))
    allowed = MAX_ACCENTED_SHARE * (accented + ascii_letters) + ACCENTED_SLACK
    damping = min(1.0, allowed / accented) if script == "LATIN" and accented else 1.0
    total = 0.0
    judged = 0
    for (prev, ch, nxt, after), n in contexts:
        points = char_points(ch, prev, nxt, after, letters, script)
        if points > 0 and _is_latin_letter(ch):
            points *= damping * weight
        total += n * points
        judged += n
    return total, judged


@cache
def _is_latin_letter(ch: str) -> bool:
    return ch.isalpha() and _script(ch) == "LATIN"


_EDGE_PUNCT = "\"'()[]{}<>.,;:!?"


def implausible(text: str, limit: int = 4000) -> list[str]:
    """Up to five frequent words whose non-ASCII characters score as damage."""
    counts = Counter(t for t in text.split() if not t.isascii())
    tokens = counts.most_common(limit)
    contexts = text_contexts(" ".join(t for t, _ in tokens))
    letters, _ = alphabet(contexts)
    script = main_script(contexts, sum(1 for ch in text[:20000] if ch.isascii() and ch.isalpha()))
    bad = []
    for token, n in tokens:
        judged = points = 0.0
        for (prev, ch, nxt, after), k in text_contexts(token):
            points += k * char_points(ch, prev, nxt, after, letters, script)
            judged += k
        if judged and points / judged < 0:
            bad.append((n, token.strip(_EDGE_PUNCT)))
    bad.sort(key=lambda item: -item[0])
    return [token for _, token in bad[:5]]
