"""CommonMark output that never turns prose into structure by accident."""

from __future__ import annotations

import re
from functools import cache

import regex

from tidyink.document import (
    BREAK,
    CODE,
    EM,
    HEADING,
    INDENT,
    NOTE,
    PARAGRAPH,
    RAW,
    RAW_BLOCK,
    SCENE_BREAK,
    STRONG,
    TEXT,
    VERSE,
    Block,
    Document,
    Span,
    indent_width,
)
from tidyink.lazy_regex import compiled, lazy
from tidyink.options import Options
from tidyink.writers import join_blocks
from tidyink.writers._emphasis import MARKS, WORDY, Atom, opaque_atom, render, text_atoms

_INLINE = compiled(r"[\\`*_<]|~~|&(?=#?\w+;)|\[(?=[^\]\n]*\][(\[:])")
_THEMATIC = compiled(r"^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")
_SETEXT = compiled(r"^ {0,3}(?:=+|-+)[ \t]*$")
_LIST_ORDERED = compiled(r"^(\d{1,9})([.)])(?=[ \t]|$)")
_TOGGLES = (EM, STRONG)


def escape_inline(text: str) -> str:
    """Backslash-escape characters that could start inline markup."""
    if not _may_start_markup(text):
        return text
    if "~" not in text and "&" not in text and "[" not in text:
        # Each match is then one of these characters, wherever it is: each is escaped
        # by replacing (the backslash first, so that no escape is escaped again).
        for ch in _LONE_MARKUP:
            if ch in text:
                text = text.replace(ch, "\\" + ch)
        return text
    return _INLINE.sub(lambda m: "".join("\\" + c for c in m.group()), text)


_LONE_MARKUP = "\\`*_<"  # what _INLINE matches alone, wherever it is (the backslash first)


def _may_start_markup(text: str) -> bool:
    """Whether ``text`` has a character that each match of ``_INLINE`` starts with
    (a few searches for one character are quicker than the pattern's)."""
    return (
        "_" in text or "*" in text or "\\" in text or "`" in text
        or "<" in text or "&" in text or "[" in text or "~" in text
    )  # fmt: skip


def escape_line_start(line: str) -> str:
    """Escape a line (already inline-escaped) that would start a block construct."""
    line = line.lstrip(" \t")
    if not line or _plain_start(line[0]):
        return line
    if _THEMATIC.match(line) or _SETEXT.match(line):
        return "\\" + line
    first = line[0]
    if first in "#>" or (first in "-+" and (len(line) == 1 or line[1] in " \t")):
        return "\\" + line
    if first in "~`" and line.startswith(first * 3):
        return "\\" + line
    m = _LIST_ORDERED.match(line)
    if m:
        return m.group(1) + "\\" + line[m.end(1) :]
    return line


@cache
def _plain_start(first: str) -> bool:
    """Whether no block construct starts with this character (each one that
    :func:`escape_line_start` escapes starts with one of these, or a digit)."""
    return first not in "-*_=#>+~`" and not _DIGIT.match(first)


_DIGIT = compiled(r"\d")  # (as _LIST_ORDERED's: every decimal digit, not only ASCII)


def inline(block: Block, escape: bool) -> str:
    """The block's inline content as Markdown."""
    if block.verbatim:
        return "".join(escape_inline(s.text) if escape and s.kind == TEXT else s.text for s in block.spans)
    texts = _escaped(block.spans) if escape else {}
    if not any(span.kind in _TOGGLES for span in block.spans):
        return "".join(_written(span, texts.get(k)) for k, span in enumerate(block.spans))
    quick = word_edged_emphasis(block.spans, texts)
    if quick is not None:
        return quick
    return render(_atoms(block.spans, texts), HARD, lambda: _atoms(block.spans, texts, fine=True))


