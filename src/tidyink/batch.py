"""Convert a whole folder (or a .zip/.tar archive) into a mirrored tree of outputs.

``tidyink convert SRC_DIR -o OUT_DIR`` is :func:`run_batch`. The work unit is a
file and the work is :func:`convert_file`: pure, picklable, and it never raises
(every problem becomes a record), so the same function runs inline, in a local
process pool or on a Dask cluster, and gives byte-identical outputs on each.

A batch makes two passes over SRC. The first, cheap one decodes every file and
counts its capitalised words (:func:`tidyink.names.count_names`); the merged
counts reach every conversion as ``state[tidyink.names.STATE_KEY]`` so the lint
rules can learn character names from the whole folder. The second converts,
writing each output atomically and recording it in a manifest in OUT_DIR
(keyed by the input's content hash, the options and the tidyink version) so
that a rerun only redoes what is missing or out of date.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from tidyink import __version__
from tidyink._batch_walk import (
    Blob,
    Item,
    Member,
    Selector,
    is_archive,
    read_members,
    walk_archive,
    walk_folder,
)
from tidyink.errors import UsageError
from tidyink.options import Options

__all__ = [
    "BatchConfig",
    "Blob",
    "Member",
    "convert_file",
    "count_file",
    "is_batch_input",
    "options_key",
    "run_batch",
]

DEFAULT_MAX_SIZE = 64 * 1024 * 1024  # bytes; a larger file is reported, not read
NAMES_LIMIT = 500_000  # distinct names shared with the workers; the most frequent are kept


@dataclass(frozen=True)
class BatchConfig:
    """How a batch runs (not what a conversion does: that is :class:`Options`)."""

    jobs: int | None = None  # None or 0: every core; 1: inline in this process
    engine: str = "local"  # local | dask
    scheduler: str | None = None  # Dask scheduler address; None: start a LocalCluster
    force: bool = False  # redo every file, even those the manifest says are up to date
    include: tuple[str, ...] = ()  # globs on paths relative to SRC; none: every file
    exclude: tuple[str, ...] = ()
    report: str | None = None  # JSON Lines file, one record per file
    progress: bool | None = None  # None: a progress bar only when stderr is a terminal
    max_size: int = DEFAULT_MAX_SIZE
    window: int | None = None  # tasks in flight; None: 4 per worker
    names: bool = True  # count names across the folder first (only when linting)


def is_batch_input(path: str | Path) -> bool:
    """Whether ``path`` is a folder or an archive that a batch can read."""
    return os.path.isdir(path) or is_archive(path)


# ---------------------------------------------------------------- the work unit


def options_key(options: Options) -> str:
    """A stable fingerprint of everything that shapes an output: options and version."""
    fields = json.dumps(asdict(options), sort_keys=True, default=str, ensure_ascii=True)
    return hashlib.sha256(f"tidyink {__version__}\n{fields}".encode()).hexdigest()


def _key(input_sha: str, opts_key: str) -> str:
    return hashlib.sha256(f"{input_sha}\n{opts_key}".encode()).hexdigest()


def _read(src: str | Blob | Member, max_size: int) -> bytes:
    """The input bytes; a file over ``max_size`` is refused before it is read."""
    from tidyink.errors import InputError

    if isinstance(src, Blob):
        return src.data
    if isinstance(src, Member):
        items = read_members(src.archive, [Item(src.name, src)])
        return next(items)[1] or b""
    try:
        size = os.stat(src).st_size
    except OSError as exc:
        raise InputError(f"{src}: cannot read ({exc.strerror})") from None
    if size > max_size:
        raise InputError(
            f"{src}: too large ({size:,} bytes; the limit is {max_size:,}, see --max-size)"
        )
    from tidyink.api import read_bytes

    return read_bytes(src)


def _too_large(size: int, limit: int) -> str:
    return f"too large ({size:,} bytes; the limit is {limit:,}, see --max-size)"


def _sha256_file(path: str) -> str | None:
    digest = hashlib.sha256()
    try:
        with open(path, "rb") as handle:
            for chunk in iter(lambda: handle.read(1 << 20), b""):
                digest.update(chunk)
    except OSError:
        return None
    return digest.hexdigest()


def convert_file(
    src: str | Blob | Member,
    dst: str,
    options: Options,
    state: dict[str, Any] | None = None,
    *,
    name: str | None = None,
    previous: tuple[str, str] | None = None,
    max_size: int = DEFAULT_MAX_SIZE,
) -> dict[str, Any]:
    """Convert one file to ``dst`` (written atomically) and return its report record.

    Never raises: an unreadable, binary, undecodable or too large input, or a
    filter that crashes, gives a record with ``status`` "skipped" (binary, not
    text) or "failed" and the reason in ``error``. ``previous`` is the
    (key, output sha256) the manifest holds: when the input, options and version
    hash to the same key and ``dst`` still has that content, nothing is done and
    the status is "up-to-date". ``name`` is how the input is named in the
    record, in findings and for format detection (default: ``str(src)``).
    """
    from tidyink.errors import BinaryInputError, TidyinkError

    start = time.perf_counter()
    display = name or str(src)
    record: dict[str, Any] = {"source": display, "output": None, "status": "failed", "error": None}
    try:
        data = _read(src, max_size)
        record["bytes_in"] = len(data)
        input_sha = hashlib.sha256(data).hexdigest()
        key = _key(input_sha, options_key(options))
        record["key"] = key
        if previous and previous[0] == key and _sha256_file(dst) == previous[1]:
            record.update(status="up-to-date", output=dst, output_sha256=previous[1])
            return record
        from tidyink.api import convert

        state = dict(state) if state is not None else {}  # a filter may add keys: keep ours clean
        result = convert(data, path=display, options=options, state=state)
        out = result.text.encode("utf-8")
        from tidyink.fileio import atomic_write

        os.makedirs(os.path.dirname(dst) or ".", exist_ok=True)
        # No fsync: a kill cannot leave a partial file, and after a power cut a rerun
        # sees the output hash differ from the manifest's and converts the file again.
        atomic_write(dst, out, durable=False)
        source = result.source
        record.update(
            status="converted",
            output=dst,
            encoding=source.encoding,
            confidence=source.confidence,
            detected_by=source.detected_by,
            format=result.input_format,
            bytes_out=len(out),
            output_sha256=hashlib.sha256(out).hexdigest(),
            changes=dict(sorted(Counter(c.filter for c in result.changes).items())),
            findings=[
                {
                    "code": f.code,
                    "line": f.line,
                    "column": f.column,
                    "severity": f.severity,
                    "message": f.message,
                    "suggestions": list(f.suggestions),
                }
                for f in result.findings
            ],
        )
    except BinaryInputError as exc:
        record.update(status="skipped", error=_strip(str(exc), display))
    except TidyinkError as exc:
        record["error"] = _strip(str(exc), display)
    except OSError as exc:
        record["error"] = f"cannot write {dst} ({exc.strerror or exc})"
    except Exception as exc:  # a crash in a filter or rule must not stop the batch
        record["error"] = f"internal error: {type(exc).__name__}: {exc}"[:500]
    finally:
        record["seconds"] = round(time.perf_counter() - start, 4)
    return record


def _strip(message: str, display: str) -> str:
    """Errors name the file; the record already does, so keep just the reason."""
    for prefix in (f"{display}: ",):
        if message.startswith(prefix):
            return message[len(prefix) :]
    return message.split(": ", 1)[-1] if ": " in message else message


def count_file(
    src: str | Blob | Member, options: Options, max_size: int = DEFAULT_MAX_SIZE
) -> Counter[str] | None:
    """The capitalised words of one file (the cheap first pass); None if it cannot be decoded."""
    from tidyink.names import count_names

    try:
        data = _read(src, max_size)
        from tidyink.api import load

        return count_names(load(data, encoding=options.encoding).text)
    except Exception:  # the conversion pass reports the problem
        return None


def _count_job(src: Any, options: Options, max_size: int, _shared: Any) -> Counter[str] | None:
    return count_file(src, options, max_size)


def _convert_job(
    src: Any,
    dst: str,
    options: Options,
    name: str,
    previous: tuple[str, str] | None,
    max_size: int,
    state: dict[str, Any] | None,
) -> dict[str, Any]:
    return convert_file(src, dst, options, state, name=name, previous=previous, max_size=max_size)


# ---------------------------------------------------------------- the batch


def check_folders(src: str | Path, out: str | Path) -> None:
    """Refuse an OUT_DIR equal to SRC, inside it, or containing it."""
    from tidyink.errors import InputError

    if not os.path.exists(src):
        raise InputError(f"{src}: no such file or folder")
    if not out or str(out) == "-":
        raise UsageError(f"{src}: a folder or archive needs an output folder (-o OUT_DIR)")
    if os.path.exists(out) and not os.path.isdir(out):
        raise UsageError(f"{out}: exists and is not a folder")
    if os.path.isdir(src):
        real_src, real_out = os.path.realpath(src), os.path.realpath(out)
        if real_out == real_src:
            raise UsageError(f"{out}: is the input folder; outputs must go to another folder")
        if real_out.startswith(real_src.rstrip(os.sep) + os.sep):
            raise UsageError(f"{out}: is inside the input folder {src}; choose a folder outside it")
        if real_src.startswith(real_out.rstrip(os.sep) + os.sep):
            raise UsageError(f"{out}: contains the input folder {src}; choose another folder")


class _Batch:
    """One run: the walk, both passes, the manifest, the report and the summary."""

    def __init__(self, src: str, out: str, options: Options, config: BatchConfig) -> None:
        self.src, self.out, self.options, self.config = src, out, options, config
        self.archive = not os.path.isdir(src)
        self.suffix = ".md" if options.to == "markdown" else ".txt"
        self.selector = Selector(config.include, config.exclude)

    def items(self) -> Iterator[Item]:
        if self.archive:
            return walk_archive(self.src, self.selector, self.suffix)
        return walk_folder(self.src, self.selector, self.suffix, avoid=self.out)

    def display(self, item: Item) -> str:
        if self.archive:
            return f"{self.src}:{item.rel}"
        return os.path.join(self.src, *item.rel.split("/")) if item.rel else self.src

    def sources(self, items: Iterable[Item]) -> Iterator[tuple[Item, Any]]:
        """Each item with what the worker reads: a path, or an archive member's bytes."""
        limit = self.config.max_size
        if not self.archive:
            for item in largest_first(items):
                yield item, item.source
            return

        def sized() -> Iterator[Item]:
            for item in items:
                if item.source is not None and item.size > limit:
                    yield Item(
                        item.rel,
                        None,
                        item.size,
                        status="failed",
                        reason=_too_large(item.size, limit),
                    )
                else:
                    yield item

        for item, data in read_members(self.src, sized()):
            yield item, (Blob(self.display(item), data) if data is not None else None)


