"""Dialect apostrophes: a mark before a word is an opening quote only if it can pair."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import tidyink
from tidyink.filters._quote_marks import QuoteState
from tidyink.filters._quote_pairing import after_modal, clipped_end, g_dropped
from tidyink.filters._quote_survey import dialect_mode, next_starts


def quotes(text: str, **options: object) -> str:
    result = tidyink.convert(text, to="text", input_format="text", only=["quotes", "dashes"], lint=False, **options)
    return result.text


@pytest.mark.parametrize(
    ("plain", "curly"),
    [
        # Cockney: h-dropping, in and out of a nested quotation
        (
            "\"Blimey, I 'ad to leg it up the 'ill,\" said Alf. \"'Orrible, it was. The missus "
            "'ad me 'at off me 'ead afore I was in the door.\"",
            "“Blimey, I ’ad to leg it up the ’ill,” said Alf. “’Orrible, it was. The missus "
            "’ad me ’at off me ’ead afore I was in the door.”",
        ),
        # Yorkshire: t' for the; 'cross and 'and are words too, only pairing tells
        (
            "\"Go 'cross t' beck and fetch me 'and-cart, lad. It's stood by t' wall.\"",
            "“Go ’cross t’ beck and fetch me ’and-cart, lad. It’s stood by t’ wall.”",
        ),
        (
            "\"I've 'ad this land forty year. When t' weather turns, 'appen tha'll see.\"",
            "“I’ve ’ad this land forty year. When t’ weather turns, ’appen tha’ll see.”",
        ),
        # Scots: 'Deed and 'mang, and a g-dropped word that is rare even whole
        (
            "\"'Deed, an' I will,\" said Jeannie. \"I'll gang doon the brae 'mang the whins afore the gloamin'.\"",
            "“’Deed, an’ I will,” said Jeannie. “I’ll gang doon the brae ’mang the whins afore the gloamin’.”",
        ),
        # American rural: the g-dropped word after 'long is no closing partner
        (
            "\"I reckon I'll mosey 'long to the crick an' see if them catfish is bitin',\" "
            "said Jed. \"Ain't nothin' 'round here worth stayin' for.\"",
            "“I reckon I’ll mosey ’long to the crick an’ see if them catfish is bitin’,” "
            "said Jed. “Ain’t nothin’ ’round here worth stayin’ for.”",
        ),
        # 'a' for have after a modal is no quoted letter
        ("\"I'd 'a' gone if I'd knowed,\" said Jed.", "“I’d ’a’ gone if I’d knowed,” said Jed."),
        ("\"He must 'a' heard.\"", "“He must ’a’ heard.”"),
        ("Spell it with an 'a' here.", "Spell it with an ‘a’ here."),
        # a nested quotation closes before the one around it: none here, so apostrophes
        ('"\'Baout time," said Dan.', "“’Baout time,” said Dan."),
        ("\"Anybody 'ud think so. 'Never mind.\"", "“Anybody ’ud think so. ’Never mind.”"),
        # mid-clause with no partner in the paragraph
        ("A party of 'Arrys and 'Arriets went by.", "A party of ’Arrys and ’Arriets went by."),
        # real nested and scare quotes still pair, dashes and all
        ("\"Don't you 'darling' me!\"", "“Don’t you ‘darling’ me!”"),
        (
            "She called it a 'once-in-a-lifetime--well, once-a-year--bargain' and bought two.",
            "She called it a ‘once-in-a-lifetime—well, once-a-year—bargain’ and bought two.",
        ),
        (
            "\"I was going to say 'not on your life--' but I held my tongue.\"",
            "“I was going to say ‘not on your life—’ but I held my tongue.”",
        ),
        ("The plate read 'W. RABBIT' in brass.", "The plate read ‘W. RABBIT’ in brass."),
        # a listed elision that starts a quotation closed plainly is its opening
        ("\"She said, 'Round the back, love,' and pointed.\"", "“She said, ‘Round the back, love,’ and pointed.”"),
        ('"\'Round the back, love," she said.', "“’Round the back, love,” she said."),
        # a double quotation inside the nested one closes first
        (
            '"\'Is to learn the "Book of Hours" by heart. Can you start today?\'"',
            "“‘Is to learn the “Book of Hours” by heart. Can you start today?’”",
        ),
        # a mark mid-clause before a lower-case word yields to one opening a quotation
        (
            "\"And I said, 'It 'ud do no good if you did, Tom.' And he laughed.\"",
            "“And I said, ‘It ’ud do no good if you did, Tom.’ And he laughed.”",
        ),
        # a quotation may end mid-clause only in the sentence it began (not Mrs. or W.)
        (
            "It is true that 'For Mrs. Ann Hale' was written on the card.",
            "It is true that ‘For Mrs. Ann Hale’ was written on the card.",
        ),
        # a plural possessive before a full stop is no plain close for a listed word
        (
            "\"We'll go home. 'Stead of the mill we'll try the Joneses'. They'll be glad.\"",
            "“We’ll go home. ’Stead of the mill we’ll try the Joneses’. They’ll be glad.”",
        ),
        # a quoted name and a year: no resumed quotation
        (
            "'Blue Star' was there in May, '85, and left.",
            "‘Blue Star’ was there in May, ’85, and left.",
        ),
    ],
)
def test_dialect_paragraphs(plain: str, curly: str) -> None:
    assert quotes(plain) == curly


def test_quoted_rare_word_in_dialect_stays_quoted() -> None:
    """In dialect a rare word after a mark is an elision, unless a mark closes it ('snaff,')."""
    chatter = "\"I'm goin' down t' mill an' back 'fore noon, nothin' else to do.\"\n\n"
    out = quotes(chatter + "\"Before I said 'sniff,' I knew she'd say 'snaff,' and quick too. 'Ull you come?\"\n")
    assert "‘sniff,’" in out and "‘snaff,’" in out and "’Ull you" in out


def test_british_nesting_and_carried_quotations() -> None:
    """‘…’ outside, “…” inside; a weak word opens a quotation carried over or resumed."""
    plain = (
        "'It was the winter of the frost,' she said, 'as I told you.\n\n"
        "'As the weeks went on, we burned the chairs.\n\n"
        "'By March,' she said, 'we had only the \"good\" table.'\n"
    )
    assert quotes(plain, language="en-GB") == (
        "‘It was the winter of the frost,’ she said, ‘as I told you.\n\n"
        "‘As the weeks went on, we burned the chairs.\n\n"
        "‘By March,’ she said, ‘we had only the “good” table.’\n"
    )
    # The same weak words, with no quotation to carry, are elisions.
    assert quotes("'As 'e said, it's late.\n\nThe end.\n") == "’As ’e said, it’s late.\n\nThe end.\n"


def test_nested_quotation_running_on_in_verse() -> None:
    """Inside a quotation that runs past the block, a line may open a nested one."""
    plain = (
        "\"'Come in,' said the spider to the fly.\n'Tis the prettiest parlour,\n"
        "'There are pretty things to see.\n\nAnd on it went."
    )
    out = quotes(plain)
    assert "\n‘There are pretty" in out
    assert "\n’Tis the prettiest" in out


@pytest.mark.parametrize("name", ["dialect-rural", "dialect-british"])
def test_dialect_fixtures(fixtures, name: str) -> None:
    """Pages of dialogue in dialect (our own writing), typeset by hand."""
    plain = (fixtures / "typography" / f"{name}.txt").read_text("utf-8")
    expected = (fixtures / "typography" / f"{name}.expected.txt").read_text("utf-8")
    curly = quotes(plain)
    assert curly == expected
    assert quotes(curly, quotes="straight", primes="straight").replace("—", "--") == plain


def test_g_dropped_and_clipped_words() -> None:
    state = QuoteState()
    assert g_dropped("nothin", state) and g_dropped("Mornin", state)
    assert not g_dropped("cousin", state) and not g_dropped("violin", state)
    assert not g_dropped("thin", state) and not g_dropped("sin", state)
    assert clipped_end("an", state) and clipped_end("o", state)
    assert not clipped_end("a", state, alone=True)
    assert clipped_end("a", state, alone=True, have=True)
    assert not clipped_end("boys", state)
    state.dialect = True
    assert clipped_end("a", state, alone=True)


def test_modal_before_a_mark() -> None:
    text = "I'd 'a' gone; we might 'a' won; an 'a' there"
    assert after_modal(text, text.index("'a'"))
    assert after_modal(text, text.index("'a' won"))
    assert not after_modal(text, text.index("'a' there"))


def test_dialect_mode_needs_many_clipped_words() -> None:
    dialect = ["\"I'm goin' down t' mill an' back 'fore noon, nothin' else to do.\""] * 3
    plain = ['"I am going to the mill and back before noon," she said.'] * 3
    assert dialect_mode(dialect, QuoteState())
    assert not dialect_mode(plain, QuoteState())
    assert not dialect_mode(dialect[:1] + plain * 500, QuoteState())  # too few for the length


def test_next_starts() -> None:
    assert next_starts(["a", "'b", "\"'c", "d"]) == ["'", "\"'", "", ""]
    assert next_starts([]) == []


_WORDS = st.sampled_from(["the", "old", "man", "ud", "cross", "and", "ill", "said", "go", "home", "Harry", "em"])


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(_WORDS, st.booleans()), min_size=2, max_size=12))
def test_unpaired_marks_inside_a_quotation_are_apostrophes(words: list[tuple[str, bool]]) -> None:
    """With nothing that could close it, a mark before a word in a quotation never opens one."""
    body = " ".join(("'" if mark and k else "") + word for k, (word, mark) in enumerate(words))
    out = quotes(f'"{body}," she said.')
    assert "‘" not in out
    assert out.count("’") == sum(1 for k, (_, mark) in enumerate(words) if mark and k)
