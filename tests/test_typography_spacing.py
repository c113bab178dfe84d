"""Spacing inside lines: runs, spaces before punctuation, trailing whitespace."""

from __future__ import annotations

import tidyink


def typeset(text: str, only: tuple[str, ...] = ("typography",), **options: object) -> str:
    """Run only the given filters over plain text and return the text."""
    result = tidyink.convert(
        text, to="text", input_format="text", only=list(only), lint=False, **options
    )
    return result.text


def spacing(text: str, **options: object) -> str:
    return typeset(text, only=("spacing",), **options)


def test_runs_of_spaces_collapse() -> None:
    assert spacing("one  two   three.  Four") == "one two three. Four"


def test_space_before_punctuation_goes() -> None:
    assert spacing("yes , no ; maybe : really ? yes !") == "yes, no; maybe: really? yes!"
    assert spacing("the end .") == "the end."


def test_trailing_whitespace_goes() -> None:
    assert spacing("line one   \nline two\t\nend  ") == "line one\nline two\nend"


def test_whitespace_only_lines_between_blocks_are_emptied() -> None:
    result = tidyink.convert(
        "one\n   \n\t\n    two, indented\n",
        to="text",
        input_format="text",
        only=["spacing"],
        lint=False,
    )
    assert result.text == "one\n\n\n    two, indented\n"
    assert [(c.line, c.before) for c in result.changes] == [(2, "   "), (3, "\t")]


def test_ornament_lines_keep_their_spacing() -> None:
    assert spacing("    *    *    *\nnext  line") == "    *    *    *\nnext line"


def test_leading_indentation_is_kept() -> None:
    verse = "    The first line\n      the second, indented\n    the third"
    assert spacing(verse) == verse


def test_things_that_look_like_punctuation_spacing_are_kept() -> None:
    for text in ("costs .5 cents", "a .txt file", "wait . . . now", "see ...", "a - b"):
        assert spacing(text) == text


def test_french_keeps_space_before_high_punctuation() -> None:
    assert (
        spacing("Quoi ? Non ! Ici : oui ; bon , fin .", language="fr")
        == "Quoi ? Non ! Ici : oui ; bon, fin."
    )


def test_markdown_code_is_never_respaced() -> None:
    md = "Some  text , and `code  ,  here` too.\n\n```\nx  =  1 ,\n```\n"
    result = tidyink.convert(
        md, to="markdown", input_format="markdown", only=["spacing"], lint=False
    )
    assert result.text == "Some text, and `code  ,  here` too.\n\n```\nx  =  1 ,\n```\n"


def test_markdown_hard_line_break_survives() -> None:
    md = "A line with a hard break  \nand the next , line.\n"
    result = tidyink.convert(
        md, to="markdown", input_format="markdown", only=["spacing"], lint=False
    )
    assert result.text == "A line with a hard break  \nand the next, line.\n"


def test_a_dotted_menu_keeps_its_dots_set_apart() -> None:
    assert spacing("Start . Archive . Search . Help") == "Start . Archive . Search . Help"
    assert spacing("She left the room . Then it rained.") == "She left the room. Then it rained."


def test_lines_kept_as_verse_keep_their_inner_spacing() -> None:
    cast = "  • Ada      a keeper's daughter\n  • Tom      her father\n  • Oren     a carter\n"
    result = tidyink.convert(cast, to="text", input_format="text", lint=False)
    assert result.document.blocks[0].kind == "verse"
    assert "Ada      a keeper" in result.text and "Oren     a carter" in result.text
    prose = "The owl calls    once over the field, and then the field is still again.\n"
    assert "calls once" in tidyink.convert(prose, to="text", input_format="text", lint=False).text


def test_a_heading_joined_from_label_and_title_is_spaced_as_a_heading() -> None:
    # The label and the title are parted by a break that the heading is written across
    # (## CHAPTER 4: ...): it is no line kept as set, so its runs of spaces collapse now,
    # as they would when the output is converted again.
    book = (
        "The rain had stopped by the time the carts came back to the yard.\n\n"
        "CHAPTER 4\n\nTHE MILLER GOES TO TOWN.  HE SELLS A HORSE AND BUYS\nA CLOCK\n\n"
        "The miller left before dawn with the grey mare tied behind the cart.\n\n"
        "CHAPTER 5\n\nHOME AGAIN\n\nThe clock was set on the shelf above the stove.\n"
    )
    for to, again_as in (("markdown", "markdown"), ("text", "text")):
        once = tidyink.convert(book, input_format="text", to=to, lint=False)
        assert [b.kind for b in once.document.blocks].count("heading") == 2
        assert "TOWN. HE SELLS" in once.text
        twice = tidyink.convert(once.text, input_format=again_as, to=to, lint=False).text
        assert twice == once.text


def test_a_space_that_keeps_a_reference_cut_stays() -> None:
    """``&hellip ;`` is text: glued, it would be the character reference ``&hellip;``,
    which a browser, a Markdown renderer or the next run decodes."""
    assert spacing("She waited&hellip ; then left.") == "She waited&hellip ; then left."
    assert spacing("Code &#8230 ; and &x2026 ; here.") == "Code &#8230 ; and &x2026; here."
    assert spacing("Salt &amp ; pepper ; bread .") == "Salt &amp ; pepper; bread."
    assert spacing("AT&T ; then") == "AT&T; then"  # no reference of that name


def test_a_cut_reference_passes_the_safety_check() -> None:
    page = "<html><body><article><p>She waited&hellip ; then left.</p></article></body></html>"
    for to in ("text", "markdown"):
        result = tidyink.convert(page, input_format="html", to=to, safe=True)
        assert "&hellip ; then left." in result.text
