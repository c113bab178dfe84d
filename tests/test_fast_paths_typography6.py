"""Fast paths of the typography filters agree with the plain forms they stand for (6):
pre-tests that let a block with nothing to do skip its scans, and the quote pass's
shortcuts (the quotations curly marks leave open, primes, the curly style)."""

from __future__ import annotations

from hypothesis import example, given
from hypothesis import strategies as st

MARK_TEXT = st.text(alphabet="'’ \ta\n“", max_size=24)


@example("don't")
@example("nothin' to")
@example("' ")
@example(" '")
@example("'")
@example("rock ’n’ roll")
@example("a\t’")
@given(MARK_TEXT)
def test_the_dialect_hints_are_found_from_the_marks_as_by_a_scan_for_each(text):
    from tidyink.filters._quote_survey import _HINTS, _hinted

    assert _hinted(text) == any(hint in text for hint in _HINTS)


def test_dialect_hints_of_my_own():
    from tidyink.filters._quote_survey import _hinted

    assert _hinted("He was goin' home.")
    assert _hinted("Tell ’em now.")
    assert not _hinted("She didn't know what the captain's dog wanted.")
    assert not _hinted("No marks at all.")


SPACING_TEXT = st.text(alphabet=" \t\na.,“”‘’„‚»«", max_size=16)


def _spacing_strings(base: str) -> list[str]:
    """Every string a spacing rule needs, for a language (as the filter's rules are written)."""
    strings = ["  ", " \n", "\t\n", *(f" {p}" for p in ",.;:!?")]
    if base != "fr":
        opening, closing = {"de": ("„‚", "“‘")}.get(base, ("“‘", "”’"))
        strings += [f"{q} " for q in opening] + [f" {q}" for q in closing]
    return strings


@example("a\t\nb", "en")
@example("“ a", "en")
@example("„ a", "de")
@example("« a »", "fr")
@example("a ,b", "fr")
@example("a“", "en")
@given(SPACING_TEXT, st.sampled_from(["en", "de", "fr", "nl"]))
def test_the_spacing_pre_check_finds_each_string_a_rule_needs(text, base):
    from tidyink.filters.spacing import _worth_a_look

    expected = text.endswith((" ", "\t")) or any(s in text for s in _spacing_strings(base))
    assert _worth_a_look(text, base) == expected


def _assert_pre_test_agrees(pre_test, pattern, needles: tuple[str, ...], text: str) -> None:
    """``pre_test(text)`` tells whether ``text`` holds one of ``needles``; without any,
    ``pattern`` finds nothing (the pre-test never turns away text it would match)."""
    hinted = any(s in text for s in needles)
    assert pre_test(text) == hinted
    if not hinted:
        assert pattern.search(text) is None


DOT_TEXT = st.text(alphabet=". \u00a0\u2009…a\n", max_size=16)


@example(". .")
@example(".\u00a0.")
@example(". \u00a0.")
@example("a.b.c")
@example("…")
@given(DOT_TEXT)
def test_the_ellipsis_pre_test_finds_each_string_the_pattern_needs(text):
    from tidyink.filters.ellipses import _DOTS, _may_hold_dots

    _assert_pre_test_agrees(_may_hold_dots, _DOTS, ("…", "..", ". .", ".\u00a0."), text)


CURLY_TEXT = st.text(alphabet="“”‘’„‚«»‹›′″'\"a1 .,\n\ue000_\ufffc", max_size=20)
CURLY_LINES = [
    "“Come in,” she said.", "He shouted, “Wait", "“", "”", "the boat’s sail", "„Komm“, sagte er.",
    "’Tis done.", "a 6′ wall", "“Nobody ‘knows’ it,” he said.", "«Oui», dit-il.", "", " “", "“ ",
]


def _carried(fn, text: str, double: bool, single: bool) -> tuple[bool, bool]:
    from tidyink.filters._quote_marks import QuoteState

    state = QuoteState(double_open=double, single_open=single)
    fn(text, state)
    return state.double_open, state.single_open


