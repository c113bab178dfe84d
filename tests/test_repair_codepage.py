"""The codepage filter: single-byte mix-ups repaired word by word, correct text untouched."""

from __future__ import annotations

import pytest

import tidyink
from tidyink.filters._codepages import MIXUPS

REPAIR = ["mojibake", "codepage", "invisibles", "entities"]

# Our own sentences, rich in the letters each mix-up damages.
CLEAN = {
    "en": (
        "The naïve café owner said: “Don’t touch the crème brûlée—it’s for the fiancée.” "
        "Her façade of calm was a mere cliché, and the rôle of the protégé seemed déjà vu."
    ),
    "fr": (
        "« Où est le château ? » demanda-t-il. L’élève répondit qu’il était très fâché, "
        "à cause de la pluie. Même la forêt semblait déçue, et ce garçon âgé rêvait d’été."
    ),
    "de": (
        "„Können Sie mir helfen?“ fragte die Frau. Die Straße war über fünfzig Meter breit, "
        "und die Brücke lag gegenüber. Später hörte man schöne Grüße aus München."
    ),
}
# Spanish and Portuguese: repaired as whole documents (see test below).
MORE = {
    "es": (
        "«¿Dónde está la estación?», preguntó el niño. La canción de la señora sonaba en el "
        "jardín. Después, el camión llegó a la ciudad más pequeña."
    ),
    "pt": (
        "«Não sei onde está a estação», disse a avó. As crianças comeram pão, e a canção "
        "ecoou pela região. Depois, o irmão voltou à cidade com a irmã."
    ),
}


def damage(text: str, written_in: str, read_as: str) -> str:
    """What ``text`` becomes when its ``written_in`` bytes are read as ``read_as``.

    Bytes that ``read_as`` leaves undefined become C1 controls, as browsers do.
    """
    return "".join(
        bytes([b]).decode(read_as, errors="ignore") or chr(b) for b in text.encode(written_in)
    )


def repair(text: str, only: list[str] | None = None) -> str:
    return tidyink.convert(text, to="text", input_format="text", only=only or REPAIR).text


@pytest.mark.parametrize("lang", sorted(CLEAN) + sorted(MORE))
@pytest.mark.parametrize(("label", "written_in", "read_as"), MIXUPS)
def test_whole_document_mixup_is_repaired(lang, label, written_in, read_as):
    clean = {**CLEAN, **MORE}[lang]
    damaged = damage(clean, written_in, read_as)
    assert damaged != clean
    assert repair(damaged) == clean


@pytest.mark.parametrize("lang", sorted(CLEAN))
@pytest.mark.parametrize(("label", "written_in", "read_as"), MIXUPS)
def test_single_sentence_is_repaired_word_by_word(lang, label, written_in, read_as):
    sentence = CLEAN[lang].split(". ")[-1]
    damaged = damage(sentence, written_in, read_as)
    assert damaged != sentence
    assert repair(damaged, ["codepage"]) == sentence


@pytest.mark.parametrize(
    ("damaged", "expected"),
    [
        ("It was a na´ve plan.", "It was a naïve plan."),
        ("Such na´vetÚ in one man!", "Such naïveté in one man!"),
        ("ôYou insist, Basil?ö she asked.", "“You insist, Basil?” she asked."),
        ("He glanced at themÑrather coldly.", "He glanced at them—rather coldly."),
        ("I donÕt know.", "I don’t know."),  # mac_roman read as cp1252
        ("Le garτon", "Le garçon"),  # cp1252 read as cp437
        ("Le garxon", "Le garxon"),  # not damage: nothing to do
        ("\x93Hello,\x94 she said.", "“Hello,” she said."),  # cp1252 read as latin-1
        ("Wait\x85 a C1\x81 control", "Wait… a C1 control"),  # \x81 means nothing: removed
        ("Wir gingen Ⱥber die BrȘcke.", "Wir gingen Ⱥber die BrȘcke."),  # not a code page
        ("Un Útudiant trÞs calme.", "Un étudiant très calme."),
    ],
)
def test_examples(damaged, expected):
    assert repair(damaged, ["codepage"]) == expected


