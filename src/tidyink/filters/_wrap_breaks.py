"""Where a hard-wrapped paragraph's lines break (:func:`line_breaks`), and which of those
breaks a paragraph keeps (:func:`kept_breaks`): a wrapped line's rest never opens with a
bullet, a line set far right or longer than the wrap stands alone, a line only a page
writes (story-info, form controls, two chrome lines in a row) keeps its own line."""

from __future__ import annotations

import re
from functools import cache

from tidyink.document import INDENT
from tidyink.filters._layout import DEEP_INDENT, ITEM_HEADS, Line, Plain, View, Wrap, ends_sentence
from tidyink.filters._navigation import is_nav
from tidyink.filters._page_chrome import (
    bullet_item,
    chrome_kind,
    could_be_chrome_test,
    strong_shape,
)
from tidyink.lazy_regex import lazy
from tidyink.offsets import OffsetMap

_STAR_ITEM = lazy(r"[*+]\s+\S")


def line_breaks(text: str) -> list[tuple[int, int]]:
    """The spans of ``[ \\t]*\\n[ \\t\\u00a0]*`` in ``text`` (a newline, the spaces and tabs
    before it and the indentation after it), found from the newlines (faster than the
    pattern, which is tried at every space)."""
    out = []
    append = out.append
    size = len(text)
    done = 0  # where the last match ended: the next cannot start before it
    newline = text.find("\n")
    while newline >= 0:
        start = newline
        while start > done and text[start - 1] in " \t":
            start -= 1
        end = newline + 1
        while end < size and text[end] in " \t\u00a0":
            end += 1
        append((start, end))
        done = end
        newline = text.find("\n", end)
    return out


def join_breaks(text: str) -> tuple[str, OffsetMap, int] | None:
    """``text`` (not edited before) with every line break of :func:`line_breaks` made one
    space and its indentation and trailing white space (``INDENT``) taken off, its offset
    map, and the number of breaks: what :meth:`Span.edit` makes of those edits, in one pass
    (None: no break, or a trimmed end reaching a break; then make the edits).
    """
    return join_plain(text) if _plain(text) else _join_breaks_loop(text)


def plain_join(text: str) -> tuple[str, OffsetMap, int] | None:
    """:func:`join_breaks` of a text with no indentation, trailing white space, or space at
    a break (most wrapped prose), else None (also when it has no break)."""
    return join_plain(text) if _plain(text) else None


def join_plain(text: str) -> tuple[str, OffsetMap, int] | None:
    """:func:`join_breaks` of a text :func:`_plain` finds plain (a plain paragraph's, see
    ``_layout.Plain``)."""
    # Each break is its newline alone, made a space, one character for one, which sends
    # every offset where it stood (the identity map, as Span.edit makes it).
    joins = text.count("\n")
    return (text.replace("\n", " "), OffsetMap(), joins) if joins else None


def _plain(text: str) -> bool:
    return text[:1] not in INDENT and text[-1:] not in INDENT and not _spaced_break(text)


def dash_at_break(text: str) -> bool:
    """Whether a hyphen or a dash ends a line of ``text`` (one without space at its
    breaks), or a dash opens one: only then does unwrapping join a break by other than a space."""
    return _at_newline()[0].search(text) is not None


def _spaced_break(text: str) -> bool:
    """Whether a break of :func:`line_breaks` in ``text`` holds more than its newline."""
    return _at_newline()[1].search(text) is not None


