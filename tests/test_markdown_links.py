"""The Markdown reader's guarded link rules: the same tokens, found without searching
the brackets of a paragraph that can hold no link."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from tidyink.readers.markdown import parser


def plain_parser() -> MarkdownIt:
    """The reader's parser as markdown-it-py configures it, without the guard."""
    from mdit_py_plugins.front_matter import front_matter_plugin

    md = MarkdownIt("commonmark").enable(["table", "strikethrough"]).use(front_matter_plugin)
    md.disable("text_join")
    return md


def tokens(md: MarkdownIt, text: str) -> list[tuple[str, str, Any]]:
    out = []
    for token in md.parse(text):
        out.append((token.type, token.content, token.map))
        out.extend((c.type, c.content, dict(c.attrs)) for c in token.children or ())
    return out


@pytest.fixture
def label_searches(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Counts the searches for a closing bracket that the link rules make."""
    helpers = parser().helpers
    found: list[int] = []
    search = helpers.parseLinkLabel

    def counting(*args: Any, **kwargs: Any) -> int:
        found.append(1)
        return search(*args, **kwargs)

    monkeypatch.setattr(helpers, "parseLinkLabel", counting)
    return found


def test_brackets_without_links_are_not_searched(label_searches: list[int]) -> None:
    aside = "The list [(of [(everything)] she owned)] was short [(a coat, a pan)].\n"
    parser().parse(aside * 3 + "\n" + "[(" * 40 + "deep" + ")]" * 40 + "\n")
    assert label_searches == []


def test_links_are_still_found(label_searches: list[int]) -> None:
    text = "See [the map](map.png), ![a view](view.jpg) and [the notes][n].\n\n[n]: notes.md\n"
    found = [t for t in tokens(parser(), text) if t[0] in ("link_open", "image")]
    assert [t[2].get("href") or t[2].get("src") for t in found] == ["map.png", "view.jpg", "notes.md"]
    assert label_searches  # here the brackets are searched


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="[]()!:ab \n\\`*<>", max_size=60))
def test_same_tokens_as_markdown_it(text: str) -> None:
    assert tokens(parser(), text) == tokens(plain_parser(), text)


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet="[]()!ab \n", max_size=40), st.sampled_from(["", "\n\n[a]: x.md\n", "\n\n[b]: <y>\n"]))
def test_same_tokens_with_reference_definitions(text: str, definitions: str) -> None:
    assert tokens(parser(), text + definitions) == tokens(plain_parser(), text + definitions)
