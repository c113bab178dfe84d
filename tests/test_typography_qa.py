"""Typography defects found by an adversarial pass over invented prose.

Each test names the phenomenon; the passages are written for these tests.
"""

from __future__ import annotations

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

import tidyink


def typeset(text: str, fmt: str = "text", **options: object) -> str:
    """Run the typography stage over ``text`` read as ``fmt``; return the output."""
    to = "text" if fmt == "text" else "markdown"
    result = tidyink.convert(
        text, to=to, input_format=fmt, only=["typography"], lint=False, **options
    )
    return result.text


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        (
            "> 'Stay here,' she said.\n> 'Please.'\n",
            "> ‘Stay here,’ she said.\n> ‘Please.’\n",
        ),
        (
            "1. 'North' was the answer\n2. 'South' was wrong\n",
            "1. ‘North’ was the answer\n2. ‘South’ was wrong\n",
        ),
        (
            "- 'Tis a short list\n- 'Maybe,' said the clerk\n",
            "- ’Tis a short list\n- ‘Maybe,’ said the clerk\n",
        ),
    ],
)
def test_single_quote_after_list_or_blockquote_markup_opens(source: str, expected: str) -> None:
    """Markup at a line start (``> ``, ``1. ``, ``- ``) is a line start, not a word."""
    assert typeset(source, fmt="markdown") == expected


@pytest.mark.parametrize(
    ("plain", "curly"),
    [
        ("The '49ers won the toss.", "The ’49ers won the toss."),
        ("He's down with the 'flu again.", "He’s down with the ’flu again."),
        ("She picked up the 'phone and rang.", "She picked up the ’phone and rang."),
        ("We saw a 'gator by the creek.", "We saw a ’gator by the creek."),
        ("There's not 'nough bread for all.", "There’s not ’nough bread for all."),
        ("I want it, 'specially the red one.", "I want it, ’specially the red one."),
        ("'Ware the hounds!", "’Ware the hounds!"),
        ("'Allo, what's all this?", "’Allo, what’s all this?"),
        # A quoted word after a determiner is still a quotation.
        ("Open the 'Settings' menu.", "Open the ‘Settings’ menu."),
        ("It had a 'vintage' look, 'specially inside.", "It had a ‘vintage’ look, ’specially inside."),
    ],
)
def test_front_elisions(plain: str, curly: str) -> None:
    assert typeset(plain) == curly


@pytest.mark.parametrize(
    ("plain", "fixed", "language"),
    [
        ('" Hello ," she said.', "“Hello,” she said.", "en-US"),
        ('"Fine " he said, " fine."', "“Fine” he said, “fine.”", "en-US"),
        ("He whispered ' go ' twice.", "He whispered ‘go’ twice.", "en-GB"),
        ('Er sagte: " Ja ", und ging.', "Er sagte: „Ja“, und ging.", "de"),
        # French keeps (no-break) spaces inside its guillemets.
        ('Il a dit : " Oui ! "', "Il a dit : «\u00a0Oui !\u00a0»", "fr"),
    ],
)
def test_spaces_inside_quotes_are_dropped(plain: str, fixed: str, language: str) -> None:
    assert typeset(plain, language=language) == fixed


def test_spaces_inside_quotes_kept_at_line_edges_and_between_marks() -> None:
    # A quote ending a hard-wrapped line keeps the line break; nothing is glued.
    assert typeset('She said "yes\nand no" then.') == "She said “yes\nand no” then."


@pytest.mark.parametrize(
    "text", ["That was fun :) see you.", "Oh no ;) he winked.", "Well :( that hurt."]
)
def test_emoticons_keep_their_space(text: str) -> None:
    assert typeset(text) == text


@pytest.mark.parametrize(
    ("plain", "fixed"),
    [
        ("See http://example.com/a--b/c...d for more.", "See http://example.com/a--b/c...d for more."),
        ("Go to www.example.com/it's, then rest.", "Go to www.example.com/it's, then rest."),
        ("Read http://example.com/page... and sleep.", "Read http://example.com/page… and sleep."),
        ("Try www.example.com--it's new.", "Try www.example.com—it’s new."),
        ("Write to 'ann.lee@example.org' soon...", "Write to ‘ann.lee@example.org’ soon…"),
    ],
)
def test_web_addresses_are_left_as_typed(plain: str, fixed: str) -> None:
    assert typeset(plain) == fixed


