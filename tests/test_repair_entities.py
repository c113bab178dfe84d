"""The entities filter: HTML references decoded in plain text only."""

from __future__ import annotations

import pytest

import tidyink


def run(text: str, fmt: str = "text"):
    return tidyink.convert(text, to="text", input_format=fmt, only=["entities"])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Salt &amp; pepper", "Salt & pepper"),
        ("It&#8217;s late", "It’s late"),
        ("It&#x2019;s late", "It’s late"),
        ("It&rsquo;s late", "It’s late"),
        ("&ldquo;Hi&rdquo;&nbsp;there", "“Hi”\u00a0there"),
        ("double &amp;rsquo; escape", "double ’ escape"),
        ("a &#150; dash", "a – dash"),  # numeric 128-159 mean cp1252, as in browsers
    ],
)
def test_references_are_decoded(text, expected):
    assert run(text).text == expected


@pytest.mark.parametrize(
    "text",
    [
        "AT&T and R&D",
        "Q&A; then more",
        "&bogus; stays",
        "a null &#0; stays",
        'Write "&amp;" to get an ampersand.',
        "Type `&nbsp;` for a no-break space.",
    ],
)
def test_other_ampersands_stay(text):
    assert run(text).text == text


def test_markdown_keeps_its_entities_as_markup():
    result = tidyink.convert(
        "Salt &amp; pepper\n", to="markdown", input_format="markdown", only=["entities"]
    )
    assert result.text == "Salt &amp; pepper\n"
    assert result.changes == []


def test_change_is_located():
    result = run("one\nSalt &amp; pepper")
    assert [(c.line, c.column, c.before, c.after) for c in result.changes] == [(2, 6, "&amp;", "&")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Salt &am\u200dp; pepper", "Salt & pepper"),  # a zero-width joiner inside &amp;
        ("the sea&#82\u00ad17;s edge", "the sea’s edge"),  # a soft hyphen inside a numeric one
        ("A &x\u200by; B", "A &xy; B"),  # no such reference: only the invisible goes
    ],
)
def test_a_reference_with_invisible_characters_inside_is_decoded_in_one_run(text, expected):
    once = tidyink.convert(text, input_format="text", to="text", lint=False, safe=True).text
    assert once == expected
    assert tidyink.convert(once, input_format="text", to="text", lint=False).text == once
