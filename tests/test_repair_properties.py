"""Invariants of the repair stage: idempotent, never crashes, clean prose untouched."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

import tidyink

REPAIR = ["mojibake", "codepage", "invisibles", "entities"]

# Letters, damage and invisibles mixed: what an archive file may hold.
_PIECES = [
    "the",
    "naïve",
    "na´ve",
    "café",
    "cafÃ©",
    "don’t",
    "donâ€™t",
    "DonÕt",
    "été",
    "ÚtÚ",
    "Straße",
    "Stra▀e",
    "über",
    "³ber",
    "Ôôô",
    "NÃO",
    "São",
    "«",
    "½",
    "╗",
    "ôYou",
    "ö",
    "themÑrather",
    "&amp;",
    "&rsquo;",
    "&amp;rsquo;",
    "\u200b",
    "\u00ad",
    "\u00a0",
    "\ufeff",
    "\x93",
    "\x94",
    "\x81",
    "\x07",
    "\u200d",
    "👩",
    "\ufffd",
    "—",
    "…",
    "?",
    "!",
    ".",
    " ",
    "\n",
    "\n\n",
    "\u202e",
    "Mr.",
    "10",
    "»",
    ":",
]
documents = st.lists(st.sampled_from(_PIECES), max_size=40).map("".join)


def repair(text: str) -> str:
    return tidyink.convert(text, to="text", input_format="text", only=REPAIR).text


@settings(max_examples=150, deadline=None)
@given(documents)
@example("the\u200b½\u00a0the")  # a no-break space judged with a zero-width space beside it
@example("café\x81cafÃ©")  # a C1 control no code page defines, removed after mojibake judged its line
@example("the\u00a0\x07the")  # a no-break space judged with a control character beside it
@example("the\u00a0\u202ethe")  # ... with a bidi control beside it, in text with no right-to-left letters
@example("café«cafÃ©\xadthe")  # a soft hyphen that parts the repair from a word the paragraph holds
def test_repair_is_idempotent(text):
    once = repair(text)
    assert repair(once) == once


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=200))
def test_repair_never_crashes(text):
    result = tidyink.convert(text, to="text", input_format="text", only=REPAIR)
    assert isinstance(result.text, str)


_CLEAN_WORDS = [
    "the",
    "house",
    "naïve",
    "café",
    "don’t",
    "été",
    "Straße",
    "über",
    "São",
    "Paulo",
    "année",
    "Mädchen",
    "niño",
    "coração",
    "«",
    "»",
    "“Yes,”",
    "—",
    "…",
    "Zoë",
    "Müller",
    "Ægir",
    "l’œuvre",
    "déjà",
    "à",
    "où",
    "ça",
    "König",
    "façade",
    "rôle",
]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(_CLEAN_WORDS), min_size=1, max_size=30))
def test_clean_prose_is_never_changed(words):
    text = " ".join(words)
    result = tidyink.convert(text, to="text", input_format="text", only=REPAIR)
    assert result.text == text
    assert result.changes == []