@example("“Wait", False, False)
@example("“Wait,” he said. “Now", False, False)
@example("“ ”", True, False)
@example("„Komm", False, False)
@example("it’s“", False, False)
@given(CURLY_TEXT, st.booleans(), st.booleans())
def test_the_state_carried_over_curly_marks_is_as_the_walk_over_them_finds(text, double, single):
    from tidyink.filters._quote_curly import carry_curly, carry_walk

    assert _carried(carry_curly, text, double, single) == _carried(carry_walk, text, double, single)


@given(st.lists(st.sampled_from(CURLY_LINES), max_size=6))
def test_the_state_carried_over_lines_of_my_own_is_as_the_walk_finds(lines):
    from tidyink.filters._quote_curly import carry_curly, carry_walk

    text = " ".join(lines)
    assert _carried(carry_curly, text, False, False) == _carried(carry_walk, text, False, False)


def test_quotations_left_open_by_curly_marks_of_my_own():
    from tidyink.filters._quote_curly import carry_curly

    assert _carried(carry_curly, "“Come in,” she said.", True, True) == (False, False)
    assert _carried(carry_curly, "He shouted, “Wait for the boat’s", False, False) == (True, False)
    assert _carried(carry_curly, "„Komm mit", False, False) == (True, False)
    assert _carried(carry_curly, "“Nobody ‘knows", False, False) == (True, True)


PRIME_TEXT = st.text(alphabet="0123456789٣²\U00010d40'\"′″° .a\n“”’", max_size=20)
PRIME_PIECES = st.sampled_from(
    [*("a 6' wall", '5\'10" tall', "12\" ruler", "the '90s", "40° 26' 46\"", "“Go,” he said", "it's", " "),
     *("'Tis", "'em", '"', "'", "3", "٣", "²", "1.5\"", "and")]
)


@example("5'10\"")
@example("40° 26' 46\"")
@example("٣'")
@example("40° 26' N")
@example("\U00010d40'\U00010d40\"")
@given(PRIME_TEXT)
def test_a_text_with_no_mark_after_a_digit_holds_no_prime_for_the_patterns(text):
    from tidyink.filters._quote_roles import _PRIME_DOUBLE, _PRIME_SINGLE, _QUOTE_RE, _after_digit

    if not _after_digit(text, [m.start() for m in _QUOTE_RE.finditer(text)]):
        assert _PRIME_SINGLE.search(text) is None
        assert _PRIME_DOUBLE.search(text) is None


def test_the_digit_test_is_the_prime_patterns_digit_for_every_character():
    import sys

    import regex

    from tidyink.filters._quote_roles import is_digit

    digits = regex.compile(r"\d")
    for code in range(sys.maxunicode + 1):
        ch = chr(code)
        assert is_digit(ch) == (digits.match(ch) is not None), hex(code)


@given(st.lists(PRIME_PIECES, max_size=10).map("".join), st.booleans(), st.booleans())
def test_marks_are_classified_as_with_the_prime_patterns_always_tried(text, double, single):
    from unittest import mock

    from tidyink.filters import _quote_roles
    from tidyink.filters._quote_marks import QuoteState

    def roles(state: QuoteState) -> tuple[dict[int, str], bool, bool]:
        found = _quote_roles.classify(text, state)
        return found, state.double_open, state.single_open

    fast = roles(QuoteState(double_open=double, single_open=single))
    with mock.patch.object(_quote_roles, "_after_digit", lambda *_: True):
        slow = roles(QuoteState(double_open=double, single_open=single))
    assert fast == slow


def test_primes_of_my_own_are_still_found():
    from tidyink.filters._quote_marks import DPRIME, PRIME, QuoteState
    from tidyink.filters._quote_roles import classify

    text = 'The wall was 6\'2" high.'
    found = classify(text, QuoteState())
    assert found[text.index("'")] == PRIME and found[text.index('"')] == DPRIME


