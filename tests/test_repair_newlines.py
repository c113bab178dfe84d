"""Line endings: CRLF, CR (classic Mac) and mixed files read right and come out as LF."""

from __future__ import annotations

import pytest

import tidyink

REPAIR = ["mojibake", "codepage", "invisibles", "entities"]


@pytest.mark.parametrize(
    ("data", "style"),
    [
        (b"First line\r\nsecond line\r\n\r\nNext paragraph\r\n", "\r\n"),
        (b"First line\rsecond line\r\rNext paragraph\r", "\r"),
        (b"First line\r\nsecond line\r\rNext paragraph\n", "mixed"),
    ],
)
def test_line_endings_are_read_as_lf(data, style):
    result = tidyink.convert(data, to="text", input_format="text", only=REPAIR)
    assert result.source.newline == style
    assert result.text == "First line\nsecond line\n\nNext paragraph\n"
    assert "\r" not in result.text


def test_cr_only_mac_roman_file_with_damage():
    # A classic Mac file: mac_roman bytes, CR line ends, then read as cp1252 somewhere.
    clean = "Déjà vu.\rThe café was open.\r"
    data = clean.encode("mac_roman")
    result = tidyink.convert(data, to="text", input_format="text", encoding="mac_roman", only=REPAIR)
    assert result.text == "Déjà vu.\nThe café was open.\n"


def test_positions_count_lines_in_cr_files():
    data = "one\rtwo\rthe na´ve three".encode()
    result = tidyink.convert(data, to="text", input_format="text", only=["codepage"])
    assert [(c.line, c.column) for c in result.changes] == [(3, 7)]
