"""Patterns compiled on first use behave as compiled ones."""

import regex

from tidyink.lazy_regex import lazy


def test_a_lazy_pattern_is_compiled_on_first_use_only() -> None:
    pattern = lazy(r"(?P<word>\p{Lu}\p{Ll}+)", regex.IGNORECASE)
    assert "_compiled" not in vars(pattern)
    assert pattern.search("a Cat sat").group("word") == "Cat"
    compiled = vars(pattern)["_compiled"]
    assert pattern.findall("Cat Dog") == ["Cat", "Dog"]
    assert vars(pattern)["_compiled"] is compiled  # compiled once
    assert pattern.pattern == r"(?P<word>\p{Lu}\p{Ll}+)"
    assert pattern.flags & regex.IGNORECASE


def test_a_lazy_pattern_answers_as_the_compiled_one() -> None:
    source = r"(\d+)-(\d+)"
    eager, late = regex.compile(source), lazy(source)
    text = "pages 12-14 and 3-5"
    assert late.sub(r"\2-\1", text) == eager.sub(r"\2-\1", text)
    assert [m.span() for m in late.finditer(text)] == [m.span() for m in eager.finditer(text)]
    assert late.fullmatch("1-2") is not None and late.match("x1-2") is None
    assert "lazy(" in repr(late)
