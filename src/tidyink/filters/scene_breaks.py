"""Scene breaks: symbol lines (* * *, ~~~, oOo, rules...) and wider blank gaps, as one marker."""

from __future__ import annotations

import re
from collections import Counter
from functools import cache

from tidyink.document import EM, HEADING, PARAGRAPH, SCENE_BREAK, STRONG, TEXT, VERSE, Block, Document
from tidyink.filters.base import Context, Filter
from tidyink.lazy_regex import lazy

_SYMBOLS = lazy(r"[\p{P}\p{S}]+")
_SYMBOL = lazy(r"[\p{P}\p{S}]")
_NON_SYMBOL = lazy(r"[^\p{P}\p{S}]")
_OTHER = lazy(r"[^\p{P}\p{S}oO0xX]")  # no symbol line nor ornament holds one
# _OTHER found in a line before its white space (what str.split splits at: regex's \s and
# \x1c-\x1f) is taken out: a search of the line that stops at a paragraph's first letter.
_OTHER_IN_LINE = lazy(r"[^\p{P}\p{S}oO0xX\s\x1c-\x1f]")
_STRUNG = lazy(r"[oO0]+|[xX]+")
_NOT_BREAK = set(".…?!'\"“”‘’()[]«»,;:¿¡")
_ORNAMENT = lazy(
    r"[\p{P}\p{S}]*(?:oOo|OoO|o0o|0o0|xXx|XxX|xox|XOX|oxo|OXO|ooo|OOO|xxx|XXX)+[\p{P}\p{S}]*"
)


# Breaks spelled out where a site strips rules: "Line Break", "~~Page Break~~", "xXx Time skip xXx".
_SPELLED_FIRST = ("line", "page", "scene", "section", "story")  # then "break" or "change"
_WORDED = lazy(rf"(?i:(?:{'|'.join(_SPELLED_FIRST)})[ -]?(?:break|change)|time[ -]?skip)")
_EDGE_SYMBOLS = lazy(r"^[\p{P}\p{S}]+|[\p{P}\p{S}]+$")


# Where a line that is_break_line finds a scene break starts (after white space), spelt
# with the standard re module (whose \s is str.isspace, \w str.isalnum or "_"; every
# \p{P} and \p{S} character is \W but "_"): a line of symbols opens with a symbol (or an
# o, 0 or x) and a second one, a space, or its end; a break spelled out opens with
# symbols, spaces and the o and x of ornaments, then the first word :data:`_WORDED` or
# :func:`spelled_break` spells breaks with, in any case (re ignoring case matches each letter
# with every character the regex module does, and a few more): one of _SPELLED_FIRST, "time",
# "break". (Compiled in a fraction of a millisecond.)
_OPENING = (
    r"[^\S\n]*(?:(?:[^\w\s]|[_oO0xX])(?:\W|[_oO0xX]|\Z)"
    rf"|(?:\W|[_oO0xX])*(?i:{'|'.join((*_SPELLED_FIRST, 'time', 'break'))}))"
)


@cache
def _break_openings() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """:data:`_OPENING` at the start of a text, and after a newline (found from the
    newline: far faster than trying each place in the text)."""
    return re.compile(_OPENING), re.compile("\n" + _OPENING)


def may_hold_break(text: str) -> bool:
    """False only when no line of ``text`` is a scene break (:func:`is_break_line` of
    the line stripped): no line opens as a line of symbols or a break spelled out does."""
    first, other = _break_openings()
    return first.match(text) is not None or other.search(text) is not None


def is_break_line(line: str) -> bool:
    """A line made only of symbols (or an oOo / xXx ornament), or a spelled-out
    break ("Line Break", "~*~ break ~*~"): a scene break."""
    return _symbol_line(line) or _worded_break(line)


MAX_WORDS = 8  # a break spelled out is this many words at most ("~*~ Line Break ~*~")


def _worded_break(line: str) -> bool:
    # Every spelled-out break holds "break", "change" or "skip", lower-cased: the only
    # characters _WORDED matches whose lower case is not the letter they match are "ſ" and "İ".
    if len(line.split(None, MAX_WORDS)) > MAX_WORDS:
        return False  # (more words than a break has, told without splitting a paragraph)
    low = line.lower()
    if "break" not in low and "change" not in low and "skip" not in low and "ſ" not in line and "İ" not in line:
        return False
    return spelled_break(line)


