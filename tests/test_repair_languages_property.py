"""Property: correct UTF-8 text in any Latin-script language comes out of repair unchanged.

Sentences are drawn from wordfreq's word lists of twelve languages, common words
and rare ones (ranks far down the list) alike, written in lower case, with
capitals, or in all capitals, with ordinary punctuation between them.
"""

from __future__ import annotations

from functools import cache

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import tidyink

REPAIR = ["mojibake", "codepage", "invisibles", "entities"]
LANGS = ("en", "fr", "de", "es", "pt", "it", "nl", "sv", "pl", "cs", "tr", "ro")
COMMON, RARE = 3_000, 40_000  # the rare words are taken from ranks COMMON..RARE


@cache
def _words(lang: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(common, rare) words of ``lang`` written in Latin letters only."""
    import unicodedata

    import wordfreq

    def latin(word: str) -> bool:
        return word.isalpha() and all(
            ch.isascii() or unicodedata.name(ch, "").startswith("LATIN") for ch in word
        )

    ranked = [w for w in wordfreq.top_n_list(lang, RARE) if latin(w)]
    return tuple(ranked[:COMMON]), tuple(ranked[COMMON::7])


@st.composite
def sentences(draw: st.DrawFn) -> str:
    lang = draw(st.sampled_from(LANGS))
    common, rare = _words(lang)
    size = draw(st.integers(3, 14))
    words = [draw(st.sampled_from(rare if draw(st.integers(0, 3)) == 0 else common)) for _ in range(size)]
    case = draw(st.sampled_from(["lower", "title", "upper", "sentence"]))
    if case == "title":
        words = [w.capitalize() for w in words]
    elif case == "upper":
        words = [w.upper() for w in words]
    else:
        words[0] = words[0].capitalize() if case == "sentence" else words[0]
    marks = st.sampled_from([" ", " ", " ", ", ", "; ", " — ", " « ", " » ", " “", "” ", "’s "])
    text = words[0]
    for word in words[1:]:
        text += draw(marks) + word
    return text + draw(st.sampled_from([".", "!", "?", "…", ".”", " »."]))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(sentences(), min_size=1, max_size=4))
@example(["resultó resultó resultó."])  # ó is — read as Mac Roman: a word ending, not a dash
# Words of a language with no word list: an apostrophe inside a word (’s) is no sign
# that the document was read as Mac Roman (Õ), so í → ’ and á → ‡ must not follow.
@example(["bohu krátký’s její moderní bohu bohu bohu bohu bohu bohu bohu bohu."])
@example(["FÃ” INTERNATIONAL INTERNATIONAL."])  # fã in capitals, then a closing quote
@example(["moderní dílo, její lidí."])  # no known word: modern’, lid’ are coincidences
@example(["lidí denní bohu lidí."])  # lidí and lidí. are one word, not two that agree
def test_correct_latin_text_is_never_changed(paragraph):
    text = " ".join(paragraph)
    result = tidyink.convert(text, to="text", input_format="text", only=REPAIR)
    assert result.text == text, [(c.before, c.after, c.reason) for c in result.changes]