def largest_first(items: Iterable[Item], lookahead: int = 256) -> Iterator[Item]:
    """``items`` reordered largest first within a bounded look-ahead.

    Starting big files early keeps workers busy to the end instead of waiting
    on one large file started last; the order never changes an output, and the
    buffer keeps memory bounded.
    """
    import heapq

    heap: list[tuple[int, int, Item]] = []
    for n, item in enumerate(items):
        heapq.heappush(heap, (-item.size, n, item))
        if len(heap) > lookahead:
            yield heapq.heappop(heap)[2]
    while heap:
        yield heapq.heappop(heap)[2]


def _walk_record(batch: _Batch, item: Item) -> dict[str, Any]:
    return {
        "source": batch.display(item),
        "output": None,
        "status": item.status or "failed",
        "error": item.reason,
        "bytes_in": item.size,
        "seconds": 0.0,
    }


def run_batch(
    src: str | Path,
    out: str | Path,
    options: Options | None = None,
    config: BatchConfig | None = None,
):
    """Convert every text file under ``src`` into the mirrored tree ``out``; return the Summary.

    ``src`` is a folder, a .zip or a .tar(.gz/.bz2/.xz) archive (read without
    unpacking). Raises a ``TidyinkError`` only when the batch cannot start
    (bad folders, unknown options, Dask missing); a file's failure is in the
    summary and the report, never an exception.
    """
    from tidyink import pipeline
    from tidyink._batch_engines import make_engine
    from tidyink._batch_manifest import remove_stale_temporaries
    from tidyink._batch_report import Progress, ReportWriter, Summary

    options = options or Options()
    config = config or BatchConfig()
    src, out = os.fspath(src), os.fspath(out)
    check_folders(src, out)
    pipeline.select_filters(options)  # unknown names fail before any work
    pipeline.select_rules(options)
    batch = _Batch(src, out, options, config)
    try:
        os.makedirs(out, exist_ok=True)
    except OSError as exc:
        raise UsageError(f"{out}: cannot create the output folder ({exc.strerror})") from None
    remove_stale_temporaries(out)
    try:
        report = ReportWriter(config.report)
    except OSError as exc:
        raise UsageError(f"{config.report}: cannot write the report ({exc.strerror})") from None
    manifest = engine = None
    summary = Summary()
    started = time.perf_counter()
    ok = False
    try:
        manifest = _open_manifest(out)
        engine = make_engine(config.engine, config.jobs, config.scheduler, config.window)
        _warm_up(engine, options)
        summary.engine, summary.workers = engine.name, engine.workers
        total: int | None = None
        state = None
        if options.lint and config.names:
            names, total = _count_names(batch, engine)
            state = {_state_key(): names}
        elif config.progress or (config.progress is None and _tty()):
            total = sum(1 for _ in batch.items())
        progress = Progress(config.progress, total, "converting")
        try:

            def finish(record: dict[str, Any], rel: str, out_rel: str | None) -> None:
                if record["status"] == "up-to-date":
                    stored = manifest.record(rel) or {}
                    record = {**stored, **record}
                elif record["status"] == "converted" and out_rel is not None:
                    manifest.put(rel, record["key"], out_rel, record["output_sha256"], record)
                else:
                    manifest.drop(rel)
                summary.add(record)
                report.write(record)
                progress.update(record.get("bytes_in") or 0)

            def jobs() -> Iterator[tuple[Any, tuple[Any, ...]]]:
                for item, source in batch.sources(batch.items()):
                    if item.status or source is None or item.out_rel is None:
                        finish(_walk_record(batch, item), item.rel, None)
                        continue
                    previous = None
                    if not config.force:
                        row = manifest.get(item.rel)
                        if row and row[1] == item.out_rel and row[2]:
                            previous = (row[0], row[2])
                    dst = os.path.join(out, *item.out_rel.split("/"))
                    args = (source, dst, options, batch.display(item), previous, config.max_size)
                    yield (item.rel, item.out_rel, batch.display(item), item.size), args

            remote = engine.name == "dask"
            outcomes = engine.run(_convert_job, jobs(), state, weigh=lambda job: job[0][3])
            for (rel, out_rel, display, _size), record, error in outcomes:
                if error is not None:
                    record = {"source": display, "output": None, "status": "failed", "error": error}
                elif (
                    remote
                    and record["status"] == "converted"
                    and not os.path.exists(record["output"])
                ):
                    record = {**record, "status": "failed", "error": _NOT_SHARED}
                finish(record, rel, out_rel)
        finally:
            progress.close()
        ok = True
    finally:
        report.close(keep=ok)
        if manifest is not None:
            manifest.close()
        if engine is not None:
            engine.close()
    summary.seconds = time.perf_counter() - started
    return summary


