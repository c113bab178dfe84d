"""Decide what each quote mark in a block of prose is: opening, closing, apostrophe, prime.

The decision reads each mark's neighbours (emphasis toggles are transparent,
protected inline objects count as words), what the marks before it turned
out to be, and curly marks already in the text (kept, and used as evidence).
A straight mark before a word is an elision when word lists or the lexicon
say so (``_quote_words``: 'tis, 'em, '90s, 'ead); otherwise pairing decides
(``_quote_pairing``): it opens a quotation only if a closing partner can
follow where one must (before the quotation around it closes, in its
sentence, or in the next block).
"""

from __future__ import annotations

from tidyink.document import MARK
from tidyink.filters._quote_curly import (
    _OPENS_OR_CLOSES,
    _QUOTE_RE,
    _curly_role,
    _track,
    carry_curly,
)
from tidyink.filters._quote_marks import (
    APOS,
    CLOSE_D,
    CLOSE_S,
    DASHES,
    DPRIME,
    ENDERS,
    OPEN_D,
    OPEN_S,
    OPENERS,
    PRIME,
    QUOTE_CHARS,
    SPACES,
    STRAIGHT,
    TRANSPARENT,
    QuoteState,
    is_wordy,
    left_of,
    right_of,
    word_after,
)
from tidyink.filters._quote_pairing import (
    after_modal,
    clipped_end,
    opens_quotation,
    resolve_weak_elisions,
    resolve_word_ends,
    resumes,
)
from tidyink.filters._quote_words import (
    elisions,
    is_elision,
    is_rock_n_roll,
)
from tidyink.lazy_regex import compiled, lazy

__all__ = [
    "APOS",
    "CLOSE_D",
    "CLOSE_S",
    "DPRIME",
    "OPEN_D",
    "OPEN_S",
    "PRIME",
    "STRAIGHT",
    "QuoteState",
    "carry_curly",
    "classify",
    "elisions",
]

_PRIME_SINGLE = compiled(r"(?<=\d)'(?=\s?\d{1,2}(?:\.\d+)?[\"″])|(?<=\d°\s?\d{1,2})'")
_PRIME_DOUBLE = compiled(r"(?<=\d['′]\s?\d{1,2}(?:\.\d+)?)\"|(?<=\d°\s?\d{1,2}['′]\s?\d{1,2}(?:\.\d+)?)\"")
_DIGIT_DOUBLE = compiled(r'(?<=\d)"')
_DIGIT = lazy(r"\d")


def classify(text: str, state: QuoteState) -> dict[int, str]:
    """Role of every quote mark in ``text`` (offset → role)."""
    positions = [m.start() for m in _QUOTE_RE.finditer(text)]
    if not positions:
        state.double_open = state.single_open = False
        return {}
    roles: dict[int, str] = {}
    if _after_digit(text, positions):
        for m in _PRIME_SINGLE.finditer(text):
            roles[m.start()] = PRIME
        for m in _PRIME_DOUBLE.finditer(text):
            roles[m.start()] = DPRIME

    # A block that starts without a quote mark ends any quotation left open.
    # One that starts with marks while a quotation is open continues it: the
    # marks re-open what the previous paragraph left open ("' after "' ...).
    first = text.lstrip(" \t_*" + MARK)
    if not first or first[0] not in QUOTE_CHARS:
        state.double_open = state.single_open = False
    reopen = _reopened_single(text, state)
    if reopen is not None:
        roles[reopen] = OPEN_S
    double_open = False
    single_open = False
    outer_single = False  # a single quotation open around the double one
    candidates: list[int] = []  # word-end single marks, resolved below

    size = len(text)
    for i in positions:
        if i in roles:
            continue
        ch = text[i]
        # the neighbours, looking through emphasis toggles only when one is there
        left = text[i - 1] if i and text[i - 1] not in TRANSPARENT else left_of(text, i)
        right = text[i + 1] if i + 1 < size and text[i + 1] not in TRANSPARENT else right_of(text, i)
        if ch == "'" and left and right and is_wordy(left) and is_wordy(right):
            roles[i] = APOS  # don't, James's, o'clock: what ``_single`` says first, at once
            continue
        # (a straight mark's shape tells nothing: _curly_role would say None)
        role = None if ch == '"' or ch == "'" else _curly_role(text, i, left, right, double_open, single_open)
        if role is None and left.isdigit() and (not right or not is_wordy(right)):
            if ch == '"' and not double_open and not _closes_later(text, i, roles):
                role = DPRIME  # a 12" ruler
            elif ch == '"' and double_open and _later_doubles(text, i) % 2:
                role = DPRIME  # "A 12" ruler," he said: the quotation closes later
            elif ch == "'" and not single_open and not _closes_later(text, i, roles, "'"):
                role = PRIME  # 6' tall
        if role is None:
            if ch == '"':
                role = _double(text, i, left, right, roles, double_open)
            else:
                role = _single(text, i, left, right, roles, (single_open, double_open), state)
        if role == "?":  # a word-end single mark: closing quote or apostrophe
            if single_open and right in SPACES and _clipped_before(text, i, roles, state):
                role = APOS  # nothin', an': the dropped end, not the partner
            else:
                candidates.append(i)
                role = CLOSE_S if single_open else APOS
        roles[i] = role
        if role in _OPENS_OR_CLOSES:
            double_open, single_open, outer_single = _track(role, double_open, single_open, outer_single)

    resolve_word_ends(text, roles, candidates)
    resolve_weak_elisions(text, roles, reopen, state)
    state.double_open = double_open
    state.single_open = single_open
    return roles


