"""Fast paths of the structure filters agree with the plain tests they stand for (5):
whole-paragraph pre-tests that let a plain prose paragraph skip its per-line loops."""

from __future__ import annotations

import re
import sys

import regex
from hypothesis import example, given
from hypothesis import strategies as st

from tidyink.document import TEXT, Span
from tidyink.filters._layout import Wrap, lines_of

# Lines of my own writing: prose (some opening with the words breaks are spelled with,
# or with an o or an x), scene breaks of every kind, headings, verse, set-in lines.
LINES = [
    "The ferry left the harbour an hour after dawn, and the gulls",
    "followed it out past the breakwater until the town was only a",
    "time enough to reach the island before the weather changed.",
    "story of the keeper, which nobody on the quay believed at all",
    "line of grey roofs, and then the lighthouse on its rock.",
    "of the crossing; over the bar and out beyond the last buoy",
    "x marks the place, the old chart said, and the captain laughed.",
    "o what a night it was, the mate said later, o what a night.",
    "Page after page of the log was filled with the same careful hand",
    "Break of day found them still at sea.",
    "“Section by section,” he said, “we mend the whole net.”",
    "_Scene_ was the word she used for it.",
    "* * *", "***", "~~~", "oOo", "xXx", "-x-x-x-", ".:O:.:O:.", "~o~", "#",
    "Line Break", "~*~ Line Break ~*~", "xXx Time skip xXx", "SCENE CHANGE", "-break-",
    "~ Break ~", "Page-break", "section change", "STORY BREAK", "ſcene break", "lİne break",
    "Brea\u212a", "--- Scene Change ---", "oOo Story Break oOo",
    "CHAPTER IX.", "Chapter 3", "Prologue", "THE END", "I", "epilogue.",
    "The lamps are lit along the quay,", "The boats are in, the nets are dry;",
    "    It was late when the keeper came down the long stair,", "and nobody saw him go,",
    "  Then it left again.", "                        Yours ever, Tom", "\tTabbed in",
    "“Where to?”", "“North.”", "short line.", "o", "x", "0", "_", "…", "—",
]
WIDTHS = [None, 20, 40, 60, 72, 90]
# Random text with the characters the pre-test reads: symbols, o and x, letters of the
# spelled words in both cases, white space and newlines.
BREAK_CHARS = st.text(alphabet="*~-_.#oOxX0 \t\u00a0\u2003\nLlIiNnEeBbRrAaKkSsTtMmYyPpGgCcſİ\u212a“", max_size=30)


def _stripped_lines(text: str) -> list[str]:
    return [x.strip() for x in text.split("\n") if x.strip()]


@example("* * *")
@example("a\n  ~*~ Line Break ~*~  \nb")
@example("x\nXx")
@example("o")
@example("Brea\u212a")
@example("ſcene break")
@given(BREAK_CHARS)
def test_a_text_without_a_break_opening_holds_no_break_line(text):
    from tidyink.filters.scene_breaks import is_break_line, may_hold_break

    if any(is_break_line(x) for x in _stripped_lines(text)):
        assert may_hold_break(text)


@given(st.lists(st.sampled_from(LINES), min_size=1, max_size=8))
def test_lines_of_breaks_and_prose_are_told_as_is_break_line_tells_them(texts):
    from tidyink.filters.scene_breaks import is_break_line, may_hold_break

    text = "\n".join(texts)
    if any(is_break_line(x) for x in _stripped_lines(text)):
        assert may_hold_break(text)


def test_plain_prose_is_told_to_hold_no_break():
    from tidyink.filters.scene_breaks import may_hold_break

    prose = "\n".join([LINES[0], LINES[1], LINES[5], "“Nobody,” he said, “believed a word of it.”"])
    assert not may_hold_break(prose)  # (so the fast path is taken: the tests above compare both ways)
    assert may_hold_break(prose + "\n\n   * * *")
    assert may_hold_break("Line Break\n" + prose)


def test_the_character_classes_the_break_opening_relies_on():
    chars = "".join(chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c < 0xE000)
    # re's \s is str.isspace, its \w str.isalnum or "_", and every symbol is \W but "_".
    assert re.sub(r"\s", "", chars) == "".join(c for c in chars if not c.isspace())
    assert re.sub(r"\w", "", chars) == "".join(c for c in chars if not (c.isalnum() or c == "_"))
    assert set(re.findall(r"\w", "".join(regex.findall(r"[\p{P}\p{S}]", chars)))) == {"_"}
    # each letter of a spelled break's first word, in every form the regex module matches
    # ignoring case, opens a break for the pre-test
    from tidyink.filters.scene_breaks import may_hold_break

    for word in ("line", "page", "scene", "section", "story", "time", "break"):
        for k, letter in enumerate(word):
            for form in regex.findall(f"(?i){letter}", chars):
                assert may_hold_break("a\n" + word[:k] + form + word[k + 1 :]), (word, form)


def _lines(texts):
    return [x for x in lines_of(Span(TEXT, "\n".join(texts))) if x.stripped]


def _starts_the_plain_way(lines, wrap):
    """_paragraph_starts as first written: every line at the margin asked whether it is a
    break, then whether it is a heading that stands alone."""
    from tidyink.filters.headings import CAPS, classify
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
                (after is None or after.indent >= base + 2)
                and not line.stripped[:1].islower()
                and not (i and _MID_SENTENCE.search(lines[i - 1].stripped))
                and (after is not None or not (i and classify(lines[i - 1].stripped)))
                and classify(line.stripped) not in (None, CAPS)
            )
        )
        if alone:
            starts.add(i)
            if i + 1 < len(lines):
                starts.add(i + 1)
    return sorted(starts)


@example(["The ferry left the harbour an hour after dawn, and the gulls", "CHAPTER IX.", "Prologue"], 60)
@example(["short line.", "THE END", "I", "Chapter 3"], None)
@example(["  Then it left again.", "The boats are in, the nets are dry;"], 40)
@given(st.lists(st.sampled_from(LINES), min_size=1, max_size=8), st.sampled_from(WIDTHS))
def test_paragraph_starts_told_from_the_text_are_the_plain_starts(texts, width):
    from tidyink.filters.paragraphs import _paragraph_starts

    lines = _lines(texts)
    if not lines:
        return
    text = "\n".join(texts)
    plain = _starts_the_plain_way(lines, Wrap(width))
    assert _paragraph_starts(lines, Wrap(width), text) == plain
    assert _paragraph_starts(lines, Wrap(width)) == plain


@example("a -\nb")
@example("a\n--b")
@example("a\n-b")
@example("a—\n\nb")
@example("a \nb")
@example("a\n\u00a0b")
@example("a\u00a0\nb")
@example("\t\n")
@given(st.text(alphabet="ab -—―\n\t\u00a0\u2003", max_size=16))
def test_newlines_next_to_dashes_and_spaces_are_found_as_the_substrings_find_them(text):
    from tidyink.filters._wrap_breaks import _spaced_break, dash_at_break

    dashed = "-\n" in text or "—\n" in text or "―\n" in text or "\n--" in text or "\n—" in text
    spaced = " \n" in text or "\t\n" in text or "\n " in text or "\n\t" in text or "\n\u00a0" in text
    assert dash_at_break(text) == dashed
    assert _spaced_break(text) == spaced
