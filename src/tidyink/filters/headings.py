"""Recognise chapter headings (and a subtitle line under them) in plain text."""

from __future__ import annotations

import regex

from tidyink.document import (
    HEADING,
    PARAGRAPH,
    TEXT,
    VERSE,
    Block,
    Document,
)
from tidyink.filters._heading_labels import (
    _append_subtitle,
    _bare_label,
    _block_rank,
    _lower_case_numerals,
    _next_prose,
    _prev_prose,
    _subtitle_block,
)
from tidyink.filters._heading_lines import (
    _BY,
    _LIST_ITEM,
    _NUMBERED_TITLE,
    CAPS,
    CHAPTER,
    MAJOR,
    NUMBERED,
    classify,
    close_up,
    decoration,
)
from tidyink.filters._page_chrome import bullet_item
from tidyink.filters.base import Context, Filter
from tidyink.lazy_regex import lazy


class Headings(Filter):
    name = "headings"
    description = (
        "Mark chapter headings (Chapter 9, CHAPTER IX., STAVE I: TITLE, Prologue, Part One, "
        "lone Roman numerals, capitalised titles) with their subtitle line."
    )
    stage = "structure"
    order = 230
    formats = frozenset({"text"})

    def run(self, doc: Document, ctx: Context) -> None:
        doc.meta["restructured"] = True  # writers: one blank line between blocks
        from tidyink.filters import _archive_labels

        labels = _archive_labels.labels_of(doc.blocks)
        split = _archive_labels.split_bylines(doc.blocks, labels)
        if len(split) != len(doc.blocks):
            labels = _archive_labels.labels_of(split)  # (a block split: its labels found again)
        doc.blocks = blocks = split
        ranks = [self._rank(block) for block in blocks]
        _lower_case_numerals(blocks, ranks)
        for k in _archive_labels.titles(blocks, labels):
            if ranks[k] is None and k == next((i for i, b in enumerate(blocks) if b.kind != HEADING), -1):
                doc.meta.setdefault("title", " ".join(blocks[k].text.split()))
                if not any(r is not None and r < CAPS for r in ranks):
                    ranks[k] = CHAPTER  # the work's title, and no chapter headings to rank it over
            elif ranks[k] is None:
                ranks[k] = CHAPTER
        found: list[tuple[int, int, bool]] = []  # (index, rank, has subtitle block)
        i = 0
        while i < len(blocks):
            rank = ranks[i]
            if rank is None:
                i += 1
                continue
            nxt = _next_prose(blocks, i)
            merge = False
            if rank in (NUMBERED, CHAPTER, MAJOR) and _bare_label(blocks[i]) and nxt is not None:
                # "CHAPTER IX." / "I" over a title block: keep them together.
                merge = _subtitle_block(blocks[nxt], ranks[nxt], blocks[i])
            after = _next_prose(blocks, nxt if merge else i)
            if not self._accept(blocks, ranks, i, rank, after):
                i += 1
                continue
            found.append((i, rank, merge))
            i = (nxt if merge else i) + 1
        if any(rank < CAPS for _, rank, _ in found):
            # Capitalised lines are headings only where the book has no other kind:
            # elsewhere they are title pages, notices and signs in the text.
            found = [f for f in found if f[1] != CAPS]
        else:
            found = _caps_series(blocks, found)
        if not found:
            self._top_title(doc, ctx)
            return
        levels = sorted({rank for _, rank, _ in found})
        base = ctx.options.heading_level
        drop: set[int] = set()
        for index, rank, merge in found:
            block = blocks[index]
            self._undecorate(block, ctx)
            if merge:
                nxt = _next_prose(blocks, index)
                assert nxt is not None
                _append_subtitle(block, blocks[nxt])
                drop.add(nxt)
            spaced = close_up(block)
            if spaced:
                self.record(ctx, *spaced, "letter-spaced heading closed up")
            block.kind = HEADING
            block.level = min(6, base + levels.index(rank))
            block.sep = None
            first = block.text.split("\n")[0].strip()
            self.record(
                ctx, block.line, 1, first, "#" * block.level + " " + first, "chapter heading"
            )
        doc.blocks = [b for k, b in enumerate(blocks) if k not in drop]
        self._book_title(doc, ctx)

    def _undecorate(self, block: Block, ctx: Context) -> None:
        """Remove the decoration around a heading line ("~Chapter 3~" -> "Chapter 3")."""
        if len(block.spans) != 1 or block.spans[0].kind != TEXT:
            return
        span = block.spans[0]
        first = span.text.split("\n", 1)[0]
        cut = decoration(first)
        if cut is None:
            return
        lead, trail = cut
        end = len(first)
        span.edit([(0, lead, ""), (end - trail, end, "")] if trail else [(0, lead, "")])
        line, col = span.position(0)
        self.record(ctx, line, col, first, first[lead : end - trail], "decoration around a heading")

    def _rank(self, block: Block) -> int | None:
        return _block_rank(block)

    def _accept(
        self, blocks: list[Block], ranks: list[int | None], i: int, rank: int, after: int | None
    ) -> bool:
        """Context: a heading is followed by text, and is not a signature or a contents line."""
        if after is None:
            return False
        if ranks[after] == rank:
            return False  # a list of headings: a table of contents
        if _NUMBERED_TITLE.fullmatch(" ".join(blocks[i].text.split())):
            prev = _prev_prose(blocks, i)
            if any(k is not None and _LIST_ITEM.match(blocks[k].text.lstrip()) for k in (prev, after)):
                return False  # "1. Buy milk" over "2. Post the parcel": a numbered list
        if rank == CAPS:
            prev = _prev_prose(blocks, i)
            if prev is not None and blocks[prev].kind != HEADING:
                tail = blocks[prev].text.rstrip()
                if tail.endswith((",", ";", "—", "-")):
                    return False  # a signature under a letter's closing line
                if tail.endswith(":"):
                    return False  # a sign or a notice the text introduces
            if blocks[after].kind == VERSE and ranks[after] is None:
                return False
        return True

    def _book_title(self, doc: Document, ctx: Context) -> None:
        """The book's title above the first heading becomes a level-1 heading.

        The title line is the one that matches the document's metadata (an
        e-text's "Title:" field may spell it differently: "80" for "quatre-vingts"),
        else the first capitalised line of the front matter that is not the
        author's name.
        """
        if ctx.options.heading_level <= 1:
            return
        front: list[tuple[Block, str, str]] = []  # (block, its text, the text before it)
        previous = ""
        for block in doc.blocks:
            if block.kind == HEADING:
                break
            if block.kind not in (PARAGRAPH, VERSE) or any(s.kind != TEXT for s in block.spans):
                continue
            text = " ".join(block.text.split())
            front.append((block, text, previous))
            previous = text
        title = " ".join(str(doc.meta.get("title") or "").split())
        author = " ".join(str(doc.meta.get("author") or "").split()).casefold()
        chosen = next((b for b, text, _ in front if title and _same_title(text, title)), None)
        if chosen is None:
            chosen = next(
                (
                    b
                    for b, text, before in front
                    if classify(text) == CAPS and before.casefold() not in _BY and text.casefold() != author
                ),
                None,
            )
        if chosen is None and front and front[0][0] is doc.blocks[0] and _strict_title(front[0][1]):
            chosen = front[0][0]  # a title-cased line opening the text
        if chosen is None:
            return
        text = " ".join(chosen.text.split())
        chosen.kind, chosen.level, chosen.sep = HEADING, 1, None
        self.record(ctx, chosen.line, 1, text, "# " + text, "book title")
        doc.meta.setdefault("title", text)
        _find_author(doc, doc.blocks.index(chosen))

    def _top_title(self, doc: Document, ctx: Context) -> None:
        """A text without chapter headings that opens with a title-cased line over
        its story ("The Lantern Fair", a short story or a chapter file): that line."""
        blocks = doc.blocks
        if not blocks or blocks[0].kind != PARAGRAPH or any(s.kind != TEXT for s in blocks[0].spans):
            return
        text = " ".join(blocks[0].text.split())
        if "\n" in blocks[0].text.strip() or not _strict_title(text) or bullet_item(text):
            return  # (a list's item titles nothing)
        if not any(_is_prose(b) for b in blocks[1:6]):
            return
        first = blocks[0]
        first.kind, first.level, first.sep = HEADING, ctx.options.heading_level, None
        self.record(ctx, first.line, 1, text, "#" * first.level + " " + text, "title at the top of the text")
        doc.meta.setdefault("title", text)
        _find_author(doc, 0)


