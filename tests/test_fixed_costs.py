"""Per-run costs that do not depend on the input: patterns built from the project's own
constants come from the compiled-pattern store, and the small internal records keep
the equality, representation and immutability the code relies on."""

from __future__ import annotations

import regex

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
