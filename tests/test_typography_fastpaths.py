"""Typography pre-tests never skip a real match (property tests against the plain way)."""

from __future__ import annotations

import pytest
import regex
from hypothesis import example, given, settings
from hypothesis import strategies as st

from tidyink.document import PARAGRAPH, TEXT, Block, ProseView, Span
from tidyink.filters import dashes, ellipses, spacing
from tidyink.filters.base import Context
from tidyink.records import Edit

# Spaces, tabs, line ends, dots, hyphens, quote marks of three languages, punctuation,
# emphasis toggles and protected objects, letters and digits.
PIECES = st.sampled_from(
    [
        *"ab1 .-\t\n,;:!?\"'“”‘’„‚«»…()\u00a0\ue000\ufffc_*<>\\",
        *("--", "---", "----", ". .", "...", " - ", "Rated: T - Words: 9 - id: 7", "www.a.com/x--y"),
    ]
)
TEXTS = st.lists(PIECES, max_size=40).map("".join)


def _worth_a_look_plainly(text: str, base: str) -> bool:
    """The pre-check as first written: each string looked for one by one."""
    opening, closing = spacing._QUOTE_MARKS.get(base, spacing._QUOTE_MARKS["en"])
    return (
        "  " in text
        or " \n" in text
        or "\t\n" in text
        or text.endswith((" ", "\t"))
        or any(f" {p}" in text for p in ",.;:!?")
        or (base != "fr" and any(f"{q} " in text for q in opening))
        or (base != "fr" and any(f" {q}" in text for q in closing))
    )


@pytest.mark.parametrize("base", ["en", "fr", "de", "nl"])
@given(text=TEXTS)
def test_spacing_pre_check_answers_as_its_strings_looked_for_one_by_one(base, text):
    assert spacing._worth_a_look(text, base) == _worth_a_look_plainly(text, base)


@given(TEXTS)
def test_dash_patterns_are_only_skipped_where_they_cannot_match(text):
    if "--" not in text:
        assert dashes._RUN.search(text) is None
    if " -" not in text and "\t-" not in text:
        assert dashes._SPACED.search(text) is None
        assert dashes._SPACED_EOL.search(text) is None


@given(TEXTS)
def test_ellipsis_pattern_is_only_skipped_where_it_cannot_match(text):
    if "…" not in text and ".." not in text and ". ." not in text and ".\u00a0." not in text:
        assert ellipses._DOTS.search(text) is None


def test_each_pre_test_lets_its_own_example_through():
    assert spacing._worth_a_look("She said , then left", "en")
    assert spacing._worth_a_look("“ Hello” she said", "en")
    assert not spacing._worth_a_look("« Bonjour » dit-elle", "fr")
    assert spacing._worth_a_look("„ Hallo“ sagte sie", "de")
    assert not spacing._worth_a_look("A clean line, well set.", "en")


QUOTE_PIECES = st.sampled_from(
    [*"ab éA1 \t\n'’‘\"-.,\u0301\ue000", *("nothin'", " an' ", "'em ", "o'", "'tis", "rock 'n' roll", "ça'")]
)


@given(st.lists(QUOTE_PIECES, max_size=40).map("".join))
def test_dialect_evidence_found_from_the_marks_is_the_pattern_s(text):
    from tidyink.filters import _quote_survey as survey

    plainly = [(m.group(1) or "", m.group(2) or "") for m in survey._EVIDENCE.finditer(text)]
    assert survey.evidence(text) == plainly


def test_dialect_evidence_names_its_clipped_words():
    from tidyink.filters._quote_survey import evidence

    assert evidence("Nothin' to it, an' then 'em all") == [("Nothin", ""), ("an", ""), ("", "em")]


EDIT_TEXT = st.lists(st.sampled_from([*"ab \n'\"-.", "--", "\n\n"]), min_size=0, max_size=30).map("".join)


