"""Quote-mark roles, character classes and the neighbour helpers every quote pass reads."""

from __future__ import annotations

from tidyink.document import MARK, OBJECT
from tidyink.lazy_regex import compiled

# Roles
OPEN_D = "open-double"
CLOSE_D = "close-double"
OPEN_S = "open-single"
CLOSE_S = "close-single"
APOS = "apostrophe"
PRIME = "prime"
DPRIME = "double-prime"

STRAIGHT = "\"'"
QUOTE_CHARS = frozenset("\"'“”‘’„‚«»‹›′″")
SPACES = frozenset(" \t\n\u00a0\u202f\u2009\u200a")
DASHES = frozenset("-‐–—―⸺⸻")
# Characters after which a quote mark is at the start of something.
OPENERS = frozenset("([{<¿¡/")
# Punctuation that ends a quoted phrase.
ENDERS = frozenset(".,;:!?…)]}")

# Emphasis toggles, and the _underscores_ and *stars* plain text uses for them,
# are transparent: a quote mark looks through them at the word beyond.
TRANSPARENT = frozenset((MARK, "_", "*"))

_WORD = compiled(r"[\p{L}\p{M}]+")


def is_wordy(ch: str) -> bool:
    return ch.isalnum() or ch == OBJECT


def left_of(text: str, i: int) -> str:
    """The character before ``i``, looking through emphasis toggles ('' at the start)."""
    j = i - 1
    while j >= 0 and text[j] in TRANSPARENT:
        j -= 1
    return text[j] if j >= 0 else ""


def right_of(text: str, i: int) -> str:
    """The character after ``i``, looking through emphasis toggles ('' at the end)."""
    j = i + 1
    n = len(text)
    while j < n and text[j] in TRANSPARENT:
        j += 1
    return text[j] if j < n else ""


def word_after(text: str, i: int) -> str:
    """The letters right after ``i``, looking through emphasis toggles."""
    i += 1
    while i < len(text) and text[i] in TRANSPARENT:
        i += 1
    m = _WORD.match(text, i)
    return m.group() if m else ""


class QuoteState:
    """What stays open from one block to the next (multi-paragraph quotations).

    A plain class (a dataclass costs a fraction of a millisecond to define at every start)."""

    __slots__ = ("cache", "dialect", "double_open", "langs", "next_start", "single_open")

    def __init__(
        self,
        double_open: bool = False,
        single_open: bool = False,
        langs: tuple[str, ...] = ("en",),
        dialect: bool = False,
        next_start: str = "",
        cache: dict[str, bool] | None = None,
    ) -> None:
        self.double_open = double_open
        self.single_open = single_open
        self.langs = langs
        # Per block, from a look at the whole document before the pass:
        self.dialect = dialect  # the document is full of clipped words (nothin', an', 'em)
        self.next_start = next_start  # the next block's first marks ("'": a quotation goes on)
        self.cache: dict[str, bool] = {} if cache is None else cache

    def _fields(self) -> tuple[object, ...]:
        return (self.double_open, self.single_open, self.langs, self.dialect, self.next_start, self.cache)

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        assert isinstance(other, QuoteState)
        return self._fields() == other._fields()

    __hash__ = None  # type: ignore[assignment]  (mutable)

    def __repr__(self) -> str:
        return (
            f"QuoteState(double_open={self.double_open!r}, single_open={self.single_open!r}, "
            f"langs={self.langs!r}, dialect={self.dialect!r}, next_start={self.next_start!r}, "
            f"cache={self.cache!r})"
        )
