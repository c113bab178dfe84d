"""Count the capitalised words of a text: the raw material for name consistency.

Kept tiny and dependency-light so that a batch can count names in every file of a
folder (in worker processes) and share the totals with the lint rules through
``Context.state[STATE_KEY]``; a file's own names are taken out of them again
(``Context.state[OWN_KEY]``), so that its uses are not counted twice.
"""

from __future__ import annotations

from collections import Counter

from tidyink.lazy_regex import compiled

# Context.state keys. STATE_KEY: a Counter of the capitalised words of every file of a
# folder, the converted file's own included (one counter, shared by every file's check);
# OWN_KEY: the converted file's own share of it (``tidyink.api.convert`` counts it).
STATE_KEY = "corpus_names"
OWN_KEY = "own_names"

_CAPITALISED = compiled(r"(?<![\p{L}\p{M}'’-])\p{Lu}[\p{Ll}\p{M}]+(?:['’-]\p{L}+)*")


def count_names(text: str) -> Counter[str]:
    """How often each capitalised word occurs in ``text`` (sentence starts included)."""
    return Counter(m.group() for m in _CAPITALISED.finditer(text))
