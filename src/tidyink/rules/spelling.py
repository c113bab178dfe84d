"""Misspelled words, checked against a curated dictionary, wordfreq, the document
itself and the project's word list (see ``_dictionary`` for how they combine).

Only lower-case words are checked: capitalised words are names (the N rules
watch those). Words touching an apostrophe other than a possessive ``'s``
(``eatin'``, ``warn't``, ``'em``, ``an'``) are dialect or elision, never flagged,
and nor is a dropped g (``nothin``) when the full word is known.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Container, Iterable
from dataclasses import replace
from typing import ClassVar

import regex

from tidyink import lexicon
from tidyink.document import MARK, Document
from tidyink.filters.base import Context
from tidyink.lazy_regex import compiled, lazy
from tidyink.records import Finding
from tidyink.rules import _dialect, _dictionary
from tidyink.rules._occurrences import occurrences
from tidyink.rules._project import project_words
from tidyink.rules._suggest import Suggestions
from tidyink.rules._text import prose
from tidyink.rules.base import Rule

_ELONGATED = compiled(r"(.)\1\1")
MIN_LENGTH = 4  # shorter words are too often abbreviations, interjections or dialect
# Longer "words" are not prose a writer misspells (the longest dictionary words run to 45
# letters): strings of code, encoded data or keyboard runs, which no suggestion would help.
MAX_LENGTH = 45
LOOK_UPS_PER_UNKNOWN = 60  # dictionary look-ups an unknown word costs (its neighbours): at most ~50
REPEATS_ACCEPT = {"unknown": 2, "suspicious": 3}  # uses in the document that make a word its own


_SUFFIXES = ("ings", "ing", "ers", "er", "ed", "es", "s", "ly", "d")


def stem(word: str) -> str:
    """A crude stem, enough to count "snarkle", "snarkles" and "snarkled" as one word."""
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            base = word[: -len(suffix)]
            return base[:-1] if base.endswith("e") else base
    return word[:-1] if word.endswith("e") else word


def _compound(text: str, start: int, end: int) -> str:
    """The hyphenated compound around ``text[start:end]``, hyphens removed, lower-case."""
    while start > 1 and text[start - 1] == "-" and text[start - 2].isalpha():
        start -= 2
        while start > 0 and text[start - 1].isalpha():
            start -= 1
    while end + 1 < len(text) and text[end] == "-" and text[end + 1].isalpha():
        end += 2
        while end < len(text) and text[end].isalpha():
            end += 1
    return text[start:end].replace("-", "").lower()


_SPACES = lazy(r"[ \t\n]+")  # (kept in the pattern store, unlike a pattern compiled on the spot)


def _foreign_phrase(text: str, matches: list[regex.Match[str]], k: int) -> bool:
    """Two flagged words in a row ("partie carree") are a foreign phrase, not typos."""
    before = matches[k - 1] if k else None
    after = matches[k + 1] if k + 1 < len(matches) else None
    start, end = matches[k].span()
    return bool(
        (before is not None and _SPACES.fullmatch(text, before.end(), start))
        or (after is not None and _SPACES.fullmatch(text, end, after.start()))
    )


def _foreign(word: str) -> bool:
    """A common French word ("fait", "verrons"): English prose borrows French phrases."""
    return lexicon.zipf(word, "fr") >= 2.5


_NEXT_WORD = compiled(r"[ \t\n]+([\p{L}]+)")
_PREVIOUS_WORD = compiled(r"(?r)([\p{L}]+)[ \t\n]+")


def _frenchish(word: str) -> bool:
    word = word.lower()
    return lexicon.zipf(word, "fr") >= 2.5 and lexicon.zipf(word, "fr") > lexicon.zipf(word, "en")


def _french_beside(text: str, start: int, end: int) -> bool:
    """A word more French than English next to ``text[start:end]``: "fait accompli"."""
    after = _NEXT_WORD.match(text, end)
    before = _PREVIOUS_WORD.match(text, 0, start)
    return any(m is not None and _frenchish(m.group(1)) for m in (after, before))


def _uses(word: str, counts: Counter[str], good: Container[str] = frozenset()) -> int:
    """How often ``word`` and its regular inflections occur (the document's own words).

    A form that is itself a dictionary word is a different word, not a use of this
    one: "complete" is no evidence for "complet".
    """
    base = stem(word)
    forms = {base + end for end in ("", "e", "s", "es", "ed", "d", "ing", "er", "ers", "ly")}
    forms = {w for w in forms if w not in good}
    forms |= {w + "'s" for w in forms}
    forms.add(word)
    return sum(counts.get(w, 0) for w in forms)


# Where an unknown word is flagged: no letter, mark, digit or such before; after,
# "'s" and no letter, or nothing that continues the word.
_BEFORE = r"(?<![\p{L}\p{M}'\d_@/.])"
_AFTER = r"(?='s(?![\p{L}\d])|(?![\p{L}\p{M}'\d_@/]|\.[\p{L}\d]))"


def _occurrences(text: str, words: Iterable[str]) -> list[regex.Match[str]]:
    """Where ``words`` occur as flagged words (matches never overlap: whole words)."""
    return occurrences(text, words, _BEFORE, _AFTER)


class Spelling(Rule):
    code = "S101"
    name = "spelling"
    description = "A word that is in no dictionary, the document or the project's word list."
    examples: ClassVar[dict[str, tuple[str, ...]]] = {
        "wrong": (
            "He waved his chipsticks in the air.",
            "They never recieve letters.",
            "The calf was passin the gate when the dog barked.",
            "It semed a longer job than I had thought.",
            "The change of scene was a complet success, and the complete rest helped.",
        ),
        "right": (
            "He waved his chopsticks in the air.",
            "\"Nothin' doin',\" she said, \"an' I warn't eatin' neither.\"",
            "The Quorvandi fleet sailed at dawn.",
            "A snarkle here, a snarkle there, snarkles everywhere.",
            "They meant to coöperate on the encyclopædia.",
            "It was a fait accompli by the time he heard of it.",
            '"Whither goest thou?" he asked the stranger.',
        ),
    }

    def check(self, doc: Document, ctx: Context) -> Iterable[Finding]:
        joined = prose(doc, ctx)
        lang = lexicon.language_codes(ctx.options.language)[0]
        if lang != "en" or joined.language() != "en":
            return  # the curated dictionaries are English; other languages are not checked
        counts = joined.words()
        if not counts:
            return
        own = project_words(ctx.options)
        bad: dict[str, str] = {}
        voiced: set[str] = set()  # dropped g or unknown words that dialect excuses
        good = _dictionary.curated(lang)
        checked = [t for t in counts if MIN_LENGTH <= len(t) <= MAX_LENGTH and t.islower()]
        unknown = good.absent(checked)  # most words are known
        good.expect(LOOK_UPS_PER_UNKNOWN * len(unknown))
        for token in unknown:
            if "'" in token:
                if not token.endswith("'s") or token.count("'") > 1:
                    continue  # dialect or elision: warn't, an', 'em
                token = token[:-2]
            if _ELONGATED.search(token):
                continue  # expressive lengthening: sooo, okaaay, hmmm
            folded = _dialect.fold(token)
            if folded != token and (folded in good or _dictionary.status(folded, lang) == "known"):
                continue  # coöperate, encyclopædia
            state = _dictionary.status(token, lang)
            if state == "known" or token in own:
                continue
            if _uses(token, counts, good) >= REPEATS_ACCEPT[state]:
                continue
            if token.endswith("in") and _dictionary.status(token + "g", lang) == "known":
                voiced.add(token)  # a dropped g: "nothin" in dialogue, a slip in narration
            elif not _dictionary.slip_from_common(token, lang):
                voiced.add(token)  # no slip from a common word: dialect, or a coinage
            bad[token] = state
        if not bad:
            return
        text = joined.text
        matches = _occurrences(text, bad)
        offsets = [m.start() for m in matches]
        for k, m in enumerate(matches):
            word = m.group()
            start, end = m.span()
            after = text[end : end + 1]
            if after in "—–" and after and (word in voiced or _dialect.truncated(word, lang)):
                continue  # interrupted speech ("at dinn—"), or a word glossed after a dash
            if word in voiced and _dialect.dense(text, start, offsets):
                continue  # dialect-dense passage: "nothin", words of the speaker's own
            if after == "-" or text[start - 1 : start] == "-":
                compound = _compound(text, start, end)
                if bad[word] == "suspicious" or _dictionary.status(compound, lang) == "known":
                    continue  # a part of a compound: "pince-nez", "beauti-ful"
            if _foreign_phrase(text, matches, k) or (
                _foreign(word) and (bad[word] == "unknown" or _french_beside(text, start, end))
            ):
                continue
            view, local = joined.locate(start)
            if view.text.count(MARK, 0, local) % 2 or view.text.count("_", 0, local) % 2:
                continue  # emphasised (*x*, _x_): foreign words, titles, ships' names
            kind = "misspelled" if bad[word] == "suspicious" else "unknown word"
            found = self.finding(view, local, local + len(word), f"'{word}': {kind}", (), ctx)
            # suggestions are worked out only if a formatter reads them
            yield replace(found, suggestions=Suggestions(word, lang))
