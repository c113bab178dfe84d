"""Project Gutenberg header and licence, site navigation and widgets; author's notes.

Conservative by design: only text that is certainly not the story goes, and
every removal is recorded as a change holding the removed text (``--explain``).

* Project Gutenberg: everything up to the ``*** START OF ...`` marker (or the end
  of the old "small print" header), the "Produced by" credits right after it,
  and everything from "End of the Project Gutenberg EBook ..." or the ``*** END
  OF ...`` marker on. Without a start marker nothing is removed from the top.
* Site chrome: whole lines of navigation (``To chapter ten``, ``Next``,
  ``« Previous | Contents | Next »``, ``Chapter 3 of 12``) and widgets
  (follow/favourite, review boxes) at the start or the end of the text; weak
  lines such as ``Back to the archive`` or ``Home`` only next to strong ones or in
  a block of links. Blocks the HTML reader marked as chrome, and menus made of
  links, go wherever they are.
* Author's notes and disclaimers at the start, the end and around chapter
  headings are marked ``attrs["author_note"]``; ``author_notes`` = ``keep``
  (default), ``strip`` or ``end`` (moved after the story).
"""

from __future__ import annotations

from itertools import islice

from tidyink.document import (
    HEADING,
    PARAGRAPH,
    PROSE_BLOCKS,
    SCENE_BREAK,
    Block,
    Document,
)
from tidyink.filters._author_notes import _breaks_beside_notes, _find_notes
from tidyink.filters._author_notes import is_note as is_note  # (a public name of this module)
from tidyink.filters._boilerplate_lines import DocLines, Line, _text_of, _texts_from, lines_of, lines_of_block
from tidyink.filters._boilerplate_lines import lines_from as lines_from  # (a public name of this module)
from tidyink.filters._gutenberg import _credits, _header_meta, _pg_end, _pg_start, may_end
from tidyink.filters._navigation import is_nav as is_nav  # (a public name of this module)
from tidyink.filters._patterns_lazy import P
from tidyink.filters.base import Context, Filter
from tidyink.records import Edit


