"""Count the capitalised words of a text: the raw material for name consistency.

Kept tiny and dependency-light so that a batch can count names in every file of a
folder (in worker processes) and share the totals with the lint rules through
``Context.state[STATE_KEY]``.
"""

from __future__ import annotations

from collections import Counter

from tidyink.lazy_regex import compiled

STATE_KEY = "corpus_names"  # Context.state key: Counter of capitalised words across a folder

_CAPITALISED = compiled(r"(?<![\p{L}\p{M}'’-])\p{Lu}[\p{Ll}\p{M}]+(?:['’-]\p{L}+)*")


def count_names(text: str) -> Counter[str]:
    """How often each capitalised word occurs in ``text`` (sentence starts included)."""
    return Counter(m.group() for m in _CAPITALISED.finditer(text))
