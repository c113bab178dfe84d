"""What a lint rule is: a coded check that flags text and never changes it."""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar

from tidyink.document import Block, Document, ProseView
from tidyink.filters.base import Context
from tidyink.records import Finding


class Rule:
    """Base class: subclasses set the class attributes and implement :meth:`check`.

    ``code`` is what users select and ignore (like ruff's codes); ``examples``
    maps ``"wrong"`` and ``"right"`` to sample sentences, used by
    ``tidyink rules CODE`` and by the tests.
    """

    code: ClassVar[str]
    name: ClassVar[str]
    description: ClassVar[str]
    severity: ClassVar[str] = "warning"
    default: ClassVar[bool] = True
    examples: ClassVar[dict[str, tuple[str, ...]]] = {}

    def check(self, doc: Document, ctx: Context) -> Iterable[Finding]:
        raise NotImplementedError

    def finding(
        self,
        view: ProseView,
        start: int,
        end: int,
        message: str,
        suggestions: Iterable[str] = (),
        ctx: Context | None = None,
    ) -> Finding:
        """A finding for ``view.text[start:end]``, located in the input file."""
        line, column = view.position(start)
        end_line, end_column = view.position(max(end - 1, start))
        return Finding(
            code=self.code,
            message=message,
            line=line,
            column=column,
            end_line=end_line,
            end_column=end_column + (1 if end > start else 0),
            suggestions=tuple(suggestions),
            severity=self.severity,
            path=ctx.path if ctx else None,
            name=self.name,
        )


def prose_views(doc: Document) -> Iterable[tuple[Block, ProseView]]:
    for block in doc.prose_blocks():
        yield block, block.prose()
