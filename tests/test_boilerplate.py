"""The boilerplate filter: Gutenberg wrappers, site navigation, author's notes."""

from __future__ import annotations

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

import tidyink
from tidyink.filters._boilerplate_patterns import PG_LICENCE_PHRASES
from tidyink.filters.boilerplate import is_nav, is_note

STORY = """\
THE GLASS ORCHARD

by Maud Ellery



CHAPTER I.

The orchard behind the mill had glass apples in it, or so the children
said, and nobody had ever proved them wrong.

"Go and look," said Tom. "Go on. I dare you."


CHAPTER II.

Nell went at dusk, when the light was kind, and found only apples.

THE END
"""

HEADER = """\
The Project Gutenberg EBook of The Glass Orchard, by Maud Ellery

This eBook is for the use of anyone anywhere at no cost and with few
restrictions; see the licence at the end of this file.

Title: The Glass Orchard

Author: Maud Ellery

Language: English

*** START OF THIS PROJECT GUTENBERG EBOOK THE GLASS ORCHARD ***




Produced by Volunteer Readers and the Example
Proofreading Team




"""

FOOTER = """



End of the Project Gutenberg EBook of The Glass Orchard, by Maud Ellery

*** END OF THIS PROJECT GUTENBERG EBOOK THE GLASS ORCHARD ***

***** This file should be named 00000.txt *****

Produced by Volunteer Readers

*** START: FULL LICENSE ***

THE FULL PROJECT GUTENBERG LICENSE
Section 1. Terms of use of Project Gutenberg-tm electronic works go here,
written for this test and nothing like the real wording.

Contact the Project Gutenberg Literary Archive Foundation for details.
"""


def words(text: str) -> list[str]:
    return regex.findall(r"\w+", text)


def run(text: str, **options):
    return tidyink.convert(text, to="text", only=["boilerplate"], **options)


def test_gutenberg_header_credits_and_licence_go_story_stays():
    result = run(HEADER + STORY + FOOTER)
    assert result.text == STORY
    assert not PG_LICENCE_PHRASES.search(result.text)
    reasons = [c.reason for c in result.changes]
    assert reasons == [
        "Project Gutenberg header",
        "Project Gutenberg production credits",
        "Project Gutenberg footer and licence",
    ]
    removed = "\n".join(c.before for c in result.changes)
    assert "Produced by Volunteer Readers and the Example\nProofreading Team" in removed
    assert "Literary Archive Foundation" in removed and "Title: The Glass Orchard" in removed
    assert result.document.meta["title"] == "The Glass Orchard"
    assert result.document.meta["author"] == "Maud Ellery"
    footer_change = result.changes[-1]
    assert footer_change.line == (HEADER + STORY).count("\n") + 5


def test_crlf_and_marker_variants():
    header = (
        "The Project Gutenberg eBook of X\r\n\r\n"
        "***START OF THE PROJECT GUTENBERG EBOOK X***\r\n\r\n"
    )
    footer = "\r\n\r\n*** END OF THE PROJECT GUTENBERG EBOOK X ***\r\n\r\nLicence words.\r\n"
    body = "A story line.\r\n\r\nAnother line.\r\n"
    result = run(header + body + footer)
    assert result.text == "A story line.\n\nAnother line.\n"


def test_old_small_print_header():
    old = (
        "**The Project Gutenberg Etext of Something**\n\n"
        "**START**THE SMALL PRINT!**FOR PUBLIC DOMAIN ETEXTS**START**\n"
        "Words about the small print that the test made up.\n\n"
        "*END*THE SMALL PRINT! FOR PUBLIC DOMAIN ETEXTS*Ver.04.29.93*END*\n\n"
        "This etext was prepared by Someone Kind.\n\n"
        "The story begins here.\n"
    )
    assert run(old).text == "The story begins here.\n"


def test_no_start_marker_removes_nothing_at_the_top():
    text = "Project Gutenberg was mentioned in my story, and that is fine.\n\nMore story.\n"
    result = run(text)
    assert result.text == text and not result.changes


def test_end_marker_line_inside_a_paragraph_cuts_only_from_there():
    text = (
        "*** START OF THE PROJECT GUTENBERG EBOOK Y ***\n\nStory line one.\nLast story line.\n"
        "End of the Project Gutenberg EBook of Y\nmore licence\n"
    )
    assert run(text).text == "Story line one.\nLast story line.\n"


# --- site navigation ------------------------------------------------------------------


