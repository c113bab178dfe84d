"""The word lists: built from wordfreq, cached on disk, same either way."""

from __future__ import annotations

from tidyink import lexicon


def test_cache_gives_back_the_built_list(tmp_path, monkeypatch):
    monkeypatch.setenv("TIDYINK_CACHE_DIR", str(tmp_path))
    built = lexicon.frequencies.__wrapped__("pt")  # no in-memory cache: builds and stores
    files = list(tmp_path.iterdir())
    assert len(files) == 1 and files[0].name.startswith("words3-pt-")
    again = lexicon.frequencies.__wrapped__("pt")  # now read from the file
    assert again == built and built["não"] > 5


def test_the_old_format_of_a_language_is_removed_when_its_list_is_stored(tmp_path, monkeypatch):
    monkeypatch.setenv("TIDYINK_CACHE_DIR", str(tmp_path))
    old = tmp_path / "words2-pt-wordfreq3.0-py311.marshal"
    other = tmp_path / "words2-en-wordfreq3.0-py311.marshal"  # another language's: not built now
    old.write_bytes(b"x")
    other.write_bytes(b"x")
    lexicon.frequencies.__wrapped__("pt")
    assert not old.exists() and other.exists()
    assert [p.name[:9] for p in tmp_path.glob("words3-*")] == ["words3-pt"]


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


def test_word_index_answers_like_the_full_list():
    from tidyink.wordindex import WordIndex

    full = lexicon._build("pt")
    table = WordIndex.build(full)
    assert len(table) == len(full)
    for word, zipf in list(full.items())[::97]:
        assert table.get(word) == zipf and word in table
    rare = [w for w, z in full.items() if z < lexicon.CORE_ZIPF][:50]
    assert all(table[w] == full[w] for w in rare)
    for missing in ("zzqxv", "não" + "x", "", "\udcff"):
        assert table.get(missing) == 0.0 and missing not in table


def test_cache_is_keyed_by_the_installed_wordfreq_version():
    from importlib.metadata import version

    assert lexicon.installed_version("wordfreq") == version("wordfreq")
    assert lexicon.installed_version("no-such-distribution-here") is None


def test_cached_value_is_stored_then_read_back(tmp_path, monkeypatch):
    monkeypatch.setenv("TIDYINK_CACHE_DIR", str(tmp_path))
    calls = []

    def build():
        calls.append(1)
        return frozenset({"gloaming", "expostulate"})

    first = lexicon.cached("words-test", build, frozenset)
    again = lexicon.cached("words-test", build, frozenset)
    assert first == again == {"gloaming", "expostulate"} and len(calls) == 1
    assert [p.name.startswith("words-test-") for p in tmp_path.iterdir()] == [True]


def test_cached_value_of_the_wrong_kind_or_broken_is_rebuilt(tmp_path, monkeypatch):
    import marshal

    monkeypatch.setenv("TIDYINK_CACHE_DIR", str(tmp_path))
    lexicon.cached("words-test", lambda: frozenset({"a"}), frozenset)
    (path,) = tmp_path.iterdir()
    path.write_bytes(marshal.dumps(42))
    assert lexicon.cached("words-test", lambda: frozenset({"b"}), frozenset) == {"b"}
    path.write_bytes(b"not marshal data")
    assert lexicon.cached("words-test", lambda: frozenset({"c"}), frozenset) == {"c"}


def test_cached_builds_every_time_when_caching_is_off(tmp_path, monkeypatch):
    monkeypatch.setenv("TIDYINK_CACHE_DIR", "")
    calls = []
    for _ in range(2):
        lexicon.cached("words-test", lambda: calls.append(1) or frozenset(), frozenset)
    assert len(calls) == 2 and not list(tmp_path.iterdir())


def test_curated_list_from_the_cache_is_the_one_pyspellchecker_ships(tmp_path, monkeypatch):
    from tidyink.rules import _dictionary

    monkeypatch.setenv("TIDYINK_CACHE_DIR", str(tmp_path))
    source = _dictionary._pyspellchecker_file("en")
    built = _dictionary.curated.__wrapped__("en")  # builds and stores
    names = sorted(p.name for p in tmp_path.iterdir())  # the groups, and the list's digest
    assert [n.split("-")[:3] for n in names] == [["curated", "groups", "en"], ["curated", "key", "en"]]
    assert _dictionary.curated.__wrapped__("en") == built == frozenset(_dictionary._pyspellchecker(source))
    assert "gloaming" in built and "recieve" not in built
    assert _dictionary.curated.__wrapped__("xx") == frozenset()  # no list for this language
