"""Parts of speech of English words, for the confusable-word rules.

Open classes (nouns, verbs, adjectives, adverbs and their inflections) come from
``data/pos.txt``, generated from lemminflect's lexicon (the NIH SPECIALIST
Lexicon) by ``scripts/make_pos_lexicon.py``; closed classes (prepositions,
determiners, pronouns, modals, auxiliaries, conjunctions) from
``data/closed_words.txt``. Loaded once, on first use (about 30 ms).
"""

from __future__ import annotations

from functools import cache
from importlib import resources

NOUN, PLURAL, VERB, VERB_S, PAST, ING, PARTICIPLE = "N", "P", "V", "Z", "D", "G", "E"
ADJECTIVE, COMPARATIVE, SUPERLATIVE, ADVERB = "A", "C", "S", "R"
VERBAL = frozenset("VZDGE")


def _read(name: str) -> str:
    return resources.files("tidyink").joinpath("data").joinpath(name).read_text(encoding="utf-8")


@cache
def _open_classes() -> dict[str, str]:
    text = _read("pos.txt")
    start = 0
    while text.startswith("#", start):  # the header
        start = text.index("\n", start) + 1
    words = iter(text[start:].split())  # "word TAGS" pairs: built in C, in milliseconds
    return dict(zip(words, words))


@cache
def _closed_classes() -> dict[str, frozenset[str]]:
    out: dict[str, frozenset[str]] = {}
    for line in _read("closed_words.txt").splitlines():
        if line and not line.startswith("#"):
            name, _, words = line.partition(":")
            out[name.strip()] = frozenset(words.split())
    return out


def tags(word: str) -> str:
    """The open-class tags of a lower-case ``word`` ("" when it has none)."""
    return _open_classes().get(word, "")


def closed(name: str) -> frozenset[str]:
    """A closed class: ``prep``, ``det``, ``pron``, ``modal``, ``aux`` or ``conj``."""
    return _closed_classes()[name]


def function_word(word: str) -> bool:
    return any(word in words for words in _closed_classes().values())


def noun_only(word: str) -> bool:
    """A noun that is not also a verb, adjective, adverb or function word ("appreciation")."""
    t = tags(word)
    return bool(t) and set(t) <= {NOUN, PLURAL} and not function_word(word)


def singular_noun_only(word: str) -> bool:
    return noun_only(word) and PLURAL not in tags(word)


def comparative(word: str) -> bool:
    """An adjective or adverb in the comparative ("prouder", "oftener", "later")."""
    return COMPARATIVE in tags(word)


def adverb_only(word: str) -> bool:
    t = tags(word)
    return t == ADVERB and not function_word(word)


def can_be(word: str, letters: str) -> bool:
    """Whether ``word`` has any of the tags ``letters``."""
    t = tags(word)
    return any(c in t for c in letters)
