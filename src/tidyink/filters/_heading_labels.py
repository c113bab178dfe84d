"""Chapter labels and what goes under them: a label without a title of its own
("CHAPTER IX.", "I", "Part Two") takes the line below as its subtitle, and lower-case
roman numerals count as labels only in a run that counts up."""

from __future__ import annotations

import regex

from tidyink.document import BREAK, PARAGRAPH, SCENE_BREAK, TEXT, VERSE, Block, Span
from tidyink.filters._heading_lines import (
    _CHAPTER,
    _LONE_NUMBER,
    _MAJOR,
    _NUMBER,
    _STANDALONE_RE,
    CAPS,
    CHAPTER,
    NUMBERED,
    _title_case,
    classify,
    closed_up,
    decoration,
)
from tidyink.filters._page_chrome import bullet_item
from tidyink.filters.scene_breaks import is_break_line
from tidyink.lazy_regex import lazy

_BARE_LABEL = lazy(rf"(?i:{_MAJOR}|{_CHAPTER})\s+{_NUMBER}[.:]?")  # "CHAPTER IX.", "Part Two"


def _is_subtitle(text: str) -> bool:
    line = " ".join(text.split())
    return 0 < len(line) <= 100 and "\n" not in text.strip() and line[0] not in "\"'“‘«(—-"


_LOWER_ROMAN = lazy(r"(?=[ivxlc]+\.?$)(?P<n>c{0,3}(?:xc|xl|l?x{0,3})(?:ix|iv|v?i{0,3}))\.?")
_ROMAN_VALUES = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}


def _roman_value(numeral: str) -> int:
    values = [_ROMAN_VALUES[ch] for ch in numeral]
    return sum(-v if k + 1 < len(values) and v < values[k + 1] else v for k, v in enumerate(values))


def _lower_case_numerals(blocks: list[Block], ranks: list[int | None]) -> None:
    """Lone lower-case Roman numerals ("i.", "ii", "iii.") rank as numbered headings when
    the text counts with them from one: a lone "i" or "v" is too common to trust alone."""
    found: dict[int, int] = {}
    for k, block in enumerate(blocks):
        if ranks[k] is not None or block.kind != PARAGRAPH:
            continue
        text = block.text
        if text[:1] not in "ivxlc" and not text[:1].isspace():
            continue  # (the numeral opens the text: a text opening otherwise is none)
        if all(s.kind == TEXT for s in block.spans):
            m = _LOWER_ROMAN.fullmatch(text.strip())
            if m and m.group("n"):
                found[k] = _roman_value(m.group("n"))
    if {1, 2} <= set(found.values()):
        for k in found:
            ranks[k] = NUMBERED


def _block_rank(block: Block) -> int | None:
    """The heading rank a block's lines read as (None: no heading)."""
    if block.kind not in (PARAGRAPH, VERSE):
        return None
    spans = block.spans
    if len(spans) == 1:  # (the usual case: one span, of text or not)
        if spans[0].kind != TEXT:
            return None
    elif any(s.kind != TEXT for s in spans):
        return None
    text = block.text
    if "\n" not in text:  # (one line, the usual case once unwrapped: not split nor copied)
        lines = [text] if text and not text.isspace() else []
    else:
        lines = [line for line in text.split("\n") if line.strip()]
    if not lines or len(lines) > 2:
        return None
    rank = classify(closed_up(lines[0]) or lines[0])
    if rank is None or len(lines) == 1:
        return rank
    # A heading with a subtitle line under it.
    if rank == CAPS and classify(lines[1]) != CAPS:
        return None
    return rank if _is_subtitle(lines[1]) else None


def takes_subtitle(label: Block, block: Block) -> bool:
    """Whether ``block``, straight under the bare heading ``label``, reads as its title line."""
    return _bare_label(label) and _subtitle_block(block, _block_rank(block), label)


def _bare_label(block: Block) -> bool:
    """A heading line with no title of its own: "CHAPTER IX.", "I", "Part Two" (judged
    without its decoration, "~ Part Two ~", which goes when it becomes a heading)."""
    lines = [line for line in block.text.split("\n") if line.strip()]
    if len(lines) != 1:
        return False
    cut = decoration(lines[0])
    line = lines[0][cut[0] : len(lines[0]) - cut[1]] if cut else lines[0]
    line = " ".join(line.split())
    return bool(
        _LONE_NUMBER.fullmatch(line)
        or _LOWER_ROMAN.fullmatch(line)
        or _BARE_LABEL.fullmatch(line) is not None
    )


def _subtitle_block(block: Block, rank: int | None, prev: Block) -> bool:
    """A block that reads as the title under a bare label: short, capitalised or title-cased."""
    from tidyink.filters._archive_labels import is_label

    if block.kind not in (PARAGRAPH, VERSE) or any(s.kind != TEXT for s in block.spans) or is_label(block):
        return False  # ("Chapter Text" under "Chapter 1" labels the text, it titles nothing)
    text = " ".join(block.text.split())
    if is_break_line(text) or text[:1] in "_*" or any(bullet_item(x) for x in block.text.split("\n")):
        return False  # an ornament; an italic line (a letter's heading, an epigraph); a list item
    if rank == CAPS:
        return True
    if rank == CHAPTER and _STANDALONE_RE.fullmatch(text) and _bare_label(prev):
        return True  # "I" over "Prologue": one heading
    if rank is not None or not text or text[0] in "\"'“‘«(—-" or text[0].islower():
        return False  # (a title starts with a capital: "word Chapter 2" is prose)
    if text.isupper() and len(text) <= 250:
        return True
    return len(text) <= 100 and _title_like(text)


_SENTENCE_GOES_ON = lazy(r"[.!?;]\s+\p{Ll}")  # "Word. word": prose, where a title would go on "Word. Word"


def _title_like(text: str) -> bool:
    line = " ".join(text.split())
    if _SENTENCE_GOES_ON.search(line):
        return False
    return not regex.search(r"[.!?,;]$", line.rstrip("'\"’”")) and (
        line.isupper() or _title_case(line)
    )


def _next_prose(blocks: list[Block], i: int | None) -> int | None:
    if i is None:
        return None
    for k in range(i + 1, len(blocks)):
        if blocks[k].kind != SCENE_BREAK:
            return k
    return None


def _prev_prose(blocks: list[Block], i: int) -> int | None:
    for k in range(i - 1, -1, -1):
        if blocks[k].kind != SCENE_BREAK:
            return k
    return None


def _append_subtitle(block: Block, sub: Block) -> None:
    """Move ``sub``'s spans into ``block`` after a line break."""
    block.spans.append(Span(BREAK, "\n", block.end_line or block.line, 0, "\n"))
    block.spans.extend(sub.spans)
    block.end_line = sub.end_line
