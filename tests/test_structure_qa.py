"""Adversarial checks of the plain-text structure filters on small invented texts.

Each test holds a convention found in fan fiction, e-texts or manuscripts that a
careful editor would handle one way, and checks that tidyink does the same.
"""

from __future__ import annotations

import tidyink
from tidyink.document import HEADING, PARAGRAPH, SCENE_BREAK, VERSE


def convert(text: str, **options):
    return tidyink.convert(text, input_format="text", lint=False, **options)


def headings(result) -> list[str]:
    return [" ".join(b.text.split()) for b in result.document.blocks if b.kind == HEADING]


def kinds(result) -> list[str]:
    return [b.kind for b in result.document.blocks]


# --- headings -------------------------------------------------------------------------


def test_capitalised_sign_introduced_by_a_colon_is_not_a_heading():
    text = (
        "The market was already crowded when Ilse arrived, and the chestnut stall had a queue.\n\n"
        "Above the stall a painted board announced:\n\n"
        "HOT CHESTNUTS - TWO FOR A PENNY\n\n"
        "She bought two and gave one to the boy who had been watching her.\n\n"
        "He ate it in three bites and thanked her with his mouth full.\n"
    )
    result = convert(text)
    assert headings(result) == []
    assert "\n## " not in "\n" + result.text


def test_shouted_line_in_capitals_is_not_a_heading():
    text = (
        "The kitchen was quiet when Pell came in, and she did not look up from the sink.\n\n"
        "She kept scrubbing the same plate, round and round, until it squeaked.\n\n"
        "GET OUT!\n\n"
        "He had never heard her shout like that before. He stood very still in the doorway.\n\n"
        '"Please," he said. "Just let me explain."\n'
    )
    assert headings(convert(text)) == []


def test_capitalised_titles_of_a_book_are_still_headings_even_when_one_is_exclaimed():
    text = (
        "THE CROSSING\n\nThe ferry left at dawn, and the river was high and brown with rain.\n\n"
        "It was a slow passage, and the horses were restless the whole way over.\n\n"
        "TO THE RESCUE!\n\nThe boat had struck something in the fog, and men were shouting.\n\n"
        "They pulled two of the drovers out of the water before the current took them.\n\n"
        "HOME AGAIN\n\nBy evening the whole village had heard the story, twice over.\n"
    )
    assert headings(convert(text)) == ["THE CROSSING", "TO THE RESCUE!", "HOME AGAIN"]


def test_one_capitalised_title_at_the_top_is_a_heading():
    text = (
        "THE CROSSING\n\nThe ferry left at dawn, and the river was high and brown with rain.\n\n"
        "It was a slow passage, and the horses were restless the whole way over.\n"
    )
    assert headings(convert(text, heading_level=2)) == ["THE CROSSING"]


# --- author's notes -------------------------------------------------------------------

CHAPTERS_WITH_NOTES = """Chapter 5: Homecoming

AN: Thank you all so much for the lovely reviews! Special thanks to everyone who guessed.

Disclaimer: Still don't own it. Sadly.

The train pulled in at half past six, and Rosalind was the first one off.

She had not been home in four years.

AN: Short one this week, the next is longer. Review!

Chapter 6: Strangers

The house looked smaller than she remembered.
"""


def test_notes_under_and_above_a_plain_text_chapter_heading_are_found():
    result = convert(CHAPTERS_WITH_NOTES)
    notes = [b.text.split(":")[0] for b in result.document.blocks if b.attrs.get("author_note")]
    assert notes == ["AN", "Disclaimer", "AN"]
    stripped = convert(CHAPTERS_WITH_NOTES, author_notes="strip", to="text").text
    assert stripped == (
        "Chapter 5: Homecoming\n\n"
        "The train pulled in at half past six, and Rosalind was the first one off.\n\n"
        "She had not been home in four years.\n\n"
        "Chapter 6: Strangers\n\nThe house looked smaller than she remembered.\n"
    )


# --- lines kept whole: paragraphs, dialogue, verse ---------------------------------------


def test_unpunctuated_dialogue_lines_between_long_lines_are_paragraphs():
    lines = [
        "the hallway was dark and smelled of wet dogs and old carpet and something else she "
        "couldnt quite place",
        '"hey whats up"',
        '"nothing much"',
        '"liar"',
        "she rolled her eyes at him and pushed past into the kitchen where the kettle was already "
        "boiling on the stove",
        '"want tea"',
        '"sure"',
    ]
    result = convert("\n".join(lines) + "\n", only=["paragraphs", "unwrap"])
    assert kinds(result) == [PARAGRAPH] * len(lines)
    assert [b.text for b in result.document.blocks] == lines


