"""Spelling: dictionary, the document's own words, the project's words, suggestions."""

from __future__ import annotations

import pytest

import tidyink
from tidyink.errors import InputError


def words(text: str, **options: object) -> dict[str, tuple[str, ...]]:
    return {
        text.split("\n")[f.line - 1][f.column - 1 : f.end_column - 1]: f.suggestions
        for f in tidyink.check(text, select=["S101"], **options)
    }


def test_unknown_word_with_ranked_suggestions() -> None:
    found = words("He ate noodles, waving his chipsticks about.")
    assert list(found) == ["chipsticks"]
    assert found["chipsticks"][0] == "chopsticks"


def test_common_misspellings_known_to_word_frequency_lists_are_still_flagged() -> None:
    found = words("They recieve letters and it is wierd, untill now.")
    assert found["recieve"][0] == "receive"
    assert found["wierd"][0] == "weird"
    assert found["untill"][0] == "until"


@pytest.mark.parametrize(
    "text",
    [
        "\"Nothin' doin',\" he said. \"I warn't there an' I ain't goin'.\"",
        "\u201cNothin\u2019 doin\u2019,\u201d she said, \u201cwe was eatin\u2019 \u2019em.\u201d",
        "The colour of the harbour was grey; they realised it at the theatre.",
        "She smiled owlishly, unhurriedly, with an incredulousness he liked.",
        "A dustcoat, a beggarman and a rosetree.",
        "The Vrenthi envoy bowed to Lord Okkaram.",
        "They call it a glimmerstone. Every glimmerstone shines.",
        "He said 'Omne _ignotum_ pro magnifico' and left.",
        "Write to someone@examplemail.org or visit www.zzqexample.com today.",
        "She stopped at dinn\u2014 and blushed.",
        "Half past ten, they hurried, scurried and worried.",
    ],
)
def test_not_misspellings(text: str) -> None:
    assert words(text) == {}


def test_project_words_from_options_and_from_a_file(tmp_path) -> None:
    text = "The zorbling machine hummed; a flibbet fell out."
    assert set(words(text)) == {"zorbling", "flibbet"}
    assert set(words(text, words=["zorbling"])) == {"flibbet"}
    listing = tmp_path / "words.txt"
    listing.write_text("# project words\nflibbet\n\nZorbling\n", encoding="utf-8")
    assert words(text, words_file=str(listing)) == {}


def test_missing_words_file_is_an_input_error(tmp_path) -> None:
    with pytest.raises(InputError, match="words file"):
        tidyink.check("text", words_file=str(tmp_path / "absent.txt"))


def test_positions_are_in_the_input_after_mojibake_repair() -> None:
    text = "CafÃ© owners said: Ã©tÃ© was nice.\nThe chipsticks were lost."
    findings = tidyink.check(text.encode("utf-8"), select=["S101"], only=["repair"])
    assert [(f.line, f.column, f.end_column) for f in findings] == [(2, 5, 15)]


def test_markdown_positions_and_protected_code() -> None:
    text = "# Title\n\nSome `chipsticks` in code, and *real* chipsticks in prose.\n"
    findings = tidyink.check(text, path="doc.md", select=["S101"])
    assert [(f.line, f.column) for f in findings] == [(3, 39)]


def test_hard_wrapped_text_positions() -> None:
    text = "A line of prose that wraps here and\nthen the recieve goes on.\n"
    (finding,) = tidyink.check(text, select=["S101"])
    assert (finding.line, finding.column, finding.end_column) == (2, 10, 17)


def test_a_string_longer_than_any_word_is_not_judged():
    """Encoded data or a keyboard run is no misspelling (and judging it was super-linear)."""
    text = "She typed " + "abq" * 20 + " and said she did not recieve the letter from her sister.\n"
    words = [f.message.split("'")[1] for f in tidyink.check(text, select=["S101"])]
    assert words == ["recieve"]