def word_edged_emphasis(spans: list[Span], texts: dict[int, str]) -> str | None:
    """What :func:`render` writes for text spans and toggles of one kind of emphasis
    whose every run starts and ends with a letter, digit or mark (``texts``: the
    escaped texts); None for any other block.

    Such a run's marks flank whatever is beside them (a letter is no white space nor
    punctuation), so shaping changes nothing; runs of one kind never close and open
    at the same place, and their marks are all as long: the marks go around the
    runs as they are, and nothing needs reading back.
    """
    style = ""
    on = False
    pieces: list[tuple[str, bool]] = []  # (written text, emphasised), runs merged
    for k, span in enumerate(spans):
        kind = span.kind
        if kind == TEXT:
            written = texts.get(k, span.text)
            if not written:
                continue
            if pieces and pieces[-1][1] == on:
                pieces[-1] = (pieces[-1][0] + written, on)
            else:
                pieces.append((written, on))
        elif kind in _TOGGLES:
            if style and kind != style:
                return None
            style = kind
            on = not on
        else:
            return None
    mark = MARKS.get(style, "")
    out = []
    for written, emphasised in pieces:
        if emphasised:
            if not (WORDY.match(written) and WORDY.match(written[-1])):
                return None
            out += (mark, written, mark)
        else:
            out.append(written)
    return "".join(out)


def _atoms(spans: list[Span], texts: dict[int, str], fine: bool = False) -> list[Atom]:
    """The spans as atoms for the emphasis writer (``texts``: the escaped texts)."""
    atoms: list[Atom] = []
    styles: frozenset[str] = frozenset()
    for k, span in enumerate(spans):
        if span.kind in _TOGGLES:
            styles = styles ^ {span.kind}
        elif span.kind == TEXT:
            atoms.extend(text_atoms(_written(span, texts.get(k)), styles, fine))
        elif written := _written(span, texts.get(k)):
            atoms.append(opaque_atom(written, span.shown, styles))
    return atoms


def _escaped(spans: list[Span]) -> dict[int, str]:
    """TEXT and RAW spans escaped as one text, so that markup split over spans
    (``[`` in one, ``](x)`` in the next) is escaped too."""
    shown = [(k, span.text if span.kind == TEXT else span.shown) for k, span in enumerate(spans)
             if span.kind in (TEXT, RAW)]  # fmt: skip
    if len(shown) == 1:
        return {shown[0][0]: escape_inline(shown[0][1])}
    joined = "".join(span.text if span.kind == TEXT else span.shown if span.kind == RAW else
                     "" if span.kind in _TOGGLES else "\ufffc" for span in spans)  # fmt: skip
    cuts = [i for m in _INLINE.finditer(joined) for i in range(m.start(), m.end())] if _may_start_markup(joined) else []
    out: dict[int, str] = {}
    pos, c = 0, 0
    shown_at = dict(shown)
    for k, span in enumerate(spans):
        if k in shown_at:
            text = shown_at[k]
            end, pieces, last = pos + len(text), [], pos
            while c < len(cuts) and cuts[c] < end:
                pieces += [text[last - pos : cuts[c] - pos], "\\"]
                last = cuts[c]
                c += 1
            out[k] = "".join(pieces) + text[last - pos :]
            pos = end
        elif span.kind not in _TOGGLES:
            pos += 1
    return out


def _written(span: Span, escaped: str | None) -> str:
    """A span other than an emphasis toggle as Markdown (``escaped``: its escaped text)."""
    if span.kind == TEXT:
        return span.text if escaped is None else escaped
    if span.kind == BREAK:
        return HARD
    if span.kind == RAW:
        return escape_inline(span.shown) if escaped is None else escaped
    if span.kind == CODE:
        return code_span(span.text)
    if span.kind == NOTE:
        return span.text  # footnote markup: written as it is
    return ""


