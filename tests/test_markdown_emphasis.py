"""Emphasis the Markdown writer shapes so that its ``*`` marks always flank: no raw
``<em>``/``<strong>`` tags, the same text and the same emphasised words on reading back."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

import tidyink
from tidyink.document import BREAK, EM, PARAGRAPH, STRONG, TEXT, Block, Document, Span
from tidyink.options import Options
from tidyink.writers.markdown import write

_TAGS = ("<em>", "</em>", "<strong>", "</strong>", "<i>", "<b>")


def page(body: str) -> str:
    return f"<html><head><title>t</title></head><body>{body}</body></html>"


def markdown(*pieces: str | tuple[str, ...]) -> str:
    """A paragraph written from text pieces; a tuple of EM/STRONG toggles between them."""
    spans = []
    for piece in pieces:
        if isinstance(piece, tuple):
            spans.extend(Span(kind, "") for kind in piece)
        else:
            spans.append(Span(TEXT, piece))
    doc = Document([Block(PARAGRAPH, spans)], "html", "", {})
    return write(doc, Options()).rstrip("\n")


def read_back(md: str) -> list[tuple[str, frozenset[str]]]:
    """Each character of the Markdown's first paragraph as read, with its emphasis."""
    tokens = MarkdownIt("commonmark").parse(md)
    out: list[tuple[str, frozenset[str]]] = []
    for token in tokens:
        if token.type != "inline":
            continue
        styles: set[str] = set()
        for child in token.children or []:
            if child.type in ("em_open", "strong_open"):
                styles.add(child.type[:-5])
            elif child.type in ("em_close", "strong_close"):
                styles.discard(child.type[:-6])
            elif child.type in ("text", "code_inline"):
                out.extend((c, frozenset(styles)) for c in child.content)
            elif child.type in ("softbreak", "hardbreak"):
                out.append(("\n", frozenset(styles)))
            else:
                out.extend((c, frozenset(styles)) for c in child.content)
        break
    return out


def test_the_three_rules_on_a_document():
    # Emphasis on punctuation alone goes; the text stays.
    assert markdown("She read ", (STRONG,), ".:", (STRONG,), "O", (STRONG,), ":.", (STRONG,), " then.") == (
        "She read .:O:. then."
    )
    # White space at the edges of a run moves outside it.
    assert markdown("a", (EM,), " wide ", (EM,), "b") == "a *wide* b"
    # Punctuation beside a letter outside moves out until the marks flank.
    assert markdown("a", (EM,), '"b"', (EM,), "c") == 'a"*b*"c'
    assert markdown("He said", (EM,), '"Go,"', (EM,), "and left") == 'He said"*Go,*"and left'
    # Punctuation that does not stop the marks flanking stays inside.
    assert markdown("He said ", (EM,), '"Go."', (EM,), " Then") == 'He said *"Go."* Then'
    # Nesting still works, and literal marks stay escaped.
    assert markdown((STRONG,), "a ", (EM,), "b", (EM,), " c", (STRONG,), " 2*3_4") == "**a *b* c** 2\\*3\\_4"
    assert markdown("un", (EM,), "be", (EM,), "lievable") == "un*be*lievable"


def test_emphasis_never_begins_or_ends_at_a_line_break():
    md = markdown("first", (EM,), "line")
    assert md == "first*line*"
    doc = Document([Block(PARAGRAPH, [Span(EM, ""), Span(TEXT, "a"), Span(BREAK, "<br>"), Span(EM, ""),
                                      Span(TEXT, "b")])], "html", "", {})  # fmt: skip
    assert write(doc, Options()).startswith("*a*\\\nb")


def test_saved_page_with_punctuation_emphasis_has_no_tags():
    html = page('<p>She read <b>.:</b>O<b>:.</b> then <i>"Go,"</i>he said, <b><i>"both"</i></b>now.</p>')
    md = tidyink.convert(html, path="p.html").text
    assert not any(tag in md for tag in _TAGS), md
    text = "".join(c for c, _ in read_back(md))
    assert text == "She read .:O:. then “Go,”he said, “both”now."
    styled = {c for c, s in read_back(md) if s}
    assert "G" in styled and "b" in styled and "." not in styled