@pytest.mark.parametrize(
    "clean",
    [
        "NÃO é verdade.",
        "Ela mora em São Paulo.",
        "Ôôô, disse ele.",
        "Zoë, Brontë, Müller and Málaga.",
        "Shops that print â€™ instead of an apostrophe annoy me.",
        "The string â€™ is mojibake.",
        "Straße, Öl, über 5 ½ Meilen.",
        "El niño comió pan y jamón.",
        "Não há ação sem razão.",
        "vis-à-vis, c’est-à-dire, déjà-vu",
        "Mon cœur, ma sœur, l’œuvre.",
        "He paid £5 and 10¢ at 20°C — a bargain…",
        "“'Tis so,” said he. ‘Yes’—she nodded.",
        "Ørsted, Åland, Ægir, Þór.",
        "π ≈ 3.14159, ± 2%, ∞",
        "Ève, Ëlodie, Île-de-France, Œdipe.",
    ],
)
def test_correct_text_is_never_changed(clean):
    result = tidyink.convert(clean, to="text", input_format="text", only=REPAIR)
    assert result.text == clean
    assert result.changes == []


def test_word_used_elsewhere_in_document_counts_as_known():
    # "Ysolde" is no dictionary word; its use elsewhere vouches for the repair.
    text = "Ysolde came early.\n\nThen ôYsoldeö left."
    assert repair(text, ["codepage"]) == "Ysolde came early.\n\nThen “Ysolde” left."


def test_whole_document_mode_repairs_punctuation_alone():
    clean = "« Oui », dit-il. « Très bien », répondit-elle. « Déjà ? » « Où ça ? »"
    damaged = damage(clean, "cp1252", "cp850")
    assert "½" in damaged
    assert repair(damaged, ["codepage"]) == clean


def test_one_damaged_word_does_not_switch_the_document():
    text = "Le château était à côté de la forêt; il était na´ve. « Très bien », dit-il."
    assert repair(text, ["codepage"]) == text.replace("na´ve", "naïve")


def test_change_positions_point_at_the_damaged_character():
    text = "First line.\nA na´ve idea and a na´ve man."
    result = tidyink.convert(text, to="text", input_format="text", only=["codepage"])
    assert [(c.line, c.column, c.before, c.after) for c in result.changes] == [
        (2, 5, "´", "ï"),
        (2, 22, "´", "ï"),
    ]
    assert all("cp850" in c.reason for c in result.changes)


def test_markdown_code_is_protected():
    text = "A na´ve man wrote `na´ve` in code.\n"
    result = tidyink.convert(text, to="markdown", input_format="markdown", only=["codepage"])
    assert result.text == "A naïve man wrote `na´ve` in code.\n"


@pytest.mark.parametrize(
    "sentence",
    [
        "She ran—à la française—home.",  # a standalone French word after a dash
        "He said the word Übung means practice.",  # a German word in English text
    ],
)
def test_real_words_are_never_turned_into_punctuation(sentence):
    assert tidyink.convert(sentence, to="text", only=["codepage"], lint=False).text == sentence


def test_each_file_guesses_its_own_languages(tmp_path):
    from click.testing import CliRunner

    from tidyink.cli import main

    english = tmp_path / "a.md"
    english.write_text("The cat sat on the mat.\n", encoding="utf-8")
    german = tmp_path / "b.md"
    german.write_text("Die Übung war gut. Er war müde und die Straße war leer.\n", encoding="utf-8")
    CliRunner().invoke(main, ["fix", str(english), str(german)])
    assert german.read_text(encoding="utf-8") == "Die Übung war gut. Er war müde und die Straße war leer.\n"