def test_song_between_prose_lines_stays_verse_and_the_prose_lines_are_paragraphs():
    song = [
        "Down by the water where the willows grow",
        "I left my heart in the mud and the snow",
        "Down by the water where the cold winds blow",
        "I'll find it again when the river runs low",
    ]
    before = (
        "Remy picked up the old guitar from the corner and tuned it slowly, frowning at every "
        "string as though it had offended him."
    )
    after = (
        "Nobody clapped when he finished, but nobody talked either, and after a while he put "
        "the guitar away and went out."
    )
    result = convert("\n".join([before, *song, after]) + "\n", only=["paragraphs", "unwrap"])
    assert kinds(result) == [PARAGRAPH, VERSE, PARAGRAPH]
    assert result.document.blocks[1].text.split("\n") == song


def test_short_quoted_lines_alone_are_dialogue_not_verse():
    text = '"Where to?"\n"North."\n"Why north"\n"Because"\n'
    result = convert(text, only=["paragraphs", "unwrap"])
    assert kinds(result) == [PARAGRAPH] * 4


# --- scene breaks ----------------------------------------------------------------------


def test_spelled_out_breaks_are_scene_breaks():
    markers = ["~~Page Break~~", "-Line Break-", "LINE BREAK", "xXx Time skip xXx", "~*~ break ~*~"]
    scenes = [f"Scene {n} happens somewhere else, and it is over quickly." for n in range(6)]
    text = "\n\n".join(x for pair in zip(scenes, [*markers, ""], strict=True) for x in pair)
    result = convert(text.strip() + "\n")
    assert kinds(result) == [PARAGRAPH, SCENE_BREAK] * 5 + [PARAGRAPH]
    assert "Break" not in result.text and result.text.count("\n* * *\n") == 5


def test_words_about_breaks_in_a_sentence_are_not_scene_breaks():
    text = "Break.\n\nThe line break was wrong.\n\nPage Break!\n\nBreak of day came slowly.\n"
    assert SCENE_BREAK not in kinds(convert(text))


def test_breaks_that_separate_nothing_are_dropped():
    text = (
        "Chapter 1\n\n* * *\n\nIt began at once, before anyone was ready for it.\n\n"
        "* * *\n\nChapter 2\n\nThen it went on, as these things do.\n\n* * *\n"
    )
    result = convert(text, to="text")
    assert SCENE_BREAK not in kinds(result)
    assert result.text == (
        "Chapter 1\n\nIt began at once, before anyone was ready for it.\n\n"
        "Chapter 2\n\nThen it went on, as these things do.\n"
    )
    reasons = [c.reason for c in result.changes if c.filter == "scene-breaks"]
    assert reasons.count("scene break next to a heading dropped") == 2
    assert reasons.count("scene break at an edge of the text dropped") == 1


STORY = (
    "The market opened at dusk, and by the time Ilse arrived the square was already crowded.\n\n"
    '"You\'re late," he said.\n'
)


def test_a_title_cased_line_opening_a_story_is_its_title():
    result = convert("The Lantern Fair\n\nby Greywillow\n\n" + STORY)
    assert headings(result) == ["The Lantern Fair"]
    assert result.text.startswith("## The Lantern Fair\n\nby Greywillow\n\n")
    assert result.document.meta["author"] == "Greywillow"


def test_a_title_line_over_chapters_is_the_book_title():
    result = convert("The Lantern Fair\n\nChapter 1\n\n" + STORY)
    assert [(b.level, b.text) for b in result.document.blocks if b.kind == HEADING] == [
        (1, "The Lantern Fair"),
        (2, "Chapter 1"),
    ]


def test_opening_lines_that_are_not_titles_stay_paragraphs():
    for first in ["Monday morning", "Dear Tom,", "Summary: Two friends meet.", "It rained.", "Run!"]:
        assert headings(convert(first + "\n\n" + STORY)) == [], first


def test_decorated_chapter_headings_are_headings_without_their_decoration():
    story = "The fire had gone out hours ago, and nobody had thought to light it again.\n\n"
    lines = ["~Chapter 4~", "**Chapter 5: Ashes**", "-Chapter Six-", "=== Chapter 7 ===", "xXx Chapter 8 xXx"]
    text = "Chapter 3\n\n" + story + "".join(f"{line}\n\n{story}" for line in lines)
    result = convert(text)
    assert headings(result) == [
        "Chapter 3",
        "Chapter 4",
        "Chapter 5: Ashes",
        "Chapter Six",
        "Chapter 7",
        "Chapter 8",
    ]
    change = next(c for c in result.changes if c.reason == "decoration around a heading")
    assert (change.line, change.before, change.after) == (5, "~Chapter 4~", "Chapter 4")


