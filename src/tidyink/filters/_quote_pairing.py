"""Pairing for single marks before a word: an opening quote needs a closing partner.

A straight ``'`` before a word, with no letter before it, is either an opening
single quote or an apostrophe standing for dropped letters ('ud, 'cross,
'Arry). Word lists settle the clear cases; the rest is settled by pairing:

- a quotation opened inside another must close before the one around it
  closes (“Anybody 'ud think so,” she said: no ’ before the ”, so no quote),
  unless that one runs on past the block (verse, letters);
- a mark mid-clause (after a word and a space) with no partner is an
  apostrophe; a quotation closing before a running lower-case word (his
  'friends' had gone) began in the same sentence;
- at the top level, a mark where a quotation can start (a block, line or
  sentence start, after ``she said,``) opens one that may run on over lines
  and blocks; a weak word there ('im, 'as) only when the next block starts
  with a single mark or the quotation resumes (``'No,' she said, 'as...``);
- a word-final mark that ends a g-dropped or clipped word (nothin', an', o')
  is an apostrophe, never the closing partner.

A chapter full of such clipped words is in *dialect mode*: there a rare
lower-case word after a mark is an elision ('ull), a lone one between two
marks is clipped at both ends ('cep' for except), a single letter ('a' for
have) is a word, and a quotation from a sentence start does not end before a
running lower-case word ('See 'em comm' up).
"""

from __future__ import annotations

from bisect import bisect_right
from itertools import islice

from tidyink.filters._quote_marks import (
    APOS,
    CLOSE_D,
    CLOSE_S,
    DASHES,
    ENDERS,
    OPEN_D,
    OPEN_S,
    OPENERS,
    SPACES,
    TRANSPARENT,
    QuoteState,
    is_wordy,
    left_of,
    right_of,
    word_after,
)
from tidyink.filters._quote_words import (
    after_determiner,
    bare_year,
    elisions,
    is_elision,
    is_weak,
    word_list,
)
from tidyink.lazy_regex import compiled

_DOUBLE_MARKS = frozenset('"“”„«»')
_SINGLE_CLOSERS = frozenset("'’")
_WORD_END = compiled(r"[\p{L}\p{M}]+(?:['’][\p{L}\p{M}]+)*$")  # (don't: not t')
# A sentence ends after a lower-case word (not after W. or Mrs.)
_SENTENCE_END = compiled(r"(?<=(?<!\p{L})\p{Ll}{2,})[.!?…][\"'”’)\]]*\s")
# Marks never taken as a quotation's start by the pairing override ('n' of rock 'n' roll).
_NEVER_OPEN = frozenset({"n"})


def g_dropped(word: str, state: QuoteState) -> bool:
    """Whether ``word`` is a g-dropped form: nothin', mornin' (not sin', cousin')."""
    low = word.casefold()
    if len(low) < 4 or not low.endswith("in") or "en" not in state.langs:
        return False
    key = f"g|{low}|{state.dialect}"
    if key not in state.cache:
        from tidyink import lexicon

        bare, full = lexicon.zipf(low, "en"), lexicon.zipf(low + "g", "en")
        state.cache[key] = (
            (bare < 2.5 and (full > bare + 1.0 or state.dialect))  # (boatfishin' in dialect)
            or (full >= 3.5 and full > bare + 0.5 and bare < 4.2)
        )
    return state.cache[key]


def clipped_end(word: str, state: QuoteState, alone: bool = False, have: bool = False) -> bool:
    """Whether a mark after ``word`` stands for its dropped end (an', o', nothin').

    ``alone``: the word is all there is since the opening mark; then a single
    letter ('a', 'o') is a quoted letter, except in dialect, or for 'a' where
    it stands for *have* (``have``: after would, might, I'd).
    """
    low = word.casefold()
    if low in word_list("clipped"):
        return len(low) > 1 or not alone or state.dialect or (have and low == "a")
    return g_dropped(word, state)


_WORD_THEN_SPACE = compiled(r"([\p{L}\p{M}]+)(['’]d)?[ \t]+$")


def after_modal(text: str, i: int) -> bool:
    """Whether the mark at ``i`` follows a modal verb (would, might, I'd) and a space."""
    m = _WORD_THEN_SPACE.search(text, max(0, i - 16), i)
    return bool(m) and (bool(m.group(2)) or m.group(1).casefold() in word_list("have-after"))


