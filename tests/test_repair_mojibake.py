"""The mojibake filter: ftfy on the lines that need it, same result as ftfy everywhere."""

from __future__ import annotations

import ftfy
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import tidyink
from tidyink.filters._mojibake_scan import suspect_lines
from tidyink.filters.mojibake import _config, fix_lines


def repair(text: str) -> str:
    return tidyink.convert(text, to="text", input_format="text", only=["mojibake"]).text


@pytest.mark.parametrize(
    ("damaged", "expected"),
    [
        ("I donâ€™t know.", "I don’t know."),  # English, cp1252
        ("Le cafÃ© Ã©tait fermÃ©.", "Le café était fermé."),  # French
        ("Die StraÃŸe war Ã¼berfÃ¼llt.", "Die Straße war überfüllt."),  # German
        ("â€œQuotedâ€\x9d text", "“Quoted” text"),  # WHATWG: 0x9D kept as a C1 control
        ("Il est lÃ\xa0 depuis longtemps.", "Il est là depuis longtemps."),
        ("a dash â€” here", "a dash — here"),  # a lone dash is damage, not a mention
    ],
)
def test_repairs(damaged, expected):
    assert repair(damaged) == expected


@pytest.mark.parametrize(
    "mention",
    [
        "Shops that print â€™ instead of an apostrophe annoy me.",
        'The string "Ã©" is é read the wrong way.',
        "Search for `Ã¨` in the file.",
        "NÃO, São Paulo, Ôôô.",
        "»über",  # German quotes: ftfy alone makes this ȟber
        "café½“",  # ftfy alone makes this caf齓
        "Plain English with “curly quotes” and ‘single’ ones—and dashes.",
    ],
)
def test_mentions_and_clean_text_stay(mention):
    assert repair(mention) == mention


def test_only_suspect_lines_are_scanned():
    text = "plain line\ncafé au lait\nbroken cafÃ©\n“quoted” line\n"
    assert [line for _, line in suspect_lines(text)] == ["broken cafÃ©"]
    assert suspect_lines("pure ascii\ntext") == []


def test_decomposed_text_is_a_suspect_line():
    assert suspect_lines("cafe\u0301") == [(0, "cafe\u0301")]


_ALPHABET = [
    *"ab \n.éÃ©â€™œ\x9d\x81ÂÅ«»“”‘’—àÉ\u0301¤¦¨©ª¬®¯°±²³´µ¶·¸¹º¼½¾¿ÀÁÊËÌÍÎÏÐ",
    "\ufffd",
    "\xa0",
]


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(_ALPHABET), max_size=60))
def test_line_filter_gives_ftfy_result(text):
    expected = ftfy.fix_text(text, config=_config())
    if expected.count("\n") == text.count("\n"):
        assert fix_lines(text) == expected
    else:  # ftfy swallowed a line break (a "byte" of a sequence): refused
        assert fix_lines(text).count("\n") == text.count("\n")


def test_positions_of_changes():
    result = tidyink.convert(
        "ok\nThe cafÃ© is open.", to="text", input_format="text", only=["mojibake"]
    )
    assert [(c.line, c.column) for c in result.changes] == [(2, 8)]
    assert result.changes[0].after == "é"


def _twice_damaged(text: str, first: str, second: str) -> str:
    """``text`` as UTF-8 read with code page ``first``, then all that as UTF-8 read with ``second``."""
    return text.encode("utf-8").decode(first).encode("utf-8").decode(second)


@pytest.mark.parametrize(("first", "second"), [("mac_roman", "latin-1"), ("latin-1", "mac_roman")])
def test_repair_reaches_its_fixed_point_in_one_run(first, second):
    # Damaged twice with two code pages: once the words around it are repaired, a
    # token that was kept (it stood for a quote mark) reads otherwise; the run goes
    # on until nothing changes, so a second conversion finds nothing left to do.
    text = (
        "Le soir, nous sommes allés à la rivière; le vieux meunier réparait ses filets.\n\n"
        "« Demain il pleuvra », dit-il, et il rentra à la maison sans un mot de plus.\n"
    )
    only = ["mojibake", "codepage", "invisibles", "entities"]
    once = tidyink.convert(_twice_damaged(text, first, second), input_format="text", to="text", only=only)
    assert "allés à la rivière" in once.text and "rentra à la maison" in once.text
    again = tidyink.convert(once.text, input_format="text", to="text", only=only)
    assert again.text == once.text
    assert not again.changes


def test_a_stray_c1_control_does_not_hide_the_mojibake_beside_it():
    # 0x81 means nothing in cp1252: codepage removes it after mojibake has run, so
    # mojibake reads the line without it, and one run repairs what a second would.
    only = ["mojibake", "codepage", "invisibles", "entities"]
    text = "Le café\x81cafÃ© du port, et le thÃ©\x9d."
    once = tidyink.convert(text, input_format="text", to="text", only=only)
    assert once.text == "Le cafécafé du port, et le thé."
    assert not tidyink.convert(once.text, input_format="text", to="text", only=only).changes


def test_a_c1_byte_of_a_utf8_sequence_is_kept_for_its_repair():
    # Á in UTF-8 is C3 81; read as latin-1 it is "Ã\x81": the control is part of the letter
    only = ["mojibake", "codepage", "invisibles", "entities"]
    text = "ÃLVARO went to CADIZ with ÃNGELA and cafÃ©\x81 friends."
    text = text.replace("ÃL", "Ã\x81L").replace("ÃN", "Ã\x81N")
    once = tidyink.convert(text, input_format="text", to="text", only=only)
    assert once.text == "ÁLVARO went to CADIZ with ÁNGELA and café friends."


def test_the_only_space_between_two_words_is_no_lost_byte():
    """ftfy reads ``â€`` and a space as † (its 0xA0 byte lost as a space); between two
    words that glues them (``hello†said``): more likely a byte was lost before the space
    (``â€\\x9d``, ”). The token is left; the rest of the line is still repaired."""
    assert repair("She said helloâ€ said the cafÃ© owner.") == "She said helloâ€ said the café owner."
    assert repair("She said: â€œhelloâ€ â€œagain.") == "She said: â€œhelloâ€ â€œagain."
    assert repair("voilÃ tout") == "voilà tout"  # a letter keeps the space after it
