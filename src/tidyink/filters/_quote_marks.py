"""Quote-mark roles, character classes and the neighbour helpers every quote pass reads."""

from __future__ import annotations

from dataclasses import dataclass, field

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


@dataclass
class QuoteState:
    """What stays open from one block to the next (multi-paragraph quotations)."""

    double_open: bool = False
    single_open: bool = False
    langs: tuple[str, ...] = ("en",)
    # Per block, from a look at the whole document before the pass:
    dialect: bool = False  # the document is full of clipped words (nothin', an', 'em)
    next_start: str = ""  # the next block's first marks ("'": a quotation goes on)
    cache: dict[str, bool] = field(default_factory=dict)
