"""Site chrome in a web page saved as text (``w3m -dump``, ``lynx -dump``, "Save as text").

A text browser renders a story page as its menus, a story-info block, the story,
then a review or comment footer. The chrome is recognised by its SHAPE, not by
a site's words:

* strong lines: a story-info line of ``Label: value`` pieces with counts and
  separators (``Rated: T - English - Words: 1,204 - id: 77``), a line of form
  controls (``[          ] [Go]``, ``[ ] Story [ ] Author``), a chapter select
  (``[1. Chapter 1] Next >``), navigation a site alone writes;
* weak lines: a bullet menu item (``  • Browse``), a separator-dense menu
  (``Home . Forums . Help . Top``), a ``Label:`` alone or a short ``Label: value``,
  a bare number or date, a comma list of user names, a bracketed widget, a URL.

Every other line is text, worth its letters and digits (scaled to about a
line's length): a measure unwrapping leaves alone, since joining a paragraph's
lines adds only spaces and rejoining a split word drops only its hyphen, so the
page's own cleaned output is weighed as its source was. The story is the stretch of lines
with the highest total (text minus chrome; the maximum-sum segment, as in body
text extraction), so a short summary caught between a menu and the story-info
line goes with the chrome, while a label or two inside the story stays. The
stretch is only trusted when the part cut away holds strong chrome, or plenty
of weak chrome and little else.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from functools import cache
from itertools import islice

from tidyink.document import WHITE_SPACE as WHITE_SPACE  # (read from here by tests)
from tidyink.filters import _navigation
from tidyink.filters._navigation import NAV_PREFIX, may_open_nav, opens_nav, plain_end
from tidyink.filters.scene_breaks import is_break_line
from tidyink.lazy_regex import lazy

STRONG = 1500.0  # a story-info line, form controls: only pages of story on both sides outweigh one
WEAK = 80.0  # about one line of prose
NEUTRAL = 0.0
EDGE = 400  # lines measured at each end of the text
PROBE = 40  # lines looked at first: a page shows chrome this close to an edge
PER_LETTER = 1.25  # characters of prose per letter or digit (spaces, punctuation)

_GLYPHS = "•◦▪‣∙●○□☆★■◆►▸❖"  # bullets of lists and menus
BULLET_GLYPHS = frozenset(_GLYPHS)
_BULLET = lazy(rf"^\s*(?:[{_GLYPHS}]|[*+-](?=\s))\s*(?P<item>.*)$")
_SEPARATORS = lazy(r"\s+(?:[-|·•●»›/]|\.)\s+|\s*[|•●»]\s*")
_SEPARATOR_HINT = lazy(r"[|•●»]|\s[-·›/.]\s")  # found wherever _SEPARATORS is (and faster)
_LABEL_ONLY = lazy(r"^\s*\p{Lu}[\p{L}\p{N}/&'’ ()-]{0,30}:\s*$")
_LABEL_VALUE = lazy(r"^\s*(?P<label>\p{Lu}[\p{L}/&'’ ]{0,24}?)\s*:\s*(?P<value>\S.*?)\s*$")
_STAT = lazy(r"\b\p{L}[\p{L}/ ]{0,14}:\s*[\d][\d,./:-]*(?=\s|$)")
_NUMBER_LINE = lazy(r"^\s*[\d][\d,./:\- ]*\s*$")
_BOX = lazy(r"\[[\s_]*\]")
_BRACKETED = lazy(r"\[[^\[\]\n]{0,60}\]")
_ARROW_NAV = lazy(r"(?:^|\s)(?:<{1,2}|«|‹|←)\s*\p{L}{2,8}\b|\b\p{L}{2,8}\s*(?:>{1,2}|»|›|→)(?:\s|$)")
_URL = lazy(r"^\s*(?:[\w+.-]+://|www\.)\S+\s*$")
_SENTENCE_END = lazy(r"[.!?…]['\"’”)]*\s*$")
_TRAILING_SEPARATOR = lazy(r"\s+(?:[-|·•●»›/]|\.)\s*$")
_ALNUM = lazy(r"[\p{L}\p{N}]")
_RULE = lazy(r"^\s*[━─═_=\-~*.·•:|]{3,}\s*$")


def line_value(text: str, is_nav: Callable[[str], str | None]) -> float:
    """How much a line weighs as story text (its length) or against it (chrome)."""
    stripped = text.strip()
    if _BOX.search(stripped) and not _ALNUM.search(stripped):
        return -WEAK  # an empty form field
    if not stripped or _RULE.match(stripped) or not _ALNUM.search(stripped):
        return NEUTRAL
    if is_break_line(stripped):
        return NEUTRAL  # an ornament or a scene break
    kind = chrome_kind(stripped, is_nav)
    if kind == "strong":
        return -STRONG
    if kind == "weak":
        return -WEAK
    return text_weight(stripped)


def text_weight(text: str) -> float:
    """A line of text's weight: its letters and digits, in characters of prose (so that
    a paragraph weighs the same wrapped or joined into one line)."""
    return PER_LETTER * len(_ALNUM.findall(text))


def chrome_kind(line: str, is_nav: Callable[[str], str | None]) -> str | None:
    """'strong' or 'weak' when a (stripped) line is page chrome by its shape, else None."""
    if strong_shape(line):
        return "strong"
    boxes = _BOX.findall(line) if "[" in line else []  # (both need a bracket)
    bracketed = _BRACKETED.findall(line) if "[" in line else []
    nav = is_nav(line)
    if nav == "strong":  # (a site's sentence, "(See the end of the chapter for notes.)", is weak)
        return "weak" if _SENTENCE_END.search(line.rstrip(")]")) else "strong"
    bullet = _BULLET.match(line)
    if bullet:
        item = bullet.group("item").strip()
        if not item or is_nav(item) == "strong":
            return "weak" if not item else "strong"
        if len(item.split()) <= 6 and not _SENTENCE_END.search(item):
            return "weak"
        return None
    if nav == "weak" or _URL.match(line) or _NUMBER_LINE.match(line) or boxes:
        return "weak"
    if _pieces(line) >= 3 and not _SENTENCE_END.search(_TRAILING_SEPARATOR.sub("", line)):
        return "weak"  # "Home . Forums . Help . Top"
    if ":" not in line:  # (both label patterns need a colon)
        m = None
    elif _LABEL_ONLY.match(line):
        return "weak"
    else:
        m = _LABEL_VALUE.match(line)
    if m and len(m.group("label").split()) <= 3 and len(m.group("value")) <= 40 and not _SENTENCE_END.search(line):
        return "weak"
    if _name_list(line):
        return "weak"
    if bracketed and len(_BRACKETED.sub(" ", line).split()) <= 4:
        return "weak"  # "[image] Review this"
    return None


def could_be_chrome(line: str) -> bool:
    """False only when :func:`chrome_kind` of ``line`` with :func:`._navigation.is_nav` is
    None, told cheaply (most lines of a book are running prose: no colon, bracket,
    separator, bullet or leading digit, and no opening a navigation piece could have)."""
    # (each mark of _MARKS looked for alone: faster than a set or a pattern)
    if ":" in line or "[" in line or "|" in line or "•" in line or "●" in line or "»" in line or "·" in line:
        return True  # strong shapes, boxes, brackets, labels, menus of pieces
    if line.count(",") >= 5:
        return True  # a name list
    if ("-" in line or "." in line or "/" in line or "›" in line) and _SPACED_MARK.search(line):
        return True  # (_SPACED_MARK needs one of these)
    return _CHROME_START.match(line) is not None or may_open_nav(line)


_START_MARKS = frozenset(_GLYPHS + "*+-")  # what _CHROME_START can match first, but a digit


def could_be_chrome_each(lines: list[str], joined: str | None = None) -> list[bool]:
    """:func:`could_be_chrome` of each of ``lines`` (no newline in any), with the tests
    every line would fail told once for all of them, by searching the lines together
    (``joined``: the lines joined by newlines, when the caller has them)."""
    return list(map(could_be_chrome_test(lines, joined), lines))


def could_be_chrome_test(lines: list[str], joined: str | None = None) -> Callable[[str], bool]:
    """:func:`could_be_chrome` for any one of ``lines`` (no newline in any): when no line
    has a mark or a spaced mark (told by searching them together), a cheaper test that
    only reads a line's commas and its opening."""
    if joined is None:
        joined = "\n".join(lines)
    if (
        ":" in joined or "[" in joined or "|" in joined or "•" in joined or "●" in joined
        or "»" in joined or "·" in joined or _spaced_mark_scan().search(joined)
    ):
        return could_be_chrome  # (a line of them may have a mark)
    return _could_be_chrome_unmarked


