"""Whether a line's opening may begin navigation, told pattern by pattern from the
patterns its own opening may begin, and once for an ASCII opening and its lower case:
the same answers as the three patterns asked one by one of the whole opening."""

from __future__ import annotations

import string
from itertools import product

from hypothesis import example, given
from hypothesis import strategies as st

from tidyink.filters._navigation import _openers, opens_nav
from tidyink.filters._patterns_lazy import P

# ASCII, the marks and spaces the patterns name, and letters that case-fold in odd ways
ALPHABET = string.printable + "©«»‹›’“”…·•|\u00a0\u2003éÉßſİıK\u212a"


def _any_of_three(prefix: str) -> bool:
    """The opening test as first written: each navigation pattern asked in turn."""
    return any(p.match(prefix, partial=True) is not None for p in (P.SITE_SENTENCE, P.NAV_STRONG, P.NAV_WEAK))


def _each_of_three(prefix: str) -> tuple[int, ...]:
    patterns = (P.SITE_SENTENCE, P.NAV_STRONG, P.NAV_WEAK)
    return tuple(i for i, p in enumerate(patterns) if p.match(prefix, partial=True) is not None)


def test_every_opening_of_one_or_two_characters_is_told_as_by_the_three_patterns():
    for size in (1, 2):
        for chars in product(ALPHABET, repeat=size):
            prefix = "".join(chars)
            assert opens_nav(prefix) == _any_of_three(prefix), prefix
            assert _openers(prefix) == _each_of_three(prefix), prefix


def test_three_letter_openings_in_any_case_are_told_as_by_the_three_patterns():
    letters = "abcdefghiklmnoprstuvwy "
    for chars in product(letters, repeat=3):
        prefix = "".join(chars)
        for variant in (prefix, prefix.title(), prefix.upper(), prefix.capitalize()):
            assert _openers(variant) == _each_of_three(variant), variant


@example("The")
@example("Con")
@example("© 2")
@example("(se")
@example("Pos")
@example("KUD")
@given(st.text(alphabet=ALPHABET, min_size=1, max_size=12))
def test_any_opening_is_told_as_by_the_three_patterns(prefix):
    assert opens_nav(prefix) == _any_of_three(prefix)
    assert _openers(prefix) == _each_of_three(prefix)


def test_the_patterns_ignore_case():
    """(What lets an ASCII opening be answered as its lower case is.)"""
    import regex

    assert all(p.flags & regex.IGNORECASE for p in (P.SITE_SENTENCE, P.NAV_STRONG, P.NAV_WEAK))


def test_openings_of_navigation_and_of_prose():
    for line in ("Next chapter", "Back to the top", "© 2021 the author", "Leave a review", "Table of contents"):
        assert all(opens_nav(line[:k]) for k in range(1, len(line) + 1)), line
    for line in ("Elizabeth", "Quietly", "Yesterday"):
        assert not opens_nav(line), line