_NOT_SHARED = (
    "the Dask worker wrote the output where this machine cannot see it: "
    "input and output folders must be on storage shared by every worker, at the same path"
)

_WARM_UP = "Chapter One\n\nZoë said... “Wait—the cafÃ© isn’t open.”\n".encode()


def _warm_up(engine: Any, options: Options) -> None:
    """Load the lazily imported libraries (ftfy, word lists...) before the files arrive.

    Forked pool workers then share what the parent loaded instead of each loading
    its own copy; Dask workers load them once, up front, so that no file's
    timing includes them. Outputs are unaffected.
    """
    import multiprocessing

    if engine.name == "dask":
        import contextlib

        with contextlib.suppress(Exception):
            engine.client.run(_warm_up_here, options)
    elif engine.name == "local" and multiprocessing.get_start_method() == "fork":
        _warm_up_here(options)


def _warm_up_here(options: Options) -> None:
    import contextlib

    from tidyink.api import convert

    with contextlib.suppress(Exception):  # the real files will report whatever this would
        convert(_WARM_UP, path="warm-up.txt", options=options, state={})


def _open_manifest(out: str) -> Any:
    import sqlite3

    from tidyink._batch_manifest import Manifest

    try:
        return Manifest(out)
    except sqlite3.Error as exc:
        raise UsageError(f"{out}: cannot open the manifest ({exc})") from None


