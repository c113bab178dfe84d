"""Fast paths of the structure filters agree with the plain tests they stand for."""

from __future__ import annotations

import sys

import regex
from hypothesis import example, given
from hypothesis import strategies as st

# Openings of navigation and chrome, prose, trimmed marks and white space of every kind.
PIECES = st.sampled_from(
    [
        "Home", "home", "Next", "Back to top", "Contents", "Log in", "Posted on", "Tags:", "www.",
        "The", "she said", "It was", "wi", "x", "ab", " ", "\t", "\u2003", "\x1c", "\x85", "-", "»",
        "›", "·", ".", "/", ",", "*", "_", "~", "=", ":", "(", "[", "5", "•", "é", "Ölaf",
    ]
)
LINES = st.lists(PIECES, max_size=6).map("".join)


@example(["Home", "Next »"])
@example(["Contents", "ab"])
@example(["wi", "www.x"])
@example(["The end -", "Back to top"])
@example(["x", "Home\x1c"])
@given(st.lists(LINES.map(lambda line: line.replace("\n", " ")), max_size=6))
def test_the_chrome_pre_test_of_a_block_s_lines_is_each_line_s(lines):
    from tidyink.filters._page_chrome import could_be_chrome_each, could_be_chrome_plain

    assert could_be_chrome_each(lines) == [could_be_chrome_plain(line) for line in lines]


@example("Home -")
@example("Next\x1c")
@example("ab")
@given(LINES)
def test_a_navigation_opening_told_from_a_plain_line_is_the_trimmed_one(text):
    from tidyink.filters._navigation import NAV_PREFIX, _trim, may_open_nav, opens_nav

    assert may_open_nav(text) == opens_nav(_trim(text.strip())[:NAV_PREFIX])


def test_the_white_space_spelled_out_is_regex_s_white_space():
    from tidyink.filters._page_chrome import WHITE_SPACE

    every = "".join(map(chr, range(sys.maxunicode + 1)))
    found = "".join(regex.findall(r"\s", every))
    assert regex.findall(rf"[{WHITE_SPACE}]", every) == list(found)


@example("a . b")
@example("a .\nb")
@example("a\u2003-\x85b")
@example("a \x1c.\x1cb")
@given(st.text(alphabet=" \t\n\x1c\x85\u2003\u3000-·›/.ab", max_size=12))
def test_the_spaced_mark_found_from_its_mark_is_the_spaced_mark(text):
    from tidyink.filters._page_chrome import _SPACED_MARK, _SPACED_MARK_SCAN

    assert bool(_SPACED_MARK_SCAN.search(text)) == bool(_SPACED_MARK.search(text))

