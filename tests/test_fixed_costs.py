"""Per-run costs that do not depend on the input: patterns built from the project's own
constants come from the compiled-pattern store, patterns only some texts need are
compiled on first need, and the small internal records (named tuples) keep the
equality and immutability the code relies on."""

from __future__ import annotations

import unicodedata

import pytest
import regex
from hypothesis import given
from hypothesis import strategies as st

from tidyink.filters import spacing


def test_inside_quote_patterns_come_from_the_pattern_store(monkeypatch):
    seen: list[str] = []

    def recording(pattern: str, flags: int = 0) -> regex.Pattern[str]:
        seen.append(pattern)
        return regex.compile(pattern, flags)

    monkeypatch.setattr(spacing, "compiled", recording)
    spacing._inside_quote_patterns.cache_clear()
    try:
        after, before = spacing._inside_quote_patterns("de")
    finally:
        spacing._inside_quote_patterns.cache_clear()
    assert seen == [after.pattern, before.pattern]
    assert after.search("Er sagte: „ Guten Tag“.").group("sp") == " "
    assert before.search("Er sagte: „Guten Tag “.").group("sp") == " "


def test_spaces_inside_quotes_still_go_for_each_language():
    text = "She said “ hello ” and left.\n"
    for base in ("en", "xx"):  # (a language without marks of its own takes English ones)
        got = list(spacing._inside_quotes(text, base))
        assert [(e.start, e.end, e.new) for e in got] == [(10, 11, ""), (16, 17, "")]
    got = list(spacing._inside_quotes("Er rief „ Halt“.", "de"))
    assert [(e.start, e.end, e.reason) for e in got] == [(9, 10, "space after an opening quote")]


def test_an_edit_is_an_immutable_record_compared_by_value():
    from tidyink.records import Edit

    edit = Edit(3, 5, "x")
    assert edit == Edit(start=3, end=5, new="x", reason="") and edit != Edit(3, 5, "x", "why")
    assert edit.reason == "" and repr(edit) == "Edit(start=3, end=5, new='x', reason='')"
    assert hash(edit) == hash(Edit(3, 5, "x"))
    with pytest.raises(AttributeError):
        edit.start = 4  # type: ignore[misc]


def test_layout_lines_and_wrap_are_read_only_values():
    from tidyink.filters._layout import Line, Wrap, _lines_of_text

    lines = _lines_of_text("  One line\nand two  ")
    assert lines == [Line(0, 10, "  One line", 2, "One line", 10), Line(11, 20, "and two  ", 0, "and two", 7)]
    assert repr(lines[1]) == "Line(start=11, end=20, text='and two  ', indent=0, stripped='and two', length=7)"
    with pytest.raises(AttributeError):
        lines[0].start = 1  # type: ignore[misc]
    wrap = Wrap(70)
    assert wrap == Wrap(70) != Wrap(None) and wrap.slack == 8 and Wrap(None).slack == 4
    assert wrap.fits(Line(0, 50, "", 0, "", 50), Line(51, 60, "", 0, "short", 5))
    assert not wrap.fits(Line(0, 60, "", 0, "", 60), Line(61, 70, "", 0, "longer", 6))
    with pytest.raises(AttributeError):
        wrap.width = 3  # type: ignore[misc]


def test_the_quick_mojibake_pattern_never_starts_on_ascii():
    """The ASCII pre-test of may_hold_mojibake rests on this: no match starts on ASCII."""
    from tidyink.filters import _mojibake_scan as scan

    assert all(not ch.isascii() for ch in scan._all_chars())
    pattern = scan._quick()
    assert all(pattern.match(chr(c) + tail) is None for c in range(128) for tail in ("", "\x80", " ", "\u00a9"))