def _state_key() -> str:
    from tidyink.names import STATE_KEY

    return STATE_KEY


def _tty() -> bool:
    import sys

    return sys.stderr.isatty()


def _count_names(batch: _Batch, engine: Any) -> tuple[Counter[str], int]:
    """The first pass: capitalised words of every file, merged; and the number of items."""
    from tidyink._batch_report import Progress

    counted = 0
    merged: Counter[str] = Counter()

    def jobs() -> Iterator[tuple[Any, tuple[Any, ...]]]:
        nonlocal counted
        for item, source in batch.sources(batch.items()):
            counted += 1
            if source is not None and not item.status:
                yield item.size, (source, batch.options, batch.config.max_size)

    progress = Progress(batch.config.progress, None, "counting names")
    try:
        for size, counts, _error in engine.run(_count_job, jobs(), None, weigh=lambda j: j[0]):
            if counts:
                merged.update(counts)
            progress.update(size)
    finally:
        progress.close()
    if len(merged) > NAMES_LIMIT:  # bound what every worker holds; ties broken by name
        top = sorted(merged.items(), key=lambda kv: (-kv[1], kv[0]))[:NAMES_LIMIT]
        merged = Counter(dict(top))
    # Sorted, so that every engine and worker count hands the rules the same Counter
    # (equal counts and the same iteration order, hence the same most_common()).
    return Counter(dict(sorted(merged.items()))), counted


