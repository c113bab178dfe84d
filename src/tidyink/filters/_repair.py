"""A TextFilter base for the repair stage: blocks with nothing to repair cost nothing.

Most blocks of most files need no repair; building a block's prose view only
to find that out dominates the cost. ``needs`` looks at the raw TEXT spans
first, so untouched blocks are skipped without building a view.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache

from tidyink.datafiles import language_table
from tidyink.document import TEXT, Block, Document
from tidyink.filters._letter_class import CLASS_MAX, beyond_ascii, letter_class
from tidyink.filters.base import Context, TextFilter
from tidyink.lazy_regex import compiled

_WORD = compiled(r"\p{L}+")
_ASCII_LETTERS = re.compile("[A-Za-z]+")  # (what ``_WORD`` matches in ASCII text)
SAMPLE_SIZE = 50_000  # characters of the document's beginning its language is guessed from
_LANGUAGES = "repair.languages"  # Document.meta key (per document: never shared across files)


def document_languages(doc: Document, ctx: Context) -> tuple[str, ...]:
    """Word-list languages for this document: the configured one, then the one its
    function words point to. Only these lists are loaded (each costs ~0.2 s)."""
    if _LANGUAGES not in doc.meta:
        from tidyink import lexicon
        from tidyink.decoding.language import guess_language

        configured = lexicon.language_codes(ctx.options.language)
        words = Counter(letter_runs("\n".join(_sample(doc))))
        guessed = guess_language(words, lexicon.SUPPORTED, default=configured[0])
        more = _further_language(words, guessed)
        doc.meta[_LANGUAGES] = tuple(dict.fromkeys((*configured, guessed, *more)))
    return doc.meta[_LANGUAGES]


def _sample(doc: Document, size: int = SAMPLE_SIZE) -> list[str]:
    """The document's first text spans, until they hold ``size`` characters."""
    sample: list[str] = []
    total = 0
    for block in doc.prose_blocks():
        for span in block.spans:
            if span.kind == TEXT:
                if total >= size:
                    return sample  # (the rest of the document is never read)
                sample.append(span.text)
                total += len(span.text)
    return sample


def letter_runs(text: str) -> list[str]:
    """``_WORD.findall(text)``: runs of letters (``\\p{L}``), found by a class of the
    letters the text holds (:mod:`._letter_class`)."""
    if text.isascii():
        return _ASCII_LETTERS.findall(text)
    others = beyond_ascii(text)
    if len(others) > CLASS_MAX:
        return _WORD.findall(text)  # (a script of many letters: the class would cost more to build)
    return re.compile(letter_class(others, _WORD.fullmatch) + "+").findall(text)


@cache
def _more_function_words() -> dict[str, frozenset[str]]:
    """Further languages → their function words (``data/function_words_more.txt``)."""
    return {code: frozenset(words) for code, words in language_table("function_words_more.txt").items()}


def _further_language(words: Counter[str], guessed: str) -> tuple[str, ...]:
    """A further language (Swedish, Polish...) whose function words the text uses
    half as much again as those of the language guessed among the main ones."""
    from tidyink.decoding.language import function_words

    folded: Counter[str] = Counter()
    for word, n in words.items():
        folded[word.casefold()] += n
    base = sum(folded.get(w, 0) for w in function_words().get(guessed, ()))
    scores = {lang: sum(folded.get(w, 0) for w in fw) for lang, fw in _more_function_words().items()}
    best = max(scores, key=lambda lang: scores[lang], default=None)
    if best is None or scores[best] < 3 or scores[best] <= 1.5 * base:
        return ()
    return (best,)


class RepairFilter(TextFilter):
    def needs(self, text: str) -> bool:
        """Whether a TEXT span's ``text`` may hold something for this filter."""
        return True

    def run(self, doc: Document, ctx: Context) -> None:
        self.prepare(doc, ctx)
        kinds = self.block_kinds
        for block in doc.blocks:
            if block.kind in kinds:
                text = self._wanted_text(block)
                if text is not None:
                    edits = list(self.edits(text, block, ctx))
                    if edits:
                        self.apply(block, edits, ctx)

    def _wanted(self, block: Block) -> bool:
        return any(span.kind == TEXT and self.needs(span.text) for span in block.spans)

    def _wanted_text(self, block: Block) -> str | None:
        """``block.prose().text`` when the block is :meth:`_wanted`, else None (a block
        of one text span is its text: no view is built for it)."""
        spans = block.spans
        if len(spans) == 1:
            span = spans[0]
            return span.text if span.kind == TEXT and self.needs(span.text) else None
        return block.prose().text if self._wanted(block) else None
