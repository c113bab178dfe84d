"""Where the work units of a batch run: inline, a local process pool, or a Dask cluster.

Each engine runs ``fn(*args, shared)`` for a stream of ``(tag, args)`` and yields
``(tag, result, error)`` as tasks finish, keeping at most ``window`` tasks in
flight so that the parent's memory does not grow with the number of files.
``shared`` (the names counted across the folder) is sent to each worker once,
not with every task. ``error`` is a one-line description when the task itself
could not run (a worker process died); the work functions never raise.
"""

from __future__ import annotations

import contextlib
import logging
import os
import warnings
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from tidyink.errors import UsageError

Job = tuple[Any, tuple[Any, ...]]
Outcome = tuple[Any, Any, str | None]

_SHARED: Any = None  # set in each pool worker by _install


def cpu_count() -> int:
    try:
        return len(os.sched_getaffinity(0)) or 1
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def _install(shared: Any, parent: int) -> None:
    """Pool worker start-up: keep ``shared``; exit when the parent dies (even by SIGKILL)."""
    global _SHARED
    _SHARED = shared
    import signal
    import threading

    # Ctrl-C reaches the whole process group: the parent stops the batch and shuts
    # the pool down; a worker that raised too would only print a traceback.
    signal.signal(signal.SIGINT, signal.SIG_IGN)

    def watch() -> None:
        import time

        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(1)  # orphaned: nobody will ever collect our results

    threading.Thread(target=watch, name="tidyink-parent-watch", daemon=True).start()


def _call(fn: Callable[..., Any], args: tuple[Any, ...]) -> Any:
    return fn(*args, _SHARED)


def _call_chunk(fn: Callable[..., Any], args: list[tuple[Any, ...]]) -> list[Any]:
    return [fn(*a, _SHARED) for a in args]


class InlineEngine:
    """Everything in this process, one file after another (``--jobs 1``)."""

    name = "inline"
    workers = 1

    def run(
        self,
        fn: Callable[..., Any],
        jobs: Iterable[Job],
        shared: Any = None,
        weigh: Callable[[Job], int] | None = None,
    ) -> Iterator[Outcome]:
        for tag, args in jobs:
            yield tag, fn(*args, shared), None

    def close(self) -> None:
        pass


class PoolEngine:
    """A ``concurrent.futures`` process pool with a bounded number of tasks in flight."""

    name = "local"

    # With a ``weigh``, consecutive small files go in one task (up to ``chunk_bytes``
    # of input or ``chunk_files`` files): sending a task and its result costs the
    # parent and the worker more than converting a short chapter.
    chunk_bytes = 1 << 16
    chunk_files = 4

    def __init__(self, workers: int, window: int | None = None) -> None:
        self.workers = workers
        self.window = window or workers * 4

    def _pool(self, shared: Any) -> Any:
        from concurrent.futures import ProcessPoolExecutor

        return ProcessPoolExecutor(
            self.workers, initializer=_install, initargs=(shared, os.getpid())
        )

    def run(
        self,
        fn: Callable[..., Any],
        jobs: Iterable[Job],
        shared: Any = None,
        weigh: Callable[[Job], int] | None = None,
    ) -> Iterator[Outcome]:
        from concurrent.futures import FIRST_COMPLETED, wait
        from concurrent.futures.process import BrokenProcessPool

        pool = self._pool(shared)
        pending: dict[Any, list[Job]] = {}
        suspects: list[Job] = []
        stopped = False
        try:
            if weigh is None:
                source: Iterator[list[Job]] = ([job] for job in jobs)
            else:
                source = _chunks(jobs, weigh, self.chunk_bytes, self.chunk_files)
            exhausted = False
            while True:
                while not exhausted and len(pending) < self.window:
                    chunk = next(source, None)
                    if chunk is None:
                        exhausted = True
                        break
                    if len(chunk) == 1:
                        future = pool.submit(_call, fn, chunk[0][1])
                    else:
                        future = pool.submit(_call_chunk, fn, [job[1] for job in chunk])
                    pending[future] = chunk
                if not pending:
                    break
                done, _ = wait(pending, return_when=FIRST_COMPLETED)
                broken = False
                for future in done:
                    chunk = pending.pop(future)
                    try:
                        results = future.result()
                    except BrokenProcessPool:
                        broken = True
                        suspects.extend(chunk)
                        continue
                    if len(chunk) == 1:
                        yield chunk[0][0], results, None
                    else:
                        for job, result in zip(chunk, results, strict=True):
                            yield job[0], result, None
                if broken:  # a worker died (killed, out of memory, a crash in C code)
                    for chunk in pending.values():
                        suspects.extend(chunk)
                    pending.clear()
                    pool.shutdown(wait=False, cancel_futures=True)
                    pool = self._pool(shared)
                    yield from self._isolate(pool, fn, suspects, shared)
                    pool = self._pool(shared)
                    suspects = []
        except KeyboardInterrupt:  # stopped: do not wait for the files in flight
            stopped = True
            raise
        finally:
            pool.shutdown(wait=not stopped, cancel_futures=True)

    def _isolate(
        self, pool: Any, fn: Callable[..., Any], suspects: list[Job], shared: Any
    ) -> Iterator[Outcome]:
        """Rerun the tasks that were in flight when a worker died, one at a time."""
        from concurrent.futures.process import BrokenProcessPool

        for job in suspects:
            try:
                yield job[0], pool.submit(_call, fn, job[1]).result(), None
            except BrokenProcessPool:
                yield job[0], None, "the worker process died while converting this file"
                pool.shutdown(wait=False, cancel_futures=True)
                pool = self._pool(shared)
        pool.shutdown(wait=True)

    def close(self) -> None:
        pass


