"""Invariants of the typography filters: idempotent, no lost words, no crash."""

from __future__ import annotations

import regex
from hypothesis import example, given, settings
from hypothesis import strategies as st

import tidyink

_ALPHABET = [
    *"ab Tisemn90 \n\n  \"\"''--...,;!?_*()“”‘’—…«»„\u00a0",
    "'tis ",
    "don't ",
    " - ",
    "'em ",
    "5'10\" ",
]
prose = st.lists(st.sampled_from(_ALPHABET), max_size=60).map("".join)

_FOLD = str.maketrans(
    {
        "“": '"',
        "”": '"',
        "‘": "'",
        "’": "'",
        "′": "'",
        "″": '"',
        "—": "-",
        "–": "-",  # -- between numbers (9--9) is an en dash
        "⸺": "-",
        "⸻": "-",
        "…": ".",
    }
)


def run(text: str, fmt: str = "text", **options: object) -> str:
    return tidyink.convert(
        text, to=fmt, input_format=fmt, only=["typography"], lint=False, **options
    ).text


@settings(max_examples=150, deadline=None)
@given(prose)
def test_idempotent_text(text: str) -> None:
    once = run(text)
    assert run(once) == once


@settings(max_examples=60, deadline=None)
@given(prose, st.sampled_from(["fr", "de", "en-GB"]), st.sampled_from(["em", "en-spaced"]))
def test_idempotent_other_styles(text: str, language: str, dash: str) -> None:
    once = run(text, language=language, dashes=dash)
    assert run(once, language=language, dashes=dash) == once


@settings(max_examples=80, deadline=None)
@given(prose)
@example("a - _ --_")  # a dash glued to a literal _ would make it an emphasis mark
def test_idempotent_markdown(text: str) -> None:
    once = run(text, "markdown")
    assert run(once, "markdown") == once


@settings(max_examples=150, deadline=None)
@given(prose)
def test_no_word_lost(text: str) -> None:
    words = regex.findall(r"\p{L}+", text)
    assert regex.findall(r"\p{L}+", run(text)) == words


@settings(max_examples=100, deadline=None)
@given(prose)
@example("9--9")
def test_only_typographic_characters_change(text: str) -> None:
    """Folded back to typewriter marks, and with spaces and dots squeezed, nothing else moved."""

    def squeeze(s: str) -> str:
        return regex.sub(r"[\s.\-]+", "", s.translate(_FOLD))

    assert squeeze(run(text)) == squeeze(text)


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=200))
def test_never_crashes(text: str) -> None:
    run(text)
    run(text, quotes="straight", language="fr", ranges=True)
