"""The single-byte mix-up tables: which character each damaged one stands for.

A mix-up is text written in one code page (``true``) whose bytes were read as
another (``read_as``). Each byte then became one wrong character, so a repair is
a one-to-one character table: ``table[wrong] = right``.
"""

from __future__ import annotations

import re
from functools import cache

# (label, code page the text was written in, code page its bytes were read as)
MIXUPS: tuple[tuple[str, str, str], ...] = (
    ("cp1252 read as cp850", "cp1252", "cp850"),
    ("cp1252 read as cp437", "cp1252", "cp437"),
    ("mac_roman read as cp1252", "mac_roman", "cp1252"),
    ("cp1252 read as mac_roman", "cp1252", "mac_roman"),
)
C1_LABEL = "cp1252 read as latin-1 (C1 control)"


class Mixup:
    """One mix-up's repair table (a plain class: a dataclass costs its methods' building
    at every start-up; the few mix-ups are made once and never changed)."""

    __slots__ = ("_readable", "keys", "label", "repertoire", "table")

    def __init__(self, label: str, table: dict[int, str], keys: frozenset[str], repertoire: frozenset[str]) -> None:
        self.label = label
        self.table = table  # for str.translate
        self.keys = keys
        self.repertoire = repertoire  # every character that reading a byte as ``read_as`` gives
        self._readable = repertoire | _ASCII_CHARS  # (what every byte read as ``read_as`` can give)

    def could_read(self, text: str) -> bool:
        """Whether ``text`` could come out of reading bytes as ``read_as``: a letter that
        code page has no byte for (ý, ř in text said to be read as Mac Roman) says no."""
        if text.isascii():
            return True  # (the usual case, at C speed)
        others = set(text).difference(self._readable)  # (most often none, found at C speed)
        return all(not ch.isalpha() for ch in others)


_HIGH = bytes(range(0x80, 0x100))
_ASCII_CHARS = frozenset(map(chr, range(0x80)))


def _readings(encoding: str) -> list[str | None]:
    """What each byte 0x80-0xFF reads as in a single-byte ``encoding`` (None: undefined),
    from one decoding of all of them (undefined bytes come back as lone surrogates)."""
    text = _HIGH.decode(encoding, errors="surrogateescape")
    return [None if "\udc80" <= ch <= "\udcff" else ch for ch in text]


@cache
def mixups() -> tuple[Mixup, ...]:
    out = []
    for label, true, read_as in MIXUPS:
        table: dict[int, str] = {}
        seen: set[str] = set()
        rights = _readings(true)
        for byte, read in zip(range(0x80, 0x100), _readings(read_as), strict=True):
            # Bytes a code page leaves undefined are read as C1 controls (as browsers do).
            wrong = read or chr(byte)
            seen.add(wrong)
            right = rights[byte - 0x80]
            if right is not None and wrong != right:
                table[ord(wrong)] = right
        out.append(Mixup(label, table, frozenset(chr(k) for k in table), frozenset(seen)))
    return tuple(out)


@cache
def c1_table() -> dict[int, str]:
    """C1 controls that stand for a cp1252 character (0x80-0x9F read as latin-1)."""
    table = {}
    for byte in range(0x80, 0xA0):
        try:
            table[byte] = bytes([byte]).decode("cp1252")
        except UnicodeDecodeError:
            continue
    return table


@cache
def suspects() -> frozenset[str]:
    """Every character that some mix-up can produce."""
    keys: set[str] = set()
    for m in mixups():
        keys |= m.keys
    return frozenset(keys)


@cache
def suspect_tokens() -> re.Pattern[str]:
    """Whitespace-delimited tokens holding a suspect character or a C1 control."""
    chars = re.escape("".join(sorted(c for c in suspects() if not c.isspace())))
    return re.compile(rf"(?<!\S)\S*[{chars}\x80-\x9f]\S*")


@cache
def _suspect_rest() -> re.Pattern[str]:
    """A token's first suspect character and the rest of the token after it."""
    chars = re.escape("".join(sorted(c for c in suspects() if not c.isspace())))
    return re.compile(rf"[{chars}\x80-\x9f]\S*")


def suspect_spans(text: str) -> list[tuple[int, int]]:
    """The spans of ``suspect_tokens().finditer(text)``, found from the suspect characters
    outwards: most of a text's tokens hold none, and are then never matched one by one.
    A match runs from a token's first suspect character to the token's end, so the
    next search starts after the token."""
    if "\x85" in text:  # a C1 control that is also white space: the pattern's own way
        return [m.span() for m in suspect_tokens().finditer(text)]
    out: list[tuple[int, int]] = []
    append = out.append
    for m in _suspect_rest().finditer(text):
        start, end = m.span()
        while start and not text[start - 1].isspace():
            start -= 1
        append((start, end))
    return out


def find_suspect_tokens(text: str) -> list[str]:
    """``suspect_tokens().findall(text)`` (by :func:`suspect_spans`)."""
    return [text[start:end] for start, end in suspect_spans(text)]


def blank_suspect_tokens(text: str) -> str:
    """``suspect_tokens().sub(" ", text)`` (by :func:`suspect_spans`)."""
    parts: list[str] = []
    end = 0
    for start, stop in suspect_spans(text):
        parts.append(text[end:start])
        parts.append(" ")
        end = stop
    parts.append(text[end:])
    return "".join(parts)


C1 = re.compile("[\x80-\x9f]")
# Invisible characters that hide a word from the lexicon (removed by ``invisibles``,
# which runs later); the word test looks through them.
HIDDEN = re.compile(
    "[\x00-\x08\x0e-\x1f\x7f\u00ad\u061c\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]"
)
