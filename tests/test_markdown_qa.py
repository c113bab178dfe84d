"""End-to-end QA of Markdown manuscripts: `fix` only touches prose, `convert --to text` loses nothing."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from markdown_it import MarkdownIt
from mdit_py_plugins.front_matter import front_matter_plugin

import tidyink


def fix(text: str) -> str:
    """What `tidyink fix` writes for a Markdown chapter (default filters)."""
    return tidyink.convert(text, to="markdown", input_format="markdown", lint=False).text


def plain(text: str) -> str:
    return tidyink.convert(text, to="text", input_format="markdown", lint=False).text


def hrefs(markdown: str) -> list[str]:
    """Every link target in the order it appears, as a CommonMark renderer sees it."""
    out = []
    for token in MarkdownIt("commonmark").parse(markdown):
        for child in token.children or []:
            if child.type == "link_open":
                out.append(child.attrs["href"])
    return out


def test_shortcut_and_collapsed_reference_links_keep_their_label() -> None:
    chapter = (
        'She walked to [the "old" mill] -- and back, then to [Tom\'s -- house][].\n'
        "\n"
        '[the "old" mill]: https://example.com/mill\n'
        "[Tom's -- house]: https://example.com/tom\n"
    )
    out = fix(chapter)
    assert hrefs(out) == hrefs(chapter) == ["https://example.com/mill", "https://example.com/tom"]
    assert "mill]—and back" in out  # the prose around the links is still fixed


def test_full_reference_and_inline_link_text_is_prose() -> None:
    chapter = "[a 'full' ref][tom] and [the \"map\"](https://e.com/a--b).\n\n[tom]: https://e.com/t\n"
    out = fix(chapter)
    assert "[a ‘full’ ref][tom]" in out
    assert "[the “map”](https://e.com/a--b)" in out
    assert hrefs(out) == hrefs(chapter)


def test_text_output_keeps_both_emphasis_toggles_of_triple_stars() -> None:
    out = plain('***"Both"*** and the rest.\n')
    assert out.count("_") == 2, out
    assert out.startswith("_“Both”_")


def test_text_output_turns_an_html_line_break_into_a_line_break() -> None:
    out = plain('She said "hi"<br>and left.\n')
    assert "“hi”\nand left" in out, out


def test_text_output_keeps_one_blank_line_after_a_list() -> None:
    chapter = '* "one"\n* two\n\n+ three\n\n1. four\n\nThe end.\n'
    out = plain(chapter)
    assert "\n\n\n" not in out, out
    assert out == "* “one”\n* two\n\n+ three\n\n1. four\n\nThe end.\n"
    assert fix(chapter) == chapter.replace('"one"', "“one”")


def test_inline_html_code_and_keyboard_text_is_protected() -> None:
    chapter = 'Press <kbd>"Ctrl"--C</kbd>, type <code>x = "a" -- b</code>, then "stop" -- now.\n'
    out = fix(chapter)
    assert '<kbd>"Ctrl"--C</kbd>' in out
    assert '<code>x = "a" -- b</code>' in out
    assert "“stop”—now" in out


def test_autolinks_are_kept_byte_for_byte() -> None:
    chapter = 'Mail <joe--doe@x.com> or <ftp://h/"q"...> -- now, or <https://e.com/it\'s...>.\n'
    out = fix(chapter)
    assert "<joe--doe@x.com>" in out
    assert '<ftp://h/"q"...>' in out
    assert "<https://e.com/it's...>" in out
    assert "—now" in out
    assert hrefs(out) == hrefs(chapter)


def test_prose_after_a_link_or_image_is_not_looked_for_inside_its_target() -> None:
    cases = {
        '[the "map"](u--v "t--")"&quot; said he.\n': '[the “map”](u--v "t--")“&quot; said he.\n',
        'x ![a "b"](i.png)"  \nmore\n': 'x ![a "b"](i.png)”  \nmore\n',
        '(*[t "a"](u--v "t--")&quot;--*\n': '(*[t “a”](u--v "t--")&quot;—*\n',
        'See [x](<a b> "t") "q", [y][z] "r" and [w] "s".\n\n[z]: /z\n[w]: /w\n': (
            'See [x](<a b> "t") “q”, [y][z] “r” and [w] “s”.\n\n[z]: /z\n[w]: /w\n'
        ),
    }
    for chapter, want in cases.items():
        assert fix(chapter) == want


def test_removing_an_invisible_never_turns_a_markdown_line_into_structure() -> None:
    for line in ("* * *", "# not a title", "1. not a list", "- nor this", "===", "> nor a quote", ""):
        chapter = f"The night was long,\n\u200b{line}\nand then it ended.\n"
        out = fix(chapter)
        assert out.count("\n") == chapter.count("\n"), repr(out)
        tokens = [t.type for t in MarkdownIt("commonmark").parse(out)]
        assert tokens == ["paragraph_open", "inline", "paragraph_close"], (line, out)
    # an invisible that exposes nothing still goes
    assert fix("Some\n\u200bwords here.\n") == "Some\nwords here.\n"
    assert fix("A zero\u200bwidth.\n\n\ufeffTitle page\n") == "A zerowidth.\n\nTitle page\n"


# --- every chapter of fixtures/markdown/qa/: fix changes prose only -----------------------------

QA = Path(__file__).resolve().parents[1] / "fixtures" / "markdown" / "qa"
CHAPTERS = sorted(QA.glob("*.md"))
_MD = MarkdownIt("commonmark").enable(["table", "strikethrough"]).use(front_matter_plugin)
_VERBATIM = ("fence", "code_block", "html_block", "front_matter")


def skeleton(markdown: str) -> list[tuple]:
    """The structure and every protected construct; prose (text tokens, alt text) left out."""
    out: list[tuple] = []
    for token in _MD.parse(markdown):
        out.append((token.type, token.markup, token.info, token.map))
        if token.type in _VERBATIM:
            out.append(("content", token.content))
        for child in token.children or []:
            if child.type in ("text", "softbreak"):
                continue
            attrs = {k: v for k, v in (child.attrs or {}).items() if k != "alt"}
            out.append((child.type, child.markup, tuple(sorted(attrs.items()))))
            if child.type in ("code_inline", "html_inline"):
                out.append(("content", child.content))
    return out


def test_the_qa_chapters_are_there() -> None:
    assert len(CHAPTERS) >= 15


@pytest.mark.parametrize("path", CHAPTERS, ids=lambda p: p.name)
def test_fix_keeps_structure_and_protected_text(path: Path) -> None:
    data = path.read_bytes()
    result = tidyink.convert(data, path=str(path), to="markdown", input_format="markdown", lint=False)
    source = result.source.text
    assert skeleton(result.text) == skeleton(source)
    assert result.changes  # every chapter has prose to tidy
    again = tidyink.convert(result.text, to="markdown", input_format="markdown", lint=False)
    assert again.text == result.text  # a second fix changes nothing


def test_fix_in_place_keeps_bom_and_windows_line_endings(tmp_path: Path) -> None:
    chapter = tmp_path / "chapter.md"
    chapter.write_bytes((QA / "09.md").read_bytes())
    cmd = [sys.executable, "-m", "tidyink", "fix", str(chapter)]
    subprocess.run(cmd, check=True, capture_output=True)
    once = chapter.read_bytes()
    assert once.startswith(b"\xef\xbb\xbf")
    assert once.count(b"\r\n") == once.count(b"\n")
    assert "“Hello”—she said…".encode() in once
    assert b'code "x" -- y\r\n' in once
    subprocess.run(cmd, check=True, capture_output=True)
    assert chapter.read_bytes() == once


def test_removing_an_invisible_never_joins_two_runs_of_markup() -> None:
    for chapter in ("He was **very**\u200b**tired** now.\n", "Type `x`\u200b`y` here.\n"):
        assert skeleton(fix(chapter)) == skeleton(chapter), fix(chapter)


def test_a_paragraph_of_one_invisible_character_is_not_emptied() -> None:
    chapter = "word\n\n\u200b\t\n```\ncode\n```\n"
    assert skeleton(fix(chapter)) == skeleton(chapter)


def test_a_long_mixed_run_of_emphasis_marks_is_one_piece_of_markup():
    # ``*_*_…`` over eight levels deep means no emphasis: one protected span kept as
    # typed, not a delimiter token (and a span) per mark
    from tidyink.readers.markdown import read

    run = "*_" * 40
    text = f"Before {run}word{run[::-1]} after \"it\".\n"
    (block,) = read(text).blocks
    assert len(block.spans) <= 5
    assert "".join(span.text for span in block.spans) == text.rstrip("\n")
    for to in ("markdown", "text"):
        out = tidyink.convert(text, input_format="markdown", to=to, lint=False).text
        assert out == text.replace('"it"', "\u201cit\u201d")


def test_short_mixed_runs_are_still_emphasis():
    text = "Some ***_bold_*** and _*this*_ here.\n"
    out = tidyink.convert(text, input_format="markdown", to="text", lint=False).text
    assert out == "Some __bold__ and __this__ here.\n"
