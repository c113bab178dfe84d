"""A batch goes on past awkward inputs: undecodable file names, unsafe archive members."""

from __future__ import annotations

import io
import json
import os
import sqlite3
import sys
import tarfile
import zipfile

import pytest

from tidyink.batch import BatchConfig, run_batch
from tidyink.batch.manifest import MANIFEST_NAME
from tidyink.options import Options

needs_bytes_names = pytest.mark.skipif(
    sys.platform in ("darwin", "win32"), reason="the file system must accept any bytes in names"
)


@needs_bytes_names
def test_a_file_name_that_is_not_utf8_is_converted_and_stored_losslessly(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    (src / "plain.txt").write_text('Hello "there".\n', encoding="utf-8")
    odd = os.fsencode(src) + b"/odd\xff name.txt"
    with open(odd, "wb") as handle:
        handle.write(b'The caf\xe9 was "open".\n')
    out, report = tmp_path / "out", tmp_path / "report.jsonl"

    summary = run_batch(src, out, Options(), BatchConfig(jobs=1, report=str(report)))

    assert summary.status["converted"] == 2 and summary.failed == 0
    assert os.path.exists(os.fsencode(out) + b"/odd\xff name.md")
    lines = report.read_bytes().decode("utf-8").splitlines()  # valid UTF-8 throughout
    sources = {json.loads(line)["source"] for line in lines}
    # The JSON escape (\udcff) gives back the exact bytes through surrogateescape.
    assert os.fsencode(os.path.join(str(src), "odd\udcff name.txt")) == odd
    assert os.path.join(str(src), "odd\udcff name.txt") in sources
    with sqlite3.connect(out / MANIFEST_NAME) as db:
        keys = {row[0] for row in db.execute("SELECT rel FROM outputs")}
    assert keys == {"plain.txt", b"odd\xff name.txt"}

    again = run_batch(src, out, Options(), BatchConfig(jobs=1))
    assert again.status["up-to-date"] == 2


def _tar_with_hostile_members(path):
    with tarfile.open(path, "w") as tf:

        def add(name, data=b"", **fields):
            info = tarfile.TarInfo(name)
            info.size = len(data)
            for key, value in fields.items():
                setattr(info, key, value)
            tf.addfile(info, io.BytesIO(data) if data else None)

        add("good.txt", b"Plain words here.\n")
        add("../escape.txt", b"Out of the tree.\n")
        add("/etc/absolute.txt", b"Rooted.\n")
        add("link.txt", type=tarfile.SYMTYPE, linkname="/etc/passwd")
        add("hard.txt", type=tarfile.LNKTYPE, linkname="good.txt")
        add("tty", type=tarfile.CHRTYPE, devmajor=4, devminor=1)
        add(".hidden.txt", b"Passed over, as in a folder.\n")


def _zip_with_hostile_members(path):
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("good.txt", "Plain words here.\n")
        zf.writestr("../escape.txt", "Out of the tree.\n")
        zf.writestr("/abs.txt", "Rooted.\n")
        link = zipfile.ZipInfo("link.txt")
        link.external_attr = (0o120777 << 16)
        zf.writestr(link, "/etc/passwd")


@pytest.mark.parametrize("kind", ["tar", "zip"])
def test_archive_members_not_written_are_reported_and_counted_as_skipped(tmp_path, kind):
    archive = tmp_path / f"hostile.{kind}"
    (_tar_with_hostile_members if kind == "tar" else _zip_with_hostile_members)(archive)
    report = tmp_path / "report.jsonl"

    summary = run_batch(archive, tmp_path / "out", Options(), BatchConfig(jobs=1, report=str(report)))

    records = {
        json.loads(line)["source"].split(":", 1)[1]: json.loads(line)
        for line in report.read_text(encoding="utf-8").splitlines()
    }
    expected = {"../escape.txt": "'..'", "link.txt": "symbolic link"}
    expected.update({"/etc/absolute.txt": "absolute", "hard.txt": "hard link", "tty": "device"}
                    if kind == "tar" else {"/abs.txt": "absolute"})
    for name, reason in expected.items():
        assert records[name]["status"] == "skipped", name
        assert reason in records[name]["error"], (name, records[name]["error"])
    assert summary.status["skipped"] == len(expected)
    assert records["good.txt"]["status"] == "converted"
    assert ".hidden.txt" not in records
    assert sorted(p.name for p in (tmp_path / "out").iterdir() if not p.name.startswith(".")) == ["good.md"]
    assert not (tmp_path / "escape.md").exists()
