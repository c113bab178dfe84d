"""Passes over the blocks read from a page: notes, headings, bylines, site-specific chapter titles."""

from __future__ import annotations

from typing import Any

import regex

from tidyink.document import BREAK, HEADING, PARAGRAPH, STRONG, TEXT, VERSE, Block, Span
from tidyink.lazy_regex import compiled
from tidyink.readers._html_source import SourceText

_CHAPTER_LABEL = compiled(
    r"^(?:(?:chapter|part|book|volume|act|episode|section|prologue|epilogue)"
    r"(?:\s+(?:\d+|[ivxlcdm]+|[a-z]+(?:[- ][a-z]+)?))?|\d+|[IVXLCDM]+"
    r"|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
    r"(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?"
    r"|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
    r"|(?:thir|four|fif|six|seven|eigh|nine)teen)[.:]?$",
    regex.IGNORECASE,
)
_NUMBERED = compiled(r"^(\d+)\.\s*(.*)$")


_NOTE_LABEL = compiled(
    r"^(?:chapter\s+)?(?:end\s+)?(?:notes?|summary|author'?s?\s+notes?)\s*:?$", regex.IGNORECASE
)


def _mark_notes(blocks: list[Block]) -> None:
    """A 'Notes' / 'Summary' label followed by quoted blocks: mark them as notes."""
    i = 0
    while i < len(blocks):
        block = blocks[i]
        label = block.text.strip()
        if block.kind in (PARAGRAPH, HEADING) and not block.attrs.get("quote") and _NOTE_LABEL.match(label):
            role = "summary" if "summary" in label.lower() else "note"
            j = i + 1
            while j < len(blocks) and blocks[j].attrs.get("quote") and blocks[j].kind != HEADING:
                blocks[j].attrs["role"] = role
                j += 1
            if j > i + 1:
                block.attrs["role"] = role + "-label"
                if block.kind == HEADING:  # a label, not a chapter: "Notes:" over the note
                    block.kind, block.level = PARAGRAPH, 0
            i = j
            continue
        i += 1


def _join_label_headings(blocks: list[Block]) -> list[Block]:
    """A bare label heading ("Chapter 1") right before its title heading: one heading.

    The title becomes the label's second line (the writer joins them as
    "Chapter 1: The Gull"). A label followed by another label ("Part One",
    "Chapter 1") stays two headings.
    """
    out: list[Block] = []
    for block in blocks:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.kind == HEADING
            and block.kind == HEADING
            and block.level >= prev.level
            and not prev.attrs.get("joined")
            and _CHAPTER_LABEL.match(prev.text.strip())
            and not _CHAPTER_LABEL.match(block.text.strip())
            and len(block.text) <= 120
            and not block.attrs.get("chrome")
            and not prev.attrs.get("chrome")
        ):
            brk = Span(BREAK, "<br>", block.line, 0, plain="\n")
            prev.spans = [*prev.spans, brk, *block.spans]
            prev.end_line = max(prev.end_line, block.end_line)
            prev.attrs["joined"] = True
            continue
        out.append(block)
    return out


def _layout_quotes(blocks: list[Block]) -> None:
    """A blockquote around most of the story only indents the page: no quotation."""
    prose = [b for b in blocks if b.kind in (PARAGRAPH, VERSE)]
    total = sum(len(b.text) for b in prose)
    by_quote: dict[int, list[Block]] = {}
    for block in prose:
        if block.attrs.get("quote") and not block.attrs.get("role"):
            by_quote.setdefault(block.attrs["quote"], []).append(block)
    for members in by_quote.values():
        if len(members) >= 5 and sum(len(b.text) for b in members) > 0.5 * total:
            for block in members:
                block.attrs["quote_layout"] = block.attrs.pop("quote")


def _bylines(blocks: list[Block], meta: dict[str, Any]) -> None:
    """A byline set as a heading is a line under the title, not a chapter."""
    for block in blocks:
        if block.kind == HEADING and block.attrs.get("role") == "byline":
            block.kind, block.level = PARAGRAPH, 0
            meta.setdefault("author", block.text.strip().removeprefix("by ").strip())