def spelled_break(line: str) -> bool:
    """:func:`_worded_break` without its pre-tests."""
    words = line.split()
    if not 1 <= len(words) <= MAX_WORDS or words[-1].endswith((".", "?", "!")):
        return False
    while words and _symbol_line(words[0]):
        words.pop(0)
    while words and _symbol_line(words[-1]):
        words.pop()
    core = _EDGE_SYMBOLS.sub("", " ".join(words))
    if _WORDED.fullmatch(core):
        return True
    return core.casefold() == "break" and len(core) < len(line.strip())  # "-break-", "~ Break ~"


_BULLETS = frozenset("•◦▪‣∙●○■")  # list glyphs a page renders before each item


def _symbol_line(line: str) -> bool:
    head = line[:1]
    if head.isspace():
        head = line.lstrip()[:1]
    if head.isalnum() and head not in "oO0xX":
        return False  # (a letter or digit is no symbol: _OTHER would find it first thing)
    if _OTHER_IN_LINE.search(line):
        return False  # (anything but symbols and o/x/0 rules out every case below)
    core = "".join(line.split())
    if not core or len(core) > 120:
        return False
    if core in _BULLETS:
        return False  # an empty list item ("  • "), as a rendered page shows one
    if _repeated_group(core):
        return True
    if len(core) > 80:
        return False
    if _SYMBOLS.fullmatch(core):
        return not set(core) <= _NOT_BREAK
    if _ORNAMENT.fullmatch(core):
        return True
    # -x-x-, ~o~o~, +0+0+: o or x letters strung on symbols that are not punctuation.
    letters = _SYMBOL.sub("", core)
    symbols = set(_NON_SYMBOL.sub("", core))
    # Strung on symbols: -x-x-, ~o~o~, +0+0+; one letter only between twin rules: -x-, ~o~.
    strung = _SYMBOL.match(core) and _SYMBOL.match(core[-1])
    if len(letters) == 1:
        strung = strung and letters in "oxOX" and core[0] == core[-1] and core[0] in "~-=+*"
    return (
        len(core) <= 30
        and bool(strung)
        and not symbols <= _NOT_BREAK
        and bool(_STRUNG.fullmatch(letters))
    )


