"""Properties of all rules together on generated prose: no crash, positions in bounds,
straight and curly apostrophes alike."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

import tidyink

WORDS = [
    "then",
    "than",
    "its",
    "it's",
    "your",
    "you're",
    "their",
    "there",
    "they're",
    "whose",
    "who's",
    "lose",
    "loose",
    "loosing",
    "to",
    "too",
    "affect",
    "effect",
    "could",
    "of",
    "alot",
    "the",
    "the",
    "had",
    "better",
    "rather",
    "and",
    "Mira",
    "Mria",
    "chipsticks",
    "recieve",
    "was",
    "a",
    "own",
    "tail",
    "way",
    "much",
    "been",
    "Café",
    "日本",
    "naïve",
    "e\u0301",
]
SEPARATORS = [" ", " ", " ", ", ", ". ", "\n", "\n\n", " — ", "! ", "' ", ' "', "*", "_", "\t"]

texts = st.lists(st.tuples(st.sampled_from(WORDS), st.sampled_from(SEPARATORS)), max_size=60).map(
    lambda pairs: "".join(w + s for w, s in pairs)
)


@settings(max_examples=60, deadline=None)
@given(texts)
def test_findings_lie_inside_the_input(text: str) -> None:
    lines = text.split("\n")
    for f in tidyink.check(text, select=["ALL"]):
        assert 1 <= f.line <= f.end_line <= len(lines)
        assert 1 <= f.column <= len(lines[f.line - 1]) + 1
        assert f.message and f.code


@settings(max_examples=40, deadline=None)
@given(texts)
def test_curly_and_straight_apostrophes_give_the_same_findings(text: str) -> None:
    def key(t: str) -> list[tuple[str, int, int]]:
        return [(f.code, f.line, f.column) for f in tidyink.check(t, select=["ALL"], only=[])]

    assert key(text) == key(text.replace("'", "\u2019"))


@settings(max_examples=30, deadline=None)
@given(st.text(max_size=300))
def test_no_crash_on_any_text(text: str) -> None:
    tidyink.check(text, select=["ALL"])
