"""Line-level helpers shared by the structure filters (paragraphs, unwrap, headings...).

Structure filters work on plain-text blocks made of one TEXT span. They look at
the block's lines and cut the span with :meth:`Span.sliced`, so every new block
still points at its exact line and column in the input.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from itertools import pairwise
from operator import is_
from typing import NamedTuple

from tidyink.document import PARAGRAPH, TEXT, Block, Document, Span, indent_width
from tidyink.filters._page_chrome import BULLET_GLYPHS, bullet_item, strong_shape
from tidyink.filters._sentence_end import STOPS, TERMINAL, TERMINAL_LAST
from tidyink.filters._sentence_end import ends_sentence as ends_sentence  # (read from here by the filters)

# Prose is hard-wrapped at 60-80 columns (typewriters, e-mail, e-texts); lines that all
# run longer than this are paragraphs written one per line, not a wrap.
MAX_WRAP = 90
DEEP_INDENT = 12  # set this far right: a dateline, a signature, a centred line (not a wrapped quotation)


class Line(NamedTuple):
    """One line of a block: offsets into the span text, without the newline (a named
    tuple: read-only, and quicker to define and to make than a dataclass)."""

    start: int
    end: int
    text: str
    indent: int  # width of the leading white space (a tab counts four)
    stripped: str
    length: int  # visible length, indentation included, trailing space excluded


def simple_span(block: Block) -> Span | None:
    """The block's only span when it is a single TEXT span, else None."""
    if len(block.spans) == 1 and block.spans[0].kind == TEXT:
        return block.spans[0]
    return None


def lines_of(span: Span) -> list[Line]:
    return _lines_of_text(span.text)


def _lines_of_text(text: str) -> list[Line]:
    out: list[Line] = []
    append = out.append
    pos = 0
    for piece in text.split("\n"):
        size = len(piece)
        indent = indent_width(piece)
        stripped = piece.strip()
        append(Line(pos, pos + size, piece, indent, stripped, indent + len(stripped)))
        pos += size + 1
    return out


def piece(block: Block, span: Span, lines: list[Line], kind: str = PARAGRAPH) -> Block:
    """A new block holding ``lines`` (a contiguous run) of ``span``."""
    new = span.sliced(lines[0].start, lines[-1].end)
    if not block.line:
        return Block(kind, [new], level=0)
    # Lines in the input (a closed-up double-spaced block has more than its text shows).
    first, last = new.line, span.position(lines[-1].start)[0]
    return Block(kind, [new], level=0, line=first, end_line=last)


def split_block(block: Block, span: Span, groups: list[tuple[list[Line], str]]) -> list[Block]:
    """Replace ``block`` by one block per group; the last keeps the block's separator."""
    out = [piece(block, span, lines, kind) for lines, kind in groups]
    for new in out:
        new.attrs = dict(block.attrs)
    out[-1].sep = block.sep
    return out


class Wrap(NamedTuple):
    """How a document is hard-wrapped: ``width`` when it is, else None."""

    width: int | None

    @property
    def slack(self) -> int:
        return max(4, round((self.width or 0) * 0.12))

    def fits(self, line: Line, next_line: Line) -> bool:
        """Whether the next line's first word would have fitted on ``line``.

        When it would have, the writer broke the line on purpose (a hard break);
        when it would not, the break is the wrapping of a longer paragraph.
        """
        if self.width is None:
            return True
        words = next_line.stripped.split(maxsplit=1)
        first = len(words[0]) if words else 0
        return line.length + 1 + first < self.width - self.slack


SHORT_TEXT_WRAP = 55  # in a text too short to measure, lines this long that run on are wrapped
MIN_NEAR = 3  # lines near the wrap width needed to measure it (two could be chance)


@cache
def _edge_space() -> re.Pattern[str]:
    """White space at either end of a line inside a text (standard re's \\s is str.isspace,
    what str.strip takes off; a newline after a newline is an empty line), found from the
    newline (compiled when first used)."""
    return re.compile(r"\n(?:\s|(?<=\s\n))")


