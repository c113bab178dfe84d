"""The compiled-pattern store (``lazy_regex.compiled``) and the cache folder's upkeep."""

from __future__ import annotations

import marshal
import os
import pickle
import sys

import pytest
import regex

from tidyink import lazy_regex, lexicon

PATTERN = r"(?:Chapter|Part)\s+(?:\d+|[IVXLC]+)\b"


@pytest.fixture
def store(tmp_path, monkeypatch):
    """A cache folder of its own and an empty store, as at the start of a run."""
    monkeypatch.setenv("TIDYINK_CACHE_DIR", str(tmp_path))
    fresh = lazy_regex._Store()
    monkeypatch.setattr(lazy_regex, "_STORE", fresh)
    return fresh


def _new_run(monkeypatch) -> lazy_regex._Store:
    fresh = lazy_regex._Store()
    monkeypatch.setattr(lazy_regex, "_STORE", fresh)
    return fresh


def test_a_pattern_compiled_in_one_run_is_read_back_in_the_next(store, monkeypatch):
    first = lazy_regex.compiled(PATTERN, regex.IGNORECASE)
    store.save()
    assert store.path is not None and store.path.exists()

    _new_run(monkeypatch)

    def no_compile(*args, **kwargs):
        raise AssertionError("compiled again")

    monkeypatch.setattr(regex, "compile", no_compile)
    second = lazy_regex.compiled(PATTERN, regex.IGNORECASE)
    text = "chapter 12 and PART IV, not Chapterhouse 3"
    assert [m.span() for m in second.finditer(text)] == [m.span() for m in first.finditer(text)]
    assert second.pattern == PATTERN and second.flags == first.flags


def test_lazy_patterns_go_through_the_store(store, monkeypatch):
    pattern = lazy_regex.lazy(r"\p{Lu}\p{Ll}+")
    assert pattern.findall("Ann met Bea") == ["Ann", "Bea"]
    store.save()
    kept = marshal.loads(store.path.read_bytes())
    assert (r"\p{Lu}\p{Ll}+", 0) in kept


def test_a_damaged_entry_is_compiled_again(store, monkeypatch):
    store.load()
    for damaged in (b"not marshal data", marshal.dumps(("x",)), marshal.dumps((PATTERN, "flags?")), b""):
        store.kept[(PATTERN, 0)] = damaged
        assert lazy_regex.compiled(PATTERN).match("Part 3")


def test_an_entry_holds_what_regex_pickles_the_pattern_as(store):
    import copyreg

    compiled = lazy_regex.compiled(PATTERN, regex.IGNORECASE)
    entry = marshal.loads(store.new[(PATTERN, int(regex.IGNORECASE))])
    call, args = copyreg.dispatch_table[type(compiled)](compiled)
    assert entry == args and entry[0] == PATTERN
    rebuilt = call(*entry)
    text = "chapter 12 and PART IV, not Chapterhouse 3"
    assert [m.span() for m in rebuilt.finditer(text)] == [m.span() for m in compiled.finditer(text)]


CALLS: list[str] = []


def _record(what: str) -> str:
    CALLS.append(what)
    return what


class _Payload:
    """Pickles as a call of :func:`_record`: what a planted cache entry could hold."""

    def __reduce__(self):
        return (_record, ("called",))


def test_an_entry_naming_another_callable_is_never_called(store):
    store.load()
    store.kept[(PATTERN, 0)] = pickle.dumps(_Payload())
    assert pickle.loads(store.kept[(PATTERN, 0)]) == "called" and CALLS == ["called"]  # (as pickle would)
    CALLS.clear()
    assert lazy_regex.compiled(PATTERN).match("Part 3")
    assert CALLS == []


def test_an_entry_for_another_pattern_is_not_taken(store):
    store.load()
    store.kept[(PATTERN, 0)] = lazy_regex._dumps(regex.compile("x"))
    assert lazy_regex.compiled(PATTERN).pattern == PATTERN


def test_a_run_that_reads_patterns_back_never_loads_pickle(tmp_path):
    import subprocess
    from pathlib import Path

    src = str(Path(lazy_regex.__file__).resolve().parents[1])
    code = (
        "import sys; from tidyink import lazy_regex; "
        f"p = lazy_regex.compiled({PATTERN!r}); lazy_regex._STORE.save(); "
        "print('pickle' in sys.modules, bool(p.match('Part 3')))"
    )
    env = {**os.environ, "PYTHONPATH": src, "TIDYINK_CACHE_DIR": str(tmp_path)}
    for _ in range(2):  # the first run compiles and stores, the second reads back
        done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
        assert done.stdout.split() == ["False", "True"]


def test_no_store_is_written_when_caching_is_off(monkeypatch, tmp_path):
    monkeypatch.setenv("TIDYINK_CACHE_DIR", "")
    fresh = _new_run(monkeypatch)
    assert lazy_regex.compiled(PATTERN).match("Chapter 1")
    fresh.save()
    assert fresh.path is None and not fresh.new


def test_a_full_store_starts_again(store, monkeypatch):
    monkeypatch.setattr(lazy_regex, "MAX_KEPT", 2)
    for word in ("one", "two", "three"):
        lazy_regex.compiled(word)
    store.save()
    assert len(marshal.loads(store.path.read_bytes())) == 3  # this run's, the old ones gone
    fresh = _new_run(monkeypatch)
    lazy_regex.compiled("four")
    fresh.save()
    assert set(marshal.loads(fresh.path.read_bytes())) == {("four", 0)}


def _py() -> str:
    return f"-py{sys.version_info[0]}{sys.version_info[1]}.marshal"


def test_only_the_newest_versions_of_a_cache_file_are_kept(tmp_path):
    for n in range(5):
        old = tmp_path / f"curated-en-100-{n}{_py()}"
        old.write_bytes(marshal.dumps(frozenset()))
        os.utime(old, (1_000_000 + n, 1_000_000 + n))
    other_family = tmp_path / f"curated-fr-100-0{_py()}"
    other_python = tmp_path / "curated-en-100-9-py20.marshal"
    for path in (other_family, other_python):
        path.write_bytes(b"")
    new = tmp_path / f"curated-en-100-7{_py()}"
    lexicon.store_file(new, frozenset({"word"}), family="curated-en-")
    left = sorted(p.name for p in tmp_path.glob("curated-en-*"))
    kept_old = [f"curated-en-100-{n}{_py()}" for n in (3, 4)]  # the newest, with the new one
    assert left == sorted([new.name, other_python.name, *kept_old])
    assert other_family.exists()
    assert marshal.loads(new.read_bytes()) == frozenset({"word"})


def test_a_value_marshal_cannot_write_leaves_no_file(tmp_path):
    target = tmp_path / f"thing{_py()}"
    lexicon.store_file(target, {"key": object()})
    assert list(tmp_path.iterdir()) == []


def test_a_file_s_content_key_ignores_where_and_when_it_was_installed(tmp_path):
    first, second, other = tmp_path / "a.json", tmp_path / "b.json", tmp_path / "c.json"
    first.write_bytes(b'{"word": 1}')
    second.write_bytes(b'{"word": 1}')
    other.write_bytes(b'{"word": 2}')
    os.utime(second, (1_000_000, 1_000_000))
    assert lexicon.content_key(first) == lexicon.content_key(second)
    assert lexicon.content_key(first) != lexicon.content_key(other)
    assert lexicon.content_key(tmp_path / "missing.json") is None
