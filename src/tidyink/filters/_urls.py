"""Web addresses and e-mail addresses in prose: typography must leave them as typed.

``http://host/a--b...c`` or ``www.host.com/it's`` keep their hyphens, dots and
straight quotes. Punctuation that ends the sentence after an address (``see
www.host.com.``) is not part of it, unless the address runs up to a protected
object (the closing ``>`` of a Markdown autolink); nor is a ``--`` dash
after which the address does not go on (``www.host.com--it's new``).
"""

from __future__ import annotations

from collections.abc import Iterable

import regex

from tidyink.document import OBJECT
from tidyink.lazy_regex import lazy
from tidyink.records import Edit

_SCHEME = r"\b[a-z][a-z0-9+.-]*://|"
_WEB = rf"(?:{_SCHEME}\bwww\.|\bmailto:)[^\s<>\"“”‘’{OBJECT}]+"
_EMAIL = r"|\b[\w+]+(?:[.-][\w+]+)*@[\w-]+(?:\.[\w-]+)+"
_ADDRESS = lazy(_WEB + _EMAIL, regex.IGNORECASE)
# The same pattern without the alternatives that need "://" or "@", for a text
# without them: tried at every word, those two alternatives take time that grows
# with the square of a long dotted or hyphenated run ("1.2.3.4...", "a-b-c-...").
_VARIANTS = {
    (True, True): _ADDRESS,
    (True, False): lazy(_WEB, regex.IGNORECASE),
    (False, True): lazy(_WEB.replace(_SCHEME, "") + _EMAIL, regex.IGNORECASE),
    (False, False): lazy(_WEB.replace(_SCHEME, ""), regex.IGNORECASE),
}  # (each compiled when first used, from the compiled-pattern store: most texts hold no address)
_TRAILING = ".,;:!?'\")]}…*_"


def _may_hold_address(text: str) -> bool:
    """Whether ``text`` holds "://", "www.", "@" or "mailto:", as every address does
    (neither "://" nor "mailto:" is looked for where no ":" is: told by a quicker search)."""
    return "@" in text or "www." in text or (":" in text and ("://" in text or "mailto:" in text))


def address_spans(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each address in ``text``."""
    if not _may_hold_address(text):
        return []
    spans = []
    for m in _VARIANTS["://" in text, "@" in text].finditer(text):
        end = m.end()
        if not text.startswith(OBJECT, end):  # not a Markdown autolink: prose may follow
            cut = text.find("--", m.start(), end)  # www.host.com--it's new
            if cut >= 0 and not any(c in "/.?=#" for c in text[cut:end].rstrip(_TRAILING)):
                end = cut  # (a path goes on after the hyphens: host.com/a--b/c)
            while end > m.start() and text[end - 1] in _TRAILING:
                end -= 1
        if end > m.start():
            spans.append((m.start(), end))
    return spans


def outside_addresses(text: str, edits: Iterable[Edit]) -> list[Edit]:
    """The edits that touch no address in ``text``."""
    edits = list(edits)
    spans = address_spans(text) if edits else []
    if not spans:
        return edits
    return [e for e in edits if not any(a < max(e.end, e.start + 1) and e.start < b for a, b in spans)]


def mask_addresses(text: str) -> str:
    """``text`` with every character of an address replaced by a letter (same length)."""
    spans = address_spans(text)
    if not spans:
        return text
    chars = list(text)
    for a, b in spans:
        chars[a:b] = "x" * (b - a)
    return "".join(chars)
