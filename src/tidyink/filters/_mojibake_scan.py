"""Which lines could hold mojibake, so ftfy runs only where it can find some.

UTF-8 read as a single-byte code page turns every encoded character into a
"lead" character (the reading of bytes 0xC2-0xF4) followed by "continuation"
characters (bytes 0x80-0xBF). ftfy repairs only such pairs (also with a lost
0xA0 byte read as a space, or a lost byte read as ``?`` or U+FFFD), C1
controls, surrogates and text that is not NFC. A line with none of these gives
ftfy nothing to do, so it is skipped: most prose lines, even accented ones.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from functools import cache


def _chars(encoding: str, byte_values: Iterable[int]) -> str:
    """The characters single bytes read as in a one-byte ``encoding`` (unmapped bytes left out)."""
    return "".join(sorted(set(bytes(byte_values).decode(encoding, errors="ignore"))))


@cache
def _pattern() -> re.Pattern[str]:
    """One alternative per code page ftfy knows: its lead and continuation readings.

    Its text is kept in the cache folder (named for ftfy's version and a digest of this
    module), so that a run on clean text need not import ftfy to build it.
    """
    return _kept("mojibake-scan", _pattern_text)


@cache
def _quick() -> re.Pattern[str]:
    """A pattern that matches wherever :func:`_pattern` does, and a little more: the
    lead, continuation and space readings of every code page merged into one set each.
    It compiles ten times faster, so a text it finds nothing in (most clean prose)
    never pays for the exact pattern."""
    return _kept("mojibake-quick", _quick_text)


def _kept(kind: str, build: Callable[[], str]) -> re.Pattern[str]:
    from tidyink import lexicon

    version = lexicon.installed_version("ftfy")
    here = lexicon.content_key(__file__)  # (the pattern is built by this module's code)
    if version is None or here is None:
        return re.compile(build())
    name = f"{kind}-ftfy{version}-{here}"
    return re.compile(lexicon.cached(name, build, str, family=f"{kind}-ftfy"))


# Both patterns take the first character of a match from the set every alternative
# starts with, then tell the alternatives apart by looking back at it: a pattern that
# starts with a character set lets ``re`` skip to such characters at C speed (three
# times faster than testing each position with a look-ahead). The matches are those of
# ``(?=[first])(?:alt|alt|...)``.
_CONTROLS = r"\x80-\x9f\ud800-\udfff"  # C1 controls, surrogates


def _pattern_text() -> str:
    import ftfy  # noqa: F401  (registers the sloppy-windows-* codecs)
    from ftfy.chardata import CHARMAP_ENCODINGS

    parts = []
    first = set()
    for encoding in CHARMAP_ENCODINGS:
        first.update(_chars(encoding, range(0xC2, 0xF5)))
        lead = re.escape(_chars(encoding, range(0xC2, 0xF5)))
        cont = re.escape(_chars(encoding, range(0x80, 0xC0)))
        space_lead = re.escape(_chars(encoding, _SPACE_LEAD))
        space_mid = re.escape(_chars(encoding, _SPACE_MID))
        parts.append(rf"(?<=[{lead}])[{cont}?\x1a\ufffd]")  # UTF-8 read as single bytes (maybe lossy)
        parts.append(rf"(?<=[{space_lead}]) ")  # ... whose 0xA0 byte became a space
        parts.append(rf"(?<=[{space_mid}]) [{cont}]")
    parts.append(rf"(?<=[{_CONTROLS}])")  # C1 controls, surrogates
    starts = re.escape("".join(sorted(first)))
    return rf"[{starts}{_CONTROLS}](?:{'|'.join(parts)})"


def _quick_text() -> str:
    import ftfy  # noqa: F401
    from ftfy.chardata import CHARMAP_ENCODINGS

    def merged(byte_values: Iterable[int]) -> str:
        return re.escape("".join(sorted({c for e in CHARMAP_ENCODINGS for c in _chars(e, byte_values)})))

    lead, cont = merged(range(0xC2, 0xF5)), merged(range(0x80, 0xC0))
    return (
        rf"[{lead}{_CONTROLS}](?:(?<=[{lead}])[{cont}?\x1a\ufffd]"
        rf"|(?<=[{merged(_SPACE_LEAD)}]) |(?<=[{merged(_SPACE_MID)}]) [{cont}]|(?<=[{_CONTROLS}]))"
    )


_SPACE_LEAD = (0xC2, 0xC3, 0xC5, 0xCE, 0xD0, 0xD9)  # lead bytes whose sequence may hold 0xA0
_SPACE_MID = (0xE2, 0xE3, 0xF0)  # ... and leads of longer sequences


@cache
def _all_chars() -> frozenset[str]:
    import ftfy  # noqa: F401
    from ftfy.chardata import CHARMAP_ENCODINGS

    return frozenset("".join(_chars(e, range(0x80, 0xF5)) for e in CHARMAP_ENCODINGS))


def may_hold_mojibake(texts: list[str]) -> bool:
    """Whether :func:`suspect_lines` may find a line in one of ``texts``, looked at joined
    (a match of the quick pattern in one is one in the whole, and text that is NFC when
    joined by line breaks, which compose with nothing, is NFC in each of its parts).

    ASCII text (or none) holds none: every match starts with a code page's reading of a
    high byte or a C1 control, never ASCII, and ASCII is NFC; the quick pattern, which
    costs milliseconds to compile, is then not needed."""
    whole = "\n".join(texts)
    if whole.isascii():
        return False
    return _quick().search(whole) is not None or not unicodedata.is_normalized("NFC", whole)


def suspect_lines(text: str) -> list[tuple[int, str]]:
    """``(offset, line)`` for each line of ``text`` that ftfy might change."""
    if text.isascii():
        return []
    starts: set[int] = set()
    line_end = -1  # the end of the line the last match was on
    matches = _pattern().finditer(text) if _quick().search(text) else ()
    for m in matches:
        if m.start() > line_end:  # a new line: find its start once
            starts.add(text.rfind("\n", 0, m.start()) + 1)
            end = text.find("\n", m.start())
            line_end = end if end >= 0 else len(text)
    if not unicodedata.is_normalized("NFC", text):
        pos = 0
        for line in text.split("\n"):
            if not unicodedata.is_normalized("NFC", line):
                starts.add(pos)
            pos += len(line) + 1
    out = []
    for start in sorted(starts):
        end = text.find("\n", start)
        out.append((start, text[start : end if end >= 0 else len(text)]))
    return out


def is_mojibake_char(ch: str) -> bool:
    """Whether ``ch`` is what some code page ftfy knows reads a high byte as."""
    return ch in _all_chars()
