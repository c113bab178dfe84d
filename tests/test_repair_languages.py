"""Repair in many Latin-script languages: damage repaired, correct text never touched.

Every sentence here was written for these tests.
"""

from __future__ import annotations

import unicodedata

import pytest

import tidyink
from tidyink.filters._codepages import MIXUPS

REPAIR = ["mojibake", "codepage", "invisibles", "entities"]

TEXTS = {
    "es": (
        "Reíanse los niños junto al río; después, Núñez guardó la guitarra y cerró la puerta. "
        "¿Quién sabía que el búho volvería? ¡Qué noche tan larga fue aquélla!"
    ),
    "pt": (
        "As irmãs saíram cedo; o coração da vila pulsava. Então, à tarde, compraram pães e "
        "limões, e o avô contou histórias de navegações e de canções antigas."
    ),
    "it": (
        "Perché non è venuto? Là, sulla collina, c’era un’osteria dove si mangiava più che "
        "altrove; all’alba partì, e così finì la città della nostra gioventù."
    ),
    "nl": (
        "Het café aan de overkant was één van de oudste; zij zeiden ‘tot ziens’ en liepen "
        "naar de brug. Geëerde gasten kwamen er niet, maar ruïnes zagen we overal."
    ),
    "sv": (
        "På hösten gick vi över ängen till sjön, där båtarna låg. Människorna hälsade och "
        "körde hem före mörkret, trötta men nöjda."
    ),
    "pl": (
        "Wieczorem poszliśmy nad rzekę; żółte liście spadały, a źródło szumiało cicho. "
        "Łódź czekała przy brzegu, więc wróciliśmy późno."
    ),
    "cs": (
        "Večer jsme šli k řece; žluté listí padalo a pták zpíval. Příští den jsme odjeli "
        "vlakem do Brna a večeře byla výborná."
    ),
    "tr": (
        "Akşam nehre gittik; sarı yapraklar düşüyordu ve kuşlar ötüyordu. Ertesi gün "
        "İstanbul’a trenle döndük, çünkü yağmur başlamıştı."
    ),
}
FITS_CP1252 = ["es", "pt", "it", "nl", "sv"]  # the texts that cp1252 can hold


def damage(text: str, written_in: str, read_as: str) -> str:
    """``text`` written in ``written_in`` and read as ``read_as`` (undefined bytes as C1)."""
    return "".join(
        bytes([b]).decode(read_as, errors="ignore") or chr(b) for b in text.encode(written_in)
    )


def repair(text: str) -> str:
    return tidyink.convert(text, to="text", input_format="text", only=REPAIR).text


@pytest.mark.parametrize("lang", sorted(TEXTS))
@pytest.mark.parametrize("case", ["as written", "capitals"])
def test_correct_text_is_unchanged(lang, case):
    text = TEXTS[lang] if case == "as written" else TEXTS[lang].upper()
    result = tidyink.convert(text, to="text", input_format="text", only=REPAIR)
    assert result.text == text
    assert result.changes == []


@pytest.mark.parametrize("lang", sorted(TEXTS))
def test_utf8_read_as_cp1252_is_repaired(lang):
    assert repair(damage(TEXTS[lang], "utf-8", "cp1252")) == TEXTS[lang]


@pytest.mark.parametrize("lang", FITS_CP1252)
@pytest.mark.parametrize(("label", "written_in", "read_as"), MIXUPS)
def test_single_byte_mixup_is_repaired(lang, label, written_in, read_as):
    text = "\n\n".join([TEXTS[lang]] * 2)
    damaged = damage(text, written_in, read_as)
    assert damaged != text
    assert repair(damaged) == text


@pytest.mark.parametrize("lang", FITS_CP1252)
def test_only_the_damaged_paragraph_is_repaired(lang):
    """A document damaged in part: its damaged paragraph is read as the mix-up,
    one-letter words and all; its clean paragraphs stay as they are."""
    clean = TEXTS[lang]
    hurt = damage(clean, "cp1252", "cp850")
    text = f"{clean}\n\n{hurt}\n\n{clean}"
    assert repair(text) == f"{clean}\n\n{clean}\n\n{clean}"


