"""to/too: the preposition against "also" / "excessively"."""

from __future__ import annotations

from typing import ClassVar

from tidyink.rules._patterns import Pattern, PatternRule

_DEGREE = (
    "much|many|late|early|bad|soon|far|long|big|small|little|hard|easy|often|fast|slow|loud|hot|"
    "cold|tired|busy|young|old|close|high|low|heavy|expensive|dangerous|difficult|tight|short|tall|"
    "weak|strong|afraid|scared|drunk|sick|full|good|quiet|dark|bright|sweet|small|large|thin|fat|"
    "deep|shallow|narrow|wide|sharp|proud|lazy|stupid|important|risky|obvious|perfect|tempting"
)
_STEER = (
    "is|was|are|were|be|been|being|way|far|much|all|it's|that's|he's|she's|you're|I'm|we're|they're"
)
_DETERMINERS = "the|my|your|his|their|our|an"


class ToToo(PatternRule):
    code = "C107"
    name = "to-too"
    description = "'to' where 'too' (excessively, also) is meant ('way to much'), and the reverse."
    examples: ClassVar[dict[str, tuple[str, ...]]] = {
        "wrong": (
            "That is way to much sugar.",
            "It was to late to go back.",
            "She's to tired.",
            "We walked too the station.",
            "I am going too be late.",
        ),
        "right": (
            "That is way too much sugar.",
            "He was to blame.",
            "She gave it to many people.",
            "Me too.",
            "You two should talk.",
            "He came too, after a while.",
            "She was to leave at dawn.",
        ),
    }
    patterns = (
        Pattern(
            rf"(?<=(?<![\p{{L}}'-])(?:{_STEER})<<GAP>>)(?P<bad>to)"
            rf"(?=<<GAP>>(?:{_DEGREE})(?:[ \t]*[.!?,;]|<<GAP>>(?:to|for)(?![\p{{L}}'-])))",
            "too",
            "excessively",
        ),
        Pattern(
            r"(?<=(?<![\p{L}'-])(?:way|far|much|all)<<GAP>>)(?P<bad>to)"
            r"(?=<<GAP>>(?:much|many|long|late|soon|big|small|far|often)(?![\p{L}'-]))",
            "too",
            "excessively",
        ),
        Pattern(
            r"(?<=(?<![\p{L}'-])(?:went|go|goes|going|came|come|walked|drove|ran|back|up|down|"
            r"next|close|listen|listened|talk|talked|belongs|belonged|according|due|thanks|used|"
            rf"want|wanted|need|needed|have|has|had|ought|able|trying|tried)<<GAP>>)(?P<bad>too)"
            rf"(?=<<GAP>>(?:{_DETERMINERS}|be|see|get|go|do|make|have|know)(?![\p{{L}}'-]))",
            "to",
            "the preposition or infinitive",
        ),
    )
