"""Join hard-wrapped lines into paragraphs; keep the breaks of verse, letters and lists."""

from __future__ import annotations

from tidyink.document import PARAGRAPH, VERSE, Block, Document, Span
from tidyink.filters._layout import (
    DEEP_INDENT,
    MAX_WRAP,
    Line,
    Plain,
    Wrap,
    ends_sentence,
    forget_lines,
    paragraph_views,
    simple_span,
    split_block,
    wrap_of_lines,
)
from tidyink.filters._page_chrome import strong_shape
from tidyink.filters._wrap_breaks import (
    blank_line_paragraphs,
    breaks_of,
    dash_at_break,
    is_item,
    join_breaks,
    join_plain,
    line_breaks,
    non_blank,
    plain_join,
    sentence_blocks,
)
from tidyink.filters.base import Context, Filter
from tidyink.lazy_regex import lazy
from tidyink.offsets import OffsetMap

_WORDS = lazy(r"\p{L}+(?:-\p{L}+)*")
_HYPHEN_END = lazy(r"(\p{L}+)-$")
_DASH_END = lazy(r"(?:--|[—―])$")
_DASH_LAST = ("-", "—", "―", "-\n", "—\n", "―\n")  # what text matching _DASH_END ends with
_FIRST_WORD = lazy(r"\p{L}+")
# A line that is one quotation from its opening mark to its closing one: dialogue.
_QUOTED_LINE = lazy(r"""(?:"[^"]+"|“[^“”]+”|«[^«»]+»)[.,!?…]*""")
JOIN_ZIPF = 3.0  # a joined word this frequent (wordfreq Zipf scale) is one word
PROSE_LINE = 70  # a line kept whole that is longer than this (median) is prose


