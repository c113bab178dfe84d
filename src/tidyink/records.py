"""Plain records shared by every layer: edits, changes and findings."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, NamedTuple


class Edit(NamedTuple):
    """Replace ``text[start:end]`` with ``new`` in a block's prose view.

    A named tuple: immutable, compared and shown as a dataclass would be, and cheaper
    to define (at every start) and to make (filters make thousands per book).
    """

    start: int
    end: int
    new: str
    reason: str = ""


@dataclass(frozen=True, slots=True)
class Change:
    """One change a filter made, located in the decoded input (1-based line and column)."""

    filter: str
    line: int
    column: int
    before: str
    after: str
    reason: str = ""

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


SEVERITIES = ("info", "warning", "error")


@dataclass(frozen=True, slots=True)
class Finding:
    """A problem a lint rule (or a filter) flags without changing the text.

    Positions are 1-based, in code points, as an editor shows the input file.
    """

    code: str
    message: str
    line: int
    column: int
    end_line: int
    end_column: int
    suggestions: tuple[str, ...] = ()
    severity: str = "warning"
    path: str | None = None
    name: str = ""
    extra: dict[str, Any] = field(default_factory=dict, compare=False)

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["suggestions"] = list(self.suggestions)
        if not data["extra"]:
            del data["extra"]
        return data
