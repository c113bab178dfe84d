"""lose/loose: to misplace or fail (lose, losing) against not tight (loose)."""

from __future__ import annotations

from typing import ClassVar

import regex

from tidyink.rules import _pos
from tidyink.rules._contexts import following
from tidyink.rules._patterns import Pattern, PatternRule, previous_words
from tidyink.rules._text import word_list

_BEFORE = (
    "will|would|could|should|might|may|must|can|shall|can't|won't|don't|didn't|doesn't|gonna|to|not|"
    "never|cannot|couldn't|wouldn't|shouldn't"
)
_MAKE_LOOSE = (
    "come|came|comes|coming|break|broke|breaking|broken|cut|cuts|set|sets|hang|hangs|hanging|"
    "hung|shake|shook|shaken|work|worked|tear|tore|torn|pull|pulled|turn|turned|wriggle|wriggled|"
    "a|too|very|so"
)


def _object(word: str) -> bool:
    """A word that starts an object: a determiner, a pronoun or a noun, not a thing
    set free ("loose the hounds")."""
    if word in word_list("release_objects.txt"):
        return False
    det_or_pron = word in _pos.closed("det") or word in _pos.closed("pron") or word == "one"
    tags = set(_pos.tags(word))
    noun = bool(tags & {_pos.NOUN, _pos.PLURAL}) and not tags & {_pos.ADJECTIVE, _pos.ADVERB}
    return det_or_pron or (noun and not _pos.function_word(word))


def _takes_object(text: str, m: regex.Match[str]) -> bool:
    """ "to loose no time", "loosing all sense", "looses track": the verb is "lose"."""
    tokens = following(text, m.end("bad"), 3)
    if not tokens:
        return False
    word = tokens[0]
    released = len(tokens) > 1 and tokens[1].lower() in word_list("release_objects.txt")
    if word.lower() in _pos.closed("det") and released:
        return False  # "to loose the hounds", "loosing his hold"
    if m.group("bad").lower() == "loosing":
        before = previous_words(text, m.start("bad"), 1)
        if before and before[0] in ("the", "a", "of"):
            return False  # the noun: "the loosing of the arrows"
    return word.islower() and _object(word)


class LoseLoose(PatternRule):
    code = "C106"
    name = "lose-loose"
    description = "'loose' (not tight) where 'lose' is meant ('loosing the game'), and the reverse."
    examples: ClassVar[dict[str, tuple[str, ...]]] = {
        "wrong": (
            "Don't loose your keys.",
            "He'd loose it if he knew.",
            "We are loosing the game.",
            "I hate loosing my temper.",
            "The dog broke lose again.",
            "A lose thread hung from his cuff.",
            "There is not a moment to loose!",
            "I shall loose my place in the queue.",
            "She was willingly loosing all sense of time.",
            "In a city that size one looses track of friends.",
        ),
        "right": (
            "Don't lose your keys.",
            "The screw came loose.",
            "They let loose a cheer.",
            "We are losing the game.",
            "Loosen the knot.",
            "The archers were loosing arrows at the wall.",
            "He told them to loose the hounds.",
            "The loosing of the arrows began at dawn.",
        ),
    }
    patterns = (
        Pattern(
            rf"(?<=(?<![\p{{L}}'-])(?:{_BEFORE}|\p{{L}}+'d|\p{{L}}+'ll)<<GAP>>)(?P<bad>loose)"
            r"(?=<<GAP>>[\p{L}])",
            "lose",
            "to misplace or fail",
            _takes_object,
        ),
        Pattern(
            r"(?<=(?<![\p{L}'-])to<<GAP>>)(?P<bad>loose)(?=[ \t]*[.!?;,])",
            "lose",
            "to misplace or fail",
        ),
        Pattern(
            r"(?<![\p{L}'-])(?P<bad>loosing)(?=<<GAP>>[\p{L}])",
            "losing",
            "to misplace or fail",
            _takes_object,
        ),
        Pattern(
            r"(?<![\p{L}'-])(?P<bad>looses)(?=<<GAP>>[\p{L}])",
            "loses",
            "to misplace or fail",
            _takes_object,
        ),
        Pattern(
            r"(?<![\p{L}'-])(?P<bad>looser)(?=[ \t]*[.!?,;])(?<=(?:a|the|such a)<<GAP>>looser)",
            "loser",
            "one who loses",
        ),
        Pattern(
            rf"(?<=(?<![\p{{L}}'-])(?:{_MAKE_LOOSE})<<GAP>>)(?P<bad>lose)(?![\p{{L}}'-])"
            r"(?!<<GAP>>(?:the|my|your|his|her|their|our|its|it|him|them|me|us|you|this|that|"
            r"some|all|every|any|a|an|one|sight|track|control|weight|touch|hope|faith|interest|"
            r"heart|face|time|sleep|money|count|patience|focus|everything|anything|nothing)\b)",
            "loose",
            "not tight",
        ),
    )
