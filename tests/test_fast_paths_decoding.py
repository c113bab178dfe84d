"""Fast paths of decoding give exactly what the plain way gives (property tests on
random text, and fixtures of our own)."""

from __future__ import annotations

import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from tidyink.decoding.source import normalize_newlines


def _normalize_plain(text: str) -> tuple[str, str]:
    """Line endings normalised the plain way: each line break found apart (CRLF, a lone
    CR, LF), the style the one kind found (none: "", several: "mixed"), each made LF."""
    kinds = set(re.findall(r"\r\n?|\n", text))
    style = "" if not kinds else kinds.pop() if len(kinds) == 1 else "mixed"
    return re.sub(r"\r\n?", "\n", text), style


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from([*"\r\n ab", "\r\n", "\r\r\n", "\n\r", "é", "“"]), max_size=40).map("".join))
@example("one\r\ntwo\r\n")
@example("one\rtwo\r")
@example("one\r\ntwo\rthree\n")
@example("\r\r\n\n")
@example("no line break")
@example("")
def test_line_endings_are_normalised_as_when_each_kind_is_counted_apart(text):
    assert normalize_newlines(text) == _normalize_plain(text)


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=80))
@example(b"caf\xe9 \xc3\xa9\x80\xff\x7f")
def test_high_bytes_are_counted_as_the_runs_the_regex_pattern_finds(data):
    import regex

    from tidyink.decoding.source import _HIGH

    assert len(data) - len(data.translate(None, _HIGH)) == sum(map(len, regex.findall(rb"[\x80-\xff]+", data)))
