"""Fast paths of the structure and typography filters and of the safety check give
exactly what the plain way gives (property tests): cheap character tests before a
pattern, work skipped when its answer is already known."""

from __future__ import annotations

import regex
from hypothesis import example, given
from hypothesis import strategies as st

from tidyink.filters import _page_chrome as pc
from tidyink.filters._navigation import _trim, is_nav
from tidyink.filters._patterns_lazy import P
from tidyink.records import Change
from tidyink.safety import difference

# Navigation and chrome: words a menu uses, separators, arrows, brackets, prose.
NAV_PIECES = st.sampled_from(
    [
        *" |•·:/-][(){}<>«»→*~=_.,!?'\"’\t\u00a0\u2003",
        *("Next", "next", "Previous", "Home", "chapter", "Chapter 3", "of", "12", "Back to", "top"),
        *("Log in", "Reviews (4)", "::", " / ", " - ", " . ", "] [", "Rated:", "Words: 1,204", "the", "lamp"),
        *("www.", "http://x.org", "Ada", ",", "[ ]", "[Go]", "•", "12/03/2020", "Summary:"),
    ]
)
NAV_LINES = st.lists(NAV_PIECES, max_size=14).map("".join)


def _plain_trim(piece: str) -> str:
    piece = P.NAV_TRIM.sub("", piece)
    m = P.NAV_BRACKETS.match(piece)
    return P.NAV_TRIM.sub("", m.group(1)) if m else piece


def _plain_is_nav(text: str, linked: bool = False) -> str | None:
    """:func:`is_nav` the plain way: every piece split and trimmed, then judged."""
    if len(text) > 120:
        return None
    pieces = [_plain_trim(p) for p in P.NAV_SEPARATORS.split(text.strip())]
    pieces = [p for p in pieces if p]
    if not pieces or text.rstrip().endswith(("?", '"', "”", "'", "’")):
        return None
    kinds = []
    for piece in pieces:
        if P.SITE_SENTENCE.match(piece) or (P.NAV_STRONG.match(piece) and not piece.endswith((".", "!"))):
            kinds.append("strong")
        elif P.NAV_WEAK.match(piece) or (linked and len(piece.split()) <= 5):
            kinds.append("weak")
        else:
            return None
    return "strong" if "strong" in kinds or len(kinds) >= 3 else "weak"


@given(NAV_LINES, st.booleans())
@example("« Previous | Contents | Next »", False)
@example("[Next]", False)
@example("Home - Stories - Log in", False)
@example("-> Back to the index <-", False)
def test_navigation_lines_are_judged_as_by_the_plain_way(text, linked):
    assert is_nav(text, linked) == _plain_is_nav(text, linked)
    assert _trim(text) == _plain_trim(text)


@given(NAV_LINES)
def test_the_cheap_character_tests_never_miss_a_pattern_s_match(text):
    if P.NAV_SEPARATORS.search(text):
        assert any(c in text for c in P.NAV_SEPARATOR_CHARS)
    if pc._SEPARATORS.search(text):
        assert pc._SEPARATOR_HINT.search(text)
    if pc._BOX.search(text) or pc._BRACKETED.search(text):
        assert "[" in text
    if pc._LABEL_ONLY.match(text) or pc._LABEL_VALUE.match(text):
        assert ":" in text


def _plain_pieces(line: str) -> int:
    pieces = [p for p in pc._SEPARATORS.split(line) if pc._ALNUM.search(p)]
    if len(pieces) < 2 or any(len(p.split()) > 5 or len(p) > 32 for p in pieces):
        return 0
    return len(pieces)


@given(NAV_LINES)
@example("Home . Forums . Help . Top")
def test_separator_dense_lines_are_counted_as_by_the_plain_way(text):
    assert pc._pieces(text) == _plain_pieces(text)


@given(st.lists(NAV_LINES, max_size=30))
def test_lines_that_show_no_page_are_one_story_stretch(texts):
    """Without chrome near an edge, no line is cut (what lets boilerplate skip the weighing)."""
    texts = [t for t in texts if t.strip()]
    if pc.page_like(texts, is_nav):
        return
    region = pc.story_region(pc.line_values(texts, is_nav))
    assert region is None or region == (0, len(texts) - 1)


# The safety check: words, pieces of words, repaired characters, hyphens and breaks.
WORDS = st.sampled_from(["the", "lamp", "went", "out", "exam", "ple", "example", "café", "Ã©", "é", "x"])
SEPARATORS = st.sampled_from([" ", "\n", "-\n", ". ", "—", "", "_", "*"])
TEXT = st.lists(st.tuples(WORDS, SEPARATORS), max_size=12).map(lambda ps: "".join(w + s for w, s in ps))
CHANGES = st.lists(st.builds(lambda b, a: Change("test", 1, 1, b, a), TEXT, TEXT), max_size=5)


