"""Repair single-byte code-page mix-ups word by word (what ftfy leaves alone).

``na´ve`` is ``naïve`` written in cp1252 and read as cp850; ``themÑrather`` is
``them—rather`` written in mac_roman and read as cp1252. A token is repaired
only when its repaired form is a known word (or a word of the same document)
and its damaged form is not. When most damaged tokens of a document show the
same mix-up, the whole document is read as that mix-up, so punctuation such as
``½`` for ``«`` is repaired too. C1 control characters that stand for a cp1252
character (cp1252 read as latin-1) are always repaired; C1 controls with no
meaning left after that are removed.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from functools import cache
from typing import Any

from tidyink.document import TEXT, Block, Document
from tidyink.filters._repair import RepairFilter, document_languages
from tidyink.filters.base import Context
from tidyink.records import Edit

# A document is read as one mix-up when it repairs at least this many tokens,
# this share of every repaired token, and the document has few correct words
# that the mix-up would touch.
DOC_MIN_TOKENS = 2
DOC_MIN_SHARE = 0.6
DOC_MAX_CLEAN = 0.1
# A repaired word this common in the document's language is evidence for other tokens.
COMMON_ZIPF = 3.0


@cache
def _word_test() -> Any:
    """The word test's module, imported when first needed (a plain ASCII text never
    needs it), then found by a call cheaper than an import statement."""
    from tidyink.filters import _codepages

    return _codepages


class Codepage(RepairFilter):
    name = "codepage"
    description = "Repair single-byte code-page mix-ups such as na´ve → naïve (cp1252 as cp850)."
    stage = "repair"
    order = 120

    def __init__(self) -> None:
        self._reset()

    def _reset(self) -> None:
        """What is known of no document yet."""
        self._lex: Any = None
        self._whole: Any = None  # the mix-up the whole document is read as
        self._order: tuple[Any, ...] = ()
        self._verdicts: dict[str, tuple[str, str] | None] = {}
        self._support: Counter[str] = Counter()  # different words repaired by each mix-up
        self._strong: Counter[str] = Counter()  # ... of which show their damage themselves
        self._evident: Counter[str] | None = Counter()  # tokens whose damage under each mix-up shows
        self._tried: list[tuple[str, str, str]] = []  # (mix-up, token, repair): counted into _evident when needed
        self._words: Any = None  # the document's own words (counted when first needed)
        self._foreign: Counter[str] | None = None  # words with letters the mix-up cannot give
        self._readable: bool | None = True  # most of the document's plain words are known words
        self._likely: dict[str, bool] = {}  # word -> some mix-up reads it as a far commoner word
        self._survey: Any = None  # the document's text joined, and its suspect spans
        self._judged: dict[str, tuple[str, str] | None] = {}  # token -> its _word_verdict
        self._voted = False  # some token of _verdicts has a repair (a paragraph may be read as one)
        self._paragraph: dict[tuple[str, str], tuple[str, str] | None] = {}
        self._clean: dict[tuple[str, str], bool] = {}
        self._block: Any = None  # the mix-up the current paragraph is read as
        self._settled = False  # every surveyed token is in _verdicts as it stands, and none holds a C1 control

    def _likelier(self, token: str) -> bool:
        """Whether some mix-up reads a word of ``token`` as a far commoner word."""
        cp = _word_test()

        for _start, _end, word in cp.words(token):
            likely = self._likely.get(word)
            if likely is None:
                # (a mix-up maps one character to one: the word's repair is its part of the token's)
                repairs = {word.translate(m.table) for m in cp.mixups()} - {word}
                likely = self._likely[word] = bool(repairs) and cp.any_much_likelier(word, repairs, self._lex)
            if likely:
                return True
        return False

    def _foreign_of(self, label: str) -> int:
        """How many different words of the document hold a letter the mix-up's code page cannot give."""
        cp = _word_test()
        if self._foreign is None:
            self._foreign = self._words.foreign(cp.mixups())
        return self._foreign[label]

    def _evident_of(self, label: str) -> int:
        """How many tokens show their damage by themselves when read as the mix-up."""
        cp = _word_test()
        if self._evident is None:
            self._evident = Counter()
            for tried, token, fixed in self._tried:
                self._evident[tried] += cp.self_evident(token, fixed)
        return self._evident[label]

    def _is_readable(self) -> bool:
        from tidyink.filters._codepage_doc import reads_as_known

        if self._readable is None:
            self._readable = reads_as_known(self._survey.plain_words(), self._lex)
        return self._readable

    def _shown(self, label: str) -> bool:
        """Whether the document shows the mix-up plainly: one token that shows its
        damage by itself, or three different tokens (resultó is a word, not result—)."""
        return self._evident_of(label) >= 1 or self._several(label)

    def _several(self, label: str) -> bool:
        """Three different tokens repaired by the mix-up, in a document whose plain
        words are mostly known words (not a language without a word list, where a
        lost letter often leaves a word of another: moderní → modern’) and hardly ever
        use a letter its code page cannot give (ř, ý read as Mac Roman)."""
        support = self._support[label]
        return support >= 3 and self._is_readable() and self._foreign_of(label) <= DOC_MAX_CLEAN * support

    def _common_repair(self, token: str, fixed: str) -> bool:
        """Whether every word the repair changed (or, when it made only marks, every
        word beside them) is a common word of the document's language (don’t, está,
        Ôen → ‘en): evidence of a mix-up for other tokens, as a rare word or a word of
        another language that merely loses a letter (její → jej’) is not."""
        cp = _word_test()

        changed = [i for i, (a, b) in enumerate(zip(token, fixed, strict=True)) if a != b]
        found = cp.words(fixed)
        touched = [w for s, e, w in found if any(s <= i < e for i in changed)] or [w for _, _, w in found]
        return bool(touched) and all(self._lex.primary(w) >= COMMON_ZIPF for w in touched)

    def _supported(self, token: str, fixed: str, label: str) -> bool:
        """A token that could be a correct word is repaired only when other tokens of
        the document show the same mix-up (one that shows it plainly, or two)."""
        cp = _word_test()

        if cp.self_evident(token, fixed):
            return True
        return self._strong[label] >= 1 or self._several(label)

    def prepare(self, doc: Document, ctx: Context) -> None:
        self._reset()
        if all(span.text.isascii() for block in doc.prose_blocks() for span in block.spans if span.kind == TEXT):
            return  # no paragraph needs this filter (nor its word lists)
        cp = _word_test()
        from tidyink.filters._codepage_doc import DocumentWords, Survey, spoiled_by

        self._survey = survey = Survey(doc)
        full = survey.full
        tokens: Counter[str] = Counter()
        plain: list[str] = []  # tokens no mix-up can repair: their verdict is known
        found = Counter([full[start:end] for start, end in survey.spans])
        hidden = False
        joined = "\n".join(found)  # (no hidden character is a line break)
        some_hidden = cp.HIDDEN.search(joined) is not None  # (else no token need be searched)
        candidate = cp.candidates_in(joined)  # (cp.candidate for these tokens)
        for token, count in found.items():
            seen = token
            if some_hidden and cp.HIDDEN.search(token):
                seen, hidden = cp.HIDDEN.sub("", token), True
            if candidate(seen):
                tokens[seen] += count
            elif seen is token:
                plain.append(token)
        self._settled = not hidden and not cp.C1.search(joined)
        words = DocumentWords(full, counted=bool(tokens), spans=survey.spans)
        self._words = words
        self._lex = lex = cp.Lexicon(langs=document_languages(doc, ctx), letters_of=words.letters)
        lex.words_of = lambda: words.words_of(lex)
        self._verdicts = dict.fromkeys(plain)  # (what _word_verdict says of them; read whole, they are judged anew)
        self._order = cp.mixups()
        if not tokens:
            return
        # (one language is the main one whatever the words: they are counted only among several)
        lex.lang = lex.langs[0] if len(lex.langs) == 1 else cp.main_language(survey.plain_words(), lex.langs)
        self._readable = None  # (counted when first needed)
        lex.alphabet_of = lambda: cp.alphabet_of(words.seen().items(), lex)
        votes: Counter[str] = Counter()
        damaged = 0
        by_label = {m.label: m for m in cp.mixups()}
        passing: dict[str, list[Any]] = {}
        spared: list[tuple[str, int]] = []  # correct tokens, which count against a mix-up
        spoiled: list[tuple[str, str, str, int]] = []  # (mix-up, token, its repair, count) refused
        every = cp.mixups()
        for token, count in tokens.items():
            if cp.plainly_correct(token, lex) and not self._likelier(token):
                passing[token] = []
                spared.append((token, count))
                continue
            hits = []
            for mixup in every:
                if mixup.keys.isdisjoint(token) or not mixup.could_read(token):
                    continue
                fixed = token.translate(mixup.table)
                self._tried.append((mixup.label, token, fixed))
                if cp.judge(token, fixed, lex):
                    votes[mixup.label] += count
                    hits.append(mixup)
                else:
                    spoiled.append((mixup.label, token, fixed, count))
            passing[token] = hits
            damaged += count if hits else 0
        self._evident = None  # (counted when first needed)
        self._order = tuple(sorted(cp.mixups(), key=lambda m: -votes[m.label]))
        rank = {m.label: i for i, m in enumerate(self._order)}
        repaired: dict[str, set[str]] = {}  # different words (lidí and lidí. are one)
        for token, hits in passing.items():
            best = min(hits, key=lambda m: rank[m.label], default=None)
            fixed = token.translate(best.table) if best is not None else token
            if best is not None and not cp.erases_a_word(token, fixed):
                self._verdicts[token] = (fixed, best.label)
                evident = cp.self_evident(token, fixed)
                if evident or self._common_repair(token, fixed):
                    repaired.setdefault(best.label, set()).add(fixed.strip(cp.EDGE_PUNCT).casefold() or fixed)
                    self._support[best.label] = len(repaired[best.label])
                self._strong[best.label] += evident
            else:
                self._verdicts[token] = None
        for token, verdict in self._verdicts.items():
            if verdict is not None and not self._supported(token, *verdict):
                self._verdicts[token] = None
        self._voted = any(verdict is not None for verdict in self._verdicts.values())
        if votes:
            label, best = votes.most_common(1)[0]
            # Words with letters the mix-up's code page cannot give (ř, ý read as Mac
            # Roman) are correct text: they count against reading the whole as it.
            if (
                best >= DOC_MIN_TOKENS
                and best >= DOC_MIN_SHARE * damaged
                and spoiled_by(by_label[label], spared, spoiled, lex) + self._foreign_of(label) <= DOC_MAX_CLEAN * best
                and self._shown(label)
            ):
                self._whole = by_label[label]
                self._verdicts = {}

    def needs(self, text: str) -> bool:
        return not text.isascii()

    def edits(self, text: str, block: Block, ctx: Context) -> Iterable[Edit]:
        if text.isascii():
            return
        if self._settled and not self._voted and self._whole is None and self._survey.surveyed(text, block):
            self._block = None  # (each token judged by the survey, none repaired: the loop skips them all)
            return
        cp = _word_test()
        verdicts = self._verdicts
        spans = self._survey.spans_of(text, block) if self._survey is not None else cp.suspect_spans(text)
        self._block = self._paragraph_mixup(text, spans) if self._whole is None else None
        for start, end in spans:
            token = text[start:end]
            if self._block is None and verdicts.get(token, 0) is None and not cp.C1.search(token):
                continue  # already judged: nothing to repair
            hidden = cp.HIDDEN.search(token) is not None
            bare = cp.HIDDEN.sub("", token) if hidden else token
            result = self._repair(bare)
            if result is None:
                continue
            from tidyink.filters._codepage_edits import changed_edits, diff_edits, reinsert

            fixed, label = result
            if hidden and len(fixed) == len(bare):
                fixed = reinsert(token, fixed)
            if len(fixed) == len(token):
                yield from changed_edits(token, fixed, start, label)
            else:
                yield from diff_edits(token, fixed, start, label)

    def _repair(self, token: str) -> tuple[str, str] | None:
        """The repaired token and why, or None (``token`` holds no invisible characters)."""
        cp = _word_test()

        if not cp.C1.search(token):
            verdict = self._verdict(token)
            return None if verdict is None else self._settle(*verdict)
        suspects = cp.suspects()
        fixed, labels = token, []
        repaired = token.translate(cp.c1_table())
        if repaired != token:
            fixed, labels = repaired, [cp.C1_LABEL]
        verdict = self._verdict(fixed) if not suspects.isdisjoint(fixed) else None
        if verdict is None and cp.C1.search(fixed):
            # Controls that mean nothing go; then the rest may show a mix-up.
            fixed = cp.C1.sub("", fixed)
            labels.append("C1 control character removed")
            verdict = self._verdict(fixed) if not suspects.isdisjoint(fixed) else None
        if verdict is not None:
            fixed, why = self._settle(*verdict)
            labels.append(why)
        if cp.C1.search(fixed):
            fixed = cp.C1.sub("", fixed)
            labels.append("C1 control character removed")
        return (fixed, "; ".join(labels)) if labels else None

    def _settle(self, fixed: str, label: str) -> tuple[str, str]:
        """Repair again until nothing changes (a token may show two mix-ups)."""
        for _ in range(3):
            again = self._word_verdict(fixed)
            if again is None or again[0] == fixed:
                break
            fixed, label = again[0], f"{label}; {again[1]}"
        return fixed, label

    def _verdict(self, token: str) -> tuple[str, str] | None:
        mode = self._block
        if mode is not None:
            key = (mode.label, token)
            if key not in self._paragraph:
                fixed = token.translate(mode.table)
                read = self._read_as(mode, token, fixed)
                self._paragraph[key] = (fixed, f"{mode.label} (paragraph)") if read else None
            return self._paragraph[key] or self._verdicts.get(token)
        if token in self._verdicts:
            return self._verdicts[token]
        whole = self._whole
        result = None
        if whole is not None:
            fixed = token.translate(whole.table)
            if fixed != token and self._read_as(whole, token, fixed):
                result = (fixed, f"{whole.label} (whole document)")
        else:
            result = self._word_verdict(token)
        self._verdicts[token] = result
        self._voted = self._voted or result is not None
        return result

    def _read_as(self, mixup: Any, token: str, fixed: str) -> bool:
        """In text read as ``mixup``, whether ``fixed`` is ``token`` repaired: unless the
        token reads as correct words that the repair would spoil."""
        cp = _word_test()

        if fixed == token or not mixup.could_read(token):
            return False
        changed = [i for i, (a, b) in enumerate(zip(token, fixed, strict=True)) if a != b]
        if cp.breaks_text(token, fixed, changed, self._lex):
            return False
        return (
            cp.judge(token, fixed, self._lex)
            or not cp.looks_clean(token, fixed, self._lex)
            or cp.prefer_fixed(token, fixed, self._lex)
        )

    def _paragraph_mixup(self, text: str, spans: list[tuple[int, int]]) -> Any:
        """The mix-up this paragraph is read as, when most of its damaged tokens show
        it and few of its correct words would be touched (documents damaged in part)."""
        if not self._voted:
            return None  # no token votes for any mix-up
        cp = _word_test()
        tokens = [text[start:end] for start, end in spans]
        if cp.HIDDEN.search(text):
            tokens = [cp.HIDDEN.sub("", token) for token in tokens]
        votes: Counter[str] = Counter()
        for token in tokens:
            verdict = self._verdicts.get(token)
            if verdict is not None:
                votes[verdict[1].split(";")[0]] += 1
        if not votes:
            return None
        label, best = votes.most_common(1)[0]
        mixup = next((m for m in cp.mixups() if m.label == label), None)
        if mixup is None or best < DOC_MIN_TOKENS or best < DOC_MIN_SHARE * sum(votes.values()):
            return None
        if not self._shown(label):
            return None
        clean = sum(1 for token in tokens if not mixup.could_read(token))
        for token in tokens:
            key = (label, token)
            if key not in self._clean:
                fixed = token.translate(mixup.table)
                self._clean[key] = fixed != token and cp.looks_clean(token, fixed, self._lex)
            clean += self._clean[key]
        return mixup if clean <= DOC_MAX_CLEAN * best else None

    def _word_verdict(self, token: str) -> tuple[str, str] | None:
        """The first mix-up (most voted first) whose repair passes the word test
        (what the survey found no longer changes: each token is judged once)."""
        if token not in self._judged:
            self._judged[token] = self._first_verdict(token)
        return self._judged[token]

    def _first_verdict(self, token: str) -> tuple[str, str] | None:
        cp = _word_test()

        if cp.candidate(token):
            for mixup in self._order:
                if mixup.keys.isdisjoint(token) or not mixup.could_read(token):
                    continue
                fixed = token.translate(mixup.table)
                if (
                    cp.judge(token, fixed, self._lex)
                    and not cp.erases_a_word(token, fixed)
                    and self._supported(token, fixed, mixup.label)
                ):
                    return fixed, mixup.label
        return None