def _after_digit(text: str, positions: list[int]) -> bool:
    """Whether a mark at one of ``positions`` follows a digit (``\\d``), as every prime
    that :data:`_PRIME_SINGLE` and :data:`_PRIME_DOUBLE` find does."""
    return any(is_digit(text[i - 1]) for i in positions if i)


def is_digit(ch: str) -> bool:
    """Whether the character ``ch`` is one the patterns' ``\\d`` matches (the ``regex``
    module may know digits newer than ``str.isdigit``'s tables do)."""
    return ch.isdigit() if ch.isascii() else _DIGIT.match(ch) is not None


_WORD_END = compiled(r"[\p{L}\p{M}]+(?:['’][\p{L}\p{M}]+)*$")  # (don't: not t')


def _clipped_before(text: str, i: int, roles: dict[int, str], state: QuoteState) -> bool:
    """Whether the mark at ``i`` ends a clipped word (nothin', an'; 'a' after I'd)."""
    while i > 0 and text[i - 1] in TRANSPARENT:
        i -= 1
    m = _WORD_END.search(text, max(0, i - 40), i)
    if not m:
        return False
    k = m.start() - 1
    while k >= 0 and text[k] in TRANSPARENT:
        k -= 1
    alone = k >= 0 and roles.get(k) == OPEN_S  # all there is since the opening mark
    return clipped_end(m.group(), state, alone, alone and after_modal(text, k))


def _reopened_single(text: str, state: QuoteState) -> int | None:
    """The single mark re-opening a nested quotation carried over from the last block.

    A paragraph left ``"He said, 'Go`` open; the next starts ``"'Course...``:
    its single mark re-opens the nested quotation instead of being an elision
    (unless the word is a listed strong elision, like 'tis). So does a
    paragraph starting ``'As`` after one that left a single quotation open.
    """
    if not state.single_open:
        return None
    k = 0
    while k < len(text) and (text[k] in TRANSPARENT or text[k] in " \t"):
        k += 1
    if state.double_open:
        if not text.startswith(('"', "“"), k):
            return None
        k += 1
    while k < len(text) and text[k] in TRANSPARENT:
        k += 1
    if k >= len(text) or text[k] != "'":
        return None
    word = word_after(text, k).casefold()
    if not word or word in elisions()[0]:
        return None
    return k


def _closes_later(text: str, i: int, roles: dict[int, str], mark: str = '"') -> bool:
    """Whether a straight ``mark`` that could close a quotation follows ``i``.

    Not a prime, nor a mark after a digit (3" and 5" are both inches), after a
    space (it opens) or inside a word (the pole's 10' long).
    """
    j = text.find(mark, i + 1)
    while j >= 0:
        before, after = text[j - 1], text[j + 1 : j + 2]
        if (
            j not in roles
            and not before.isdigit()
            and not before.isspace()
            and not (is_wordy(before) and after and is_wordy(after))
        ):
            return True
        j = text.find(mark, j + 1)
    return False


def _later_doubles(text: str, i: int) -> int:
    """How many straight double marks after ``i`` are not after a digit."""
    return text.count('"', i + 1) - len(_DIGIT_DOUBLE.findall(text, i + 1))


