"""Repair mojibake (UTF-8 read as a single-byte code page, and similar) with ftfy.

ftfy runs only on the lines that could hold mojibake (see ``_mojibake_scan``),
which gives the same result as running it on everything, several times faster.
A token made only of mojibake and quoted, or standing for a lone quote mark
(``"Ã©"``, `` â€™ ``), is taken as text about mojibake and left alone.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from typing import Any

import regex

from tidyink.document import Block, Document
from tidyink.filters._repair import RepairFilter
from tidyink.filters.base import Context
from tidyink.lazy_regex import compiled
from tidyink.records import Edit


@cache
def _config() -> Any:
    """ftfy, configured to repair encodings and nothing that is ours to decide."""
    import ftfy

    return ftfy.TextFixerConfig(
        unescape_html=False,  # the `entities` filter decides, knowing the input format
        remove_terminal_escapes=False,  # `invisibles`
        fix_encoding=True,
        restore_byte_a0=True,
        replace_lossy_sequences=True,
        decode_inconsistent_utf8=True,
        fix_c1_controls=True,
        fix_latin_ligatures=False,  # ligatures are typography, not damage
        fix_character_width=False,  # full-width forms are deliberate in CJK text
        uncurl_quotes=False,  # typography is ours: keep curly quotes
        fix_line_breaks=False,  # decoding already normalised line endings
        fix_surrogates=True,
        remove_control_chars=False,  # `invisibles`
        normalization="NFC",  # never NFKC: it would change ², ﬁ, ½ and friends
        explain=True,
    )


def _describe(explanation: Any) -> str:
    steps = [f"{action} {parameter}" for action, parameter in explanation or []]
    return "mojibake: " + (", ".join(steps) if steps else "repaired by ftfy")


# What may wrap a mention of mojibake: quotes, backticks, brackets.
_WRAP = "\"'`“”‘’«»‹›„‚()[]{}<>"
_QUOTES = frozenset("'\"“”‘’‚„‹›«»")
# Tokens run between spaces; NEL (U+0085) and the separators U+001C-U+001F are
# whitespace to Unicode, but in mojibake they are bytes of a character (Ñ\x85 = х).
_TOKEN = compiled(r"(?:\S|[\x1c-\x1f\x85])+")


def fix_lines(text: str) -> str:
    """``ftfy.fix_text`` with our config, run only on the lines that need it."""
    from tidyink.filters._mojibake_scan import suspect_lines

    lines = suspect_lines(text)
    if not lines:
        return text

    config = _config()
    out, cur = [], 0
    for pos, line in lines:
        out.append(text[cur:pos])
        out.append(_fix_line(text, pos, line, config)[0])
        cur = pos + len(line)
    out.append(text[cur:])
    return "".join(out)


def _fix_line(text: str, pos: int, line: str, config: Any) -> tuple[str, Any]:
    """ftfy on one line, with its line break as ``fix_text`` would see it."""
    import ftfy

    end = pos + len(line)
    newline = text[end : end + 1] == "\n"
    fixed, explanation = ftfy.fix_and_explain(line + "\n" if newline else line, config=config)
    if newline:
        if not fixed.endswith("\n"):
            return line, None  # ftfy joined lines: not ours to accept
        fixed = fixed[:-1]
    return fixed, explanation


_HIDDEN = compiled(
    "[\x00-\x08\x0e-\x1f\x7f\u061c\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]"
)


_C1 = compiled("[\x80-\x9f]")
_ROUNDS = 4  # rounds of repair per block, at most


def _unhide(line: str) -> str:
    """``line`` without the invisible characters that ``invisibles`` will remove later:
    they change ftfy's verdict now and would not be there on a second run."""
    from tidyink.filters._mojibake_scan import is_mojibake_char

    line = _read_c1(line)
    if not _HIDDEN.search(line):
        return line
    rtl = regex.search(r"[\p{Bidi_Class=R}\p{Bidi_Class=AL}]", line) is not None
    out = []
    for i, ch in enumerate(line):
        if _HIDDEN.match(ch):
            if ch in "\u200c\u200d":  # joiners: only inside mojibake (not emoji, not Indic)
                inside = 0 < i < len(line) - 1
                if not (inside and is_mojibake_char(line[i - 1]) and is_mojibake_char(line[i + 1])):
                    out.append(ch)
                continue
            bidi = (
                ch in "\u200e\u200f\u061c"
                or "\u202a" <= ch <= "\u202e"
                or "\u2066" <= ch <= "\u2069"
            )
            if rtl and bidi:
                out.append(ch)  # bidi controls stay in right-to-left text
            continue
        out.append(ch)
    return "".join(out)


def _read_c1(line: str) -> str:
    """``line`` with its C1 controls read as ``codepage`` will read them: those that
    stand for a cp1252 character become it (ftfy repairs Ã©\x93 into nonsense, Ã©“
    into é“), the others go unless they are bytes of a UTF-8 sequence."""
    if not _C1.search(line):
        return line
    from tidyink.filters._codepage_tables import c1_table

    line = line.translate(c1_table())
    return _drop_stray_c1(line) if _C1.search(line) else line


