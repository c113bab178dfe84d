"""The invisibles filter: debris removed, meaningful invisibles kept, U+FFFD reported."""

from __future__ import annotations

import pytest

import tidyink


def run(text: str, **options):
    return tidyink.convert(text, to="text", input_format="text", only=["invisibles"], **options)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("zero\u200bwidth", "zerowidth"),
        ("soft\u00adhyphen", "softhyphen"),
        ("stray\ufeffmark", "straymark"),
        ("bell\x07 and\x00 null", "bell and null"),
        ("red \x1b[31mtext\x1b[0m here", "red text here"),
        ("\u202eoverride\u202c and \u200emark", "override and mark"),
        ("join\u2060er", "joiner"),
        ("Latin x\u200dy", "Latin xy"),
        ("line\x0bbreak", "line\nbreak"),
    ],
)
def test_debris_is_removed(text, expected):
    assert run(text).text == expected


@pytest.mark.parametrize(
    "text",
    [
        "family 👨\u200d👩\u200d👧 emoji",  # ZWJ sequence
        "heart ❤\ufe0f and 🏳\ufe0f\u200d🌈 flag",
        "می\u200cخواهم",  # Persian ZWNJ
        "क्\u200dष",  # Devanagari ZWJ
        "ภาษา\u200bไทย",  # Thai word break
        "שלום \u200fעולם",  # RLM in Hebrew text
        "tab\tseparated\ftext",
    ],
)
def test_meaningful_invisibles_stay(text):
    result = run(text)
    assert result.text == text
    assert result.changes == []


@pytest.mark.parametrize(
    "text",
    [
        "Il dit\u00a0: «\u00a0oui\u00a0»\u00a0! Et toi\u00a0?",  # French spacing
        "Mr.\u00a0Smith met Dr\u00a0Jones.",  # honorifics
        "It cost 10\u00a0000\u00a0€ for 5\u00a0km.",  # numbers
        "Ein K\u00a0U\u00a0R\u00a0T W\u00a0O\u00a0L\u00a0F",  # letter-spaced
        "à\u00a0la maison, v\u00a0Praze",  # short words
        "narrow\u202f: French thin space",
    ],
)
def test_meant_no_break_spaces_are_kept(text):
    assert run(text).text == text


def test_stray_no_break_space_becomes_space():
    result = run("copied\u00a0from\u00a0a web\u00a0page")
    assert result.text == "copied from a web page"
    assert len(result.changes) == 3


def test_nbsp_space_policy_turns_all_into_spaces():
    text = "Mr.\u00a0Smith paid 10\u00a0€ «\u00a0ici\u00a0»"
    assert run(text, nbsp="space").text == "Mr. Smith paid 10 € « ici »"


def test_replacement_character_is_a_finding_not_a_deletion():
    result = run("first line\nlost \ufffd here")
    assert result.text == "first line\nlost \ufffd here"
    assert [(f.code, f.severity, f.line, f.column) for f in result.findings] == [
        ("E101", "warning", 2, 6)
    ]


def test_positions_of_removals():
    result = run("one\ntwo\u200bthree")
    assert [(c.line, c.column, c.before, c.after) for c in result.changes] == [(2, 4, "\u200b", "")]


def test_unknown_nbsp_policy_is_a_usage_error():
    from tidyink.errors import UsageError

    with pytest.raises(UsageError, match="no-break space"):
        run("text", nbsp="sometimes")


@pytest.mark.parametrize(
    "text",
    [
        "Il attendit…\u00a0puis il partit.",
        "Le prix\u00a0: 5\u00a0€, voir §\u00a03.",
        "Une note [\u00a0entre crochets\u00a0] et une autre (\u00a0ici\u00a0).",
        "Written (aside)\u00a0then more, at 20\u00a0°C.",
        "The end.\u00a0Then a new sentence, and a dash\u00a0— here.",
    ],
)
def test_no_break_spaces_of_valid_utf8_text_stay_unless_between_words(text):
    assert run(text).text == text


def test_no_break_space_between_words_of_prose_becomes_a_space_in_any_encoding():
    assert run("running\u00a0prose").text == "running prose"
    data = "running\u00a0prose, and it finished.\u00a0Then".encode("cp1252")
    assert run(data).text == "running prose, and it finished. Then"


def test_a_no_break_space_is_judged_without_the_control_beside_it():
    # the control goes in the same run: the space is judged as the next run sees it
    only = ["mojibake", "codepage", "invisibles", "entities"]
    once = tidyink.convert("the\u00a0\x07cat sat", input_format="text", to="text", only=only)
    assert once.text == "the cat sat"
    assert not tidyink.convert(once.text, input_format="text", to="text", only=only).changes


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("see \x1b[&link] here", "see [&link] here"),  # intermediate byte, no parameter
        ("see \x1b[link] here", "see [link] here"),  # set/reset mode needs its mode
        ("gone\x1b[K here, \x1b[mplain\x1b[?25l too", "gone here, plain too"),
    ],
)
def test_a_stray_escape_takes_no_letter_of_the_next_word(text, expected):
    assert run(text).text == expected