def _closing_context(left: str, roles: dict[int, str], text: str, i: int) -> bool:
    """Whether the character before ``i`` ends something (a word, a phrase, a quote)."""
    j = i - 1
    while j >= 0 and text[j] in TRANSPARENT:
        j -= 1
    if j >= 0 and text[j] in QUOTE_CHARS:
        return roles.get(j) in (CLOSE_D, CLOSE_S, APOS, PRIME, DPRIME)
    return bool(left) and (is_wordy(left) or left in ENDERS or left in "%°*†‡")


def _opening_context(left: str, roles: dict[int, str], text: str, i: int) -> bool:
    j = i - 1
    while j >= 0 and text[j] in TRANSPARENT:
        j -= 1
    if j >= 0 and text[j] in QUOTE_CHARS:
        return roles.get(j) in (OPEN_D, OPEN_S)
    return not left or left in SPACES or left in OPENERS


def _double(text: str, i: int, left: str, right: str, roles: dict[int, str], is_open: bool) -> str:
    right_space = not right or right in SPACES
    if _opening_context(left, roles, text, i):
        if right_space or (is_open and right in ",.;:!?"):
            return CLOSE_D if is_open else OPEN_D  # ("Yes ", he said: a stray space)
        return OPEN_D
    if left in DASHES:
        # said--"No!" opens; "I was--" closes.
        if right_space or right in ENDERS or right in "\"'":
            return CLOSE_D if is_open or right_space else OPEN_D
        return OPEN_D
    if left == "…" or (left == "." and i >= 2 and text[i - 2] in ". "):
        return OPEN_D if (not right_space and is_wordy(right) and not is_open) else CLOSE_D
    if _closing_context(left, roles, text, i):
        if right_space or not is_wordy(right):
            return CLOSE_D
        return CLOSE_D if is_open else OPEN_D
    return CLOSE_D if is_open else OPEN_D


def _single(
    text: str,
    i: int,
    left: str,
    right: str,
    roles: dict[int, str],
    open_now: tuple[bool, bool],
    state: QuoteState,
) -> str:
    """The role of a straight single mark (``open_now``: single, double quotation open)."""
    is_open = open_now[0]
    right_word = bool(right) and is_wordy(right)
    left_word = bool(left) and is_wordy(left)
    if left_word and right_word:
        return APOS  # don't, James's, o'clock, 1920's
    if right_word and not left_word:
        if word_after(text, i) == "s" and (left in DASHES or _after_closing_mark(text, i, roles)):
            return APOS  # the possessive of a blank or a title: General ⸻'s, the "Titanic"'s
        if left in DASHES or left == "…" or _opening_context(left, roles, text, i) or left in '"“„«':
            return _word_start(text, i, left, roles, open_now, state)
        if left in ".,;:!?":
            # 'Stop!'he said: a close when a quote is open; otherwise an opening.
            return CLOSE_S if is_open else _word_start(text, i, left, roles, open_now, state)
        return _word_start(text, i, left, roles, open_now, state)
    if left_word:
        if is_rock_n_roll(text, i - 2):
            return APOS
        return "?"
    # Neither side is a word: punctuation or spaces around the mark.
    if _closing_context(left, roles, text, i) or left in DASHES or left == "…":
        if left in DASHES and right and right not in SPACES and right not in '"”' and not is_open:
            return OPEN_S
        return CLOSE_S
    if _opening_context(left, roles, text, i):
        if not right or right in SPACES or (is_open and right in ",.;:!?"):
            return CLOSE_S if is_open else OPEN_S
        return OPEN_S
    return CLOSE_S if is_open else OPEN_S


def _word_start(
    text: str,
    i: int,
    left: str,
    roles: dict[int, str],
    open_now: tuple[bool, bool],
    state: QuoteState,
) -> str:
    """A mark before a word: listed or lexicon elision, else pairing decides."""
    single_open, double_open = open_now
    elided = is_elision(text, i, state, single_open)
    if not (elided or single_open) and resumes(text, i, roles):
        return OPEN_S  # 'No,' she said, 'and then...: the quotation goes on
    opens = opens_quotation(text, i, left, elided, single_open, double_open, state)
    return OPEN_S if opens else APOS


def _after_closing_mark(text: str, i: int, roles: dict[int, str]) -> bool:
    j = i - 1
    while j >= 0 and text[j] in TRANSPARENT:
        j -= 1
    return j >= 0 and roles.get(j) in (CLOSE_D, CLOSE_S)
