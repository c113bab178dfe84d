"""Emphasis of one kind whose runs start and end with a letter is written without
shaping: exactly what the emphasis writer writes."""

from __future__ import annotations

import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tidyink.document import BREAK, EM, PARAGRAPH, STRONG, TEXT, Block, Span
from tidyink.writers._emphasis import _PUNCT, WORDY, _space, render
from tidyink.writers.markdown import HARD, _atoms, _escaped, inline, word_edged_emphasis


def _shaped(spans: list[Span]) -> str:
    """The emphasis writer's way, always."""
    texts = _escaped(spans)
    return render(_atoms(spans, texts), HARD, lambda: _atoms(spans, texts, fine=True))


_CHARS = st.sampled_from(list("ab cé ß1.,:\"'!?-()*_\\<&[]—“”’\u0301\u0663\t"))


@st.composite
def _blocks(draw) -> list[Span]:
    """Text spans and toggles, mostly of one kind, the runs often word-edged."""
    kinds = draw(st.sampled_from([[EM], [STRONG], [EM, STRONG], [EM, BREAK]]))
    spans: list[Span] = []
    for _ in range(draw(st.integers(1, 9))):
        if draw(st.booleans()):
            text = "".join(draw(st.lists(_CHARS, max_size=10)))
            if draw(st.booleans()):
                text = draw(st.sampled_from("aZ9é")) + text + draw(st.sampled_from("bY8\u0301"))
            spans.append(Span(TEXT, text))
        else:
            kind = draw(st.sampled_from(kinds))
            spans.append(Span(kind, "\n" if kind == BREAK else ""))
    return spans


@settings(max_examples=600, deadline=None)
@given(_blocks())
def test_word_edged_emphasis_is_what_shaping_writes(spans: list[Span]) -> None:
    quick = word_edged_emphasis(spans, _escaped(spans))
    if quick is not None:
        assert quick == _shaped(spans)
    assert inline(Block(PARAGRAPH, spans), escape=True) == _shaped(spans)


@pytest.mark.parametrize(
    ("spans", "written"),
    [
        ([Span(TEXT, "She read "), Span(EM, ""), Span(TEXT, "Fordham's Sermons"), Span(EM, ""), Span(TEXT, " aloud.")],
         "She read *Fordham's Sermons* aloud."),
        ([Span(STRONG, ""), Span(TEXT, "Never"), Span(STRONG, ""), Span(TEXT, ", said the sign.")],
         "**Never**, said the sign."),
        ([Span(TEXT, "un"), Span(EM, ""), Span(TEXT, "believ"), Span(EM, ""), Span(TEXT, "able")],
         "un*believ*able"),
        ([Span(TEXT, "a "), Span(EM, ""), Span(TEXT, "two"), Span(EM, ""), Span(EM, ""), Span(TEXT, " words"),
          Span(EM, "")], "a *two words*"),
        ([Span(TEXT, "an open "), Span(EM, ""), Span(TEXT, "ending")], "an open *ending*"),
    ],
)  # fmt: skip
def test_word_edged_runs_are_marked_as_they_are(spans: list[Span], written: str) -> None:
    assert word_edged_emphasis(spans, _escaped(spans)) == written == _shaped(spans)


@pytest.mark.parametrize(
    "spans",
    [
        [Span(TEXT, "he said "), Span(EM, ""), Span(TEXT, "“Go.”"), Span(EM, ""), Span(TEXT, " and left")],
        [Span(EM, ""), Span(TEXT, "a "), Span(EM, ""), Span(TEXT, "b")],
        [Span(EM, ""), Span(TEXT, "a"), Span(STRONG, ""), Span(TEXT, "b"), Span(STRONG, ""), Span(EM, "")],
        [Span(EM, ""), Span(TEXT, "a_b_"), Span(EM, "")],
        [Span(EM, ""), Span(TEXT, "line"), Span(BREAK, "\n"), Span(TEXT, "two"), Span(EM, "")],
    ],
)
def test_other_emphasis_takes_the_writer_s_way(spans: list[Span]) -> None:
    assert word_edged_emphasis(spans, _escaped(spans)) is None
    assert inline(Block(PARAGRAPH, spans), escape=True) == _shaped(spans)


@pytest.mark.slow
def test_no_word_character_is_space_or_punctuation() -> None:
    """What the quick way rests on: a mark beside a letter, digit or mark always flanks."""
    for code in range(sys.maxunicode + 1):
        ch = chr(code)
        if WORDY.match(ch):
            assert not _space(ch, HARD) and not _PUNCT.match(ch), hex(code)