class Unwrap(Filter):
    name = "unwrap"
    description = (
        "Join hard-wrapped lines into one-line paragraphs (and end-of-line hyphenation when the "
        "joined word is a word); verse, letters and lists keep their line breaks."
    )
    stage = "structure"
    order = 220
    formats = frozenset({"text"})

    def run(self, doc: Document, ctx: Context) -> None:
        doc.meta["restructured"] = True  # writers: one blank line between blocks
        from tidyink.lexicon import language_codes

        every = paragraph_views(doc)
        wrap = wrap_of_lines(doc, every)
        self._langs = language_codes(ctx.options.language)
        # The document's words as read (found only if a line ends with a hyphen).
        self._texts = [block.text for block in doc.blocks]
        self._words: set[str] | None = None
        # Each block's non-blank lines (a plain paragraph's are all its lines) and the breaks
        # between them, judged once for all uses.
        kept = [non_blank(lines) for lines in every]
        hards = [breaks_of(lines, wrap) for lines in kept]
        spaced = blank_line_paragraphs(kept, hards, wrap) or sentence_blocks(kept)
        out: list[Block] = []
        for block, lines, hard in zip(doc.blocks, kept, hards, strict=True):
            span = simple_span(block)
            if not lines or hard is None or span is None:
                out.append(block)
                continue
            if type(lines) is not Plain:
                groups = _groups(lines, hard, wrap, spaced)
            elif len(lines) == 1 or not any(hard):
                # One paragraph (as _groups finds): its one line has no indentation or trailing
                # white space to take off; its lines are joined as a plain paragraph's.
                if len(lines) > 1:
                    block.kind = PARAGRAPH
                    self._join(block, span, ctx, plain=True)
                out.append(block)
                continue
            else:
                lines = lines.lines
                groups = _groups(lines, hard, wrap, spaced)
            if len(groups) == 1 and groups[0][1] == PARAGRAPH and len(lines) == 1:
                self._tidy(block, span, ctx)  # one line: only its indentation goes
                out.append(block)
                continue
            new_blocks = split_block(block, span, groups) if len(groups) > 1 else None
            if new_blocks is None:
                block.kind = groups[0][1]
                new_blocks = [block]
            if len(new_blocks) > 1:
                why = f"split at hard line breaks into {len(new_blocks)} blocks"
                self.record(ctx, block.line, 1, "\n", "\n\n", why)
            for new in new_blocks:
                if new.kind == PARAGRAPH:
                    self._join(new, new.spans[0], ctx)
                elif new.kind == VERSE:
                    n = new.text.count("\n") + 1
                    self.record(ctx, new.line, 1, "paragraph", "verse", f"{n} lines kept as verse")
            out.extend(new_blocks)
        doc.blocks = out
        forget_lines(doc)  # (the last structure filter to read them)

    def _tidy(self, block: Block, span: Span, ctx: Context) -> None:
        edits = _trim_edits(span.text)
        if edits:
            span.edit(edits)

    def _join(self, block: Block, span: Span, ctx: Context, plain: bool = False) -> None:
        """Edit ``span`` in place: every line break (with its indentation) becomes a space.
        (``plain``: the span's text is a plain paragraph's, see :class:`._layout.Plain`.)"""
        text = span.text
        if "-" not in text and "—" not in text and "―" not in text:
            # (no hyphen or dash: every break is a space, as below)
            done = (join_plain(text) if plain else join_breaks(text)) if span.orig is None else None
            if done is not None:  # (the edits below made in one pass)
                self._take(span, done, ctx)
                return
            edits = _trim_edits(text)
            spans = line_breaks(text)
            edits.extend([(start, end, " ") for start, end in spans])
            self._joined(span, edits, len(spans), ctx)
            return
        done = None
        if span.orig is None and not dash_at_break(text):
            done = join_plain(text) if plain else plain_join(text)
        if done is not None:  # (no hyphen or dash at a break: every break is a space, as below)
            self._take(span, done, ctx)
            return
        edits = _trim_edits(text)
        joins = 0
        for start, end in line_breaks(text):
            low = start - 80 if start > 80 else 0
            if not (text.endswith(_DASH_LAST, low, start) or text.startswith(("--", "—"), end)):
                # (the cases below need a hyphen or dash before the break, or a dash after it)
                edits.append((start, end, " "))
                joins += 1
                continue
            before = text[low:start]
            after = text[end : end + 80]
            # cheap tests first: both patterns need a hyphen or dash at the end ($: or before a final \n)
            hyphen = _HYPHEN_END.search(before) if before.endswith(("-", "-\n")) else None
            word = _FIRST_WORD.match(after) if hyphen else None
            if hyphen and word:
                joined = hyphen.group(1) + word.group()
                if self._is_one_word(hyphen.group(1), word.group()):
                    edits.append((start - 1, end, ""))
                    line, col = span.position(start - 1)
                    self.record(
                        ctx,
                        line,
                        col - len(hyphen.group(1)),
                        f"{hyphen.group(1)}-\n{word.group()}",
                        joined,
                        "end-of-line hyphenation joined (the joined word is a word)",
                    )
                else:
                    edits.append((start, end, ""))
            elif (before.endswith(_DASH_LAST) and _DASH_END.search(before)) or after.startswith(("--", "—")):
                edits.append((start, end, ""))
            else:
                edits.append((start, end, " "))
            joins += 1
        self._joined(span, edits, joins, ctx)

    def _joined(self, span: Span, edits: list[tuple[int, int, str]], joins: int, ctx: Context) -> None:
        """Make the edits of :meth:`_join` (``joins`` of them line breaks) and record them."""
        if not edits:
            return
        edits.sort()
        line, col = span.position(0)
        span.edit(edits)
        self._record_joins(line, col, joins, ctx)

    def _take(self, span: Span, done: tuple[str, OffsetMap, int], ctx: Context) -> None:
        """Give ``span`` (not edited before) the text and map of a join made in one pass."""
        line, col = span.position(0)
        span.orig = span.text
        span.text, span.omap, joins = done
        self._record_joins(line, col, joins, ctx)

    def _record_joins(self, line: int, col: int, joins: int, ctx: Context) -> None:
        if joins:
            self.record(ctx, line, col, "\n", " ", f"joined {joins + 1} hard-wrapped lines into one paragraph")

    def _vocabulary(self) -> set[str]:
        if self._words is None:
            # Blocks joined by a newline: no word runs across it, so the words are the same.
            found = set(_WORDS.findall("\n".join(self._texts)))
            self._words = set(map(str.casefold, found))
        return self._words

    def _is_one_word(self, left: str, right: str) -> bool:
        joined = (left + right).casefold()
        hyphenated = f"{left}-{right}".casefold()
        words = self._vocabulary()
        if hyphenated in words and joined not in words:
            return False
        if joined in words:
            return True
        from tidyink.lexicon import reaches

        return reaches(joined, self._langs, JOIN_ZIPF)


