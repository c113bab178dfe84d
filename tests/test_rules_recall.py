"""Lint recall in general contexts, and dialect dialogue that must stay unflagged.

Every text here is written for these tests.
"""

from __future__ import annotations

import pytest

import tidyink
from tidyink.rules import _pos
from tidyink.rules._contexts import contraction_meant, following, noun_phrase
from tidyink.rules._dialect import dense, fold, truncated
from tidyink.rules._dictionary import archaic_verb, british_to_american, status, typo_neighbours


def flagged(text: str, *codes: str) -> list[tuple[str, str]]:
    """(code, flagged text) for each finding."""
    lines = text.split("\n")
    return [
        (f.code, lines[f.line - 1][f.column - 1 : f.end_column - 1])
        for f in tidyink.check(text, select=list(codes) or None)
    ]


YORKSHIRE = (
    "\"Nay, lad, tha'll nobbut get thysen wet,\" said owd Jabez. \"Ah've tell'd thee "
    "afore: it's nowt but a bit o' rain, an' thi mam'll be fair capped if tha comes "
    "'ome mucky. Sithee, yon's t' road to t' mill, an' we mun be off sharpish.\"\n"
)
COCKNEY = (
    "\"Blimey, guv'nor, I ain't seen nuffink,\" said the lad. \"Me an' 'Arry was just "
    "'angin' abaht by the caff, wasn't we, 'Arry? Nobody come past 'ere, honest. "
    "You ask anyone dahn the market, they'll tell yer the same.\"\n"
)
AMERICAN_RURAL = (
    '"I reckon them critters done gone an\' et the whole durn crop," Pap allowed. '
    "\"Ain't nothin' left but stubble. We was fixin' to sell it come fall, but I "
    "'spect we'll be eatin' possum all winter, young'uns an' all.\"\n"
)


@pytest.mark.parametrize("text", [YORKSHIRE, COCKNEY, AMERICAN_RURAL])
def test_dialect_dialogue_is_not_flagged(text: str) -> None:
    assert flagged(text) == []


def test_a_slip_inside_dialect_is_still_flagged() -> None:
    text = AMERICAN_RURAL + '"It\'s the becuase of it," he said, "that\'s all."\n'
    assert ("S101", "becuase") in flagged(text, "S101")


def test_dropped_g_in_narration_is_a_typo_but_not_in_dialogue() -> None:
    narration = "The calf was passin the gate when the dog barked at it.\n"
    assert flagged(narration, "S101") == [("S101", "passin")]
    dialogue = "\"We was passin by an' seen 'em,\" he said. \"Nothin' doin'.\"\n"
    assert flagged(dialogue, "S101") == []


def test_then_than_with_comparatives_from_the_lexicon() -> None:
    assert flagged("She grew prouder then her sister ever was.", "C101") == [("C101", "then")]
    assert flagged("He visited us oftener then anybody else.", "C101") == [("C101", "then")]
    assert flagged("The water then rose over the bank.", "C101") == []
    assert flagged("Well, than, what is it that you want with the boat?", "C101") == [("C101", "than")]


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("The dog ran back to it's kennel in the yard.", "it's"),
        ("I know that its of no use to anybody now.", "its"),
        ("Tell me what is you're name, and where you live.", "you're"),
        ("I think that your always late for dinner.", "your"),
        ("They said that their gone to the fair.", "their"),
        ("The mark of there gratitude was a silver cup.", "there"),
        ("And now whose to say what is right?", "whose"),
        ("She met a man who's face was scarred.", "who's"),
    ],
)
def test_possessives_and_contractions_in_general_contexts(text: str, word: str) -> None:
    assert [w for _, w in flagged(text, "C102", "C103", "C104", "C105")] == [word]


@pytest.mark.parametrize(
    "text",
    [
        "The ship and its already battered hull were sold.",
        "I would trade all of your ordinary, dull days for one of mine.",
        "Read them, for they're good letters, every one.",
        "We lived there years ago, when the mill was open.",
        "Is there time for tea before the train?",
        "She asked who's next for the barber.",
    ],
)
def test_possessive_and_contraction_contexts_left_alone(text: str) -> None:
    assert flagged(text, "C102", "C103", "C104", "C105") == []


def test_lose_loose() -> None:
    assert flagged("There was not a moment to loose!", "C106") == [("C106", "loose")]
    assert flagged("She was loosing all sense of time.", "C106") == [("C106", "loosing")]
    assert flagged("The archers were loosing arrows at the gate.", "C106") == []
    assert flagged("They meant to loose the hounds at dawn.", "C106") == []


def test_repeated_words() -> None:
    assert flagged("I I never said that to him.", "R101") == [("R101", "I I")]
    assert flagged("He gave her her book back.", "R101") == []
    assert flagged("She saw her her brother.", "R101") == [("R101", "her her")]
    assert flagged("They came in in the evening.", "R101") == []
    assert flagged("The key is in in the drawer.", "R101") == [("R101", "in in")]


def test_three_letter_names_and_common_names() -> None:
    text = "Kim ran to the gate. Kim hid in the barn. Kim laughed at the dog. Then Kimm slept."
    assert ("N101", "Kimm") in flagged(text, "N101")
    assert flagged("She waited for Rcahel by the gate.", "N101") == [("N101", "Rcahel")]
    assert flagged("They dined at Lafter Hall with the squire.", "N101") == []


def test_spelling_acceptance() -> None:
    assert status("semed") == "suspicious"  # not "seme" + "d": "seemed"
    assert status("satisified") == "suspicious"  # an extra letter inside a word
    assert status("muslins") == "known"  # a plural of a curated word
    assert archaic_verb("goest") and archaic_verb("knoweth") and not archaic_verb("gost")
    assert not archaic_verb("bluest")
    assert british_to_american("colourless") == ["colorless"]
    assert british_to_american("journal") == [] and british_to_american("honourable") == ["honorable"]
    assert "satisfied" in typo_neighbours("satisified")


def test_folding_and_truncation() -> None:
    assert fold("coöperate") == "cooperate" and fold("encyclopædia") == "encyclopaedia"
    assert truncated("dinn") and not truncated("dinner") and not truncated("xqzv")
    assert flagged("They meant to coöperate on the encyclopædia.", "S101") == []


def test_dialect_density() -> None:
    text = "\"I ain't seen 'em, an' I won't,\" he said. " + "word " * 200 + "plain narration"
    assert dense(text, 10, [10])
    assert not dense(text, len(text) - 5, [len(text) - 5])


def test_part_of_speech_lexicon() -> None:
    assert _pos.comparative("prouder") and not _pos.comparative("water")
    assert _pos.noun_only("appreciation") and not _pos.noun_only("return")
    assert "to" in _pos.closed("prep")
    assert following("its true, she said", 3, 2) == ["true", ","]
    assert noun_phrase("x its already rather grim reputation", 5)
    assert contraction_meant("its true, she said", 3)
