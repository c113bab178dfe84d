"""Fast paths of the structure filters agree with the plain tests they stand for (4):
plain wrapped paragraphs told by string tests over their text, not line by line."""

from __future__ import annotations

from hypothesis import example, given
from hypothesis import strategies as st

EDGE_TEXT = st.text(alphabet=" \t\u00a0\u3000\u2003\nab-", max_size=20)


def _same_map(a, b, size):
    return [a.to_orig(k) for k in range(size + 2)] == [b.to_orig(k) for k in range(size + 2)]


@example("It was late\nand the night\nwas cold.")
@example("a\n\nb")
@example("a\u3000\nb")
@example("a\n\u2003b")
@example("\nab")
@example("ab\n")
@given(EDGE_TEXT)
def test_a_plain_paragraph_joined_by_replacing_its_newlines_is_the_one_the_loop_joins(text):
    from tidyink.filters._wrap_breaks import _join_breaks_loop, join_breaks

    found, loop = join_breaks(text), _join_breaks_loop(text)
    assert (found is None) == (loop is None)
    if found is not None:
        assert found[0] == loop[0] and found[2] == loop[2]
        assert _same_map(found[1], loop[1], len(text))


# Openings of navigation (and of prose that only looks like it), cut anywhere.
NAV_OPENINGS = st.sampled_from(
    [
        "Next chapter", "next", "Previous", "« Prev", "to the next chapter", "Go to page 3", "Chapter 4 of 9",
        "Read more…", "(See the end of the chapter", "Posted on April 4, 2020", "Tags: fluff", "Back to top",
        "Home", "Log in", "© 2020", "Leave a review", "12 comments", "epub | pdf", "best viewed with",
        "Elizabeth", "to be sure", "contents", "continue reading “X”", "Kudos (3)", "ſ", "İ", "ß", "K",
        "Visitor no. 5", "up", "Upon", "The", "  ", "-", "»", "[", "(",
    ]
)


def _opens_nav_plain(prefix):
    """_navigation.opens_nav as first written: the patterns asked of the whole prefix."""
    from tidyink.filters._patterns_lazy import P

    return any(p.match(prefix, partial=True) is not None for p in (P.SITE_SENTENCE, P.NAV_STRONG, P.NAV_WEAK))


@example("Nex", 3, "")
@example("Elizabeth", 3, "t")
@example("to ", 3, "ß")
@given(st.lists(NAV_OPENINGS, min_size=1, max_size=2).map("".join), st.integers(1, 8), st.text(max_size=3))
def test_an_opening_told_from_its_own_opening_first_is_told_the_same(text, size, tail):
    from tidyink.filters._navigation import opens_nav

    for prefix in (text[:size], (text + tail)[:size], tail, text[:size].upper(), text[:size].lower()):
        if prefix:
            assert opens_nav(prefix) == _opens_nav_plain(prefix), prefix


