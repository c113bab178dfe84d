"""A ``re`` character class of the letters one text holds.

Finding words with a class of the text's own letters (``[A-Za-zéè…]``) is several
times faster than a class that looks each character's category up (``\\p{L}``,
``[^\\W\\d_]``), and finds the same words in that text: which runs there are depends
only on which of its characters are letters. The repair filters build one per
document; a text of more than :data:`CLASS_MAX` characters beyond ASCII (a script
of many letters) keeps the general pattern, as its class would cost more to build.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

CLASS_MAX = 300  # characters beyond ASCII up to which a text gets a class of its own
_ASCII = re.compile(r"[\x00-\x7f]+")


def beyond_ascii(text: str) -> set[str]:
    """The characters of ``text`` beyond ASCII."""
    return set(_ASCII.sub("", text))  # (faster than finding the others)


def letter_class(chars: Iterable[str], is_letter: Callable[[str], object]) -> str:
    """``[A-Za-z…]``: the ASCII letters and those of ``chars`` (characters beyond ASCII,
    at most :data:`CLASS_MAX` of a text's) that ``is_letter`` takes for letters."""
    return "[A-Za-z" + re.escape("".join(sorted({c for c in chars if is_letter(c)}))) + "]"
