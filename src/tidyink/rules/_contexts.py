"""General contexts for the possessive/contraction rules (its, your, their, whose).

A possessive determiner ("its", "your", "their", "whose") is followed by a noun
phrase; a contraction ("it's", "you're", "they're", "who's") by what follows
"is"/"are". The part-of-speech lexicon (``_pos``) tells the two apart in
general contexts, not from lists of nouns:

- a possessive before a preposition, an adverb-only word, a participle that is
  no adjective, or an adjective that ends the phrase (punctuation, a subject
  pronoun, "to") is a contraction: "your at home", "their always late",
  "they said their gone", "your wrong.", "its true, she said";
- a contraction after an auxiliary or a preposition, or before a word that can
  only be a noun or a verb's base form (which never follows "is"/"are") is a
  possessive: "what is you're name", "to they're breed", "who's face".
"""

from __future__ import annotations

from functools import lru_cache

from tidyink.lazy_regex import compiled
from tidyink.rules import _pos
from tidyink.rules._text import word_list

_TOKEN = compiled(r"[ \t\u00a0\ue000]*\n?[ \t\u00a0\ue000]*(?:[\p{L}]+(?:['\u2019-][\p{L}]+)*|\S)")
CORE_PREPOSITIONS = frozenset(
    [
        "of",
        "at",
        "to",
        "in",
        "on",
        "from",
        "with",
        "by",
        "for",
        "into",
        "onto",
        "upon",
        "about",
        "among",
        "without",
        "within",
    ]
)
SUBJECTS = frozenset(["i", "he", "she", "we", "they", "you"])
AUXILIARIES = frozenset(
    [
        "is",
        "are",
        "was",
        "were",
        "am",
        "be",
        "been",
        "do",
        "does",
        "did",
        "have",
        "has",
        "had",
        "will",
        "would",
        "can",
        "could",
        "shall",
        "should",
        "may",
        "might",
        "must",
        "ain't",
        "isn't",
        "aren't",
        "wasn't",
        "weren't",
    ]
)
CLAUSE_END = frozenset(".,;:!?")


def following(text: str, pos: int, n: int = 2) -> list[str]:
    """The next ``n`` tokens after ``pos``: words (as written) or single punctuation marks."""
    out: list[str] = []
    while len(out) < n:
        m = _TOKEN.match(text, pos)
        if m is None:
            break
        out.append(m.group())
        out[-1] = out[-1].strip()
        pos = m.end()
    return out


def _lower_word(token: str) -> str | None:
    """``token`` when it is a lower-case word (names and punctuation give None)."""
    return token if token[:1].isalpha() and token.islower() else None


def adjective_only(word: str) -> bool:
    """An adjective that is no noun ("true", "certain"); "own" follows possessives."""
    t = _pos.tags(word)
    return (
        _pos.ADJECTIVE in t
        and not (set(t) & {_pos.NOUN, _pos.PLURAL, _pos.ING})  # "your going to the party"
        and word != "own"
    )


def adverb_only(word: str) -> bool:
    return word == "not" or (_pos.tags(word) == _pos.ADVERB and not _pos.function_word(word))


def participle_only(word: str) -> bool:
    """A past participle that is not also an adjective or a noun ("gone", "taken")."""
    t = _pos.tags(word)
    return _pos.PARTICIPLE in t and not (set(t) & {_pos.NOUN, _pos.ADJECTIVE, _pos.PLURAL})


def noun_or_base_verb(word: str) -> bool:
    """A singular noun that can otherwise only be a verb's base form ("name", "face"):
    it cannot follow "is" or "are" ("you're name"), bar nouns used as predicates."""
    t = _pos.tags(word)
    return (
        _pos.NOUN in t
        and set(t) <= {_pos.NOUN, _pos.VERB}
        and not _pos.function_word(word)
        and word not in word_list("predicate_nouns.txt")
    )


def _after_all(text: str, end: int) -> bool:
    """After "all"/"both": an adjective, adverb or participle ("all right", "both
    wrong"), not an -ing form ("their all going" is a gerund's subject)."""
    nxt = following(text, end, 3)
    word = _lower_word(nxt[1]) if len(nxt) > 1 else None
    if word is None:
        return False
    t = set(_pos.tags(word))
    return bool(t & {_pos.ADJECTIVE, _pos.ADVERB, _pos.PARTICIPLE}) and _pos.ING not in t