def test_markdown_autolink_is_left_as_typed() -> None:
    source = "See <http://example.com/a--b...c> and <http://example.com/it's> now--ok.\n"
    expected = "See <http://example.com/a--b...c> and <http://example.com/it's> now—ok.\n"
    assert typeset(source, fmt="markdown") == expected


@pytest.mark.parametrize(
    ("plain", "fixed"),
    [
        ("The letter came from D---, near the coast.", "The letter came from D—, near the coast."),
        ("Lady B-- was not at home.", "Lady B— was not at home."),
        ("\"I--\" she began. \"A--a mouse!\"", "“I –” she began. “A – a mouse!”"),
        ("He ran--fast--home.", "He ran – fast – home."),
    ],
)
def test_en_spaced_dashes_keep_omission_dashes_closed(plain: str, fixed: str) -> None:
    """A blanked-out name (D---, Lady B--) takes a closed dash in any style."""
    assert typeset(plain, dashes="en-spaced") == fixed


@pytest.mark.parametrize(
    ("plain", "fixed"),
    [
        ("Call 555-1234 after six.", "Call 555-1234 after six."),
        ("Read pages 112-118 and 1990-95.", "Read pages 112–118 and 1990–95."),
    ],
)
def test_ranges_leave_phone_numbers(plain: str, fixed: str) -> None:
    assert typeset(plain, ranges=True) == fixed


def test_dialect_ee_is_an_elision() -> None:
    assert typeset("\"Don't 'ee go,\" she begged.") == "“Don’t ’ee go,” she begged."


def test_em_dashes_in_blanked_names_keep_their_spaces() -> None:
    assert typeset("Sir J--- L--- came at nine.") == "Sir J— L— came at nine."
    assert typeset("He ran--I mean it--GO--home.") == "He ran—I mean it—GO—home."


@pytest.mark.parametrize(
    ("plain", "fixed"),
    [
        ("She's 5' tall and the pole's 10' long.", "She’s 5′ tall and the pole’s 10′ long."),
        ('"It\'s a 12" board," he said.', "“It’s a 12″ board,” he said."),
        ('"Count to 12" she said, "then stop."', "“Count to 12” she said, “then stop.”"),
        ('"Born in 1912" and "wed in 1931."', "“Born in 1912” and “wed in 1931.”"),
    ],
)
def test_feet_and_inches_next_to_apostrophes_and_quotations(plain: str, fixed: str) -> None:
    assert typeset(plain) == fixed


@pytest.mark.parametrize(
    ("plain", "curly"),
    [
        ('"I \'ate it \'ere," he said.', "“I ’ate it ’ere,” he said."),
        ('"Give us a \'and, it\'s \'ard work."', "“Give us a ’and, it’s ’ard work.”"),
        # A weak elision that a later mark closes is a quotation after all.
        ("She wrote 'old' on the box.", "She wrote ‘old’ on the box."),
    ],
)
def test_h_dropping_dialect(plain: str, curly: str) -> None:
    assert typeset(plain) == curly


def test_capitalized_words_open_multi_paragraph_single_quotations() -> None:
    plain = "'It was late.\n\n'And then we left,' she said.\n"
    assert typeset(plain, language="en-GB") == "‘It was late.\n\n‘And then we left,’ she said.\n"


# Fragments of the phenomena above, shuffled: whatever the mix, a second run
# changes nothing and every word and address survives.
_FRAGMENTS = [
    *"ab Ti 9 \n\n  \"\"''--..,:;!?_*()“”‘’",
    "http://x.org/a--b...c ",
    "<http://x.org/it's> ",
    "Lady B-- ",
    "D---, ",
    " :) ",
    "the 'flu ",
    "'49ers ",
    "'ate ",
    "'It ",
    "\n> ",
    "\n- ",
    "\n1. ",
    "5' tall ",
    "12\" ",
    "555-1234 ",
]
_mix = st.lists(st.sampled_from(_FRAGMENTS), max_size=40).map("".join)


@settings(max_examples=60, deadline=None)
@given(_mix, st.sampled_from(["text", "markdown"]), st.sampled_from(["en-US", "en-GB", "de"]))
def test_mixed_phenomena_idempotent_and_lossless(text: str, fmt: str, language: str) -> None:
    once = typeset(text, fmt=fmt, language=language, ranges=True)
    assert typeset(once, fmt=fmt, language=language, ranges=True) == once
    assert regex.findall(r"\p{L}+", once) == regex.findall(r"\p{L}+", text)


