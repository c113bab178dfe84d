"""Convert a whole folder (or a .zip/.tar archive) into a mirrored tree of outputs.

``tidyink convert SRC_DIR -o OUT_DIR`` is :func:`run_batch`. The work unit is a
file and the work is :func:`tidyink.batch.work.convert_file`: pure, picklable, and
it never raises (every problem becomes a record), so the same function runs inline,
in a local process pool or on a Dask cluster, and gives byte-identical outputs on each.

A batch makes two passes over SRC. The first, cheap one decodes every file and
counts its capitalised words (:func:`tidyink.names.count_names`); the merged
counts reach every conversion as ``state[tidyink.names.STATE_KEY]`` so the lint
rules can learn character names from the whole folder. The second converts,
writing each output atomically and recording it in a manifest in OUT_DIR
(keyed by the input's content hash, the options and the tidyink version) so
that a rerun only redoes what is missing or out of date.
"""

from __future__ import annotations

import os
import signal
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tidyink.archive_names import is_archive
from tidyink.batch.interrupts import held
from tidyink.batch.walk import Blob, Item, Selector, read_members, walk_archive, walk_folder
from tidyink.batch.warm import Sample, sample_files, sample_names, shares_with_workers, total_size, warm_up
from tidyink.batch.work import DEFAULT_MAX_SIZE, convert_job, count_job, too_large
from tidyink.errors import UsageError
from tidyink.options import Options

NAMES_LIMIT = 500_000  # distinct names shared with the workers; the most frequent are kept
COUNT_HERE = 1 << 20  # bytes of the first files a local pool's parent counts itself


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
        self.suffix = {"markdown": ".md", "epub": ".epub"}.get(options.to, ".txt")
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
                        reason=too_large(item.size, limit),
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
    from tidyink.batch.engines import make_engine
    from tidyink.batch.manifest import remove_stale_temporaries
    from tidyink.batch.report import ReportWriter, Summary

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
        _convert_all(batch, engine, manifest, report, summary)
        ok = True
    except KeyboardInterrupt as exc:  # Ctrl-C or SIGTERM: keep what is done, stop quietly
        _ignore_interrupts()
        summary.interrupted = 128 + getattr(exc, "signum", signal.SIGINT)
        ok = True  # the report of the files done is kept
    finally:
        report.close(keep=ok)
        if manifest is not None:
            manifest.close()
        if engine is not None:
            _close_quietly(engine, loud=not summary.interrupted)
    summary.seconds = time.perf_counter() - started
    return summary


def _ignore_interrupts() -> None:
    """A second Ctrl-C while the batch shuts down would only print a traceback."""
    import contextlib

    with contextlib.suppress(ValueError):  # not the main thread: nothing to change
        signal.signal(signal.SIGINT, signal.SIG_IGN)


def _close_quietly(engine: Any, loud: bool) -> None:
    """Close the engine; after an interruption, without Dask's shutdown chatter."""
    if loud:
        engine.close()
        return
    import contextlib
    import logging

    for name in ("distributed", "tornado", "asyncio"):
        logging.getLogger(name).setLevel(logging.CRITICAL + 1)
    with contextlib.suppress(Exception):
        engine.close()


def _convert_all(batch: _Batch, engine: Any, manifest: Any, report: Any, summary: Any) -> None:
    """Both passes of a batch, feeding each record to the manifest, report and summary."""
    from tidyink.batch.report import Progress

    options, config = batch.options, batch.config
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
            with held():  # manifest, report and summary agree on the files done
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
                if item.rel in done_here:
                    continue
                if item.status or source is None or item.out_rel is None:
                    finish(_walk_record(batch, item), item.rel, None)
                else:
                    args = _job_args(batch, manifest, item, source)
                    yield (item.rel, item.out_rel, batch.display(item), item.size), args

        done_here: set[str] = set()  # files the warm-up converted
        if engine.name == "dask":
            warm_up(engine, options, sample_names(batch.items()))
        elif shares_with_workers(engine):
            for item, record in _warm_up_pool(batch, engine, manifest, state):
                finish(record, item.rel, item.out_rel)
                done_here.add(item.rel)
        remote = engine.name == "dask"
        outcomes = engine.run(convert_job, jobs(), state, weigh=lambda job: job[0][3])
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


def _job_args(batch: _Batch, manifest: Any, item: Item, source: Any) -> tuple[Any, ...]:
    """What :func:`convert_job` is given for ``item`` (read from ``source``)."""
    config = batch.config
    previous = None
    if not config.force:
        row = manifest.get(item.rel)
        if row and row[1] == item.out_rel and row[2]:
            previous = (row[0], row[2])
    dst = os.path.join(batch.out, *(item.out_rel or "").split("/"))
    return (source, dst, batch.options, batch.display(item), previous, config.max_size)


def _warm_up_pool(
    batch: _Batch, engine: Any, manifest: Any, state: dict[str, Any] | None
) -> list[tuple[Item, dict[str, Any]]]:
    """Before a local pool forks its workers: convert a sample of the batch's files here
    (see :func:`tidyink.batch.warm.sample_files`), for real, so that the workers share
    what converting them loaded; return them with their records. The bytes of a
    sample that was up to date, and a made-up text in place of one that could not be
    converted (binary, say), are converted for the warm-up alone."""
    samples = sample_files(batch.items(), batch.config.max_size)
    done: list[tuple[Item, dict[str, Any]]] = []
    rest = []
    for sample in samples:
        item = sample.item
        if item is not None and item.out_rel is not None:
            record = convert_job(*_job_args(batch, manifest, item, item.source), state)
            if record["status"] == "up-to-date":
                rest.append(sample)
                continue
            done.append((item, record))
            if record["status"] != "converted":
                rest.append(Sample.made_up(item.rel))
            continue
        rest.append(sample)
    converted = sum(record.get("bytes_in") or 0 for _item, record in done if record["status"] == "converted")
    per_worker = total_size(batch.items()) // max(1, engine.workers)
    warm_up(engine, batch.options, samples=tuple(rest), state=state, per_worker=per_worker, converted=converted)
    return done


_NOT_SHARED = (
    "the Dask worker wrote the output where this machine cannot see it: "
    "input and output folders must be on storage shared by every worker, at the same path"
)

def _open_manifest(out: str) -> Any:
    import sqlite3

    from tidyink.batch.manifest import Manifest

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


def _count_here(
    jobs: Iterator[tuple[Any, tuple[Any, ...]]], merged: Counter[str], progress: Any
) -> Iterator[tuple[Any, tuple[Any, ...]]] | None:
    """Count the first files of ``jobs`` in this process, up to :data:`COUNT_HERE` bytes
    (starting a pool costs more than counting them); the jobs left, or None when none is."""
    from itertools import chain

    done = 0
    for size, args in jobs:
        if done >= COUNT_HERE:
            return chain([(size, args)], jobs)
        counts = count_job(*args, None)
        if counts:
            merged.update(counts)
        progress.update(size)
        done += size
    return None


def _count_names(batch: _Batch, engine: Any) -> tuple[Counter[str], int]:
    """The first pass: capitalised words of every file, merged; and the number of items."""
    from tidyink.batch.report import Progress

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
        rest = _count_here(jobs(), merged, progress) if engine.name == "local" else jobs()
        # (a local pool sends several small files a task, and reruns alone the files of a
        # worker that died: only the file that killed it goes uncounted)
        outcomes = engine.run(count_job, rest, None, weigh=lambda j: j[0]) if rest is not None else iter(())
        for size, counts, _error in outcomes:
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
