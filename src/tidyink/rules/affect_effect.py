"""affect/effect: usually the verb is "affect" and the noun is "effect"."""

from __future__ import annotations

from typing import ClassVar

from tidyink.rules._patterns import Pattern, PatternRule

_NOUN_BEFORE = (
    "the|an|no|any|side|great|little|much|positive|negative|adverse|desired|strong|lasting|full|"
    "real|some|profound|huge|immediate|opposite|same|similar|calming|special|cumulative|net|"
    "knock-on|ripple|domino|butterfly|greenhouse"
)
_PRONOUNS = "him|her|them|me|us|you|everyone|everybody|anyone|anybody|people|others"


class AffectEffect(PatternRule):
    code = "C108"
    name = "affect-effect"
    description = (
        "'affect' used as the noun ('the affect of') or 'effect' as the verb ('effect him')."
    )
    examples: ClassVar[dict[str, tuple[str, ...]]] = {
        "wrong": (
            "The affect of the storm was huge.",
            "It had no affect on her.",
            "The news won't effect him.",
            "She was deeply effected by the loss.",
        ),
        "right": (
            "The effect of the storm was huge.",
            "The news won't affect him.",
            "They hoped to effect a change.",
            "She was deeply affected by the loss.",
            "The patient showed a flat affect.",
        ),
    }
    patterns = (
        Pattern(
            rf"(?<=(?<![\p{{L}}'-])(?:{_NOUN_BEFORE})<<GAP>>)(?P<bad>affects?)"
            r"(?=<<GAP>>(?:of|on|upon|was|is|were|are|that|it|this)(?![\p{L}'-]))",
            lambda m: "effects" if m.group("bad").lower().endswith("s") else "effect",
            "the noun",
        ),
        Pattern(
            r"(?<![\p{L}'-])(?P<bad>effect(?:s|ed|ing)?)"
            rf"(?=<<GAP>>(?:{_PRONOUNS})(?![\p{{L}}'-]))",
            lambda m: "a" + m.group("bad")[1:].lower(),
            "the verb",
        ),
        Pattern(
            r"(?<=(?<![\p{L}'-])(?:deeply|badly|greatly|seriously|adversely|negatively|"
            r"positively|emotionally|strongly|profoundly|visibly|not|be|been|being|was|were|is|are|"
            r"get|got|gets|getting|feel|felt)<<GAP>>)(?P<bad>effected)"
            r"(?=<<GAP>>(?:by|me|him|her|them|us)(?![\p{L}'-]))",
            "affected",
            "the verb",
        ),
    )
