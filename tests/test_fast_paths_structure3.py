"""Fast paths of the structure filters agree with the plain tests they stand for (3)."""

from __future__ import annotations

from hypothesis import example, given
from hypothesis import strategies as st


def _position_plain(span, offset):
    """Span.position as first written (the newlines found whatever the offset)."""
    from bisect import bisect_right

    from tidyink.document import _newlines

    if span.omap is not None:
        offset = span.omap.to_orig(offset)
    source = span.orig if span.orig is not None else span.text
    offset = max(0, min(offset, len(source)))
    nl = _newlines(source)
    n = bisect_right(nl, offset - 1)
    if n == 0:
        return max(span.line, 1), span.col + offset + 1
    return span.line + n, offset - nl[n - 1]


@example("\nab", 0, 0, 0, False)
@example("a\nb", 2, 3, -1, True)
@given(st.text(alphabet="ab \n", max_size=12), st.integers(0, 9), st.integers(0, 9), st.integers(-3, 14), st.booleans())
def test_a_span_s_first_position_needs_no_newlines(text, line, col, offset, edited):
    from tidyink.document import TEXT, Span

    span = Span(TEXT, text, line, col)
    if edited and text:
        span.edit([(0, 1, "xy")])
    assert span.position(offset) == _position_plain(span, offset)


# Lines of prose, menus, chrome and their marks, for the pairs a wrapped block asks about.
CHROME_PIECES = st.sampled_from(
    [
        "Home", "Next", "Reviews", "Back to top", "Log in", "Tags:", "Words: 12", "[Go]", "[ ]", "www.x",
        "It was late", "she said,", ",", " | ", " . ", "•", "» ", "5", "a", "The", " ", "x" * 30,
    ]
)


def _kept_breaks_plain(lines, wrap):
    """_wrap_breaks.kept_breaks as first written: every line's chrome pre-test asked."""
    from tidyink.filters._layout import DEEP_INDENT
    from tidyink.filters._navigation import is_nav
    from tidyink.filters._page_chrome import chrome_kind, could_be_chrome, strong_shape
    from tidyink.filters._wrap_breaks import is_item

    width = wrap.width
    if width is None or len(lines) < 2:
        return [True] * (len(lines) - 1)
    longest, room = width + wrap.slack, width - wrap.slack
    out = []
    for k in range(len(lines) - 1):
        line, next_line = lines[k], lines[k + 1]
        hard = (
            line.length > longest
            or line.indent >= DEEP_INDENT
            or next_line.indent >= DEEP_INDENT
            or strong_shape(line.stripped)
            or strong_shape(next_line.stripped)
            or is_item(next_line)
            or (line.length + 1 < room and wrap.fits(line, next_line))
        )
        if hard:
            out.append(True)
        else:
            out.append(
                all(could_be_chrome(x.stripped) for x in (line, next_line))
                and all(chrome_kind(x.stripped, is_nav) is not None for x in (line, next_line))
            )
    return out


@example(["Home", "Next", "Reviews", "Log in"], 12)
@example(["It was late and the night", "Home", "Next", "x"], 20)
@example(["  • Home", "Next »", "Words: 12 - Reviews: 3"], 20)
@given(
    st.lists(st.lists(CHROME_PIECES, min_size=1, max_size=4).map("".join), min_size=2, max_size=7),
    st.integers(10, 60),
)
def test_the_kept_breaks_ask_only_the_chrome_they_need_and_find_the_same(texts, width):
    from tidyink.document import TEXT, Span
    from tidyink.filters._layout import Wrap, lines_of
    from tidyink.filters._wrap_breaks import kept_breaks

    lines = [x for x in lines_of(Span(TEXT, "\n".join(texts))) if x.stripped]
    wrap = Wrap(width)
    assert kept_breaks(lines, wrap) == _kept_breaks_plain(lines, wrap)