def scope_end(text: str, i: int, double_open: bool) -> tuple[int, bool]:
    """Where a single quotation opened at ``i`` must have closed, and whether that is the block's end.

    Inside a double quotation it is the mark closing that one (a double
    quotation opened in between, “‘Copy the “Britannica.”’”, closes first);
    at the top level, the end of the block.
    """
    if double_open:
        depth = 0
        for j in range(i + 1, len(text)):
            if text[j] not in _DOUBLE_MARKS:
                continue
            if _opens_double(text, j):
                depth += 1
            elif depth:
                depth -= 1
            else:
                return j, False
    return len(text), True


def _opens_double(text: str, j: int) -> bool:
    """Whether the double mark at ``j`` opens: “ „ «, or " after a space and before a word."""
    ch = text[j]
    if ch in "“„«":
        return True
    if ch != '"':
        return False
    left, right = left_of(text, j), right_of(text, j)
    return (not left or left in SPACES or left in OPENERS) and bool(right) and (is_wordy(right) or right in "'‘")


def find_closer(text: str, i: int, end: int, state: QuoteState) -> int | None:
    """The first mark after ``i`` and before ``end`` that could close a single quotation."""
    mid = mid_clause(text, i)
    j = i
    while True:
        j = _next_single(text, j + 1, end)
        if j < 0:
            return None
        left, right = left_of(text, j), right_of(text, j)
        if right and is_wordy(right):
            # Another opening: a closer after it is its partner; but a mark
            # before a lower-case word mid-clause yields to one that opens a
            # quotation (said, 'It 'ud be...')
            opening = not (left and is_wordy(left)) and not is_elision(text, j, state, inside=True)
            if opening and (mid or not (right.islower() and mid_clause(text, j))):
                return None
            continue  # inside a word, or an elision
        if not left or left in SPACES or left in OPENERS:
            continue  # after a space: not a close
        if left.isalpha():
            k = _before_marks(text, j)
            m = _WORD_END.search(text, max(0, k - 40), k)
            word = m.group() if m else ""
            alone = bool(m) and m.start() == _after_marks(text, i)
            if clipped_end(word, state, alone, alone and after_modal(text, i)):
                continue
            if _runs_on(text, j) and _SENTENCE_END.search(text, i, j):
                continue  # a quotation that ends mid-clause began in the same sentence
            if state.dialect and _runs_on(text, j) and (not mid or (alone and _rare(word))):
                # In dialect a mark before a running lower-case word ends a
                # clipped word ('See 'em comm' up), unless it closes a phrase
                # quoted mid-clause; 'cep' drift: a rare word clipped both ends
                continue
        return j


def _next_single(text: str, start: int, end: int) -> int:
    for j in range(start, end):
        if text[j] in _SINGLE_CLOSERS:
            return j
    return -1


def _before_marks(text: str, j: int) -> int:
    while j > 0 and text[j - 1] in TRANSPARENT:
        j -= 1
    return j


def _after_marks(text: str, i: int) -> int:
    i += 1
    while i < len(text) and text[i] in TRANSPARENT:
        i += 1
    return i


def _runs_on(text: str, j: int) -> bool:
    """Whether a space and a lower-case letter follow the mark at ``j`` (the clause runs on)."""
    k = j + 1
    while k < len(text) and text[k] in TRANSPARENT:
        k += 1
    if k >= len(text) or text[k] not in " \t":
        return False
    k += 1
    while k < len(text) and text[k] in TRANSPARENT:
        k += 1
    return k < len(text) and text[k].islower()


def _rare(word: str) -> bool:
    """A lower-case word too rare to be quoted for itself ('cep' for except)."""
    from tidyink import lexicon

    return word.islower() and lexicon.zipf(word, "en") < 3.0


def mid_clause(text: str, i: int) -> bool:
    """Whether the mark at ``i`` follows a word and a space (no punctuation between)."""
    j = i - 1
    while j >= 0 and text[j] in TRANSPARENT:
        j -= 1
    if j < 0 or text[j] not in " \t":
        return False
    j -= 1
    while j >= 0 and text[j] in TRANSPARENT:
        j -= 1
    return j >= 0 and text[j].isalpha()


def quotation_start(text: str, i: int, left: str) -> bool:
    """Whether a quotation can start at ``i``: block or sentence start, after ``said,`` or a “."""
    if not left or left in _DOUBLE_MARKS or left in OPENERS:
        return True
    if left in SPACES:
        j = i - 1
        line_start = False
        while j >= 0 and (text[j] in SPACES or text[j] in TRANSPARENT):
            line_start = line_start or text[j] == "\n"
            j -= 1
        return line_start or j < 0 or text[j] in ENDERS or text[j] in DASHES or text[j] in _DOUBLE_MARKS
    return left in DASHES


