"""What a filter is: a small named unit that edits a Document and says why."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from operator import attrgetter
from typing import Any, ClassVar

from tidyink.document import PROSE_BLOCKS, TEXT, Block, Document, ProseView, Span
from tidyink.options import Options
from tidyink.records import Change, Edit, Finding

STAGES = ("repair", "structure", "typography")


@dataclass
class Context:
    """What a filter may read (options, path) and write (changes, findings, state)."""

    options: Options = field(default_factory=Options)
    path: str | None = None
    changes: list[Change] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    state: dict[str, Any] = field(default_factory=dict)  # shared facts, e.g. names in a folder

    def setting(self, filter_name: str, key: str, default: Any) -> Any:
        """A free-form per-filter setting from ``Options.settings``."""
        return self.options.settings.get(filter_name, {}).get(key, default)


class Filter:
    """Base class: subclasses set the class attributes and implement :meth:`run`.

    ``order`` places the filter in the pipeline: repair 100-199, structure
    200-299, typography 300-399. ``formats`` lists the input formats it applies
    to; ``default`` says whether it runs unless asked for.
    """

    name: ClassVar[str]
    description: ClassVar[str]
    stage: ClassVar[str]
    order: ClassVar[int]
    default: ClassVar[bool] = True
    formats: ClassVar[frozenset[str]] = frozenset({"text", "markdown", "html"})

    def run(self, doc: Document, ctx: Context) -> None:
        raise NotImplementedError

    def record(self, ctx: Context, line: int, column: int, before: str, after: str, why: str) -> None:
        ctx.changes.append(Change(self.name, line, column, before, after, why))


class TextFilter(Filter):
    """A filter expressed as :class:`Edit` objects on each prose block's text.

    Subclasses implement :meth:`edits`; the base applies them to TEXT spans only
    (markup and protected content are never touched) and records each change.
    """

    block_kinds: ClassVar[frozenset[str]] = PROSE_BLOCKS

    def prepare(self, doc: Document, ctx: Context) -> None:
        """Hook for a first pass over the whole document (statistics, vocabulary)."""

    def edits(self, text: str, block: Block, ctx: Context) -> Iterable[Edit]:
        raise NotImplementedError

    def run(self, doc: Document, ctx: Context) -> None:
        self.prepare(doc, ctx)
        kinds = self.block_kinds
        for block in doc.blocks:
            if block.kind in kinds:
                spans = block.spans
                if len(spans) == 1 and spans[0].kind == TEXT:  # the usual case: the span is the view
                    view, text = None, spans[0].text
                else:
                    view = block.prose()
                    text = view.text
                edits = list(self.edits(text, block, ctx))
                if edits:
                    self.apply(block, edits, ctx, view)

    def apply(self, block: Block, edits: Iterable[Edit], ctx: Context, view: ProseView | None = None) -> int:
        """Apply ``edits`` to ``block`` (``view``: its current prose view, if at hand;
        it shows the edited text afterwards)."""
        spans = block.spans
        if view is None and len(spans) == 1 and spans[0].kind == TEXT:
            return self._apply_to_span(spans[0], edits, ctx)
        view = view or block.prose()
        text = view.text
        applied = view.apply(edits)
        for edit, line, column in applied:
            self.record(ctx, line, column, text[edit.start : edit.end], edit.new, edit.reason)
        return len(applied)

    def _apply_to_span(self, span: Span, edits: Iterable[Edit], ctx: Context) -> int:
        """:meth:`apply` on a block that is one TEXT span (the usual case), as
        :meth:`ProseView.apply` does it there: edits that overlap an earlier one, run
        backwards or past the end, or change nothing, are dropped; positions are taken
        before the span is edited."""
        text = span.text
        size = len(text)
        kept: list[Edit] = []
        last_end = -1
        for edit in sorted(edits, key=_BY_PLACE):
            start, end = edit.start, edit.end
            if start < last_end or start > end or end > size or text[start:end] == edit.new:
                continue
            kept.append(edit)
            last_end = end
        if not kept:
            return 0
        places = span.positions([edit.start for edit in kept])
        span.edit([(edit.start, edit.end, edit.new) for edit in kept])
        record = self.record
        for edit, (line, column) in zip(kept, places, strict=True):
            record(ctx, line, column, text[edit.start : edit.end], edit.new, edit.reason)
        return len(kept)


_BY_PLACE = attrgetter("start", "end")
