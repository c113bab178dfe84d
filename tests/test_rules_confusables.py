"""Confusable words: flagged in context, both ways, and quiet on look-alike correct text."""

from __future__ import annotations

import pytest

import tidyink


def flagged(text: str, code: str) -> list[tuple[str, tuple[str, ...]]]:
    """(flagged text, suggestions) for each finding of ``code``."""
    out = []
    for f in tidyink.check(text, select=[code]):
        assert f.line == f.end_line
        line = text.split("\n")[f.line - 1]
        out.append((line[f.column - 1 : f.end_column - 1], f.suggestions))
    return out


WRONG = [
    ("C101", "It was better to wait then be caught.", "then", "than"),
    ("C101", "She would rather swim then run.", "then", "than"),
    ("C101", "The box is heavier\nthen it looks.", "then", "than"),
    ("C101", "Nothing is worse then waiting, no sooner then later.", "then", "than"),
    ("C101", "He locked the door, and than he sat down.", "than", "then"),
    ("C101", "Than the rain began.", "Than", "Then"),
    ("C102", "The tree dropped all of it's leaves.", "it's", "its"),
    ("C102", "Its been a long day.", "Its", "It's"),
    ("C102", "I hope its not too late.", "its", "it's"),
    ("C103", "Your a good friend.", "Your", "You're"),
    ("C103", "Give me you're hand, it is in you're bag.", "you're", "your"),
    ("C104", "They're house is big.", "They're", "Their"),
    ("C104", "Their was a knock at the door.", "Their", "There"),
    ("C105", "Who's turn is it?", "Who's", "Whose"),
    ("C105", "Nobody knew whose going first.", "whose", "who's"),
    ("C106", "You will loose the race.", "loose", "lose"),
    ("C106", "She kept loosing her way.", "loosing", "losing"),
    ("C106", "His tooth came lose.", "lose", "loose"),
    ("C107", "It is far to late for that.", "to", "too"),
    ("C107", "We need too get going.", "too", "to"),
    ("C108", "What was the affect on the crops?", "affect", "effect"),
    ("C108", "The cold effects me badly.", "effects", "affects"),
    ("C109", "He might of known.", "of", "have"),
    ("C109", "They shouldn't of left.", "of", "have"),
    ("C110", "Thanks alot.", "alot", "a lot"),
]

RIGHT = [
    ("C101", "First we ate, then we slept."),
    ("C101", "It was hotter then, in the old days."),
    ("C101", "They looked at each other then laughed."),
    ("C101", "He said more then than he meant to."),
    ("C101", "Two hours later then he came back."),
    ("C101", "Mrs. Hale was older than her sister."),
    ("C101", "No sooner had Mr. Grey sat down than the bell rang."),
    ("C101", "She was wiser, then, than anyone knew."),
    ("C101", "Then turn the page and read on."),
    ("C101", "By then the rain was heavier."),
    ("C101", "She was then no longer young and happier for it."),
    ("C102", "It's Santa Claus!"),
    ("C102", "I reckon it's time we went."),
    ("C102", "Its only exit was blocked."),
    ("C102", "The bird and its very own nest."),
    ("C102", "Because of its not being locked, the door swung open."),
    ("C102", "It's a fine day, and it's the best of it."),
    ("C103", "You two should come along."),
    ("C103", "Give it your all."),
    ("C103", "Your so-called friend left."),
    ("C103", "You're right, your right foot is wet."),
    ("C103", "Your not knowing was the problem."),
    ("C104", "Put it there, next to their car."),
    ("C104", "They're not home; their dog is."),
    ("C104", "Get out of there, you two!"),
    ("C104", "We heard of their not coming back."),
    ("C105", "Whose is this?"),
    ("C105", "Who's ready?"),
    ("C105", "She asked whose that was."),
    ("C105", "The man who's here is my uncle."),
    ("C106", "The horse broke loose."),
    ("C106", "Hang loose and lose no sleep."),
    ("C106", "They let loose the dogs."),
    ("C107", "He was to blame for it."),
    ("C107", "She spoke to many of them."),
    ("C107", "Me too, and him too."),
    ("C107", "They went to the shops too."),
    ("C107", "He was to leave at once."),
    ("C108", "It had a strong effect on him."),
    ("C108", "They tried to effect a change."),
    ("C108", "The doctor noted her flat affect."),
    ("C109", "He would, of course, agree."),
    ("C109", "She might of course say no."),
    ("C109", "He ate all he could of the pie."),
    ("C110", "They allot an hour a day."),
]


@pytest.mark.parametrize(("code", "text", "bad", "good"), WRONG)
def test_flagged(code: str, text: str, bad: str, good: str) -> None:
    found = flagged(text, code)
    assert found, text
    assert found[0] == (bad, (good,))


@pytest.mark.parametrize(("code", "text"), RIGHT)
def test_not_flagged(code: str, text: str) -> None:
    assert flagged(text, code) == []


@pytest.mark.parametrize(("code", "text", "bad", "good"), WRONG)
def test_curly_apostrophes_flag_alike(code: str, text: str, bad: str, good: str) -> None:
    curly = text.replace("'", "\u2019")
    found = flagged(curly, code)
    assert [
        (b.replace("\u2019", "'"), tuple(s.replace("\u2019", "'") for s in g)) for b, g in found
    ][:1] == [(bad, (good,))]
    if "\u2019" in curly:  # suggestions follow the document's own apostrophes
        assert all("'" not in s for _, g in found for s in g)


def test_both_directions_of_then_than_in_one_text() -> None:
    text = "It was easier then it looked. We packed, and than we drove home."
    assert [b for b, _ in flagged(text, "C101")] == ["then", "than"]


def test_repeated_words() -> None:
    assert flagged("Put it on the the table.", "R101") == [("the the", ("the",))]
    assert flagged("She had had a long day; he said that that was fine.", "R101") == []
    assert flagged("Walla Walla is a town.", "R101") == []
    assert flagged("It was *the* the best.", "R101") == []  # emphasis makes it deliberate


def test_other_languages_are_left_alone() -> None:
    french = "Vous vous êtes trompé, et le chat est dans la maison avec les enfants."
    assert tidyink.check(french, select=["R", "C"]) == []
