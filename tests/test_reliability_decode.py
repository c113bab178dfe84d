"""A file cut short mid-character decodes with U+FFFD for the cut character, and says so."""

from __future__ import annotations

import codecs

import pytest
from click.testing import CliRunner

from tidyink.batch import convert_file
from tidyink.cli import main
from tidyink.decoding.source import decode
from tidyink.errors import DecodeError
from tidyink.options import Options

_CUT_CASES = [
    ('Zoë said "wait…'.encode()[:-1], "utf-8", 'Zoë said "wait\ufffd'),
    ("\ufeffNaïve “end”".encode("utf-16-le")[:-1], "utf-16-le", "Naïve “end\ufffd"),
    ("Smile 😀".encode("utf-16-be")[:-2], "utf-16-be", "Smile \ufffd"),
    (codecs.BOM_UTF8 + "Über ’".encode()[:-2], "utf-8", "Über \ufffd"),
]


@pytest.mark.parametrize(("data", "encoding", "text"), _CUT_CASES)
def test_a_file_cut_in_the_middle_of_a_character_keeps_a_replacement_and_says_so(data, encoding, text):
    source = decode(data)
    assert (source.encoding, source.text) == (encoding, text)
    assert "cut short" in source.warning and "U+FFFD" in source.warning


def test_a_cut_file_with_its_encoding_named_decodes_too():
    source = decode("Straße ü".encode()[:-1], encoding="utf-8")
    assert source.text == "Straße \ufffd" and source.warning


def test_a_single_byte_file_is_not_taken_for_cut_utf8():
    source = decode(b"The caf\xe9")  # \xe9 could start a UTF-8 character: it is cp1252 here
    assert source.text == "The café" and not source.warning
    whole = decode("Zoë".encode())
    assert not whole.warning


def test_bad_bytes_before_the_end_still_fail():
    with pytest.raises(DecodeError):
        decode(b"ok \xe2\x28\xa1 end", encoding="utf-8")


def test_convert_and_batch_report_a_cut_file(tmp_path):
    (tmp_path / "cut.txt").write_bytes('Zoë said "wait…'.encode()[:-1])
    result = CliRunner().invoke(main, ["convert", str(tmp_path / "cut.txt"), "-o", str(tmp_path / "o.md")])
    assert result.exit_code == 0
    assert "cut.txt: ends in the middle of a utf-8 character" in result.output
    assert "\ufffd" in (tmp_path / "o.md").read_text()
    record = convert_file(str(tmp_path / "cut.txt"), str(tmp_path / "b.md"), Options())
    assert record["status"] == "converted" and "cut short" in record["warning"]
    assert any(f["code"] == "E101" for f in record["findings"])


def test_fix_leaves_a_cut_file_alone_and_says_why(tmp_path):
    cut = 'Zoë said "wait…'.encode()[:-1]
    (tmp_path / "cut.md").write_bytes(cut)
    result = CliRunner().invoke(main, ["fix", "--isolated", str(tmp_path / "cut.md")])
    assert result.exit_code == 2
    assert "ends in the middle of a utf-8 character" in result.output
    assert (tmp_path / "cut.md").read_bytes() == cut
