"""Suppression comments: regions left alone, files skipped, findings ignored per line."""

from __future__ import annotations

from collections.abc import Iterable

import pytest
from hypothesis import given
from hypothesis import strategies as st

import tidyink
from tidyink import pipeline
from tidyink.records import Finding
from tidyink.rules.base import Rule, prose_views
from tidyink.suppress import scan


def md(text: str, **kw):
    return tidyink.convert(text, to="markdown", input_format="markdown", **kw)


def txt(text: str, **kw):
    return tidyink.convert(text, to="text", input_format="text", **kw)


def test_markdown_off_on_region_is_left_alone():
    source = "One...\n\n<!-- tidyink: off -->\nTwo...\n\nThree...\n<!-- tidyink: on -->\n\nFour...\n"
    result = md(source)
    assert result.text == source.replace("One...", "One…").replace("Four...", "Four…")
    assert [c.line for c in result.changes] == [1, 9]


def test_unclosed_off_runs_to_the_end():
    result = md("A...\n\n<!-- tidyink: off -->\n\nB...\n\nC...\n")
    assert result.text == "A…\n\n<!-- tidyink: off -->\n\nB...\n\nC...\n"


@pytest.mark.parametrize(
    "off,on", [("[tidyink: off]", "[tidyink: on]"), ("<!-- tidyink: off -->", "<!-- tidyink: on -->")]
)
def test_text_regions_cut_inside_a_block(off, on):
    source = f"A...\n{off}\nB... -- c\n{on}\nD...\n"
    result = txt(source)
    assert result.text == f"A…\n{off}\nB... -- c\n{on}\nD…\n"


def test_directives_themselves_are_never_edited_in_text():
    # A typography filter must not turn the comment's "--" into a dash, or "..." args.
    source = "Fine <!-- tidyink: ignore X1 --> text...\n"
    assert txt(source).text == "Fine <!-- tidyink: ignore X1 --> text…\n"


def test_mentions_inside_a_sentence_do_not_switch_anything():
    source = "Write [tidyink: off] to stop it... and so on...\n"
    assert txt(source).text == "Write [tidyink: off] to stop it… and so on…\n"


def test_bracket_form_is_not_a_directive_in_markdown():
    assert md("[tidyink: off]\n\nA...\n").text == "[tidyink: off]\n\nA…\n"


def test_skip_file_leaves_everything():
    for source in ("A...\n\n<!-- tidyink: skip-file -->\n", "[tidyink: skip-file]\nA...\n"):
        result = txt(source)
        assert result.text == source and result.changes == []


def test_skip_line_same_line_and_next_line():
    source = "A... <!-- tidyink: skip -->\nB...\n<!-- tidyink: skip -->\nC...\nD...\n"
    assert txt(source).text == "A... <!-- tidyink: skip -->\nB…\n<!-- tidyink: skip -->\nC...\nD…\n"


def test_directives_in_fenced_code_are_ignored():
    source = "```\n<!-- tidyink: off -->\n```\n\nA...\n"
    assert md(source).text == source.replace("A...", "A…")


class _Dots(Rule):
    code, name, description = "T901", "dots", "flags every run of three dots"

    def check(self, doc, ctx) -> Iterable[Finding]:
        for _block, view in prose_views(doc):
            start = view.text.find("...")
            while start >= 0:
                yield self.finding(view, start, start + 3, "dots", ctx=ctx)
                start = view.text.find("...", start + 3)


class _Other(_Dots):
    code, name = "Q100", "other"


@pytest.fixture
def fake_rules(monkeypatch):
    monkeypatch.setattr(pipeline, "select_rules", lambda options: [_Dots(), _Other()] if options.lint else [])


def test_ignore_drops_only_named_findings_on_that_line(fake_rules):
    source = (
        "a... <!-- tidyink: ignore T901 -->\n"
        "b...\n"
        "<!-- tidyink: ignore -->\n"
        "c...\n"
        "d... <!-- tidyink: ignore T9, other -->\n"
    )
    found = tidyink.convert(source, to="text", input_format="text", only=[]).findings
    assert sorted((f.line, f.code) for f in found) == [(1, "Q100"), (2, "Q100"), (2, "T901")]


def test_off_region_drops_findings_too(fake_rules):
    source = "a...\n\n<!-- tidyink: off -->\nb...\n<!-- tidyink: on -->\nc...\n"
    found = md(source, only=[]).findings
    assert {f.line for f in found} == {1, 6}


def test_scan_is_cheap_and_empty_without_directives():
    marks = scan("No directives here at all.\n", "markdown")
    assert not marks
    assert marks.options(tidyink.Options()) == tidyink.Options()


def test_readme_example_behaves_as_documented():
    from pathlib import Path

    readme = (Path(__file__).resolve().parents[1] / "docs" / "suppression.md").read_text(encoding="utf-8")
    section = readme[readme.index("# Leaving text alone") :]
    start = section.index("```markdown\n") + len("```markdown\n")
    example = section[start : section.index("```", start)]
    assert "tidyink: off" in example and "tidyink: skip -->" in example
    assert md(example).text == example  # everything in it is protected


def test_the_search_finds_every_character_that_lowers_into_a_letter_of_tidyink():
    """The premise of the search before a text is lowered: each character lowers into
    one character (İ aside: into i and a combining dot, no letter of "tidyink"
    follows), and the case-insensitive search of each letter finds every character
    that lowers into it."""
    import regex

    for code in range(0x110000):
        ch = chr(code)
        low = ch.lower()
        if len(low) != 1:
            assert low == "i\u0307", hex(code)
        elif low in "tidyink":
            assert regex.fullmatch(low, ch, regex.IGNORECASE), hex(code)


_DIRECTIVE_BITS = st.sampled_from(
    [
        "<!-- tidyink: off -->",
        "<!-- TIDYINK: on -->",
        "[tidyink: skip]",
        "<!-- tidyink: ignore C101 -->",
        "<!-- tidyin\u212a: off -->",  # (the Kelvin sign lowers into k)
        "<!-- ",
        ": off -->",
        "tidyink",
        "TidyInk",
        "t\u0130dyink",
        "tidyin\u212a",
        "dyin",
        "```",
        "\n",
        "\n\n",
        " ",
        "word",
        "İ",
        "K",
    ]
)


@given(st.lists(_DIRECTIVE_BITS, max_size=12).map("".join), st.sampled_from(["text", "markdown"]))
def test_the_pre_test_never_skips_a_text_with_directives(text, fmt):
    from tidyink import suppress

    found = scan(text, fmt)
    always = suppress.lazy(r"")  # (matches every text: the text is always lowered and read)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(suppress, "_MENTION", always)
        assert found == scan(text, fmt)
