"""Fast paths give exactly what the plain way gives (property tests)."""

from __future__ import annotations

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

import tidyink
from tidyink.filters import _codepages as cp
from tidyink.filters.boilerplate import lines_from, lines_of
from tidyink.filters.scene_breaks import _INTERRUPTED, _UNFINISHED, _ending

# Letters, white space (including a no-break space, NEL and an em space), closers,
# sentence ends, dashes and characters that code-page mix-ups produce.
PIECES = st.sampled_from(
    [
        *"ab .!?…-—–,\t\n\"'”’»)]*_\ue000\u00a0\x85\u2003\x1c",
        *("Ã©", "Ã", "\x81", "\x93", "½", "´", "Ñ", "é", "’s", "--", ". . ."),
    ]
)
TEXTS = st.lists(PIECES, max_size=40).map("".join)


@given(TEXTS)
def test_suspect_tokens_found_outwards_are_the_pattern_s_matches(text):
    assert cp.find_suspect_tokens(text) == cp.suspect_tokens().findall(text)
    assert cp.blank_suspect_tokens(text) == cp.suspect_tokens().sub(" ", text)
    assert cp.suspect_spans(text) == [m.span() for m in cp.suspect_tokens().finditer(text)]


@given(TEXTS)
def test_a_paragraph_s_ending_answers_as_the_whole_paragraph(text):
    end = _ending(text)
    assert text.endswith(end)
    assert bool(_INTERRUPTED.search(end)) == bool(_INTERRUPTED.search(text))
    assert bool(_UNFINISHED.search(end)) == bool(_UNFINISHED.search(text))


@settings(deadline=None)  # the first conversion loads the filters
@given(st.lists(TEXTS, min_size=1, max_size=6))
def test_lines_from_either_end_are_the_document_s_lines(paragraphs):
    doc = tidyink.convert("\n\n".join(paragraphs), only=["entities"], lint=False).document
    every = lines_of(doc)
    assert list(lines_from(doc, from_end=False)) == every
    assert list(lines_from(doc, from_end=True)) == every[::-1]


ADDRESS_PIECES = st.sampled_from(
    ["a", "B", "1", ".", "-", "@", "://", "www.", "WWW.", "mailto:", " ", "x.com", "+", "_", "/", "--"]
)


@given(st.lists(ADDRESS_PIECES, max_size=25).map("".join))
def test_the_address_pattern_without_impossible_alternatives_finds_the_same(text):
    from tidyink.filters import _urls

    fast = _urls._VARIANTS["://" in text, "@" in text]
    assert [m.span() for m in fast.finditer(text)] == [m.span() for m in _urls._ADDRESS.finditer(text)]


def test_a_long_dotted_run_beside_an_address_is_no_trouble():
    from tidyink.filters._urls import address_spans

    # Without "@", the e-mail alternative is not tried: this took about half a minute.
    assert address_spans("see www.example.com " + "1." * 20_000) == [(4, 19)]


BLANKS = st.lists(st.sampled_from(["a", " ", "\t", "\n", "\n\n", "x y"]), max_size=20).map("".join)


@given(BLANKS, st.data())
def test_trailing_blank_lines_are_found_where_the_pattern_finds_them(text, data):
    from tidyink.readers.markdown import _trailing_blank

    trailing_blank = regex.compile(r"(?:\n[ \t]*)+\Z")  # the pattern it stands for

    begin = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(begin, len(text)))
    m = trailing_blank.search(text, begin, end)
    assert _trailing_blank(text, begin, end) == (m.start() if m else None)


@given(BLANKS)
def test_trailing_whitespace_runs_are_the_plain_pattern_s(text):
    import regex

    from tidyink.filters.spacing import _TRAILING

    plain = regex.compile(r"[ \t]+(?=\n)|[ \t]+\Z")
    assert [m.span() for m in _TRAILING.finditer(text)] == [m.span() for m in plain.finditer(text)]


SPAN_KINDS = st.sampled_from(["text", "raw", "em", "strong", "break", "code"])


@given(st.lists(st.tuples(SPAN_KINDS, st.sampled_from(["ab", "é", "", "x\x81", "“q”", "a\u00ad"])), max_size=4))
def test_a_repair_filter_reads_the_text_of_each_block_it_wants_as_its_view_shows_it(spans):
    from tidyink.document import PARAGRAPH, Block, Span
    from tidyink.filters import codepage, entities, invisibles, mojibake

    block = Block(PARAGRAPH, [Span(kind, text) for kind, text in spans])
    for f in (codepage.Codepage(), mojibake.Mojibake(), invisibles.Invisibles(), entities.Entities()):
        expected = block.prose().text if f._wanted(block) else None
        assert f._wanted_text(block) == expected
