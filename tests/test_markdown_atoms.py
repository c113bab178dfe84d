"""The emphasis writer's coarse atoms (text without emphasis whole, the letters of
emphasised text between its first and last word together) write exactly the Markdown
that one atom per word or character writes."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from tidyink.document import BREAK, EM, PARAGRAPH, STRONG, TEXT, Block, Span
from tidyink.writers._emphasis import _ATOMS, WORDY, Atom, opaque_atom, render
from tidyink.writers.markdown import HARD, _atoms, _escaped, _written, inline


def _reference(block: Block) -> str:
    """The Markdown as written with an atom per word or character (the unemphasised
    text's middle joined, as it always was)."""
    texts = _escaped(block.spans)
    atoms: list[Atom] = []
    styles: frozenset[str] = frozenset()
    for k, span in enumerate(block.spans):
        if span.kind in (EM, STRONG):
            styles = styles ^ {span.kind}
        elif span.kind == TEXT:
            pieces = _ATOMS.findall(_written(span, texts.get(k)))
            if not styles and len(pieces) > 3:
                pieces = [pieces[0], "".join(pieces[1:-1]), pieces[-1]]
            atoms.extend(Atom(piece, bool(WORDY.match(piece)), styles) for piece in pieces)
        elif written := _written(span, texts.get(k)):
            atoms.append(opaque_atom(written, span.shown, styles))
    return render(atoms, HARD)


_CHARS = st.sampled_from(list("ab cd éß 1 .,:;\"'!?-()*_\\<&[]—“”’\n"))


@st.composite
def blocks(draw) -> Block:
    """A paragraph of random text spans, line breaks and EM/STRONG toggles."""
    spans: list[Span] = []
    for _ in range(draw(st.integers(1, 10))):
        kind = draw(st.sampled_from([TEXT, TEXT, TEXT, EM, STRONG, BREAK]))
        if kind == TEXT:
            spans.append(Span(TEXT, "".join(draw(st.lists(_CHARS, min_size=1, max_size=12)))))
        else:
            spans.append(Span(kind, "\n" if kind == BREAK else ""))
    return Block(PARAGRAPH, spans)


@settings(max_examples=400, deadline=None)
@given(blocks())
def test_coarse_atoms_write_the_same_markdown(block: Block) -> None:
    assert inline(block, escape=True) == _reference(block)


def test_marks_that_would_pair_otherwise_drop_the_same_emphasis() -> None:
    """Where marks read back wrong, the emphasis dropped is the shortest run counted in
    fine atoms (counted in coarse ones, another run would go)."""
    spans = [Span(STRONG, ""), Span(EM, ""), Span(STRONG, ""), Span(TEXT, "”.d"), Span(TEXT, "’"), Span(EM, ""),
             Span(STRONG, ""), Span(TEXT, "’dx y z"), Span(EM, ""), Span(TEXT, "c’d_1”")]  # fmt: skip
    block = Block(PARAGRAPH, spans)
    coarse_only = render(_atoms(spans, _escaped(spans)), HARD)
    assert inline(block, escape=True) == _reference(block) != coarse_only


@settings(max_examples=300, deadline=None)
@given(blocks())
def test_the_places_shaping_ends_with_are_those_of_the_shaped_atoms(block: Block) -> None:
    """The marks are written from the boundaries of shaping's last pass: they are the
    boundaries of the atoms as shaped."""
    from tidyink.writers._emphasis import boundaries, shape

    atoms = _atoms(block.spans, _escaped(block.spans), fine=True)
    bounds = shape(atoms, HARD)
    assert bounds == boundaries(atoms)