@cache
def _at_newline() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A newline after a hyphen or a dash, or before a dash ("-\\n", "—\\n", "―\\n", "\\n--",
    "\\n—"); a newline after a space or a tab, or before one or a no-break space. (Found from
    the newline by the standard re module: several times faster than as many substrings.)"""
    return re.compile("\n(?:--|—|(?<=[-—―]\n))"), re.compile("\n(?:[ \t\u00a0]|(?<=[ \t]\n))")


def _join_breaks_loop(text: str) -> tuple[str, OffsetMap, int] | None:
    """:func:`join_breaks` without its fast path: each break found and made in one loop."""
    size = len(text)
    lead = size - len(text.lstrip(INDENT))
    trail = len(text.rstrip(INDENT))
    parts: list[str] = []
    pieces: list[tuple[int, int, bool]] = []
    starts: list[int] = []
    shift = -lead  # new offset minus current offset (the indentation is gone)
    cur = lead  # where the text still to copy starts
    joins = 0
    for start, end in line_breaks(text):  # (offsets.first_edit, made as the breaks are read)
        if start < cur:
            return None  # (a break inside the indentation)
        if start > cur:
            parts.append(text[cur:start])
            pieces.append((cur + shift, cur, True))
            starts.append(cur + shift)
        parts.append(" ")
        pieces.append((start + shift, start, False))
        starts.append(start + shift)
        shift += 1 - (end - start)
        cur = end
        joins += 1
    if not joins:
        return None
    if lead < trail < size:  # the trailing white space goes
        if trail < cur:
            return None
        if trail > cur:
            parts.append(text[cur:trail])
            pieces.append((cur + shift, cur, True))
            starts.append(cur + shift)
        shift -= size - trail
        cur = size
    parts.append(text[cur:])
    pieces.append((cur + shift, cur, True))
    starts.append(cur + shift)
    return "".join(parts), OffsetMap.of(pieces, starts), joins


def kept_breaks(lines: list[Line], wrap: Wrap) -> list[bool]:
    """For each two lines in a row, whether the break between them is kept: whether each
    pair's break is hard, with what it asks of each line (its shape, its chrome) asked once."""
    width = wrap.width
    if width is None or len(lines) < 2:
        return [True] * (len(lines) - 1)
    slack = wrap.slack
    longest, room = width + slack, width - slack
    texts = [x.stripped for x in lines]
    joined = "\n".join(texts)
    # a page's line, kept whole (every strong shape holds a colon or a bracket)
    strong = [strong_shape(text) for text in texts] if ":" in joined or "[" in joined else None
    heads = ITEM_HEADS  # (the first character of every bullet item is_item finds)
    out: list[bool] = []
    append = out.append
    pending: list[int] = []  # pairs only the chrome of both lines decides (False until then)
    for k in range(len(lines) - 1):
        line, next_line = lines[k], lines[k + 1]
        if (
            line.length > longest
            or line.indent >= DEEP_INDENT
            or next_line.indent >= DEEP_INDENT
            or (strong is not None and (strong[k] or strong[k + 1]))
            or (next_line.stripped[:1] in heads and is_item(next_line))
        ):
            append(True)
            continue
        # wrap.fits: the next line's first word (no longer than the line) fits on this one
        if line.length + 1 < room and (
            line.length + 1 + len(next_line.stripped) < room or wrap.fits(line, next_line)
        ):
            append(True)
            continue
        append(False)
        pending.append(k)
    if pending:
        _chrome_pairs(texts, joined, pending, out)
    return out


def non_blank(lines: View | None) -> View | None:
    """The non-blank lines of a paragraph's lines (a plain paragraph has no blank line)."""
    if lines is None or type(lines) is Plain:
        return lines
    return [x for x in lines if x.stripped]


def breaks_of(lines: View | None, wrap: Wrap) -> list[bool] | None:
    """:func:`kept_breaks` of a paragraph's non-blank lines."""
    if lines is None:
        return None
    if type(lines) is Plain:
        return plain_kept_breaks(lines, wrap)
    return kept_breaks(lines, wrap)


def blank_line_paragraphs(kept: list[View | None], hards: list[list[bool] | None], wrap: Wrap) -> bool:
    """Whether the text puts a blank line between its paragraphs: its wrapped blocks
    hold one paragraph each (no line short of the wrap but the last), or, unwrapped,
    its blocks are single lines. ``kept``: each paragraph's non-blank lines (None for
    other blocks); ``hards``: their :func:`kept_breaks`."""
    if wrap.width is None:
        # Not wrapped: paragraphs one a line, a blank line between them.
        counts = [len(lines) for lines in kept if lines is not None]
        singles = sum(1 for n in counts if n == 1)
        return singles >= 5 and singles >= 0.6 * len(counts)
    breaks = [hard for lines, hard in zip(kept, hards, strict=True) if lines is not None and len(lines) >= 3]
    breaks = [hard for hard in breaks if hard is not None and not all(hard)]  # lines all kept whole: verse
    if len(breaks) < 5:
        return False
    return sum(1 for hard in breaks if not any(hard[:-1])) >= 0.8 * len(breaks)


