"""Heading lines: what a chapter heading looks like on its own line (rank and decoration)."""

from __future__ import annotations

import regex

from tidyink.document import TEXT, Block
from tidyink.filters.scene_breaks import is_break_line
from tidyink.lazy_regex import lazy

_ROMAN = r"(?=[IVXLCDM]+\b)M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})"
_WORD_NUMBERS = (
    r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
    r"sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|"
    r"hundred|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|"
    r"thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|"
    r"thirtieth|fortieth|fiftieth|last|final|un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|"
    r"premier|première|eins|zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|erstes|erster)"
)
_NUMBER = (
    rf"(?:\d{{1,4}}|{_ROMAN}|(?i:{_WORD_NUMBERS}(?:[- ]{_WORD_NUMBERS})*)"
    rf"|(?i:the\s+{_WORD_NUMBERS}))"
)
# Words that name a division; the number (or nothing, for prologue and the like) follows.
_MAJOR = r"(?:book|part|volume|vol\.|tome|livre|partie|teil|buch|libro|parte)"
_CHAPTER = (
    r"(?:chapter|chap\.|ch\.|stave|adventure|episode|letter|canto|section|act|scene|chapitre|"
    r"kapitel|capítulo|capitulo|capitolo|hoofdstuk)"
)
_STANDALONE = (
    r"(?:prologue|epilogue|preface|foreword|introduction|afterword|interlude|conclusion|"
    r"postscript|appendix|prolog|epilog|vorwort|nachwort|préface|avant-propos|épilogue)"
)
_TITLE_TAIL = r"(?:\s*(?P<sep>[.:—–-]|--)?\s+(?P<title>\S.{0,120}))?"
_KEYWORD = lazy(
    rf"(?P<label>(?i:{_MAJOR}|{_CHAPTER}))\s+{_NUMBER}(?P<dot>\.)?{_TITLE_TAIL}"
)
# An ordinal and one noun naming a division of the book: "FIRST PERIOD", "Second Narrative".
_ORDINAL_DIVISION = lazy(
    r"(?i:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth)"
    r"\s+\p{L}{3,}\.?"
)
_MAJOR_RE = lazy(rf"(?i:{_MAJOR})\s")
_STANDALONE_RE = lazy(rf"(?i:{_STANDALONE})(?:\s*(?:[.:—–-]|--)\s*\S.{{0,120}}|\.)?")
_LONE_NUMBER = lazy(rf"(?:{_ROMAN}|\d{{1,3}})\.?")
_NUMBERED_TITLE = lazy(rf"(?:{_ROMAN}|\d{{1,3}})\.\s+(?P<title>[\p{{Lu}}\d].{{0,100}})")
_LIST_ITEM = lazy(r"(?:\d{1,3}|[ivxIVX]{1,4}|[a-zA-Z])[.)]\s+\S")
_CAPS_TITLE = lazy(r"[\p{Lu}\d][\p{Lu}\p{N}\p{Zs}'’.,:;!?&()\-–—]*")
_DATELINE = lazy(
    r"(?i)\b(?:january|february|march|april|may|june|july|august|september|october|november|"
    r"december|monday|tuesday|wednesday|thursday|friday|saturday|sunday|\d+(?:st|nd|rd|th))\b|\d{4}"
)

_ENDINGS = {"the end", "fin", "finis", "ende", "end", "fine", "the end of the book"}

_BY = {"by", "von", "par", "di", "de", "door", "por"}

# Ranks: lower is higher in the outline.
MAJOR, CHAPTER, NUMBERED, CAPS = 0, 1, 2, 3


# Decoration around a heading line, as fan-fiction sites show it: "~Chapter 3~",
# "**Chapter 3: Ashes**", "-x- Part Two -x-", "=== Prologue ===".
_DECOR_UNIT = r"[~*_=#+•·\-\[\]<>|]|xXx|oOo|\s"  # (no two alternatives start alike)
_DECOR_RUN = rf"(?:{_DECOR_UNIT})*"
# decorated() reads a line as this pattern would, which backtracks quadratically on long lines.
DECORATED_PATTERN = rf"(?P<lead>{_DECOR_RUN})(?P<core>\S.*?)(?P<trail>{_DECOR_RUN})"
_UNIT = lazy(_DECOR_UNIT)
_NOT_IN_UNIT = lazy(r"(?r)[^~*_=#+•·\-\[\]<>|xXoO\s]")  # the last character no unit holds
_SPACE = lazy(r"\s")


def decorated(line: str) -> tuple[str, str, str] | None:
    """The groups (lead, core, trail) of :data:`DECORATED_PATTERN` matching the whole
    line, in linear time.

    At any position at most one decoration unit starts, so a run of them reads one
    way only: the lead is the longest run from the start whose end holds a non-space
    (shorter runs are tried after, as the pattern backtracks); the core runs from there
    to the first position, after its first character and before any newline, from which
    decoration runs to the end; the trail is the rest.
    """
    n = len(line)
    to_end = [False] * (n + 1)  # decoration runs from here to the end
    to_end[n] = True
    # (no run of units crosses a character that no unit holds: from the last one back,
    # none runs to the end, and only the line's tail is tried)
    last = _NOT_IN_UNIT.search(line)
    tail = last.start() + 1 if last is not None else 0
    for q in range(n - 1, tail - 1, -1):
        m = _UNIT.match(line, q)
        to_end[q] = m is not None and to_end[m.end()]
    first_end = [n] * (n + 2)  # the first position from here on with to_end
    for q in range(n - 1, tail - 1, -1):
        first_end[q] = q if to_end[q] else first_end[q + 1]
    first_end[:tail] = [first_end[tail]] * tail
    ends = [0]  # where the runs of the lead may end
    while (m := _UNIT.match(line, ends[-1])) is not None:
        ends.append(m.end())
    for b in reversed(ends):
        if b >= n or _SPACE.match(line, b):
            continue
        q = first_end[b + 1]
        newline = line.find("\n", b + 1, q)
        if newline < 0:
            return line[:b], line[b:q], line[q:]
    return None


