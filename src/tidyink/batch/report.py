"""What a batch shows while it runs (a progress bar) and when it ends (a summary).

Memory stays bounded whatever the number of files: counters keyed by encoding,
filter and rule, a small heap of the slowest files, the first few failures.
"""

from __future__ import annotations

import heapq
import os
import sys
import tempfile
from collections import Counter
from pathlib import Path
from typing import IO, Any

STATUSES = ("converted", "up-to-date", "skipped", "failed")


def human_bytes(n: float) -> str:
    for unit in ("B", "kB", "MB", "GB"):
        if abs(n) < 1000 or unit == "GB":
            return f"{n:.0f} {unit}" if unit == "B" else f"{n:.1f} {unit}"
        n /= 1000
    return f"{n:.1f} GB"


class Summary:
    """Totals of a batch, fed one record at a time."""

    def __init__(self, slowest: int = 5, failures: int = 20) -> None:
        self.status: Counter[str] = Counter()
        self.bytes_in = 0
        self.bytes_out = 0
        self.encodings: Counter[str] = Counter()
        self.formats: Counter[str] = Counter()
        self.changes: Counter[str] = Counter()
        self.findings: Counter[str] = Counter()
        self.skip_reasons: Counter[str] = Counter()
        self._slowest: list[tuple[float, str]] = []
        self._keep_slowest = slowest
        self.failures: list[str] = []
        self._keep_failures = failures
        self.seconds = 0.0
        self.engine = ""
        self.workers = 0
        self.interrupted = 0  # the exit code (130 for Ctrl-C) when the batch was stopped
        self.internal = 0  # files failed by a bug (a crash, or the safety check)

    def add(self, record: dict[str, Any]) -> None:
        status = record["status"]
        self.status[status] += 1
        if status == "failed":
            self.internal += bool(record.get("internal"))
            if len(self.failures) < self._keep_failures:
                self.failures.append(f"{record['source']}: {record.get('error')}")
            return
        if status == "skipped":
            self.skip_reasons[_reason_kind(record.get("error") or "")] += 1
            return
        self.bytes_in += record.get("bytes_in") or 0
        self.bytes_out += record.get("bytes_out") or 0
        if record.get("encoding"):
            self.encodings[record["encoding"]] += 1
        if record.get("format"):
            self.formats[record["format"]] += 1
        # an up-to-date file's record is the stored one of the run that made it
        self.changes.update(record.get("changes") or {})
        self.findings.update(Counter(f["code"] for f in record.get("findings") or ()))
        if status == "converted":
            item = (float(record.get("seconds") or 0.0), record["source"])
            if len(self._slowest) < self._keep_slowest:
                heapq.heappush(self._slowest, item)
            else:
                heapq.heappushpop(self._slowest, item)

    @property
    def failed(self) -> int:
        return self.status["failed"]

    @property
    def slowest(self) -> list[tuple[float, str]]:
        return sorted(self._slowest, reverse=True)

    def as_dict(self) -> dict[str, Any]:
        return {
            "files": {s: self.status[s] for s in STATUSES},
            "bytes_in": self.bytes_in,
            "bytes_out": self.bytes_out,
            "encodings": dict(self.encodings.most_common()),
            "formats": dict(self.formats.most_common()),
            "changes": dict(self.changes.most_common()),
            "findings": dict(self.findings.most_common()),
            "skipped": dict(self.skip_reasons.most_common()),
            "slowest": [{"seconds": round(t, 3), "source": s} for t, s in self.slowest],
            "failures": list(self.failures),
            "seconds": round(self.seconds, 3),
            "engine": self.engine,
            "workers": self.workers,
        }

    def table(self, color: bool = False) -> str:
        """The end-of-run summary, as aligned plain-text rows (readable in CI logs too);
        ``color``: labels in bold, failures in red (ANSI, for a terminal)."""
        rate = ""
        if self.seconds > 0:
            done = self.status["converted"] + self.status["up-to-date"]
            rate = (
                f"  ({done / self.seconds:.1f} files/s, "
                f"{self.bytes_in / 1e6 / self.seconds:.2f} MB/s)"
            )
        rows: list[tuple[str, str]] = [
            ("files", " · ".join(f"{self.status[s]} {s}" for s in STATUSES)),
            ("bytes", f"{human_bytes(self.bytes_in)} in → {human_bytes(self.bytes_out)} out{rate}"),
            ("time", f"{self.seconds:.2f} s on {self.workers} worker(s), {self.engine} engine"),
            ("encodings", _histogram(self.encodings)),
            ("formats", _histogram(self.formats)),
            ("repairs", _histogram(self.changes)),
            ("findings", _histogram(self.findings)),
        ]
        if self.skip_reasons:
            rows.append(("skipped", _histogram(self.skip_reasons)))
        for i, (seconds, source) in enumerate(self.slowest):
            rows.append(("slowest" if i == 0 else "", f"{seconds:6.2f} s  {source}"))
        for i, line in enumerate(self.failures):
            rows.append(("failed" if i == 0 else "", line))
        if self.failed > len(self.failures):
            rows.append(("", f"... and {self.failed - len(self.failures)} more (see --report)"))
        width = max(len(k) for k, _ in rows)
        if not color:
            return "\n".join(f"  {k:<{width}}  {v}" for k, v in rows)
        import click

        failing = {"failed"} if self.failed else set()
        return "\n".join(
            f"  {click.style(f'{k:<{width}}', bold=True, fg='red' if k in failing else None)}  {v}" for k, v in rows
        )