def plain_text(text: str) -> bool:
    """Whether ``text`` is a plain paragraph: lines none of which is empty or has white
    space at either end, so each line is its own stripped text, at the margin."""
    return (
        text != ""
        and not text[0].isspace()
        and not text[-1].isspace()
        and _edge_space().search(text) is None
    )


# The first character of every bullet item (see _wrap_breaks.is_item): a bullet glyph, "*" or "+"
ITEM_HEADS = frozenset("*+" + "".join(BULLET_GLYPHS))


@cache
def _item_opening() -> re.Pattern[str]:
    """A line after the first opening with one of ITEM_HEADS, found from the newline
    (compiled when first used)."""
    return re.compile("\n[" + re.escape("".join(sorted(ITEM_HEADS))) + "]")


class Plain:
    """The lines of a plain paragraph (:func:`plain_text`; most wrapped prose), read as
    strings: each line's ``Line`` would have indentation 0, its text as its stripped text
    and its length as its length. The ``Line`` objects are made only when asked for."""

    __slots__ = ("_lines", "marked", "text", "texts")

    def __init__(self, text: str) -> None:
        self.text = text
        self.texts = text.split("\n")
        self._lines: list[Line] | None = None
        # Whether a line may have a shape (a bullet item, a page's line): a colon or a bracket
        # in the text, or a line opening with a bullet glyph, "*" or "+"
        self.marked = (
            ":" in text or "[" in text or text[0] in ITEM_HEADS or _item_opening().search(text) is not None
        )

    def __len__(self) -> int:
        return len(self.texts)

    @property
    def lines(self) -> list[Line]:
        """The lines as :func:`lines_of` makes them (made once)."""
        if self._lines is None:
            self._lines = _lines_of_text(self.text)
        return self._lines


View = list[Line] | Plain  # a paragraph's lines, as Line objects or as a plain paragraph's strings

# Document.meta key: each paragraph span's lines, by the span's id, as (span, text, view);
# the structure filters read the same lines in turn, and a span unchanged since is not split again.
_LINES = "layout.lines"


def paragraph_views(doc: Document) -> list[View | None]:
    """For each block, its lines when it is a one-span paragraph (a :class:`Plain` for a
    plain paragraph), else None. Shared between calls while a span's text is unchanged:
    read them only."""
    cache: dict[int, tuple[Span, str, View]] = doc.meta.get(_LINES) or {}
    kept: dict[int, tuple[Span, str, View]] = {}
    out: list[View | None] = []
    append = out.append
    for block in doc.blocks:
        span = simple_span(block)
        if span is None or block.kind != PARAGRAPH:
            append(None)
            continue
        key = id(span)
        hit = cache.get(key)
        # (the cache holds the span, so its id names no other span while cached)
        if hit is None or hit[0] is not span or hit[1] is not span.text:
            text = span.text
            hit = (span, text, Plain(text) if plain_text(text) else lines_of(span))
        kept[key] = hit
        append(hit[2])
    doc.meta[_LINES] = kept
    return out


def paragraph_lines(doc: Document) -> list[list[Line] | None]:
    """For each block, its lines when it is a one-span paragraph, else None.

    The lists are shared between calls while a span's text is unchanged: read them only."""
    return [view.lines if type(view) is Plain else view for view in paragraph_views(doc)]


# Document.meta key: each paragraph's measure for wrap_from, by its lines' id, as (lines, measure).
_MEASURES = "layout.measures"


# Document.meta key: the blocks' lines last measured and the wrap found, as (every, wrap).
_WRAP = "layout.wrap"


