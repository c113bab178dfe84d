"""A TextFilter base for the repair stage: blocks with nothing to repair cost nothing.

Most blocks of most files need no repair; building a block's prose view only
to find that out dominates the cost. ``needs`` looks at the raw TEXT spans
first, so untouched blocks are skipped without building a view.
"""

from __future__ import annotations

from tidyink.document import TEXT, Block, Document
from tidyink.filters.base import Context, TextFilter


class RepairFilter(TextFilter):
    def needs(self, text: str) -> bool:
        """Whether a TEXT span's ``text`` may hold something for this filter."""
        return True

    def run(self, doc: Document, ctx: Context) -> None:
        self.prepare(doc, ctx)
        for block in doc.blocks:
            if block.kind in self.block_kinds and self._wanted(block):
                edits = list(self.edits(block.prose().text, block, ctx))
                if edits:
                    self.apply(block, edits, ctx)

    def _wanted(self, block: Block) -> bool:
        return any(span.kind == TEXT and self.needs(span.text) for span in block.spans)
