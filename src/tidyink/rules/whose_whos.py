"""whose/who's: the possessive against "who is" / "who has"."""

from __future__ import annotations

from typing import ClassVar

import regex

from tidyink.rules._contexts import contraction_meant, possessive_meant
from tidyink.rules._patterns import Pattern, PatternRule, previous_words

_AFTER_WHO_IS = (
    "a|an|the|not|been|gonna|going|coming|getting|doing|talking|calling|asking|laughing|trying|"
    "looking|making|taking|saying|telling|running|playing|leaving|staying|winning|there|here|next|"
    "ready|sorry|afraid|still|never|always"
)
_VERBS = "was|is|were|are|had|has|did|does|would|could|will|can|must"


def _contraction(text: str, m: regex.Match[str]) -> bool:
    return contraction_meant(text, m.end("bad"))


def _possessive(text: str, m: regex.Match[str]) -> bool:
    return possessive_meant(text, m.end("bad"), previous_words(text, m.start("bad"), 1))


class WhoseWhos(PatternRule):
    code = "C105"
    name = "whose-who-s"
    description = "'whose' (possessive) where 'who's' (who is, who has) is meant, and the reverse."
    examples: ClassVar[dict[str, tuple[str, ...]]] = {
        "wrong": (
            "Whose there?",
            "I wonder whose coming tonight.",
            "Whose been eating my soup?",
            "The boy who's father was a sailor.",
            "A girl who's own mother forgot her.",
            "And now whose to say what the right answer is?",
            "She met the old sailor who's face was burnt by the sun.",
        ),
        "right": (
            "Who's there?",
            "Whose coat is this?",
            "I don't know whose that is.",
            "The boy whose father was a sailor.",
            "Who's been eating my soup?",
            "A man who's always late.",
            "He asked who's next in the line for the bread.",
            "The woman whose house burned down is staying with us.",
        ),
    }
    patterns = (
        Pattern(
            rf"(?<![\p{{L}}'-])(?P<bad>whose)(?=<<GAP>>(?:{_AFTER_WHO_IS})(?![\p{{L}}'-]))",
            "who's",
            "'who is' or 'who has'",
        ),
        Pattern(
            r"(?<![\p{L}'-])(?P<bad>who's)(?=<<GAP>><<possessed.txt>>(?![\p{L}'-]))",
            "whose",
            "possessive",
        ),
        Pattern(
            r"(?<![\p{L}'-])(?P<bad>who's)(?=<<GAP>>(?!(?:been|not|a|an|the|also|always|never|"
            r"just|still|only|really|so|very|too|here|there|now|who|what|that|this|he|she|it|they"
            rf")\b)(?-i:[a-z]+)(?<!ing|ed|ly|en)<<GAP>>(?:{_VERBS})(?![\p{{L}}'-]))",
            "whose",
            "possessive",
        ),
        Pattern(r"(?<![\p{L}'-])(?P<bad>whose)(?=<<GAP>>[\p{L}])", "who's", "'who is'", _contraction),
        Pattern(r"(?<![\p{L}'-])(?P<bad>who's)(?=<<GAP>>[\p{L}])", "whose", "possessive", _possessive),
    )