def contraction_meant(text: str, end: int) -> bool:
    """After a possessive ending at ``end``: does what follows need "is"/"are"?"""
    tokens = following(text, end, 1)
    first = _lower_word(tokens[0]) if tokens else None
    if first is None or _never_contracted(first):
        return False  # most possessives: a noun follows (one token read, no tags asked)
    tokens = following(text, end, 2)
    second = tokens[1].lower() if len(tokens) > 1 else ""
    if first in CORE_PREPOSITIONS:
        return True
    if (first == "no" and second != "-") or (first in ("all", "both") and _after_all(text, end)):
        return True  # "its no good", "their both right", "you're all wrong"
    if first in _pos.closed("wh") and second != "?":
        return True  # "its what you wanted" (not the echo "your what?")
    if first == "not" and _pos.ING in _pos.tags(second):
        return False  # a gerund: "because of its not being locked"
    if adverb_only(first) and _pos.ING in _pos.tags(second):
        return False  # a gerund: "its frequently occurring", "their never sleeping"
    if adverb_only(first) or participle_only(first):
        return not noun_phrase(text, end)
    if adjective_only(first):
        ends = second in CLAUSE_END or second in SUBJECTS or second in ("to", "that")
        return ends and not noun_phrase(text, end)
    return False


@lru_cache(maxsize=65536)
def _never_contracted(first: str) -> bool:
    """Whether :func:`contraction_meant` is False whatever comes after ``first``: it
    is no word any of its tests looks for (a preposition, "no", "all", "both", "not",
    a wh-word, an adverb, a participle or an adjective only)."""
    return not (
        first in CORE_PREPOSITIONS
        or first in ("no", "all", "both", "not")
        or first in _pos.closed("wh")
        or adverb_only(first)
        or participle_only(first)
        or adjective_only(first)
    )


_MODIFIER = frozenset([_pos.ADJECTIVE, _pos.ADVERB, _pos.ING, _pos.PARTICIPLE, _pos.PAST, _pos.COMPARATIVE])


def noun_phrase(text: str, pos: int, reach: int = 6) -> bool:
    """Whether modifiers after ``pos`` lead to a noun: "its already rather grim
    reputation", "your ordinary, commonplace patients" (a possessive's phrase)."""
    tokens = following(text, pos, reach)
    for i, token in enumerate(tokens):
        if token == ",":
            nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
            if not (nxt.islower() and set(_pos.tags(nxt)) & _MODIFIER):
                return False
            continue
        word = _lower_word(token)
        if word is None or (_pos.function_word(word) and word != "own"):
            return False
        t = set(_pos.tags(word))
        if not t or t & {_pos.NOUN, _pos.PLURAL}:
            return True  # a noun, or a rare word the lexicon leaves out ("volubility")
        if not t & _MODIFIER:
            return False
    return False


def possessive_meant(text: str, end: int, words_before: list[str]) -> bool:
    """For a contraction ending at ``end`` ("you're"): is a possessive meant?
    ``words_before`` are the words before it in its clause, nearest first."""
    before = words_before[0] if words_before else ""
    if before in AUXILIARIES or (before in CORE_PREPOSITIONS and before != "for"):
        # "for" is also the conjunction: "for they're good letters"
        tokens = following(text, end, 1)
        first = _lower_word(tokens[0]) if tokens else None
        return (
            first is not None
            and not _pos.function_word(first)
            and not (set(_pos.tags(first)) & {_pos.ING, _pos.PARTICIPLE, _pos.PAST})
            and not adverb_only(first)
        )
    tokens = following(text, end, 1)
    first = _lower_word(tokens[0]) if tokens else None
    return first is not None and noun_or_base_verb(first)


TIME_SPANS = frozenset(
    [
        "years",
        "months",
        "weeks",
        "days",
        "nights",
        "hours",
        "minutes",
        "moments",
        "seconds",
        "centuries",
        "ages",
        "year",
        "month",
        "week",
        "day",
        "night",
        "morning",
        "evening",
        "afternoon",
        "summer",
        "winter",
        "spring",
        "autumn",
    ]
)


def possessive_for_there(text: str, end: int, words_before: list[str]) -> bool:
    """For "there" ending at ``end``: "there appreciation" wants "their" (a word that can
    only be a noun follows), unless "there" is existential ("is there time") or a
    place before a span of time ("lived there years") or a call ("there, boy!")."""
    return not there_excused(words_before) and noun_after_there(text, end)


