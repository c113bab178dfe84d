"""Invariants of the whole default pipeline: any bytes, no lost words, a fixed point."""

from __future__ import annotations

import textwrap

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

import tidyink
from tidyink.errors import TidyinkError

WORDS = ["the", "lamp", "harbour", "Marta", "said", "never", "don't", "keeper's", "cold", "and", "waited"]
PUNCT = [" ", " ", " ", ", ", ". ", "... ", " -- ", '"', "'"]
_WORD = regex.compile(r"\p{L}+")


@st.composite
def prose(draw):
    paragraphs = []
    for _ in range(draw(st.integers(1, 6))):
        pieces = draw(st.lists(st.tuples(st.sampled_from(WORDS), st.sampled_from(PUNCT)), min_size=3, max_size=40))
        text = "".join(w + p for w, p in pieces).strip()
        width = draw(st.sampled_from([0, 30, 60]))
        paragraphs.append(textwrap.fill(text, width) if width else text)
    return "\n\n".join(paragraphs) + "\n"


def words(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text)]


@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=300))
def test_any_bytes_convert_or_fail_with_a_tidyink_error(data):
    try:
        result = tidyink.convert(data)
    except TidyinkError as exc:
        assert "\n" not in str(exc)
    else:
        assert isinstance(result.text, str)


@settings(max_examples=60, deadline=None)
@given(prose())
def test_no_word_is_lost_and_markdown_output_is_a_fixed_point(text):
    first = tidyink.convert(text, input_format="text", to="markdown", lint=False).text
    assert words(first) == words(text)
    again = tidyink.convert(first, input_format="markdown", to="markdown", lint=False).text
    assert again == first