def _run_chunk(fn: Callable[..., Any], args: list[tuple[Any, ...]], shared: Any) -> list[Any]:
    return [fn(*a, shared) for a in args]


def _chunks(
    jobs: Iterable[Job], weigh: Callable[[Job], int] | None, max_bytes: int, max_files: int
) -> Iterator[list[Job]]:
    """Consecutive jobs grouped up to ``max_bytes`` of input or ``max_files`` files."""
    chunk: list[Job] = []
    size = 0
    for job in jobs:
        chunk.append(job)
        size += weigh(job) if weigh else max_bytes
        if size >= max_bytes or len(chunk) >= max_files:
            yield chunk
            chunk, size = [], 0
    if chunk:
        yield chunk


@contextlib.contextmanager
def _workers_ignore_ctrl_c() -> Iterator[None]:
    """Start processes that ignore SIGINT (they inherit it): Ctrl-C reaches the whole
    process group, and only this process should act on it, shutting the cluster down."""
    import signal

    try:
        previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    except ValueError:  # not the main thread
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


# A LocalCluster started for one batch has no dashboard, so nothing reads what its
# servers sample for one: a worker's statistical profile (a stack sample of every thread
# each 10 ms), the system monitor's readings (each 0.5 s) and the event loop's tick
# (each 20 ms, to warn of a blocked loop). Work stealing is off: tasks wait in the
# scheduler's queue until a worker is free, so there is nothing to steal (its balancing
# runs each 0.1 s). Idle, such a cluster of two workers used about 5% of a core, 1% so.
_LEAN_CLUSTER = {
    "distributed.worker.profile.enabled": False,
    "distributed.admin.system-monitor.interval": "5s",
    "distributed.admin.tick.interval": "1s",
    "distributed.scheduler.work-stealing": False,
}


