"""Curly quote marks already in a text: the role each one's shape tells (with its
neighbours), and the quotations a block of them leaves open for the next one."""

from __future__ import annotations

import re

from tidyink.filters._quote_marks import (
    APOS,
    CLOSE_D,
    CLOSE_S,
    DPRIME,
    ENDERS,
    OPEN_D,
    OPEN_S,
    PRIME,
    TRANSPARENT,
    QuoteState,
    is_wordy,
    left_of,
    right_of,
)

_OPENS_OR_CLOSES = frozenset({OPEN_D, CLOSE_D, OPEN_S, CLOSE_S})  # roles that open or close a quotation

# Curly marks already in the text: their role is evidence, not a guess.
_CURLY_ROLE = {
    "“": OPEN_D,
    "”": CLOSE_D,
    "„": OPEN_D,
    "«": OPEN_D,
    "»": CLOSE_D,
    "‘": OPEN_S,
    "‚": OPEN_S,
    "‹": OPEN_S,
    "›": CLOSE_S,
    "′": PRIME,
    "″": DPRIME,
}
_QUOTE_RE = re.compile("[\"'“”‘’„‚«»‹›′″]")  # (the stdlib engine scans a plain class faster)


def _curly_role(text: str, i: int, left: str, right: str, double_open: bool, single_open: bool) -> str | None:
    """The role of the mark at ``i`` as its curly shape tells it (None for a straight
    mark), given its neighbours and the quotations open before it."""
    ch = text[i]
    if ch in "«»‹›":  # German »so« and French «so»: the side tells
        if right and is_wordy(right) and not (left and is_wordy(left)):
            return OPEN_D if ch in "«»" else OPEN_S
        if left and (is_wordy(left) or left in ENDERS) and not (right and is_wordy(right)):
            return CLOSE_D if ch in "«»" else CLOSE_S
    elif ch == "’":
        return _curly_apostrophe(text, i, left, right, single_open)
    elif ch == "“" and double_open and not (right and is_wordy(right)):
        return CLOSE_D  # “ closing a „ quotation (German style)
    elif ch == "‘" and single_open and not (right and is_wordy(right)):
        return CLOSE_S
    return _CURLY_ROLE.get(ch)


def _track(role: str, double_open: bool, single_open: bool, outer_single: bool) -> tuple[bool, bool, bool]:
    """The quotations open (double, single, and the single one a double one interrupts)
    after a mark of ``role`` ('It's marked "poison" or not': the single is still open after)."""
    if role == OPEN_D:
        return True, False, single_open
    if role == CLOSE_D:
        return False, outer_single, False
    return double_open, role == OPEN_S, outer_single  # (OPEN_S or CLOSE_S)


def carry_curly(text: str, state: QuoteState) -> None:
    """What :func:`classify` leaves in ``state`` for a ``text`` with no straight mark
    (no ``'`` nor ``"``) but apostrophes between two word characters, which it takes at
    once and which open or close nothing: curly marks take their roles from their own
    shape and their neighbours only, so the quotations open at the end follow from one
    walk over them (no prime, elision or pairing test can apply: each needs a straight mark).

    Without a mark that may open a single quotation (‘ ‚ ‹ and the guillemets, read
    either way) none opens, so no single mark closes one and the double marks alone
    tell: the last of them, when it is ” (closed) or „ (open); a last “ is walked to."""
    if not (
        "‘" in text or "‚" in text or "‹" in text or "›" in text or "«" in text or "»" in text
    ):  # fmt: skip
        last = max(text.rfind("”"), text.rfind("„"), text.rfind("“"))
        if last < 0 or text[last] != "“":
            state.double_open = last >= 0 and text[last] == "„"
            state.single_open = False
            return
    carry_walk(text, state)


def carry_walk(text: str, state: QuoteState) -> None:
    """:func:`carry_curly` by one walk over every mark (the general way)."""
    double_open = single_open = outer_single = False
    size = len(text)
    for m in _QUOTE_RE.finditer(text):
        i = m.start()
        ch = text[i]
        if ch in "«»‹›" or ch == "’" or (ch == "“" and double_open) or (ch == "‘" and single_open):
            left = text[i - 1] if i and text[i - 1] not in TRANSPARENT else left_of(text, i)
            right = text[i + 1] if i + 1 < size and text[i + 1] not in TRANSPARENT else right_of(text, i)
            role = _curly_role(text, i, left, right, double_open, single_open)
        else:  # (its shape alone tells)
            role = _CURLY_ROLE.get(ch)
        if role in _OPENS_OR_CLOSES:
            double_open, single_open, outer_single = _track(role, double_open, single_open, outer_single)
    state.double_open = double_open
    state.single_open = single_open


def _curly_apostrophe(text: str, i: int, left: str, right: str, single_open: bool) -> str:
    if left and is_wordy(left):
        if right and is_wordy(right):
            return APOS
        return CLOSE_S if single_open else APOS
    if right and is_wordy(right):
        return APOS  # ’tis, ’90s: a curly mark before a word is an elision
    return CLOSE_S