def _histogram(counter: Counter[str], top: int = 8) -> str:
    if not counter:
        return "-"
    items = counter.most_common()
    shown = " · ".join(f"{k} {n}" for k, n in items[:top])
    rest = sum(n for _, n in items[top:])
    return shown + (f" · others {rest}" if rest else "")


def _reason_kind(reason: str) -> str:
    """A short, groupable form of a skip reason: 'binary file', 'not a text file type (.jpg)'."""
    head = reason.split(" (")[0] if reason.startswith("binary") else reason
    return head.split(": ")[-1]


class ReportWriter:
    """JSON Lines, one record per file, renamed into place when the batch ends."""

    def __init__(self, path: str | Path | None) -> None:
        self.path = Path(path) if path else None
        self._handle: IO[str] | None = None
        self._tmp: str | None = None
        if self.path is not None:
            folder = self.path.parent if str(self.path.parent) else Path(".")
            folder.mkdir(parents=True, exist_ok=True)
            fd, self._tmp = tempfile.mkstemp(
                prefix=f".{self.path.name}.", suffix=".tidyink-tmp", dir=folder
            )
            from tidyink.fileio import new_file_mode

            os.chmod(self._tmp, new_file_mode())  # not mkstemp's 0600: the umask decides
            self._handle = os.fdopen(fd, "w", encoding="utf-8", newline="\n")

    def write(self, record: dict[str, Any]) -> None:
        if self._handle is None:
            return
        from tidyink.batch.manifest import dumps

        self._handle.write(dumps(record) + "\n")

    def close(self, keep: bool = True) -> None:
        if self._handle is None or self._tmp is None:
            return
        self._handle.close()
        self._handle = None
        if keep:
            os.replace(self._tmp, self.path)  # type: ignore[arg-type]
        else:
            os.unlink(self._tmp)


class Progress:
    """A tqdm bar with files/s and MB/s on a terminal; nothing otherwise."""

    def __init__(self, enabled: bool | None, total: int | None, desc: str) -> None:
        if enabled is None:
            enabled = sys.stderr.isatty()
        self.bar: Any = None
        self.bytes = 0
        if enabled:
            from tqdm import tqdm

            self.bar = tqdm(
                total=total,
                unit=" files",
                desc=desc,
                file=sys.stderr,
                dynamic_ncols=True,
                leave=False,
            )

    def update(self, nbytes: int) -> None:
        if self.bar is None:
            return
        self.bytes += nbytes
        elapsed = max(self.bar.format_dict.get("elapsed", 0.0), 1e-6)
        self.bar.set_postfix_str(f"{self.bytes / 1e6 / elapsed:.2f} MB/s", refresh=False)
        self.bar.unit = " file" if self.bar.n == 0 else " files"  # "1 file", "2 files"
        self.bar.update(1)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()
