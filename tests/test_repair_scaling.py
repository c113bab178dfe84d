"""The repair filters cost time linear in their input, however pathological its shape.

Each shape is run at two sizes, four times apart; linear work takes about four
times as long, quadratic work sixteen times. The bound is loose (ten) so a busy
machine does not fail it, and the best of three runs is taken on each side.
No absolute time is asserted.
"""

from __future__ import annotations

import time

import pytest

import tidyink
from tidyink.filters.invisibles import NbspView

REPAIR = ["mojibake", "codepage", "invisibles", "entities"]
BASE = 6_000  # characters in the smaller input


def _cost(text: str) -> float:
    best = float("inf")
    for _ in range(3):
        start = time.process_time()
        tidyink.convert(text, to="text", input_format="text", only=REPAIR)
        best = min(best, time.process_time() - start)
    return max(best, 1e-4)


SHAPES = {
    # a very long word, then a quote mark and one no-break space (the search for
    # the word before it once went back over the whole word from every start)
    "long word before a no-break space": lambda n: "a" * n + '" x\u00a0y',
    "many no-break spaces": lambda n: "un\u00a0mot " * (n // 7),
    "a long run of no-break spaces": lambda n: "a" + "\u00a0" * n + "b",
    "no-break spaces among zero-width characters": lambda n: "de\u200b\u00a0la " * (n // 7),
    "no-break spaces among C1 controls": lambda n: "l\x92\u00a0homme " * (n // 10),
    "one long line of accented words": lambda n: "café naïve à " * (n // 13),
    "a long token of mojibake": lambda n: "Ã©" * (n // 2),
    "a long token of code-page suspects": lambda n: "‡Ž" * (n // 2),
    "double-escaped references": lambda n: '"' + "&amp;" * (n // 5),
}


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_cost_grows_linearly(shape):
    make = SHAPES[shape]
    tidyink.convert(make(200), to="text", input_format="text", only=REPAIR)  # load word lists
    small, large = _cost(make(BASE)), _cost(make(4 * BASE))
    assert large / small < 10, f"{shape}: x4 input cost x{large / small:.1f}"


def test_nbsp_view_judges_each_space_without_rescanning():
    """The view answers for every no-break space of a long paragraph the way
    ``nbsp_meant`` answers for one, and reads words only near the space."""
    text = "à\u00a0la fin, " + "x" * 5_000 + "\u00a0word, Mr.\u00a0Smith and ordinary\u00a0words."
    view = NbspView(text)
    got = [view.meant(i) for i, ch in enumerate(text) if ch == "\u00a0"]
    assert got == [True, False, True, False]