@st.composite
def _edits(draw, size: int):
    out = []
    for _ in range(draw(st.integers(0, 6))):
        a = draw(st.integers(-1, size + 1))
        b = draw(st.integers(a - 1, size + 2))
        out.append(Edit(a, b, draw(st.sampled_from(["", "x", "’", "—", "ab"])), draw(st.sampled_from(["r", "s"]))))
    return out


def _one_span_block(text: str, first: list[Edit]) -> Block:
    block = Block(PARAGRAPH, [Span(TEXT, text, 3, 2)], line=3)
    if first:  # an edited span: its offset map is no longer the identity
        ProseView(block).apply(first)
    return block


@given(st.data())
def test_edits_on_a_one_span_block_are_applied_and_recorded_as_through_its_view(data):
    text = data.draw(EDIT_TEXT)
    first = data.draw(_edits(len(text)))
    edits = data.draw(_edits(len(_one_span_block(text, first).spans[0].text)))
    fast, slow = _one_span_block(text, first), _one_span_block(text, first)
    ctx_fast, ctx_slow = Context(), Context()
    flt = dashes.Dashes()
    n_fast = flt.apply(fast, edits, ctx_fast)
    n_slow = flt.apply(slow, edits, ctx_slow, ProseView(slow))
    assert n_fast == n_slow
    assert ctx_fast.changes == ctx_slow.changes
    a, b = fast.spans[0], slow.spans[0]
    assert (a.text, a.orig) == (b.text, b.orig)
    assert [a.position(i) for i in range(len(a.text) + 1)] == [b.position(i) for i in range(len(b.text) + 1)]


@given(
    st.text(st.sampled_from("ab'\" .\ue000"), max_size=8),
    st.sampled_from("aZ9é\ufffc"),
    st.sampled_from("tsZ1ü\ufffc"),
    st.text(st.sampled_from("ab'\" .\ue000"), max_size=8),
    st.booleans(),
    st.booleans(),
)
def test_a_straight_mark_between_word_characters_is_what_the_single_mark_rule_says(
    head, left, right, tail, single_open, double_open
):
    """The classifier's shortcut: ' between two word characters is an apostrophe at once."""
    from tidyink.filters._quote_marks import QuoteState
    from tidyink.filters._quote_roles import APOS, _single

    text = f"{head}{left}'{right}{tail}"
    i = len(head) + 1
    assert _single(text, i, left, right, {}, (single_open, double_open), QuoteState()) == APOS


@given(st.lists(QUOTE_PIECES, max_size=30).map("".join))
def test_dialect_hint_strings_are_what_the_hint_pattern_finds(text):
    from tidyink.filters import _quote_survey as survey

    hint = regex.search(r"['’][ \t]|[ \t]['’]", text)  # a mark beside a space or tab
    assert any(map(text.__contains__, survey._HINTS)) == bool(hint)


RUN_PIECES = st.sampled_from([*"a- \t<!>\\\n", "--", "---", "<!--", "-->", " -- ", "\\---"])


@given(st.lists(RUN_PIECES, max_size=30).map("".join))
def test_dash_runs_tried_at_the_hyphens_are_the_pattern_s_matches(text):
    fast = [(m.span(), m.span(1)) for m in dashes.runs(text)]
    assert fast == [(m.span(), m.span(1)) for m in dashes._RUN.finditer(text)]


CURLY_PIECES = st.sampled_from([*"ab1 .,!?-—…(\n“”‘’„‚«»‹›′″_*\ue000\ufffc", "www.a.com/“x”", "‘im", "’tis"])
MIXED_PIECES = st.sampled_from(
    [*"ab1 .,!?-—…(\n“”‘’\"'_*\ue000°", "'em", "nothin'", "9'", "12\"", "don't", "it's", "O'", "\ufffc's", "''"]
)
INNER_PIECES = st.sampled_from([*"ab1 .,!?-—…(\n“”‘’_*\ue000", "don't", "it's", "9'5", "www.a.com/it's", "o'“"])


