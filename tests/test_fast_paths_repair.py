"""Fast paths of the repair and boilerplate filters give exactly what the plain way gives
(property tests on random text, and fixtures of our own)."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from tidyink.document import PARAGRAPH, TEXT, Block, Span
from tidyink.filters import _author_notes

LINE_TEXT = st.lists(
    st.sampled_from([*"ab \t\n\u00a0\u2028", "Chapter 1", "Prologue", "CHAPTER IV.", "\n\n", "The Return"]),
    max_size=30,
).map("".join)


def _heading_line_plain(block: Block) -> bool:
    """The chapter-heading test as first written: every line split off."""
    from tidyink.filters.headings import CAPS, classify

    if block.kind != PARAGRAPH or not (len(block.spans) == 1 and block.spans[0].kind == "text"):
        return False
    lines = [line for line in block.text.split("\n") if line.strip()]
    if not 1 <= len(lines) <= 2:
        return False
    rank = classify(lines[0])
    return rank is not None and rank < CAPS


@settings(max_examples=300, deadline=None)
@given(LINE_TEXT)
@example("Chapter 1\n \nThe Return")
@example("Chapter 1\n\nThe Return\nIt was late.")
@example("Prologue\n  \n\n")
@example("\n\n  \n")
def test_a_heading_line_is_told_as_with_every_line_split_off(text):
    block = Block(PARAGRAPH, [Span(TEXT, text)])
    assert _author_notes._heading_line(block) == _heading_line_plain(block)


def _mixups_byte_by_byte() -> list[tuple[str, dict[int, str], frozenset[str], frozenset[str]]]:
    """The mix-up tables as first built: each byte decoded alone."""
    from tidyink.filters._codepage_tables import MIXUPS

    out = []
    for label, true, read_as in MIXUPS:
        table: dict[int, str] = {}
        seen: set[str] = set()
        for byte in range(0x80, 0x100):
            raw = bytes([byte])
            wrong = raw.decode(read_as, errors="ignore") or chr(byte)
            seen.add(wrong)
            try:
                right = raw.decode(true)
            except UnicodeDecodeError:
                continue
            if wrong != right:
                table[ord(wrong)] = right
        out.append((label, table, frozenset(chr(k) for k in table), frozenset(seen)))
    return out


def test_the_mixup_tables_are_those_decoded_byte_by_byte():
    from tidyink.filters._codepage_tables import mixups

    assert [(m.label, m.table, m.keys, m.repertoire) for m in mixups()] == _mixups_byte_by_byte()
    assert mixups()[2].table[ord("\u201c")] == "\u00ec"  # mac_roman “ read as cp1252: ì


WORDS = st.sampled_from(["the", "été", "naïve", "über", "ìoh", "Òoh", "zzqx", "día", "und", "ÉTÉ", "a", "Straße"])


@settings(max_examples=200, deadline=None)
@given(WORDS, st.sampled_from([0.5, 1.0, 1.5, 2.5, 3.0, 5.0]), st.sampled_from([("en",), ("fr", "de"), ("es", "en")]))
def test_a_lexicon_reaches_a_frequency_as_the_shared_lexicon_says(word, threshold, langs):
    from tidyink import lexicon
    from tidyink.filters._codepage_words import Lexicon

    best = lexicon.best_zipf(word.casefold(), langs)
    lex = Lexicon(langs=langs)
    assert lex.reaches(word, threshold) == lexicon.reaches(word.casefold(), langs, threshold) == (best >= threshold)
    assert lex.zipf(word) == best  # (what a failed look-up remembered, or looked up now)


INVISIBLE_TEXT = st.lists(
    st.one_of(
        st.sampled_from([*"ab \t\n\r\x0c\x0b\x00\x1b\x1f\x7f\x85\u00a0\u00ad\u200b\ufeff\ufffd“", "[31m"]),
        st.characters(max_codepoint=0x7F),
    ),
    max_size=30,
).map("".join)


@settings(max_examples=400, deadline=None)
@given(INVISIBLE_TEXT)
@example("plain text\twith a tab\r\nand a form feed\x0c")
@example("a bell\x07 in ASCII")
@example("\x1b[1mbold\x1b[0m")
@example("caf\u00e9\u00a0!")
def test_the_invisibles_filter_needs_a_text_as_its_patterns_say(text):
    from tidyink.filters.invisibles import _ANY, Invisibles

    assert Invisibles().needs(text) == (_ANY.search(text) is not None or "\x1b" in text)
