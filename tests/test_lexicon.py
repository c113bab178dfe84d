"""The word lists: built from wordfreq, cached on disk, same either way."""

from __future__ import annotations

from tidyink import lexicon


def test_cache_gives_back_the_built_list(tmp_path, monkeypatch):
    monkeypatch.setenv("TIDYINK_CACHE_DIR", str(tmp_path))
    built = lexicon.frequencies.__wrapped__("pt")  # no in-memory cache: builds and stores
    files = list(tmp_path.iterdir())
    assert len(files) == 1 and files[0].name.startswith("words-pt-")
    again = lexicon.frequencies.__wrapped__("pt")  # now read from the file
    assert again == built and built["não"] > 5


def test_broken_cache_file_is_rebuilt(tmp_path, monkeypatch):
    monkeypatch.setenv("TIDYINK_CACHE_DIR", str(tmp_path))
    path = lexicon._cache_file("pt")
    path.write_bytes(b"not a word list")
    table = lexicon.frequencies.__wrapped__("pt")
    assert table["não"] > 5


def test_cache_can_be_switched_off(tmp_path, monkeypatch):
    monkeypatch.setenv("TIDYINK_CACHE_DIR", "")
    assert lexicon._cache_file("en") is None
    assert lexicon.frequencies.__wrapped__("pt")["não"] > 5