@settings(max_examples=400)
@given(st.lists(st.one_of(CURLY_PIECES, INNER_PIECES), max_size=30).map("".join), st.booleans(), st.booleans())
@example("“It's so,” ‘don't", True, False)
@example("‘a‘ b", False, False)
@example("„So“ he said", False, False)
@example("‘Go,’ and ’tis “so", True, True)
@example("»so« «so» ‹a› ›b‹", False, False)
def test_quotations_left_open_by_curly_marks_are_what_the_classifier_leaves(text, double_open, single_open):
    from tidyink.filters._quote_marks import QuoteState
    from tidyink.filters._quote_roles import carry_curly, classify
    from tidyink.filters.quotes import _inner_apostrophes

    if _inner_apostrophes(text) is None or '"' in text:
        return
    fast, slow = QuoteState(double_open=double_open, single_open=single_open), QuoteState()
    slow.double_open, slow.single_open = double_open, single_open
    carry_curly(text, fast)
    classify(text, slow)
    assert (fast.double_open, fast.single_open) == (slow.double_open, slow.single_open)


@pytest.mark.parametrize("language", ["en", "en-GB", "fr", "de"])
@pytest.mark.parametrize("primes", ["prime", "straight"])
@given(
    paragraphs=st.lists(
        st.lists(st.one_of(CURLY_PIECES, MIXED_PIECES, INNER_PIECES), max_size=20).map("".join), max_size=6
    )
)
@example(paragraphs=["At 40°30'N, “so” it's"])  # a prime after degrees, not an apostrophe
@example(paragraphs=["See www.a.com/''b''/c now, it's"])  # a pair of marks cuts the address short
@example(paragraphs=["See www.a.com/``b''/c now, it's"])
def test_paragraphs_with_curly_marks_and_inner_apostrophes_are_typeset_as_the_full_pass_does(
    language, primes, paragraphs
):
    import tidyink
    from tidyink.filters import quotes

    text = "\n\n".join(p.strip() or "x" for p in paragraphs)

    def run() -> tuple[str, list]:
        result = tidyink.convert(
            text, to="text", input_format="text", only=["quotes"], lint=False, language=language, primes=primes
        )
        return result.text, result.changes

    fast = run()
    with pytest.MonkeyPatch.context() as m:
        m.setattr(quotes, "_curly_only", lambda text: False)  # every paragraph the full way
        m.setattr(quotes, "_apostrophes_only", lambda text: False)
        slow = run()
    assert fast == slow


def test_a_curly_quotation_left_open_carries_into_the_next_paragraph():
    import tidyink

    text = "“It was late, and\n\n“she said 'Go' then.”"
    out = tidyink.convert(text, to="text", input_format="text", only=["quotes"], lint=False).text
    assert out == "“It was late, and\n\n“she said ‘Go’ then.”"


@given(st.lists(st.one_of(CURLY_PIECES, MIXED_PIECES, st.sampled_from(["`", "``"])), max_size=12).map("".join))
def test_the_quote_mark_pre_tests_answer_as_each_mark_looked_for_one_by_one(text):
    from tidyink.filters import quotes

    plainly = not any(ch in text for ch in "\"'`“”‘’„‚«»‹›′″")
    assert quotes._no_mark(text) == plainly
    assert quotes._curly_only(text) == (regex.search("[\"'«»‹›′″]", text) is None)


def test_apostrophes_inside_words_are_curled_beside_curly_quotations():
    import tidyink

    text = "“It's late,” she said, “don't go.”\n\nSee www.a.com/it's and O'Brien's."
    out = tidyink.convert(text, to="text", input_format="text", only=["quotes"], lint=False).text
    assert out == "“It’s late,” she said, “don’t go.”\n\nSee www.a.com/it's and O’Brien’s."