def decoration(line: str) -> tuple[int, int] | None:
    """Lengths of the decoration before and after a decorated chapter-heading line."""
    found = decorated(line)
    if not found or not (found[0].strip() or found[2].strip()):
        return None
    lead, core, trail = found
    if classify(core) not in (MAJOR, CHAPTER):
        return None
    return len(lead), len(trail)


# Capitals spaced out letter by letter, as printers set a heading: "P R E F A C E",
# "T H E   L A S T   W O R D" (a wider space between the words).
_SPACED = lazy(r"\p{Lu}(?: \p{Lu})+(?: {2,}\p{Lu}(?: \p{Lu})*)*[.:]?")


def closed_up(line: str) -> str | None:
    """A letter-spaced line with its letters closed up into words ("PREFACE"), or None
    when the line is not letter-spaced (a word of four letters at least)."""
    if not line.isupper():
        return None  # (a lower-case letter, or none cased: told without copying a paragraph's line)
    core = line.strip()
    if not _SPACED.fullmatch(core):
        return None
    words = [w.replace(" ", "") for w in regex.split(r" {2,}", core)]
    return " ".join(words) if max(len(w) for w in words) >= 4 else None


def close_up(block: Block) -> tuple[int, int, str, str] | None:
    """Close up a letter-spaced heading line in place ("P R E F A C E" -> "PREFACE");
    the change as (line, column, old, new), or None when there is none."""
    if len(block.spans) != 1 or block.spans[0].kind != TEXT:
        return None
    span = block.spans[0]
    first = span.text.split("\n", 1)[0]
    words = closed_up(first)
    if words is None:
        return None
    start, end = len(first) - len(first.lstrip()), len(first.rstrip())
    line, col = span.position(start)
    span.edit([(start, end, words)])
    return line, col, first[start:end], words


# What a decorated heading line can open with: other lines over MAX_HEADING
# characters are no heading.
_DECORATED_START = "~*_=#+•·-[<|xo"
MAX_HEADING = 120
_LONG = 2 * MAX_HEADING  # a text this long is first measured by its start


def classify(text: str) -> int | None:
    """The rank of a heading line, or None when it is not one."""
    if text[:1] in _QUOTED_START:
        return None  # dialogue: no heading, no decoration, no bullet opens so (as rank_of_line finds)
    if len(text) > _LONG:
        # A paragraph: its start, spaces closed up, is no longer than the whole so closed up.
        head = " ".join(text[:_LONG].split())
        if len(head) > MAX_HEADING and head[0] not in _DECORATED_START:
            return None
    return rank_of_line(text)


# What no heading line opens with (neither a decoration's nor a bullet's first character).
_QUOTED_START = frozenset("\"'“‘«(")


def rank_of_line(text: str) -> int | None:
    """:func:`classify` without its pre-test for long texts."""
    line = " ".join(text.split())
    if line and line[0] in "•◦▪‣∙●○■◆►▸❖" and line[0] not in line[1:] and line[1:2] == " ":
        return None  # "• Home": a list's item, no decorated heading ("• Chapter One •")
    if line and line[0] in _DECORATED_START and decoration(line):
        return CHAPTER if classify(decorated(line)[1]) == CHAPTER else MAJOR  # type: ignore[index]
    if not line or len(line) > MAX_HEADING or line[0] in "\"'“‘«(*_[":
        return None
    m = _KEYWORD.fullmatch(line)
    if m:
        title = m.group("title")
        if title and not _title_ok(title):
            return None
        # "Chapter One The Beginning" is a heading; "Part one of the plan failed." is not.
        bare = title and not (m.group("dot") or m.group("sep") or title.startswith(("(", "[")))
        if bare and (not (title.isupper() or _title_case(title)) or title.endswith(".")):
            return None
        return MAJOR if _MAJOR_RE.match(line) else CHAPTER
    if _STANDALONE_RE.fullmatch(line):
        return CHAPTER
    m = _ORDINAL_DIVISION.fullmatch(line)
    if m and (line.isupper() or _title_case(line)):
        return MAJOR  # "FIRST PERIOD", "Second Narrative", "Third Book"
    if _LONE_NUMBER.fullmatch(line):
        return NUMBERED
    m = _NUMBERED_TITLE.fullmatch(line)
    if m and _title_ok(m.group("title")) and (line.isupper() or _title_case(m.group("title"))):
        return CHAPTER
    if _caps_title(line) and not is_break_line(line):  # "LINE BREAK" marks a scene break
        return CAPS
    return None


def _title_ok(title: str) -> bool:
    """A heading's title does not read like a sentence of prose."""
    return not title.rstrip().endswith(",") and len(title.split()) <= 16


def _title_case(title: str) -> bool:
    words = [w for w in regex.findall(r"\p{L}+", title)]
    big = sum(1 for w in words if w[0].isupper())
    return bool(words) and big * 2 >= len(words)


def _caps_title(line: str) -> bool:
    if not line.isupper():
        return False  # (first: most lines are not, and counting letters costs more)
    letters = [ch for ch in line if ch.isalpha()]
    if len(letters) < 3 or not _CAPS_TITLE.fullmatch(line):
        return False
    if len(line.split()) > 10 or line.endswith((",", ";")) or _DATELINE.search(line):
        return False
    return line.rstrip(".!").casefold() not in _ENDINGS
