"""Part-of-speech look-up by bisection gives what a dict of the whole file gives."""

from __future__ import annotations

from importlib import resources

from hypothesis import given, settings
from hypothesis import strategies as st

from tidyink.rules import _pos


def _as_dict() -> dict[str, str]:
    """Every "word TAGS" line of ``pos.txt`` in a dict (the plain way to look up)."""
    text = resources.files("tidyink").joinpath("data").joinpath("pos.txt").read_text(encoding="utf-8")
    words = iter(line for line in text.splitlines() if not line.startswith("#"))
    return dict(line.split(" ") for line in words)  # type: ignore[misc]


TABLE = _as_dict()
WORDS = sorted(TABLE)


def _search(word: str) -> str:
    _pos._SEEN.pop(word, None)  # (the memo would hide the bisection)
    return _pos.tags(word)


def test_the_file_is_sorted_with_one_line_per_word() -> None:
    keys = [w.encode("utf-8") for w in TABLE]
    assert keys == sorted(keys)
    assert len(set(keys)) == len(keys) > 40_000


def test_every_word_of_the_file_is_found() -> None:
    assert all(_search(w) == t for w, t in TABLE.items())


def test_the_first_and_last_words_and_words_beyond_them() -> None:
    first, last = WORDS[0], WORDS[-1]
    assert _search(first) == TABLE[first]
    assert _search(last) == TABLE[last]
    assert _search("") == ""
    assert _search("\u0000") == ""
    assert _search(last + "z") == ""
    assert _search("aardvark") == "N"


near = st.sampled_from(WORDS).flatmap(
    lambda w: st.sampled_from([w, w[:-1], w + "s", w + "e", w[1:], w.upper(), " " + w, w + " x", w + "\n"])
)


@settings(max_examples=500)
@given(st.one_of(near, st.text(max_size=12)))
def test_any_word_agrees_with_the_dict(word: str) -> None:
    assert _search(word) == TABLE.get(word, "")


def test_any_sampling_of_the_file_finds_the_same_tags(monkeypatch) -> None:
    """One line per stretch, a stretch as long as the file, and the usual stretches."""
    asked = [*WORDS[:50], *WORDS[-50:], *WORDS[::997], "", "zzzz", "a b", "aardvarks", WORDS[0][:-1]]
    try:
        for window in (1, 10**9, _pos.WINDOW):
            monkeypatch.setattr(_pos, "WINDOW", window)
            _pos._samples.cache_clear()
            words, starts = _pos._samples()
            assert words == sorted(words) and len(words) == len(set(words)) == len(starts)
            assert len(words) == (len(TABLE) if window == 1 else 1 if window == 10**9 else len(words))
            assert [_search(w) for w in asked] == [TABLE.get(w, "") for w in asked]
    finally:
        _pos._samples.cache_clear()