def _trim_edits(text: str) -> list[tuple[int, int, str]]:
    """Edits removing the leading indentation and the trailing white space."""
    edits = []
    lead = len(text) - len(text.lstrip(" \t\u00a0\u3000"))
    if lead:
        edits.append((0, lead, ""))
    trail = len(text.rstrip(" \t\u00a0\u3000"))
    if trail < len(text) and trail > lead:
        edits.append((trail, len(text), ""))
    return edits


def _groups(lines: list[Line], hard: list[bool], wrap: Wrap, spaced: bool = False) -> list[tuple[list[Line], str]]:
    """Cut ``lines`` into paragraphs (wrapped runs) and verse (lines kept as they are).

    ``hard``: :func:`kept_breaks` of ``lines``. ``spaced``: the text puts blank lines between
    paragraphs, so a block made only of short lines kept whole is a stanza or a list
    even when each line ends a sentence.
    """
    if len(lines) == 1:
        return [(lines, PARAGRAPH)]
    if not any(hard):
        return [(list(lines), PARAGRAPH)]  # every line runs on: one paragraph (as _cut_groups finds)
    return _cut_groups(lines, hard, wrap, spaced)


def _cut_groups(lines: list[Line], hard: list[bool], wrap: Wrap, spaced: bool) -> list[tuple[list[Line], str]]:
    """:func:`_groups` of two lines or more, without its pre-test."""
    # Three lines at the margin run on from each other: a wrapped paragraph, so the
    # block is no stanza (however many of its other lines are short).
    wrapped = any(
        not hard[k] and not hard[k + 1] and max(x.indent for x in lines[k : k + 3]) < 2
        for k in range(len(hard) - 1)
    )
    if spaced and not all(hard) and lines[0].indent < 2:
        # Blank lines part the paragraphs: in a block at the margin where lines run on, a
        # short line is ragged wrapping, unless a list, a letter's greeting or closing, or a line set
        # in says otherwise.
        hard = [h and _kept_break(lines, k, hard, wrap) for k, h in enumerate(hard)]
    if len(lines) >= 3 and sum(hard) * 2 >= len(hard) and not wrapped and _verse_like(lines):
        return [(lines, VERSE)]
    segments: list[list[Line]] = [[lines[0]]]
    for is_hard, line in zip(hard, lines[1:], strict=True):
        if is_hard:
            segments.append([line])
        else:
            segments[-1].append(line)
    out: list[tuple[list[Line], str]] = []
    run: list[Line] = []

    def flush() -> None:
        if not run:
            return
        # A line set far right (a dateline) and one at the margin (a salutation) part ways;
        # so do a list's bullet items and the lines before and after the list.
        deep = [x.indent >= DEEP_INDENT for x in run]
        item = [is_item(x) for x in run]
        cut = next((k for k in range(1, len(run)) if deep[k] != deep[k - 1] or item[k] != item[k - 1]), None)
        if cut is not None:
            rest = run[cut:]
            del run[cut:]
            flush()
            run.extend(rest)
            flush()
            return
        long = next((k for k, x in enumerate(run) if _whole_paragraph(x, wrap)), None)
        if long is not None and len(run) > 1:
            # Longer than any wrap or verse line, or a long sentence where nothing is
            # wrapped: a paragraph on one line. The short lines around it are judged
            # on their own (a song, a letter's closing, dialogue).
            head, line, tail = run[:long], run[long], run[long + 1 :]
            run[:] = head
            flush()
            out.append(([line], PARAGRAPH))
            run.extend(tail)
            flush()
            return
        if len(run) > 1 and min(x.indent for x in run) >= 2 and max(x.length for x in run) <= 80:
            out.append((list(run), VERSE))  # set in from the margin: a stanza, an address
        elif spaced and len(run) == len(lines) > 1 and not _dialogue(run):
            out.append((list(run), VERSE))  # a whole block of short lines: a stanza, a list
        elif len(run) == 1 or _paragraph_lines(run):
            out.extend(([x], PARAGRAPH) for x in run)
        else:
            out.append((list(run), VERSE))
        run.clear()

    for segment in segments:
        if len(segment) == 1 and strong_shape(segment[0].stripped):
            flush()
            out.append((segment, PARAGRAPH))  # a page's form or story-info line: a block of its own
        elif len(segment) == 1:
            run.append(segment[0])
        else:
            flush()
            out.append((segment, PARAGRAPH))
    flush()
    return out