def run_cli(
    src: str,
    out: str | None,
    to: str | None,
    overrides: dict[str, Any],
    *,
    quiet: bool = False,
    jobs: int | None = None,
    engine: str = "local",
    scheduler: str | None = None,
    report: str | None = None,
    force: bool = False,
    include: tuple[str, ...] = (),
    exclude: tuple[str, ...] = (),
    max_size: int | None = None,
    base: Options | None = None,
) -> int:
    """What ``tidyink convert SRC_DIR -o OUT_DIR`` does; returns the exit code.

    ``base`` holds the settings from configuration files; ``overrides`` win over them.
    """
    import sys

    from tidyink.api import resolve_options

    options = resolve_options(base, to=to, **overrides)
    config = BatchConfig(
        jobs=jobs,
        engine=engine,
        scheduler=scheduler,
        force=force,
        include=tuple(include),
        exclude=tuple(exclude),
        report=report,
        progress=False if quiet else None,
        max_size=max_size or DEFAULT_MAX_SIZE,
    )
    import signal

    def stop(signum: int, _frame: Any) -> None:  # SIGTERM: finish cleanly, like Ctrl-C
        raise SystemExit(128 + signum)

    previous = signal.signal(signal.SIGTERM, stop)
    try:
        summary = run_batch(src, out or "", options, config)
    finally:
        signal.signal(signal.SIGTERM, previous)
    if not quiet:
        print(f"tidyink: {src} -> {out}", file=sys.stderr)
        print(summary.table(), file=sys.stderr)
    return 1 if summary.failed else 0
