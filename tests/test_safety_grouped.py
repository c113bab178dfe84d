"""The safety check counts the words of changes that share their texts once, with how
many there were: it explains exactly what counting each change alone explains."""

from __future__ import annotations

from collections import Counter

from hypothesis import given
from hypothesis import strategies as st

from tidyink.records import Change
from tidyink.safety import _explain_by_changes, difference
from tidyink.safety_words import count_words

_WORDS = st.sampled_from(["cat", "ca", "t", "sat", "mat", "cafe", "café", "ex", "ample", "example", "—", "’", "--"])
_TEXTS = st.lists(_WORDS, max_size=3).map(" ".join)
_CHANGES = st.lists(st.tuples(_TEXTS, _TEXTS), max_size=12)
_COUNTS = st.lists(_WORDS, max_size=10).map(lambda ws: Counter(count_words(" ".join(ws))))


def _one_by_one(pairs: list[tuple[str, str]]) -> list[tuple[Counter[str], Counter[str], int]]:
    counted = [(count_words(old), count_words(new), 1) for old, new in pairs]
    return [entry for entry in counted if entry[0] or entry[1]]


def _grouped(pairs: list[tuple[str, str]]) -> list[tuple[Counter[str], Counter[str], int]]:
    counted = [(count_words(old), count_words(new), times) for (old, new), times in Counter(pairs).items()]
    return [entry for entry in counted if entry[0] or entry[1]]


@given(_CHANGES, _COUNTS, _COUNTS)
def test_grouped_changes_explain_what_each_change_alone_explains(pairs, lost, added) -> None:
    alone = _explain_by_changes(lost.copy(), added.copy(), _one_by_one(pairs))
    grouped = _explain_by_changes(lost.copy(), added.copy(), _grouped(pairs))
    assert grouped == alone
    assert [list(side) for side in grouped] == [list(side) for side in alone]


def test_changes_that_share_their_texts_explain_their_words_and_no_other() -> None:
    block = "The cat of the printed notice sat on the mat by the door of the old shop, all day long.\n\n"
    changes = [Change("boilerplate", 1, 1, block, "")] * 3  # (long: counted, not replayed)
    kept = "Words.\n\n"
    assert difference(block * 3 + kept, kept, changes) == ""
    assert (
        difference(block * 3 + "Zebra " + kept, kept, changes)
        == "the word 'zebra' of the input is missing from the output"
    )
    assert (
        difference(block * 3 + kept, kept + "Zebra", changes)
        == "the output has the word 'zebra', which the input does not"
    )