def _drop_stray_c1(line: str) -> str:
    """``line`` without the C1 controls no code page defines (0x81, 0x8D, 0x8F, 0x90,
    0x9D) that complete no UTF-8 sequence with their neighbours: ``codepage`` removes
    them later, so ftfy must judge the line without them (``café\x81cafÃ©`` is
    ``cafécafÃ©`` to a second run). ``Ã\x81`` (the UTF-8 of Á) keeps its byte."""
    out = []
    for i, ch in enumerate(line):
        if not ("\x80" <= ch <= "\x9f") or _in_utf8_sequence(line, i):
            out.append(ch)
    return "".join(out)


def _in_utf8_sequence(line: str, i: int) -> bool:
    """Whether the character at ``i``, read back as a byte of sloppy cp1252, is part of
    a valid UTF-8 sequence of two to four bytes with its neighbours."""
    import ftfy  # noqa: F401  (registers the sloppy-windows-* codecs)

    for start in range(max(0, i - 3), i + 1):
        for n in range(max(2, i - start + 1), 5):
            try:
                raw = line[start : start + n].encode("sloppy-windows-1252")
            except UnicodeEncodeError:
                break  # a wider window holds the same character that no byte gives
            if len(raw) < n:
                break
            try:
                raw.decode("utf-8")
            except UnicodeDecodeError:
                continue
            return True
    return False


def _mention(token: str, fixed: str) -> bool:
    """A quoted run of mojibake, or one that stands for quote marks only."""
    from tidyink.filters._mojibake_scan import is_mojibake_char

    inner = token.strip(_WRAP)
    if not inner or not all(is_mojibake_char(ch) for ch in inner):
        return False
    if inner != token and token[0] in _WRAP:
        return True
    return bool(fixed) and all(ch in _QUOTES for ch in fixed)


class Mojibake(RepairFilter):
    name = "mojibake"
    description = "Repair mojibake such as â€™ or Ã© (UTF-8 read as a single-byte code page)."
    stage = "repair"
    order = 110
    _lex: Any = None  # a lexicon, loaded when first needed
    _c1_line = False  # the line being repaired holds C1 controls

    def needs(self, text: str) -> bool:
        return not text.isascii()

    def run(self, doc: Document, ctx: Context) -> None:
        """Repair each block until nothing more is repaired (at most a few rounds), as
        ftfy repairs until the text stops changing: a token kept in one round because
        of what it would become may read otherwise once its line is repaired around it,
        and a second conversion must not find what the first one left."""
        self.prepare(doc, ctx)
        kinds = self.block_kinds
        wanted = [(block, self._wanted_text(block) if block.kind in kinds else None) for block in doc.blocks]
        from tidyink.filters._mojibake_scan import may_hold_mojibake

        if not may_hold_mojibake([text for _, text in wanted if text is not None and not text.isascii()]):
            return  # no line of any block is one ftfy might change
        for block, text in wanted:
            for _ in range(_ROUNDS):
                if text is None:
                    break
                edits = list(self.edits(text, block, ctx))
                if not edits or not self.apply(block, edits, ctx):
                    break
                text = block.prose().text

    def edits(self, text: str, block: Block, ctx: Context) -> Iterable[Edit]:
        from tidyink.filters._mojibake_scan import suspect_lines

        lines = suspect_lines(text)
        if not lines:
            return

        config = _config()
        present: set[str] = set()  # the paragraph's words, when first needed
        for pos, line in lines:
            visible = _unhide(line)
            probe = text[:pos] + visible + text[pos + len(line) :] if visible != line else text
            fixed, explanation = _fix_line(probe, pos, visible, config)
            if visible != line and fixed == visible:
                continue
            if fixed == line:
                continue
            # A line with C1 controls reads otherwise once ``codepage`` has read them:
            # ftfy's answer is kept as it was, so a second run agrees with the first.
            self._c1_line = _C1.search(line) is not None
            # C1 controls ftfy never saw are left for ``codepage``, which says why it removes them
            from tidyink.textdiff import diff_edits  # (only for a repaired line)

            edits = [e for e in diff_edits(line, fixed, _describe(explanation)) if not _only_c1(line, e)]
            if all(_lost_space_between_letters(line, e) for e in edits):
                continue  # pÂ hösten: a code-page letter (å read as Â), not a lost no-break space
            edits.sort(key=lambda e: e.start)
            dropped: set[int] = set()
            first = 0  # edits before this one start before the current token
            for m in _TOKEN.finditer(line):
                while first < len(edits) and edits[first].start < m.start():
                    first += 1
                last = first
                while last < len(edits) and edits[last].start < m.end():
                    last += 1
                inside = edits[first:last]
                if not inside:
                    continue
                token = m.group()
                base = m.start()
                repaired = _apply(token, [(e.start - base, e.end - base, e.new) for e in inside])
                seen = _unhide(token)  # as a second run will see it
                if (
                    any(_space_taken_between_words(line, e) for e in inside)
                    or _mention(seen, repaired)
                    or _beside_its_repair(present, text, repaired)
                    or not self._plausible(seen, repaired, ctx)
                ):
                    dropped.update(range(first, last))
            for k, e in enumerate(edits):
                if k not in dropped:
                    yield Edit(pos + e.start, pos + e.end, e.new, e.reason)

    def _plausible(self, token: str, repaired: str, ctx: Context) -> bool:
        """ftfy's repair, unless it turns correct words into unknown ones (»über → ȟber)
        or puts letters of another script into a Latin word (a Latin word stays Latin)."""
        from tidyink.filters import _codepages as cp

        if self._lex is None:
            # every word list: ftfy proposed a repair, so real damage is likely and a
            # word such as »über must be recognised whatever the document's language
            self._lex = cp.Lexicon()
        kept = {w for _, _, w in cp.words(repaired)}
        if not self._c1_line and any(_mixes_scripts(w) for w in kept):
            return False  # hÕ±s → hر s: mojibake makes whole words of one script
        for _start, end, word in cp.words(token):
            broken = not any(word in w for w in kept)
            plain = len(word) > 3 and "'" not in word and "\u2019" not in word
            # A word with a capital after a small letter (irmÃ, from irmÃ£o) is damage
            # whatever its folded form spells: it is looked up as written only.
            if plain and broken and not cp.odd_case(word) and self._lex.reaches(word, 3.0):
                return False  # café½“ → caf齓 breaks a common word
            if broken and len(word) > 1 and _closed(token, end) and self._lex.correct(word):
                return False  # “FÃ” is fã in capitals, quoted: not FÔ
        if not cp.plainly_correct(token, self._lex):
            return True
        return all(self._lex.known(w) for w in kept)


