"""The words the safety check compares: a text folded (entities decoded, compatibility
forms and case folded, invisible format characters removed) and cut into runs of
letters, marks and digits, then counted.

A book's two renderings are counted in full on every conversion, so counting takes a
quick path where it can: a text whose characters each fold alone (ASCII, Western
European letters, quotes, dashes) is folded through a byte table and split at every
character that is no letter or digit, without the regular expression (the same
words, in the same order), and two renderings are compared paragraph by paragraph.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from functools import cache
from typing import TypeVar

from tidyink.lazy_regex import compiled
from tidyink.pieces import PIECE, pieces

WORD = compiled(r"[\p{L}\p{N}\p{M}]+")
_INVISIBLE = compiled(r"\p{Cf}+")  # soft hyphens, zero-width characters, BOMs
_ORPHAN_MARKS = compiled(r"(?<![\p{L}\p{N}\p{M}])\p{M}+")  # NFKC makes "˜" a space + combining tilde
_NOT_ASCII = compiled(r"[^\x00-\x7f]+")
_QUICK = 256  # characters: shorter texts are searched for words at once
# ASCII letters and digits (the only ASCII characters of WORD) kept, every other byte a space
_SPLIT = bytes(c if chr(c).isascii() and chr(c).isalnum() else 0x20 for c in range(256))
_LOWER_SPLIT = _SPLIT.lower()  # and capitals made small, as casefolding does
_MARK = compiled(r"\p{M}")
# Western European letters are folded a byte at a time in this code page (with ASCII,
# the words of English, French, German, Spanish... text); any other character is one
# that only separates words, or the text takes the detailed search.
_CODE_PAGE = "cp1252"
_T = TypeVar("_T")


def fold(text: str) -> str:
    """``text`` as the check compares it: entities decoded, compatibility forms and
    case folded, invisible format characters removed."""
    return _fold_decoded(decode(text))


def decode(text: str) -> str:
    """``text`` without invisible format characters, then with its entities decoded (an
    invisible character inside a reference, ``&am\u200dp;``, hides no word ``amp``)."""
    text = _INVISIBLE.sub("", text)
    if "&" not in text:
        return text
    import html  # (imported here: most texts have no entity, and html costs ~1 ms at start-up)

    return html.unescape(text)


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
            if piece.isascii() and "&" not in piece:  # (folded: its capitals made small)
                counts.update(piece.encode("ascii").translate(_LOWER_SPLIT).decode("ascii").split())
            else:
                counts.update(WORD.findall(fold(piece)))
            continue
        found = _folded_bytes(piece, _table(lines=False))
        if found is not None:
            counts.update(_decoded(found).split())
        else:
            counts.update(ascii_words(fold(piece)))
    return counts


def _folded_bytes(text: str, table: bytes, spelled: bool = False) -> bytes | None:
    """``text`` folded, in the code page, each character that is no letter or digit a
    space (``table`` may keep line breaks): when each character outside ASCII is one
    that :func:`_kind` knows how to fold alone; None otherwise. ``spelled``: a dash or
    an ellipsis as the characters it is typed as (as many spaces: the same words).

    Such a character composes with no other (composing takes a mark, or a letter of
    a script the code page lacks), so the text folds as its characters do one by
    one: ASCII capitals made small, the rest as :func:`_kind` says.
    """
    if "&" in text:
        text = decode(text)  # (a reference is a character: it is the one looked at)
    if text.isascii():
        return text.encode("ascii").translate(table)
    first = _NOT_ASCII.search(text)  # (most texts that cannot tell so at once)
    if first and any(_kind(ch) is None for ch in first.group()):
        return None
    letters = False
    for ch in _outside_ascii(text):
        kind = _kind(ch)
        if kind is None:
            return None
        if kind:
            text = text.replace(ch, kind)
        elif spelled and ch in _SPELLED:
            text = text.replace(ch, _SPELLED[ch])
        letters = letters or not _separates(ch)
    # (only separators: each becomes "?", a space, quicker than in the code page)
    return text.encode(_CODE_PAGE if letters else "ascii", "replace").translate(table)


# Characters that only separate words, as typed before typography made them one character
_SPELLED = {"\u2014": "--", "\u2026": "...", "\u2e3a": "----"}


def _decoded(folded: bytes) -> str:
    return folded.decode("ascii" if folded.isascii() else _CODE_PAGE)  # (the same, quicker)


def _outside_ascii(text: str) -> set[str]:
    return set("".join(_NOT_ASCII.findall(text))) if not text.isascii() else set()


def word_difference(before: str, after: str) -> tuple[Counter[str], Counter[str]] | None:
    """The words ``before`` has more of than ``after`` (lost), and those ``after`` has
    more of (added), as :func:`count_words` counts them; None unless both can be
    folded a character at a time (their order may differ from those counts').

    Most paragraphs are the same words on both sides (their quotes, dashes and line
    breaks aside): paragraphs the same on both sides once folded (line breaks as
    spaces, dashes and ellipses as typed) are set aside first, then those the same once reduced to their words one
    space apart (a dash of two hyphens folds into two spaces, of one character into
    one), and only the words of those that one side has and the other has not are
    counted. Setting aside a paragraph both sides have keeps the difference of the
    words: it takes the same words from both.
    """
    old, new = _paragraphs(before), _paragraphs(after)
    if old is None or new is None:
        return None
    old, new = _unmatched(old, new)
    old, new = _unmatched(_reduced(old), _reduced(new))
    return _unmatched(_words_of(old), _words_of(new))


def _unmatched(old: Counter[_T], new: Counter[_T]) -> tuple[Counter[_T], Counter[_T]]:
    """``old - new`` and ``new - old`` (in another order): what only one side has,
    found by set operations (most paragraphs are on both sides, once each)."""
    lost = Counter({p: old[p] for p in old.keys() - new.keys()})
    added = Counter({p: new[p] for p in new.keys() - old.keys()})
    for p in old.keys() & new.keys():
        times = old[p] - new[p]
        if times > 0:
            lost[p] = times
        elif times < 0:
            added[p] = -times
    return lost, added


def _paragraphs(text: str) -> Counter[bytes] | None:
    """Each paragraph of ``text`` (pieces between blank lines) folded, its line breaks
    spaces: how often each occurs (None unless :func:`_folded_bytes` applies)."""
    found: Counter[bytes] = Counter()
    table = _table(lines=True)
    for piece in pieces(text):
        folded = _folded_bytes(piece, table, spelled=True)  # (so more paragraphs match at once)
        if folded is None:
            return None
        # (split at the breaks the table kept, each paragraph's own line breaks then made
        # spaces: the paragraphs of the piece with every lone line break a space)
        found.update([paragraph.replace(b"\n", b" ") for paragraph in folded.split(b"\n\n")])
    return found


def _reduced(paragraphs: Counter[bytes]) -> Counter[bytes]:
    """Each of ``paragraphs`` as its words one space apart, with how often it occurs."""
    found: Counter[bytes] = Counter()
    for paragraph, times in paragraphs.items():
        found[b" ".join(paragraph.split())] += times
    return found


def _words_of(paragraphs: Counter[bytes]) -> Counter[str]:
    counts: Counter[str] = Counter()
    for paragraph, times in paragraphs.items():
        for _ in range(times):
            counts.update(_decoded(paragraph).split())
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


@cache
def _kind(ch: str) -> str | None:
    """How a character outside ASCII folds alone, for :func:`_folded_bytes`: "" when
    the code page's table folds it (a character that only separates words, or a
    letter of the code page that folds into one), the letters it folds into when
    they are to be put in its place (``ß``: ``ss``), None when neither.

    None for an invisible format character (removed: the words beside it join), a
    mark, and a character that folds into one (they compose with their neighbours).
    """
    if _separates(ch):
        return ""
    if _INVISIBLE.match(ch) or _MARK.search(normal := unicodedata.normalize("NFKC", ch)):
        return None
    folded = normal.casefold()
    if _in_code_page(ch) and len(folded) == 1 and _in_code_page(folded) and WORD.match(folded):
        return ""
    if folded and all(c.isascii() or _separates(c) or _kept_letter(c) for c in folded):
        return folded
    return None


def _kept_letter(ch: str) -> bool:
    """A letter of the code page that folding leaves as it is (``é``)."""
    return bool(WORD.match(ch)) and _in_code_page(ch) and _fold_one(ch) == ch and not _MARK.match(ch)


def _fold_one(ch: str) -> str:
    return unicodedata.normalize("NFKC", ch).casefold()


def _in_code_page(ch: str) -> bool:
    try:
        ch.encode(_CODE_PAGE)
    except UnicodeEncodeError:
        return False
    return True


@cache
def _table(lines: bool) -> bytes:
    """Each byte of the code page: an ASCII letter or digit in lower case, a letter
    as it folds (``É``: ``é``), anything else a space (or kept, a line break)."""
    out = bytearray(_LOWER_SPLIT)
    for byte in range(0x80, 0x100):
        try:
            ch = bytes([byte]).decode(_CODE_PAGE)
        except UnicodeDecodeError:
            continue
        if WORD.match(ch) and _kind(ch) == "":
            out[byte] = _fold_one(ch).encode(_CODE_PAGE)[0]
    if lines:
        out[0x0A] = 0x0A
    return bytes(out)


def ascii_words(folded: str) -> list[str]:
    """``WORD.findall(folded)``, found faster when every word is ASCII (an English
    text's curly quotes and dashes are no word characters): each other character
    becomes a space and the text is split at the spaces."""
    if any(map(WORD.match, _outside_ascii(folded))):
        return WORD.findall(folded)
    return folded.encode("ascii", "replace").translate(_SPLIT).decode("ascii").split()