_SMALL_WORDS = frozenset(
    {
        "a", "an", "the", "of", "and", "or", "nor", "but", "in", "on", "at", "to", "for", "by",
        "with", "from", "into", "upon", "as", "le", "la", "les", "l", "de", "du", "des", "d", "et",
        "un", "une", "au", "aux", "der", "die", "das", "den", "dem", "und", "von", "zu", "im",
    }
)


def _strict_title(text: str) -> bool:
    """A short line in title case: every word capitalised but the small ones ("The Fall of Rome")."""
    words = regex.findall(r"\p{L}[\p{L}'’-]*", text)
    if not words or len(words) > 8 or len(text) > 60 or not words[0][0].isupper():
        return False
    if classify(text) is not None or regex.search(r"[.,;:!?…\"“”]", text):
        return False  # headings of other kinds; sentences, labels and quotations
    return all(w[0].isupper() or w.casefold() in _SMALL_WORDS for w in words)


def _caps_series(blocks: list[Block], found: list[tuple[int, int, bool]]) -> list[tuple[int, int, bool]]:
    """Capitalised headings that read as a book's titles, not as shouts or signs.

    A line ending in "!" or "?" is a shout unless the text has other capitalised
    titles; a single capitalised line after the story has begun is a sign or a shout.
    """
    plain = [f for f in found if not _shouted(blocks[f[0]])]
    if len(plain) < 2:
        found = plain
    if len(found) == 1 and any(_is_prose(b) for b in blocks[: found[0][0]]):
        return []
    return found


