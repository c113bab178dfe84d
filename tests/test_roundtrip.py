"""With every filter off, reading then writing gives back the decoded input."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

import tidyink
from tidyink.decoding.source import normalize_newlines

NO_FILTERS: list[str] = []

prose = st.text(
    alphabet=st.sampled_from(list("ab c\n\n  \t*_-#>1.`[]()<&\\!\"'éß—…\u00a0\r")), max_size=200
)


def _expected(text: str) -> str:
    normalized, _ = normalize_newlines(text)
    return normalized.removeprefix("\ufeff")


@settings(max_examples=300)
@given(prose)
def test_text_to_text_is_lossless(text):
    result = tidyink.convert(text, to="text", input_format="text", only=NO_FILTERS, lint=False)
    assert result.text == _expected(text)


@settings(max_examples=300)
@given(prose)
def test_markdown_to_markdown_is_lossless(text):
    result = tidyink.convert(
        text, to="markdown", input_format="markdown", only=NO_FILTERS, lint=False
    )
    assert result.text == _expected(text)


@settings(max_examples=100)
@given(st.text(max_size=300))
def test_lossless_on_any_unicode(text):
    for fmt, to in (("text", "text"), ("markdown", "markdown")):
        result = tidyink.convert(text, to=to, input_format=fmt, only=NO_FILTERS, lint=False)
        assert result.text == _expected(text)


def test_markdown_document_with_every_construct_round_trips():
    doc = (
        "---\ntitle: A test\n---\n\n# Heading *one*\n\nSome _prose_ with `code`, a [link](http://x.y/a_b)\n"
        "and an ![image](p.png \"t\"), <span>html</span>, \\*escaped\\* &amp; entity.  \nHard break.\n\n"
        "> quoted \"text\"\n> more\n\n- item one\n- item **two**\n\n1. first\n2. second\n\n"
        "```python\nx = '...'\n```\n\n    indented code\n\n***\n\n<div>\nblock html\n</div>\n\n"
        "| a | b |\n|---|---|\n| 1 | 2 |\n\n[ref]: http://example.com\n"
    )
    result = tidyink.convert(doc, to="markdown", input_format="markdown", only=[], lint=False)
    assert result.text == doc


def test_prose_that_repeats_code_is_found_after_the_code():
    from tidyink.document import RAW, TEXT
    from tidyink.readers import read

    for source in ("` caf\u00c3\u00a9 caf\u00c3\u00a9 ` caf\u00c3\u00a9\n", "<b x=' go'> go\n", "`` a ` b `` b\n"):
        spans = read(source, "markdown").blocks[0].spans
        assert [s.kind for s in spans] == [RAW, TEXT], source
        assert "".join(s.text for s in spans) == source.rstrip("\n")
    fixed = tidyink.convert("` caf\u00c3\u00a9 caf\u00c3\u00a9 ` caf\u00c3\u00a9\n", input_format="markdown").text
    assert fixed == "` caf\u00c3\u00a9 caf\u00c3\u00a9 ` caf\u00e9\n"  # the code is never repaired
