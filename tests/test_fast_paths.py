"""Fast paths give exactly what the plain way gives (property tests)."""

from __future__ import annotations

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
