"""Curly quotes, apostrophes and primes: the cases other tools get wrong."""

from __future__ import annotations

import pytest

import tidyink


def typeset(text: str, only: tuple[str, ...] = ("typography",), **options: object) -> str:
    """Run only the given filters over plain text and return the text."""
    result = tidyink.convert(
        text, to="text", input_format="text", only=list(only), lint=False, **options
    )
    return result.text


def quotes(text: str, **options: object) -> str:
    return typeset(text, only=("quotes",), **options)


@pytest.mark.parametrize(
    ("plain", "curly"),
    [
        ('"Hello," she said.', "“Hello,” she said."),
        (
            "I don't know, and neither does James' dog.",
            "I don’t know, and neither does James’ dog.",
        ),
        ("The cat's toy and the cats' bowls.", "The cat’s toy and the cats’ bowls."),
        (
            "'Tis late, 'twas cold and 'twere better so.",
            "’Tis late, ’twas cold and ’twere better so.",
        ),
        (
            "Show 'em the door 'til morning, 'cause it's time.",
            "Show ’em the door ’til morning, ’cause it’s time.",
        ),
        ("It was 'bout noon.", "It was ’bout noon."),
        (
            "Rock 'n' roll came back in the '90s and '85 was dull.",
            "Rock ’n’ roll came back in the ’90s and ’85 was dull.",
        ),
        ("In the early '60's it rained.", "In the early ’60’s it rained."),
        ('"Mind your \'ead," he said.', "“Mind your ’ead,” he said."),
        (
            "\"'Ittin' the road again,\" said the carter.",
            "“’Ittin’ the road again,” said the carter.",
        ),
        ("\"'Now, go,' he told me,\" she said.", "“‘Now, go,’ he told me,” she said."),
        ("\"He wrote 'Dear sir' and stopped.\"", "“He wrote ‘Dear sir’ and stopped.”"),
        ('He said--"No!"', "He said--“No!”"),
        ('"I was--" she began.', "“I was--” she began."),
        ('"Well . . ." she said. . . ."Now."', "“Well . . .” she said. . . .“Now.”"),
        ('"Well …" and …"now"', "“Well …” and …“now”"),
        ("He is 5'10\" tall.", "He is 5′10″ tall."),
        ('"_Stop_," he said.', "“_Stop_,” he said."),
        ("'The boys' hats,' she said.", "‘The boys’ hats,’ she said."),
        ("A word in 'single quotes' here.", "A word in ‘single quotes’ here."),
        ("\"Say ''Tis so,' then.\"", "“Say ‘’Tis so,’ then.”"),
        ("General ------'s men", "General ------’s men"),
        ('("quoted")', "(“quoted”)"),
    ],
)
def test_straight_to_curly(plain: str, curly: str) -> None:
    assert quotes(plain) == curly


def test_quotes_look_through_markdown_emphasis() -> None:
    result = tidyink.convert(
        '"*Now*," he said. \'_Tis_ so.\n',
        to="markdown",
        input_format="markdown",
        only=["quotes"],
        lint=False,
    )
    assert result.text == "“*Now*,” he said. ’_Tis_ so.\n"


def test_multi_paragraph_quotation_reopens_each_paragraph() -> None:
    text = '"I walked all night.\n\n"At dawn I slept.\n\n"Then I came home," he said.'
    assert (
        quotes(text) == "“I walked all night.\n\n“At dawn I slept.\n\n“Then I came home,” he said."
    )


def test_multi_paragraph_nested_quotation() -> None:
    text = "\"He said, 'Go home.\n\n\"'Go now,' he said.\""
    assert quotes(text) == "“He said, ‘Go home.\n\n“‘Go now,’ he said.”"


def test_continued_nested_quotation_reopens_rather_than_elides() -> None:
    # State across blocks: the nested quotation left open is re-opened.
    text = "\"He told me, 'Go home.\n\n\"'Course you will,' he said.\""
    assert quotes(text) == "“He told me, ‘Go home.\n\n“‘Course you will,’ he said.”"
    # Without an open nested quotation the same mark is an elision.
    text = '"I left.\n\n"\'Course I did."'
    assert quotes(text) == "“I left.\n\n“’Course I did.”"


def test_already_curly_quotes_are_kept() -> None:
    text = "“’Tis odd,” she said, ‘and ’em too.’ 5′10″ — “‘Yes.’”"
    assert quotes(text) == text


def test_mixed_straight_and_curly_becomes_consistent() -> None:
    assert quotes('"I don’t know," he said, "and I don\'t care."') == (
        "“I don’t know,” he said, “and I don’t care.”"
    )
    # A curly opening is evidence for the straight mark that closes it.
    assert quotes('“Yes," she said.') == "“Yes,” she said."


def test_measurements_are_primes() -> None:
    assert quotes("a 12\" ruler, a 6' pole, 5' 10\" tall") == "a 12″ ruler, a 6′ pole, 5′ 10″ tall"
    assert quotes('the 3" and 5" disks') == "the 3″ and 5″ disks"
    # a number at the end of a quotation is no measurement
    assert quotes('"I am 42" he said') == "“I am 42” he said"


def test_primes_can_stay_straight() -> None:
    assert quotes('A 6\'2" man said "hi".', primes="straight") == "A 6'2\" man said “hi”."


