"""Titles next to an archive's section labels, in a work downloaded or saved as text.

Archives print a work as its title (and byline), then labelled sections:
``Summary``, ``Notes``, ``Chapter Notes``, ``Chapter Text``, ``Work Text:``,
``Chapter End Notes``. The title of a work or of a chapter is the bare short
line just above such a label (over a byline, if one comes between); nothing
else marks it, since titles need not be title-cased ("He is ours").
"""

from __future__ import annotations

from tidyink.document import PARAGRAPH, VERSE, Block
from tidyink.filters._layout import lines_of, simple_span, split_block
from tidyink.lazy_regex import compiled

LABEL = compiled(
    r"(?i:(?:chapter\s+|end\s+|work\s+|author'?s?\s+)?(?:summary|notes?|text|preface|foreword))\s*:?"
)
LABEL_WORDS = 3  # "Chapter Notes :", the most words LABEL matches
_BYLINE = compiled(r"(?i:by)\s+\S.{0,60}")
_SENTENCE_END = compiled(r"[.,;:…]['\"’”)]*$")
MAX_TITLE = 100


def is_label(block: Block) -> bool:
    """A block that is only a section label ("Summary:", "Chapter End Notes")."""
    if block.kind not in (PARAGRAPH, VERSE):
        return False
    words = block.text.split(None, LABEL_WORDS)
    # (\s in LABEL is white space str.split splits at: in the words joined by one space it
    # matches one space, so a label is LABEL_WORDS words at most)
    return len(words) <= LABEL_WORDS and bool(LABEL.fullmatch(" ".join(words)))


def _short_line(block: Block) -> bool:
    text = " ".join(block.text.split())
    return (
        block.kind in (PARAGRAPH, VERSE)
        and simple_span(block) is not None
        and "\n" not in block.text.strip()
        and 0 < len(text) <= MAX_TITLE
        and not _SENTENCE_END.search(text)
        and not is_label(block)
    )


def labels_of(blocks: list[Block]) -> list[bool]:
    """:func:`is_label` of each block, for :func:`split_bylines` and :func:`titles` to share."""
    return [is_label(block) for block in blocks]


def split_bylines(blocks: list[Block], labels: list[bool] | None = None) -> list[Block]:
    """A two-line block over a label, "Title" / "by Author": two blocks (``labels``: their
    :func:`labels_of`, when the caller has it)."""
    if labels is None:
        labels = labels_of(blocks)
    out: list[Block] = []
    for k, block in enumerate(blocks):
        span = simple_span(block)
        nxt = blocks[k + 1] if k + 1 < len(blocks) else None
        if span is not None and block.kind in (PARAGRAPH, VERSE) and nxt is not None and labels[k + 1]:
            lines = [x for x in lines_of(span) if x.stripped]
            if len(lines) == 2 and _BYLINE.fullmatch(lines[1].stripped) and len(lines[0].stripped) <= MAX_TITLE:
                out.extend(split_block(block, span, [([lines[0]], PARAGRAPH), ([lines[1]], PARAGRAPH)]))
                continue
        out.append(block)
    return out


def titles(blocks: list[Block], labels: list[bool] | None = None) -> list[int]:
    """Indices of the title lines just above a section label (over a byline at most);
    ``labels``: the blocks' :func:`labels_of`, when the caller has it."""
    if labels is None:
        labels = labels_of(blocks)
    found: list[int] = []
    for k in range(len(blocks)):
        if not labels[k] or (k and labels[k - 1]):
            continue
        run = []
        i = k - 1
        while i >= 0 and len(run) < 2 and _short_line(blocks[i]):
            run.append(i)
            i -= 1
        if not run:
            continue
        if len(run) == 2 and i >= 0 and _short_line(blocks[i]):
            continue  # three short lines over the label: no telling which is the title
        found.append(run[-1])
    return found
