"""The words the safety check compares: a text folded (entities decoded, compatibility
forms and case folded, invisible format characters removed) and cut into runs of
letters, marks and digits, then counted.

A book's two renderings are counted in full on every conversion, so counting takes a
quick path where it can: a text whose words are all ASCII is split at every other
character, without the regular expression (the same words, in the same order).
"""

from __future__ import annotations

import html
import unicodedata
from collections import Counter
from functools import cache

import regex

from tidyink.pieces import PIECE, pieces

WORD = regex.compile(r"[\p{L}\p{N}\p{M}]+")
_INVISIBLE = regex.compile(r"\p{Cf}+")  # soft hyphens, zero-width characters, BOMs
_ORPHAN_MARKS = regex.compile(r"(?<![\p{L}\p{N}\p{M}])\p{M}+")  # NFKC makes "˜" a space + combining tilde
_NOT_ASCII = regex.compile(r"[^\x00-\x7f]+")
_QUICK = 256  # characters: shorter texts are searched for words at once
# ASCII letters and digits (the only ASCII characters of WORD) kept, every other byte a space
_SPLIT = bytes(c if chr(c).isascii() and chr(c).isalnum() else 0x20 for c in range(256))
_LOWER_SPLIT = _SPLIT.lower()  # and capitals made small, as casefolding does
_LINES = _LOWER_SPLIT[:10] + b"\n" + _LOWER_SPLIT[11:]  # and line breaks kept


def fold(text: str) -> str:
    """``text`` as the check compares it: entities decoded, compatibility forms and
    case folded, invisible format characters removed."""
    return _fold_decoded(decode(text))


def decode(text: str) -> str:
    """``text`` without invisible format characters, then with its entities decoded (an
    invisible character inside a reference, ``&am\u200dp;``, hides no word ``amp``)."""
    text = _INVISIBLE.sub("", text)
    return html.unescape(text) if "&" in text else text


def _fold_decoded(text: str) -> str:
    return _ORPHAN_MARKS.sub("", unicodedata.normalize("NFKC", text)).casefold()


def words(text: str) -> list[str]:
    """The folded words (runs of letters, marks and digits) of ``text``."""
    return WORD.findall(fold(text))


def count_words(text: str, size: int = PIECE) -> Counter[str]:
    """How often each of :func:`words` of ``text`` occurs (counted a piece at a time:
    a book's folded copy and list of words would take several times its size)."""
    counts: Counter[str] = Counter()
    for piece in pieces(text, size):
        if len(piece) < _QUICK:
            counts.update(WORD.findall(fold(piece)))
            continue
        decoded = decode(piece) if "&" in piece else piece
        first = _NOT_ASCII.search(decoded)  # (letters outside ASCII: the detailed search at once)
        if first and any(map(WORD.match, first.group())):
            counts.update(WORD.findall(fold(piece)))
        elif all(map(_separates, _outside_ascii(decoded))):
            counts.update(_split_ascii(decoded))
        else:
            counts.update(ascii_words(fold(piece)))
    return counts


def unfolded_words(text: str) -> list[str] | None:
    """:func:`words` of ``text`` without folding it, when each of its characters other
    than ASCII ones only separates words (None otherwise).

    Such a character (a curly quote, a dash) folds, alone, into characters none of
    which is a letter, mark or digit, and no other character composes with it or with
    what it folds into (composing takes a mark or a letter): folding the whole text
    then only makes its ASCII capitals small, and its words are its runs of ASCII
    letters and digits.
    """
    if "&" in text:
        text = decode(text)  # (a reference is a character: it is the one looked at)
    return _split_ascii(text) if all(map(_separates, _outside_ascii(text))) else None


def _outside_ascii(text: str) -> set[str]:
    return set("".join(_NOT_ASCII.findall(text))) if not text.isascii() else set()


def _split_ascii(text: str) -> list[str]:
    """The runs of ASCII letters and digits of ``text``, in lower case."""
    return text.encode("ascii", "replace").translate(_LOWER_SPLIT).decode("ascii").split()


def word_difference(before: str, after: str) -> tuple[Counter[str], Counter[str]] | None:
    """The words ``before`` has more of than ``after`` (lost), and those ``after`` has
    more of (added), as :func:`count_words` counts them; None unless
    :func:`unfolded_words` applies to both (their order may differ from those counts').

    Most paragraphs are the same words on both sides (their quotes, dashes and line
    breaks aside): each paragraph is reduced to its words, and only the words of those
    that one side has and the other has not are counted.
    """
    old, new = _paragraphs(before), _paragraphs(after)
    if old is None or new is None:
        return None
    lost, added = _words_of(old - new), _words_of(new - old)
    return lost - added, added - lost


def _paragraphs(text: str) -> Counter[bytes] | None:
    """Each paragraph of ``text`` (pieces between blank lines) as its words, lower
    case, one space apart: how often each occurs (None unless
    :func:`unfolded_words` applies)."""
    found: Counter[bytes] = Counter()
    for piece in pieces(text):
        if "&" in piece:
            piece = decode(piece)
        if not all(map(_separates, _outside_ascii(piece))):
            return None
        split = piece.encode("ascii", "replace").translate(_LINES).split(b"\n\n")
        found.update(b" ".join(paragraph.split()) for paragraph in split)
    return found


def _words_of(paragraphs: Counter[bytes]) -> Counter[str]:
    counts: Counter[str] = Counter()
    for paragraph, times in paragraphs.items():
        for _ in range(times):
            counts.update(paragraph.decode("ascii").split())
    return counts


@cache
def _separates(ch: str) -> bool:
    """Whether ``ch``, folded alone, is characters that are no letter, mark or digit
    (and not nothing: it still separates the words beside it)."""
    if WORD.match(ch) or _INVISIBLE.match(ch):
        return False
    normal = unicodedata.normalize("NFKC", ch)
    folded = normal.casefold()
    return bool(folded) and not WORD.search(normal) and not WORD.search(folded)


def ascii_words(folded: str) -> list[str]:
    """``WORD.findall(folded)``, found faster when every word is ASCII (an English
    text's curly quotes and dashes are no word characters): each other character
    becomes a space and the text is split at the spaces."""
    if any(map(WORD.match, _outside_ascii(folded))):
        return WORD.findall(folded)
    return folded.encode("ascii", "replace").translate(_SPLIT).decode("ascii").split()
