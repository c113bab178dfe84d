"""Name consistency: rare spellings of frequent names, learned from a document or folder."""

from __future__ import annotations

from collections import Counter

import tidyink
from tidyink import names
from tidyink.rules.name_consistency import NameConsistency
from tidyink.wordindex import WordIndex

STORY = (
    "Torvalen walked in. Torvalen sat down. Later Torvalen laughed, and Torvalen's dog barked.\n\n"
    "\u201cTorvalen-sama,\u201d Ilse said. Ilse smiled. Then Torvlaen left.\n"
)


def test_rare_form_of_a_frequent_name_is_flagged_with_the_name() -> None:
    (f,) = tidyink.check(STORY, select=["N101"])
    assert f.code == "N101" and f.suggestions == ("Torvalen",)
    assert "used 5 times" in f.message
    line = STORY.split("\n")[f.line - 1]
    assert line[f.column - 1 : f.end_column - 1] == "Torvlaen"


def test_consistent_invented_names_are_never_flagged() -> None:
    text = "Kethra and Kethro met. " * 6 + "Zindrel came once. Quorl came twice, Quorl said."
    assert tidyink.check(text, select=["N101", "S101"]) == []


def test_real_names_and_plurals_are_not_misspellings() -> None:
    text = (
        "Mary came. " * 6
        + "Marty came once. The Smith family: Smith, Smith, Smith, Smith, Smith. The Smiths."
    )
    assert tidyink.check(text, select=["N101"]) == []


def test_names_learned_from_other_files_of_a_folder() -> None:
    chapter = "Then Torvlaen left the room and closed the door."
    assert tidyink.check(chapter, select=["N101"]) == []
    folder = Counter({"Torvalen": 40, "Ilse": 12})
    (f,) = tidyink.check(chapter, select=["N101"], state={names.STATE_KEY: folder})
    assert f.suggestions == ("Torvalen",) and "used 40 times" in f.message


def test_project_words_silence_a_name() -> None:
    assert tidyink.check(STORY, select=["N101"], words=["Torvlaen"]) == []


def test_examples_are_documented() -> None:
    assert NameConsistency.examples["wrong"] and NameConsistency.examples["right"]


def test_a_text_with_no_frequent_name_and_no_possible_slip_asks_no_word_list(monkeypatch) -> None:
    from types import SimpleNamespace

    from tidyink import lexicon
    from tidyink.rules import name_consistency

    asked: list[str] = []

    def reaches(*args: object) -> bool:
        asked.append("reaches")
        return lexicon.reaches(*args)  # type: ignore[arg-type]

    def frequencies(lang: str) -> WordIndex:
        asked.append("frequencies")
        return lexicon.frequencies(lang)

    stub = SimpleNamespace(language_codes=lexicon.language_codes, reaches=reaches, frequencies=frequencies)
    monkeypatch.setattr(name_consistency, "lexicon", stub)
    name_consistency._nearest_common.cache_clear()
    short = "She came in. He sat down. Tom, Ann and Ned ran; then they rested."
    assert tidyink.check(short, select=["N101"]) == [] and asked == []
    # a long capitalised form could be a slip ("Yesterdy"): it is looked up
    assert not name_consistency._may_be_slip("Tom", Counter()) and name_consistency._may_be_slip("Yesterdy", Counter())
    (f,) = tidyink.check("Yesterdy we sailed for home.", select=["N101"])
    assert f.suggestions == ("Yesterday",) and asked
