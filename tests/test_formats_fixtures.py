"""The committed container fixtures are what fixtures/formats/make_fixtures.py builds."""

from __future__ import annotations

import importlib.util
import zipfile

import pytest

pytest.importorskip("docx")


def _load_maker(fixtures):
    spec = importlib.util.spec_from_file_location("make_fixtures", fixtures / "formats" / "make_fixtures.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _members(path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as zf:
        return {info.filename: zf.read(info) for info in zf.infolist()}


def test_regenerating_the_fixtures_gives_the_same_content(fixtures, tmp_path):
    made = _load_maker(fixtures).build(tmp_path)
    assert [p.name for p in made] == ["ao3-shaped.epub", "fff-shaped.epub", "manuscript.docx"]
    for path in made:
        committed = _members(fixtures / "formats" / path.name)
        fresh = _members(path)
        assert sorted(fresh) == sorted(committed), path.name
        for name, data in fresh.items():
            assert data == committed[name], f"{path.name}:{name}"
