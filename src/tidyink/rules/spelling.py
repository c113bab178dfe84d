"""Misspelled words, checked against a curated dictionary, wordfreq, the document
itself and the project's word list (see ``_dictionary`` for how they combine).

Only lower-case words are checked: capitalised words are names (the N rules
watch those). Words touching an apostrophe other than a possessive ``'s``
(``eatin'``, ``warn't``, ``'em``, ``an'``) are dialect or elision, never flagged,
and nor is a dropped g (``nothin``) when the full word is known.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

import regex

from tidyink import lexicon
from tidyink.document import Document
from tidyink.filters.base import Context
from tidyink.records import Finding
from tidyink.rules import _dictionary
from tidyink.rules._project import project_words
from tidyink.rules._text import alternation, prose
from tidyink.rules.base import Rule

_TOKEN = regex.compile(r"(?<![\p{L}\p{M}'\d_])[\p{L}\p{M}]+(?='s(?![\p{L}\d])|(?![\p{L}\p{M}'\d_]))")
MIN_LENGTH = 4  # shorter words are too often abbreviations, interjections or dialect
REPEATS_ACCEPT = {"unknown": 2, "suspicious": 3}  # uses in the document that make a word its own


_SUFFIXES = ("ings", "ing", "ers", "er", "ed", "es", "s", "ly", "d")


def stem(word: str) -> str:
    """A crude stem, enough to count "snarkle", "snarkles" and "snarkled" as one word."""
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            base = word[: -len(suffix)]
            return base[:-1] if base.endswith("e") else base
    return word[:-1] if word.endswith("e") else word


class Spelling(Rule):
    code = "S101"
    name = "spelling"
    description = "A word that is in no dictionary, the document or the project's word list."
    examples = {
        "wrong": ("He waved his chipsticks in the air.", "They never recieve letters."),
        "right": (
            "He waved his chopsticks in the air.",
            "\"Nothin' doin',\" she said, \"an' I warn't eatin' neither.\"",
            "The Quorvandi fleet sailed at dawn.",
            "A snarkle here, a snarkle there, snarkles everywhere.",
        ),
    }

    def check(self, doc: Document, ctx: Context) -> Iterable[Finding]:
        joined = prose(doc)
        counts = Counter(_TOKEN.findall(joined.text))
        if not counts:
            return
        lang = lexicon.language_codes(ctx.options.language)[0]
        own = project_words(ctx.options)
        family: Counter[str] = Counter()
        for token, n in counts.items():
            family[stem(token.lower())] += n
        bad: dict[str, str] = {}
        for token in counts:
            if not token.islower() or len(token) < MIN_LENGTH:
                continue
            state = _dictionary.status(token, lang)
            if state == "known" or family[stem(token)] >= REPEATS_ACCEPT[state] or token in own:
                continue
            if token.endswith("in") and _dictionary.status(token + "g", lang) == "known":
                continue  # a dropped g: nothin, somethin
            bad[token] = state
        if not bad:
            return
        pattern = regex.compile(
            rf"(?<![\p{{L}}\p{{M}}'\d_])(?:{alternation(set(bad))})(?![\p{{L}}\p{{M}}\d_])"
            r"(?!'(?!s(?![\p{L}\d])))"
        )
        for m in pattern.finditer(joined.text):
            word = m.group()
            view, local = joined.locate(m.start())
            suggestions = _dictionary.suggest(word, lang)
            hint = f"; did you mean '{suggestions[0]}'?" if suggestions else ""
            kind = "misspelled" if bad[word] == "suspicious" else "unknown word"
            yield self.finding(
                view, local, local + len(word), f"'{word}': {kind}{hint}", suggestions, ctx
            )