def opens_quotation(
    text: str,
    i: int,
    left: str,
    elided: bool,
    single_open: bool,
    double_open: bool,
    state: QuoteState,
) -> bool:
    """Whether the straight mark at ``i`` before a word opens a quotation (else an apostrophe).

    ``elided``: whether word lists or the lexicon call the word an elision.
    """
    end, block_end = scope_end(text, i, double_open)
    if single_open:
        # A quotation in single marks is open: one nested in it takes double
        # marks. Only two closers to come (its own and the open one's) say otherwise.
        if elided:
            return False
        first = find_closer(text, i, end, state)
        return first is not None and find_closer(text, first, end, state) is not None
    closer = find_closer(text, i, end, state)
    if elided:
        word = word_after(text, i).casefold()
        if word not in elisions()[0] or word in _NEVER_OPEN or closer is None:
            return False
        # A listed word that starts a quotation closed plainly ('Round the back,' she said).
        return quotation_start(text, i, left) and _plain_close(text, closer)
    if closer is not None:
        return True
    if mid_clause(text, i):
        return False
    if carries_on(state, double_open) and block_end:
        return True  # the next block re-opens it: the quotation goes on
    start = quotation_start(text, i, left)
    if not double_open:
        # At the top level a quotation may run on over lines and blocks
        # (British style, verse); a weak word there ('im, 'as) is an elision.
        return start and not is_weak(word_after(text, i))
    # A nested quotation must close before the one around it; when that one
    # runs on past this block (verse), the nested one may too.
    return block_end and start and not state.dialect


def carries_on(state: QuoteState, double_open: bool) -> bool:
    """Whether the next block re-opens a single quotation: ``'`` (or ``"'`` inside a double one)."""
    start = state.next_start
    if double_open:
        return start[:1] in ('"', "“") and start[1:2] in ("'", "‘")
    return start[:1] in ("'", "‘")


def _plain_close(text: str, j: int) -> bool:
    """A closing mark right after punctuation or a dash (not a plural possessive: the Joneses'.)."""
    left = left_of(text, j)
    return left in ENDERS or left in DASHES


def resolve_word_ends(text: str, roles: dict[int, str], candidates: list[int]) -> None:
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
        right = right_of(text, i)
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
            if role == APOS and j in pending and left_of(text, j) in ENDERS:
                roles[i] = APOS
                roles[j] = CLOSE_S
                break


def resolve_weak_elisions(text: str, roles: dict[int, str], keep: int | None, state: QuoteState) -> None:
    """'im, 'er, 'is, the 'bot: apostrophes when no closing single mark could pair with them.

    Not a quotation that resumes (``'No,' she said, 'as...``) or goes on in the next block.
    """
    ordered = sorted(roles)
    for i in ordered:
        if roles[i] != OPEN_S or i == keep or resumes(text, i, roles):
            continue
        word = word_after(text, i)
        if not is_weak(word) and not (word and after_determiner(text, i)) and not bare_year(text, i):
            continue
        closed = False
        for j in islice(ordered, bisect_right(ordered, i), None):
            if roles[j] == CLOSE_S:
                closed = True
                break
            if roles[j] == OPEN_S:
                break
        if not closed and not (carries_on(state, False) and quotation_start(text, i, left_of(text, i))):
            roles[i] = APOS


def resumes(text: str, i: int, roles: dict[int, str]) -> bool:
    """Whether ``i`` follows ``,' she said,`` (or ``;`` ``:``): a quotation resumes."""
    j = i - 1
    while j >= 0 and text[j] in TRANSPARENT:
        j -= 1
    if j < 1 or text[j] != " " or text[j - 1] not in ",;:":
        return False
    for k in range(j - 2, max(j - 40, -1), -1):
        ch = text[k]
        if ch in "'’":
            # the quoted words ended in punctuation ('No,' 'Ah!'), a few words said between
            spoken = left_of(text, k) in ENDERS or left_of(text, k) in DASHES
            return roles.get(k) == CLOSE_S and spoken and 0 < len(text[k + 1 : j - 1].split()) <= 4
        if ch in '.!?;:"“”\n':
            return False
    return False
