"""your/you're: the possessive against "you are"."""

from __future__ import annotations

from typing import ClassVar

import regex

from tidyink.rules._contexts import contraction_meant, gerund_to_verb, possessive_meant
from tidyink.rules._patterns import Pattern, PatternRule, previous_words

_PREPOSITIONS = "of|in|on|into|onto|from|with|within|at|upon|under|through|towards?|to"
_AFTER_YOU_ARE = "a|an|the|not|gonna|kidding|joking|welcome|such|sure|being silly"


def _contraction(text: str, m: regex.Match[str]) -> bool:
    return contraction_meant(text, m.end("bad")) or gerund_to_verb(text, m.end("bad"))


def _possessive(text: str, m: regex.Match[str]) -> bool:
    return possessive_meant(text, m.end("bad"), previous_words(text, m.start("bad"), 1))


class YourYoure(PatternRule):
    code = "C103"
    name = "your-you-re"
    description = "'your' where 'you're' (you are) is meant, and the reverse."
    examples: ClassVar[dict[str, tuple[str, ...]]] = {
        "wrong": (
            "Your welcome to stay.",
            "Your not going to believe this.",
            "Your going to regret this.",
            "Is that you're own idea?",
            "Put it in you're pocket.",
            "I heard that your always late for the train.",
            "What is you're name, and where do you come from?",
            "He says that you're temper is worse than it was.",
            "I am sure that your certain to win the prize.",
            "I know your dying to hear the end of the story.",
            "I think your all wrong about the house.",
        ),
        "right": (
            "You're welcome to stay.",
            "Your very own copy.",
            "You two should talk.",
            "Your right hand is shaking.",
            "Your going to the party upset him.",
            "Thank you, you're kind.",
            "I know that you're trouble, and you're welcome here.",
            "She said that you're done with it and you're tired.",
            "It was your own fault, and your best was not enough.",
            "He hated your no-good brother and his friends.",
        ),
    }
    patterns = (
        Pattern(
            rf"(?<![\p{{L}}'-])(?P<bad>your)(?=<<GAP>>(?:{_AFTER_YOU_ARE})(?![\p{{L}}'-]))"
            r"(?!<<GAP>>not<<GAP>>(?!going<<GAP>>to\b)[\p{L}]+ing\b)",
            "you're",
            "'you are'",
        ),
        Pattern(
            r"(?<![\p{L}'-])(?P<bad>your)(?=<<GAP>>going<<GAP>>to<<GAP>>(?!(?:the|a|an|my|your|"
            r"his|her|their|our|its|this|that|these|those|school|church|bed|work|town|college)\b)"
            r"(?-i:[a-z]+)\b)",
            "you're",
            "'you are'",
        ),
        Pattern(
            r"(?<![\p{L}'-])(?P<bad>your)(?=<<GAP>>(?:so|too)<<GAP>>[\p{L}]+[.!?,])",
            "you're",
            "'you are'",
        ),
        Pattern(
            r"(?<![\p{L}'-])(?P<bad>you're)(?=<<GAP>><<possessed.txt>>(?![\p{L}'-]))",
            "your",
            "possessive",
        ),
        Pattern(
            rf"(?<=(?<![\p{{L}}'-])(?:{_PREPOSITIONS})<<GAP>>)(?P<bad>you're)"
            r"(?=<<GAP>>(?-i:[a-z]+)(?![\p{L}'-]))(?!<<GAP>>(?:not|a|an|the|so|too|very|all|"
            r"just|only|still|going|gonna|right|welcome|sure|like|always|never)\b)",
            "your",
            "possessive",
        ),
        Pattern(r"(?<![\p{L}'-])(?P<bad>your)(?=<<GAP>>[\p{L}])", "you're", "'you are'", _contraction),
        Pattern(r"(?<![\p{L}'-])(?P<bad>you're)(?=<<GAP>>[\p{L}])", "your", "possessive", _possessive),
    )