def wrap_of_lines(doc: Document, every: list[View | None]) -> Wrap:
    """:func:`wrap_from` of ``every`` (:func:`paragraph_views` or :func:`paragraph_lines`
    of ``doc``), each block measured once while its lines are the same, and the whole
    found again only when some block's lines are not those measured last."""
    last = doc.meta.get(_WRAP)
    if last is not None and len(last[0]) == len(every) and all(map(is_, last[0], every)):
        return last[1]
    wrap = wrap_from(every, doc.meta.setdefault(_MEASURES, {}))
    doc.meta[_WRAP] = (list(every), wrap)
    return wrap


# What wrap_from reads of one block: (set in, length of its one line, several lines,
# lengths measured, whether one of them ends a sentence, long lines running on; the last
# two None for a plain paragraph, whose lines' ends are read only when needed).
_Measure = tuple[bool, int | None, bool, list[int], bool | None, list[int] | None]


def _measure(lines: View) -> _Measure:
    """What :func:`wrap_from` reads of one paragraph block's lines."""
    if type(lines) is Plain:
        return _measure_plain(lines)
    set_in = True
    for line in lines:
        if line.indent < 2 and line.stripped:
            set_in = False
            break
    if len(lines) < 2:
        return set_in, (lines[0].length if lines and lines[0].stripped else None), False, [], False, []
    measured: list[int] = []
    runs_on: list[int] = []
    stopped = False
    shaped = [_set_by_shape(line) for line in lines]
    search = TERMINAL.search
    line, line_shaped = lines[0], shaped[0]
    for after, after_shaped in zip(lines[1:], shaped[1:]):  # (each line and the next)
        text = line.stripped
        if text and not (line_shaped or after_shaped):
            length = line.length
            measured.append(length)
            # ends_sentence(text), the line being stripped already
            if text[-1] in TERMINAL_LAST and search(text) is not None:
                stopped = True
            elif length >= SHORT_TEXT_WRAP and after.stripped[:1].islower():
                runs_on.append(length)
        line, line_shaped = after, after_shaped
    return set_in, None, True, measured, stopped, runs_on


def _measure_plain(plain: Plain) -> _Measure:
    """:func:`_measure` of a plain paragraph's lines, read as strings (no line set in, each
    its own stripped text and length), but for whether a line ends a sentence and which
    long lines run on (None, None: read by :func:`_plain_ends` only when the wrap needs
    them); a paragraph with a mark a line's shape needs is measured as Line objects."""
    texts = plain.texts
    if len(texts) < 2:
        return False, len(texts[0]), False, [], False, []
    if plain.marked:  # (_set_by_shape needs a colon or a bracket, or a glyph first)
        return _measure(plain.lines)
    measured = list(map(len, texts))
    measured.pop()  # (the last line is followed by no other)
    return False, None, True, measured, None, None


def _plain_ends(plain: Plain) -> tuple[bool, list[int]]:
    """What :func:`_measure` finds of a plain paragraph's (unmarked, several) lines followed
    by another: whether one ends a sentence, and the long ones that run on in lower case."""
    texts = plain.texts
    runs_on: list[int] = []
    stopped = False
    search = TERMINAL.search
    for text, after in pairwise(texts):
        last = text[-1]
        if last in STOPS or (last in TERMINAL_LAST and search(text) is not None):
            stopped = True
        elif len(text) >= SHORT_TEXT_WRAP and after[:1].islower():
            runs_on.append(len(text))
    return stopped, runs_on


def forget_lines(doc: Document) -> None:
    """Drop the lines and measures kept for ``doc`` (once no filter reads them again)."""
    doc.meta.pop(_LINES, None)
    doc.meta.pop(_MEASURES, None)
    doc.meta.pop(_WRAP, None)


