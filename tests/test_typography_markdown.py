"""Markdown input: only prose changes; protected content passes through untouched."""

from __future__ import annotations

import tidyink

DOC = """---
title: "It's a 'test' -- really"
---

# A "title" -- with dashes

He said "hello" -- and left... `don't "touch" -- this` and [a "link"](http://x.org/a--b?q="v") too.

<span title="keep -- 'this'">HTML "inline"</span>

```
code "stays" -- 'straight' ...
```

    indented "code" -- too

<!-- a "comment" -- here -->
"""


def test_markdown_only_prose_changes() -> None:
    result = tidyink.convert(
        DOC, to="markdown", input_format="markdown", only=["typography"], lint=False
    )
    out = result.text
    assert "# A “title”—with dashes" in out
    assert "He said “hello”—and left…" in out
    for protected in (
        '`don\'t "touch" -- this`',
        '(http://x.org/a--b?q="v")',
        "<span title=\"keep -- 'this'\">",
        "code \"stays\" -- 'straight' ...",
        '    indented "code" -- too',
        '<!-- a "comment" -- here -->',
    ):
        assert protected in out, protected
    assert "[a “link”]" in out
    assert "HTML “inline”" in out


def test_front_matter_untouched() -> None:
    result = tidyink.convert(
        DOC, to="markdown", input_format="markdown", only=["typography"], lint=False
    )
    assert result.text.startswith("---\ntitle: \"It's a 'test' -- really\"\n---\n")