_CLOSING = "”’»›\"'"


def _closed(token: str, end: int) -> bool:
    """Whether the word ending at ``end`` is followed by a closing mark and nothing but
    punctuation to the token's end: a quotation closed after it, not a letter's bytes."""
    rest = token[end:]
    return bool(rest) and rest[0] in _CLOSING and not any(ch.isalnum() for ch in rest)


def _lost_space_between_letters(line: str, edit: Any) -> bool:
    """An edit that only reads ``Â`` and a space between two letters as a no-break
    space (its 0xA0 byte lost). Between words of prose a no-break space becomes a
    space anyway; when a line shows no other mojibake, ``Â`` there is more likely a
    letter read with the wrong code page, which ``codepage`` may repair."""
    old = line[edit.start : edit.end]
    if edit.new != "\u00a0" or old.replace("\u00a0", " ") not in ("Â ", "Â"):
        return False
    before = line[edit.start - 1] if edit.start > 0 else ""
    end = edit.end if old.endswith(" ") else edit.end + 1
    after = line[end] if end < len(line) else ""
    return before.isalpha() and after.isalpha()


def _space_taken_between_words(line: str, edit: Any) -> bool:
    """An edit that reads the only space between two words as the 0xA0 byte of a
    character (``helloâ€ said`` as ``hello†said``): a symbol glued to both words is
    less likely than a lost byte before the space (``â€\x9d``, a closing quote),
    and the two words would become one."""
    old = line[edit.start : edit.end]
    if " " not in old or any(ch.isspace() for ch in edit.new):
        return False
    before = line[edit.start - 1] if edit.start > 0 else ""
    after = line[edit.end] if edit.end < len(line) else ""
    return before.isalnum() and after.isalnum()


def _only_c1(line: str, edit: Edit) -> bool:
    """An edit that only deletes C1 controls."""
    return not edit.new and edit.end > edit.start and all("\x80" <= ch <= "\x9f" for ch in line[edit.start : edit.end])


def _mixes_scripts(word: str) -> bool:
    """Whether ``word`` holds Latin letters together with letters of another script."""
    from tidyink.filters._codepages import script

    scripts = {script(ch) for ch in word if ch.isalpha()}
    return len(scripts) > 1 and "LATIN" in scripts


def _as_read_again(text: str) -> str:
    """``text`` as a second run reads its words: without the invisible characters that
    ``invisibles`` removes, soft hyphens included (one never parts a word)."""
    return _unhide(text).replace("\u00ad", "")


def _beside_its_repair(present: set[str], text: str, repaired: str) -> bool:
    """Whether the paragraph also holds, as a word of its own, what the token would be
    repaired into (both read as a second run reads them: :func:`_as_read_again`): text
    that shows mojibake next to the right form is about mojibake (``Ã© instead of é``,
    ``“CafÃ© Society” ... “Café Society”``)."""
    from tidyink.filters._codepages import words

    fixed = [w for _, _, w in words(_as_read_again(repaired)) if not w.isascii()]
    if not fixed:
        return False
    if not present:
        present.update(w for _, _, w in words(_as_read_again(text)))  # once per paragraph
        present.add("")  # (so an empty paragraph is not read again)
    return all(w in present for w in fixed)


def _apply(text: str, edits: list[tuple[int, int, str]]) -> str:
    out, cur = [], 0
    for start, end, new in sorted(edits):
        out.append(text[cur:start])
        out.append(new)
        cur = max(cur, end)
    out.append(text[cur:])
    return "".join(out)