def wrap_from(blocks_lines: Iterable[View | None], memo: dict[int, tuple[View, _Measure]] | None = None) -> Wrap:
    """How the text is wrapped, estimated from the lines of each paragraph block
    (``blocks_lines``; None: not a paragraph), chiefly those followed by another line.

    ``memo``: measures of earlier calls, by the id of the lines measured (kept with
    them); it is left holding this call's."""
    # Blocks set in from the margin (stanzas, quoted letters) are measured only when
    # no text sits at the margin: a poem's short lines are not the prose's wrap.
    measured: dict[bool, list[int]] = {True: [], False: []}
    ends: dict[bool, bool] = {True: True, False: True}  # every line followed by another stops mid-sentence
    margin = False
    singles: list[int] = []  # one-line blocks
    multi = 0  # blocks of several lines
    runs_on: list[int] = []  # long lines that stop mid-sentence, the sentence going on in lower case
    later: list[tuple[bool, Plain]] = []  # plain paragraphs whose ends are read only when needed
    kept: dict[int, tuple[View, _Measure]] = {}
    for lines in blocks_lines:
        if lines is None:
            continue
        if memo is None:
            measure = _measure(lines)
        else:
            hit = memo.get(id(lines))
            if hit is None or hit[0] is not lines:
                hit = (lines, _measure(lines))
            kept[id(lines)] = hit
            measure = hit[1]
        set_in, single, several, lengths, stopped, running = measure
        margin = margin or not set_in
        if single is not None:
            singles.append(single)
        if several:
            multi += 1
            measured[set_in].extend(lengths)
            if stopped is None:
                later.append((set_in, lines))  # type: ignore[arg-type]
            else:
                ends[set_in] = ends[set_in] and not stopped
                runs_on.extend(running)
    if memo is not None:
        memo.clear()
        memo.update(kept)
    lengths = sorted(measured[not margin])
    long_singles = sum(1 for n in singles if n > MAX_WRAP)
    if long_singles >= 10 and long_singles >= 2 * multi:
        return Wrap(None)  # one paragraph a line (an unwrapped text): its few blocks of lines are verse
    if len(lengths) >= 3:
        width = lengths[min(len(lengths) - 1, int(0.95 * len(lengths)))]
        if width < 20 or width > MAX_WRAP:
            return Wrap(None)
        slack = max(4, round(width * 0.12))
        near = sum(1 for n in lengths if width - 2 * slack <= n <= width + 2)
        if near >= MIN_NEAR:
            if near < 0.5 * len(lengths):
                return Wrap(None)
            # Paragraphs on one line far longer than the "width", as many as the lines
            # measured: the text is written one paragraph a line, and the short lines
            # are verse or a list.
            over = sum(1 for n in singles if n > width + 2 * slack)
            return Wrap(None if over >= 2 and over * 2 >= len(lengths) else width)
    for set_in, plain in later:  # (read only here: the lines' ends and the lines running on)
        stopped, running = _plain_ends(plain)
        ends[set_in] = ends[set_in] and not stopped
        runs_on.extend(running)
    open_ended = ends[not margin]
    # Too few lines to measure; long lines that stop mid-sentence are wrapped all
    # the same (a short text typed with hard line breaks).
    if lengths and open_ended and min(lengths) >= SHORT_TEXT_WRAP and max(lengths) <= MAX_WRAP:
        return Wrap(max(lengths))
    # A sentence that runs on from a long line into a lower-case one was wrapped there.
    if runs_on and max(runs_on) <= MAX_WRAP:
        return Wrap(max(runs_on))
    return Wrap(None)


def _set_by_shape(line: Line) -> bool:
    """A line whose shape makes a break before and after it, whatever the wrap: a bullet
    item, or a line only a page writes (story-info, form controls). Such lines (and the
    lines before them) are not the prose's wrap, and unwrapping parts them from their
    block, so measuring them would read the text's own cleaned output at another width.
    (Judged once a line, each line being both the first and the second of two pairs.)"""
    text = line.stripped
    # (the glyph and the marks looked for first: bullet_item and strong_shape need them)
    return (text[:1] in BULLET_GLYPHS and bullet_item(line.text)) or (
        (":" in text or "[" in text) and strong_shape(text)
    )
