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