class DaskEngine:
    """The same work functions on a Dask cluster (an existing one, or a LocalCluster).

    Files are sent in chunks (up to ``chunk_bytes`` of input or ``chunk_files``
    files per task): a Dask task costs the scheduler a few milliseconds, more than
    converting a small file.
    """

    name = "dask"
    chunk_bytes = 1 << 19
    chunk_files = 32

    def __init__(
        self,
        scheduler: str | None = None,
        workers: int | None = None,
        window: int | None = None,
        processes: bool = True,
    ) -> None:
        try:
            from distributed import Client
        except ImportError:
            raise UsageError("--engine dask needs Dask: pip install 'tidyink[dask]'") from None
        self.cluster = None
        self._stack = contextlib.ExitStack()
        if scheduler:
            try:
                self.client = Client(scheduler, timeout="20s")
            except (OSError, TimeoutError) as exc:
                raise UsageError(
                    f"cannot reach the Dask scheduler at {scheduler} ({exc})"
                ) from None
        else:
            try:
                self._start_cluster(workers or cpu_count(), processes)
            except BaseException:
                self._stack.close()
                raise
        self.workers = max(
            1, sum(w.get("nthreads", 1) for w in self.client.scheduler_info()["workers"].values())
        )
        self.window = window or self.workers * 4

    def _start_cluster(self, workers: int, processes: bool) -> None:
        """A LocalCluster of ``workers`` single-threaded workers, and a client of it."""
        import dask
        from distributed import Client, LocalCluster

        from tidyink.batch.forkserver import worker_start_method

        # Both kept until close(): a worker that dies is restarted the same way.
        self._stack.enter_context(dask.config.set(_LEAN_CLUSTER))
        with _workers_ignore_ctrl_c(), warnings.catch_warnings():
            if processes:  # the forkserver, started now, ignores Ctrl-C as workers do
                self._stack.enter_context(worker_start_method())
            # another cluster on this machine holds the default dashboard port: no news
            warnings.filterwarnings("ignore", message=r"Port \d+ is already in use")
            self.cluster = LocalCluster(
                n_workers=workers,
                threads_per_worker=1,
                processes=processes,
                dashboard_address=None,
                # Dask's own logs are no news: tasks cancelled by Ctrl-C, a worker's last
                # heartbeat failing while the cluster shuts down (a traceback after a
                # finished batch); the batch records and reports every failure itself
                silence_logs=logging.CRITICAL,
            )
        self.client = Client(self.cluster)

    def run(
        self,
        fn: Callable[..., Any],
        jobs: Iterable[Job],
        shared: Any = None,
        weigh: Callable[[Job], int] | None = None,
    ) -> Iterator[Outcome]:
        from distributed import as_completed

        shared_future = None
        if shared is not None:  # a list, so that a dict is sent whole (not one future per key)
            shared_future = self.client.scatter([shared], broadcast=True)[0]
        pending: dict[Any, list[Job]] = {}
        chunks = _chunks(jobs, weigh, self.chunk_bytes, self.chunk_files)
        done = as_completed()

        retry: list[list[Job]] = []  # files of a failed chunk, one task each

        def submit() -> bool:
            chunk = retry.pop() if retry else next(chunks, None)
            if chunk is None:
                return False
            args = [job[1] for job in chunk]
            future = self.client.submit(_run_chunk, fn, args, shared_future, pure=False)
            pending[future] = chunk
            done.add(future)
            return True

        try:
            while len(pending) < self.window and submit():
                pass
            for future in done:  # callbacks, not polling: cheap for the scheduler
                chunk = pending.pop(future)
                try:
                    results = future.result()
                except Exception as exc:  # the worker died (KilledWorker) or the task was lost
                    if len(chunk) > 1:  # find which file it was: retry them one by one
                        retry.extend([job] for job in reversed(chunk))
                    else:
                        yield (
                            chunk[0][0],
                            None,
                            f"the Dask task failed ({type(exc).__name__}: {exc})",
                        )
                else:
                    for job, result in zip(chunk, results, strict=True):
                        yield job[0], result, None
                future.release()
                while len(pending) < self.window and submit():
                    pass
        finally:
            for future in pending:
                future.cancel()
            if shared_future is not None:
                shared_future.release()

    def close(self) -> None:
        try:
            self.client.close()
            if self.cluster is not None:
                self.cluster.close()
        finally:
            self._stack.close()


def make_engine(
    engine: str, jobs: int | None, scheduler: str | None, window: int | None = None
) -> InlineEngine | PoolEngine | DaskEngine:
    if engine == "dask":
        return DaskEngine(scheduler, jobs, window)
    if engine != "local":
        raise UsageError(f"unknown engine {engine!r} (use local or dask)")
    if scheduler:
        raise UsageError("--scheduler needs --engine dask")
    workers = jobs if jobs and jobs > 0 else cpu_count()
    return InlineEngine() if workers == 1 else PoolEngine(workers, window)
