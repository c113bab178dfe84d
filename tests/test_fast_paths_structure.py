"""The structure filters' fast paths give exactly what the plain way gives."""

from __future__ import annotations

from itertools import pairwise

import regex
from hypothesis import example, given
from hypothesis import strategies as st

from tidyink.document import PARAGRAPH, TEXT, Block, Document, Span
from tidyink.filters._layout import DEEP_INDENT, Line, Wrap, lines_of, paragraph_lines
from tidyink.filters._navigation import is_nav
from tidyink.filters._page_chrome import chrome_kind, could_be_chrome, strong_shape
from tidyink.filters._wrap_breaks import is_item
from tidyink.filters._wrap_breaks import kept_breaks as _breaks

LINE_BREAK = regex.compile(r"[ \t]*\n[ \t\u00a0]*")  # what line_breaks finds

# Line pieces: prose, page chrome (labels, menus, bullets, boxes, stats, dates, URLs,
# name lists), marks and spaces in the places the shape tests look at.
LINE_PIECES = st.sampled_from(
    [
        "the", "Home", "Next", "Author:", "Words: 1,204", " - ", " | ", " . ", "•", "* ",
        "+ ", "- ", "[ ]", "[Go]", "[1. Chapter 1]", "Next >", "12/03/2020", "http://x.org",
        "www.x.org", "Jo, Al, Bo, Cy, Di, Ed", ",", ":", "»", "·", " ", "  ", "\t", "\u00a0",
        "word", "a long stretch of running prose that fills the line", ".", "?", "—", "3",
    ]
)
LINE_TEXTS = st.lists(LINE_PIECES, max_size=8).map("".join)


# Lines of each kind the break tests tell apart, at the margin and set in.
SAMPLE_LINES = [
    "It was a long stretch of running prose, and it filled the line well",
    "short line.",
    "and ended here",
    "• Browse",
    "* a starred item",
    "+ a plus item",
    "- a dashed item",
    "Author: Jo March",
    "Rated: T - English - Words: 1,204 - Reviews: 12 - id: 77",
    "[          ] [Go]",
    "[1. Chapter 1] Next >",
    "Home . Forums . Help . Top",
    "12/03/2020",
    "http://example.org/story/1",
    "Ann, Bea, Cal, Dot, Eve, Fay",
    "Summary:",
    "                        Yours ever, Tom",
    "    a line set in a little, of some length at that",
    "\tTabbed in",
    "«Quoted line»",
]
WIDTHS = [None, 20, 40, 60, 72, 90]


def _lines(texts: list[str]) -> list:
    return [x for x in lines_of(Span(TEXT, "\n".join(texts))) if x.stripped]


def _hard(line: Line, next_line: Line, wrap: Wrap) -> bool:
    """The rule :func:`kept_breaks` applies, asked of one pair of lines at a time."""
    if wrap.width is None:
        return True
    if line.length > wrap.width + wrap.slack:
        return True  # longer than the wrap: a whole paragraph on one line
    if max(line.indent, next_line.indent) >= DEEP_INDENT:
        return True  # set far right: a signature, a dateline, a centred line
    if (
        is_item(next_line)
        or strong_shape(line.stripped)
        or strong_shape(next_line.stripped)
    ):
        # A bullet item starts a line of its own (a wrapped line's rest never opens with a
        # bullet, "*" or "+" and a space); a line only a page writes (story-info, form
        # controls) stays one line, as page chrome is read line by line.
        return True
    return wrap.fits(line, next_line) or _both_chrome(line, next_line)


def _both_chrome(line: Line, next_line: Line) -> bool:
    """Two lines in a row that each read as a page's chrome (``Author: Jo``, ``12/03/2020``,
    a menu): joined they would read as a line of text, so each keeps its own line."""
    first, second = line.stripped, next_line.stripped
    if not (could_be_chrome(first) and could_be_chrome(second)):
        return False  # (running prose, told by one search a line)
    return chrome_kind(first, is_nav) is not None and chrome_kind(second, is_nav) is not None


def test_breaks_of_every_two_sample_lines_are_the_pairs_breaks():
    for width in WIDTHS:
        wrap = Wrap(width)
        for a in SAMPLE_LINES:
            for b in SAMPLE_LINES:
                lines = _lines([a, b])
                assert _breaks(lines, wrap) == [_hard(x, y, wrap) for x, y in pairwise(lines)], (a, b, width)


@given(
    st.lists(st.one_of(st.sampled_from(SAMPLE_LINES), LINE_TEXTS), min_size=1, max_size=12),
    st.sampled_from(WIDTHS),
)
def test_breaks_asked_line_by_line_are_the_pairs_breaks(texts, width):
    lines = _lines(texts)
    wrap = Wrap(width)
    assert _breaks(lines, wrap) == [_hard(a, b, wrap) for a, b in pairwise(lines)]