def test_a_decorated_sentence_or_number_is_not_a_heading():
    text = (
        "Chapter 3\n\nThe fire had gone out hours ago, and nobody lit it.\n\n"
        "- Chapter 4 was the worst -\n\nShe sat in the cold.\n\n~4~\n\nMorning came.\n"
    )
    assert headings(convert(text)) == ["Chapter 3"]


# --- double-spaced typescripts ---------------------------------------------------------

DOUBLE_SPACED = """     The ferry was late again, which surprised no one. Dana stood at

the rail with her coat buttoned to the chin and watched the far

shore come slowly out of the fog, first the church, then the

harbour wall, then the row of white cottages along the front.

     She had not been back in nine years. Her mother had written

every Christmas, short letters full of weather and neighbours,

and every Christmas Dana had meant to answer them properly and

had sent a card instead.

     "Visiting?" asked the man beside her.

     "Something like that."
"""


def test_double_spaced_hard_wrapped_text_is_closed_up_and_unwrapped():
    result = convert(DOUBLE_SPACED, only=["paragraphs", "unwrap"])
    blocks = result.document.blocks
    assert kinds(result) == [PARAGRAPH] * 4
    assert [b.text.split()[:2] for b in blocks] == [
        ["The", "ferry"],
        ["She", "had"],
        ['"Visiting?"', "asked"],
        ['"Something', "like"],
    ]
    assert all("\n" not in b.text for b in blocks)
    assert [b.line for b in blocks] == [1, 9, 17, 19]
    assert blocks[1].spans[0].position(blocks[1].text.index("every")) == (11, 1)


def test_one_paragraph_per_line_with_blank_lines_is_not_double_spaced():
    paragraphs = [
        "The ferry was late again, which surprised no one at all on the island",
        '"Visiting?" asked the man beside her, leaning on the rail',
        "She did not answer him, and after a while he went below to the bar",
        '"Something like that," she said to nobody, a long time afterwards',
        "The gulls followed the boat all the way in, crying for scraps of bread",
        "Her mother was waiting on the quay with an umbrella and a scarf",
    ]
    result = convert("\n\n".join(paragraphs) + "\n", only=["paragraphs", "unwrap"])
    assert [b.text for b in result.document.blocks] == paragraphs


def test_single_letters_or_digits_beside_punctuation_are_not_scene_breaks():
    from tidyink.filters.scene_breaks import is_break_line

    assert [is_break_line(x) for x in ["0/", "/0:", "x.", "-0-"]] == [False] * 4
    assert [is_break_line(x) for x in ["-x-", "~o~", "-x-x-x-", "+0+0+", "oOo"]] == [True] * 5


def test_numbered_list_items_between_blank_lines_are_not_headings():
    text = (
        "Chapter 1\n\nMara sat down at the kitchen table and made a list of what she had to do.\n\n"
        "1. Buy milk\n\n2. Post the parcel\n\n3. Call Gran\n\n"
        "Then she put on her coat and went out into the rain.\n\nChapter 2\n\nThe shop was shut.\n"
    )
    assert headings(convert(text)) == ["Chapter 1", "Chapter 2"]


def test_numbered_chapter_titles_between_prose_are_still_headings():
    text = (
        "1. The Storm\n\nThe wind rose in the night and took half the roof with it.\n\n"
        "2. The Calm\n\nMorning was so still that they could hear the sea from the village.\n"
    )
    assert headings(convert(text)) == ["1. The Storm", "2. The Calm"]


def _wrapped(paragraph: str, width: int = 70) -> str:
    import textwrap

    return textwrap.fill(paragraph, width)


PROSE = [
    "Her grandmother used to sing it at the sink, over and over, in a thin high voice that carried "
    "right through the house and out into the yard where the hens were scratching.",
    "Nobody in the family knew where the song had come from. Her uncle said it was a hymn, and her "
    "aunt said it was a music-hall number, and they had argued about it for years.",
    "She could never remember the second verse, and when anyone asked her for it she would only "
    "laugh and shake her head and say that there had never been one at all.",
    "After she died they found it written on the back of a seed packet in the kitchen drawer, in "
    "pencil, in her careful round hand, and nobody could read it without crying.",
    "It was not a very good verse. That was the strange thing about it. It did not even rhyme "
    "properly, and the last line had one syllable too many, however you sang it.",
]