@pytest.mark.parametrize(
    ("plain", "fixed", "options"),
    [
        ("``Hello,'' she said, ``come in.''", "“Hello,” she said, “come in.”", {}),
        ("''Stop!'' he cried. ''Now!''", "“Stop!” he cried. “Now!”", {}),
        ("``Hello,'' she said.", '"Hello," she said.', {"quotes": "straight"}),
        ("``Oui,'' dit-il.", "«\u00a0Oui,\u00a0» dit-il.", {"language": "fr"}),
        # A lone backtick is no quote.
        ("A `tick and 'quote'.", "A `tick and ‘quote’.", {}),
    ],
)
def test_two_mark_double_quotes(plain: str, fixed: str, options: dict[str, str]) -> None:
    assert typeset(plain, **options) == fixed


@pytest.mark.parametrize(
    ("plain", "fixed"),
    [
        ("''Tis late,' said the cook.", "‘’Tis late,’ said the cook."),
        ("He typed '' and stopped.", "He typed ‘’ and stopped."),
        ("``Unclosed, she said.", "``Unclosed, she said."),
    ],
)
def test_two_single_marks_that_are_no_pair(plain: str, fixed: str) -> None:
    assert typeset(plain) == fixed


def test_empty_quote_pairs_keep_their_space() -> None:
    assert typeset('Ditto: "  " and " \'Tis " here.') == "Ditto: “ ” and “’Tis” here."


@pytest.mark.parametrize(
    ("plain", "curly", "language"),
    [
        ("'20 pounds, please,' she said.", "‘20 pounds, please,’ she said.", "en-GB"),
        ("'85 was a dull year.", "’85 was a dull year.", "en-US"),
        ("'Back in '85 it rained,' she said.", "‘Back in ’85 it rained,’ she said.", "en-GB"),
        ("\"Back in '85 it rained,\" she said.", "“Back in ’85 it rained,” she said.", "en-US"),
        ("In '85, he said 'wow'.", "In ’85, he said ‘wow’.", "en-US"),
    ],
)
def test_two_digits_after_a_mark(plain: str, curly: str, language: str) -> None:
    assert typeset(plain, language=language) == curly


def test_resumed_quotation_starting_with_and_stays_open() -> None:
    plain = "'No,' she said, 'and it's \"final\" too'; then she left.\n\n'It went on,' she said, 'and on\n"
    assert typeset(plain, language="en-GB").startswith("‘No,’ she said, ‘and it’s")
    assert "she said, ‘and on" in typeset(plain, language="en-GB")


@pytest.mark.parametrize(
    ("language", "fixed"),
    [
        ("de", "‚Es heißt „Gift“ oder nicht‘; dann ging sie."),
        ("fr", "‹\u00a0Es heißt «\u00a0Gift\u00a0» oder nicht\u00a0›; dann ging sie."),
    ],
)
def test_single_quotation_stays_open_around_a_double_one(language: str, fixed: str) -> None:
    """A word-end mark after a nested double quotation closes the single one."""
    plain = "'Es heißt \"Gift\" oder nicht'; dann ging sie."
    assert typeset(plain, language=language) == fixed


@pytest.mark.parametrize(
    ("plain", "curly"),
    [
        ('The "Titanic"\'s captain was calm.', "The “Titanic”’s captain was calm."),
        ("The _\"Argo\"_'s crew slept.", "The _“Argo”_’s crew slept."),
        ('He said "no" \'so\' there.', "He said “no” ‘so’ there."),
    ],
)
def test_possessive_after_a_closing_quote(plain: str, curly: str) -> None:
    assert typeset(plain) == curly


def test_dash_after_code_links_and_inline_html_but_not_after_escapes() -> None:
    source = (
        "He typed `ls`--and waited. See [the page](x)--it helps. A <b>bold</b>--move.\n\n"
        "\\---\n\nAn escaped \\--- run and `x`\\--y stay.\n"
    )
    expected = (
        "He typed `ls`—and waited. See [the page](x)—it helps. A <b>bold</b>—move.\n\n"
        "\\---\n\nAn escaped \\--- run and `x`\\--y stay.\n"
    )
    assert typeset(source, fmt="markdown") == expected


@pytest.mark.parametrize(
    ("plain", "curly"),
    [
        ('"It\'s \'sposed to be easy."', "“It’s ’sposed to be easy.”"),
        ("I 'spect so, 'stead of you.", "I ’spect so, ’stead of you."),
    ],
)
def test_more_clipped_words(plain: str, curly: str) -> None:
    assert typeset(plain) == curly
