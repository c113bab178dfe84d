"""your/you're: the possessive against "you are"."""

from __future__ import annotations

from typing import ClassVar

from tidyink.rules._patterns import Pattern, PatternRule

_PREPOSITIONS = "of|in|on|into|onto|from|with|within|at|upon|under|through|towards?"
_AFTER_YOU_ARE = "a|an|the|not|gonna|kidding|joking|welcome|such|sure|being silly"


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
        ),
        "right": (
            "You're welcome to stay.",
            "Your very own copy.",
            "You two should talk.",
            "Your right hand is shaking.",
            "Your going to the party upset him.",
            "Thank you, you're kind.",
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
    )
