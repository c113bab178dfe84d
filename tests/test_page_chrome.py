"""Site chrome in web pages saved as text: menus, story-info, footers go; the story stays."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

import tidyink
from tidyink.filters import _page_chrome as pc
from tidyink.filters._page_chrome import chrome_kind, could_be_chrome
from tidyink.filters.boilerplate import is_nav

PAGES = Path(__file__).resolve().parent.parent / "fixtures" / "pages"


def convert(name: str, **options):
    path = PAGES / name
    return tidyink.convert(path.read_bytes(), path=str(path), lint=False, **options)


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Rated: Fiction K+ - English - Adventure - Words: 1,204 - id: 77", "strong"),
        ("Search » [Story    ] [                    ] [Go]", "strong"),
        ("[ < Prev ][1. The Lamp] Next >", "strong"),
        ("  • Browse", "weak"),
        ("Home . Forums . Help . Top", "weak"),
        ("Archive Warning:", "weak"),
        ("ann_b, quietpike, Oddsock, fernlight, marrow, tamsin_o, wren", "weak"),
        ("She ran for the tower with her head down - and the door - slammed.", None),
        ("The lamp went out an hour after midnight, and Ada knew it.", None),
        ("Chapter 4: The Ford", None),
    ],
)
def test_line_shapes(line, kind):
    assert pc.chrome_kind(line.strip(), is_nav) == kind


def test_story_region_is_the_best_stretch():
    values = [-80, -80, 50, -1500, 70, 75, -80, 70, 20, -1500, -80]
    assert pc.story_region(values) == (4, 8)
    assert pc.story_region([-80, -80]) is None


def test_rendered_story_page_keeps_only_the_story_and_explains():
    result = convert("ffn-rendered.txt", to="markdown")
    out = result.text
    assert out.startswith("A/N: Written for a friend")  # the author's note stays by default
    assert "ran for the tower with her head down" in out
    assert out.rstrip().endswith("Please tell me what you thought!")
    for chrome in ("Browse", "Rated:", "Next >", "Post Review", "Privacy Policy", "[", "Share:"):
        assert chrome not in out
    removed = "\n".join(c.before for c in result.changes if c.filter == "boilerplate")
    assert "Rated: Fiction K+" in removed and "Terms of Service" in removed
    assert "A storm, a broken lamp" in removed  # the summary sits inside the story-info block


def test_forum_thread_page_keeps_the_post_and_its_heading():
    out = convert("xenforo-thread.txt", to="markdown").text
    assert "## Chapter 4: The Ford" in out
    assert "The river was higher than the map had promised." in out
    assert "Author’s note: next chapter on Friday" in out
    for chrome in ("Registered members", "Go to page", "Reactions:", "You must log in", "Terms and rules"):
        assert chrome not in out


def test_author_notes_strip_removes_only_the_notes():
    kept = convert("ffn-rendered.txt", to="text").text
    stripped = convert("ffn-rendered.txt", to="text", author_notes="strip").text
    assert "A/N:" in kept and "A/N:" not in stripped
    gone = [p for p in kept.split("\n\n") if p not in stripped.split("\n\n")]
    assert gone == ["A/N: Written for a friend who grew up by the sea. I own nothing but the lamp."]


def test_plain_prose_and_a_list_are_not_a_page():
    text = (
        "The Cast\n\n  • Ada, a keeper's daughter\n  • Tom, her father\n  • Oren, a carter\n\n"
        "The lamp went out an hour after midnight, and Ada knew it before she was awake.\n\n"
        "She dressed in the dark and went down the stairs with one hand on the wall.\n"
    )
    out = tidyink.convert(text, lint=False).text
    assert "Ada, a keeper’s daughter" in out and "Tom, her father" in out


def test_bullet_items_and_story_info_lines_are_never_joined_into_prose():
    text = (
        "The ferry left at noon.\n  • Timetable\n  • Fares\n"
        "The gulls came after.\nThey always did.\nChapters: 3 - Words: 2,310 - id: 41\n"
    )
    lines = tidyink.convert(text, lint=False, to="text").text.split("\n")
    assert not any("•" in line and "ferry" in line for line in lines)
    assert not any("Words:" in line and ("gulls" in line or "did" in line) for line in lines)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(["  • Home", "Words: 12 - id: 3", "A line of story text here.", ""]), max_size=30))
@example(
    ["A line of story text here.", "  • Home", "  • Home", "  • Home", "A line of story text here.",
     "A line of story text here.", "Words: 12 - id: 3"]
)
@example(  # story on both sides of the chrome, in a tie: the cleaned page must tie the same way
    ["  • Home", "A line of story text here.", "A line of story text here.", "", "A line of story text here.",
     "  • Home", "Words: 12 - id: 3", "A line of story text here.", "A line of story text here.",
     "A line of story text here."]
)
@example(  # bullet items are no wrap measure: once parted from the text, the width read stays the same
    ["  • Home", "A line of story text here.", "", "  • Home", "  • Home", "  • Home", "A line of story text here.",
     "A line of story text here.", "A line of story text here.", "  • Home"]
)
def test_region_cut_never_crashes_and_is_idempotent(lines):
    text = "\n".join(lines) + "\n"
    once = tidyink.convert(text, lint=False, to="text").text
    assert tidyink.convert(once, lint=False, to="text").text == once


def test_story_region_and_cut_weigh_a_paragraph_the_same_wrapped_or_joined():
    wrapped = ["  • Menu", "The lamps were lit", "along the quay. Nobody", "came down.", "  • Menu",
               "Rated: K - Words: 90 - id: 5"]
    joined = ["  • Menu", "The lamps were lit along the quay. Nobody came down.", "  • Menu",
              "Rated: K - Words: 90 - id: 5"]
    w_values = pc.line_values(wrapped, is_nav)
    j_values = pc.line_values(joined, is_nav)
    assert sum(v for v in w_values if v > 0) == sum(v for v in j_values if v > 0)
    # two sentences of text against three chrome lines, wrapped in three lines or one
    assert pc.trusted_cut(w_values, wrapped) == pc.trusted_cut(j_values, joined) is True
    assert not pc.trusted_cut(w_values[:4], wrapped[:4])  # two menus: too few chrome lines


def test_chrome_lines_in_a_row_are_not_joined_into_a_line_of_text():
    text = "  • Archive\n[ ] Title [ ] Writer\n[ ] Title [ ] Writer\n04/11/2019\nWriter: Pell\nNotes:\n"
    once = tidyink.convert(text, lint=False, to="text").text
    assert "04/11/2019\nWriter: Pell\nNotes:" in once
    assert tidyink.convert(once, lint=False, to="text").text == once



def test_wrap_is_not_measured_on_bullet_items():
    from types import SimpleNamespace

    from tidyink.filters._layout import lines_of, wrap_from

    def block(*rows):
        return lines_of(SimpleNamespace(text="\n".join(rows)))

    items = ["  • Harbour", "  • Tides", "  • Boats"]
    prose = ["The gulls came after it.", "They always did, at noon.", "Nobody minded them much."]
    together = wrap_from([block(*items, *prose, "  • Index")])
    parted = wrap_from([block(*items), block(*prose), block("  • Index")])
    assert together.width == parted.width


# --- could_be_chrome: the one-search pre-test unwrap runs before chrome_kind ------------------

_CHROME_LINES = [
    "Rated: T - English - Words: 1,204 - id: 77",
    "[          ] [Go]",
    "[1. Chapter 1] Next >",
    "« Previous | Contents | Next »",
    "Next chapter",
    "(Read more…)",
    "• Browse",
    "- Home",
    "Home . Forums . Help . Top",
    "Author: Jo",
    "12/03/2020",
    "www.example.org/story",
    "Ann, Bo, Cy, Di, Ed, Flo, Gus",
    "[image] Review this",
    ">> Leave a review <<",
    "[Back to the stories]",
    "Copyright 2003 the author",
    "Posted on April 4, 2020 by Ann",
    "Hit counter 1234",
    "LOG IN",
]
_PROSE_LINES = [
    "It was a bright cold morning in the month of April, and the clocks",
    "she said nothing more, but went on with her sewing as if he had gone",
    "Then they went home at last, tired and happy",
    "Later that morning the rain had stopped",
]


@pytest.mark.parametrize("line", _CHROME_LINES)
def test_could_be_chrome_keeps_every_chrome_line(line: str) -> None:
    assert chrome_kind(line, is_nav) is not None  # (the fixture is chrome)
    assert could_be_chrome(line)


@pytest.mark.parametrize("line", _PROSE_LINES)
def test_could_be_chrome_rejects_running_prose(line: str) -> None:
    assert chrome_kind(line, is_nav) is None
    assert not could_be_chrome(line)


_PIECES = [
    "Next",
    "chapter",
    "Home",
    "|",
    "•",
    " - ",
    ":",
    "[",
    "]",
    "»",
    "«",
    "to the",
    "Read more",
    "1",
    "2020",
    "review",
    "she said",
    ",",
    "(",
    ")",
    "www.",
    "Log in",
    "  ",
    "*",
    "the end",
    ".",
]


@given(st.lists(st.sampled_from(_PIECES), min_size=1, max_size=8).map(" ".join))
def test_could_be_chrome_never_rejects_a_chrome_line(text: str) -> None:
    line = text.strip()
    if chrome_kind(line, is_nav) is not None:
        assert could_be_chrome(line)


@given(st.text(alphabet=" \t\u00a0:[]|•●»·-/.›::ab", max_size=12))
def test_could_be_chrome_finds_every_separator_the_patterns_find(text: str) -> None:
    from tidyink.filters._patterns_lazy import P

    if pc._SEPARATOR_HINT.search(text) or P.NAV_SEPARATORS.search(text) or "[" in text or ":" in text:
        assert could_be_chrome(text)


_ONE_PIECE = ["Next chapter", "(Read more…)", "[Back to the stories]", "LOG IN", "[ Next ]", "(c) 2001 Jo", "« Home »"]


@pytest.mark.parametrize("line", [*_ONE_PIECE, "Copyright 2003 the author", "Hit counter 1234"])
def test_navigation_lines_pass_the_opening_test(line: str) -> None:
    from tidyink.filters import _navigation
    from tidyink.filters._patterns_lazy import P

    assert is_nav(line) is not None and not P.NAV_SEPARATORS.search(line)  # (one piece)
    assert _navigation.may_open_nav(line)
    piece = _navigation._trim(line)
    for k in range(len(piece) + 1):
        assert _navigation.opens_nav(piece[:k])
    assert not _navigation.may_open_nav("It was")  # (no navigation piece opens so)


@given(st.text(alphabet=" \t\u00a0\x1c•◦*-ab", max_size=6))
def test_bullet_item_pre_test_keeps_the_pattern(text: str) -> None:
    assert pc.bullet_item(text) == bool(pc._GLYPH_ITEM.match(text))
    assert pc.bullet_item("  • Home") and pc.bullet_item("◦ Browse") and not pc.bullet_item("a • b")


def test_navigation_piece_ends_are_trimmed_by_the_remembered_characters() -> None:
    from tidyink.filters import _navigation

    assert _navigation._trim_edges("« Next »") == "Next" and _navigation._trim_edges("-- Home") == "Home"
    assert _navigation._trim_edges("Home") == "Home" and not _navigation._trimmed("H")