def _could_be_chrome_unmarked(line: str) -> bool:
    """:func:`could_be_chrome` of a line without a mark or a spaced mark: its commas and
    its opening tell."""
    head = line[:1]
    if head.isascii() and head.isalpha() and plain_end(line[-1]):
        # An ASCII letter first (no bullet, digit or space; no URL scheme without a
        # colon) and nothing to trim at the end: only "www." and the line's first
        # characters may start chrome.
        return opens_nav(line[:NAV_PREFIX]) or line.count(",") >= 5 or line[:4] == "www."
    if line.count(",") >= 5:
        return True
    return (_may_start_chrome(line) and _CHROME_START.match(line) is not None) or may_open_nav(line)


def _may_start_chrome(line: str) -> bool:
    """False only when _CHROME_START cannot match ``line``, a line without a colon (so no
    URL with a scheme): told by its first character when that is ASCII (whose digits and
    white space isdigit and isspace know)."""
    head = line[:1]
    return not head.isascii() or head in _START_MARKS or head.isdigit() or head.isspace() or line[:4] == "www."


# Every mark _SEPARATOR_HINT and the navigation separators need, alone (_MARKS) or spaced
# (_SPACED_MARK): a line without them is one navigation piece or none. Tests check
# the two against those patterns.
_MARKS = frozenset(":[|•●»·")
_SPACED_MARK = lazy(r"\s[-·›/.]\s")


