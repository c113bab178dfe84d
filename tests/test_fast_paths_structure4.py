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
