"""The manifest kept in OUT_DIR: which output was made from which input, with which options.

An SQLite file (standard library, crash-safe, looked up on disk so the batch
never holds one row per file in memory). A row is written only after its
output file has been renamed into place; a run killed before a commit just
redoes those files, producing the same bytes.
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import time
from pathlib import Path
from typing import Any

MANIFEST_NAME = ".tidyink-manifest.sqlite"
TEMP_SUFFIX = ".tidyink-tmp"  # what fileio.atomic_write leaves behind if killed mid-write

_SCHEMA = """
CREATE TABLE IF NOT EXISTS outputs (
    rel TEXT PRIMARY KEY,      -- input path relative to SRC
    key TEXT NOT NULL,         -- hash of input bytes + options + tidyink version
    output TEXT,               -- output path relative to OUT_DIR
    output_sha256 TEXT,
    record TEXT NOT NULL       -- the report record of the run that made it (JSON)
)
"""


def _key(text: str | None) -> str | bytes | None:
    """``text`` as SQLite stores it: a file name with undecodable bytes (surrogate
    escapes) becomes its raw bytes, a BLOB no TEXT value can equal, so nothing is lost."""
    if text is None:
        return None
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return text.encode("utf-8", "surrogateescape")
    return text


def _text(value: str | bytes | None) -> str | None:
    if isinstance(value, bytes):
        return value.decode("utf-8", "surrogateescape")
    return value


def dumps(record: dict[str, Any]) -> str:
    """A record as JSON; lone surrogates (undecodable file-name bytes) as ``\\udcXX``."""
    line = json.dumps(record, ensure_ascii=False, default=str)
    try:
        line.encode("utf-8")
    except UnicodeEncodeError:
        line = json.dumps(record, default=str)  # ASCII escapes: lossless, and valid UTF-8
    return line


class Manifest:
    """Rows keyed by input path; commits every ``every`` rows or ``seconds``."""

    def __init__(self, out_dir: str | Path, every: int = 100, seconds: float = 0.5) -> None:
        self.path = Path(out_dir) / MANIFEST_NAME
        self.db = sqlite3.connect(self.path)
        self.db.execute(_SCHEMA)
        self.db.commit()
        self.every, self.seconds = every, seconds
        self._pending, self._last = 0, time.monotonic()

    def get(self, rel: str) -> tuple[str, str | None, str | None] | None:
        """(key, output rel, output sha256) of the last conversion of ``rel``."""
        row = self.db.execute(
            "SELECT key, output, output_sha256 FROM outputs WHERE rel = ?", (_key(rel),)
        ).fetchone()
        return (row[0], _text(row[1]), row[2]) if row else None

    def record(self, rel: str) -> dict[str, Any] | None:
        row = self.db.execute("SELECT record FROM outputs WHERE rel = ?", (_key(rel),)).fetchone()
        return json.loads(row[0]) if row else None

    def put(self, rel: str, key: str, output: str, sha: str, record: dict[str, Any]) -> None:
        self.db.execute(
            "INSERT OR REPLACE INTO outputs VALUES (?, ?, ?, ?, ?)",
            (_key(rel), key, _key(output), sha, dumps(record)),
        )
        self._tick()

    def drop(self, rel: str) -> None:
        self.db.execute("DELETE FROM outputs WHERE rel = ?", (_key(rel),))
        self._tick()

    def _tick(self) -> None:
        self._pending += 1
        if self._pending >= self.every or time.monotonic() - self._last > self.seconds:
            self.commit()

    def commit(self) -> None:
        self.db.commit()
        self._pending, self._last = 0, time.monotonic()

    def close(self) -> None:
        with contextlib.suppress(sqlite3.Error):
            self.commit()
        self.db.close()


def remove_stale_temporaries(out_dir: str | Path) -> int:
    """Delete the temporary files a killed run left in OUT_DIR; return how many."""
    removed = 0
    for folder, _, files in os.walk(out_dir):
        for name in files:
            if name.startswith(".") and name.endswith(TEMP_SUFFIX):
                with contextlib.suppress(OSError):
                    os.unlink(os.path.join(folder, name))
                    removed += 1
    return removed
