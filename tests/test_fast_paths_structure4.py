"""Fast paths of the structure filters agree with the plain tests they stand for (4):
plain wrapped paragraphs told by string tests over their text, not line by line."""

from __future__ import annotations

from hypothesis import example, given
from hypothesis import strategies as st

EDGE_TEXT = st.text(alphabet=" \t\u00a0\u3000\u2003\nab-", max_size=20)


def _same_map(a, b, size):
    return [a.to_orig(k) for k in range(size + 2)] == [b.to_orig(k) for k in range(size + 2)]


@example("It was late\nand the night\nwas cold.")
@example("a\n\nb")
@example("a\u3000\nb")
@example("a\n\u2003b")
@example("\nab")
@example("ab\n")
@given(EDGE_TEXT)
def test_a_plain_paragraph_joined_by_replacing_its_newlines_is_the_one_the_loop_joins(text):
    from tidyink.filters._wrap_breaks import _join_breaks_loop, join_breaks

    found, loop = join_breaks(text), _join_breaks_loop(text)
    assert (found is None) == (loop is None)
    if found is not None:
        assert found[0] == loop[0] and found[2] == loop[2]
        assert _same_map(found[1], loop[1], len(text))


# Openings of navigation (and of prose that only looks like it), cut anywhere.
NAV_OPENINGS = st.sampled_from(
    [
        "Next chapter", "next", "Previous", "« Prev", "to the next chapter", "Go to page 3", "Chapter 4 of 9",
        "Read more…", "(See the end of the chapter", "Posted on April 4, 2020", "Tags: fluff", "Back to top",
        "Home", "Log in", "© 2020", "Leave a review", "12 comments", "epub | pdf", "best viewed with",
        "Elizabeth", "to be sure", "contents", "continue reading “X”", "Kudos (3)", "ſ", "İ", "ß", "K",
        "Visitor no. 5", "up", "Upon", "The", "  ", "-", "»", "[", "(",
    ]
)


def _opens_nav_plain(prefix):
    """_navigation.opens_nav as first written: the patterns asked of the whole prefix."""
    from tidyink.filters._patterns_lazy import P

    return any(p.match(prefix, partial=True) is not None for p in (P.SITE_SENTENCE, P.NAV_STRONG, P.NAV_WEAK))


@example("Nex", 3, "")
@example("Elizabeth", 3, "t")
@example("to ", 3, "ß")
@given(st.lists(NAV_OPENINGS, min_size=1, max_size=2).map("".join), st.integers(1, 8), st.text(max_size=3))
def test_an_opening_told_from_its_own_opening_first_is_told_the_same(text, size, tail):
    from tidyink.filters._navigation import opens_nav

    for prefix in (text[:size], (text + tail)[:size], tail, text[:size].upper(), text[:size].lower()):
        if prefix:
            assert opens_nav(prefix) == _opens_nav_plain(prefix), prefix
