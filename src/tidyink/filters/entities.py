"""Decode HTML character references (``&amp;``, ``&#8217;``, ``&rsquo;``) in plain text.

Only for plain-text input: in Markdown and HTML, references are markup and
the readers keep them. Only complete references with a closing ``;`` are
decoded (``AT&T`` and ``R&D;`` stay), double-escaped ones (``&amp;rsquo;``) are
decoded to the end so the result is stable, and a reference quoted on its own
(``"&amp;"``, ```&nbsp;```) is taken as text about HTML and left alone.
References that would give a control character or a surrogate are left too.
"""

from __future__ import annotations

from collections.abc import Iterable

from tidyink.document import Block
from tidyink.filters._repair import RepairFilter
from tidyink.filters.base import Context
from tidyink.lazy_regex import lazy_re
from tidyink.records import Edit

# (compiled when first used: most texts hold no "&", and their runs never need them)
_NAMES = r"(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});"
_REFERENCE = lazy_re("&" + _NAMES)
_ESCAPED = lazy_re("&(?:amp;)*" + _NAMES)  # with any double escapes in front
# A reference (or several) alone between quotes or backticks: a mention.
_MENTION = lazy_re(r"""(["'`“‘])(?:&(?:amp;)*[#A-Za-z0-9]+;)+(["'`”’])""")
_MAX_DEPTH = 4  # &amp;amp;amp;quot; and no deeper
# Characters the invisibles filter removes from a word: inside a reference they hide it
# (&am\u200dp;), and removing them later would leave a reference for the next run to decode.
_HIDING = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
_HIDDEN = lazy_re(f"&[#A-Za-z0-9{_HIDING}]+;")
_HIDING_RE = lazy_re(f"[{_HIDING}]")


def decode_reference(ref: str) -> str | None:
    """The text ``ref`` stands for, or None when it is unknown or unsafe."""
    import html

    if ref[1] == "#":
        digits = ref[2:-1]
        code = int(digits[1:], 16) if digits[:1] in "xX" else int(digits)
        if code > 0x10FFFF:
            return None
        text = html.unescape(ref)  # numeric 128-159 mean cp1252, as in browsers
    else:
        from html.entities import html5

        text = html5.get(ref[1:])
        if text is None:
            return None
    if any((ord(c) < 0x20 and c not in "\t\n") or 0x7F <= ord(c) < 0xA0 for c in text):
        return None
    if any(0xD800 <= ord(c) < 0xE000 or c == "\ufffd" for c in text):
        return None
    return text


def decode(text: str) -> str:
    """``text`` with every safe reference decoded, repeatedly (double escapes)."""
    for _ in range(_MAX_DEPTH):
        new = _REFERENCE.sub(lambda m: decode_reference(m.group()) or m.group(), text)
        if new == text:
            break
        text = new
    return text


class Entities(RepairFilter):
    name = "entities"
    description = "Decode HTML entities such as &amp; &#8217; &rsquo; in plain text."
    stage = "repair"
    order = 105  # first: decoded text may hold mojibake or invisibles
    formats = frozenset({"text"})

    def needs(self, text: str) -> bool:
        return "&" in text

    def edits(self, text: str, block: Block, ctx: Context) -> Iterable[Edit]:
        if "&" not in text or ";" not in text:
            return
        mentions = [(m.start(), m.end()) for m in _MENTION.finditer(text)]
        for m in _ESCAPED.finditer(text):
            if any(a <= m.start() < b for a, b in mentions):
                continue
            new = decode(m.group())
            if new != m.group():
                yield Edit(m.start(), m.end(), new, f"HTML entity {m.group()} decoded")
        if _HIDING_RE.search(text):
            yield from _hidden(text, mentions)


def _hidden(text: str, mentions: list[tuple[int, int]]) -> Iterable[Edit]:
    """References with invisible characters inside (``&am\u200dp;``), decoded as the
    reference they become once those go: as the next run would see them."""
    for m in _HIDDEN.finditer(text):
        found = m.group()
        ref = _HIDING_RE.sub("", found)
        if ref == found or not _ESCAPED.fullmatch(ref) or any(a <= m.start() < b for a, b in mentions):
            continue
        new = decode(ref)
        if new != ref:
            yield Edit(m.start(), m.end(), new, f"HTML entity {ref} decoded (invisible characters inside)")
