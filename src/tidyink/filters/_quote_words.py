"""What the words next to a quote mark say: listed elisions, dialect forms, years.

A list of English elisions ('tis, 'em, '90s, rock 'n' roll) decides the clear
cases; for dialect elisions such as 'ead or 'ittin' the word-frequency
lexicon decides: a word that starts with an apostrophe is an elision when it
is not a word by itself but its completed form is.
"""

from __future__ import annotations

from functools import cache

from tidyink.filters._quote_marks import SPACES, TRANSPARENT, QuoteState, word_after
from tidyink.lazy_regex import compiled, lazy


@cache
def elisions() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """(strong, weak, weak-in-lower-case) English front elisions from ``data/elisions.txt``."""
    sections = _sections()
    return (
        frozenset(sections["strong"]),
        frozenset(sections["weak"]),
        frozenset(sections["lowercase"]),
    )


@cache
def _sections() -> dict[str, frozenset[str]]:
    from tidyink.datafiles import files

    sections: dict[str, set[str]] = {}
    current: set[str] = sections.setdefault("strong", set())
    for line in (files("tidyink") / "data" / "elisions.txt").read_text("utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("["):
            current = sections.setdefault(line.strip("[]"), set())
        else:
            current.add(line.casefold())
    return {name: frozenset(words) for name, words in sections.items()}


def word_list(name: str) -> frozenset[str]:
    """One section of ``data/elisions.txt`` (empty if there is none)."""
    return _sections().get(name, frozenset())


def is_weak(word: str) -> bool:
    """Whether ``word`` (as written) is a weak elision: 'im, 'is; 'ate but not 'It."""
    _, weak, lowercase = elisions()
    low = word.casefold()
    return low in weak or (low in lowercase and word[:1].islower())


def is_rock_n_roll(text: str, i: int) -> bool:
    """``i`` is the opening mark of a free-standing 'n' (rock 'n' roll)."""
    if i < 0 or text[i : i + 3].lower() not in ("'n'", "’n’", "'n’", "’n'"):
        return False
    before = text[i - 1] if i > 0 else ""
    after = text[i + 3] if i + 3 < len(text) else ""
    return before in SPACES and after in SPACES and bool(before) and bool(after)


# Two digits that make a year or a decade ('90s, '85, '60's), looked at in a short slice.
_YEAR_AHEAD = lazy(r"\d\d(?=s\b|th\b|ers?\b|[^\d\p{L}]|$)")


def is_elision(text: str, i: int, state: QuoteState, inside: bool = False) -> bool:
    """Whether a mark before a word is an apostrophe standing for dropped letters."""
    if is_rock_n_roll(text, i):
        return True
    k = i + 1
    while k < len(text) and text[k] in TRANSPARENT:
        k += 1
    m = _YEAR_AHEAD.match(text[k : k + 6])
    if m:
        # '85' is a quoted number; '90s and '60's are years; so is '85, unless
        # outside a quotation a later mark closes it ('20 each,' he said)
        if bare_year(text, i):
            return inside
        return text[k + 2 : k + 3] not in ("'", "’") or text[k + 3 : k + 4].isalpha()
    word = word_after(text, i)
    if not word:
        return False
    end = text.index(word, i) + len(word)
    quoted_word = end < len(text) and text[end] in "'’" and not (end + 1 < len(text) and text[end + 1].isalpha())
    low = word.casefold()
    strong = elisions()[0]
    if low in strong and (inside or not quoted_word or low in ("n", "tis", "twas")):
        return True  # ('Pink 'un': a single quotation is open, so the mark is no opening)
    if is_weak(word):
        return inside  # outside a single quotation: decided later, from pairing
    # In dialect a rare lower-case word is enough, unless it is quoted ('snaff,')
    dialect = state.dialect and word.islower() and not _QUOTED_AFTER.match(text, end)
    return lexicon_elision(low, quoted_word, state, dialect=dialect)


_QUOTED_AFTER = compiled(r"[,.;:!?…]?['’](?![\p{L}\p{N}])")


def lexicon_elision(low: str, quoted_word: bool, state: QuoteState, dialect: bool = False) -> bool:
    """'ead → head, 'ittin' → hitting: rare alone, a much more common word completed.

    ``dialect``: a lower-case word in a chapter written in dialect, where a
    word rare by itself is enough ('ull, 'cep): how it completes varies too much.
    """
    key = f"{low}|{quoted_word}|{dialect}"
    if key in state.cache:
        return state.cache[key]
    from tidyink import lexicon

    result = False
    bare = lexicon.best_zipf(low, state.langs)
    if dialect and bare < 3.0:
        result = True
    elif bare < 3.0 and "en" in state.langs:
        forms = ["h" + low, "a" + low, "be" + low, "e" + low]
        if low.endswith("in"):  # 'ittin' → hitting
            forms += ["h" + low + "g", low + "g"]
        best = max(lexicon.zipf(form, "en") for form in forms)
        result = best >= 3.5 and best - bare >= 2.0
    state.cache[key] = result
    return result


# A single mark after one of these and a space, never closed, clips a word
# (the 'bot, a 'copter): a quotation rarely starts right after a determiner.
_DETERMINERS = frozenset(
    {"the", "a", "an", "my", "your", "his", "her", "its", "our", "their"}
    | {"this", "that", "whole", "some", "no", "any", "every", "each"}
)
_WORD_BEFORE = compiled(r"(?<![\p{L}\p{M}'’])([\p{L}\p{M}]+) $")


def after_determiner(text: str, i: int) -> bool:
    m = _WORD_BEFORE.search(text, max(0, i - 12), i)
    return bool(m) and m.group(1).casefold() in _DETERMINERS


_BARE_YEAR = compiled(r"\d{2}(?![\d\p{L}'’])")


def bare_year(text: str, i: int) -> bool:
    """Whether the mark at ``i`` stands before two digits alone ('85; not '90s, nor a quoted '85')."""
    k = i + 1
    while k < len(text) and text[k] in TRANSPARENT:
        k += 1
    return bool(_BARE_YEAR.match(text, k))
