"""The mojibake scan's quick pattern never misses a place the exact pattern finds
(property test): a text the quick one finds nothing in needs no exact scan."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from tidyink.filters import _mojibake_scan as scan

# Readings of high bytes in the code pages ftfy knows, and what follows mojibake.
CHARS = st.sampled_from([*"Ã©â€™œ\u009dÂ ÐŸÑ€Ùâ„¢ÎŒ¬√≈–—“”‘’ΓπéèàçÇüÅ░│┤½«»¿?\x1a\ufffd", *" \n.abc", "\x85", "\x93"])


@settings(max_examples=300, deadline=None)
@given(st.lists(CHARS, max_size=12).map("".join))
@example("Ã©")
@example("Ù ")
@example("â€ \u009d")
@example("“?")
def test_the_quick_pattern_finds_something_wherever_the_exact_one_does(text):
    if scan._pattern().search(text):
        assert scan._quick().search(text)


@settings(max_examples=200, deadline=None)
@given(st.lists(CHARS, max_size=30).map("".join))
def test_suspect_lines_are_those_the_exact_pattern_finds(text):
    from unittest import mock

    with mock.patch.object(scan, "_quick", return_value=scan._pattern()):
        plain = scan.suspect_lines(text)  # (the exact pattern as its own pre-test)
    assert scan.suspect_lines(text) == plain
