"""Single-byte code-page mix-ups, and the word test that decides a repair.

A mix-up is text written in one code page (``true``) whose bytes were read as
another (``read_as``). Each byte then became one wrong character, so a repair is
a one-to-one character table: ``table[wrong] = right``. Whether a token really
is damaged is decided by words: the repaired form must be a known word (in the
lexicon, or used elsewhere in the same document) and the damaged form must not.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from functools import cache

import regex

from tidyink import lexicon

LANGS = ("en", "fr", "de", "es", "pt")
KNOWN_ZIPF = 1.5  # a repaired word must be at least this common (or in the document)
DAMAGED_ZIPF = 1.0  # a word this common is taken as correct and never changed
SHORT_ZIPF = 2.5  # the same for one- and two-letter words with accents
GLUED_ZIPF = 3.0  # a common word that a trailing mark completes: est‡ → está

# (label, code page the text was written in, code page its bytes were read as)
MIXUPS: tuple[tuple[str, str, str], ...] = (
    ("cp1252 read as cp850", "cp1252", "cp850"),
    ("cp1252 read as cp437", "cp1252", "cp437"),
    ("mac_roman read as cp1252", "mac_roman", "cp1252"),
    ("cp1252 read as mac_roman", "cp1252", "mac_roman"),
)
C1_LABEL = "cp1252 read as latin-1 (C1 control)"

WORD = regex.compile(r"[\p{L}\p{M}]+(?:['\u2019][\p{L}\p{M}]+)*")
TOKEN = regex.compile(r"\S+")
_CLITICS = frozenset({"s", "t", "ll", "re", "ve", "d", "m"})
_MIXED_CASE = regex.compile(r"\p{Ll}(?![A-Z])\p{Lu}")
# What wraps a word without being part of it.
EDGE_PUNCT = "\"'`“”‘’„‚«»‹›()[]{}.,;:!?…—–-*_"
# What a damaged letter may turn into when the repair is punctuation only.
TYPOGRAPHIC = frozenset("“”‘’„‚«»‹›—–…•·")


@dataclass(frozen=True)
class Mixup:
    label: str
    table: dict[int, str]  # for str.translate
    keys: frozenset[str]


@cache
def mixups() -> tuple[Mixup, ...]:
    out = []
    for label, true, read_as in MIXUPS:
        table: dict[int, str] = {}
        for byte in range(0x80, 0x100):
            raw = bytes([byte])
            try:
                right = raw.decode(true)
            except UnicodeDecodeError:
                continue
            # Bytes a code page leaves undefined are read as C1 controls (as browsers do).
            wrong = raw.decode(read_as, errors="ignore") or chr(byte)
            if wrong != right:
                table[ord(wrong)] = right
        out.append(Mixup(label, table, frozenset(chr(k) for k in table)))
    return tuple(out)


@cache
def c1_table() -> dict[int, str]:
    """C1 controls that stand for a cp1252 character (0x80-0x9F read as latin-1)."""
    table = {}
    for byte in range(0x80, 0xA0):
        try:
            table[byte] = bytes([byte]).decode("cp1252")
        except UnicodeDecodeError:
            continue
    return table


@cache
def suspects() -> frozenset[str]:
    """Every character that some mix-up can produce."""
    keys: set[str] = set()
    for m in mixups():
        keys |= m.keys
    return frozenset(keys)


@cache
def suspect_tokens() -> re.Pattern[str]:
    """Whitespace-delimited tokens holding a suspect character or a C1 control."""
    chars = re.escape("".join(sorted(c for c in suspects() if not c.isspace())))
    return re.compile(rf"(?<!\S)\S*[{chars}\x80-\x9f]\S*")


@cache
def _suspect_char() -> re.Pattern[str]:
    chars = re.escape("".join(sorted(c for c in suspects() if not c.isspace())))
    return re.compile(rf"[{chars}\x80-\x9f]")


_TOKEN_REST = re.compile(r"\S*")


def find_suspect_tokens(text: str) -> list[str]:
    """``suspect_tokens().findall(text)``, found from the suspect characters outwards:
    most of a text's tokens hold none, and are then never matched one by one."""
    if "\x85" in text:  # a C1 control that is also white space: the pattern's own way
        return suspect_tokens().findall(text)
    out: list[str] = []
    end = 0
    for m in _suspect_char().finditer(text):
        i = m.start()
        if i < end:
            continue  # another suspect character of the token just taken
        start = i
        while start and not text[start - 1].isspace():
            start -= 1
        end = _TOKEN_REST.match(text, i).end()  # type: ignore[union-attr]
        out.append(text[start:end])
    return out


C1 = re.compile("[\x80-\x9f]")
# Invisible characters that hide a word from the lexicon (removed by ``invisibles``,
# which runs later); the word test looks through them.
HIDDEN = re.compile(
    "[\x00-\x08\x0e-\x1f\x7f\u00ad\u061c\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]"
)


# Words for the document's vocabulary (``re`` is much faster than ``regex`` here).
VOCAB_WORD = re.compile(r"[^\W\d_]+(?:['\u2019][^\W\d_]+)*")


