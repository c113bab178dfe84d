"""The temporary files atomic writes go through: made as ``tempfile.mkstemp`` makes them."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
import regex

from tidyink import fileio
from tidyink.fileio import TEMP_SUFFIX, atomic_write, make_temporary, remove_stale_temporaries_of


def test_a_temporary_file_is_new_private_and_named_like_mkstemps(tmp_path):
    fd, path = make_temporary(tmp_path, ".story.md.", TEMP_SUFFIX)
    os.close(fd)
    assert os.path.isabs(path) and os.path.dirname(path) == str(tmp_path)
    name = os.path.basename(path)
    assert regex.fullmatch(r"\.story\.md\.[a-z0-9_]{8}" + regex.escape(TEMP_SUFFIX), name)
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    assert os.path.getsize(path) == 0


def test_a_taken_name_is_never_reused_another_is_drawn(tmp_path, monkeypatch):
    draws = iter([b"\x00" * 8, b"\x00" * 8, b"\x01" * 8])
    monkeypatch.setattr(fileio.os, "urandom", lambda n: next(draws))
    first_fd, first = make_temporary(tmp_path, "p.", ".t")
    os.write(first_fd, b"kept")
    os.close(first_fd)
    second_fd, second = make_temporary(tmp_path, "p.", ".t")
    os.close(second_fd)
    assert os.path.basename(first) == "p.aaaaaaaa.t" and os.path.basename(second) == "p.bbbbbbbb.t"
    assert Path(first).read_bytes() == b"kept"  # the first file was not opened again


def test_a_symbolic_link_in_the_way_is_not_followed(tmp_path, monkeypatch):
    victim = tmp_path / "victim"
    victim.write_bytes(b"safe")
    (tmp_path / "p.aaaaaaaa.t").symlink_to(victim)
    draws = iter([b"\x00" * 8, b"\x02" * 8])
    monkeypatch.setattr(fileio.os, "urandom", lambda n: next(draws))
    fd, path = make_temporary(tmp_path, "p.", ".t")
    os.close(fd)
    assert os.path.basename(path) == "p.cccccccc.t"
    assert victim.read_bytes() == b"safe"


def test_no_name_left_is_an_error_not_a_loop(tmp_path, monkeypatch):
    (tmp_path / "p.aaaaaaaa.t").write_bytes(b"")
    monkeypatch.setattr(fileio.os, "urandom", lambda n: b"\x00" * n)
    monkeypatch.setattr(fileio, "_TRIES", 5)
    with pytest.raises(FileExistsError):
        make_temporary(tmp_path, "p.", ".t")


def test_a_left_over_temporary_is_one_the_clean_up_removes(tmp_path):
    target = tmp_path / "story.md"
    target.write_bytes(b"old")
    fd, left = make_temporary(tmp_path, ".story.md.", TEMP_SUFFIX)  # as a killed write leaves it
    os.close(fd)
    assert remove_stale_temporaries_of(target) == 1
    assert not os.path.exists(left) and target.read_bytes() == b"old"


def test_an_atomic_write_leaves_only_the_file_with_the_umask_mode(tmp_path):
    target = tmp_path / "out.md"
    atomic_write(target, b"new text\n")
    assert target.read_bytes() == b"new text\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.md"]
    assert stat.S_IMODE(target.stat().st_mode) == fileio.new_file_mode()
