"""The safety check: a word lost, added or changed without a recorded change is an
internal error (exit 3) and the file is left alone; typography and logged repairs pass."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tidyink import api, pipeline
from tidyink.cli import main
from tidyink.document import TEXT
from tidyink.records import Change
from tidyink.safety import SafetyError, difference

PROSE = 'The harbour was quiet -- "Wait," she said... and then left.\n'


def _change(before: str, after: str) -> Change:
    return Change("test", 1, 1, before, after)


def test_typography_spacing_and_case_are_not_differences():
    before = 'He said "wait" -- then left...  "Fine."\n\n# CHAPTER ONE\n'
    after = "He said “wait”—then left… “Fine.”\n\n## Chapter One\n"
    assert difference(before, after, []) == ""


def test_a_lost_added_or_changed_word_is_named():
    assert "'quiet'" in difference("The harbour was quiet.", "The harbour was.", [])
    assert "has the word 'loud'" in difference("The harbour.", "The loud harbour.", [])
    assert "'harbour'" in difference("The harbour.", "The harbor.", [])


def test_recorded_changes_explain_words():
    assert difference("Posted by admin. The story.", "The story.", [_change("Posted by admin.", "")]) == ""
    assert difference("The cafÃ© was shut.", "The café was shut.", [_change("Ã©", "é")]) == ""
    repairs = [_change("â€œ", "“"), _change("â€\x9d", "”")]
    assert difference("She said â€œhelloâ€\x9d.", "She said “hello”.", repairs) == ""
    # a replay that over-reaches (protected code keeps its bytes) still passes
    text = "The cafÃ© and `cafÃ©`."
    assert difference(text, "The café and `cafÃ©`.", [_change("Ã©", "é")]) == ""
    # ... but the change log explains only what it says
    assert difference("The cafÃ© was shut.", "The café was open.", [_change("Ã©", "é")]) != ""


def test_joined_or_split_words_and_moved_blocks_pass():
    assert difference("An exam-\nple here.", "An example here.", [_change("-\n", "")]) == ""
    assert difference("A soft\u00adhyphen.", "A softhyphen.", []) == ""
    moved = "A/N: thanks!\n\nThe story.\n"
    assert difference(moved, "The story.\n\nA/N: thanks!\n", [_change("A/N: thanks!", "A/N: thanks!")]) == ""
    assert difference("---\ntitle: X\n---\nBody.", "---\ntitle: Y Z\n---\nBody.", [], front_matter=True) == ""
    assert difference("---\ntitle: X\n---\nBody.", "title: X\n\nBody.", []) == ""  # not front matter to skip


def test_a_repaired_character_that_split_or_joined_words_passes():
    """A mark read as punctuation split a word (``do±a``), or a repair removed a mark glued
    to a word (``awayâ€\x9dâ€”a``): what is left of the words once the characters the
    repairs touched are set aside is the same on both sides."""
    assert difference("Ya do±a Sof\xeda lleg\xf3.", "Ya doña Sofía llegó.", [_change("±", "ñ")]) == ""
    # one repair's result is another's damaged form (cp850 read: Ý -> í, and í -> ¡)
    chained = [_change("±", "ñ"), _change("Ý", "í"), _change("í", "¡")]
    assert difference("Llegó do±a SofÝa y dijo: íBuena idea!", "Llegó doña Sofía y dijo: ¡Buena idea!", chained) == ""
    repairs = [_change("â€\x9dâ€", ""), _change("”", "”—")]
    assert difference("He ran awayâ€\x9dâ€”a long way.", "He ran away”—a long way.", repairs) == ""
    # ASCII words are never set aside: a lost one is still found
    assert "'long'" in difference("Ya do±a ran a long way.", "Ya doña ran a way.", [_change("±", "ñ")])


def test_a_repaired_mark_is_set_aside_without_gluing_words_together():
    """French read with the wrong code page (« as ´, » as ª, a letter that folds to 'a',
    and Ç as «) in a document whose lines were joined and whose heading got its '## ':
    the space of '## ' is no character to set aside. (Replaying the repairs in order
    does not explain it: « is both a repair's result and another's damaged form.)"""
    before = "V\n\nThe miners called them ´graftsª, the blue\nmarks. «a ne part pas, they said.\n"
    after = "## V\n\nThe miners called them «grafts», the blue marks. Ça ne part pas, they said.\n"
    repairs = [_change("V", "## V"), _change("´", "«"), _change("ª", "»"), _change("«", "Ç"), _change("\n", " ")]
    assert difference(before, after, repairs) == ""
    assert "'blue'" in difference(before, after.replace("blue ", ""), repairs)  # a lost word is still found


def test_a_whitespace_change_is_not_replayed_everywhere():
    """A trailing space removed is recorded as ' ' -> '': made again everywhere it would
    glue the document's words together and hide how a control character removed from
    inside a word (Ma\\x15rtha) is explained."""
    letter = "Dear Ma\x15rtha,\n\nThe well ran dry in 19\n21, and we left. \n"
    for to in ("markdown", "text"):
        result = api.convert(letter, input_format="text", to=to, safe=True)
        assert "Dear Martha," in result.text
        assert ("\x15", "") in [(c.before, c.after) for c in result.changes]
    repairs = [_change("\x15", ""), _change(" ", "")]
    assert difference("Dear Ma\x15rtha, we left. ", "Dear Martha, we left.", repairs) == ""
    assert "'left'" in difference("Dear Ma\x15rtha, we left. ", "Dear Martha, we.", repairs)


def test_repairs_that_hold_one_another_or_a_control_character_pass():
    """Recorded among layout changes (a heading's '## ', a line joined, a trailing space
    removed): repairs of which one holds another (â€ â€œ, a lost no-break space, and
    â€œ), made in either order; a C1 control read as ™ beside a control character
    removed from inside the same word (U+001C, which Python counts as whitespace)."""
    layout = [_change(" ", ""), _change("II", "## II"), _change("\n", " ")]
    nested = [_change("â€œ", "“"), _change("â€ â€œ", "†“"), _change("â€\x9d", "”"), *layout]
    before = "II\n\nHe said: â€œhelloâ€ â€œagainâ€\x9d and\nleft. \n"
    after = "## II\n\nHe said: “hello†“again” and left.\n"
    assert difference(before, after, nested) == ""
    assert "'left'" in difference(before, after.replace(" left", ""), nested)
    marks = [_change("\x1c", ""), _change("\x99", "™"), *layout]
    before = "II\n\nMade by Acme\x99\x1cworks in\nLeeds. \n"
    after = "## II\n\nMade by Acme™works in Leeds.\n"
    assert difference(before, after, marks) == ""
    assert "'leeds'" in difference(before, after.replace(" Leeds", ""), marks)


def _lose_a_word(monkeypatch):
    """A buggy filter: after the real pipeline, the word 'harbour' vanishes unrecorded."""
    real = pipeline.run

    def buggy(doc, ctx, fmt=None):
        result = real(doc, ctx, fmt)
        for block in doc.blocks:
            for span in block.spans:
                if span.kind == TEXT and "harbour " in span.text:
                    span.text = span.text.replace("harbour ", "", 1)
        return result

    monkeypatch.setattr(pipeline, "run", buggy)


def test_the_api_raises_and_names_the_first_difference(monkeypatch):
    _lose_a_word(monkeypatch)
    with pytest.raises(SafetyError, match=r"story\.txt: internal error: safety check failed: the word 'harbour'"
                       r" of the input is missing from the output \(near line 1\)"):
        api.convert(PROSE, path="story.txt", safe=True)
    assert "harbour" not in api.convert(PROSE, path="story.txt").text  # the check is off in the API by default


def test_the_input_is_read_once_with_the_check_on(monkeypatch):
    """The check compares with the document as read, written before the filters run:
    the input is not parsed a second time (Markdown parsing costs the most)."""
    from tidyink import readers

    reads = []
    real = readers.read
    monkeypatch.setattr(readers, "read", lambda text, fmt: reads.append(fmt) or real(text, fmt))
    text = "# The Harbour\n\nThe harbour was *quiet* -- then the boats came in...\n"
    checked = api.convert(text, path="story.md", to="markdown", front_matter=True, safe=True)
    assert reads == ["markdown"]
    assert checked.text == api.convert(text, path="story.md", to="markdown", front_matter=True).text
    _lose_a_word(monkeypatch)  # and a word lost is still found
    with pytest.raises(SafetyError, match="'harbour'"):
        api.convert(text, path="story.md", to="markdown", front_matter=True, safe=True)


def test_convert_does_not_write_a_file_that_fails_and_exits_3(tmp_path, monkeypatch):
    _lose_a_word(monkeypatch)
    monkeypatch.chdir(tmp_path)
    (tmp_path / "story.txt").write_text(PROSE)
    result = CliRunner().invoke(main, ["convert", "--isolated", "story.txt", "-o", "story.md"])
    assert result.exit_code == 3
    assert "story.txt: internal error: safety check failed: the word 'harbour'" in result.output
    assert not (tmp_path / "story.md").exists()
    skipped = CliRunner().invoke(main, ["convert", "--isolated", "--no-safe", "story.txt", "-o", "story.md"])
    assert skipped.exit_code == 0 and (tmp_path / "story.md").exists()


def test_fix_leaves_a_file_that_fails_untouched_and_exits_3(tmp_path, monkeypatch):
    _lose_a_word(monkeypatch)
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.md").write_text(PROSE)
    (tmp_path / "b.md").write_text('Other words -- "fine".\n')
    result = CliRunner().invoke(main, ["fix", "--isolated", "."])
    assert result.exit_code == 3
    assert "a.md: internal error: safety check failed: the word 'harbour'" in result.output
    assert "left unchanged" in result.output
    assert (tmp_path / "a.md").read_text() == PROSE
    assert (tmp_path / "b.md").read_text() == "Other words—“fine”.\n"  # the others are still fixed


def test_a_folder_conversion_reports_the_file_and_exits_3(tmp_path, monkeypatch):
    _lose_a_word(monkeypatch)
    monkeypatch.chdir(tmp_path)
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "a.txt").write_text(PROSE)
    (tmp_path / "src" / "b.txt").write_text("Other words.\n")
    result = CliRunner().invoke(
        main, ["convert", "--isolated", "src", "-o", "out", "-j", "1", "--report", "r.jsonl"]
    )
    assert result.exit_code == 3, result.output
    records = {json.loads(line)["source"]: json.loads(line) for line in Path("r.jsonl").read_text().splitlines()}
    bad = records["src/a.txt"]
    assert bad["status"] == "failed" and bad["internal"] is True
    assert "safety check failed: the word 'harbour'" in bad["error"] and bad["error"].endswith("not written")
    assert records["src/b.txt"]["status"] == "converted"
    assert not (tmp_path / "out" / "a.md").exists() and (tmp_path / "out" / "b.md").exists()


# The check must never fire on tidyink's own, correct work: any text, any options.
_ALPHABET = st.sampled_from(list("abcXYZ éÃ©â€œ\u00ad\u200b\u00a0'\"-.…*_#>`[]()!?,;:0123\n\t&<"))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.text(_ALPHABET, max_size=200),
    st.sampled_from(["markdown", "text"]),
    st.sampled_from(["text", "markdown", "html"]),
)
def test_no_false_alarm_on_random_text(text, to, fmt):
    api.convert(text, to=to, input_format=fmt, safe=True)


def test_a_join_is_explained_by_the_words_first_lost():
    """A repair replayed everywhere (Ñ → —) also reaches a token the filter judged
    otherwise and left, where a control character removed joined two words: the join
    is still the words the input lost, side by side, not a word from nowhere."""
    changes = [_change("Ñ", "—"), _change("Ñ", "—"), _change("\x03", ""), _change("&amp;", "&")]
    before = "the seaÑside and the riverÑbank, the oldÑmill\x03works, salt&amp;pepper.\n"
    after = "the sea—side and the river—bank, the oldÑmillworks, salt&pepper.\n"
    assert difference(before, after, changes) == ""
    assert "'oldñmillworkz'" in difference(before, after.replace("works", "workz"), changes)



# A chapter list read in the wrong code page (cp850 for Latin-1): its words are split
# where a letter became a box-drawing symbol (R╔CONCILIENT), and the lone heading ``I``.
CP850_CONTENTS = """*** START OF THIS PROJECT GUTENBERG EBOOK UNE PROMENADE AU MOULIN ***
XII O┘ IL EST PROUV╔ QUE LE VOYAGEUR N'A RIEN GAGN╔ └ PARTIR
I