def _doc(*texts: str) -> Document:
    return Document([Block(PARAGRAPH, [Span(TEXT, text)]) for text in texts])


def test_paragraph_lines_are_read_again_only_for_a_changed_span():
    doc = _doc("First line\nsecond line", "Another\nblock")
    first = paragraph_lines(doc)
    again = paragraph_lines(doc)
    assert all(a is b for a, b in zip(first, again, strict=True))  # unchanged: the same lines
    doc.blocks[0].spans[0].edit([(0, 5, "Last")])
    changed = paragraph_lines(doc)
    assert [x.text for x in changed[0]] == ["Last line", "second line"]
    assert changed[1] is first[1]
    doc.blocks.reverse()
    assert [[x.text for x in lines] for lines in paragraph_lines(doc)] == [
        ["Another", "block"],
        ["Last line", "second line"],
    ]


HEADING_PIECES = st.sampled_from(
    [
        "Chapter", "CHAPTER", "IX", "One", "Prologue", "~", "*", "=", "-", "x", "o", "•", "[",
        "the long road home", "WORDS", "A", " ", "  ", "\n", "\t", ".", ":", "3", "Part", "Summary",
        "Notes", "Chapter Notes", "end", "x" * 60, "~" * 70, "word " * 30,
    ]
)
HEADING_TEXTS = st.lists(HEADING_PIECES, max_size=30).map("".join)


@given(HEADING_TEXTS)
def test_long_texts_rank_as_the_plain_way_ranks_them(text):
    from tidyink.filters._heading_lines import classify, rank_of_line

    assert classify(text) == rank_of_line(text)


def test_a_decorated_heading_longer_than_a_heading_still_ranks():
    from tidyink.filters._heading_lines import CHAPTER, classify

    line = "~" * 130 + " Chapter 3 " + "~" * 130
    assert classify(line) == CHAPTER
    assert classify("word " * 60) is None


@given(HEADING_TEXTS)
def test_labels_are_told_by_their_first_words_as_by_the_whole_text(text):
    from tidyink.filters._archive_labels import LABEL, is_label

    block = Block(PARAGRAPH, [Span(TEXT, text)])
    assert is_label(block) == bool(LABEL.fullmatch(" ".join(text.split())))


def test_labels_of_up_to_three_words_are_labels():
    from tidyink.filters._archive_labels import is_label

    for text in ("Summary", "Chapter  Notes :", "Author's\nNotes:", "  End Notes", "Work Text:"):
        assert is_label(Block(PARAGRAPH, [Span(TEXT, text)])), text
    for text in ("Summary of the day", "Chapter Notes : more", "Notes, and more notes"):
        assert not is_label(Block(PARAGRAPH, [Span(TEXT, text)])), text


def _joined_the_plain_way(text: str, one_word) -> list[tuple[int, int, str]]:
    """The edits joining ``text``'s lines, each break judged in full (the hyphen and dash
    tests asked of every break)."""
    from tidyink.filters.unwrap import _DASH_END, _FIRST_WORD, _HYPHEN_END, _trim_edits

    edits = _trim_edits(text)
    for m in LINE_BREAK.finditer(text):
        before = text[max(0, m.start() - 80) : m.start()]
        after = text[m.end() : m.end() + 80]
        hyphen = _HYPHEN_END.search(before)
        word = _FIRST_WORD.match(after) if hyphen else None
        if hyphen and word:
            edits.append((m.start() - 1, m.end(), "") if one_word(hyphen.group(1), word.group()) else (*m.span(), ""))
        elif _DASH_END.search(before) or after.startswith(("--", "—")):
            edits.append((*m.span(), ""))
        else:
            edits.append((*m.span(), " "))
    return sorted(edits)


JOIN_PIECES = st.sampled_from(["word", "Wo", "ird", " ", "  ", "\t", "\u00a0", "\n", "-", "--", "—", "―", ".", "é"])


@given(st.lists(JOIN_PIECES, max_size=40).map("".join))
def test_lines_joined_with_a_fast_path_are_joined_the_plain_way(text):
    from tidyink.filters.base import Context
    from tidyink.filters.unwrap import Unwrap

    def one_word(left: str, right: str) -> bool:
        return len(left + right) % 2 == 0

    joiner = Unwrap()
    joiner._is_one_word = one_word  # type: ignore[method-assign]
    span, plain = Span(TEXT, text, 1, 0), Span(TEXT, text, 1, 0)
    joiner._join(Block(PARAGRAPH, [span]), span, Context())
    plain.edit(_joined_the_plain_way(text, one_word))
    assert span.text == plain.text
    positions = range(len(span.text) + 1)
    assert [span.position(k) for k in positions] == [plain.position(k) for k in positions]