def there_excused(words_before: list[str]) -> bool:
    """An auxiliary or a place word before "there": existential or a place ("is there
    time", "over there")."""
    before = words_before[0] if words_before else ""
    return before in AUXILIARIES or before in ("here", "and", "over", "out", "in", "up", "down")


def noun_after_there(text: str, end: int) -> bool:
    """What :func:`possessive_for_there` asks of the words after "there" (ending at
    ``end``): a word that can only be a noun, or an adjective and a noun."""
    tokens = following(text, end, 2)
    first = _lower_word(tokens[0]) if tokens else None
    if first is None or first in TIME_SPANS:
        return False
    second = tokens[1] if len(tokens) > 1 else ""
    if _pos.noun_only(first):
        return second not in ("!", "?", ",")
    # an adjective and a noun: "by there rustic neighbours"
    t = set(_pos.tags(first))
    nxt = _lower_word(second)
    return (
        _pos.ADJECTIVE in t
        and not t & {_pos.ADVERB, _pos.VERB, _pos.COMPARATIVE, _pos.SUPERLATIVE}
        and not _pos.function_word(first)
        and nxt is not None
        and nxt not in TIME_SPANS
        and _noun_after_adjective(nxt)
    )


def _noun_after_adjective(word: str) -> bool:
    """A noun (also a verb's -s form: "neighbours") and nothing else."""
    t = set(_pos.tags(word))
    return (
        bool(t & {_pos.NOUN, _pos.PLURAL})
        and not t
        & {
            _pos.ADJECTIVE,
            _pos.ADVERB,
            _pos.ING,
            _pos.PARTICIPLE,
            _pos.PAST,
        }
        and not _pos.function_word(word)
    )


def past_verb_follows(text: str, end: int) -> bool:
    """A past-tense verb that starts no noun phrase: "their broke out a fire"."""
    tokens = following(text, end, 1)
    first = _lower_word(tokens[0]) if tokens else None
    if first is None:
        return False
    t = set(_pos.tags(first))
    return _pos.PAST in t and not t & {_pos.NOUN, _pos.PLURAL, _pos.PARTICIPLE} and not noun_phrase(text, end)


def gerund_to_verb(text: str, end: int) -> bool:
    """An -ing form, "to" and a verb: "your dying to hear" ("you're")."""
    first = following(text, end, 1)
    if not first or _lower_word(first[0]) in (None, "going") or not _ing_only(first[0]):
        return False  # (most words: the two after it are not read)
    tokens = following(text, end, 3)
    words = [_lower_word(t) for t in tokens]
    if len(words) < 3 or None in words or words[0] == "going" or words[1] != "to":
        return False
    first, _, third = words
    t = set(_pos.tags(first))
    return _pos.ING in t and _pos.NOUN not in t and _pos.VERB in _pos.tags(third)


def _ing_only(word: str) -> bool:
    """An -ing form that is no noun (what :func:`gerund_to_verb` needs first)."""
    t = _pos.tags(word)
    return _pos.ING in t and _pos.NOUN not in t


FINITE = frozenset(["was", "were", "is", "are", "had", "have", "has", "would", "could", "did", "will"])


def plural_subject_follows(text: str, end: int) -> bool:
    """A plural noun, then a finite verb: "they're friends were" is "their friends were"."""
    tokens = following(text, end, 2)
    words = [_lower_word(t) for t in tokens]
    if len(words) < 2 or None in words:
        return False
    t = set(_pos.tags(words[0]))
    plural = _pos.PLURAL in t and not t & {_pos.ADJECTIVE, _pos.ADVERB, _pos.ING, _pos.PARTICIPLE}
    return plural and words[1] in FINITE


def predicate_follows(text: str, end: int) -> bool:
    """An adjective (not a verb), then a subject pronoun, "that" or "to": "Its natural
    he should", for a sentence-initial "Its"."""
    tokens = following(text, end, 2)
    if len(tokens) < 2:
        return False
    first = _lower_word(tokens[0])
    if first is None or first == "own":
        return False
    t = set(_pos.tags(first))
    adjective = _pos.ADJECTIVE in t and not t & {_pos.VERB, _pos.PLURAL, _pos.ING}
    return adjective and tokens[1].lower() in SUBJECTS | {"that", "to"}