O┘ LE VOYAGEUR ET SON VALET SE R╔CONCILIENT L'UN
rue des Moulins--maison o┘ mourut le meunier en 1801--,
"""


def test_a_repair_inside_a_word_passes_beside_a_heading_that_marks_up_a_letter():
    """The heading ``I`` -> ``## I`` keeps its word: made again inside other words while
    the check replays the changes (``PHILEAS`` -> ``PH## ILEAS``), it left the ``R`` of
    ``R╔CONCILIENT`` unexplained once the repair had joined it to the rest."""
    result = api.convert(CP850_CONTENTS.encode(), path="contents.txt", to="markdown", safe=True)
    assert "SE RÉCONCILIENT" in result.text and "## I\n" in result.text
    before = "I\n\nLE R╔CIT DE PHILEAS\n\nII\n\nIL VIT UN R╔VE.\n"
    after = "## I\n\nLE RÉCIT DE PHILEAS\n\n## II\n\nIL VIT UN RÊVE.\n"
    changes = [_change("I", "## I"), _change("╔", "É"), _change("II", "## II"), _change("╔", "Ê")]
    assert difference(before, after, changes) == ""
    assert "'un'" in difference(before, after.replace("UN ", ""), changes)  # a lost word is still found
    # a repair that keeps its folded word (├ç -> Ç) is no markup: it is still made again
    utf8_as_cp437 = (
        "*** START OF THIS PROJECT GUTENBERG EBOOK UNE PROMENADE ***\n"
        "XII O├Ö L'ON VOIT UN L├ëGER APER├çU DU MOULIN\n"
    )
    result = api.convert(utf8_as_cp437.encode(), path="contents.txt", to="markdown", safe=True)
    assert "LÉGER APERÇU" in result.text