@given(st.lists(st.sampled_from(["a", " ", "\t", "\u00a0", "\n", "\r", "\u3000", "-"]), max_size=30).map("".join))
def test_line_breaks_found_from_the_newlines_are_the_pattern_s_matches(text):
    from tidyink.filters._wrap_breaks import line_breaks

    assert line_breaks(text) == [m.span() for m in LINE_BREAK.finditer(text)]


BREAK_PIECES = st.sampled_from(
    ["Line", "BREAK", "break", "Scene", "change", "Time", "skip", "SKİP", "ſkip", "brea\u212a", "~", "*", "-x-",
     " ", "  ", "oOo", ".", "!", "word", "Page-Break", "story break"]
)


@example("Time ſkip")
@example("~ TIME SKİP ~")
@example("-brea\u212a-")
@given(st.lists(BREAK_PIECES, max_size=12).map("".join))
def test_spelled_out_breaks_are_found_past_the_pre_tests(text):
    from tidyink.filters.scene_breaks import _worded_break, spelled_break

    assert _worded_break(text) == spelled_break(text)


def test_letters_of_break_words_match_only_themselves_lower_cased_or_two_others():
    import sys

    import regex

    letters = "".join(sorted(set("linepagescenesectionstorybreakchangetimeskip")))
    every = "".join(chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c <= 0xDFFF)
    matched = set(regex.findall(rf"(?i:[{letters}])", every))
    assert {c for c in matched if c.lower() not in letters} == {"ſ", "İ"}


@given(
    st.one_of(
        LINE_TEXTS,
        st.text(alphabet=" \t\u00a0\u2003:[]|•●»·-/.›,ab1wW*+", max_size=16),
        st.sampled_from(SAMPLE_LINES),
    )
)
def test_the_chrome_pre_test_asked_mark_by_mark_is_the_plain_one(text):
    from _chrome_reference import could_be_chrome_plain
    from tidyink.filters._page_chrome import could_be_chrome

    assert could_be_chrome(text) == could_be_chrome_plain(text)
    assert could_be_chrome(text.strip()) == could_be_chrome_plain(text.strip())


# After words no navigation opens with, only the marks can make a line chrome.
@example("zq \u2003›\u00a0q")
@example("zq\t/ q")
@example("zq . q")
@example("zq - q")
@example("zq q[")
@example("zq q:")
@example("zq·q")
@example("zq,q,q,q,q,q")
@given(st.text(alphabet=" \t\u00a0\u2003:[]|•●»·-/.›,qz", max_size=8).map("zq ".__add__))
def test_the_chrome_pre_test_finds_each_mark_after_prose(text):
    from _chrome_reference import could_be_chrome_plain
    from tidyink.filters._page_chrome import could_be_chrome

    assert could_be_chrome(text) == could_be_chrome_plain(text)


WRAPPED = [
    "The lantern swung on its hook while the ferry crossed the dark and",
    "quiet water, and nobody aboard said a word until the far bank came",
    "into view, low and grey under a sky that promised more rain before",
    "morning. Then the keeper stood, stretched, and reached for the rope.",
]


@given(st.lists(st.lists(st.sampled_from(SAMPLE_LINES + WRAPPED * 3), min_size=1, max_size=6), max_size=8), st.data())
def test_wrap_measured_with_a_memo_is_the_wrap_measured_afresh(blocks, data):
    from tidyink.filters._layout import wrap_from

    every = [_lines(texts) for texts in blocks]
    memo: dict = {}
    assert wrap_from(every, memo) == wrap_from(every)
    assert wrap_from([_lines(WRAPPED)] * 2, {}).width == 66  # (the fixture is wrapped)
    # Some blocks replaced, some kept: the memo answers for the kept ones only.
    again = [lines if data.draw(st.booleans()) else _lines([x.text for x in lines][::-1]) for lines in every]
    assert wrap_from(again, memo) == wrap_from(again)
    assert set(memo) == {id(lines) for lines in again}


def test_a_long_line_running_on_in_lower_case_gives_the_wrap_with_or_without_a_memo():
    from tidyink.filters._layout import wrap_from

    running = "The keeper had walked the long road down to the harbour wall"
    every = [_lines(["Short one.", "It ended."]), _lines([running, "and stopped there."])]
    assert wrap_from(every).width == len(running)
    assert wrap_from(every, {}).width == len(running)


def test_no_letter_outside_ascii_matches_a_piece_of_gutenberg_even_fully_case_folded():
    import sys

    import regex

    word = "gutenberg"
    pieces = {word[i:j] for i in range(len(word)) for j in range(i + 1, len(word) + 1)}
    pattern = regex.compile("|".join(sorted(pieces, key=len, reverse=True)), regex.IGNORECASE | regex.VERSION1)
    every = "".join(chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c <= 0xDFFF)
    assert all(m.group().isascii() for m in pattern.finditer(every))


