"""Dashes: typewriter runs and spaced hyphens, never hyphens that mean something."""

from __future__ import annotations

import pytest

import tidyink


def typeset(text: str, only: tuple[str, ...] = ("typography",), **options: object) -> str:
    """Run only the given filters over plain text and return the text."""
    result = tidyink.convert(text, to="text", input_format="text", only=list(only), lint=False, **options)
    return result.text


def dashes(text: str, **options: object) -> str:
    return typeset(text, only=("dashes",), **options)


@pytest.mark.parametrize(
    ("plain", "fixed"),
    [
        ("one--two", "one—two"),
        ("one---two", "one—two"),
        ("the war of 1914--1918", "the war of 1914–1918"),
        ("Mr. ---- of the ----shire", "Mr. ⸺ of the ⸺shire"),
        ("the ------ regiment", "the ⸻ regiment"),
        ("he walked farther - till dawn", "he walked farther—till dawn"),
        ("a word -- a word", "a word—a word"),
        ('said--"No!"', 'said—"No!"'),
        ("a well-known, long-term plan", "a well-known, long-term plan"),
        ("it was -5 degrees", "it was -5 degrees"),
        ("3 - 2 = 1", "3 - 2 = 1"),
        ("- a list item\n- another", "- a list item\n- another"),
        ("the years 1914-18", "the years 1914-18"),
        ("a rule\n------\nbelow", "a rule\n------\nbelow"),
        ("<!-- a comment -->", "<!-- a comment -->"),
        ("----- five is left alone", "----- five is left alone"),
    ],
)
def test_em_dashes(plain: str, fixed: str) -> None:
    assert dashes(plain) == fixed


def test_spaced_hyphen_at_a_line_end_in_wrapped_prose() -> None:
    assert dashes("he went farther -\ntill dawn") == "he went farther—\ntill dawn"
    assert dashes("a list:\n- one\n- two") == "a list:\n- one\n- two"


def test_line_initial_dialogue_dash_keeps_its_space() -> None:
    assert dashes("-- Non, dit-il.") == "— Non, dit-il."


def test_indentation_next_to_a_dash_is_kept() -> None:
    assert dashes("    --and so it ends") == "    —and so it ends"


def test_en_spaced_style() -> None:
    assert dashes("one--two and three - four", dashes="en-spaced") == "one – two and three – four"
    assert dashes("“I was--” she said", dashes="en-spaced") == "“I was –” she said"


def test_ranges_only_when_asked() -> None:
    assert dashes("pages 10-20, 1914-18", ranges=True) == "pages 10–20, 1914–18"
    assert dashes("on 2020-01-05 call 3.5-4", ranges=True) == "on 2020-01-05 call 3.5-4"
    assert dashes("3 - 2", ranges=True) == "3 - 2"


def test_dash_after_an_exclamation_mark_but_not_in_comments_or_escapes():
    def dashes(text, fmt="text"):
        return tidyink.convert(
            text, to="text" if fmt == "text" else "markdown", input_format=fmt, only=["dashes"], lint=False
        ).text

    assert dashes("Do it!--That I will.\n") == "Do it!—That I will.\n"
    assert dashes("a <!-- note --> b\n") == "a <!-- note --> b\n"
    md = "Before.\n\n\\---\n\nAfter--yes.\n"  # the writer's own escape of a rule line
    assert dashes(md, "markdown") == "Before.\n\n\\---\n\nAfter—yes.\n"


def test_the_hyphens_of_a_story_info_line_part_fields() -> None:
    line = "Rated: K - French - Chapters: 4 - Words: 9,120 - id: 5521"
    assert dashes(line) == line
    assert dashes("It was late - too late.") == "It was late—too late."