def code_span(code: str) -> str:
    """``code`` as a CommonMark code span whose backticks nothing inside can close."""
    longest = max((len(run) for run in _BACKTICKS.findall(code)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if code.startswith("`") or code.endswith("`") or (code[:1] == " " == code[-1:]) else ""
    return f"{fence}{pad}{code}{pad}{fence}"


HARD = "\ue001"  # placeholder for a BREAK span (a <br>): always a hard line break


def _lines(text: str, soft_break: str, hard_break: str) -> str:
    """Lines escaped one by one; BREAK spans become hard breaks, other newlines ``soft_break``."""
    out: list[str] = []
    for group in text.split(HARD):
        lines = [escape_line_start(line).rstrip(" \t") for line in group.split("\n")]
        lines = [line for line in lines if line]
        if lines:
            out.append(soft_break.join(lines))
    return hard_break.join(out)


def _verse(text: str, brk: str) -> str:
    """Verse lines joined by hard breaks, each keeping its indentation beyond the stanza's.

    Leading spaces would make Markdown structure (four make a code block), so the
    extra indentation is written as no-break spaces, as pandoc does for line blocks;
    the first line's first one as ``&nbsp;``, which no renderer strips.
    """
    lines = [line.rstrip(" \t") for line in text.replace(HARD, "\n").split("\n")]
    lines = [line for line in lines if line.strip()]
    indents = [indent_width(line) for line in lines]
    base = min(indents, default=0)
    out = []
    for k, (line, indent) in enumerate(zip(lines, indents, strict=True)):
        pad = "\u00a0" * (indent - base)
        if pad and k == 0:
            pad = "&nbsp;" + pad[1:]
        out.append(pad + escape_line_start(line.lstrip(INDENT)))
    return brk.join(out)


_LONE_NUMBER = lazy(r"[IVXLCDM]+|\d+")
_ENDS_CLAUSE = lazy(r"[.:;!?—–-]$")
_CLOSING_HASHES = lazy(r"(?<= )(#+)$")  # (would close an ATX heading)
_BACKTICKS = lazy(r"`+")


def heading_title(lines: list[str]) -> str:
    """A heading's lines on one line: a subtitle follows its label after ': ' or '. '."""
    if not lines:
        return ""
    title = lines[0]
    for line in lines[1:]:
        if _ENDS_CLAUSE.search(title):
            title += " " + line
        elif _LONE_NUMBER.fullmatch(title):
            title += ". " + line
        else:
            title += ": " + line
    return title


def fenced(text: str) -> str:
    """Protected text (an HTML <pre>) as a code block whose fence no line inside can close."""
    longest = max((len(run) for run in _BACKTICKS.findall(text)), default=0)
    fence = "`" * max(3, longest + 1)
    return f"{fence}\n{text}\n{fence}"


def render_block(block: Block, options: Options) -> str:
    spans = block.spans
    if block.kind == PARAGRAPH and len(spans) == 1 and spans[0].kind == TEXT and not block.verbatim:
        # The usual paragraph: one text span, on one line or on lines that need no escape
        # (what the way below gives it).
        body = escape_inline(spans[0].text)
        if HARD not in body:
            if "\n" not in body:
                return escape_line_start(body).rstrip(" \t")
            if _plain_lines(body):  # (a wrapped paragraph as read: each line as it is)
                return body
    if block.verbatim:
        return "".join(span.text for span in block.spans)
    if block.kind == SCENE_BREAK:
        marker = options.scene_break
        return marker if _THEMATIC.match(marker) else escape_line_start(escape_inline(marker))
    if block.kind == RAW_BLOCK:
        return fenced("".join(span.text for span in block.spans))
    body = inline(block, escape=True)
    if block.kind == HEADING:
        parts = body.replace(HARD, "\n").split("\n")
        title = heading_title([part.strip() for part in parts if part.strip()])
        title = _CLOSING_HASHES.sub(lambda m: "\\" + m.group(1), title)
        return "#" * max(1, min(block.level or options.heading_level, 6)) + " " + title
    brk = "\\\n" if options.verse_break == "backslash" else "  \n"
    if block.kind == VERSE:
        return _verse(body, brk)
    return _lines(body, "\n", brk)


# A line break after a space or tab, or before a character that stops a line being written
# as it is (white space, an empty line, one that may start a block construct: as
# _plain_start, whose digits are _DIGIT's); for ASCII text, in a pattern that Python's
# own engine searches for at each line break only.
_UNPLAIN_BREAK_WITH = r"\n(?:[ \t\n\-*_=#>+~`{digits}]|(?<=[ \t]\n))"
_UNPLAIN_BREAK = lazy(_UNPLAIN_BREAK_WITH.format(digits=r"\d"))


@cache
def _unplain_break_ascii() -> re.Pattern[str]:
    return re.compile(_UNPLAIN_BREAK_WITH.format(digits="0-9"))  # (compiled when first needed)


def _plain_lines(body: str) -> bool:
    """Whether the general way writes each line of ``body`` as it is: no line is empty,
    starts or ends with a space or tab, or starts with a character that could start a
    block construct (so :func:`escape_line_start` and stripping keep each line, and
    none is dropped)."""
    if not body or body[0] in " \t\n" or body.endswith((" ", "\t", "\n")) or not _plain_start(body[0]):
        return False
    return (_unplain_break_ascii() if body.isascii() else _UNPLAIN_BREAK).search(body) is None


def front_matter(doc: Document) -> str:
    """YAML front matter: title, author, source file and detected encoding, when known;
    an e-book's language, series, tags and summary too (a list is a YAML flow sequence)."""
    import json

    meta = {**doc.meta, "title": doc.meta.get("title") or title_from_name(doc.meta.get("source"))}
    keys = ("title", "author", "language", "series", "series_index", "tags", "summary", "source", "encoding")
    fields = [(key, meta.get(key)) for key in keys]
    lines = [
        f"{key}: {json.dumps([str(v) for v in val] if isinstance(val, list | tuple) else str(val), ensure_ascii=False)}"
        for key, val in fields
        if val
    ]
    return "---\n" + "".join(line + "\n" for line in lines) + "---\n\n"


def title_from_name(source: object) -> str | None:
    """A title from a file name, when nothing better is known (pandoc wants one):
    ``the_lantern-keeper.txt`` gives ``The lantern keeper``."""
    if not source:
        return None
    from pathlib import PurePath

    stem = " ".join(regex.sub(r"[_\-.]+", " ", PurePath(str(source)).stem).split())
    if not stem:
        return None
    return stem[0].upper() + stem[1:] if stem.islower() else stem


def has_front_matter(doc: Document) -> bool:
    """Markdown input that already starts with front matter keeps it, and only it."""
    if doc.format != "markdown" or doc.lead.strip() or not doc.blocks:
        return False
    first = doc.blocks[0]
    return first.kind == RAW_BLOCK and "".join(s.text for s in first.spans).startswith("---")


def _quoted(text: str) -> str:
    return "\n".join("> " + line if line else ">" for line in text.split("\n"))


def write(doc: Document, options: Options) -> str:
    rendered = [render_block(block, options) for block in doc.blocks]
    keep = doc.format == "markdown"
    if doc.format == "html":
        # An HTML <blockquote> (a letter, an epigraph): its paragraphs as one quotation.
        head = None  # index of the first rendered block of the current quotation
        for i, block in enumerate(doc.blocks):
            quote = block.attrs.get("quote") if block.kind != HEADING else None
            if not quote or not rendered[i].strip():
                head = None
                continue
            if head is not None and doc.blocks[head].attrs.get("quote") == quote:
                rendered[head] += "\n>\n" + _quoted(rendered[i])  # one quotation
                rendered[i] = ""
            else:
                rendered[i] = _quoted(rendered[i])
                head = i
    if not keep:
        pairs = [(b, r) for b, r in zip(doc.blocks, rendered, strict=True) if r.strip()]
        doc = Document([b for b, _ in pairs], doc.format, "", doc.meta)
        rendered = [r for _, r in pairs]
    text = join_blocks(doc, rendered, keep_separators=keep)
    if options.front_matter and not has_front_matter(doc):
        text = front_matter(doc) + text
    return text