@dataclass
class Lexicon:
    """Known words: the shared lexicon plus the words of the document itself."""

    vocabulary: Collection[str] | None = None  # None: built by ``words_of`` when first needed
    words_of: Callable[[], Collection[str]] | None = None
    langs: tuple[str, ...] = LANGS
    lang: str = "en"  # the document's main language
    _cache: dict[str, float] = field(default_factory=dict)

    def zipf(self, word: str) -> float:
        key = word.casefold()
        value = self._cache.get(key)
        if value is None:
            value = lexicon.best_zipf(key, self.langs)
            if value == 0.0 and ("'" in key or "\u2019" in key):
                value = self._elision(key)
            self._cache[key] = value
        return value

    def reaches(self, word: str, threshold: float) -> bool:
        """``zipf(word) >= threshold``, loading further languages only while needed."""
        key = word.casefold()
        value = self._cache.get(key)
        if value is not None or "'" in key or "\u2019" in key:
            return self.zipf(word) >= threshold
        if lexicon.reaches(key, self.langs, threshold):
            return True
        self._cache[key] = lexicon.best_zipf(key, self.langs)  # every list is loaded by now
        return self._cache[key] >= threshold

    def primary(self, word: str) -> float:
        """Zipf frequency in the document's main language."""
        parts = [p for p in regex.split(r"['\u2019]", word) if p] or [word]
        return min(lexicon.zipf(p, self.lang) for p in parts)

    def _elision(self, key: str) -> float:
        """l'été, qu'il, don't: a short elided word or a clitic joined to a known word."""
        parts = regex.split(r"['\u2019]", key)
        if len(parts) != 2 or not all(parts):
            return 0.0
        head, tail = parts
        if len(head) <= 3 and head.isascii():
            return min(lexicon.best_zipf(head, self.langs), lexicon.best_zipf(tail, self.langs))
        if tail in _CLITICS:
            return lexicon.best_zipf(head, self.langs)
        return 0.0

    def known(self, word: str) -> bool:
        if self.reaches(word, KNOWN_ZIPF):
            return True
        if self.vocabulary is None:
            self.vocabulary = self.words_of() if self.words_of else set()
        return word.casefold() in self.vocabulary

    def correct(self, word: str) -> bool:
        """Whether a word as it stands is to be trusted (never changed)."""
        if _MIXED_CASE.search(word):
            return False  # tÚ, volontÚ: a capital inside a lower-case word
        if any(0xFB00 <= ord(c) < 0xFB50 for c in word):
            return False  # ﬂe: a ligature is a letter only to Unicode
        if len(word) <= 2 and not word.isascii():
            return self.reaches(word, SHORT_ZIPF)  # wordfreq lists junk such as "çn"
        return self.reaches(word, DAMAGED_ZIPF)


def words(token: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in WORD.finditer(token)]


def _odd(ch: str) -> bool:
    """A character that prose does not use inside words: symbols, box drawing,
    superscripts and fractions, controls."""
    cat = unicodedata.category(ch)
    return cat[0] in "SC" or cat == "No" or 0x2500 <= ord(ch) < 0x25A0


def _inside(text: str, i: int) -> bool:
    return 0 < i < len(text) - 1 and text[i - 1].isalpha() and text[i + 1].isalpha()


_OPENING = "“‘„‚«‹"
_CLOSING = "”’»›…"


def _fits(text: str, i: int) -> bool:
    """Whether typographic punctuation at ``text[i]`` sits where such a mark goes."""
    ch = text[i]
    if ch in "—–":
        return True
    if ch in _OPENING:
        return not any(c.isalnum() for c in text[:i])
    if ch == "’" and _inside(text, i):
        return True  # an apostrophe: don’t, l’été
    if ch in _CLOSING:
        return not any(c.isalnum() for c in text[i + 1 :])
    return ch in TYPOGRAPHIC


def _glued(token: str, start: int, end: int) -> bool:
    """A one-letter word stuck to punctuation or symbols (never a word of its own)."""
    if end - start != 1 or (start, end) == (0, len(token)):
        return False
    before = token[start - 1] if start else ""
    after = token[end] if end < len(token) else ""
    return "-" not in (before, after)


def candidate(token: str) -> bool:
    """Whether ``token`` could pass :func:`judge` under some mix-up: it holds a
    suspect letter, a suspect symbol, or suspect punctuation between letters."""
    keys = suspects()
    return any(ch in keys and (ch.isalpha() or _odd(ch) or _inside(token, i)) for i, ch in enumerate(token))


def plainly_correct(token: str, lex: Lexicon) -> bool:
    """Correct words and ordinary punctuation only: no mix-up can pass :func:`judge`."""
    found = words(token)
    keys = suspects()
    for i, ch in enumerate(token):
        if _odd(ch) or (not ch.isalpha() and _inside(token, i)):
            return False
        if ch in keys and not ch.isalpha() and _next_to_letter(token, i):
            return False  # may complete a word (est‡ → está): judge it in full
    return all(not _glued(token, s, e) and lex.correct(w) for s, e, w in found)