def _curly_one_by_one(text: str, roles: dict[int, str], ctx) -> list:
    """The curly pass as first written: its settings read for each block, every mark's
    edit made by ``_edit``."""
    from tidyink.filters import quotes as q
    from tidyink.filters._quote_roles import APOS, CLOSE_D, CLOSE_S, OPEN_D, OPEN_S, PRIME

    lang = q.quote_style(ctx.options.language)
    marks = q._STYLES[lang]
    default = "language" if ctx.options.language.replace("_", "-").lower() == "en-gb" else "keep"
    renest = str(ctx.setting("quotes", "nesting", default)) == "language" and lang == "en"
    outer_single = ctx.options.language.replace("_", "-").lower() == "en-gb"
    depth: list[str] = []
    floor = 0
    out = []
    for i in sorted(roles):
        role = roles[i]
        ch = text[i]
        straight = ch in "\"'"
        if role in (OPEN_D, OPEN_S, CLOSE_D, CLOSE_S):
            new = marks[q._renested(role, depth, outer_single) if renest else role]
            if not straight and not (lang == "fr" and new.strip(q.NBSP) == ch):
                continue
        elif role == APOS:
            if not straight:
                continue
            new = "’"
        elif ctx.options.primes == "straight":
            new = "'" if role == PRIME else '"'
        elif straight:
            new = "′" if role == PRIME else "″"
        else:
            continue
        edit = q._edit(text, i, new, role, floor)
        if edit is not None:
            floor = edit.end
            out.append(edit)
    return out


QUOTE_TEXT = st.lists(
    st.sampled_from([*"ab 1.,\n\"'“”‘’«»‹›′″\u00a0", *("6'2\"", "don't", " 'tis ", "« oui »", "\"Go,\" he said.")]),
    max_size=16,
).map("".join)


@example('"Oh," she said, "it\'s late."', "en", None, "prime")
@example("« Non » dit-il, ‹ oui ›.", "fr", None, "prime")
@example("'Hark,' he said, \"hark.\"", "en-GB", None, "straight")
@example("A wall 6'2\" tall", "en", None, "straight")
@given(
    QUOTE_TEXT,
    st.sampled_from(["en", "en-GB", "en_gb", "EN-gb", "en-US", "fr", "fr-CA", "de", "de-AT", "nl"]),
    st.sampled_from([None, "language", "keep", "LANGUAGE", 1, ["language"]]),
    st.sampled_from(["prime", "straight"]),
)
def test_the_curly_pass_makes_the_edits_it_made_mark_by_mark(text, language, nesting, primes):
    from dataclasses import replace

    from tidyink.filters._quote_marks import QuoteState
    from tidyink.filters._quote_roles import classify
    from tidyink.filters.base import Context
    from tidyink.filters.quotes import Quotes
    from tidyink.options import Options

    settings = {} if nesting is None else {"quotes": {"nesting": nesting}}
    ctx = Context(options=replace(Options(), language=language, primes=primes, settings=settings))
    roles = classify(text, QuoteState())
    assert list(Quotes()._curly(text, roles, ctx)) == _curly_one_by_one(text, roles, ctx)


URL_TEXT = st.lists(
    st.sampled_from([*"aw.:/@m ", *("www.", "://", "mailto:", "http", "x@y.org", "see www.a.com.", "ww", "mailto")]),
    max_size=10,
).map("".join)


@example("mailto:a@b.org")
@example("ftp://host/file")
@example("time: 5")
@given(URL_TEXT)
def test_a_text_without_an_address_hint_is_told_so_by_the_quicker_search(text):
    from tidyink.filters._urls import _ADDRESS, _may_hold_address

    _assert_pre_test_agrees(_may_hold_address, _ADDRESS, ("://", "www.", "@", "mailto:"), text)


def test_addresses_of_my_own_are_still_found():
    from tidyink.filters._urls import address_spans

    assert address_spans("Write to mailto:keeper@light.org today.") != []
    assert address_spans("The log is at ftp://harbour.example/log.txt now.") != []
    assert address_spans("Times: noon and dusk.") == []


@example(" \n")
@example("\n\t\t\n")
@example("   ")
@given(st.text(alphabet=" \t\na", max_size=12))
def test_a_gap_without_spaces_before_a_line_end_has_no_blank_line_spaces(sep):
    from tidyink.filters.spacing import _BLANK_WS

    if " \n" not in sep and "\t\n" not in sep:
        assert _BLANK_WS.search(sep) is None


@given(st.sampled_from(["en", "en-GB", "en_gb", "FR-ca", "de", "pt_BR", "", "-x"]))
def test_the_base_language_is_the_language_without_its_region(language):
    from tidyink.options import base_language as _base_language

    assert _base_language(language) == language.replace("_", "-").split("-")[0].lower()

