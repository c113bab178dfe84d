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
    from _chrome_reference import could_be_chrome_plain
    from tidyink.filters._page_chrome import could_be_chrome_each

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
    from tidyink.filters._page_chrome import _SPACED_MARK, _spaced_mark_scan

    assert bool(_spaced_mark_scan().search(text)) == bool(_SPACED_MARK.search(text))



BLOCK_TEXTS = st.lists(
    st.lists(st.sampled_from(["", "The end.", "End of the Project Gutenberg EBook", "GUTENBERG", "x"]), max_size=4).map(
        "\n".join
    ),
    min_size=0,
    max_size=6,
)


@given(BLOCK_TEXTS, st.integers(0, 30), st.integers(0, 30))
def test_a_document_s_lines_made_as_read_are_its_lines(texts, start, stop):
    from tidyink.document import PARAGRAPH, TEXT, Block, Document, Span
    from tidyink.filters._boilerplate_lines import DocLines, lines_of
    from tidyink.filters._gutenberg import _pg_end, may_end

    doc = Document([Block(PARAGRAPH, [Span(TEXT, text)]) for text in texts])
    every = lines_of(doc)
    lines = DocLines(doc)
    assert len(lines) == len(every)
    start, stop = min(start, len(every)), min(stop, len(every))
    assert lines.slice(start, stop) == every[start:stop]
    assert lines.slice(start) == every[start:]
    assert list(lines.items(start, stop)) == list(enumerate(every))[start:stop]
    plain = next((k for k in range(start, len(every)) if _pg_end(every[k].text)), None)
    assert lines.find(start, _pg_end, may_end) == plain


def test_only_ascii_letters_lower_case_to_a_letter_of_the_end_marker_s_last_word():
    """So a text whose lines hold "gutenberg" in lower case matches "gutenberg" in any case."""
    from tidyink.filters._gutenberg import may_end

    letters = set("gutenberg")
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        if letters & set(char.lower()):
            assert char.isascii(), hex(code)
    assert may_end("the Project GUTENBERG licence") and not may_end("the project's licence")


@example("“Well,” said she")
@example("*\x1c*\u2003*")
@example("o O 0 x")
@example("~~~ \x85 ~~~ q")
@given(st.text(alphabet=" \t\x1c\x1f\x85\u2003\u3000*~-=.“”oO0xXq5é#", max_size=12))
def test_a_letter_found_in_a_line_is_one_found_in_the_line_closed_up(line):
    from tidyink.filters.scene_breaks import _OTHER, _OTHER_IN_LINE

    assert bool(_OTHER_IN_LINE.search(line)) == bool(_OTHER.search("".join(line.split())))


def test_every_character_str_split_splits_at_is_one_the_line_search_passes_over():
    from tidyink.filters.scene_breaks import _OTHER_IN_LINE

    spaces = [chr(code) for code in range(sys.maxunicode + 1) if chr(code).isspace()]
    assert spaces and not any(_OTHER_IN_LINE.search(space) for space in spaces)


def _classify_plain(text):
    """classify as first written: the long text's pre-test, then the line's rank."""
    from tidyink.filters._heading_lines import _DECORATED_START, _LONG, MAX_HEADING, rank_of_line

    if len(text) > _LONG:
        head = " ".join(text[:_LONG].split())
        if len(head) > MAX_HEADING and head[0] not in _DECORATED_START:
            return None
    return rank_of_line(text)


HEADING_PIECES = st.sampled_from(
    ['"', "'", "“", "‘", "«", "(", "~", "*", "• ", "Chapter", "CHAPTER IX.", "One", " ", "\t", "I", "12", ".",
     "THE END", "said she.", "x" * 130]
)


@example("“Chapter One”")
@example("(CHAPTER IX.)")
@example("'I'")
@given(st.lists(HEADING_PIECES, max_size=6).map("".join))
def test_a_heading_line_told_by_its_opening_quote_is_ranked_as_before(text):
    from tidyink.filters._heading_lines import classify, closed_up

    assert classify(text) == _classify_plain(text)
    spaced = closed_up(text)
    assert spaced is None or text.isupper()


def test_a_letter_spaced_line_is_still_closed_up():
    from tidyink.filters._heading_lines import closed_up

    assert closed_up("  P R E F A C E ") == "PREFACE"
    assert closed_up("P r E F A C E") is None
