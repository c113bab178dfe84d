"""A line's decoration is looked for in its tail only (after the last character no
decoration unit holds): exactly what the pattern reads."""

from __future__ import annotations

import regex
from hypothesis import example, given, settings
from hypothesis import strategies as st

from tidyink.filters._heading_lines import DECORATED_PATTERN, decorated

_PIECES = st.sampled_from(
    [*"~*_=#+•·-[]<>|xXoO a.,Z\n\t\u00a0\u2003\u3000", "xXx", "oOo", "Chapter 3", "_The Lantern_", "XoX"]
)


@settings(max_examples=600)
@given(st.lists(_PIECES, max_size=20).map("".join))
@example("_The Lantern Keeper's Daughter_ was read aloud that winter.")
@example("oOo Part One oOo")
@example("~*~ Chapter 12: Ashes ~*~")
@example("xXx")
@example("a")
@example("")
@example("Chapter 4 \u2003")
def test_decoration_found_from_the_tail_is_what_the_pattern_reads(line: str) -> None:
    m = regex.fullmatch(DECORATED_PATTERN, line)
    assert decorated(line) == (m.group("lead", "core", "trail") if m else None)


def test_a_paragraph_opening_with_a_decoration_character_is_no_decorated_line() -> None:
    paragraph = "_Lanterns_ were lit along the quay, one by one, " * 40 + "and the boats came home."
    assert decorated(paragraph) == ("_", paragraph[1:], "")
    assert decorated("== The Quay ==") == ("== ", "The Quay", " ==")