class Boilerplate(Filter):
    name = "boilerplate"
    description = (
        "Remove Project Gutenberg headers and licences and site navigation; "
        "find author's notes (keep, strip or move to the end)."
    )
    stage = "structure"
    order = 200
    formats = frozenset({"text", "html"})

    def run(self, doc: Document, ctx: Context) -> None:
        first = len(ctx.changes)
        self.gutenberg(doc, ctx)
        if doc.format == "text":
            self.rendered_page(doc, ctx)
        edges = (doc.blocks[0], doc.blocks[-1]) if doc.blocks else None
        self.chrome(doc, ctx)
        self.navigation(doc, ctx)
        if edges and doc.blocks:
            # A scene break left at an edge separated the story from what was removed.
            if doc.blocks[-1] is not edges[1]:
                self._edge_breaks(doc, ctx, from_end=True)
            if doc.blocks and doc.blocks[0] is not edges[0]:
                self._edge_breaks(doc, ctx, from_end=False)
        self.notes(doc, ctx)
        # Removals run from the end (indices stay valid); report them in reading order.
        ctx.changes[first:] = sorted(ctx.changes[first:], key=lambda c: (c.line, c.column))

    # --- Project Gutenberg ------------------------------------------------------

    def gutenberg(self, doc: Document, ctx: Context) -> None:
        # The hint is looked for in the first 400 lines and the last 800, made only that far.
        edges = [ln.text for ln in islice(lines_from(doc, False), 400)]
        edges += [ln.text for ln in islice(lines_from(doc, True), 800)]
        if not edges or not any(P.PG_HINT.search(text) for text in edges):
            return
        lines = DocLines(doc)
        start = next((k for k, ln in lines.items(0, len(lines) // 2 + 1) if _pg_start(ln.text)), None)
        begin = start + 1 if start is not None else 0
        end = lines.find(begin, _pg_end, may_end)
        if end is None:
            end = next((k for k, ln in lines.items(begin) if P.PG_LICENCE.match(ln.text)), None)
        if start is None and end is not None and end < 0.7 * len(lines):
            end = None  # without a start marker, only a footer near the end is trusted
        if start is not None:
            _header_meta(doc, lines.slice(0, start))
        # Work from the end so that block indices stay valid.
        if end is not None:
            self.cut_lines(doc, ctx, lines.slice(end), "Project Gutenberg footer and licence", tail=True)
        if start is not None:
            stop = end if end is not None else len(lines)
            credits = _credits(line for _, line in lines.items(start + 1, stop))
            if credits:
                self.cut_lines(doc, ctx, credits, "Project Gutenberg production credits")
            self.cut_lines(doc, ctx, lines.slice(0, start + 1), "Project Gutenberg header", head=True)

    # --- a web page saved as text -------------------------------------------------------

    def rendered_page(self, doc: Document, ctx: Context) -> None:
        """Menus, story-info and review footers of a page rendered as text (see
        :mod:`._page_chrome`): what lies outside the story's stretch of lines goes."""
        from tidyink.filters import _page_chrome as pc

        if not pc.page_like_at_edges(_texts_from(doc, False), _texts_from(doc, True), is_nav):
            return  # (every line weighs as text: the story is the whole text)
        lines = [ln for ln in lines_of(doc) if ln.text.strip()]
        texts = [ln.text for ln in lines]
        values = pc.line_values(texts, is_nav)
        region = pc.story_region(values)
        if region is None:
            return
        first, last = region
        if last + 1 < len(lines) and pc.trusted_cut(values[last + 1 :], texts[last + 1 :]):
            while last > first + 1 and pc.section_title(lines[last].text) and values[last - 1] > 0:
                last -= 1
            self.cut_lines(doc, ctx, lines[last + 1 :], "site chrome (page footer rendered as text)", tail=True)
        if first > 0 and pc.trusted_cut(values[:first], texts[:first]):
            self.cut_lines(doc, ctx, lines[:first], "site chrome (page header rendered as text)", head=True)

    # --- chrome the HTML reader marked, menus of links ------------------------------

    def chrome(self, doc: Document, ctx: Context) -> None:
        for i in range(len(doc.blocks) - 1, -1, -1):
            block = doc.blocks[i]
            reason = block.attrs.get("chrome")
            if not reason and block.attrs.get("link_ratio", 0) >= 0.8 and _menu(block):
                reason = "a menu of links"
            if not reason and block.kind == PARAGRAPH and _site_sentence(block.text):
                reason = "a site message"
            if reason and block.attrs.get("role") not in ("title", "byline"):
                self.remove_blocks(doc, ctx, [i], f"site chrome ({reason})")
        # An archive's own line inside a block ("Posted originally on the Archive of
        # Our Own at ..." under the title of a downloaded work).
        # (searched in every block's text at once: the word holds no newline)
        texts = [t for b in doc.blocks if (t := _text_of(b))]
        every = lines_of(doc) if P.ARCHIVE_WORD.search("\n".join(texts)) else []
        stamped: list[list[Line]] = []
        k = 0
        while k < len(every):
            ln = every[k]
            nxt = every[k + 1] if k + 1 < len(every) and every[k + 1].block == ln.block else None
            if ln.text.rstrip().endswith((".", "!", "?")):
                nxt = None  # a whole line: what follows is not its tail
            glue = "" if ln.text.rstrip().endswith("/") else " "
            if nxt is not None and P.ARCHIVE_LINE.match(f"{ln.text.strip()}{glue}{nxt.text.strip()}"):
                stamped.append([ln, nxt])  # wrapped by a renderer: "... at https://a.example/" "works/1"
                k += 1
            elif P.ARCHIVE_LINE.match(ln.text.strip()):
                stamped.append([ln])
            k += 1
        for group in reversed(stamped):
            self.cut_lines(doc, ctx, group, "site chrome (an archive's own line)")

    # --- navigation lines at the edges -------------------------------------------

    def navigation(self, doc: Document, ctx: Context) -> None:
        self._widget_tail(doc, ctx)
        for from_end in (True, False):
            lines = (ln for ln in lines_from(doc, from_end) if ln.text.strip())
            run: list[Line] = []
            kinds: list[str] = []
            for ln in lines:
                block = doc.blocks[ln.block]
                kind = is_nav(ln.text, linked=block.attrs.get("link_ratio", 0) >= 0.8)
                if kind is None or (block.kind == HEADING and (kind != "strong" or not from_end)):
                    break  # a last heading goes when it names a widget ("Share this:")
                run.append(ln)
                kinds.append(kind)
            if run and (
                "strong" in kinds or all(doc.blocks[ln.block].attrs.get("link_ratio") for ln in run)
            ):
                run.sort(key=lambda ln: (ln.block, ln.start))
                self.cut_lines(doc, ctx, run, "site navigation", tail=from_end, head=not from_end)

    def _widget_tail(self, doc: Document, ctx: Context) -> None:
        """A last heading that names a widget ("Works inspired by this one:") and the few
        short lines under it (its links) end the page."""
        heads = [i for i, b in enumerate(doc.blocks) if b.kind == HEADING]
        title = doc.blocks[heads[-1]].text.strip() if heads else ""
        if is_nav(title) != "strong" or title.lower().startswith(("chapter", "part")):
            return  # "Chapter 3 of 12" heads a (short) chapter
        tail = doc.blocks[heads[-1] + 1 :]
        if len(tail) <= 8 and all(len(b.text) < 200 for b in tail) and sum(len(b.text) for b in tail) < 600:
            lines = [ln for ln in lines_of(doc) if ln.block >= heads[-1] and ln.text.strip()]
            self.cut_lines(doc, ctx, lines, "site widget at the end", tail=True)

    def _edge_breaks(self, doc: Document, ctx: Context, from_end: bool) -> None:
        """Remove scene breaks at one edge of the document."""
        while doc.blocks:
            i = len(doc.blocks) - 1 if from_end else 0
            if doc.blocks[i].kind != SCENE_BREAK:
                return
            self.remove_blocks(doc, ctx, [i], "scene break next to removed site chrome")

    # --- author's notes -----------------------------------------------------------

    def notes(self, doc: Document, ctx: Context) -> None:
        found = _find_notes(doc)
        for i in found:
            doc.blocks[i].attrs["author_note"] = True
        mode = ctx.options.author_notes
        if not found or mode == "keep":
            return
        breaks = _breaks_beside_notes(doc.blocks, found)
        if breaks:
            self.remove_blocks(doc, ctx, breaks, "scene break that set off an author's note")
            found = {i - sum(1 for k in breaks if k < i) for i in found}
        if mode == "strip":
            for i in sorted(found, reverse=True):
                self.remove_blocks(doc, ctx, [i], "author's note (--author-notes strip)")
            return
        moved = [doc.blocks[i] for i in sorted(found)]
        keep = [b for i, b in enumerate(doc.blocks) if i not in found]
        if not keep or keep + moved == doc.blocks:
            return  # nothing but notes, or they are already at the end
        for block in moved:
            line, col = _block_position(block)
            self.record(ctx, line, col, block.text, block.text, "author's note moved to the end")
        last_sep = doc.blocks[-1].sep
        for block in [keep[-1], *moved]:
            if block.sep is not None:
                block.sep = "\n\n"
        doc.blocks[:] = keep + moved
        doc.blocks[-1].sep = last_sep

    # --- removal ------------------------------------------------------------------------

    def cut_lines(
        self,
        doc: Document,
        ctx: Context,
        lines: list[Line],
        reason: str,
        *,
        head: bool = False,
        tail: bool = False,
    ) -> None:
        """Remove whole lines; blocks left empty go, and with ``head``/``tail`` every
        block before/after the lines goes too. One change per call holds the text."""
        if not lines:
            return
        by_block: dict[int, list[Line]] = {}
        for ln in lines:
            by_block.setdefault(ln.block, []).append(ln)
        first, last = min(by_block), max(by_block)
        whole: list[int] = []
        partial: dict[int, list[Line]] = {}
        for i in range(first, last + 1):
            block = doc.blocks[i]
            mine = by_block.get(i, [])
            if i not in by_block and (head or tail):
                whole.append(i)  # raw or scene-break blocks inside the region
                continue
            if not mine:
                continue
            every = lines_of_block(block)
            removed = {(ln.start, ln.end) for ln in mine}
            rest = [ln for ln in every if (ln.start, ln.end) not in removed and ln.text.strip()]
            if not rest:
                whole.append(i)
            elif block.kind in PROSE_BLOCKS and _single_text(block):
                partial[i] = mine
        if head:
            whole = sorted(set(whole) | set(range(0, first)))
        if tail:
            whole = sorted(set(whole) | set(range(last + 1, len(doc.blocks))))
        texts: list[str] = []
        position: tuple[int, int] | None = None
        for i in sorted(set(whole) | set(partial)):
            block = doc.blocks[i]
            if i in partial:
                pieces = [ln.text for ln in partial[i]]
                pos = block.prose().position(partial[i][0].start)
            else:
                pieces = ["".join(span.shown for span in block.spans)]
                pos = _block_position(block)
            texts.append("\n".join(pieces))
            if position is None:
                position = pos
        for i in sorted(partial, reverse=True):
            _delete_lines(doc.blocks[i], partial[i])
        self._drop(doc, whole)
        if texts and position is not None:
            self.record(ctx, position[0], position[1], "\n\n".join(texts), "", reason)

    def remove_blocks(self, doc: Document, ctx: Context, indices: list[int], reason: str) -> None:
        for i in sorted(indices, reverse=True):
            block = doc.blocks[i]
            line, col = _block_position(block)
            text = "".join(s.shown for s in block.spans) or "".join(s.text for s in block.spans)
            self.record(ctx, line, col, text, "", reason)
        self._drop(doc, indices)

    @staticmethod
    def _drop(doc: Document, indices: list[int]) -> None:
        gone = set(indices)
        if not gone:
            return
        last_sep = doc.blocks[-1].sep
        keep = [b for i, b in enumerate(doc.blocks) if i not in gone]
        if keep and keep[-1] is not doc.blocks[-1] and last_sep is not None:
            keep[-1].sep = last_sep  # the file keeps its ending
        doc.blocks[:] = keep


def _single_text(block: Block) -> bool:
    return all(span.kind == "text" for span in block.spans) and len(block.spans) == 1


def _delete_lines(block: Block, lines: list[Line]) -> None:
    """Delete whole lines (and one adjoining newline each) from a one-span block."""
    view = block.prose()
    text = view.text
    ranges: list[list[int]] = []
    for ln in sorted(lines, key=lambda ln: ln.start):
        if ranges and ln.start <= ranges[-1][1] + 1:
            ranges[-1][1] = max(ranges[-1][1], ln.end)
        else:
            ranges.append([ln.start, ln.end])
    # Each run of lines goes with one newline: the one after it, or before it at the end.
    merged = [
        Edit(s, e + 1, "", "boilerplate") if e < len(text) else Edit(max(s - 1, 0), e, "")
        for s, e in ranges
    ]
    view.apply(merged)


def _block_position(block: Block) -> tuple[int, int]:
    if block.kind in PROSE_BLOCKS and block.spans:
        return block.prose().position(0)
    for span in block.spans:
        if span.line:
            return span.position(0)
    return max(block.line, 1), 1


def _site_sentence(text: str) -> bool:
    """A one-line block that only a site writes ("Please drop by the Archive ...")."""
    text = text.strip()
    return "\n" not in text and len(text) < 200 and bool(P.SITE_SENTENCE.match(text))


def _menu(block: Block) -> bool:
    """A block of links whose lines or pieces are all short (a site menu)."""
    text = "".join(s.shown for s in block.spans)
    pieces = [p for line in text.split("\n") for p in P.NAV_SEPARATORS.split(line) if p.strip()]
    if all(is_nav(line, linked=True) for line in text.split("\n") if line.strip()):
        return len(pieces) >= 2 or bool(is_nav(text))
    return False
