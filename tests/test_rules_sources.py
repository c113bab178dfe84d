"""Words read from a pattern's group: the plain case read at once, as the parser reads it."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from tidyink.rules._sources import literals

plain_groups = st.lists(st.text(alphabet="ab'-", max_size=4), min_size=1, max_size=6).map("|".join)


@settings(max_examples=300)
@given(plain_groups)
def test_a_group_of_words_and_bars_gives_what_the_parser_gives(group: str) -> None:
    assert literals(group) == literals(f"(?:{group})")  # (a parenthesis: the parser reads it)


def test_plain_and_parsed_groups() -> None:
    assert literals("could|should|would|could") == ["could", "should", "would"]
    assert literals("then") == ["then"] and literals("a||b") == ["", "a", "b"]
    assert literals("affects?") == ["affect", "affects"]
    assert literals("(?:there|they're)") == ["there", "they're"]
