"""Per-run costs that do not depend on the input: patterns built from the project's own
constants come from the compiled-pattern store, and the small internal records keep
the equality, representation and immutability the code relies on."""

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


def test_quote_state_is_mutable_with_a_cache_of_its_own():
    from tidyink.filters._quote_marks import QuoteState

    one, two = QuoteState(), QuoteState(langs=("de",))
    assert (one.double_open, one.single_open, one.langs, one.dialect, one.next_start) == (
        False,
        False,
        ("en",),
        False,
        "",
    )
    one.cache["x"] = True
    assert two.cache == {} and one.cache is not two.cache
    one.double_open = True
    assert one == QuoteState(double_open=True, cache={"x": True}) and one != QuoteState()
    assert repr(QuoteState()) == (
        "QuoteState(double_open=False, single_open=False, langs=('en',), dialect=False, next_start='', cache={})"
    )


def test_suppression_marks_keep_their_own_collections():
    from tidyink.suppress import EMPTY, Marks, scan

    marks = Marks()
    marks.quiet_lines.add(3)
    assert Marks().quiet_lines == set() and not Marks() and Marks() == EMPTY
    assert Marks(regions=[(0, 4)]) and Marks(ignores={2: frozenset({"x"})})
    assert repr(Marks()) == "Marks(skip_file=False, quiet_lines=set(), regions=[], ignores={})"
    found = scan("Text.\n<!-- tidyink: skip-file -->\n", "markdown")
    assert found.skip_file and found != EMPTY


def test_atoms_compare_by_value_and_take_new_styles():
    from tidyink.writers._emphasis import Atom

    atom = Atom("word", True, frozenset({"em"}))
    assert atom == Atom("word", True, frozenset({"em"})) != Atom("word", True, frozenset())
    atom.styles = frozenset()
    assert atom == Atom("word", True, frozenset())
    assert repr(atom) == "Atom(written='word', wordy=True, styles=frozenset())"


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


def test_a_filter_context_has_its_own_collections_and_compares_by_value():
    from tidyink.filters.base import Context
    from tidyink.options import Options
    from tidyink.records import Change

    one, two = Context(), Context(path="a.txt")
    assert one.options == Options() and one.path is None and two.path == "a.txt"
    one.changes.append(Change("quotes", 1, 1, '"', "“"))
    one.state["names"] = {"Ann"}
    assert two.changes == [] and two.findings == [] and two.state == {}
    assert one != Context() and Context(path="a.txt") == two
    assert repr(Context()) == f"Context(options={Options()!r}, path=None, changes=[], findings=[], state={{}})"
    one.extra = 1  # (filters may keep their own facts on it)
    assert one.extra == 1


def test_settings_are_immutable_values_with_fresh_defaults():
    from dataclasses import FrozenInstanceError
    from pathlib import Path

    from tidyink.config import Settings
    from tidyink.config_settings import DEFAULT_INCLUDE, FIX_KEYS
    from tidyink.options import Options

    one = Settings()
    assert one.options == Options() and one.include == DEFAULT_INCLUDE and one.exclude == ()
    assert one.respect_gitignore is True and one.words_file is None and one.path is one.root is None
    assert one.fix == {k: d for k, (_, d) in FIX_KEYS.items()} and one.origins == {}
    one.fix["stages"] = ("repair",)
    assert Settings().fix["stages"] != ("repair",) and Settings().origins is not Settings().origins
    assert Settings(path=Path("t.toml")) == Settings(path=Path("t.toml")) != Settings()
    with pytest.raises(FrozenInstanceError):
        one.words_file = "words.txt"  # type: ignore[misc]
    with pytest.raises(FrozenInstanceError):
        del one.path
    with pytest.raises(TypeError):
        hash(one)  # (it holds dicts, as a frozen dataclass would fail to hash)
    import copy
    import pickle

    kept = Settings(exclude=("drafts/*",), origins={"exclude": "tidyink.toml"})
    assert pickle.loads(pickle.dumps(kept)) == kept == copy.deepcopy(kept) == copy.copy(kept)
    shown = repr(Settings(exclude=("drafts/*",)))
    assert shown.startswith(f"Settings(options={Options()!r}, include={DEFAULT_INCLUDE!r}, exclude=('drafts/*',), ")
    assert shown.endswith("path=None, root=None, origins={})")


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
