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
from functools import cache

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
APOSTROPHES_AND_DASHES = "\u2019\u02bc\u2010\u2011\u2013\u2014\u00ad"
# Punctuation that prose rarely uses: worth less than a letter the same byte
# could be in another code page.
RARE_PUNCTUATION = "‚‹›†‡•‰¦§¶¡¿·"
NUMERIC_NEIGHBOURS = "°%‰£€$¥¢¤"

# Per-character verdicts, in points.
GOOD_LETTER = 1.0  # a letter of the text's alphabet (or of its non-Latin script)
OTHER_LETTER = 0.2  # a Latin letter outside that alphabet
WRONG_SCRIPT = -1.0  # a letter of another script than its word's other letters
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
    if word in ("HIRAGANA", "KATAKANA", "HANGUL", "CJK"):
        return "CJK"
    return word


def alphabet(triples: Iterable[tuple[str, int]]) -> str:
    """The accented letters of the language that best covers the judged letters."""
    counts: Counter[str] = Counter()
    for triple, n in triples:
        ch = triple[1]
        if ch.isalpha():
            counts[ch.lower()] += n
    if not counts:
        return ""
    return max(ALPHABETS.values(), key=lambda a: sum(counts[c] for c in a))


def _letter(ch: str, prev: str, nxt: str, letters: str, main_script: str) -> float:
    script = _script(ch)
    if script == "LATIN":
        points = GOOD_LETTER if ch.lower() in letters else OTHER_LETTER
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
    if upper_inside or lower_before_upper:
        points += CASE_BREAK
    return points


def char_points(ch: str, prev: str, nxt: str, letters: str, main_script: str = "LATIN") -> float:
    """Points for one non-ASCII character between ``prev`` and ``nxt`` (" " at an edge)."""
    kind = _kind(ch)
    if kind == "L":
        return _letter(ch, prev, nxt, letters, main_script)
    between_letters = prev.isalpha() and nxt.isalpha()
    near_digit = prev.isdigit() or nxt.isdigit()
    if kind == "P":
        if between_letters:
            return EDGE_PUNCTUATION if ch in APOSTROPHES_AND_DASHES else INNER_PUNCTUATION
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
        return 0.0
    return CONTROL


# Plain code-point ranges, no Unicode classes: the standard ``re`` scans these
# about five times faster than ``regex``.
_TRIPLE = re.compile(r"(?=(.[^\x00-\x7f].))", re.DOTALL)
_BYTE_TRIPLE = re.compile(rb"(?=(.[\x80-\xff].))", re.DOTALL)
_SPACES = str.maketrans("\t\n\r\x0b\x0c", "     ")
_BYTE_SPACES = bytes.maketrans(b"\t\n\r\x0b\x0c", b"     ")


def byte_triples(data: bytes) -> list[tuple[bytes, int]]:
    """Each non-ASCII byte with its neighbours (whitespace and the ends as b" "), counted."""
    padded = b" " + data.translate(_BYTE_SPACES) + b" "
    return Counter(_BYTE_TRIPLE.findall(padded)).most_common()


def text_triples(text: str) -> list[tuple[str, int]]:
    """Each non-ASCII character with its neighbours (whitespace and the ends as " "), counted."""
    padded = " " + text.translate(_SPACES) + " "
    return Counter(_TRIPLE.findall(padded)).most_common()


def main_script(triples: Iterable[tuple[str, int]], ascii_letters: int = 0) -> str:
    """The script of most letters: ``ascii_letters`` (Latin) plus the judged ones."""
    counts: Counter[str] = Counter({"LATIN": ascii_letters})
    for triple, n in triples:
        if triple[1].isalpha():
            counts[_script(triple[1])] += n
    return counts.most_common(1)[0][0]


def score(triples: Iterable[tuple[str, int]], ascii_letters: int = 0) -> tuple[float, int]:
    """Total points and number of judged characters for counted ``(prev+char+next)`` triples.

    ``ascii_letters`` (how many ASCII letters the text has) helps tell which
    script the text is written in.
    """
    triples = list(triples)
    letters = alphabet(triples)
    script = main_script(triples, ascii_letters)
    total = 0.0
    judged = 0
    for (prev, ch, nxt), n in triples:
        total += n * char_points(ch, prev, nxt, letters, script)
        judged += n
    return total, judged


def implausible(text: str, limit: int = 4000) -> list[str]:
    """Up to five frequent words whose non-ASCII characters score as damage."""
    counts = Counter(t for t in text.split() if not t.isascii())
    tokens = counts.most_common(limit)
    triples = text_triples(" ".join(t for t, _ in tokens))
    letters = alphabet(triples)
    script = main_script(triples, sum(1 for ch in text[:20000] if ch.isascii() and ch.isalpha()))
    bad = []
    for token, n in tokens:
        judged = points = 0.0
        for (prev, ch, nxt), k in text_triples(token):
            points += k * char_points(ch, prev, nxt, letters, script)
            judged += k
        if judged and points / judged < -0.5:
            bad.append((n, token))
    bad.sort(key=lambda item: -item[0])
    return [token for _, token in bad[:5]]
