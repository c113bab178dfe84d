"""The rules' document-wide pre-tests give exactly the findings of the plain loops."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from tidyink import api, readers
from tidyink.filters.base import Context
from tidyink.rules import directives
from tidyink.rules.base import prose_views
from tidyink.rules.directives import UnknownDirective
from tidyink.rules.replacement_character import MESSAGE, ReplacementCharacter

PIECES = [
    "word",
    " ",
    "\n",
    "\n\n",
    "\ufffd",
    "caf\ufffd",
    "*",
    "_",
    "`",
    "    ",
    "# ",
    "[",
    "]",
    "<!--",
    "-->",
    "tidyink",
    "TidyInk",
    ":",
    " skp",
    " skip",
    " ignore Z999",
    " ignore C101",
    "\u2019",
    "\u00e9",
]
documents = st.lists(st.sampled_from(PIECES), max_size=50).map("".join)


def _lint(rule: object, text: str) -> list:
    doc = readers.read(text, "markdown")
    ctx = Context(options=api.resolve_options(None), path="x.md", state={})
    return list(rule.check(doc, ctx)), doc, ctx


def _replacements_view_by_view(rule: ReplacementCharacter, doc, ctx) -> list:
    found = []
    for _, view in prose_views(doc):
        i = view.text.find("\ufffd")
        while i >= 0:
            found.append(rule.finding(view, i, i + 1, MESSAGE, ctx=ctx))
            i = view.text.find("\ufffd", i + 1)
    return found


@settings(max_examples=300, deadline=None)
@given(documents)
def test_replacement_characters_found_as_view_by_view(text: str) -> None:
    rule = ReplacementCharacter()
    found, doc, ctx = _lint(rule, text)
    assert found == _replacements_view_by_view(rule, doc, ctx)


def test_replacement_characters_in_several_blocks_are_each_found() -> None:
    text = "The caf\ufffd was shut.\n\nNo loss here.\n\nA na\ufffdve \ufffd guess."
    rule = ReplacementCharacter()
    found, doc, ctx = _lint(rule, text)
    assert [(f.line, f.column) for f in found] == [(1, 8), (5, 5), (5, 9)]
    assert found == _replacements_view_by_view(rule, doc, ctx)


def _directives_span_by_span(rule: UnknownDirective, doc, ctx) -> list:
    found = []
    for block in doc.blocks:
        for span in block.spans:
            if "tidyink" not in span.text.lower() or directives._is_code(span.text):
                continue
            for match in directives._DIRECTIVE.finditer(span.text):
                problem = directives._problem(match)
                if problem:
                    found.append(rule._located(span, match, problem, ctx))
    return found


@settings(max_examples=300, deadline=None)
@given(documents)
def test_unknown_directives_found_as_span_by_span(text: str) -> None:
    rule = UnknownDirective()
    found, doc, ctx = _lint(rule, text)
    assert found == _directives_span_by_span(rule, doc, ctx)


def test_unknown_directives_in_both_forms_and_any_case() -> None:
    text = "Keep it. <!-- TidyInk: skp -->\n\nShe left. [tidyink: ignore Z999]\n\n[tidyink: skip] fine"
    rule = UnknownDirective()
    found, doc, ctx = _lint(rule, text)
    assert [f.line for f in found] == [1, 3]
    assert found == _directives_span_by_span(rule, doc, ctx)


LEAD_PIECES = [
    "to",
    "too",
    "into",
    "it's",
    "then",
    "their's",
    "of",
    "the",
    "ab",
    "\u00e9",
    "\u0663",
    "x2",
    "0",
    "_",
    "'",
    "-",
    "\u2014",
    "\u201c",
    "(",
    ".",
    "\ue000",
    " ",
    " ",
    "\n",
    "\t",
    "\u00a0",
    "\u0130",
    "\ufeff",
]
lead_texts = st.lists(st.sampled_from(LEAD_PIECES), max_size=40).map("".join)


def _two_scans(lower: str) -> tuple[list[tuple[str, int]], list[int]]:
    """The anchors and repeat starts after rarer characters, found by two scans."""
    import re

    from tidyink.rules import _patterns

    words = _patterns._anchor_scan()[0]
    anchors = re.compile(r"[^ a-z0-9'\-]" + words)
    repeats = re.compile(rf"[^ a-z0-9_](?=(\w++){_patterns.REPEAT_GAP}\1\b)")
    inside = _patterns._inside_word
    return (
        [(m.group()[1:], m.start() + 1) for m in anchors.finditer(lower) if not inside(m.group())],
        [m.start(1) for m in repeats.finditer(lower) if not inside(m.group())],
    )


@settings(max_examples=500, deadline=None)
@given(lead_texts)
def test_one_scan_finds_the_anchors_and_repeats_of_two(text: str) -> None:
    from tidyink.rules import _patterns, repeated_word
    from tidyink.rules._text import Prose

    joined = Prose(text, (), (0,))
    lower = joined.lower()
    assert _patterns.rare_leads(joined) == _two_scans(lower)
    shared = [(m.span(), m.groups()) for m in repeated_word.candidates(lower, _patterns.rare_leads(joined)[1])]
    assert shared == [(m.span(), m.groups()) for m in repeated_word._CANDIDATE.finditer(lower)]


def test_one_scan_with_an_anchor_that_is_also_repeated() -> None:
    from tidyink.rules import _patterns
    from tidyink.rules._text import Prose

    text = "(to to) \u201cthen then\u2014of 'its its' -to x\u00e9to \u0663the the"
    joined = Prose(text, (), (0,))
    anchored, repeats = _patterns.rare_leads(joined)
    assert (anchored, repeats) == _two_scans(joined.lower())
    assert [w for w, _ in anchored] == ["to", "then", "of"]  # not after ', -, é
    assert [text[i : i + 2] for i in repeats] == ["to", "th", "it"]


def test_an_anchor_at_the_start_is_found_up_to_the_end_of_the_text() -> None:
    from tidyink.rules import _patterns
    from tidyink.rules._text import Prose

    def at_start(text: str) -> bool:
        joined = Prose(text, (), (0,))
        groups = _patterns._anchor_scan()[2]
        return any(0 in _patterns.anchors(joined, group) for group in groups)

    assert at_start("effecting") and at_start("effecting change") and at_start("to")
    assert not at_start("effectings") and not at_start("effecting-x") and not at_start("tone")