@given(st.lists(st.text(alphabet=st.characters(max_codepoint=127)), max_size=4))
def test_ascii_texts_hold_no_mojibake_as_the_patterns_say(texts):
    from tidyink.filters import _mojibake_scan as scan

    whole = "\n".join(texts)
    slow = scan._quick().search(whole) is not None or not unicodedata.is_normalized("NFC", whole)
    assert scan.may_hold_mojibake(texts) is slow is False


def test_the_quick_mojibake_pattern_is_not_built_for_ascii_text(monkeypatch):
    from tidyink.filters import _mojibake_scan as scan

    def unexpected() -> None:
        raise AssertionError("the quick pattern was built")

    monkeypatch.setattr(scan, "_quick", unexpected)
    assert scan.may_hold_mojibake([]) is False
    assert scan.may_hold_mojibake(["A plain line.", "Another, with 'quotes' -- and dashes."]) is False
    with pytest.raises(AssertionError):
        scan.may_hold_mojibake(["The caf\u00c3\u00a9 was closed."])


def test_lazy_re_is_the_standard_engine_compiled_on_first_use():
    import re

    from tidyink.lazy_regex import lazy_re

    pattern = lazy_re(r"(?P<w>\w+)-(?P=w)", re.IGNORECASE)
    assert "_compiled" not in pattern.__dict__  # nothing compiled yet
    assert pattern.search("a so-SO b").group("w") == "so"
    assert isinstance(pattern.__dict__["_compiled"], re.Pattern)
    assert pattern.flags == re.compile(r"(?P<w>\w+)-(?P=w)", re.IGNORECASE).flags
    assert pattern.sub("x", "no-no and yes-no") == "x and yes-no"


def test_a_plain_text_run_compiles_no_entity_or_rare_invisible_pattern():
    import tidyink
    from tidyink.filters import entities, invisibles

    names = ("_REFERENCE", "_ESCAPED", "_MENTION", "_HIDDEN", "_HIDING_RE")
    rare = ("_ANSI", "_C1", "_BIDI_RE", "_UNSEEN_RE", "_NBSP_RUN", "_LEAD_RUN")
    lazies = [getattr(entities, n) for n in names] + [getattr(invisibles, n) for n in rare]
    for pattern in lazies:
        pattern.__dict__.pop("_compiled", None)
        for key in [k for k in pattern.__dict__ if not k.startswith("_")]:
            del pattern.__dict__[key]  # (forget the methods a test before looked up)
    result = tidyink.convert('She said "wait" -- and left.\n', input_format="text", lint=False)
    assert result.text == "She said “wait”—and left.\n"
    assert not [p for p in lazies if "_compiled" in p.__dict__]
    result = tidyink.convert("Fish &amp; chips&nbsp;here \x1b[1mnow\x1b[0m.\n", input_format="text", lint=False)
    assert result.text == "Fish & chips here now.\n"  # (a lone no-break space between words goes)
    assert "_compiled" in entities._ESCAPED.__dict__ and "_compiled" in invisibles._ANSI.__dict__


def test_repeated_word_scans_compile_only_the_pair_a_text_needs():
    import re

    from tidyink.rules import repeated_word as rw

    pairs = {False: (rw._AFTER_SPACE, rw._AFTER_OTHER), True: (rw._AFTER_SPACE_ASCII, rw._AFTER_OTHER_ASCII)}
    for pattern in (*pairs[False], *pairs[True]):
        pattern.__dict__.pop("_compiled", None)
        for key in [k for k in pattern.__dict__ if not k.startswith("_")]:
            del pattern.__dict__[key]
    assert rw._leads("so the the end", ascii_letters=True) == [3]
    assert all("_compiled" in p.__dict__ for p in pairs[True])
    assert not any("_compiled" in p.__dict__ for p in pairs[False])
    assert rw._leads("é the the ü", ascii_letters=False) == [2]
    assert rw._AFTER_SPACE_ASCII.flags & re.ASCII and not rw._AFTER_SPACE.flags & re.ASCII
    assert rw._AFTER_OTHER.pattern == rw._AFTER_OTHER_ASCII.pattern