def test_straight_style_undoes_curly() -> None:
    plain = "\"'Tis 'odd,' she said,\" he wrote. Don't. 5'10\" tall."
    curly = quotes(plain)
    assert curly != plain
    assert quotes(curly, quotes="straight") == plain


def test_keep_style_changes_nothing() -> None:
    text = '"Don\'t," she said.'
    assert quotes(text, quotes="keep") == text


def test_french_guillemets_with_no_break_spaces() -> None:
    text = "Il dit : \"C'est l'heure\" et sortit."
    assert quotes(text, language="fr") == "Il dit : «\u00a0C’est l’heure\u00a0» et sortit."
    # Spaces already inside the marks become no-break spaces, not doubled.
    assert quotes('" Oui "', language="fr") == "«\u00a0Oui\u00a0»"


def test_french_guillemets_already_there_get_no_break_spaces() -> None:
    assert quotes("Il dit « oui » puis «non».", language="fr") == (
        "Il dit «\u00a0oui\u00a0» puis «\u00a0non\u00a0»."
    )
    kept = "Il dit «\u00a0oui\u00a0»."
    assert quotes(kept, language="fr") == kept


def test_french_nested_quotes() -> None:
    assert quotes("\"Il cria 'non' deux fois.\"", language="fr") == (
        "«\u00a0Il cria ‹\u00a0non\u00a0› deux fois.\u00a0»"
    )


def test_german_low_high_quotes() -> None:
    assert quotes("Er sagte: \"Wir gehen 'jetzt' heim.\"", language="de") == (
        "Er sagte: „Wir gehen ‚jetzt‘ heim.“"
    )


def test_german_curly_input_is_kept() -> None:
    text = "Er sagte: „Wir gehen.“ Und dann »ging« er."
    assert quotes(text, language="de") == text


def test_british_nesting_puts_single_quotes_outside() -> None:
    assert quotes("\"Say 'when',\" she said.", language="en-GB") == "‘Say “when”,’ she said."
    # American English keeps the writer's nesting.
    assert quotes("'Say \"when\",' she said.") == "‘Say “when”,’ she said."


def test_nesting_setting_forces_language_nesting() -> None:
    text = "'Say \"when\",' she said."
    out = quotes(text, settings={"quotes": {"nesting": "language"}})
    assert out == "“Say ‘when’,” she said."


def test_changes_are_recorded_with_positions() -> None:
    result = tidyink.convert(
        'ok\n\nHe said "hi".', to="text", input_format="text", only=["quotes"], lint=False
    )
    first = result.changes[0]
    assert (first.filter, first.line, first.column, first.before, first.after) == (
        "quotes",
        3,
        9,
        '"',
        "“",
    )
    assert first.reason == "opening double quote"


def test_dialogue_fixture(fixtures) -> None:
    """A page of tricky dialogue (our own writing) comes out exactly as typeset by hand."""
    plain = (fixtures / "typography" / "dialogue.txt").read_text("utf-8")
    expected = (fixtures / "typography" / "dialogue.expected.txt").read_text("utf-8")
    assert typeset(plain) == expected


def test_dialogue_fixture_round_trip(fixtures) -> None:
    plain = (fixtures / "typography" / "dialogue.txt").read_text("utf-8")
    curly = quotes(plain)
    assert quotes(curly, quotes="straight", primes="straight") == plain


def test_french_fixture(fixtures) -> None:
    """Dialogue dash, « » and ‹ › with no-break spaces, spaces kept before ? ! : ."""
    plain = (fixtures / "typography" / "dialogue-fr.txt").read_text("utf-8")
    expected = (fixtures / "typography" / "dialogue-fr.expected.txt").read_text("utf-8")
    assert typeset(plain, language="fr") == expected
    assert "«\u00a0C’est l’heure" in expected and "voilà !\u00a0»" in expected


def test_german_fixture(fixtures) -> None:
    """„ “ and ‚ ‘ with spaced en dashes (the German Gedankenstrich)."""
    plain = (fixtures / "typography" / "dialogue-de.txt").read_text("utf-8")
    expected = (fixtures / "typography" / "dialogue-de.expected.txt").read_text("utf-8")
    assert typeset(plain, language="de", dashes="en-spaced") == expected
    assert "„Er sagte ‚morgen‘ – aber wann?“" in expected


def test_a_run_of_four_or_more_marks_is_left_as_typed():
    # a row of marks quotes nothing: it is kept as typed and judged as one symbol,
    # so its neighbours are still curled and a long run costs no edit per mark
    text = "She drew a line: '''''''' and then \"\"\"\"\"\"\"\"\"\" under the 'title' she wrote.\n"
    result = tidyink.convert(text, input_format="text", to="text", lint=False, only=["quotes"])
    assert result.text == (
        "She drew a line: '''''''' and then \"\"\"\"\"\"\"\"\"\" under the \u2018title\u2019 she wrote.\n"
    )
    assert len(result.changes) == 2
    run = "'" * 5000
    assert not tidyink.convert(run, input_format="text", to="text", lint=False, only=["quotes"]).changes


def test_three_marks_in_a_row_are_still_quotes():
    text = "He said '''hello''' to me.\n"
    result = tidyink.convert(text, input_format="text", to="text", lint=False, only=["quotes"])
    assert result.text == "He said \u2018\u2018\u2018hello\u2019\u2019\u2019 to me.\n"