def _next_to_letter(text: str, i: int) -> bool:
    return (i > 0 and text[i - 1].isalpha()) or (i + 1 < len(text) and text[i + 1].isalpha())


def _completes(fixed: str, i: int, lex: Lexicon) -> bool:
    """Whether the letter at ``fixed[i]`` ends or starts a common word it is glued to."""
    glued = (i > 0 and fixed[i - 1].isalpha()) or (i + 1 < len(fixed) and fixed[i + 1].isalpha())
    if not glued:
        return False
    for start, end, word in words(fixed):
        if start <= i < end:
            return end - start >= 3 and lex.reaches(word, GLUED_ZIPF)
    return False


def erases_a_word(token: str, fixed: str) -> bool:
    """Whether the repair turns a letter of a real word (in any supported language)
    into punctuation: Übung → ‹bung, "—à la" → "—… la".

    One-letter words count only when they stand alone (between spaces or
    dashes), since single letters glued to punctuation are typical damage. Every
    word list may be loaded here, but only for such rare letter-to-mark repairs.
    """
    for start, end, word in words(token):
        changed = [i for i in range(start, end) if token[i] != fixed[i] and not fixed[i].isalpha()]
        if not changed:
            continue
        if end - start == 1:
            before = token[start - 1] if start else " "
            after = token[end] if end < len(token) else " "
            if not (before in " —–-" and after in " —–-"):
                continue
            if lexicon.reaches(word, LANGS, SHORT_ZIPF):
                return True
        elif lexicon.reaches(word, LANGS, KNOWN_ZIPF):
            return True
    return False


def judge(token: str, fixed: str, lex: Lexicon) -> bool:
    """Whether ``fixed`` (same length as ``token``) is the repair of a damaged ``token``."""
    changed = [i for i, (a, b) in enumerate(zip(token, fixed, strict=True)) if a != b]
    if not changed:
        return False
    bare = token.strip(EDGE_PUNCT)
    if bare and lex.correct(bare) and not lex.known(fixed.strip(EDGE_PUNCT)):
        return False
    # The damaged form must look damaged: a changed character in an unknown
    # word (a single letter glued to other characters is never a word), a
    # symbol, or punctuation wedged between letters. A known word is never changed.
    evidence = False
    for start, end, word in words(token):
        if any(start <= i < end for i in changed):
            if not _glued(token, start, end) and lex.correct(word):
                return False
            evidence = True
    for i in changed:
        ch = token[i]
        wedged = not ch.isalpha() and _inside(token, i)
        completes = not ch.isalpha() and fixed[i].isalpha() and _completes(fixed, i, lex)
        if _odd(ch) or wedged or completes:
            evidence = True
        # A letter may only become typographic punctuation; between letters,
        # only a dash or an apostrophe.
        new = fixed[i]

        if not new.isalpha() and not _fits(fixed, i):
            return False  # punctuation must land where such a mark goes
        if _odd(new) and not _odd(ch):
            return False  # a repair that makes symbols out of text is no repair
        if not new.isalpha() and _inside(fixed, i) and new not in "—–'\u2019":
            return False
    if not evidence:
        return False
    old_words = Counter(w for _, _, w in words(token))
    new = words(fixed)
    fresh = [(s, e, w) for s, e, w in new if old_words[w] == 0]
    for start, end, word in fresh:
        if len(word) < 2 or not lex.known(word):
            return False
        made_letter = any(start <= i < end and not token[i].isalpha() for i in changed)
        if made_letter and (len(word) < 3 or not lex.reaches(word, KNOWN_ZIPF)):
            return False  # punctuation turned into a letter needs a real word
    if fresh:
        return True
    # Only punctuation came out of the repair: accept it when it is typographic
    # and the words around it are known.
    if not all(fixed[i] in TYPOGRAPHIC for i in changed):
        return False
    return bool(new) and all(lex.known(w) for _, _, w in new)


def looks_clean(token: str, fixed: str, lex: Lexicon) -> bool:
    """Whether ``token`` reads as correct words that the repair ``fixed`` would spoil."""
    found = words(token)
    if not found or not all(lex.correct(w) for _, _, w in found):
        return False
    for i, (a, b) in enumerate(zip(token, fixed, strict=True)):
        if a == b:
            continue
        if any(s <= i < e and e - s > 1 for s, e, _ in found):
            return True  # a letter of a correct word
        if a in TYPOGRAPHIC and (b.isalpha() or _odd(b)):
            return True  # good punctuation that would turn into a letter or a symbol
    return False


def prefer_fixed(token: str, fixed: str, lex: Lexicon) -> bool:
    """In the document's own language, whether ``fixed`` is the likelier text."""
    old = [w for _, _, w in words(token)]
    new = [w for _, _, w in words(fixed)]
    if not new or not all(lex.known(w) for w in new):
        return False
    return min(lex.primary(w) for w in new) > min((lex.primary(w) for w in old), default=0.0)


def main_language(vocabulary: Counter[str], langs: tuple[str, ...] = LANGS) -> str:
    """The language whose function words the document uses most (no dictionary is loaded)."""
    from tidyink.decoding.language import guess_language

    return guess_language(vocabulary, langs, default=langs[0])
