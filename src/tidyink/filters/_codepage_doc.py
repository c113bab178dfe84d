"""The document's own words for the code-page repair, each counted only when needed.

Most suspect tokens of a clean book (``été``, ``“Oh``) are judged from the word
lists alone. Counting every word of the book, its alphabet and its vocabulary
costs more than judging them, so each is built the first time a test asks for it,
which for most clean texts is never. What is built is what an eager count gave.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from typing import Any

from tidyink.document import TEXT, Block, Document
from tidyink.filters._codepage_tables import HIDDEN, blank_suspect_tokens, suspect_spans
from tidyink.filters._codepage_words import KNOWN_ZIPF
from tidyink.filters._letter_class import CLASS_MAX, beyond_ascii, letter_class
from tidyink.pieces import pieces

# Words for the document's vocabulary (``re`` is much faster than ``regex`` here).
VOCAB_WORD = re.compile(r"[^\W\d_]+(?:['\u2019][^\W\d_]+)*")
_VOCAB_LETTER = re.compile(r"[^\W\d_]")  # (what VOCAB_WORD takes for a letter)


def vocabulary(text: str) -> list[str]:
    """The words of ``text`` outside suspect tokens, case-folded: words of tokens
    that may be damaged themselves are no evidence for a repair; hidden characters
    are looked through, as ``invisibles`` will."""
    text = blank_suspect_tokens(HIDDEN.sub("", text))
    return VOCAB_WORD.findall(text.casefold())


class Survey:
    """A document's prose text joined by line breaks (``full``), its suspect spans, and
    where each paragraph made of one text span sits in it."""

    def __init__(self, doc: Document) -> None:
        parts: list[str] = []
        self._at: dict[int, tuple[str, int]] = {}  # paragraph (id) -> its text, where it starts
        offset = 0
        for block in doc.prose_blocks():
            if len(block.spans) == 1 and block.spans[0].kind == TEXT:
                self._at[id(block)] = (block.spans[0].text, offset)
            for span in block.spans:
                if span.kind == TEXT:
                    parts.append(span.text)
                    offset += len(span.text) + 1
        self.full = "\n".join(parts)
        self.spans = suspect_spans(self.full) if not self.full.isascii() else []
        self._starts = [start for start, _ in self.spans]
        self._plain: Counter[str] | None = None

    def plain_words(self) -> Counter[str]:
        """The plain words of the document's beginning (:func:`vocabulary`), counted once."""
        if self._plain is None:
            self._plain = Counter(vocabulary(self.full[:50_000]))
        return self._plain

    def surveyed(self, text: str, block: Block) -> bool:
        """Whether ``text`` is a paragraph's one text span as surveyed (its tokens are the survey's)."""
        at = self._at.get(id(block))
        return at is not None and at[0] is text

    def spans_of(self, text: str, block: Block) -> list[tuple[int, int]]:
        """``suspect_spans(text)`` for a paragraph's prose ``text``: taken from the survey
        when ``text`` is the paragraph's one text span as surveyed (no token crosses the
        line breaks that joined it to the others)."""
        at = self._at.get(id(block))
        if at is None or at[0] is not text:
            return suspect_spans(text)
        offset = at[1]
        lo = bisect_left(self._starts, offset)
        hi = bisect_left(self._starts, offset + len(text), lo)
        return [(start - offset, end - offset) for start, end in self.spans[lo:hi]]


