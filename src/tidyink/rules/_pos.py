"""Parts of speech of English words, for the confusable-word rules.

Open classes (nouns, verbs, adjectives, adverbs and their inflections) come from
``data/pos.txt``, generated from lemminflect's lexicon (the NIH SPECIALIST
Lexicon) by ``scripts/make_pos_lexicon.py``; closed classes (prepositions,
determiners, pronouns, modals, auxiliaries, conjunctions) from
``data/closed_words.txt``. The open classes are not loaded into a dict (50,000
words, 20-30 ms on a first use): a few hundred sampled lines say which stretch of
the sorted file may hold a word, one substring search of it finds the word (about a
microsecond), and each word's answer is remembered.
"""

from __future__ import annotations

from functools import cache

from tidyink import datafiles as resources  # (files(): importlib.resources.files, cheaper)
from tidyink.wordindex import value_at

NOUN, PLURAL, VERB, VERB_S, PAST, ING, PARTICIPLE = "N", "P", "V", "Z", "D", "G", "E"
ADJECTIVE, COMPARATIVE, SUPERLATIVE, ADVERB = "A", "C", "S", "R"
VERBAL = frozenset("VZDGE")


def _read(name: str) -> str:
    return resources.files("tidyink").joinpath("data").joinpath(name).read_text(encoding="utf-8")


@cache
def _sorted_lines() -> bytes:
    """The "word TAGS" lines of ``pos.txt``, sorted by word (as UTF-8 bytes, which
    sort as the words' code points do), one space and a line break each, with a
    line break before the first."""
    raw = resources.files("tidyink").joinpath("data").joinpath("pos.txt").read_bytes()
    start = 0
    while raw.startswith(b"#", start):  # the header
        start = raw.index(b"\n", start) + 1
    return b"\n" + raw[start:]


WINDOW = 2048  # bytes between two sampled lines: a look-up searches about this much


@cache
def _samples() -> tuple[list[bytes], list[int]]:
    """The word of the first line after every :data:`WINDOW` bytes, and where that
    line starts (a few hundred lines: sorted, as the file is)."""
    lines = _sorted_lines()
    words: list[bytes] = []
    starts: list[int] = []
    start = 1
    while start < len(lines):
        space = lines.find(b" ", start)
        if space < 0:
            break
        words.append(lines[start:space])
        starts.append(start)
        start = lines.find(b"\n", start + WINDOW) + 1
        if not start:
            break
    return words, starts


_SEEN: dict[str, str] = {}
_SEEN_MAX = 200_000  # words remembered: a long batch run meets endless distinct words


def _search(word: str) -> str:
    """The tags of ``word`` ("" if absent): the sampled lines say which stretch of the
    file holds it, if any, and one search of that stretch finds its line."""
    if word.split() != [word]:
        return ""  # empty, or white space inside: no word of the file
    key = word.encode("utf-8", "surrogatepass")
    lines = _sorted_lines()
    words, starts = _samples()
    at = value_at(lines, words, starts, key, b" ", 0, len(lines))
    if at < 0:
        return ""
    stop = lines.find(b"\n", at)
    return lines[at : stop if stop >= 0 else len(lines)].rstrip(b"\r").decode("ascii")


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
    found = _SEEN.get(word)
    if found is None:
        if len(_SEEN) > _SEEN_MAX:
            _SEEN.clear()
        found = _SEEN[word] = _search(word)
    return found


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
