"""lose/loose: to misplace or fail (lose, losing) against not tight (loose)."""

from __future__ import annotations

from typing import ClassVar

from tidyink.rules._patterns import Pattern, PatternRule

_OBJECTS = (
    "the|my|your|his|her|their|our|its|it|him|them|me|us|you|this|that|control|weight|sight|track|"
    "touch|hope|faith|interest|money|everything|anything|sleep|face|heart|patience|consciousness|"
    "count|focus|time"
)
_BEFORE = (
    "will|would|could|should|might|may|must|can|can't|won't|don't|didn't|doesn't|gonna|to|not|"
    "never|cannot|couldn't|wouldn't|shouldn't"
)
_MAKE_LOOSE = (
    "come|came|comes|coming|break|broke|breaking|broken|cut|cuts|set|sets|hang|hangs|hanging|"
    "hung|shake|shook|shaken|work|worked|tear|tore|torn|pull|pulled|turn|turned|wriggle|wriggled|"
    "a|too|very|so"
)


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
        ),
        "right": (
            "Don't lose your keys.",
            "The screw came loose.",
            "They let loose a cheer.",
            "We are losing the game.",
            "Loosen the knot.",
        ),
    }
    patterns = (
        Pattern(
            rf"(?<=(?<![\p{{L}}'-])(?:{_BEFORE}|\p{{L}}+'d|\p{{L}}+'ll)<<GAP>>)(?P<bad>loose)"
            rf"(?=<<GAP>>(?:{_OBJECTS})(?![\p{{L}}'-]))",
            "lose",
            "to misplace or fail",
        ),
        Pattern(
            rf"(?<![\p{{L}}'-])(?P<bad>loosing)(?=<<GAP>>(?:{_OBJECTS})(?![\p{{L}}'-]))",
            "losing",
            "to misplace or fail",
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