def _shouted(block: Block) -> bool:
    return block.text.strip().split("\n")[0].rstrip().endswith(("!", "?"))


def _is_prose(block: Block) -> bool:
    """A paragraph of running text (not a title, a byline or a label)."""
    text = " ".join(block.text.split())
    return block.kind == PARAGRAPH and len(text) >= 60 and bool(regex.search(r"[.!?…]['\"’”)]*$", text))


def _same_title(text: str, title: str) -> bool:
    """Whether a front-matter line is the book's title: equal, or most of its words."""
    if text.casefold() == title.casefold():
        return True
    ours = regex.findall(r"\p{L}+", text.casefold())
    theirs = set(regex.findall(r"\p{L}+", title.casefold()))
    if not ours or not theirs or len(ours) > 2 * len(theirs) + 2:
        return False
    return len(set(ours) & theirs) * 3 >= len(theirs) * 2 and len(text) <= 120


_AUTHOR = lazy(r"(?i:by|von|par|de|di|door|por)\s+(?P<name>[\p{L}.' -]{3,60})")


def _find_author(doc: Document, title_index: int) -> None:
    """An author line under the title: "By Jane Doe", or "by" on its own over the name."""
    if "author" in doc.meta:
        return
    texts = [" ".join(b.text.split()) for b in doc.blocks[title_index + 1 : title_index + 4]]
    for k, text in enumerate(texts):
        m = _AUTHOR.fullmatch(text)
        if m:
            doc.meta["author"] = m.group("name").strip()
            return
        if text.casefold() in _BY and k + 1 < len(texts) and len(texts[k + 1].split()) <= 6:
            doc.meta["author"] = texts[k + 1]
            return
