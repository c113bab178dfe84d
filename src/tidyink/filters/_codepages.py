"""The word test that decides a single-byte code-page repair (tables in
``_codepage_tables``, words in ``_codepage_words``, where characters sit in
``_codepage_chars``). Whether a token really is damaged is decided by words: the
repaired form must be a known word (in the lexicon, or used elsewhere in the same
document) and the damaged form must not.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable
from functools import lru_cache

from tidyink import lexicon
from tidyink.filters._codepage_chars import (
    _ORDINARY,
    APOSTROPHES,
    TYPOGRAPHIC,
    _alnum_bounds,
    _case_breaks,
    _cases,
    _fits,
    _glued,
    _inside,
    _next_to_letter,
    _odd,
    _owners,
    _scripts,
    script,
)
from tidyink.filters._codepage_tables import (
    C1,
    C1_LABEL,
    HIDDEN,
    MIXUPS,
    Mixup,
    blank_suspect_tokens,
    c1_table,
    find_suspect_tokens,
    mixups,
    suspect_spans,
    suspect_tokens,
    suspects,
)
from tidyink.filters._codepage_words import (
    DAMAGED_ZIPF,
    KNOWN_ZIPF,
    LANGS,
    SHORT_ZIPF,
    Lexicon,
    alphabet_of,
)
from tidyink.lazy_regex import compiled

__all__ = [
    "C1",
    "C1_LABEL",
    "DAMAGED_ZIPF",
    "HIDDEN",
    "KNOWN_ZIPF",
    "LANGS",
    "MIXUPS",
    "SHORT_ZIPF",
    "TYPOGRAPHIC",
    "Lexicon",
    "Mixup",
    "alphabet_of",
    "blank_suspect_tokens",
    "c1_table",
    "find_suspect_tokens",
    "mixups",
    "script",
    "suspect_spans",
    "suspect_tokens",
    "suspects",
]
GLUED_ZIPF = 3.0  # a common word that a trailing mark completes: est‡ → está
LIKELIER_MARGIN = 3.0  # Zipf points by which a repair must beat a listed word
LONE_ZIPF = 5.0  # a one-letter word standing alone this common is a word (à, è), not damage

WORD = compiled(r"[\p{L}\p{M}]+(?:['\u2019][\p{L}\p{M}]+)*")
# What wraps a word without being part of it.
EDGE_PUNCT = "\"'`“”‘’„‚«»‹›()[]{}.,;:!?…—–-*_"



def words(token: str) -> tuple[tuple[int, int, str], ...]:
    """``(start, end, word)`` for each word of ``token`` (the word test asks again and
    again for the same tokens: a token's words are remembered)."""
    if len(token) > _TOKEN_MAX:
        return _words(token)
    return _token_words(token)


def _words(text: str) -> tuple[tuple[int, int, str], ...]:
    return tuple((m.start(), m.end(), m.group()) for m in WORD.finditer(text))


_TOKEN_MAX = 64  # longer texts (a paragraph) are not remembered
_token_words = lru_cache(maxsize=8192)(_words)


def owners(token: str) -> tuple[int, ...]:
    """For each offset of ``token``, the index in :func:`words` of the word holding it (-1: none)."""
    if len(token) > _TOKEN_MAX:
        return _owners_of(token)
    return _token_owners(token)


def _owners_of(token: str) -> tuple[int, ...]:
    return tuple(_owners(words(token), len(token)))


_token_owners = lru_cache(maxsize=8192)(_owners_of)


def candidate(token: str) -> bool:
    """Whether ``token`` could pass :func:`judge` under some mix-up: it holds a
    suspect letter, a suspect symbol, or suspect punctuation between letters."""
    keys = suspects()
    if keys.isdisjoint(token):
        return False
    return any(
        ch in keys and (ch.isalpha() or _odd(ch) or _next_to_letter(token, i)) for i, ch in enumerate(token)
    )


def candidates_in(text: str) -> Callable[[str], bool]:
    """:func:`candidate` for tokens made of characters of ``text``, as one search of a
    pattern built for them: a suspect letter or symbol, or other suspect punctuation
    after or before a letter (each character class holds those of ``text`` only)."""
    chars = set(text)
    keys = suspects()
    lead = "".join(sorted(c for c in chars if c in keys and (c.isalpha() or _odd(c))))
    rest = "".join(sorted(c for c in chars if c in keys and not (c.isalpha() or _odd(c))))
    letters = "".join(sorted(c for c in chars if c.isalpha()))
    parts = [f"[{re.escape(lead)}]"] if lead else []
    if rest and letters:
        rest, letters = re.escape(rest), re.escape(letters)
        parts += [f"(?<=[{letters}])[{rest}]", f"[{rest}](?=[{letters}])"]
    if not parts:
        return lambda token: False
    search = re.compile("|".join(parts)).search
    return lambda token: search(token) is not None


def plainly_correct(token: str, lex: Lexicon) -> bool:
    """Correct words and ordinary punctuation only: no mix-up can pass :func:`judge`."""
    keys = suspects()
    for i, ch in enumerate(token):
        if ch.isalpha():
            continue  # (no letter is odd)
        if _odd(ch) or _inside(token, i):
            return False
        if ch in keys and _next_to_letter(token, i):
            return False  # may complete a word (est‡ → está): judge it in full
    return all(not _glued(token, s, e) and lex.correct(w) for s, e, w in words(token))


def _completes(fixed: str, i: int, lex: Lexicon, word: tuple[int, int, str] | None) -> bool:
    """Whether the letter at ``fixed[i]`` ends or starts a common word it is glued to."""
    glued = (i > 0 and fixed[i - 1].isalpha()) or (i + 1 < len(fixed) and fixed[i + 1].isalpha())
    if not glued or word is None:
        return False
    start, end, text = word
    return end - start >= 3 and lex.reaches(text, GLUED_ZIPF)


def erases_a_word(token: str, fixed: str) -> bool:
    """Whether the repair turns a letter of a real word (in any supported language)
    into punctuation: Übung → ‹bung, "—à la" → "—… la".

    One-letter words count only when they stand alone (between spaces or
    dashes), since single letters glued to punctuation are typical damage. Every
    word list may be loaded here, but only for such rare letter-to-mark repairs.
    """
    for start, end, word in words(token):
        changed = [i for i in range(start, end) if token[i] != fixed[i] and not fixed[i].isalpha()]
        if not changed:
            continue
        if end - start == 1:
            before = token[start - 1] if start else " "
            after = token[end] if end < len(token) else " "
            if not (before in " —–-" and after in " —–-"):
                continue
            if lexicon.reaches(word, LANGS, SHORT_ZIPF):
                return True
        elif lexicon.reaches(word, LANGS, KNOWN_ZIPF):
            return True
    return False


def judge(token: str, fixed: str, lex: Lexicon) -> bool:
    """Whether ``fixed`` (same length as ``token``) is the repair of a damaged ``token``."""
    if fixed == token:
        return False  # (nothing changed)
    bare = token.strip(EDGE_PUNCT)
    if bare and lex.correct(bare) and not lex.known(fixed.strip(EDGE_PUNCT)):
        return False  # (the commonest end: a correct word that the repair makes unknown)
    changed = [i for i, (a, b) in enumerate(zip(token, fixed, strict=True)) if a != b]
    if breaks_text(token, fixed, changed, lex):
        return False
    # The damaged form must look damaged: a changed character in an unknown
    # word (a single letter glued to other characters is never a word), a
    # symbol, or punctuation wedged between letters. A known word is never changed.
    evidence = False
    found = words(token)
    owner = owners(token)
    checked: set[int] = set()
    for i in changed:
        k = owner[i]
        if k >= 0 and k not in checked:
            checked.add(k)
            start, end, word = found[k]
            trusted = not _glued(token, start, end) and lex.correct(word)
            if trusted and not much_likelier(word, fixed[start:end], lex):
                return False
            evidence = True
    new_words = words(fixed)
    new_owner = owners(fixed)
    bounds = _alnum_bounds(fixed)
    for i in changed:
        ch, new = token[i], fixed[i]
        wedged = not ch.isalpha() and _inside(token, i)
        word = new_words[new_owner[i]] if new_owner[i] >= 0 else None
        completes = False
        if not evidence and not ch.isalpha() and new.isalpha():
            completes = _completes(fixed, i, lex, word)
        if _odd(ch) or wedged or completes:
            evidence = True
        # A letter may only become typographic punctuation; between letters,
        # only a dash or an apostrophe.
        if not new.isalpha() and not _fits(fixed, i, bounds):
            return False  # punctuation must land where such a mark goes
        if _odd(new) and not _odd(ch):
            return False  # a repair that makes symbols out of text is no repair
        if not new.isalpha() and _inside(fixed, i) and new not in "—–'\u2019":
            return False
    if not evidence:
        return False
    old_words = Counter(w for _, _, w in found)
    fresh = [(s, e, w) for s, e, w in new_words if old_words[w] == 0]
    made = {new_owner[i] for i in changed if not token[i].isalpha() and new_owner[i] >= 0}
    made_at = {new_words[k][0] for k in made}
    for start, _end, word in fresh:
        if len(word) < 2 or not lex.known(word):
            return False
        made_letter = start in made_at
        if made_letter and (len(word) < 3 or not lex.reaches(word, KNOWN_ZIPF)):
            return False  # punctuation turned into a letter needs a real word
    if fresh:
        return True
    # Only punctuation came out of the repair: accept it when it is typographic
    # and the words around it are known.
    if not all(fixed[i] in TYPOGRAPHIC for i in changed):
        return False
    return bool(new_words) and all(lex.known(w) for _, _, w in new_words)


_CASE_STEP = compiled(r"\p{Ll}\p{Lu}")


def odd_case(word: str) -> bool:
    """A small letter followed by a capital, one of them not ASCII (tÚ, ôY, but not iPhone)."""
    return any(not m.group().isascii() for m in _CASE_STEP.finditer(word))


def self_evident(token: str, fixed: str) -> bool:
    """Whether ``token`` shows its damage by itself: a symbol or control character
    repaired, punctuation other than an apostrophe wedged between letters, a capital
    inside a small word, or a letter of another script inside a word."""
    found = words(token)
    owner = owners(token)
    seen: set[int] = set()
    for i, (a, b) in enumerate(zip(token, fixed, strict=True)):
        if a == b:
            continue
        if _odd(a) or (not a.isalpha() and a not in APOSTROPHES and _inside(token, i)):
            return True  # an apostrophe between letters is how words are written (it’s)
        k = owner[i]
        if a.isalpha() and k >= 0 and k not in seen:
            seen.add(k)
            word = found[k][2]
            if odd_case(word) or len(_scripts(word)) > 1:
                return True
    return False


def breaks_text(token: str, fixed: str, changed: list[int], lex: Lexicon) -> bool:
    """Whether a repair would damage what reads as text, whatever the evidence:
    split a word of the document's own alphabet with punctuation (Oíanse →
    O’anse), give a letter the wrong case for its word, or put a letter of
    another script into a word (a Latin word stays Latin)."""
    found = words(token)
    owner = owners(token)
    new_words = words(fixed)
    new_owner = owners(fixed)
    own: dict[int, bool] = {}
    shape: dict[int, tuple[tuple[int, int, int], int]] = {}
    for i in changed:
        old, new = token[i], fixed[i]
        if old.isalpha() and not new.isalpha() and owner[i] >= 0:
            start, end, word = found[owner[i]]
            if owner[i] not in own:
                own[owner[i]] = lex.own_word(word)
            if start < i < end - 1 and own[owner[i]]:
                return True
        k = new_owner[i]
        if new.isalpha() and k >= 0:
            start, _end, word = new_words[k]
            if k not in shape:
                shape[k] = (_cases(word), len(_scripts(word)))
            cases, scripts = shape[k]
            if old.isalpha() and _case_breaks(fixed, i, start, cases):
                return True
            if scripts > 1:
                return True
    return False


def looks_clean(token: str, fixed: str, lex: Lexicon) -> bool:
    """Whether ``token`` reads as correct words that the repair ``fixed`` would spoil.

    Punctuation wedged between letters (p‚lie, subsistir·n) is never good
    punctuation, nor is a mark glued to a lone letter when the repair makes a
    common word of the document's language of the two (‚a → Ça, l“ → lì).
    """
    found = words(token)
    if not found or not all(lex.correct(w) for _, _, w in found):
        return False
    owner = owners(token)
    new_words = words(fixed)
    new_owner = owners(fixed)
    for i, (a, b) in enumerate(zip(token, fixed, strict=True)):
        if a == b:
            continue
        k = owner[i]
        if k >= 0 and found[k][1] - found[k][0] > 1:
            start, end, word = found[k]
            return not much_likelier(word, fixed[start:end], lex)  # a letter of a correct word
        if k >= 0 and not _glued(token, *found[k][:2]) and lex.primary(found[k][2]) >= LONE_ZIPF:
            return True  # a common one-letter word of the document's language: à, è, ó
        if not a.isalpha() and a not in TYPOGRAPHIC and a not in _ORDINARY and _next_to_letter(token, i):
            return False  # acomp‡–ale, wei§: a mark no word is written with
        if a in TYPOGRAPHIC and (b.isalpha() or _odd(b)):
            if b.isalpha() and a not in "’—–" and _inside(token, i):
                continue
            if b.isalpha() and new_owner[i] >= 0 and _completes_lone_letter(token, i, new_words[new_owner[i]], lex):
                continue
            return True  # good punctuation that would turn into a letter or a symbol
    return False


def much_likelier(word: str, fixed: str, lex: Lexicon) -> bool:
    """Whether the repair of a word the lists know is still a thousand times likelier
    in the document's language (Žtait → était: word lists hold some damage too)."""
    return fixed != word and any_much_likelier(word, (fixed,), lex)


def any_much_likelier(word: str, repairs: Iterable[str], lex: Lexicon) -> bool:
    """``much_likelier(word, fixed, lex)`` for some ``fixed`` of ``repairs`` (none of
    them ``word``), with the word itself looked up once."""
    needed = lex.primary(word) + LIKELIER_MARGIN
    if needed > lex.top():
        return False  # no word of the language is that common
    # (``needed`` is at least CORE_ZIPF, which only the common words reach: those are
    # looked up first, in a dict, before any search among the rare ones)
    for fixed in repairs:
        likely = lex.primary_common(fixed) if needed >= lexicon.CORE_ZIPF else lex.primary(fixed)
        if likely >= needed and lex.reaches(fixed, KNOWN_ZIPF):
            return True
    return False


def _completes_lone_letter(token: str, i: int, word: tuple[int, int, str], lex: Lexicon) -> bool:
    """Whether the mark at ``token[i]``, glued to one letter, makes with it a common
    two-letter word of the document's language (‚a → Ça, l“ → lì)."""
    start, end, text = word
    return end - start == 2 and lex.primary(text) >= GLUED_ZIPF


def prefer_fixed(token: str, fixed: str, lex: Lexicon) -> bool:
    """In the document's own language, whether ``fixed`` is the likelier text."""
    old = [w for _, _, w in words(token)]
    new = [w for _, _, w in words(fixed)]
    if not new or not all(lex.known(w) for w in new):
        return False
    return min(lex.primary(w) for w in new) > min((lex.primary(w) for w in old), default=0.0)


def main_language(vocabulary: Counter[str], langs: tuple[str, ...] = LANGS) -> str:
    """The language whose function words the document uses most (no dictionary is loaded)."""
    from tidyink.decoding.language import guess_language

    return guess_language(vocabulary, langs, default=langs[0])