# Texts of my own writing, hard-wrapped at about 60 columns, with the shapes whose
# breaks unwrapping keeps: verse, a letter and its signature, a list, a table of
# contents, lines of dialogue, and paragraphs set in or with spaces at their breaks.
FIXTURES = {
    "prose": (
        "The ferry left the harbour an hour after dawn, and the gulls\n"
        "followed it out past the breakwater until the town was only a\n"
        "smudge of grey roofs behind them.\n\n"
        "Nobody aboard spoke of the storm. They watched the water and\n"
        "counted the buoys, and when the island rose out of the haze\n"
        "they all stood up at once, as if someone had called their names.\n"
    ),
    "verse": (
        "The lamps are lit along the quay,\n"
        "The boats are in, the nets are dry;\n"
        "And all the town is come to see\n"
        "The evening ferry slipping by.\n\n"
        "It was an old song, and they sang it badly, but the captain\n"
        "smiled at every verse and kept the time with his pipe.\n"
    ),
    "letter": (
        "                                        Harbour House, June 3rd\n\n"
        "Dear Tom,\n"
        "I write in haste, for the ferry leaves within the hour and the\n"
        "post goes with it. The roof is mended and the garden is a\n"
        "wilderness, which is how your mother liked it best.\n"
        "Yours ever,\n"
        "Margaret\n"
    ),
    "list": (
        "She packed for the crossing with great care and little sense:\n"
        "* three candles and a box of matches,\n"
        "* a tin of biscuits, already half eaten,\n"
        "* her father's compass, which pointed south.\n\n"
        "Then she sat on the trunk until it closed and waited for the\n"
        "cart that would carry it down to the harbour before noon.\n"
    ),
    "contents": (
        "CONTENTS\n\n"
        "I. The Crossing\n"
        "II. The Island\n"
        "III. The Lighthouse Keeper\n"
        "IV. The Storm\n\n"
        "CHAPTER I\n\n"
        "THE CROSSING\n\n"
        "The ferry left the harbour an hour after dawn, and the gulls\n"
        "followed it out past the breakwater until the town was gone.\n"
    ),
    "dialogue": (
        "\"Where to?\"\n"
        "\"North.\"\n"
        "\"In this weather?\"\n"
        "\"In any weather.\"\n\n"
        "The boatman shrugged and took the coins, and they pushed off\n"
        "into the grey water with the wind hard against the bow.\n"
    ),
    "set in and spaced": (
        "    The ferry left the harbour an hour after dawn, and the gulls \n"
        "followed it out past the breakwater until the town was only a\n"
        "  smudge of grey roofs behind them, and the water turned green \n"
        "and cold under the hull as the morning went on toward noon.\n\n"
        "The well-known captain had sailed the route for years, and his\n"
        "first mate--a silent man--kept the log in a careful, old-fash-\n"
        "ioned hand that nobody else aboard could read.\n"
    ),
}


def test_texts_unwrapped_with_the_plain_join_are_the_texts_the_loop_joins(monkeypatch):
    from tidyink import api
    from tidyink.filters import _wrap_breaks

    def convert():
        out = {}
        for name, text in FIXTURES.items():
            result = api.convert(text.encode(), path=f"{name}.txt", to="markdown")
            out[name] = (result.text, [(c.filter, c.line, c.column, c.before, c.after) for c in result.changes])
        return out

    fast = convert()
    monkeypatch.setattr(_wrap_breaks, "join_breaks", _wrap_breaks._join_breaks_loop)
    import tidyink.filters.unwrap as unwrap

    monkeypatch.setattr(unwrap, "join_breaks", _wrap_breaks._join_breaks_loop)
    assert convert() == fast
    # the texts keep the shapes unwrapping keeps (so the comparison covers them)
    assert "\n\nMargaret\n" in fast["letter"][0]
    assert "And all the town is come to see" in fast["verse"][0]
    assert "gulls followed it out" in fast["prose"][0]


def _joined_paragraph(text, slow):
    """What Unwrap._join makes of a paragraph span of ``text`` (as read), and its records;
    ``slow``: with the plain join's fast path turned off."""
    from unittest import mock

    from tidyink import api
    from tidyink.document import PARAGRAPH, TEXT, Block, Span
    from tidyink.filters import unwrap
    from tidyink.filters.base import Context

    span = Span(TEXT, text, 3, 2)
    block = Block(PARAGRAPH, [span], line=3)
    ctx = Context(options=api.resolve_options(None), path="x.txt", state={})
    filt = unwrap.Unwrap()
    filt._texts, filt._words, filt._langs = [text], None, ("en",)
    with mock.patch.object(unwrap, "plain_join", lambda text: None) if slow else mock.MagicMock():
        filt._join(block, span, ctx)
    maps = [span.position(k) for k in range(len(span.text) + 1)]
    return span.text, maps, [(c.line, c.column, c.before, c.after, c.reason) for c in ctx.changes]


@example("It was late--\nand cold")
@example("a well-known\ncaptain")
@example("first mate—a silent\nman—kept")
@example("the old-fash-\nioned hand")
@example("a\n--b")
@example("a—\n\nb")
@given(st.text(alphabet="ab -—―\n\t", max_size=14))
def test_a_paragraph_with_dashes_away_from_its_breaks_joins_as_the_loop_joins_it(text):
    assert _joined_paragraph(text, slow=False) == _joined_paragraph(text, slow=True)
