"""alot: always two words."""

from __future__ import annotations

from typing import ClassVar

from tidyink.rules._patterns import Pattern, PatternRule


class Alot(PatternRule):
    code = "C110"
    name = "alot"
    description = "'alot' for 'a lot' (or 'allot', to allocate)."
    examples: ClassVar[dict[str, tuple[str, ...]]] = {
        "wrong": ("I like it alot.", "Alot of people came."),
        "right": ("I like it a lot.", "They allot each team an hour.", "A lot of people came."),
    }
    patterns = (Pattern(r"(?<![\p{L}'-])(?P<bad>alot)(?![\p{L}'-])", "a lot", "two words"),)