@given(TEXT, TEXT, CHANGES)
@example("An exam-\nple here.", "An example here.", [Change("test", 1, 1, "-\n", "")])
@example("The cafÃ© was shut.", "The café was open.", [Change("test", 1, 1, "Ã©", "é")])
def test_the_safety_check_answers_as_with_the_replay_always_made(before, after, changes):
    assert difference(before, after, changes) == difference(before, after, changes, shortcut=False)


def test_a_word_the_changes_do_not_explain_is_still_found_without_the_replay():
    changes = [Change("test", 1, 1, "Posted by admin.", "")]
    assert difference("Posted by admin. The story.", "The story.", changes) == ""
    assert "'story'" in difference("Posted by admin. The story.", "The.", changes)
    assert regex.search("missing", difference("The lamp went out.", "The lamp out.", []))


QUOTE_TEXT = st.lists(st.sampled_from([*"ab A'’ \t\n.,é\u0301", "nothin'", "an'", "'em", "'bout", " the"]), max_size=30)


@given(QUOTE_TEXT.map("".join))
@example("nothin' to do, an' the rest of 'em")
def test_a_text_without_the_dialect_hint_has_no_clipped_word(text):
    from tidyink.filters import _quote_survey as qs

    if qs._EVIDENCE.search(text):
        assert any(map(text.__contains__, qs._HINTS))


@given(st.text(alphabet="abcXYZ'’-é", max_size=8))
def test_own_words_in_ascii_are_judged_as_by_the_plain_way(word):
    from tidyink.filters._codepage_words import _MIXED_CASE, Lexicon, odd_shape

    lex = Lexicon(alphabet=frozenset("é"))
    plain = (
        word.isalpha()
        and not _MIXED_CASE.search(word)
        and not odd_shape(word)
        and all(ch.isascii() or ch.casefold() in lex.alphabet for ch in word)
    )
    assert lex.own_word(word) == plain


DECOR_TEXT = st.lists(st.sampled_from([*"~*-=[]<>|#xXoO a\n\r\t\u00a0\u2003.", "xXx", "oOo", "Chapter 3"]), max_size=16)


@given(DECOR_TEXT.map("".join))
@example("~Chapter 3~")
@example("-x- Part Two -x-")
@example("* * *")
@example("xXx\nxXx")
def test_decorated_heading_lines_are_read_as_the_pattern_reads_them(line):
    from tidyink.filters._heading_lines import DECORATED_PATTERN, decorated

    m = regex.fullmatch(DECORATED_PATTERN, line)
    assert decorated(line) == (m.group("lead", "core", "trail") if m else None)


def test_a_long_decorated_line_is_read_in_linear_time():
    from tidyink.filters._heading_lines import classify, decorated

    # The pattern backtracks over every position of the run for every position of it:
    # this line took minutes.
    line = "~a" + " ~" * 50_000 + " b"
    assert decorated(line) == ("~", line[1:], "")
    assert classify(line) is None


def _edge_probe(texts: list[str]) -> bool:
    return pc.page_like_at_edges(iter(texts), reversed(texts), is_nav)


@given(st.lists(st.one_of(NAV_LINES, st.just("She walked home along the river, slowly.")), max_size=200))
def test_the_edge_probe_judges_a_text_as_page_like_judges_all_its_lines(texts):
    texts = [t for t in texts if t.strip()]
    assert _edge_probe(texts) == pc.page_like(texts, is_nav)


def test_the_edge_probe_reads_only_the_lines_near_the_edges():
    prose = ["She walked home along the river, slowly, and thought of nothing."]
    menu = ["Home | Stories | Log in", "« Previous | Contents | Next »", "Leave a review"]
    assert _edge_probe(menu + prose * 100) and pc.page_like(menu + prose * 100, is_nav)
    assert _edge_probe(prose * 100 + menu)
    inside = prose * (pc.PROBE + 1) + menu + prose * (pc.PROBE + 1)  # chrome beyond the probes
    assert not _edge_probe(inside) and not pc.page_like(inside, is_nav)
    short = prose * 10 + menu + prose * 10  # a short text: every line probed
    assert _edge_probe(short) and pc.page_like(short, is_nav)


@given(
    st.lists(
        st.one_of(NAV_LINES, st.sampled_from(["She walked home along the river, slowly.", "  Rated: T - Words: 9  "])),
        max_size=90,
    )
)
def test_page_like_with_the_chrome_pre_test_is_page_like_asking_every_line(texts):
    """Lines the cheap test clears are never weighed (they cannot weigh against the text);
    another navigation test than the one the pre-test is made for asks every line."""
    texts = [t for t in texts if t.strip()]
    assert pc.page_like(texts, is_nav) == pc.page_like(texts, lambda line: is_nav(line))