def _repeated_group(core: str) -> bool:
    """A divider made of one small group said over and over: ".:O:.:O:.", "~*~*~*~",
    "-x-x-x-", "=+=+=+=", "oOoOo" (an end may stop mid-group). Three groups or more;
    two when the line reads the same both ways and holds an o or an x."""
    if _ALTERNATING.fullmatch(core):
        return True
    for size in range(2, 7):
        unit = core[:size]
        if len(core) < 2 * size or not _SYMBOL.search(unit) or set(core) <= _NOT_BREAK:
            continue
        if (unit * (len(core) // size + 1))[: len(core)] != core:
            continue
        if len(core) >= 3 * size or (_NON_SYMBOL.search(unit) and core == core[::-1]):
            return True
    return False


_ALTERNATING = lazy(r"(?:oO){2,}o?|(?:Oo){2,}O?|(?:xX){2,}x?|(?:Xx){2,}X?")


_INTERRUPTED = lazy(r"(?:--|[-—–…]|\.\s?\.\s?\.)\s*$")
# A paragraph ending mid-sentence: no . ! ? before its closing quotes and brackets.
_UNFINISHED = lazy(r"[^.!?…\s\"'”’»)\]*_\ue000]\s*[\"'”’»)\]*_\ue000]*\s*$")


_CLOSERS = "\"'”’»)]*_\ue000"


def _ending(text: str) -> str:
    """The end of ``text`` that ``_INTERRUPTED`` and ``_UNFINISHED`` can match: from five
    characters before its trailing run of white space and closers (both patterns are
    anchored at the end and look at no more than that), so they never scan a paragraph."""
    core = text
    while True:
        shorter = core.rstrip().rstrip(_CLOSERS)
        if shorter == core:
            break
        core = shorter
    return text[max(len(core) - 5, 0) :]


def _continues(before: str, after: str) -> bool:
    """A sentence broken off before the gap and taken up after it is one scene:
    "He hadn't meant to, but--" / "But what?"; a paragraph that stops mid-sentence
    ("turned back to the sink,"); or the next paragraph starts in lower case."""
    head = after.lstrip(" \t\"'“‘«*_")[:1]
    end = _ending(before)
    if _INTERRUPTED.search(end) or _UNFINISHED.search(end):
        return True
    return head.isalpha() and head.islower()


_MID_SENTENCE = lazy(r"(?:--|[-—–…,;]|\.\s?\.\s?\.)\s*$")


def _mid_exchange(before: str, after: str) -> bool:
    """A gap no scene can end at: inside a sentence (a comma, a dash, a paragraph taken up in
    lower case) or between a question and its answer. (A line ending in no stop at all may
    be a title or an attribution, and says nothing.)"""
    if _QUESTION_END.search(before):
        return True
    head = after.lstrip(" \t\"'“‘«*_")[:1]
    core = _ending(before).rstrip().rstrip(_CLOSERS)
    return bool(_MID_SENTENCE.search(core)) or (head.isalpha() and head.islower())


def _break_block(block: Block) -> bool:
    """Whether every line of ``block`` (text and emphasis only) that is not blank is a
    break line; told at once for a text no line of which opens as a break does."""
    spans = block.spans
    if len(spans) == 1:  # (the usual case: one span of text)
        if spans[0].kind != TEXT:
            return False
    elif not all(s.kind in (TEXT, EM, STRONG) for s in spans):
        return False
    text = block.text
    if not may_hold_break(text):
        return False
    lines = [x for x in text.split("\n") if x.strip()]  # (bold or not)
    return bool(lines) and all(is_break_line(x) for x in lines)


def _blank_lines(sep: str | None) -> int | None:
    if sep is None or sep.strip():
        return None
    return max(sep.count("\n") - 1, 0)


def _marks_breaks(blocks: list[Block]) -> bool:
    """Whether a page marks its scene breaks itself (rules, symbol lines; two at least,
    between blocks of text): then its spacer paragraphs are only spacing. (A plain
    text that marks most breaks with asterisks may still mark one with a wider gap,
    where a page of the printed book ended on a break.)"""
    marked = sum(
        1
        for k, b in enumerate(blocks)
        if b.kind == SCENE_BREAK
        and 0 < k < len(blocks) - 1
        and HEADING not in (blocks[k - 1].kind, blocks[k + 1].kind)
    )
    return marked >= 2


_WORD = lazy(r"\p{L}[\p{L}'’-]*")
_SMALL = frozenset({"a", "an", "the", "of", "and", "or", "in", "on", "at", "to", "for", "by", "with", "from"})


def _prose(block: Block) -> bool:
    """A paragraph of running text, as a scene must begin and end with: not a title,
    a caption, a signature or a dateline (capitalised, title-cased, set in italics,
    or a few words)."""
    if block.kind != PARAGRAPH:
        return False
    text = " ".join(block.text.split())
    words = _WORD.findall(text)
    if len(words) < 4 or text.isupper() or text[:1] in "_*[(" or text.rstrip(".")[-1:] in "_*])":
        return False  # (italics, a footnote, an editor's note in brackets)
    if len(words) <= 8:
        big = sum(1 for w in words if w[0].isupper() or w.casefold() in _SMALL)
        return big < len(words)
    return True


_QUESTION_END = lazy(r"\?['\"’”»)]*\s*$")
_DATELINE = lazy(
    r"(?i)^[^.!?]{0,50}\b(?:january|february|march|april|may|june|july|august|september|october|"
    r"november|december|\d{1,2}(?:st|nd|rd|th))\b[^.!?]{0,20}[.,—]"
)


def _new_scene(before: str, after: str) -> bool:
    """What follows a gap can open a scene: not the answer to a question asked just
    before it, nor a letter's dateline ("Hall, October 13th.")."""
    return not (_QUESTION_END.search(before) or _DATELINE.match(after.lstrip()))


MIN_SCENE = 300  # characters: a block or two shorter than this at the end is a trailer


class SceneBreaks(Filter):
    name = "scene-breaks"
    description = (
        "Turn scene-break lines (* * *, ***, ~~~, #, oOo, rules) and extra blank-line gaps "
        "into one scene-break marker (--scene-break)."
    )
    stage = "structure"
    order = 240
    formats = frozenset({"text", "html"})

    def run(self, doc: Document, ctx: Context) -> None:
        doc.meta["restructured"] = True  # writers: one blank line between blocks
        marker = ctx.options.scene_break
        for block in doc.blocks:
            if block.kind in (PARAGRAPH, VERSE) and _break_block(block):
                block.kind = SCENE_BREAK
                self.record(ctx, block.line, 1, block.text.strip(), marker, "scene-break line")
        if doc.format != "html" or not _marks_breaks(doc.blocks):
            self._gaps(doc, ctx, marker)
        # Two breaks in a row (a gap next to a symbol line, stacked symbol lines) are one.
        out: list[Block] = []
        for block in doc.blocks:
            if block.kind == SCENE_BREAK and out and out[-1].kind == SCENE_BREAK:
                out[-1].sep = block.sep
                continue
            out.append(block)
        doc.blocks = self._drop_idle(out, ctx)

    def _drop_idle(self, blocks: list[Block], ctx: Context) -> list[Block]:
        """A break that separates nothing (first, last, or next to a chapter heading) goes."""
        keep: list[Block] = []
        if all(b.kind == SCENE_BREAK for b in blocks):
            return blocks  # nothing else: the text is this line
        for k, block in enumerate(blocks):
            if block.kind == SCENE_BREAK:
                prev = blocks[k - 1] if k else None
                nxt = blocks[k + 1] if k + 1 < len(blocks) else None
                if prev is not None and nxt is not None and _parts_title(prev, nxt, block):
                    keep.append(block)  # dropped, the title line under it would join the heading
                    continue
                if prev is None or nxt is None or HEADING in (prev.kind, nxt.kind):
                    if keep and nxt is None:
                        keep[-1].sep = block.sep if block.sep is not None else keep[-1].sep
                    where = "next to a heading" if prev and nxt else "at an edge of the text"
                    text = block.text.strip() or "(blank gap)"
                    self.record(ctx, block.line, 1, text, "", f"scene break {where} dropped")
                    continue
            keep.append(block)
        return keep

    def _gaps(self, doc: Document, ctx: Context, marker: str) -> None:
        """Blank gaps wider than the document's usual one, between two prose blocks.

        In text a gap is blank lines; in HTML, empty spacer paragraphs (``<p>&nbsp;</p>``)
        or runs of ``<br>`` between paragraphs.
        """
        blocks = doc.blocks
        # Title pages are spaced freely: start at the first chapter heading, if any.
        level = ctx.options.heading_level
        start = next((i for i, b in enumerate(blocks) if b.kind == HEADING and b.level >= level), 0)
        candidates: list[tuple[int, int]] = []
        for i in range(start, len(blocks) - 1):
            a, b = blocks[i], blocks[i + 1]
            if a.kind not in (PARAGRAPH, VERSE) or b.kind not in (PARAGRAPH, VERSE):
                continue
            n = _blank_lines(a.sep) if doc.format != "html" else b.attrs.get("gap_before", 0)
            if n is not None:
                candidates.append((i, n))
        if len(candidates) < 4:
            return
        usual, _ = Counter(n for _, n in candidates).most_common(1)[0]
        wide = [i for i, n in candidates if n > usual]
        if not wide or len(wide) * 3 > len(candidates):
            return  # no rule to break, or the gaps vary too much to mean anything
        wide_ok: set[int] = set()
        inside: set[int] = set()  # gaps within a sentence or an exchange: no scene ends there
        for i in wide:  # (only the wider gaps are read: the blocks around them must be prose)
            a, b = blocks[i], blocks[i + 1]
            # Verse is spaced freely too, and a last line ("The End") is no new scene.
            # (the text after the gap measured only when it is a block or two)
            trailer = len(blocks) - (i + 1) < 3 and sum(len(x.text) for x in blocks[i + 1 :]) < MIN_SCENE
            if _prose(a) and (_prose(b) or b.text.lstrip()[:1].islower()) and _mid_exchange(a.text, b.text):
                inside.add(i)  # (not a letter's closing over its signature, nor a title)
            opens = _new_scene(a.text, b.text) and not _continues(a.text, b.text)
            if _prose(a) and _prose(b) and not trailer and opens:
                wide_ok.add(i)
        if _page_noise([i for i in wide if i in inside], [i for i in wide if i in wide_ok]):
            return
        for i in reversed([i for i in wide if i in wide_ok]):
            a = blocks[i]
            line = a.end_line + 2 if a.end_line else 0
            brk = Block(SCENE_BREAK, [], line=line, end_line=line, sep=None)
            brk.attrs["from_gap"] = True
            before = a.sep or ""
            a.sep = None
            blocks.insert(i + 1, brk)
            self.record(ctx, line, 1, before, marker, "scene break: a wider blank gap")


def _page_noise(inside: list[int], between: list[int]) -> bool:
    """Whether a text's wider gaps are the layout of the pages it was typed from, not
    scene breaks: as many of them fall where no scene can end (inside a sentence, between
    a question and its answer) as between two paragraphs that could end and open scenes,
    two at least. A transcriber who leaves an extra line at a page's end leaves it
    mid-exchange as readily as between scenes; one who marks scenes does not."""
    return len(inside) >= 2 and len(inside) >= len(between)


def _parts_title(prev: Block, nxt: Block, brk: Block) -> bool:
    """A break line between a bare heading ("Chapter 2") and a line that, without it, would
    read as the heading's title: it keeps them apart, as it did when the text was read."""
    from tidyink.filters._heading_labels import takes_subtitle

    return prev.kind == HEADING and bool(brk.text.strip()) and takes_subtitle(prev, nxt)
