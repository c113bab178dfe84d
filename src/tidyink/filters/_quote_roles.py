"""Decide what each quote mark in a block of prose is: opening, closing, apostrophe, prime.

The decision reads each mark's neighbours (emphasis toggles are transparent,
protected inline objects count as words), what the marks before it turned
out to be, curly marks already in the text (kept, and used as evidence), a
list of English elisions ('tis, 'em, '90s, rock 'n' roll) and, for dialect
elisions such as 'ead or 'ittin', the word-frequency lexicon: a word that
starts with an apostrophe is an elision when it is not a word by itself but
its completed form is.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from functools import cache
from itertools import islice

import regex

from tidyink.document import MARK, OBJECT

# Roles
OPEN_D = "open-double"
CLOSE_D = "close-double"
OPEN_S = "open-single"
CLOSE_S = "close-single"
APOS = "apostrophe"
PRIME = "prime"
DPRIME = "double-prime"

STRAIGHT = "\"'"
QUOTE_CHARS = frozenset("\"'“”‘’„‚«»‹›′″")
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
SPACES = frozenset(" \t\n\u00a0\u202f\u2009\u200a")
DASHES = frozenset("-‐–—―⸺⸻")
# Characters after which a quote mark is at the start of something.
_OPENERS = frozenset("([{<¿¡/")
# Punctuation that ends a quoted phrase.
_ENDERS = frozenset(".,;:!?…)]}")


@cache
def elisions() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """(strong, weak, weak-in-lower-case) English front elisions from ``data/elisions.txt``."""
    from importlib.resources import files

    sections: dict[str, set[str]] = {"strong": set(), "weak": set(), "lowercase": set()}
    current = sections["strong"]
    for line in (files("tidyink") / "data" / "elisions.txt").read_text("utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("["):
            current = sections[line.strip("[]")]
        else:
            current.add(line.casefold())
    return (
        frozenset(sections["strong"]),
        frozenset(sections["weak"]),
        frozenset(sections["lowercase"]),
    )


def _weak(word: str) -> bool:
    """Whether ``word`` (as written) is a weak elision: 'im, 'is; 'ate but not 'It."""
    _, weak, lowercase = elisions()
    low = word.casefold()
    return low in weak or (low in lowercase and word[:1].islower())


_PRIME_SINGLE = regex.compile(r"(?<=\d)'(?=\s?\d{1,2}(?:\.\d+)?[\"″])|(?<=\d°\s?\d{1,2})'")
_PRIME_DOUBLE = regex.compile(
    r"(?<=\d['′]\s?\d{1,2}(?:\.\d+)?)\"|(?<=\d°\s?\d{1,2}['′]\s?\d{1,2}(?:\.\d+)?)\""
)
_DIGIT_DOUBLE = regex.compile(r'(?<=\d)"')
_QUOTE_RE = regex.compile("[\"'“”‘’„‚«»‹›′″]")
_WORD = regex.compile(r"[\p{L}\p{M}]+")


# Emphasis toggles, and the _underscores_ and *stars* plain text uses for them,
# are transparent: a quote mark looks through them at the word beyond.
TRANSPARENT = frozenset((MARK, "_", "*"))


def is_wordy(ch: str) -> bool:
    return ch.isalnum() or ch == OBJECT


@dataclass
class QuoteState:
    """What stays open from one block to the next (multi-paragraph quotations)."""

    double_open: bool = False
    single_open: bool = False
    langs: tuple[str, ...] = ("en",)
    cache: dict[str, bool] = field(default_factory=dict)


def _left(text: str, i: int) -> str:
    """The character before ``i``, looking through emphasis toggles ('' at the start)."""
    j = i - 1
    while j >= 0 and text[j] in TRANSPARENT:
        j -= 1
    return text[j] if j >= 0 else ""


def _right(text: str, i: int) -> str:
    j = i + 1
    n = len(text)
    while j < n and text[j] in TRANSPARENT:
        j += 1
    return text[j] if j < n else ""


def _word_after(text: str, i: int) -> str:
    """The letters right after ``i``, looking through emphasis toggles."""
    i += 1
    while i < len(text) and text[i] in TRANSPARENT:
        i += 1
    m = _WORD.match(text, i)
    return m.group() if m else ""


def classify(text: str, state: QuoteState) -> dict[int, str]:
    """Role of every quote mark in ``text`` (offset → role)."""
    positions = [m.start() for m in _QUOTE_RE.finditer(text)]
    if not positions:
        state.double_open = state.single_open = False
        return {}
    roles: dict[int, str] = {}
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

    for i in positions:
        if i in roles:
            continue
        ch = text[i]
        left = _left(text, i)
        right = _right(text, i)
        role = _CURLY_ROLE.get(ch)
        if ch in "«»‹›":  # German »so« and French «so»: the side tells
            if right and is_wordy(right) and not (left and is_wordy(left)):
                role = OPEN_D if ch in "«»" else OPEN_S
            elif left and (is_wordy(left) or left in _ENDERS) and not (right and is_wordy(right)):
                role = CLOSE_D if ch in "«»" else CLOSE_S
        elif ch == "’":
            role = _curly_apostrophe(text, i, left, right, single_open)
        elif ch == "“" and double_open and not (right and is_wordy(right)):
            role = CLOSE_D  # “ closing a „ quotation (German style)
        elif ch == "‘" and single_open and not (right and is_wordy(right)):
            role = CLOSE_S
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
                role = _single(text, i, left, right, roles, single_open, state)
        if role == "?":  # a word-end single mark: closing quote or apostrophe
            candidates.append(i)
            role = CLOSE_S if single_open else APOS
        roles[i] = role
        if role == OPEN_D:
            double_open = True
            outer_single = single_open  # 'It's marked "poison" or not': still open after
            single_open = False
        elif role == CLOSE_D:
            double_open = False
            single_open = outer_single
            outer_single = False
        elif role == OPEN_S:
            single_open = True
        elif role == CLOSE_S:
            single_open = False

    _resolve_word_ends(text, roles, candidates)
    _resolve_weak_elisions(text, roles, reopen)
    state.double_open = double_open
    state.single_open = single_open
    return roles


def _reopened_single(text: str, state: QuoteState) -> int | None:
    """The single mark re-opening a nested quotation carried over from the last block.

    A paragraph left ``"He said, 'Go`` open; the next starts ``"'Course...``:
    its single mark re-opens the nested quotation instead of being an elision
    (unless the word is a listed strong elision, like 'tis).
    """
    if not (state.double_open and state.single_open):
        return None
    k = 0
    while k < len(text) and (text[k] in TRANSPARENT or text[k] in " \t"):
        k += 1
    if not text.startswith(('"', "“"), k):
        return None
    k += 1
    while k < len(text) and text[k] in TRANSPARENT:
        k += 1
    if k >= len(text) or text[k] != "'":
        return None
    word = _word_after(text, k).casefold()
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
    return bool(left) and (is_wordy(left) or left in _ENDERS or left in "%°*†‡")


def _opening_context(left: str, roles: dict[int, str], text: str, i: int) -> bool:
    j = i - 1
    while j >= 0 and text[j] in TRANSPARENT:
        j -= 1
    if j >= 0 and text[j] in QUOTE_CHARS:
        return roles.get(j) in (OPEN_D, OPEN_S)
    return not left or left in SPACES or left in _OPENERS


def _double(text: str, i: int, left: str, right: str, roles: dict[int, str], is_open: bool) -> str:
    right_space = not right or right in SPACES
    if _opening_context(left, roles, text, i):
        if right_space or (is_open and right in ",.;:!?"):
            return CLOSE_D if is_open else OPEN_D  # ("Yes ", he said: a stray space)
        return OPEN_D
    if left in DASHES:
        # said--"No!" opens; "I was--" closes.
        if right_space or right in _ENDERS or right in "\"'":
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
    is_open: bool,
    state: QuoteState,
) -> str:
    right_word = bool(right) and is_wordy(right)
    left_word = bool(left) and is_wordy(left)
    if left_word and right_word:
        return APOS  # don't, James's, o'clock, 1920's
    if right_word and not left_word:
        if _word_after(text, i) == "s" and (left in DASHES or _after_closing_mark(text, i, roles)):
            return APOS  # the possessive of a blank or a title: General ⸻'s, the "Titanic"'s
        if (
            left in DASHES
            or left == "…"
            or _opening_context(left, roles, text, i)
            or left in '"“„«'
        ):
            return APOS if _is_elision(text, i, state, is_open) else OPEN_S
        if left in ".,;:!?":
            # 'Stop!'he said: a close when a quote is open; otherwise an opening.
            return CLOSE_S if is_open else (APOS if _is_elision(text, i, state) else OPEN_S)
        return APOS if _is_elision(text, i, state, is_open) else OPEN_S
    if left_word:
        if _is_rock_n_roll(text, i - 2):
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


def _after_closing_mark(text: str, i: int, roles: dict[int, str]) -> bool:
    j = i - 1
    while j >= 0 and text[j] in TRANSPARENT:
        j -= 1
    return j >= 0 and roles.get(j) in (CLOSE_D, CLOSE_S)


def _is_rock_n_roll(text: str, i: int) -> bool:
    """``i`` is the opening mark of a free-standing 'n' (rock 'n' roll)."""
    if i < 0 or text[i : i + 3].lower() not in ("'n'", "’n’", "'n’", "’n'"):
        return False
    before = text[i - 1] if i > 0 else ""
    after = text[i + 3] if i + 3 < len(text) else ""
    return before in SPACES and after in SPACES and bool(before) and bool(after)


def _is_elision(text: str, i: int, state: QuoteState, inside: bool = False) -> bool:
    """Whether a mark before a word is an apostrophe standing for dropped letters."""
    if _is_rock_n_roll(text, i):
        return True
    k = i + 1
    while k < len(text) and text[k] in TRANSPARENT:
        k += 1
    m = regex.match(r"\d\d(?=s\b|th\b|ers?\b|[^\d\p{L}]|$)", text[k : k + 6])
    if m:
        # '85' is a quoted number; '90s and '60's are years; so is '85, unless
        # outside a quotation a later mark closes it ('20 each,' he said)
        if _bare_year(text, i):
            return inside
        return text[k + 2 : k + 3] not in ("'", "’") or text[k + 3 : k + 4].isalpha()
    word = _word_after(text, i)
    if not word:
        return False
    end = text.index(word, i) + len(word)
    quoted_word = (
        end < len(text)
        and text[end] in "'’"
        and not (end + 1 < len(text) and text[end + 1].isalpha())
    )
    low = word.casefold()
    strong = elisions()[0]
    if low in strong and (inside or not quoted_word or low in ("n", "tis", "twas")):
        return True  # ('Pink 'un': a single quotation is open, so the mark is no opening)
    if _weak(word):
        return inside  # outside a single quotation: decided later, from pairing
    return _lexicon_elision(low, quoted_word, state)


def _lexicon_elision(low: str, quoted_word: bool, state: QuoteState) -> bool:
    """'ead → head, 'ittin' → hitting: rare alone, a much more common word completed."""
    key = f"{low}|{quoted_word}"
    if key in state.cache:
        return state.cache[key]
    from tidyink import lexicon

    result = False
    bare = lexicon.best_zipf(low, state.langs)
    if bare < 3.0 and "en" in state.langs:
        forms = ["h" + low, "a" + low, "be" + low, "e" + low]
        if low.endswith("in"):  # 'ittin' → hitting
            forms += ["h" + low + "g", low + "g"]
        best = max(lexicon.zipf(form, "en") for form in forms)
        result = best >= 3.5 and best - bare >= 2.0
    state.cache[key] = result
    return result


def _curly_apostrophe(text: str, i: int, left: str, right: str, single_open: bool) -> str:
    if left and is_wordy(left):
        if right and is_wordy(right):
            return APOS
        return CLOSE_S if single_open else APOS
    if right and is_wordy(right):
        return APOS  # ’tis, ’90s: a curly mark before a word is an elision
    return CLOSE_S


def _resolve_word_ends(text: str, roles: dict[int, str], candidates: list[int]) -> None:
    """A word-end mark inside an open single quotation: close it, or an apostrophe?

    ``'The boys' hats,' he said``: when a later mark closes the quotation
    more plainly (after punctuation), the earlier word-end mark is kept as an
    apostrophe if the sentence runs on after it.
    """
    if not candidates:
        return
    ordered = sorted(roles)
    pending = set(candidates)
    for i in candidates:
        if roles[i] != CLOSE_S:
            continue
        right = _right(text, i)
        if right and right not in SPACES:
            continue  # followed by punctuation: a close
        nxt = i + 1
        while nxt < len(text) and text[nxt] in SPACES:
            nxt += 1
        if nxt >= len(text) or not is_wordy(text[nxt]):
            continue
        # Look for a plainer close before the quotation could end.
        for j in islice(ordered, bisect_right(ordered, i), None):
            role = roles[j]
            if role in (OPEN_S, OPEN_D, CLOSE_D):
                break
            if role == CLOSE_S and j not in pending:
                roles[i] = APOS
                break
            # A later word-end mark after punctuation (wits' end.') may close.
            if role == APOS and j in pending and _left(text, j) in _ENDERS:
                roles[i] = APOS
                roles[j] = CLOSE_S
                break


# A single mark after one of these and a space, never closed, clips a word
# (the 'bot, a 'copter): a quotation rarely starts right after a determiner.
_DETERMINERS = frozenset(
    {"the", "a", "an", "my", "your", "his", "her", "its", "our", "their"}
    | {"this", "that", "whole", "some", "no", "any", "every", "each"}
)
_WORD_BEFORE = regex.compile(r"(?<![\p{L}\p{M}'’])([\p{L}\p{M}]+) $")


def _after_determiner(text: str, i: int) -> bool:
    m = _WORD_BEFORE.search(text, max(0, i - 12), i)
    return bool(m) and m.group(1).casefold() in _DETERMINERS


_BARE_YEAR = regex.compile(r"\d{2}(?![\d\p{L}'’])")


def _bare_year(text: str, i: int) -> bool:
    """Whether the mark at ``i`` stands before two digits alone ('85; not '90s, nor a quoted '85')."""
    k = i + 1
    while k < len(text) and text[k] in TRANSPARENT:
        k += 1
    return bool(_BARE_YEAR.match(text, k))


def _resolve_weak_elisions(text: str, roles: dict[int, str], keep: int | None) -> None:
    """'im, 'er, 'is, the 'bot: apostrophes when no closing single mark could pair with them."""
    ordered = sorted(roles)
    for i in ordered:
        if roles[i] != OPEN_S or i == keep:
            continue
        word = _word_after(text, i)
        if not _weak(word) and not (word and _after_determiner(text, i)) and not _bare_year(text, i):
            continue
        closed = False
        for j in islice(ordered, bisect_right(ordered, i), None):
            if roles[j] == CLOSE_S:
                closed = True
                break
            if roles[j] == OPEN_S:
                break
        if not closed:
            roles[i] = APOS
