"""their/there/they're: the possessive, the place (or "there is"), and "they are"."""

from __future__ import annotations

from typing import ClassVar

import regex

from tidyink.rules._contexts import (
    contraction_meant,
    noun_after_there,
    past_verb_follows,
    plural_subject_follows,
    possessive_meant,
    there_excused,
)
from tidyink.rules._patterns import Pattern, PatternRule, previous_words

_PREPOSITIONS = "of|in|on|into|onto|from|with|within|at|upon|under|through|towards?|to"  # not "for": also "because"


def _contraction(text: str, m: regex.Match[str]) -> bool:
    return contraction_meant(text, m.end("bad"))


def _possessive(text: str, m: regex.Match[str]) -> bool:
    end = m.end("bad")
    before = previous_words(text, m.start("bad"), 1)
    return possessive_meant(text, end, before) or plural_subject_follows(text, end)


def _past_verb(text: str, m: regex.Match[str]) -> bool:
    return past_verb_follows(text, m.end("bad"))


def _possessive_there(text: str, m: regex.Match[str]) -> bool:
    """:func:`possessive_for_there`, the words after "there" read first: most rule it
    out without the clause before being searched."""
    return (
        m.group("bad") == "there"
        and noun_after_there(text, m.end("bad"))
        and not there_excused(previous_words(text, m.start("bad"), 1))
    )


class TheirThere(PatternRule):
    code = "C104"
    name = "their-there"
    description = "Mix-ups of 'their' (possessive), 'there' (place, 'there is') and 'they're' (they are)."
    examples: ClassVar[dict[str, tuple[str, ...]]] = {
        "wrong": (
            "Their is no time left.",
            "They went back to there own house.",
            "I think their not here yet.",
            "The choice is their's to make.",
            "They went into they're house.",
            "Put the box over their.",
            "They said that their always late for the train.",
            "If you ask me, their gone for good this time.",
            "They showed the mark of there appreciation to the staff.",
            "We watched as they made they're way through the crowd.",
            "When the rock hit the ground, their broke out a spring.",
            "The tracks can still be seen their, by the old gate.",
            "The farmers were regarded with suspicion by there rustic neighbours.",
            "I should say their both right about it.",
            "He hinted that they're rivals were behind it.",
        ),
        "right": (
            "There is no time left.",
            "They went back to their own house.",
            "They're not coming.",
            "Their house was over there.",
            "Out of there, all of you!",
            "Their going away was sudden.",
            "Is there time to finish the work before they come?",
            "We lived there years ago, before the war began.",
            "Read them, for they're good letters, all of them.",
            "They did their best, and their own people helped.",
            "They sold their used cars to the dealer.",
            "Some sense came back to their crazed minds at last.",
            "I know they're sailors, and they're rivals as well.",
            "We stayed there last summer with the children.",
            "They shared their never-ending meal at the long table.",
            "She liked their all going to the coast together.",
            "It showed in their united volubility at dinner.",
        ),
    }
    patterns = (
        Pattern(
            r"(?<![\p{L}'-])(?P<bad>their)(?=<<GAP>>(?:is|was|were|are|isn't|wasn't|weren't|aren't"
            r"|must be|might be|may be|seems|seemed|will be|would be|used to be|ain't|has been|had been)"
            r"(?![\p{L}'-]))",
            "there",
            "'there is', 'there was'",
        ),
        Pattern(
            r"(?<![\p{L}'-])(?P<bad>their)(?=<<GAP>>(?:not|gonna|a|an|the)(?![\p{L}'-]))"
            r"(?!<<GAP>>not<<GAP>>(?!going<<GAP>>to\b)[\p{L}]+ing\b)",
            "they're",
            "'they are'",
        ),
        Pattern(
            r"(?<=(?:over|in|out|up|down|here|and|right|back|from|get|got|go|went|stay|stayed|be)"
            r"<<GAP>>)(?P<bad>their)(?=[ \t]*[.!?,;])",
            "there",
            "a place",
        ),
        Pattern(
            r"(?<![\p{L}'-])(?P<bad>their)(?=<<GAP>>going<<GAP>>to<<GAP>>(?!(?:the|a|an|my|your|"
            r"his|her|their|our|its|this|that|these|those|school|church|bed|work|town|college)\b)"
            r"(?-i:[a-z]+)\b)",
            "they're",
            "'they are'",
        ),
        Pattern(r"(?<![\p{L}'-])(?P<bad>their's)(?![\p{L}'-])", "theirs", "no apostrophe"),
        Pattern(
            r"(?<![\p{L}'-])(?P<bad>(?:there|they're))(?=<<GAP>><<possessed.txt>>(?![\p{L}'-]))",
            "their",
            "possessive",
        ),
        Pattern(
            rf"(?<=(?<![\p{{L}}'-])(?:{_PREPOSITIONS})<<GAP>>)(?P<bad>they're)"
            r"(?=<<GAP>>(?-i:[a-z]+)(?![\p{L}'-]))(?!<<GAP>>(?:not|a|an|the|so|too|very|all|"
            r"just|only|still|going|gonna|right|welcome|sure|like|always|never|here|there)\b)",
            "their",
            "possessive",
        ),
        Pattern(
            r"(?<![\p{L}'-])(?P<bad>they're)(?=<<GAP>>(?:is|was|isn't|wasn't)(?![\p{L}'-]))",
            "there",
            "'there is'",
        ),
        Pattern(
            r"(?<=(?-i:[a-z])[\p{L}]*<<GAP>>)(?P<bad>their)(?=[ \t]*[.!?;,])",
            "there",
            "a place",
        ),
        Pattern(r"(?<![\p{L}'-])(?P<bad>their)(?=<<GAP>>[\p{L}])", "there", "'there was'", _past_verb),
        Pattern(r"(?<![\p{L}'-])(?P<bad>their)(?=<<GAP>>[\p{L}])", "they're", "'they are'", _contraction),
        Pattern(r"(?<![\p{L}'-])(?P<bad>they're)(?=<<GAP>>[\p{L}])", "their", "possessive", _possessive),
        Pattern(r"(?<![\p{L}'-])(?P<bad>there)(?=<<GAP>>[\p{L}])", "their", "possessive", _possessive_there),
    )
