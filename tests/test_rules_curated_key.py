"""The curated list's digest is worked out once per file, then read back."""

from __future__ import annotations

import os

from tidyink import lexicon
from tidyink.rules import _dictionary


def test_the_digest_is_kept_per_size_and_time_and_worked_out_anew_for_a_changed_file(tmp_path, monkeypatch):
    monkeypatch.setenv("TIDYINK_CACHE_DIR", str(tmp_path / "cache"))
    listed = tmp_path / "en.json.gz"
    listed.write_bytes(b"gloaming twilight")
    worked: list[str] = []
    digest = lexicon.content_key

    def counted(path):
        worked.append(str(path))
        return digest(path)

    monkeypatch.setattr(lexicon, "content_key", counted)
    first = _dictionary._content_key(listed, "en")
    assert first == digest(listed) and len(worked) == 1
    assert _dictionary._content_key(listed, "en") == first and len(worked) == 1  # read back
    listed.write_bytes(b"twilight gloaming")  # (the same size: the time tells)
    os.utime(listed, ns=(1, 2))
    second = _dictionary._content_key(listed, "en")
    assert second == digest(listed) != first and len(worked) == 2


def test_without_a_cache_folder_or_a_file_the_digest_is_as_before(tmp_path, monkeypatch):
    monkeypatch.setenv("TIDYINK_CACHE_DIR", "")
    listed = tmp_path / "en.json.gz"
    listed.write_bytes(b"words")
    assert _dictionary._content_key(listed, "en") == lexicon.content_key(listed)
    assert _dictionary._content_key(tmp_path / "missing.gz", "en") is None
