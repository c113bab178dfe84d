"""The words a code-page repair is judged by: the lexicon, the document's own
words, and the document's own alphabet.

Words are looked up in the document's languages only (a correct Spanish word is
never "repaired" because its pieces are French). An apostrophe inside a word is
an elision only after an elided word of the same language (``l’été``,
``dell’anno``) or before an English clitic (``don’t``). The alphabet is the set
of letters that the document's correct words use at least as often as its
unknown words do: a word of that alphabet is text, not damage, and no repair may
split it into pieces.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Collection, Iterable
from functools import cache

from tidyink import lexicon
from tidyink.datafiles import language_table
from tidyink.lazy_regex import compiled

LANGS = ("en", "fr", "de", "es", "pt")
KNOWN_ZIPF = 1.5  # a repaired word must be at least this common (or in the document)
DAMAGED_ZIPF = 1.0  # a word this common is taken as correct and never changed
SHORT_ZIPF = 2.5  # the same for one- and two-letter words with accents
ELIDED_TAIL_ZIPF = 4.0  # a one-letter word after an elision must be this common (l’a, j’y)
_VOWELS = frozenset("aàáâeèéêiìíoòóôuùúy")  # one-letter words are vowels (a, à, è, y, o)

_CLITICS = frozenset({"s", "t", "ll", "re", "ve", "d", "m"})
_MIXED_CASE = compiled(r"\p{Ll}(?![A-Z])\p{Lu}")
_APOSTROPHE = compiled(r"['\u2019]")


def odd_shape(word: str) -> bool:
    """Whether a word with a letter beyond ASCII is neither lower case, capitalised
    nor all capitals (ŽŽn, ÈÈn): words are written in one of those three shapes."""
    for part in _APOSTROPHE.split(word):
        if part and not part.isascii() and not (part.islower() or part.isupper() or part.istitle()):
            return True
    return False


def _shaped(word: str) -> bool:
    """A word of letters that is lower case, capitalised or all capitals: it has neither
    an odd shape (it holds no apostrophe) nor a case step (every \\p{Ll} letter is lower
    case to ``str`` and every \\p{Lu} one upper case: no capital follows a small letter)."""
    return word.isalpha() and (word.islower() or word.istitle() or word.isupper())


@cache
def elision_heads() -> dict[str, frozenset[str]]:
    """Language code → words written elided before an apostrophe (``data/elision_heads.txt``)."""
    return {code: frozenset(words) for code, words in language_table("elision_heads.txt").items()}


@cache
def _top(lang: str) -> float:
    return lexicon.frequencies(lang).top()


class Lexicon:
    """Known words: the shared lexicon plus the words of the document itself.

    (A plain class, not a dataclass: building a dataclass's methods costs most of a
    millisecond at every start-up.)"""

    __slots__ = (
        "_cache", "_correct", "_letters", "alphabet", "alphabet_of", "lang", "langs", "letters_of",
        "vocabulary", "words_of",
    )

    def __init__(
        self,
        vocabulary: Collection[str] | None = None,  # None: built by ``words_of`` when first needed
        words_of: Callable[[], Collection[str]] | None = None,
        langs: tuple[str, ...] = LANGS,
        lang: str = "en",  # the document's main language
        alphabet: frozenset[str] = frozenset(),  # the document's own (non-ASCII, folded) letters
        # When given: builds ``alphabet`` the first time a word needs it.
        alphabet_of: Callable[[], frozenset[str]] | None = None,
        # When given: every character beyond ASCII that ``words_of`` can give, so that a
        # word with another is known to be none of them without building the vocabulary.
        letters_of: Callable[[], Collection[str]] | None = None,
    ) -> None:
        self.vocabulary = vocabulary
        self.words_of = words_of
        self.langs = langs
        self.lang = lang
        self.alphabet = alphabet
        self.alphabet_of = alphabet_of
        self.letters_of = letters_of
        self._cache: dict[str, float] = {}
        self._correct: dict[str, bool] = {}
        self._letters: Collection[str] | None = None

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
        # (``lexicon.reaches``, then ``lexicon.best_zipf`` remembered when it fails, in one pass)
        best = 0.0
        for lang in self.langs:
            found = lexicon.zipf(key, lang)
            if found >= threshold:
                return True
            best = max(best, found)
        self._cache[key] = best  # every list is loaded by now
        return best >= threshold

    def primary(self, word: str) -> float:
        """Zipf frequency in the document's main language."""
        if "'" not in word and "\u2019" not in word:
            return lexicon.zipf(word, self.lang)  # (one part: the word)
        parts = [p for p in _APOSTROPHE.split(word) if p] or [word]
        return min(lexicon.zipf(p, self.lang) for p in parts)

    def primary_common(self, word: str) -> float:
        """``primary(word)`` when that is at least ``lexicon.CORE_ZIPF``, else 0: what
        can be told from the language's common words alone."""
        if "'" not in word and "\u2019" not in word:
            return lexicon.common_zipf(word, self.lang)  # (one part: the word)
        parts = [p for p in _APOSTROPHE.split(word) if p] or [word]
        return min(lexicon.common_zipf(p, self.lang) for p in parts)

    def top(self) -> float:
        """The Zipf frequency of the commonest word of the document's main language."""
        return _top(self.lang)

    def _elision(self, key: str) -> float:
        """l'été, dell'anno, don't: an elided word of one language joined to a word
        of the same language, or an English clitic joined to an English word."""
        parts = _APOSTROPHE.split(key)
        if len(parts) != 2 or not all(parts):
            return 0.0
        head, tail = parts
        heads = elision_heads()
        best = 0.0
        for lang in self.langs:
            if head in heads.get(lang, ()):
                z = lexicon.zipf(tail, lang)
                if len(tail) > 1 or (tail in _VOWELS and z >= ELIDED_TAIL_ZIPF):
                    best = max(best, z)
        if tail in _CLITICS and "en" in self.langs:
            best = max(best, lexicon.zipf(head, "en"))
        return best

    def known(self, word: str) -> bool:
        if self.reaches(word, KNOWN_ZIPF):
            return True
        key = word.casefold()
        if self.vocabulary is None:
            if self.letters_of is not None and not key.isascii():
                if self._letters is None:
                    self._letters = self.letters_of()
                if any(ch not in self._letters for ch in key if not ch.isascii()):
                    return False  # no word of the document holds such a letter
            self.vocabulary = self.words_of() if self.words_of else set()
        return key in self.vocabulary

    def correct(self, word: str) -> bool:
        """Whether a word as it stands is to be trusted (never changed)."""
        value = self._correct.get(word)
        if value is None:
            value = self._correct[word] = self._trusted(word)
        return value

    def _trusted(self, word: str) -> bool:
        if not _shaped(word) and (_MIXED_CASE.search(word) or odd_shape(word)):
            return False  # tÚ, volontÚ, ŽŽn: a capital inside a lower-case word
        if not word.isascii() and any(0xFB00 <= ord(c) < 0xFB50 for c in word):
            return False  # ﬂe: a ligature is a letter only to Unicode
        if len(word) <= 2 and not word.isascii():
            return self.reaches(word, SHORT_ZIPF)  # wordfreq lists junk such as "çn"
        return self.reaches(word, DAMAGED_ZIPF)

    def own_word(self, word: str) -> bool:
        """Whether ``word`` is written in the document's own alphabet, with the case
        of a word (lower, Capitalised or all capitals): text, not damage."""
        if word.isascii():
            return word.isalpha()  # (an ASCII word never has a case step or an odd shape here)
        if not word.isalpha():
            return False
        if not _shaped(word) and (_MIXED_CASE.search(word) or odd_shape(word)):
            return False
        if self.alphabet_of is not None:
            self.alphabet, self.alphabet_of = self.alphabet_of(), None
        return all(ch.isascii() or ch.casefold() in self.alphabet for ch in word)


def alphabet_of(counts: Iterable[tuple[str, int]], lex: Lexicon) -> frozenset[str]:
    """The non-ASCII letters (folded) that correct words of three letters or more
    use at least as often as the document's other words do."""
    good: Counter[str] = Counter()
    other: Counter[str] = Counter()
    for word, count in counts:
        if word.isascii():
            continue
        letters = {ch.casefold() for ch in word if not ch.isascii() and ch.isalpha()}
        if not letters:
            continue
        target = good if len(word) >= 3 and lex.correct(word) else other
        for ch in letters:
            target[ch] += count
    return frozenset(ch for ch, n in good.items() if n >= other[ch])