def _headings(blocks: list[Block], meta: dict[str, Any]) -> list[Block]:
    """HTML heading ranks to document levels: the title 1, chapters the default, deeper +1."""
    heads = [b for b in blocks if b.kind == HEADING and not b.attrs.get("chrome")]
    levels = sorted({b.level for b in heads})
    title = meta.get("title")
    title_level = None
    if heads and not title and heads[0].attrs.get("title_class"):
        title = meta["title"] = heads[0].text.strip()  # <p class="title">
    if heads and not title and len(levels) > 1:
        # One heading of the top rank, before every other heading: the title.
        top = [b for b in heads if b.level == levels[0]]
        if len(top) == 1 and top[0] is heads[0]:
            title = meta["title"] = heads[0].text.strip()
    for b in heads[:1]:
        if title and b.text.strip() == title:
            title_level = b.level
    chapter_levels = [lv for lv in levels if lv != title_level]
    for b in heads:
        if b.level == title_level and b.text.strip() == title:
            b.level = 1
            b.attrs["role"] = "title"
        elif chapter_levels and b.level == chapter_levels[0]:
            b.level = 0  # the writer's chapter level
        else:
            rank = chapter_levels.index(b.level) if b.level in chapter_levels else 1
            b.level = min(2 + rank, 6)
    return blocks


def _ffn_headings(blocks: list[Block], meta: dict[str, Any], src: SourceText) -> list[Block]:
    """fanfiction.net keeps titles outside the story text: make them headings.

    Each made heading points at the first place its words appear in the page.
    """
    made: list[Block] = []

    def heading(text: str, found: str, level: int, role: str) -> Block:
        i = src.text.find(found)
        line, col = src.line_col(src.offsets(i, i + 1)[0]) if i >= 0 else (0, 0)
        span = Span(TEXT, text, line, col)
        return Block(HEADING, [span], level=level, line=line, end_line=line, attrs={"role": role})

    if meta.get("title"):
        made.append(heading(meta["title"], meta["title"], 1, "title"))
    chapter = meta.get("chapter")
    if chapter:
        m = _NUMBERED.match(chapter)
        title = chapter
        if m:
            rest = m.group(2)
            title = rest if regex.match(r"(?i)chapter\b", rest) else f"Chapter {m.group(1)}: {rest}"
        made.append(heading(title, chapter, 0, "chapter"))
    for b in made:
        b.attrs["made"] = True
    return made + blocks


# A chapter label, with or without a title: "Chapter Seventy-Eight", "Part 2: Ashes", "Prologue".
_CHAPTER_LINE = compiled(
    r"(?i:(?:chapter|part|book)\s+(?:\d{1,4}|[ivxlc]{1,7}|[a-z]+(?:[- ][a-z]+){0,3})"
    r"(?:\s*[:.—–-]\s*\S.{0,80})?|prologue|epilogue|interlude)"
)


def _bold_headings(blocks: list[Block]) -> None:
    """A paragraph that is one bold run naming a chapter ("<b>Chapter Seventy-Eight</b>")
    is the chapter's heading: sites that give authors no heading tags get these."""
    for block in blocks:
        if block.kind != PARAGRAPH:
            continue
        spans = [s for s in block.spans if not (s.kind == TEXT and not s.text.strip())]
        if len(spans) < 3 or spans[0].kind != STRONG or spans[-1].kind != STRONG:
            continue
        if any(s.kind not in (TEXT,) for s in spans[1:-1]):
            continue
        if _CHAPTER_LINE.fullmatch(" ".join(block.text.split())):
            block.kind, block.level = HEADING, 0
            block.spans = [s for s in block.spans if s.kind != STRONG]  # a heading is bold already


_WORD = compiled(r"\p{L}{2}")


def _own_chapter_heading(blocks: list[Block]) -> list[Block]:
    """A bare chapter label a site shows over the story ("Chapter 9", from its chapter menu)
    gives way to the story's own chapter heading when the story opens with one (a bold
    "Chapter Nine" between ornaments): one chapter, one heading. (A site title that names
    the chapter, "Chapter 9: Ashes", says more and stays.)"""
    made = next((k for k, b in enumerate(blocks) if b.attrs.get("made") and b.attrs.get("role") == "chapter"), None)
    if made is None or not _CHAPTER_LABEL.match(" ".join(blocks[made].text.split())):
        return blocks
    for block in blocks[made + 1 :]:
        if block.kind == HEADING and not block.attrs.get("made"):
            return blocks[:made] + blocks[made + 1 :]
        if _WORD.search(block.text):
            break  # text first: the site's title is the only one
    return blocks