def test_a_stanza_whose_lines_end_sentences_stays_verse_in_blank_line_spaced_text():
    stanza = (
        "The owl is out upon the hill.\nThe moon is hanging low.\n"
        "The wind is cold, the night is still.\nAnd I have far to go."
    )
    blocks = [_wrapped(p) for p in PROSE[:2]] + [stanza] + [_wrapped(p) for p in PROSE[2:]]
    result = convert("\n\n".join(blocks) + "\n", only=["paragraphs", "unwrap"])
    assert kinds(result) == [PARAGRAPH, PARAGRAPH, VERSE, PARAGRAPH, PARAGRAPH, PARAGRAPH]
    assert result.document.blocks[2].text == stanza


def test_short_dialogue_lines_in_a_text_without_blank_lines_stay_paragraphs():
    # No blank lines between paragraphs: a run of short lines is one speech a line.
    speech = '"Is it far?"\nShe shook her head.\n"Not very."\nHe sighed.'
    text = "\n".join([_wrapped(PROSE[0]), speech, _wrapped(PROSE[1]), _wrapped(PROSE[2])]) + "\n"
    result = convert(text, only=["paragraphs", "unwrap"])
    texts = [b.text for b in result.document.blocks]
    assert texts[1:5] == speech.split("\n")
    assert set(kinds(result)) == {PARAGRAPH}


def test_letter_in_text_written_one_paragraph_a_line():
    lines = [
        "The letter came on a Thursday, in a blue envelope with a foreign stamp, and Nell read it "
        "standing up in the hall.",
        "Dear Nell,",
        "I am sorry I have not written. Things here have been difficult, and I did not want to "
        "worry you with them until I knew how they would turn out.",
        "They have turned out well, on the whole. I will tell you everything when I see you.",
        "Your loving brother,",
        "Tom",
        "She read it three times before she took her coat off.",
    ]
    result = convert("\n".join(lines) + "\n", only=["paragraphs", "unwrap"])
    assert [b.text for b in result.document.blocks] == [*lines[:4], "Your loving brother,\nTom", lines[6]]
    assert kinds(result) == [PARAGRAPH] * 4 + [VERSE, PARAGRAPH]


def test_text_output_with_a_stanza_among_long_paragraphs_is_a_fixed_point():
    stanza = (
        "The owl is out upon the hill.\nThe moon is hanging low.\n"
        "The wind is cold, the night is still.\nAnd I have far to go."
    )
    song = (
        "Down by the water where the willows grow\nI left my heart in the mud and the snow\n"
        "Down by the water where the cold winds blow"
    )
    blocks = [_wrapped(p) for p in PROSE[:2]] + [stanza] + [_wrapped(p) for p in PROSE[2:]] + [song]
    once = convert("\n\n".join(blocks) + "\n", to="text").text
    assert stanza.replace("\n", "\n") in once.replace("’", "'") and song in once
    assert convert(once, to="text").text == once


def test_tab_indented_manuscript_keeps_its_breaks_and_headings_apart():
    text = (
        "CHAPTER ONE\n\tThe shed at the end of the lane had stood empty since the storm, and the"
        " children had opinions about that.\n\t\"It's haunted,\" said Pim.\n\t\"It's damp,\" said his sister.\n"
        "***\n\tBy spring someone had painted the door.\n\nCHAPTER TWO\n\tNobody owned up to it.\n"
    )
    doc = tidyink.convert(text, lint=False).document
    assert [(b.kind, b.text.strip()[:11]) for b in doc.blocks] == [
        (HEADING, "CHAPTER ONE"),
        (PARAGRAPH, "The shed at"),
        (PARAGRAPH, "\u201cIt\u2019s haunt"),
        (PARAGRAPH, "\u201cIt\u2019s damp,"),
        (SCENE_BREAK, "***"),
        (PARAGRAPH, "By spring s"),
        (HEADING, "CHAPTER TWO"),
        (PARAGRAPH, "Nobody owne"),
    ]


def test_a_rule_set_in_among_centred_lines_is_decoration_not_a_scene_break():
    text = (
        "The handbill on the wall read as follows, in letters a hand high and badly spaced:\n\n"
        "          GRAND MARINE CIRCUS\n                  ---\n           LAST THREE NIGHTS\n"
        "Before its departure for the southern ports\n               TUMBLERS\n\n"
        "She read it twice and then went in to ask about the work they were offering.\n"
    )
    doc = tidyink.convert(text, lint=False).document
    assert SCENE_BREAK not in [b.kind for b in doc.blocks]
    assert "---" in tidyink.convert(text, lint=False, to="text").text
