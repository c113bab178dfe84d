"""The mojibake scan's pattern is kept in the cache folder: clean text needs no ftfy."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tidyink.filters import _mojibake_scan

_SRC = str(Path(_mojibake_scan.__file__).resolve().parents[2])
_SCAN = (
    "import sys; from tidyink.filters._mojibake_scan import suspect_lines;"
    "print(len(suspect_lines('\\u201cCaf\\u00e9,\\u201d she said \\u2014 twice.\\nPlain\\u00c3\\u00a9 line\\n')),"
    " 'ftfy' in sys.modules)"
)


def _scan(cache: str) -> str:
    env = dict(os.environ, TIDYINK_CACHE_DIR=cache, PYTHONPATH=_SRC)
    return subprocess.run([sys.executable, "-c", _SCAN], env=env, capture_output=True, text=True, check=True).stdout


def test_the_kept_pattern_is_the_one_built(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TIDYINK_CACHE_DIR", str(tmp_path))
    _mojibake_scan._pattern.cache_clear()
    try:
        assert _mojibake_scan._pattern().pattern == _mojibake_scan._pattern_text()
        assert any(tmp_path.iterdir())
        _mojibake_scan._pattern.cache_clear()
        assert _mojibake_scan._pattern().pattern == _mojibake_scan._pattern_text()  # read back
    finally:
        _mojibake_scan._pattern.cache_clear()


def test_a_second_run_scans_without_importing_ftfy(tmp_path: Path) -> None:
    assert _scan(str(tmp_path)).split() == ["1", "True"]  # built: ftfy imported
    assert _scan(str(tmp_path)).split() == ["1", "False"]  # read back, the same line found
    assert _scan("").split() == ["1", "True"]  # caching off: built each time