@cache
def _spaced_mark_scan() -> re.Pattern[str]:
    """_SPACED_MARK found from its mark (far fewer places to try in running text), by the
    standard re module (faster at this), compiled on first use (most of a millisecond)."""
    return re.compile(rf"[-·›/.](?<=[{WHITE_SPACE}].)[{WHITE_SPACE}]")


# a bullet, a URL, a number at the line's start
_CHROME_START = lazy(rf"\s*(?:[{_GLYPHS}]|[*+-](?=\s))|\s*(?:[\w+.-]+://|www\.)|\s*\d")



def strong_shape(line: str) -> bool:
    """A line only a page writes, by its shape alone: story-info, form controls, a chapter select.
    (Unwrap keeps the breaks around one, so a page's lines are read again as they were.)"""
    if ":" not in line and "[" not in line:
        return False  # (a fast path: every shape here has a stat or a bracket)
    if story_info(line):
        return True  # story-info: "Words: 1,204 - Reviews: 12 - id: 77"
    boxes = _BOX.findall(line)
    bracketed = _BRACKETED.findall(line)
    if boxes and (len(boxes) >= 2 or len("".join(bracketed)) >= 0.3 * len(line)):
        return True  # form controls
    if len(bracketed) >= 2 and len("".join(bracketed)) >= 0.4 * len(line):
        return True  # "[< Prev] [3. Ashes] [Next >]"
    return bool(bracketed) and bool(
        _ARROW_NAV.search(_BRACKETED.sub(" ", line)) or any(_ARROW_NAV.search(b[1:-1]) for b in bracketed)
    )  # "[1. Chapter 1] Next >", "[ < Prev ][78. Chapter 78]"


def story_info(line: str) -> bool:
    """A story-info line: two ``Label: number`` stats, or one among four short pieces."""
    stats = len(_STAT.findall(line))
    return stats >= 2 or (stats >= 1 and _pieces(line) >= 4)


_GLYPH_ITEM = lazy(rf"^\s*[{_GLYPHS}]\s")


def bullet_item(line: str) -> bool:
    """A line opening with a bullet glyph: a list or menu item, never a wrapped line's rest."""
    head = line[:1]
    if head.isspace():
        head = line.lstrip()[:1]  # (a copy: only for a line set in)
    return head != "" and head in _GLYPHS and bool(_GLYPH_ITEM.match(line))


def _pieces(line: str) -> int:
    """Pieces of a separator-dense line, when every piece is short (a menu, a stats line)."""
    if not _SEPARATOR_HINT.search(line):
        return 0  # (no separator: one piece)
    pieces = [p for p in _SEPARATORS.split(line) if _ALNUM.search(p)]
    if len(pieces) < 2 or any(len(p.split()) > 5 or len(p) > 32 for p in pieces):
        return 0
    return len(pieces)


def _name_list(line: str) -> bool:
    """A line of user names: many commas, one or two words between them."""
    if line.count(",") < 5:
        return False
    pieces = [p.strip() for p in line.split(",")]
    short = sum(1 for p in pieces if len(p.split()) <= 2)
    return short >= 0.8 * len(pieces)


