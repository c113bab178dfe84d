"""could of / should of / would of: "have" (or its 've) heard as "of"."""

from __future__ import annotations

from typing import ClassVar

from tidyink.rules._patterns import Pattern, PatternRule


class CouldOf(PatternRule):
    code = "C109"
    name = "could-of"
    description = "'could of', 'should of', 'would of' (and must, might, may) for '... have'."
    examples: ClassVar[dict[str, tuple[str, ...]]] = {
        "wrong": (
            "I could of told you.",
            "You should of been there.",
            "She must of forgotten.",
            "We would of gone home.",
        ),
        "right": (
            "I could have told you.",
            "He would, of course, say so.",
            "He would of course say so.",
            "All she could of the speech was the end.",
        ),
    }
    patterns = (
        Pattern(
            r"(?<=(?<![\p{L}'-])(?:could|should|would|must|might|may|couldn't|shouldn't|"
            r"wouldn't|mustn't|oughta|coulda)<<GAP>>)(?P<bad>of)"
            r"(?=<<GAP>>(?:<<participles.txt>>|(?-i:[a-z]+ed))(?![\p{L}'-]))",
            "have",
            "'could have', not 'could of'",
        ),
    )
