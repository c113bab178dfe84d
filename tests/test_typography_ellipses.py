"""Ellipses: one style, the full stop kept, the writer's spacing kept."""

from __future__ import annotations

import pytest

import tidyink


@pytest.mark.parametrize(
    ("plain", "style", "fixed"),
    [
        ("wait . . . now", "…", "wait … now"),
        ("wait... now", "…", "wait… now"),
        ("the end. . . .", "…", "the end…."),
        ("wait … now", "...", "wait ... now"),
        ("wait… now", ". . .", "wait. . . now"),
        ("five dots ..... stay", "…", "five dots ..... stay"),
        ("wait … now", "…", "wait … now"),
    ],
)
def test_ellipsis_styles(plain: str, style: str, fixed: str) -> None:
    assert typeset(plain, only=("ellipses",), ellipsis=style) == fixed


def typeset(text: str, only: tuple[str, ...] = ("typography",), **options: object) -> str:
    """Run only the given filters over plain text and return the text."""
    result = tidyink.convert(
        text, to="text", input_format="text", only=list(only), lint=False, **options
    )
    return result.text


def test_spaced_style_survives_spacing_filter() -> None:
    out = typeset("He paused ... then went on", ellipsis=". . .")
    assert out == "He paused . . . then went on"