def line_values(texts: Sequence[str], is_nav: Callable[[str], str | None]) -> list[float]:
    """:func:`line_value` of each (non-blank) line, in context: a ``Label:`` alone over
    a line of running text heads a section of the page (``Summary:``, ``Work Text:``),
    and weighs nothing."""
    n = len(texts)
    if not page_like(texts, is_nav):
        return [text_weight(text) for text in texts]  # no page: nothing to measure
    # Chrome sits at the edges: lines deep inside a long text count as text, unmeasured.
    values = [
        line_value(text, is_nav) if k < EDGE or k >= n - EDGE else text_weight(text)
        for k, text in enumerate(texts)
    ]
    for i in range(len(texts) - 1):
        if values[i] == -WEAK and _LABEL_ONLY.match(texts[i]) and values[i + 1] > 0:
            values[i] = NEUTRAL
    return values


def page_like(texts: Sequence[str], is_nav: Callable[[str], str | None]) -> bool:
    """Whether the (non-blank) lines show a page's chrome close to an edge: three chrome
    lines or more among the first and the last :data:`PROBE`. Without it every line
    weighs as text, and the story's stretch is the whole text (nothing is cut)."""
    n = len(texts)
    probe = [texts[k] for k in range(n) if k < PROBE or k >= n - PROBE]
    if is_nav is _navigation.is_nav:
        # a line weighs against the text only as chrome (or an empty form field, which
        # has a bracket): never one that could_be_chrome clears, told for most lines of
        # prose by one search of them all
        could = could_be_chrome_test(probe)
        probe = [text for text in probe if could(text.strip())]
    return sum(1 for text in probe if line_value(text, is_nav) < 0) >= 3


def page_like_at_edges(first: Iterable[str], last: Iterable[str], is_nav: Callable[[str], str | None]) -> bool:
    """:func:`page_like` of a text's non-blank lines, given from the start (``first``)
    and from the end (``last``, last line first), read only as far as it probes them."""
    head = list(islice(first, 2 * PROBE + 1))
    if len(head) <= 2 * PROBE:
        return page_like(head, is_nav)  # a short text: every line is probed
    # More than 2 * PROBE lines: the first PROBE and the last PROBE, apart, are probed.
    tail = list(islice(last, PROBE))
    return page_like(head[:PROBE] + tail[::-1], is_nav)


def story_region(values: Sequence[float]) -> tuple[int, int] | None:
    """First and last index of the maximum-sum stretch of ``values`` (None: nothing positive).

    Zero-valued lines (blank lines, rules, ornaments) next to the stretch join it.
    """
    best = 0.0
    best_span: tuple[int, int] | None = None
    total = 0.0
    start = 0
    for i, value in enumerate(values):
        if total <= 0:
            total, start = 0.0, i
        total += value
        if total > best:
            best, best_span = total, (start, i)
    if best_span is None:
        return None
    first, last = best_span
    while first > 0 and values[first - 1] == NEUTRAL:
        first -= 1
    while last + 1 < len(values) and values[last + 1] == NEUTRAL:
        last += 1
    return first, last


def section_title(text: str) -> bool:
    """A short line without a sentence's end ("Actions", "Comments"): just above a
    footer it names the footer's first section, not the story's last line."""
    words = text.split()
    return 0 < len(words) <= 3 and len(text.strip()) <= 30 and not _SENTENCE_END.search(text)


def trusted_cut(values: Sequence[float], texts: Sequence[str]) -> bool:
    """Whether the lines cut at one edge (``texts``, weighed as ``values``) are a page's
    chrome: three chrome lines or more, no fewer than the lines of text, and a strong one
    among them or eight weak ones. Text is counted in units unwrapping leaves alone (its
    sentences, or its weight in lines of prose), not in lines as set, which unwrapping
    joins: the decision must hold for the cleaned page too."""
    chrome = sum(1 for v in values if v < 0)
    prose = [t for v, t in zip(values, texts) if v > 0]
    sentences = sum(len(_SENTENCE_IN.findall(t)) for t in prose)
    text = max(sentences, sum(v for v in values if v > 0) / WEAK)
    strong = any(v <= -STRONG for v in values)
    return chrome >= 3 and chrome >= text and (strong or chrome >= 8)


_SENTENCE_IN = lazy(r"[\p{L}\p{N}][.!?…]+['\"’”)]*(?=\s|$)")
