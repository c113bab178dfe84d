"""then/than: "better then" (a comparison) and "and than" (a sequence)."""

from __future__ import annotations

from typing import ClassVar

import regex

from tidyink.lazy_regex import compiled
from tidyink.rules import _pos
from tidyink.rules._patterns import Pattern, PatternRule, previous_words
from tidyink.rules._text import word_list

# "then" right after these is the adverb of time or sequence, never "than"
_SEQUENCE = frozenset(
    [
        "and",
        "but",
        "or",
        "nor",
        "since",
        "until",
        "till",
        "by",
        "from",
        "just",
        "only",
        "even",
        "back",
        "now",
        "so",
        "right",
        "there",
        "here",
        "what",
        "and'",
        "was",
        "were",
        "is",
        "are",
        "be",
        "been",
        "had",
        "has",
        "have",
        "would",
        "could",
        "should",
        "will",
        "did",
        "does",
        "do",
        "might",
        "may",
        "must",
        "shall",
    ]
)
# "than" needs one of these before it, in the same sentence
_LICENSORS = frozenset(
    [
        "else",
        "later",
        "different",
        "differently",
        "otherwise",
        "prefer",
        "preferred",
        "sooner",
        "hardly",
        "scarcely",
        "barely",
        "rather",
        "other",
        "others",
    ]
)
# "than" right after these (or at a sentence start) reads as a sequence: "and than we left"
_THAN_SEQUENCE = frozenset(
    [
        "and",
        "but",
        "so",
        "since",
        "until",
        "till",
        "back",
        "just",
        "only",
        "even",
        "now",
        "right",
        "will",
        "would",
        "shall",
        "should",
        "can",
        "could",
        "may",
        "might",
        "must",
        "did",
    ]
)


def comparative(word: str) -> bool:
    """A word that calls for "than": a listed one ("more", "rather", "else") or an
    adjective or adverb in the comparative ("prouder", "oftener"), not a noun that
    merely ends like one ("number", "water", "her")."""
    if word in word_list("comparatives.txt"):
        return True
    return _pos.comparative(word) and _pos.NOUN not in _pos.tags(word)


_TIME_COMPARATIVES = frozenset(["later", "earlier", "sooner"])
_IDIOM = compiled(r"[ \t\n]+and[ \t\n]+there\b", regex.IGNORECASE)
_SUBJECT = compiled(r"[ \t\n]+(?:i|he|she|we|they|you|it)[ \t\n]+[\p{L}]", regex.IGNORECASE)


def _comparison_before(text: str, m: regex.Match[str]) -> bool:
    """A comparative earlier in the clause: "better to rest then be used"."""
    if m.group("bad")[0].isupper():
        return False  # "Then" opens a sentence or a line of verse; "Than" never does
    words = previous_words(text, m.start("bad"), 8)
    if not words or words[0] in _SEQUENCE:
        return False
    if "than" in words or "then" in words:
        return False
    if _IDIOM.match(text, m.end("bad")):
        return False  # "then and there"
    for i, word in enumerate(words):
        if word != "else" and comparative(word):
            if i == 0 and word in _TIME_COMPARATIVES and _SUBJECT.match(text, m.end("bad")):
                return False  # time, then a clause: "two hours later then he came back"
            before = words[i + 1] if i + 1 < len(words) else ""
            if word == "other" and before in {"each", "the", "one", "every", "an", "some", "any"}:
                return False
            return not (word == "more" and before in {"once", "some", "any"})
    return False


def _no_comparison_before(text: str, m: regex.Match[str]) -> bool:
    """No comparative in the sentence, and "than" opens a clause ("and than we
    left", "he will than say") or stands alone before punctuation ("Well, than,")."""
    start = m.start("bad")
    clause = previous_words(text, start, 1)
    at_clause_start = not clause
    alone = m.group("after") is not None
    if not (alone or at_clause_start or clause[0] in _THAN_SEQUENCE):
        return False  # (most "than"s: the sentence's words are not even gathered)
    words = previous_words(text, start, 25, stop=".!?;")
    return not any(w in _LICENSORS or comparative(w) for w in words)


class ThenThan(PatternRule):
    code = "C101"
    name = "then-than"
    description = "'then' used for a comparison ('better then'), or 'than' for a sequence ('and than')."
    examples: ClassVar[dict[str, tuple[str, ...]]] = {
        "wrong": (
            "Better to rest a while then be sorry later.",
            "I would rather have a cat then a kitten.",
            "We counted the votes and than the totals were added.",
            "She was taller then her brother.",
            "She was prouder then ever.",
            "Well, than, what is it that you want to do with the boat?",
            "He will than say he never knew.",
            "He told us rather less then he knew.",
        ),
        "right": (
            "Better to rest a while than be sorry later.",
            "We ate, and then we left.",
            "It was better then, before the war.",
            "They hugged each other then left.",
            "More than ever, he wanted to leave.",
            "She knew more then than she does now.",
            "Her sister went first, then her mother.",
            "The water then rose to the sills.",
            "He was more tired, if anything, than before.",
            "She was more eager to settle it then and there.",
            "An hour later then she rang again.",
        ),
    }
    patterns = (
        Pattern(
            r"(?<![\p{L}'-])(?P<bad>then)(?=<<GAP>>(?!than\b)[\p{L}])",
            "than",
            "a comparison",
            _comparison_before,
        ),
        Pattern(
            r"(?<![\p{L}'-])(?P<bad>than)(?=<<GAP>>[\p{L}]|(?P<after>[ \t]*[,;!?\u2014\u2013]))",
            "then",
            "a sequence, not a comparison",
            _no_comparison_before,
        ),
    )
