"""its/it's: the possessive has no apostrophe; "it's" is "it is" or "it has"."""

from __future__ import annotations

from typing import ClassVar

import regex

from tidyink.rules._contexts import contraction_meant, predicate_follows
from tidyink.rules._patterns import Pattern, PatternRule

_PREPOSITIONS = "of|in|on|into|onto|from|by|with|within|at|upon|under|through|towards?|about|to"
# after "its": words that only follow "it is" / "it has"
_AFTER_IT_IS = (
    "a|an|the|not|been|going|gonna|getting|so|too|really|always|never|ok|okay|alright|over|because|about|nothing"
)


def _contraction(text: str, m: regex.Match[str]) -> bool:
    return contraction_meant(text, m.end("bad"))


def _sentence_predicate(text: str, m: regex.Match[str]) -> bool:
    return m.group("bad") == "Its" and predicate_follows(text, m.end("bad"))


class ItsIts(PatternRule):
    code = "C102"
    name = "its-it-s"
    description = "'it's' (it is) where the possessive 'its' is meant, and the reverse."
    examples: ClassVar[dict[str, tuple[str, ...]]] = {
        "wrong": (
            "The dog wagged it's tail.",
            "The club lost some of it's members.",
            "Its a long way home.",
            "I think its going to rain.",
            "Its true, every word of it, she said to the crowd.",
            "I know that its of no use to anyone at all.",
            "He threw the ball back to it's owner in the yard.",
            "Its no good asking him now, he has gone.",
            "Its all very well for you to say that.",
            "Its what you are used to, I suppose.",
            "Its natural he should want to go home.",
        ),
        "right": (
            "It's Santa Claus at the door.",
            "I reckon it's time we left.",
            "The company and its owner.",
            "Its colours faded in the sun.",
            "It's its own reward.",
            "The house and its old walls were all that was left of it.",
            "The town kept its best, and the rest went to the city.",
            "The team gave its all, and it was not enough.",
            "Its natural beauty drew visitors from far away.",
            "Nothing could prevent its frequently occurring again.",
        ),
    }
    patterns = (
        Pattern(
            r"(?<![\p{L}'-])(?P<bad>it's)(?=<<GAP>><<possessed.txt>>(?![\p{L}'-]))",
            "its",
            "possessive",
        ),
        Pattern(
            rf"(?<=(?<![\p{{L}}'-])(?:{_PREPOSITIONS})<<GAP>>)(?P<bad>it's)"
            r"(?=<<GAP>>(?-i:[a-z]+)(?![\p{L}'-]))(?!<<GAP>>(?:not|been|a|an|the|so|too|very|all|"
            r"just|only|still|going|gonna|got|over|true|time|what|how|like|no|because|being|having|getting|"
            r"here|there|now|all|said)\b)",
            "its",
            "possessive",
        ),
        Pattern(
            rf"(?<![\p{{L}}'-])(?P<bad>its)(?=<<GAP>>(?:{_AFTER_IT_IS})(?![\p{{L}}'-]))"
            r"(?!<<GAP>>not<<GAP>>(?!going<<GAP>>to\b)[\p{L}]+ing\b)",
            "it's",
            "'it is' or 'it has'",
        ),
        Pattern(
            r"(?<![\p{L}'-])(?P<bad>its)(?=<<GAP>>time<<GAP>>(?:to|i|you|he|she|we|they)\b)",
            "it's",
            "'it is'",
        ),
        Pattern(r"(?<![\p{L}'-])(?P<bad>its)(?=<<GAP>>[\p{L}])", "it's", "'it is' or 'it has'", _contraction),
        Pattern(r"(?<![\p{L}'-])(?P<bad>its)(?=<<GAP>>[\p{L}])", "it's", "'it is'", _sentence_predicate),
    )