MARKER_PIECES = ["*** ", "End", "END", "of", " ", "the", "Project", "GUTENBERG", "gutenberg", "ebook", "'s", "x"]


@example("*** END OF THE PROJECT GUTENBERG EBOOK THE LANTERN ***")
@example("End of Project Gutenberg's The Lantern, by Jo")
@example("end of the project gutenberg etext")
@given(st.lists(st.sampled_from(MARKER_PIECES), max_size=12).map("".join))
def test_the_end_marker_is_found_past_its_pre_test(text):
    from tidyink.filters._gutenberg import _pg_end
    from tidyink.filters._patterns_lazy import P

    assert _pg_end(text) == (len(text) < 200 and bool(P.PG_END.match(text)))


@example(["zq a", "zq b"])
@example(["zq a", "\U00010d40 x"])
@example(["zq a", "5 x"])
@example(["zq a", "\u2003- x"])
@example(["zq", "zq·q"])
@example(["zq", "zq - q"])
@example(["zq", "z,q,q,q,q,q"])
@example(["zq", "www.x"])
@given(
    st.lists(
        st.one_of(
            st.sampled_from(SAMPLE_LINES),
            LINE_TEXTS.map(lambda text: text.replace("\n", " ")),
            st.text(alphabet=" \t\u2003:[]|•●»·-/.›,qz15*+w\U00010d40", max_size=8).map("zq ".__add__),
            st.text(alphabet=" \t\u2003-/.›,qz15*+w:\U00010d40", max_size=6),
        ),
        max_size=6,
    )
)
def test_the_chrome_pre_test_of_a_block_s_lines_is_each_line_s(lines):
    from _chrome_reference import could_be_chrome_plain
    from tidyink.filters._page_chrome import could_be_chrome_each

    assert could_be_chrome_each(lines) == [could_be_chrome_plain(line) for line in lines]


@given(
    st.lists(st.sampled_from(SAMPLE_LINES + WRAPPED), min_size=2, max_size=6), st.sampled_from(WIDTHS), st.booleans()
)
def test_a_block_whose_lines_all_run_on_is_grouped_as_the_plain_way_groups_it(texts, width, spaced):
    from tidyink.filters.unwrap import _cut_groups, _groups

    lines = _lines(texts)
    hard = [False] * (len(lines) - 1)
    assert _groups(lines, hard, Wrap(width), spaced) == _cut_groups(lines, hard, Wrap(width), spaced)


def _starts_the_plain_way(lines, wrap):
    """_paragraph_starts with its tests in their first order (the headings asked first)."""
    from tidyink.filters._heading_lines import CAPS, classify
    from tidyink.filters.paragraphs import _MID_SENTENCE, _indent_starts
    from tidyink.filters.scene_breaks import is_break_line

    if len(lines) < 2:
        return [0]
    starts = set(_indent_starts(lines, wrap))
    base = min(line.indent for line in lines)
    for i in range(len(lines) - 1, -1, -1):
        line = lines[i]
        after = lines[i + 1] if i + 1 < len(lines) and i + 1 not in starts else None
        alone = line.indent == base and (
            is_break_line(line.stripped)
            or (
                (after.indent >= base + 2 if after is not None else not (i and classify(lines[i - 1].stripped)))
                and classify(line.stripped) not in (None, CAPS)
                and not line.stripped[:1].islower()
                and not (i and _MID_SENTENCE.search(lines[i - 1].stripped))
            )
        )
        if alone:
            starts.add(i)
            if i + 1 < len(lines):
                starts.add(i + 1)
    return sorted(starts)


HEAD_LINES = [
    "CHAPTER IX.", "Chapter 3", "Prologue", "* * *", "Line Break", "I", "epilogue.", "THE END",
    "    It was late when the keeper came down the long stair,", "and nobody saw him go,",
    "The ferry came in at noon.", "  Then it left again.",
]


@given(st.lists(st.sampled_from(HEAD_LINES + WRAPPED + SAMPLE_LINES), min_size=1, max_size=7), st.sampled_from(WIDTHS))
def test_paragraph_starts_asked_cheap_tests_first_are_the_plain_starts(texts, width):
    from tidyink.filters.paragraphs import _paragraph_starts

    lines = _lines(texts)
    assert _paragraph_starts(lines, Wrap(width)) == _starts_the_plain_way(lines, Wrap(width))


def test_the_lines_kept_for_the_structure_filters_are_dropped_after_unwrapping():
    import tidyink

    text = "\n".join(WRAPPED) + "\n\n" + "\n".join(WRAPPED[::-1]) + "\n"
    meta = tidyink.convert(text, lint=False).document.meta
    assert not any(key.startswith("layout.") for key in meta)
