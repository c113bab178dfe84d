"""The document's prose as one string, shared by every rule and computed once.

Rules search one long string with compiled patterns instead of looping over
blocks in Python: that keeps all rules together well above a million words a
second. Apostrophes are unified here (’ ʼ ‘ become '), with the same length, so
every rule sees straight and curly apostrophes alike and offsets stay exact.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable
from functools import cache
from itertools import filterfalse
from typing import Any
from weakref import ref

import regex

from tidyink import datafiles as resources  # (files(): importlib.resources.files, cheaper)
from tidyink.document import MARK, OBJECT, Document, ProseView
from tidyink.lazy_regex import compiled

SEPARATOR = "\n\n\n"  # between blocks: no sentence, repetition or phrase crosses it
_CURLY = ("\u2019", "\u02bc", "\u2018")
_APOSTROPHES = str.maketrans(dict.fromkeys(_CURLY, "'"))

# Between two words of a phrase: spaces, one line break, emphasis toggles.
GAP = r"[ \t\u00a0\ue000]*(?:\n[ \t\u00a0\ue000]*)?(?<=[\s\ue000])"
WORD = r"[\p{L}\p{M}]+(?:'[\p{L}\p{M}]+)*"


class Prose:
    """All prose blocks of a document joined by :data:`SEPARATOR`.

    (A plain class with slots: a frozen dataclass costs most of a millisecond to
    create, at every start-up that lints.)
    """

    __slots__ = ("memo", "starts", "text", "views")

    def __init__(self, text: str, views: tuple[ProseView, ...], starts: tuple[int, ...]) -> None:
        self.text = text  # apostrophes unified
        self.views = views
        self.starts = starts  # offset of each view in ``text``
        self.memo: dict[str, Any] = {}  # analyses shared by rules

    def words(self) -> Counter[str]:
        """How often each word occurs (case kept), computed once."""
        if "words" not in self.memo:
            self.memo["words"] = count_words(self.text)
        return self.memo["words"]

    def lower(self) -> str:
        """``text`` in lower case, offsets unchanged; computed once."""
        if "lower" not in self.memo:
            lowered = self.text.lower()
            if len(lowered) != len(self.text):  # letters that grow when lowered (İ)
                lowered = "".join(c.lower() if len(c.lower()) == 1 else c for c in self.text)
            self.memo["lower"] = lowered
        return self.memo["lower"]

    def language(self) -> str:
        """The document's language, guessed from its commonest function words."""
        if "language" not in self.memo:
            self.memo["language"] = guess_language(self.words())
        return self.memo["language"]

    def locate(self, offset: int) -> tuple[ProseView, int]:
        """The view holding ``offset`` and the offset inside it."""
        i = max(bisect_right(self.starts, offset) - 1, 0)
        return self.views[i], offset - self.starts[i]


# The last document joined (rules run one after another on the same document).
_LAST: list[tuple[ref[Document], tuple[int, ...], Prose]] = []


def prose(doc: Document, ctx: Any = None) -> Prose:
    """The joined prose of ``doc``, computed once per lint run.

    Rules run after every filter, so within one run (one ``ctx``) the text is fixed
    and all rules share one :class:`Prose`; without a context the cache is checked
    against the identity of every span's text.
    """
    if ctx is not None:
        hit = getattr(ctx, "_lint_prose", None)
        if hit is not None and hit[0]() is doc:
            return hit[1]
        result = _prose(doc)
        ctx._lint_prose = (ref(doc), result)
        return result
    return _prose(doc)


def _prose(doc: Document) -> Prose:
    blocks = list(doc.prose_blocks())
    key = tuple(id(s.text) for b in blocks for s in b.spans)
    if _LAST and _LAST[0][0]() is doc and _LAST[0][1] == key:
        return _LAST[0][2]
    views = tuple(b.prose() for b in blocks)
    starts: list[int] = []
    pos = 0
    for view in views:
        starts.append(pos)
        pos += len(view.text) + len(SEPARATOR)
    text = SEPARATOR.join(v.text for v in views)
    for curly in _CURLY:
        if curly in text:
            text = text.replace(curly, "'")
    result = Prose(text, views, tuple(starts))
    _LAST[:] = [(ref(doc), key, result)]
    return result


_WORD_RE = compiled(WORD)


# Punctuation, digits and symbols that may surround a word in a white-space chunk:
# "said," "(him)" "'em" -> the letters alone (never letters, marks or inner apostrophes).
_EDGES = ".,;:!?\"'()[]{}<>*_/\\|&%$#@+=~`^-0123456789\u201c\u201d\u00ab\u00bb\u2014\u2013\u2026" + MARK + OBJECT


def count_words(text: str) -> Counter[str]:
    """How often each word (letters, inner apostrophes) occurs in ``text``.

    Splitting on white space and counting the chunks, both in C, then stripping the
    punctuation around each distinct chunk ("said,") is several times faster than a
    regex over the whole text; only the distinct chunks that are still not one word
    ("well--no", "don't") go through the regex. (Stripped characters are never part
    of a word, so the regex finds the same words in the stripped chunk.) Words come
    in the order of their first use, as chunks do.
    """
    counts: Counter[str] = Counter()
    get = counts.get  # dict.get and item assignment: no ``__missing__`` calls
    for chunk, n in _count_chunks(text).items():
        word = chunk.strip(_EDGES)
        counts[word] = get(word, 0) + n
    odd = list(filterfalse(str.isalpha, counts))
    for chunk in odd:
        n = counts.pop(chunk)
        for word in _WORD_RE.findall(chunk):
            counts[word] = get(word, 0) + n
    return counts


PIECE = 1 << 16  # characters split at a time (more or less: pieces end at a space)


def _count_chunks(text: str) -> Counter[str]:
    """``Counter(text.split())``, split a piece at a time: each piece's strings are
    freed before the next is split, so a book's ~100,000 of them never sit in memory
    together (fresh memory costs a new process more than the splitting). A piece
    ends at a space, where ``split`` would cut anyway, so the chunks are the same."""
    size = len(text)
    if size <= PIECE:
        return Counter(text.split())
    chunks: Counter[str] = Counter()
    start = 0
    while start < size:
        end = text.find(" ", start + PIECE)
        if end < 0:
            end = size
        chunks.update(text[start:end].split())
        start = end
    return chunks


def guess_language(words: Counter[str]) -> str:
    """The language whose function words are the most frequent in ``words``."""
    from tidyink.decoding.language import guess_language as guess

    return guess(words)


@cache
def word_list(name: str) -> frozenset[str]:
    """A data file of ``src/tidyink/data`` as a set of lines (``#`` starts a comment)."""
    raw = resources.files("tidyink").joinpath("data").joinpath(name).read_text(encoding="utf-8")
    words = (line.split("#", 1)[0].strip() for line in raw.splitlines())
    return frozenset(w.translate(_APOSTROPHES) for w in words if w)


def longest_first(words: Iterable[str]) -> list[str]:
    """``words`` longest first, then alphabetically: the order an alternation tries them."""
    return sorted(words, key=lambda w: (-len(w), w))


def alternation(words: frozenset[str] | set[str]) -> str:
    """A regex alternation of ``words``, longest first."""
    return "|".join(map(regex.escape, longest_first(words)))


def match_case(model: str, word: str) -> str:
    """``word`` with the capitalisation of ``model`` (Title, UPPER or lower)."""
    if model.isupper() and len(model) > 1:
        return word.upper()
    if model[:1].isupper():
        return word[:1].upper() + word[1:]
    return word
