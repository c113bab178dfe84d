"""Whole lines of site navigation and widgets (``« Previous | Contents | Next »``,
``Leave a review``), by the boilerplate patterns: :func:`is_nav`."""

from __future__ import annotations

from functools import lru_cache

from tidyink.filters._patterns_lazy import P

NAV_PREFIX = 3  # characters of a piece whose possible navigation is remembered


def is_nav(text: str, linked: bool = False) -> str | None:
    """'strong' or 'weak' when the whole line is navigation or a widget, else None."""
    if len(text) > 120:  # first: the separator pattern is slow on long runs of spaces
        return None
    if text.rstrip().endswith(("?", '"', "”", "'", "’")):
        return None
    kinds = []
    text = text.strip()
    for raw in P.NAV_SEPARATORS.split(text) if any(c in text for c in P.NAV_SEPARATOR_CHARS) else (text,):
        piece = _trim(raw)  # (trimmed one by one: most lines fail on their first piece)
        if not piece:
            continue
        if P.SITE_SENTENCE.match(piece) or (
            P.NAV_STRONG.match(piece) and not piece.endswith((".", "!"))
        ):
            kinds.append("strong")
        elif P.NAV_WEAK.match(piece) or (linked and len(piece.split()) <= 5):
            kinds.append("weak")
        else:
            return None
    if not kinds:
        return None
    if "strong" in kinds or len(kinds) >= 3:  # "Home | Stories | Log in": a menu bar
        return "strong"
    return "weak"


def may_open_nav(text: str) -> bool:
    """False only when ``text``, taken whole as one piece (a line without separators),
    is no navigation for :func:`is_nav`: its first characters, trimmed as a piece is,
    cannot begin a navigation pattern. Lines share few openings: each is judged once."""
    if text[:1].isalpha() and plain_end(text[-1]):
        return opens_nav(text[:NAV_PREFIX])  # (nothing to strip or trim at either end)
    return opens_nav(_trim(text.strip())[:NAV_PREFIX])


@lru_cache(maxsize=4096)
def plain_end(ch: str) -> bool:
    """Whether a piece ending in the character ``ch`` keeps that end when stripped and
    trimmed (and, a letter first, is its own trimmed piece: no letter is trimmed)."""
    return not ch.isspace() and not _trimmed(ch)


@lru_cache(maxsize=8192)
def opens_nav(prefix: str) -> bool:
    """Whether ``prefix`` could be continued into a match of a navigation pattern."""
    return bool(_openers(prefix))


@lru_cache(maxsize=8192)
def _openers(prefix: str) -> tuple[int, ...]:
    """Which of the navigation patterns (SITE_SENTENCE, NAV_STRONG, NAV_WEAK, by index)
    ``prefix`` could be continued into a match of."""
    if prefix.isascii():
        lower = prefix.lower()
        if lower != prefix:
            return _openers(lower)  # (the patterns ignore case: an ASCII prefix opens what its lower case opens)
    # (what a pattern matches no continuation of, it matches no longer one of either: a
    # prefix is tried only against the patterns its own prefix opens)
    tried = _openers(prefix[:-1]) if len(prefix) > 1 else (0, 1, 2)
    patterns = (P.SITE_SENTENCE, P.NAV_STRONG, P.NAV_WEAK)
    return tuple(i for i in tried if patterns[i].match(prefix, partial=True) is not None)


def _trim(piece: str) -> str:
    piece = _trim_edges(piece)
    m = P.NAV_BRACKETS.match(piece) if piece[:1] in ("[", "(", "{") else None
    return _trim_edges(m.group(1)) if m else piece


def _trim_edges(piece: str) -> str:
    """``piece`` without the arrows, bullets and spaces at its ends (cheaply when none)."""
    if not piece or not (_trimmed(piece[0]) or _trimmed(piece[-1])):
        return piece
    return P.NAV_TRIM.sub("", piece)


@lru_cache(maxsize=4096)
def _trimmed(ch: str) -> bool:
    """Whether the character ``ch`` is one :func:`_trim_edges` takes off (a piece's ends are few)."""
    return P.NAV_TRIM_EDGE.match(ch) is not None
