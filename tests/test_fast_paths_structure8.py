"""Author's notes found with a pre-test (a text's first two characters; no note in the
document at all) are exactly the notes found without it."""

from __future__ import annotations

from unittest import mock

from hypothesis import example, given
from hypothesis import strategies as st

from tidyink.document import HEADING, PARAGRAPH, SCENE_BREAK, TEXT, VERSE, Block, Document, Span
from tidyink.filters import _author_notes
from tidyink.filters._author_notes import _find_notes, is_note
from tidyink.filters._patterns_lazy import P

# Openings of notes and of prose, and the characters a note's opening may be set off by
PIECES = st.sampled_from(
    [
        "A/N", "a / n", "A.N.", "AN:", "Author's note", "authors notes", "Note from the author", "Notes:",
        "End notes:", "Chapter notes:", "Disclaimer", "dislaimer", "Warnings:", "Beta'd by", "beta read by",
        "Dedicated to", "I don't own", "We do not own", "I don’t own", "Read and review!", "Please review,",
        "R&R", "r & r", "Thanks for reading", "thank you so much for all", "review please", "review",
        "It was a truth", "The end", "“Well,” said she", "Chapter 1", "Prologue", "PART ONE", "and so",
        "a", "A", "I", "i", "n", "t", "w", "r", " ", "  ", "\n", "\t", "\u3000", "\x85", "[", "(", "*", "_",
        "~", "-", "—", "“", ":", ".", "!", "/", "&", "'", "’",
    ]
)
TEXT_ = st.lists(PIECES, max_size=6).map("".join)


@given(TEXT_)
@example("")
@example("A")
@example("A/N: thanks")
@example(" \n[A/N]")
@example("It was")
@example("\x85I don't own")
def test_a_note_told_from_its_opening_first_is_a_note_as_the_pattern_finds_it(text):
    assert is_note(text) == (P.NOTE.match(text) is not None)


def _find_notes_plain(doc: Document) -> set[int]:
    """_author_notes._find_notes without its pre-tests: no look at the whole document
    first, and each block in a zone asked the note pattern itself (not its opening first)."""
    blocks = doc.blocks
    found = {i for i, b in enumerate(blocks) if b.attrs.get("role") in ("note", "note-label")}
    with mock.patch.object(_author_notes, "is_note", lambda text: P.NOTE.match(text) is not None):
        return _author_notes._notes_in_zones(blocks, found)


BLOCK_TEXTS = [
    "A/N: thanks for reading!", "Disclaimer: I don't own them.", "It was a dark night,\nand cold.",
    "“Well,” said she.", "Chapter 1", "CHAPTER II.", "Prologue", "Thanks for reading", "The end.",
    "Beta read by a friend.", "Dedicated to my sister.", "review", "and so on\nand on\nand on\nto the end",
]
ROLES = [None, None, None, "note", "title", "byline", "summary"]
KINDS = [PARAGRAPH, PARAGRAPH, PARAGRAPH, VERSE, HEADING, SCENE_BREAK]
BLOCK = st.tuples(st.sampled_from(BLOCK_TEXTS), st.sampled_from(KINDS), st.sampled_from(ROLES))


def _doc(blocks: list[tuple[str, str, str | None]]) -> Document:
    out = []
    for text, kind, role in blocks:
        block = Block(kind, [Span(TEXT, text)])
        if role:
            block.attrs["role"] = role
        out.append(block)
    return Document(out)


@given(st.lists(BLOCK, max_size=12))
def test_notes_found_with_the_pre_tests_are_the_notes_found_without(blocks):
    doc = _doc(blocks)
    assert _find_notes(doc) == _find_notes_plain(doc)


def test_a_note_under_a_heading_is_found_and_a_text_without_notes_has_none():
    doc = _doc(
        [
            ("Chapter 1", PARAGRAPH, None),
            ("A/N: this one is short.", PARAGRAPH, None),
            ("It was a dark night,\nand cold.", PARAGRAPH, None),
            ("Thanks for reading!", PARAGRAPH, None),
        ]
    )
    assert _find_notes(doc) == {1, 3}
    prose = _doc([("It was a dark night,\nand cold.", PARAGRAPH, None), ("“Well,” said she.", PARAGRAPH, None)])
    assert _find_notes(prose) == set()


def test_openings_no_note_continues_are_told_without_the_whole_text():
    assert not _author_notes.may_open_note("“W") and not _author_notes.may_open_note("It")
    assert _author_notes.may_open_note("A/") and _author_notes.may_open_note(" [")