def test_crossing_emphasis_keeps_the_text_and_no_tags():
    md = tidyink.convert(page("<p>x<b>a<i>b</b>c</i>d</p>"), path="p.html").text
    assert not any(tag in md for tag in _TAGS)
    read = read_back(md)
    assert "".join(c for c, _ in read) == "xabcd"
    assert dict(read)["a"] == {"strong"} and dict(read)["b"] == {"strong", "em"}


_CHARS = st.sampled_from(list("ab ab .,:;\"'!?-()*_\\<&[]—"))


@st.composite
def runs(draw):
    """Random text with random EM/STRONG toggles between its pieces (crossing allowed)."""
    pieces: list[str | tuple[str, ...]] = []
    for _ in range(draw(st.integers(1, 8))):
        pieces.append("".join(draw(st.lists(_CHARS, min_size=1, max_size=5))))
        toggles = draw(st.lists(st.sampled_from([EM, STRONG]), max_size=2))
        if toggles:
            pieces.append(tuple(toggles))
    return pieces


def _styled_letters(pieces) -> tuple[str, list[frozenset[str]], bool]:
    """The text, each character's emphasis, and whether some emphasis may be lost:
    emphasis that crosses other emphasis, or ends where other emphasis begins
    (``*a***b**``), or begins or ends between two letters (``a***a*a*a***`` cannot be
    written so that CommonMark reads it as meant)."""
    text, styles, crossing = "", [], False
    stack: list[str] = []
    for k, piece in enumerate(pieces):
        if isinstance(piece, tuple):
            inside_word = 0 < k < len(pieces) - 1 and pieces[k - 1][-1].isalpha() and pieces[k + 1][0].isalpha()
            crossing |= inside_word
            closes = opens = False
            for kind in piece:
                if kind in stack:
                    crossing |= stack[-1] != kind
                    stack.remove(kind)
                    closes = True
                else:
                    stack.append(kind)
                    opens = True
            crossing |= closes and opens
        else:
            text += piece
            styles.extend(frozenset(stack) for _ in piece)
    return text, styles, crossing


@settings(max_examples=300, deadline=None)
@given(runs())
def test_written_emphasis_reads_back_as_the_same_text_and_words(pieces):
    md = markdown(*pieces)
    assert not any(tag in md for tag in _TAGS), md
    text, styles, crossing = _styled_letters(pieces)
    read = read_back(md)
    # A Markdown paragraph's reader strips white space at its edges and around its
    # line breaks; the writer strips trailing spaces: compare with white space collapsed.
    assert " ".join("".join(c for c, _ in read).split()) == " ".join(text.split()), md
    letters_in = [s for c, s in zip(text, styles, strict=True) if c.isalpha()]
    letters_out = [frozenset({"em": EM, "strong": STRONG}[k] for k in s) for c, s in read if c.isalpha()]
    assert len(letters_in) == len(letters_out)
    if not crossing:
        assert letters_in == letters_out, md
    else:  # such emphasis may lose a part, never gain any
        assert all(o <= i for i, o in zip(letters_in, letters_out, strict=True)), md
    again = tidyink.convert(md + "\n", path="p.md", only=[], lint=False).text
    assert again == md + "\n"


def test_runs_of_marks_of_different_lengths_that_would_pair_otherwise_lose_the_shortest():
    """``a***a*a*a***`` pairs the third mark with the strong emphasis (CommonMark's rule
    of 3): one single-letter emphasis goes, and the rest reads back as meant."""
    md = markdown("x", (EM, STRONG), "y", (EM,), "z", (EM,), "w")
    read = dict(read_back(md))
    assert "".join(c for c, _ in read_back(md)) == "xyzw", md
    assert md == "x***y*zw**"
    assert read["y"] == {"strong", "em"} and read["z"] == {"strong"} and read["w"] == {"strong"}


def test_markup_split_over_spans_is_escaped_as_one_text():
    """A link's ``[`` in one span and ``](`` in the next, or around emphasis, is still
    escaped: the brackets stay text."""
    assert markdown("see [", "note](x)") == "see \\[note](x)"
    md = markdown("[", (EM,), "note", (EM,), "](x) and 2*3")
    assert md == "\\[*note*](x) and 2\\*3"
    assert "".join(c for c, _ in read_back(md)) == "[note](x) and 2*3"