SALUTATION = 30  # "Dear Mr. Carrow,", "Yours ever,": short lines that end in a comma

_LIST_START = lazy(r"(?:[-*+•–—]|\d{1,3}[.)]|[a-zA-Z][.)])\s")


def _kept_break(lines: list[Line], k: int, hard: list[bool], wrap: Wrap) -> bool:
    """Whether the break after line ``k`` means something in a blank-line-spaced text:
    line ``k`` ends a sentence, short lines in a row (verse), the next line starts a list item, line ``k`` greets
    ("Dear Tom,") at the top of the block or closes a letter ("Yours ever,") over a last
    short line, a line is set in, or line ``k`` is a whole paragraph by itself."""
    line, next_line = lines[k], lines[k + 1]
    if (k and hard[k - 1]) or (k + 1 < len(hard) and hard[k + 1]) or ends_sentence(line.stripped):
        return True  # (a short line ending a sentence may end a paragraph)
    greeting = (
        line.stripped.endswith((",", ":"))
        and len(line.stripped) <= SALUTATION
        and line.stripped[:1].isupper()
        and (k == 0 or (k + 2 == len(lines) and next_line.length <= SALUTATION))
    )
    return bool(
        greeting
        or _LIST_START.match(next_line.stripped)
        or max(line.indent, next_line.indent) >= DEEP_INDENT
        or (line.indent >= 2) != (next_line.indent >= 2)
        or line.length > (wrap.width or MAX_WRAP) + wrap.slack
    )


def _paragraph_lines(run: list[Line]) -> bool:
    """Whether lines kept whole are paragraphs (one per line) rather than verse."""
    ends = sum(1 for x in run if ends_sentence(x.text))
    if ends == len(run) or _dialogue(run):
        return True  # sentences, or lines of dialogue each quoted whole
    lengths = sorted(x.length for x in run)
    if lengths[len(lengths) // 2] > PROSE_LINE:
        return True  # too long for verse
    return len(run) >= 4 and ends >= 0.7 * len(run) and not _rhymes_or_stanza(run)


def _rhymes_or_stanza(run: list[Line]) -> bool:
    """Verse signs: most lines start with a capital and are about as long as each other."""
    caps = sum(1 for x in run if x.stripped[:1].isupper())
    lengths = [x.length for x in run]
    return caps == len(run) and max(lengths) - min(lengths) <= 20 and max(lengths) <= 60


def _verse_like(lines: list[Line]) -> bool:
    """Short lines that mostly do not end sentences: a stanza, a list, an address."""
    if any(x.length > MAX_WRAP for x in lines) or _dialogue(lines):
        return False  # a paragraph on one line among them, or lines of dialogue
    return sum(1 for x in lines if ends_sentence(x.text)) < len(lines)


def _dialogue(lines: list[Line]) -> bool:
    """Lines each quoted whole ("Where to?" / "North."): dialogue, one speech a line."""
    return all(_QUOTED_LINE.fullmatch(x.stripped) for x in lines)


SENTENCE_LINE = 40  # text written one paragraph a line: a sentence this long is a paragraph


def _whole_paragraph(line: Line, wrap: Wrap) -> bool:
    """A line kept whole that is a paragraph by itself, whatever lines surround it."""
    if line.length > MAX_WRAP:
        return True
    return wrap.width is None and line.indent < 2 and line.length >= SENTENCE_LINE and ends_sentence(line.stripped)