CHAPTER = "Chapter nine\n\nThe rain had stopped.\n\nHe went home and slept.\n"


def test_navigation_lines_at_the_end_go_and_are_recorded():
    result = run(CHAPTER + "\nTo chapter ten\nBack to the archive\n")
    assert result.text == CHAPTER
    (change,) = result.changes
    assert change.before == "To chapter ten\nBack to the archive" and change.after == ""
    assert change.line == 7 and change.column == 1


def test_navigation_at_the_start_and_separated_pieces():
    text = "« Previous | Table of Contents | Next »\n\nChapter 3 of 12\n\n" + CHAPTER
    assert run(text).text == CHAPTER


def test_weak_lines_alone_stay():
    text = CHAPTER + "\nBack to the archive\n"
    assert run(text).text == text


def test_story_sentences_with_navigation_words_stay():
    for last in ("Next chapter, she thought, would be easier.", "Back to the archive, he said.",
                 "\"Next!\"", "Home."):  # fmt: skip
        text = CHAPTER + "\n" + last + "\n"
        assert run(text).text == text, last


def test_widgets_go():
    text = CHAPTER + "\nFollow/Fav\nReviews (12)\nLeave a review\n"
    assert run(text).text == CHAPTER


def test_is_nav_classification():
    assert is_nav("To chapter ten") == "strong"
    assert is_nav("Next Chapter »") == "strong"
    assert is_nav("<< Prev | Index | Next >>") == "strong"
    assert is_nav("Back to the archive") == "weak"
    assert is_nav("Contents") == "weak"
    assert is_nav("He turned back to the dojo.") is None
    assert is_nav("* * *") is None
    assert is_nav("Lonely words", linked=True) == "weak"


# --- author's notes ----------------------------------------------------------------

NOTED = (
    "Disclaimer: I don't own these characters.\n\n"
    "A/N: this one took a while!\n\n"
    "Chapter two\n\n"
    "The kettle sang.\n\n"
    "She poured the tea.\n\n"
    "Please review!\n"
)


def test_notes_are_detected_and_kept_by_default():
    result = run(NOTED)
    assert result.text == NOTED and not result.changes
    flagged = [b.text for b in result.document.blocks if b.attrs.get("author_note")]
    assert flagged == [
        "Disclaimer: I don't own these characters.",
        "A/N: this one took a while!",
        "Please review!",
    ]


def test_notes_strip_records_each():
    result = run(NOTED, author_notes="strip")
    assert result.text == "Chapter two\n\nThe kettle sang.\n\nShe poured the tea.\n"
    assert sorted(c.before for c in result.changes) == [
        "A/N: this one took a while!",
        "Disclaimer: I don't own these characters.",
        "Please review!",
    ]


def test_notes_move_to_the_end():
    result = run(NOTED, author_notes="end")
    assert result.text == (
        "Chapter two\n\nThe kettle sang.\n\nShe poured the tea.\n\n"
        "Disclaimer: I don't own these characters.\n\nA/N: this one took a while!\n\n"
        "Please review!\n"
    )
    assert len(result.changes) == 3
    assert words(result.text) and sorted(words(result.text)) == sorted(words(NOTED))


def test_is_note_is_not_fooled_by_story_openings():
    assert is_note("AN: quick note")
    assert is_note("Author's Note: thanks")
    assert not is_note("An old man sat by the door.")
    assert not is_note("Notes of music drifted up.")
    assert not is_note("Anna said she didn't own a coat.")


def test_bad_author_notes_mode_is_a_usage_error():
    import pytest

    from tidyink.errors import UsageError

    with pytest.raises(UsageError):
        run("x", author_notes="maybe")


# --- never story text -----------------------------------------------------------------

_VOCABULARY = [
    "the",
    "rain",
    "fell",
    "on",
    "next",
    "chapter",
    "back",
    "to",
    "home",
    "glass",
    "orchard",
    "she",
    "said",
    "he",
    "ran",
    "table",
    "of",
    "contents",
    "project",
    "gutenberg",
    "end",
    "start",
    "review",
]
_WORD = st.sampled_from(_VOCABULARY)
_LINE = st.lists(_WORD, min_size=1, max_size=9).map(" ".join).map(lambda s: s.capitalize() + ".")


@settings(max_examples=60, deadline=None)
@given(st.lists(st.lists(_LINE, min_size=1, max_size=3).map("\n".join), min_size=1, max_size=8))
def test_sentences_are_never_removed(paragraphs):
    text = "\n\n".join(paragraphs) + "\n"
    result = run(text)
    assert result.text == text