def sentence_blocks(kept: list[View | None]) -> bool:
    """Blocks of several lines that nearly all end a sentence: paragraphs parted by blank
    lines (however ragged their lines), not runs of paragraphs marked by indentation.
    ``kept``: each paragraph's non-blank lines (None for other blocks)."""
    blocks = [b for b in kept if b is not None and len(b) >= 2]
    if len(blocks) < 5:
        return False
    ends = sum(1 for b in blocks if ends_sentence(b.texts[-1] if type(b) is Plain else b[-1].stripped))
    # (no line of a plain paragraph is set in)
    set_in = sum(1 for b in blocks if type(b) is not Plain and any(x.indent >= b[0].indent + 2 for x in b[1:]))
    return ends >= 0.8 * len(blocks) and set_in <= 0.2 * len(blocks)


def plain_kept_breaks(plain: Plain, wrap: Wrap) -> list[bool]:
    """:func:`kept_breaks` of a plain paragraph's lines (:class:`._layout.Plain`: no line set
    in, each its own stripped text and length), read as strings; a paragraph with a mark
    a line's shape needs (a colon or a bracket, a bullet at a line's start) is read as lines."""
    texts = plain.texts
    width = wrap.width
    if width is None or len(texts) < 2:
        return [True] * (len(texts) - 1)
    if plain.marked:  # (a strong shape needs a colon or a bracket; an item, its first character)
        return kept_breaks(plain.lines, wrap)
    joined = plain.text
    slack = wrap.slack
    longest, room = width + slack, width - slack
    out: list[bool] = []
    append = out.append
    pending: list[int] = []
    for k, length in enumerate(map(len, texts[:-1])):
        # (as kept_breaks: longer than the wrap, or the next line's first word fits on this one)
        if length > longest or (
            length + 1 < room
            and (length + 1 + len(texts[k + 1]) < room or length + 1 + len(texts[k + 1].split(maxsplit=1)[0]) < room)
        ):
            append(True)
        else:
            append(False)
            pending.append(k)
    if pending:
        _chrome_pairs(texts, joined, pending, out)
    return out


def _chrome_pairs(texts: list[str], joined: str, pending: list[int], out: list[bool]) -> None:
    """Set ``out[k]`` for each pair ``k`` of ``pending``: whether both its lines read as a
    page's chrome. Each line's cheap test (:func:`could_be_chrome`) is asked at most
    once, and first of the line at an odd index: when it fails, neither pair the line is
    in asks the other line's; the full test (:func:`chrome_kind`) once, likewise."""
    could = could_be_chrome_test(texts, joined)
    cheap: list[bool | None] = [None] * len(texts)
    chrome: list[bool | None] = [None] * len(texts)  # chrome_kind is not None, likewise
    for k in pending:
        odd = k | 1  # (the pair's line at an odd index, then the other, k or k + 1)
        found = cheap[odd]
        if found is None:
            found = cheap[odd] = could(texts[odd])
        if not found:
            continue
        even = k + (k & 1)
        found = cheap[even]
        if found is None:
            found = cheap[even] = could(texts[even])
        if found:
            out[k] = _both_chrome_at(texts, k, chrome)


def _both_chrome_at(texts: list[str], k: int, chrome: list[bool | None]) -> bool:
    """Whether lines ``k`` and ``k + 1`` (``texts``: the lines stripped) are both chrome
    (:func:`chrome_kind`), each line's test asked at most once."""
    for j in (k, k + 1):
        if chrome[j] is None:
            chrome[j] = chrome_kind(texts[j], is_nav) is not None
        if not chrome[j]:
            return False
    return True


def is_item(line: Line) -> bool:
    """A bullet item: a glyph bullet, or ``*`` / ``+`` and a space."""
    star = line.stripped[:1] in ("*", "+") and _STAR_ITEM.match(line.stripped) is not None
    return star or bullet_item(line.text)
