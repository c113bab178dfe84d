"""Remove invisible debris: zero-width characters, soft hyphens, stray BOMs, controls.

Invisible characters that carry meaning stay: a zero-width joiner inside an
emoji sequence or between letters of a joining script, a zero-width non-joiner
in Persian or Indic text, a zero-width space in Thai or other scripts written
without spaces, bidi controls in text that holds right-to-left letters.
No-break spaces follow ``Options.nbsp``: ``keep`` keeps those that are meant
(French spacing before ``» ; : ! ?``, in and next to numbers, after ``Mr.`` and
other abbreviations, after one- and two-letter words, in letter-spaced words) and
turns stray ones between ordinary words into spaces; ``space`` turns all into
spaces. U+FFFD (a character lost before the text reached us) cannot be
repaired: it is left in place and flagged by lint rule E101. C1 controls are
the ``codepage`` filter's (most are cp1252 read as latin-1); this filter runs
after it and after ``mojibake`` (``Ã\u00ad`` is í, not a soft hyphen).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import cache

import regex

from tidyink.document import BREAK, MARK, OBJECT, RAW_BLOCK, TEXT, Block, Document
from tidyink.filters._repair import RepairFilter
from tidyink.filters.base import Context
from tidyink.lazy_regex import compiled, lazy_re
from tidyink.records import Edit

# Anything this filter may act on (a fast first test with ``re``).
_ANY = re.compile(
    "[\x00-\x08\x0b\x0e-\x1f\x7f\u00a0\u00ad\u061c\u200b-\u200f\u202a-\u202f"
    "\u2060\u2066-\u2069\ufeff\ufffd]"
)
# (the patterns below are compiled when first used: most texts need none of them)
# A terminal escape: ESC [ with parameters, or without one a command that means something
# with none (not set/reset mode, h and l, which need the mode, and no intermediate bytes):
# ESC [&link is a stray ESC before a bracket, not a command that ends in the l of "link".
_ANSI = lazy_re(r"\x1b\[(?:[0-9;?]+[ -/]*[@-~]|[@-gi-km-~])|\x1b[@-Z\\-_]")
_C1 = lazy_re("[\x80-\x9f]")
_BIDI = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
_BIDI_RE = lazy_re("[" + "".join(sorted(_BIDI)) + "]")
_NBSP = frozenset("\u00a0\u202f")
HONORIFICS = frozenset(
    {"mr", "mrs", "ms", "dr", "st", "mme", "mlle", "mm", "herr", "frau"}
    | {"sr", "sra", "srta", "dom", "fr", "prof", "no", "nr"}
)

NAMES = {
    "\u00ad": "soft hyphen",
    "\u200b": "zero-width space",
    "\u200c": "zero-width non-joiner",
    "\u200d": "zero-width joiner",
    "\u2060": "word joiner",
    "\ufeff": "byte-order mark inside the text",
    "\x7f": "delete control character",
}


@cache
def _patterns() -> dict[str, regex.Pattern[str]]:
    return {
        # Scripts written without spaces between words: ZWSP marks word breaks.
        "unspaced": regex.compile(
            r"[\p{Thai}\p{Lao}\p{Khmer}\p{Myanmar}\p{Tibetan}\p{Han}\p{Hiragana}\p{Katakana}]"
        ),
        # Letters of scripts where joiners shape text (Arabic, Indic, ...).
        "joining": regex.compile(r"[^\p{Latin}\p{Common}\p{Inherited}\p{Greek}\p{Cyrillic}]"),
        "emoji": regex.compile(r"[\p{Extended_Pictographic}\p{Emoji_Modifier}\ufe0f\u20e3]"),
        "rtl": regex.compile(r"[\p{Bidi_Class=R}\p{Bidi_Class=AL}]"),
    }


def _name(ch: str) -> str:
    if ch in NAMES:
        return NAMES[ch]
    if ch in _BIDI:
        return f"bidi control U+{ord(ch):04X}"
    if ord(ch) < 0x20:
        return f"control character U+{ord(ch):04X}"
    return f"U+{ord(ch):04X}"


def _neighbours(text: str, i: int, skip: str) -> tuple[str, str]:
    a = i - 1
    while a >= 0 and text[a] in skip:
        a -= 1
    b = i + 1
    while b < len(text) and text[b] in skip:
        b += 1
    return (text[a] if a >= 0 else ""), (text[b] if b < len(text) else "")


def _joiner_meant(text: str, i: int) -> bool:
    """Whether a ZWJ/ZWNJ/ZWSP at ``text[i]`` does something for its neighbours."""
    p = _patterns()
    before, after = _neighbours(text, i, "")
    around = before + after
    ch = text[i]
    if ch == "\u200b":
        return bool(p["unspaced"].search(around))
    # Emoji sequences (© and ® are pictographic too, but mostly mojibake debris).
    if ch == "\u200d" and p["emoji"].search("".join(c for c in around if ord(c) >= 0x2000)):
        return True
    return bool(p["joining"].search(around))


def _in_mojibake(text: str, i: int) -> bool:
    """Whether ``text[i]`` is a byte of a UTF-8 sequence read as single bytes (Ã\u00ad = í)."""
    from tidyink.filters._mojibake_scan import _pattern

    m = _pattern().match(text, max(i - 2, 0))
    m1 = _pattern().match(text, max(i - 1, 0))
    return any(m is not None and m.start() < i < m.end() for m in (m, m1))


_ZERO_WIDTH = frozenset("\u200b\u200c\u200d\u2060\ufeff\u00ad")
# What a no-break space is judged without: zero-width characters and the control
# characters this filter removes (not \t, \n, or \x0b, which becomes a newline).
_UNSEEN = frozenset(_ZERO_WIDTH | {chr(c) for c in (*range(0x09), *range(0x0E, 0x20), 0x7F)})
_UNSEEN_RE = lazy_re("[" + re.escape("".join(sorted(_UNSEEN))) + "]")
_LEAD = "\u00a0\u202f\ufffc"  # what may stand before a no-break space at a line's start
_WORD_CAP = 16  # words are read this far from a no-break space: the tests need short ones
_OPEN_AFTER = frozenset("»›;:!?%‰)]}—–")
_CLOSE_BEFORE = frozenset("«‹([{—–")
_AFTER_MARK = frozenset("…)]}")  # a no-break space after an ellipsis or a bracket is set


def _letter_beyond(text: str, i: int, step: int) -> bool:
    """Whether the first character from ``text[i]`` on (going by ``step``) that is not
    inline markup (emphasis shown as a mark, an inline object) is a letter."""
    for _ in range(8):
        if not 0 <= i < len(text):
            return False
        if text[i] not in _MD_DELIMITERS:
            return text[i].isalpha()
        i += step
    return False


def _symbol(ch: str) -> bool:
    """A currency, mathematical or other symbol (Unicode category S)."""
    return unicodedata.category(ch)[0] == "S"


def _wordish(ch: str, extra: str = "") -> bool:
    """A letter, mark or digit (``\\p{L}\\p{M}\\p{N}``), or one of ``extra``."""
    return unicodedata.category(ch)[0] in "LMN" or ch in extra


class NbspView:
    """A paragraph as the no-break-space policy judges it, prepared once.

    C1 controls are read as the later ``codepage`` filter leaves them and
    zero-width characters and controls are left out, bidi controls too when
    ``bidi_unseen`` (no right-to-left letters: they go), as the next run will see the text.
    Every question about one no-break space then looks only at its run and at
    a few characters around it, so a paragraph costs time linear in its length
    however many no-break spaces it holds or however long its words are.
    """

    def __init__(self, text: str, bidi_unseen: bool = False) -> None:
        from tidyink.filters._codepages import c1_table

        c1 = c1_table()
        unseen = _UNSEEN | _BIDI if bidi_unseen else _UNSEEN
        if _C1.search(text) or _UNSEEN_RE.search(text) or (bidi_unseen and _BIDI_RE.search(text)):
            out: list[str] = []
            where: list[int] = []
            for ch in text:
                where.append(len(out))
                if "\x80" <= ch <= "\x9f":
                    ch = c1.get(ord(ch), "")
                if ch and ch not in unseen:
                    out.append(ch)
            self.text = "".join(out)
            self._where: list[int] | None = where
        else:
            self.text, self._where = text, None
        # Each run of no-break spaces (and each run that may lead a line): start, end.
        self._runs = {m.start(): m.end() for m in _NBSP_RUN.finditer(self.text)}
        self._run_of: dict[int, int] = {}
        for a, b in self._runs.items():
            for k in range(a, b):
                self._run_of[k] = a
        self._leads: dict[int, int] = {}
        for m in _LEAD_RUN.finditer(self.text):
            for k in range(m.start(), m.end()):
                self._leads[k] = m.start()

    def _at(self, i: int) -> int:
        return i if self._where is None else self._where[i]

    def meant(self, i: int, prose_only: bool = False) -> bool:
        """Whether the no-break space at ``i`` (an offset of the original text) is meant.

        ``prose_only`` (text that was valid UTF-8): every no-break space is meant
        unless it sits between two letters, words of running prose.
        """
        text = self.text
        j = self._at(i)
        start = self._run_of.get(j, j)
        end = self._runs.get(start, j + 1)
        before = text[start - 1] if start > 0 else ""
        after = text[end] if end < len(text) else ""
        if not before or not after or before.isspace() or after.isspace():
            return True  # indentation or trailing space: not ours to judge
        lead = self._leads.get(j, j)
        if lead == 0 or text[lead - 1] == "\n":
            return True  # verse indentation after a Markdown ``&nbsp;`` (protected, shown as U+FFFC)
        if after in _OPEN_AFTER or before in _CLOSE_BEFORE or before in _AFTER_MARK:
            return True
        if _symbol(before) or _symbol(after):
            return True  # 5 €, § 3, © 2024, 20 °C, x × y
        if prose_only and not (_letter_beyond(text, start - 1, -1) and _letter_beyond(text, end, 1)):
            return True
        if before.isdigit() or after.isdigit():
            return True
        k = start
        while k > 0 and start - k < _WORD_CAP and _wordish(text[k - 1], ".'’"):
            k -= 1
        word_before = text[k:start]
        k = end
        while k < len(text) and k - end < _WORD_CAP and _wordish(text[k]):
            k += 1
        word_after = text[end:k]
        bare = word_before.rstrip(".").casefold()
        if bare in HONORIFICS:
            return True
        if word_before.endswith(".") and len(word_before) <= 5:
            return True  # abbreviations and initials: M. Fogg, J. Smith, p. 12
        # After a one- or two-letter word (à la, v Praze), and in letter-spaced words.
        return 0 < len(bare) <= 2 or (len(word_after) == 1 and len(word_before) == 1)


_NBSP_RUN = lazy_re("[\u00a0\u202f]+")
_LEAD_RUN = lazy_re(f"[{_LEAD}]+")


def nbsp_meant(text: str, i: int) -> bool:
    """Whether the no-break space at ``text[i]`` is typographically meant."""
    return NbspView(text).meant(i)


# What a Markdown line must not become when an invisible character before it goes:
# blank (a paragraph break) or the start of a block (heading, quote, list, break, fence, HTML).
_MD_LINE_START = compiled(
    r"[ \t]*(?:$|[#>]|[-+*](?:[ \t]|$)|\d{1,9}[.)](?:[ \t]|$)|=+[ \t]*$|-+[ \t]*$"
    r"|(?:[-*_][ \t]*){3,}$|```|~~~|<[A-Za-z/!?])"
)


_MD_DELIMITERS = frozenset("*_~`" + MARK + OBJECT)
_INVISIBLE_SKIP = "\u200b\u200c\u200d\u2060\ufeff\u00ad"


def _exposes_markup(text: str, i: int) -> bool:
    """Whether removing the invisible character at ``i`` would turn the rest of a
    Markdown line into structure (or a blank line), or join two runs of markup
    (``**a**``/``**b**``, two code spans): the author saw prose there."""
    before, after = _neighbours(text, i, _INVISIBLE_SKIP)
    if before and after and before in _MD_DELIMITERS and after in _MD_DELIMITERS:
        return True
    k = i
    while k > 0 and _ANY.fullmatch(text[k - 1]) and text[k - 1] not in _NBSP:
        k -= 1  # other invisibles before it on the line
    if k > 0 and text[k - 1] not in "\n" + OBJECT:
        return False
    end = text.find("\n", i)
    rest = text[i + 1 : end if end >= 0 else len(text)]
    rest = "".join(ch for ch in rest if not _ANY.fullmatch(ch) or ch in _NBSP)
    if not rest.strip(OBJECT + " \t"):
        return True  # nothing but markup (or trailing spaces) after it: the line would go blank
    return _MD_LINE_START.match(rest) is not None


def _line_starts_after_markup(block: Block) -> set[int]:
    """Prose-view offsets that start a line after protected markup ending in a newline
    (a Markdown hard break ``\\`` is markup, so the view shows it as one object)."""
    if len(block.spans) < 2:
        return set()
    starts = block.prose().starts
    return {
        start + 1
        for start, span in zip(starts, block.spans, strict=True)
        if span.kind != TEXT and span.kind != BREAK and span.text.endswith("\n")
    }


# The ASCII characters that neither _ANY nor a terminal escape holds.
_PLAIN_ASCII = bytes([0x09, 0x0A, 0x0C, 0x0D, *range(0x20, 0x7F)])


class Invisibles(RepairFilter):
    name = "invisibles"
    description = (
        "Remove zero-width characters, soft hyphens, stray BOMs, control and bidi characters; "
        "apply the no-break space policy; report U+FFFD."
    )
    stage = "repair"
    order = 140  # last: mojibake needs U+00AD/U+00A0, codepage the C1 controls

    _utf8 = False  # the document was valid UTF-8: its no-break spaces are the author's

    def prepare(self, doc: Document, ctx: Context) -> None:
        encoding = str(doc.meta.get("encoding") or "").replace("_", "-").lower()
        self._utf8 = encoding.startswith("utf-8")

    def needs(self, text: str) -> bool:
        if text.isascii():  # (its controls but tab, line breaks and form feed: counted at C speed)
            return bool(text.encode("ascii").translate(None, _PLAIN_ASCII))
        return _ANY.search(text) is not None or "\x1b" in text

    def edits(self, text: str, block: Block, ctx: Context) -> Iterable[Edit]:
        if not _ANY.search(text) and "\x1b" not in text:
            return
        escapes = set()
        for m in _ANSI.finditer(text):
            escapes.update(range(m.start(), m.end()))
            yield Edit(m.start(), m.end(), "", "terminal escape sequence removed")
        rtl: bool | None = None
        space_all = ctx.options.nbsp == "space"
        prose_only = self._utf8
        lines_after_markup: set[int] | None = None
        view: NbspView | None = None
        run = (-2, -2)  # (start, last offset) of the current run of no-break spaces
        for m in _ANY.finditer(text):
            i, ch = m.start(), m.group()
            if i in escapes or (ch in "\u00ad\u00a0" and _in_mojibake(text, i)):
                continue
            if ch == "\ufffd":
                continue  # lost, not repairable: the E101 rule flags it
            elif ch in _NBSP:
                if lines_after_markup is None:
                    lines_after_markup = _line_starts_after_markup(block)
                    if rtl is None:
                        rtl = bool(_patterns()["rtl"].search(text))
                    view = NbspView(text, bidi_unseen=not rtl)  # (removed below, as the next run sees)
                assert view is not None
                run = (run[0], i) if run[1] == i - 1 else (i, i)
                if lines_after_markup and run[0] in lines_after_markup:
                    continue  # verse indentation after a Markdown hard break
                if space_all or not view.meant(i, prose_only):
                    yield Edit(i, i + 1, " ", "no-break space between ordinary words → space")
            elif ch == "\x0b":
                yield Edit(i, i + 1, "\n", "vertical tab (a word processor's line break) → newline")
            elif block.verbatim and block.kind != RAW_BLOCK and _exposes_markup(text, i):
                continue  # Markdown: the line would turn into a heading, list, break...
            elif ch in _BIDI:
                if rtl is None:
                    rtl = bool(_patterns()["rtl"].search(text))
                if not rtl:
                    yield Edit(i, i + 1, "", f"{_name(ch)} removed (no right-to-left text)")
            elif ch in "\u200b\u200c\u200d":
                if not _joiner_meant(text, i):
                    yield Edit(i, i + 1, "", f"{_name(ch)} removed")
            else:
                yield Edit(i, i + 1, "", f"{_name(ch)} removed")
