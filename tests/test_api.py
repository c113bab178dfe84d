"""The Python API mirrors the command line."""

from __future__ import annotations

import pytest

import tidyink
from tidyink.errors import BinaryInputError, UsageError


def test_convert_returns_text_changes_and_source():
    result = tidyink.convert("Line one...\n\nCafÃ©.\n".encode(), to="text")
    assert result.text == "Line one…\n\nCafé.\n"
    assert result.source.encoding == "utf-8"
    by_filter = {c.filter: c for c in result.changes}
    assert by_filter["ellipses"].line == 1 and by_filter["ellipses"].column == 9
    assert by_filter["mojibake"].line == 3 and by_filter["mojibake"].before == "Ã©"
    assert result.changed


def test_options_object_and_overrides_agree():
    opts = tidyink.Options(to="text", ellipsis="...")
    a = tidyink.convert("wait. . .", options=opts)
    b = tidyink.convert("wait. . .", to="text", ellipsis="...")
    assert a.text == b.text == "wait..."


def test_ellipsis_styles_and_full_stop():
    for style, expected in (("…", "end…."), ("...", "end...."), (". . .", "end. . . .")):
        assert tidyink.convert("end. . . .", to="text", ellipsis=style).text == expected
    assert tidyink.convert("leaders.....", to="text").text == "leaders....."


def test_unknown_option_and_values_are_usage_errors():
    with pytest.raises(UsageError):
        tidyink.convert("x", colour="blue")
    with pytest.raises(UsageError):
        tidyink.convert("x", to="pdf")
    with pytest.raises(UsageError):
        tidyink.convert("x", only=["no-such-filter"])


def test_binary_is_refused():
    with pytest.raises(BinaryInputError):
        tidyink.convert(b"%PDF-1.7\n" + bytes(range(256)))


def test_markdown_input_keeps_code_and_links():
    md = "Wait... `a...b` [x...](http://e.x/...)\n"
    result = tidyink.convert(md, input_format="markdown", to="markdown")
    assert result.text == "Wait… `a...b` [x…](http://e.x/...)\n"


def test_text_to_markdown_escapes_structure():
    text = "1. By road.\n\n- not a list\n\n# not a heading\n\n---\n\n*stars* and _under_\n"
    result = tidyink.convert(text, to="markdown", input_format="text", only=[])
    from markdown_it import MarkdownIt

    types = {t.type for t in MarkdownIt("commonmark").parse(result.text)}
    assert types <= {"paragraph_open", "paragraph_close", "inline"}
    plain = MarkdownIt("commonmark").render(result.text)
    assert "By road." in plain and "<em>" not in plain


def test_positions_point_into_hard_wrapped_input():
    text = "First line of a para\nsecond line with dots...\n"
    result = tidyink.convert(text, to="text")
    (change,) = [c for c in result.changes if c.filter == "ellipses"]
    assert (change.line, change.column) == (2, 22)