@pytest.mark.parametrize(
    "text",
    [
        # rare words, and names, written correctly
        "Oíanse voces; huíamos del pueblo y leíanlo todo en voz baja.",
        "Doña Ximena Núñez y Ólafur Guðmundsson cenaron en Reykjavík.",
        "Il vecchio Niccolò parlò di Ottaviano Sforza e di Pietà.",
        # Portuguese capitals with tildes
        "SÃO JOÃO DEL-REI E AS AÇÕES DA NAÇÃO",
        "CAPÍTULO III — AS MÃOS DO IRMÃO",
        # ... ending a quoted word: a closing quote, not the second byte of Ô (Ã”)
        "NA CAPA: “O MAIOR FÃ” E “A IRMÔ, EM LETRAS GRANDES.",
        # text that shows mojibake on purpose, beside the right form
        "A tela mostrava Ã§ em vez de ç, e Ã£ em vez de ã.",
        "El menú decía “CafÃ© con leche” donde debía decir “Café con leche”.",
        # single letters and marks that belong where they are
        "«Ó mar salgado», escreveu ele; é o mar, e é a vida.",
        "È tardi. À bientôt, dit-il. Ó Lisboa!",
        # words of a language with no word list, one with an English ’s: an apostrophe
        # inside a word is no sign of Mac Roman (Õ), so í and á stay letters
        "ten krátký’s text a její moderní dílo, zase a zase.",
        # a language without a word list: a lost letter leaves English-looking words
        # (modern’, lid’), which are no evidence that the text was read as Mac Roman
        "Moderní dílo: její, lidí, denní.",
    ],
)
def test_correct_text_of_many_kinds_is_unchanged(text):
    result = tidyink.convert(text, to="text", input_format="text", only=REPAIR)
    assert result.text == text, [(c.before, c.after, c.reason) for c in result.changes]


def test_mid_word_lead_is_repaired():
    """``irmÃ£o`` folds to the common word ``irmã`` + ``£o``; folding must not hide the damage."""
    clean = "O irmão e a irmã saíram; o leão dormia no portão."
    assert repair(damage(clean, "utf-8", "cp1252")) == clean


def test_repair_never_gives_a_latin_word_another_script():
    text = "The bronze plate read PÑ‚R and nothing else."
    out = repair(text)
    assert not any("CYRILLIC" in unicodedata.name(ch, "") for ch in out)


def test_undefined_byte_is_read_as_mac_roman_before_it_is_dropped():
    """Mac Roman ç is byte 0x8D, which cp1252 leaves undefined (a C1 control)."""
    clean = "Le garçon français reçut une leçon, et ça lui plut."
    damaged = damage(clean, "mac_roman", "cp1252")
    assert "\x8d" in damaged
    assert repair(damaged) == clean


@pytest.mark.parametrize(
    "text",
    [
        TEXTS["es"],
        "Oíanse voces; huíamos del pueblo y leíanlo todo en voz baja.",
        damage(TEXTS["it"], "cp1252", "cp850"),
        damage(TEXTS["sv"], "cp1252", "mac_roman"),
        damage(TEXTS["pt"], "utf-8", "cp1252"),
        "A tela mostrava Ã§ em vez de ç, e Ã£ em vez de ã.",
    ],
)
def test_detect_calls_clean_exactly_what_repair_leaves_alone(text):
    from tidyink.report import damage_signs

    result = tidyink.convert(text, to="text", input_format="text", only=["mojibake", "codepage"])
    assert (damage_signs(text) == []) == (result.text == text)


def test_letter_before_a_space_is_not_taken_for_a_lost_no_break_space():
    """å read as Mac Roman is Â; ``pÂ natten`` is not UTF-8 ``Â\\xa0`` that lost its byte."""
    clean = "Vi kom fram på natten och gick hem på morgonen; så var det på den tiden."
    assert repair(damage(clean, "cp1252", "mac_roman")) == clean