@settings(max_examples=40, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=200))
def test_idempotent_and_no_crash(text):
    once = run(text).text
    assert run(once).text == once


def test_credits_after_a_title_page_go_only_when_they_name_the_trade():
    start = "*** START OF THE PROJECT GUTENBERG EBOOK Z ***\n\n"
    title = "THE BOOK OF Z\n\nBy Someone\n\n"
    credits = "Produced by Kind People and the Online Distributed\nProofreading Team\n\n"
    story = "Produced by hand, the quilt was warm.\n\nIt was a good quilt.\n"
    result = run(start + title + credits + story)
    assert result.text == title + story
    assert run(start + title + story).text == title + story


def test_site_sentences_go_anywhere():
    text = (
        "Chapter 1\n\n(See the end of the chapter for more notes.)\n\nThe story.\n\n"
        "The story goes on.\n"
    )
    result = run(text)
    assert result.text == "Chapter 1\n\nThe story.\n\nThe story goes on.\n"
    (change,) = result.changes
    assert change.line == 3 and change.reason == "site chrome (a site message)"


def test_gutenberg_html_sections_and_markers():
    html = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>The Glass Orchard</title></head><body>
<section class="pg-boilerplate pgheader" id="pg-header">
<h2 id="pg-header-heading">The Project Gutenberg eBook of The Glass Orchard</h2>
<p>Words about using this ebook, written for this test.</p>
<div id="pg-start-separator">*** START OF THE PROJECT GUTENBERG EBOOK GLASS ***</div>
</section>
<h1>THE GLASS ORCHARD</h1>
<h2>CHAPTER I.</h2>
<p>The orchard behind the mill had glass apples in it.</p>
<section class="pg-boilerplate pgfooter" id="pg-footer">
<div id="pg-end-separator">*** END OF THE PROJECT GUTENBERG EBOOK GLASS ***</div>
<p>Licence words for this test: the Project Gutenberg Literary Archive Foundation.</p>
</section>
</body></html>
"""
    result = tidyink.convert(html.encode(), to="text", only=["boilerplate"])
    assert result.text == (
        "THE GLASS ORCHARD\n\nCHAPTER I.\n\nThe orchard behind the mill had glass apples in it.\n"
    )
    assert not PG_LICENCE_PHRASES.search(result.text)


def test_menu_bar_of_three_navigation_words_is_removed():
    import tidyink

    text = "Home | Stories | Authors | Log in\n\nThe ferry left at dawn.\n\nShe watched it go.\n"
    result = tidyink.convert(text, to="text", only=["boilerplate"], lint=False)
    assert result.text.startswith("The ferry left at dawn.")
    # two navigation words in a sentence-like line are not a menu
    prose = "Home and stories, she said.\n\nThe end.\n"
    assert tidyink.convert(prose, to="text", only=["boilerplate"], lint=False).text == prose


def test_archive_text_download_keeps_the_story_and_drops_the_archive_lines():
    from pathlib import Path

    path = Path(__file__).resolve().parent.parent / "fixtures" / "structure" / "ao3-download.txt"
    out = tidyink.convert(path.read_bytes(), path=str(path), lint=False).text
    assert out.startswith("# The Lantern Keeper\n")
    assert "Posted originally" not in out and "Please drop by" not in out
    assert "## Chapter 1: Dusk" in out and "## Chapter 2: Dawn" in out
    # one wrapped sentence is enough to learn the wrap: the paragraph is joined
    assert "and Marta climbed down the ladder" in out
    assert "unopened. She made tea" in out
    assert "Thank you for reading! Comments make my day." in out  # the author's note stays


def test_archive_lines_wrapped_by_the_renderer_and_their_variants_go():
    text = (
        "The Lantern Keeper\n\nPosted originally on the Archive of Our Own at https://archiveofourown.org/\n"
        "works/00000000.\n\nThe lamp went out an hour after midnight, and Ada knew it before she woke.\n\n"
        "She dressed in the dark and went down the stairs with one hand on the wall.\n\n"
        "Please drop by the archive and comment to let the author know if you enjoyed\ntheir work!\n"
    )
    out = run(text).text
    assert "Posted originally" not in out and "works/00000000" not in out
    assert "Please drop by" not in out and "their work!" not in out
    assert "one hand on the wall." in out
