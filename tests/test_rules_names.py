"""Name consistency: rare spellings of frequent names, learned from a document or folder."""

from __future__ import annotations

from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

import tidyink
from tidyink import names
from tidyink.rules.name_consistency import NameConsistency
from tidyink.wordindex import WordIndex

STORY = (
    "Torvalen walked in. Torvalen sat down. Later Torvalen laughed, and Torvalen's dog barked.\n\n"
    "\u201cTorvalen-sama,\u201d Ilse said. Ilse smiled. Then Torvlaen left.\n"
)

# a frequent invented name, its slips, its possessive and another name
_FORMS = ("Torvalen", "Torvlaen", "Torvalenn", "Torvalen's", "Ilse", "Ilsa", "Marabel", "Marabell")


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


def test_a_name_made_frequent_by_the_file_and_the_folder_together() -> None:
    chapter = "Torvalen came. Torvalen sat. Then Torvlaen left."
    assert tidyink.check(chapter, select=["N101"]) == []  # two uses: not yet frequent
    # the folder's counts hold this file's own too (two of the four uses, and the slip)
    folder = Counter({"Torvalen": 4, "Torvlaen": 1})
    (f,) = tidyink.check(chapter, select=["N101"], state={names.STATE_KEY: folder})
    assert f.suggestions == ("Torvalen",) and "used 4 times" in f.message


def test_the_folder_index_follows_the_folder_counter() -> None:
    """Built once per folder, but never stale: another counter, or the same one changed."""
    chapter = "Then Torvlaen left the room and closed the door."
    folder = Counter({"Torvalen": 40})
    state = {names.STATE_KEY: folder}
    assert len(tidyink.check(chapter, select=["N101"], state=state)) == 1
    folder["Torvalen"] = 1  # changed in place
    assert tidyink.check(chapter, select=["N101"], state=state) == []
    other = Counter({"Torvalen": 1, "Ilse": 40})
    assert tidyink.check(chapter, select=["N101"], state={names.STATE_KEY: other}) == []
    other["Torvalen"] = 40
    assert len(tidyink.check(chapter, select=["N101"], state={names.STATE_KEY: other})) == 1
    other["Torvalen"], other["Ilse"] = 1, 40  # changed, with as many names and uses as before
    assert tidyink.check(chapter, select=["N101"], state={names.STATE_KEY: other}) == []


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.sampled_from(_FORMS), min_size=1, max_size=12),
    st.lists(st.tuples(st.sampled_from(_FORMS), st.integers(1, 9)), max_size=6),
)
def test_a_shared_folder_gives_what_a_fresh_one_gives(words: list[str], folder_items) -> None:
    """Every file of a batch checked against one shared counter finds what it finds
    against a counter of its own (nothing of one file's check leaks into the next)."""
    folder = Counter(dict(folder_items))
    shared = {names.STATE_KEY: folder}
    for text in (" ".join(words) + ".", " and ".join(reversed(words)) + "."):
        fresh = tidyink.check(text, select=["N101"], state={names.STATE_KEY: Counter(folder)})
        assert tidyink.check(text, select=["N101"], state=shared) == fresh


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
