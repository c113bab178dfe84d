"""The safety check reads the renderings as what they say: a Markdown escape is the
writer's, not text; an invisible character inside a reference hides no word; a change's
text, which has no markup, may hold as one word what the rendering parts with markup.
Each loosening still finds a word really lost."""

from __future__ import annotations

from tidyink import api
from tidyink.records import Change
from tidyink.safety import difference


def _change(before: str, after: str) -> Change:
    return Change("test", 1, 1, before, after)


def test_a_markdown_escape_is_not_text():
    """The Markdown writer escapes ``&`` before a reference not yet decoded (``Z\\&#252;rich``):
    once decoded the word is one, as it is in the output."""
    decoded = [_change("&#252;", "ü")]
    before, after = "The Z\\&#252;rich train left.\n", "The Zürich train left.\n"
    assert difference(before, after, decoded, markdown=True) == ""
    assert "'left'" in difference(before, after.replace(" left", ""), decoded, markdown=True)


def test_a_decoded_reference_beside_an_escape_passes_end_to_end():
    result = api.convert("The Z&#252;rich train left at 9.\n", input_format="text", to="markdown", safe=True)
    assert result.text == "The Zürich train left at 9.\n"


def test_an_invisible_character_inside_a_reference_hides_no_word():
    """``&am\\u200dp;`` is ``&amp;`` once the joiner is removed, on both sides alike."""
    changes = [_change("\u200d", ""), _change("&", "* * *")]
    before, after = "&\n\nSalt &am\u200dp; pepper.\n", "* * *\n\nSalt &amp; pepper.\n"
    assert difference(before, after, changes) == ""
    assert "'pepper'" in difference(before, after.replace(" pepper", ""), changes)


def test_a_removed_word_the_rendering_parts_with_markup_explains_its_parts():
    """A removed block's text has no markup: ``boldline`` is ``**bold**line`` written."""
    removed = [_change("_Italic_ and boldline\n\nQuoted.", "")]
    before = "## One\n\nFine.\n\n*Italic* and **bold**line\n\nQuoted.\n"
    after = "## One\n\nFine.\n"
    assert difference(before, after, removed) == ""
    assert "'fine'" in difference(before, after.replace("Fine.", ""), removed)
    # the parts must make the removed word exactly: a lost word beside them is still found
    assert "missing" in difference(before.replace("**line", "**lines"), after, removed)


def test_a_tag_is_text_in_a_text_rendering_and_escaped_in_markdown():
    """``<\\ufeff/em>`` in a page is text; once the invisible mark is removed it reads
    ``</em>``, still text: in text output as it stands, in Markdown escaped (``\\</em>``)."""
    changes = [_change("\ufeff", "")]
    before, after = "Italic<\ufeff/em> and bold.\n", "Italic</em> and bold.\n"
    assert difference(before, after, changes) == ""
    assert difference(before.replace("<", "\\<"), after.replace("<", "\\<"), changes, markdown=True) == ""
    assert "'em'" in difference(before, "Italic and bold.\n", changes)
    page = "<p><em>Italic<\ufeff/em> and bold.</p><p><\ufeffem>Plain</em> text.</p>"
    for to in ("text", "markdown"):
        assert "Plain" in api.convert(page, input_format="html", to=to, safe=True).text