class DocumentWords:
    """The words of ``full`` (a document's prose), counted once when first needed.

    ``counted`` False (a document with no suspect token) keeps the count empty:
    nothing was ever judged by it. With ``spans`` (``suspect_spans(full)``) and no
    hidden character in the text, the words inside and outside suspect tokens are
    counted apart in one pass (no word crosses a token's edge, which is white space).
    """

    def __init__(self, full: str, counted: bool = True, spans: list[tuple[int, int]] | None = None) -> None:
        self.full = full
        self.counted = counted
        self.spans = spans
        self._seen: Counter[str] | None = None
        self._plain: Counter[str] | None = None  # the words outside suspect tokens (the fast way)
        self._chars: set[str] | None = None  # the characters beyond ASCII of the text

    def _word_finder(self) -> Any:
        """``VOCAB_WORD.findall`` for the text and its pieces (also case-folded, or with
        characters removed): a ``re`` class of the letters the text can hold (ASCII
        ones, and those of its characters beyond ASCII and of their case folding that
        VOCAB_WORD takes for letters) finds the same words some 30% faster than the
        negated class, which looks each character's category up."""
        beyond = self._beyond_ascii()
        if len(beyond) > CLASS_MAX:
            return VOCAB_WORD.findall  # (a script of many letters: the class would cost more to build)
        chars = beyond.union(*(ch.casefold() for ch in beyond))
        letter = letter_class([c for c in chars if not c.isascii()], _VOCAB_LETTER.match)
        return re.compile(f"{letter}++(?:['\u2019]{letter}++)*+").findall

    def seen(self) -> Counter[str]:
        """Every word of the document as written (hidden characters looked through)."""
        if self._seen is None:
            found: Counter[str] = Counter()
            if self.counted and self.spans is not None and not HIDDEN.search(self.full):
                plain: Counter[str] = Counter()
                findall = self._word_finder()
                for piece in pieces(self._blanked()):
                    plain.update(findall(piece))
                found.update(plain)
                found.update(findall("\n".join(self.full[start:end] for start, end in self.spans)))
                self._plain = plain
            elif self.counted:
                findall = self._word_finder()
                for piece in pieces(self.full):  # (a book's list of words is several times its size)
                    found.update(findall(HIDDEN.sub("", piece)))
            self._seen = found
        return self._seen

    def words_of(self, lex: Any) -> set[str]:
        """The document's own dictionary: its plain words, and its words written in its
        own alphabet (names and rare words of its clean paragraphs), case-folded."""
        found = {w.casefold() for w in self.seen() if lex.own_word(w)}
        if self._plain is not None and self._folds_alike():
            found.update(w.casefold() for w in self._plain)  # = the words of the folded text
        elif self.spans is not None and not HIDDEN.search(self.full):
            findall = self._word_finder()
            for piece in pieces(self._blanked()):
                found.update(findall(piece.casefold()))
        else:
            for piece in pieces(self.full):
                found.update(vocabulary(piece))
        return found

    def _blanked(self) -> str:
        """``blank_suspect_tokens(full)``, from the tokens already found."""
        assert self.spans is not None
        parts: list[str] = []
        end = 0
        for start, stop in self.spans:
            parts.append(self.full[end:start])
            parts.append(" ")
            end = stop
        parts.append(self.full[end:])
        return "".join(parts)

    def _beyond_ascii(self) -> set[str]:
        if self._chars is None:
            self._chars = beyond_ascii(self.full)
        return self._chars

    def _folds_alike(self) -> bool:
        """Whether case folding turns each character of the text into characters of its
        own kind for a word (letters, apostrophe, other), so that the words of the folded
        text are the folded words (İ folds into i and a combining dot, which is none)."""
        return all(all(_kind(c) == _kind(ch) for c in ch.casefold()) for ch in self._beyond_ascii())

    def letters(self) -> frozenset[str]:
        """Every character beyond ASCII that a word of :meth:`words_of` can hold: those of
        the case-folded text (case folding maps each character on its own, and ASCII to
        ASCII, so no other can appear)."""
        return frozenset(c for ch in self._beyond_ascii() for c in ch.casefold() if not c.isascii())

    def foreign(self, mixups: Any) -> Counter[str]:
        """For each mix-up, how many different words hold a letter its code page cannot give."""
        rare = [w for w in self.seen() if not w.isascii()]  # (every code page reads plain ASCII)
        return Counter({m.label: sum(1 for w in rare if not m.could_read(w)) for m in mixups})


_LETTER = re.compile(r"[^\W\d_]")


def _kind(ch: str) -> str:
    """What ``ch`` is to VOCAB_WORD: a letter, an apostrophe or anything else."""
    return "L" if _LETTER.match(ch) else "A" if ch in "'\u2019" else "O"


def spoiled_by(mixup: Any, spared: list[tuple[str, int]], spoiled: list[tuple[str, str, str, int]], lex: Any) -> int:
    """How many tokens read as correct words that reading the document as ``mixup``
    would spoil: correct tokens, and tokens whose repair the word test refused."""
    from tidyink.filters import _codepages as cp

    total = sum(
        count for label, token, fixed, count in spoiled if label == mixup.label and cp.looks_clean(token, fixed, lex)
    )
    for token, count in spared:
        if not mixup.keys.isdisjoint(token):
            total += count * cp.looks_clean(token, token.translate(mixup.table), lex)
    return total


def reads_as_known(plain: Counter[str], lex: Any, sample: int = 2000) -> bool:
    """Whether at least half of the document's most frequent plain words (two letters
    or more, outside suspect tokens) are in the word lists of its languages."""
    common = [w for w, _ in plain.most_common(sample) if len(w) > 1]
    return bool(common) and 2 * sum(lex.reaches(w, KNOWN_ZIPF) for w in common) >= len(common)
