"""The ``tidyink`` command: a thin face over :mod:`tidyink.api`, one module per command.

The click group (:data:`main`, in :mod:`tidyink.cli._main`) is loaded on first use,
so that ``tidyink --version`` alone is answered without importing click (two thirds
of its time), nor ``typing`` and ``re``; each command imports what it needs when it runs.
"""

from __future__ import annotations

import os
import sys

__all__ = ["guarded", "main", "run"]

_LAZY = frozenset(__all__) - {"run"}


def __getattr__(name: str) -> object:  # PEP 562: the click group, built on first use
    if name in _LAZY:
        from tidyink.cli import _main

        return getattr(_main, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


# New objects (net of those freed) between two runs of the collector's youngest generation:
# more than a book of about 1 MB keeps at once, so none runs while one is converted (each
# run walks the document's live objects: three of them cost ~8 ms on a 0.7 MB book at
# 20,000); a folder's conversions leave ~3,500 objects in cycles per such book, collected
# every few dozen books.
GC_THRESHOLD = 100_000
VERSION_ARGS = (["--version"], ["-V"])


def _version_only() -> int | None:
    """``tidyink --version`` (and nothing else) answered as the click group answers it:
    the text and a newline on standard output, exit 0. None when the command line asks
    for more, when shell completion is asked for, or when the text cannot be written
    (the group then does the same, and reports the failure its own way)."""
    if sys.argv[1:] not in VERSION_ARGS or "_TIDYINK_COMPLETE" in os.environ:
        return None
    from tidyink.cli._version import version_text

    if sys.stdout is None:  # (click.echo writes nothing then)
        return 0
    try:
        sys.stdout.write(version_text() + "\n")
        sys.stdout.flush()
    except OSError:
        return None
    return 0


def run() -> object:
    """The ``tidyink`` program: :data:`main` in a process of its own.

    A run makes many small objects and few reference cycles, so the collector is told
    to ignore what the imports made (frozen) and to run far less often than every 700
    new objects (:data:`GC_THRESHOLD`). Only here: a program that calls :data:`main`
    (a test runner, say) keeps its own collector settings.
    """
    done = _version_only()
    if done is not None:
        return done
    import gc

    gc.set_threshold(GC_THRESHOLD, 20, 20)  # (before click is imported: its imports too)
    from tidyink.cli._main import main

    gc.freeze()
    leave = _Leave.first_at_exit()
    try:
        result = main(prog_name="tidyink")
    except SystemExit as exc:
        leave.with_status(exc.code)
        raise
    leave.with_status(result)
    return result


_DASK = frozenset({"distributed"})  # (loaded by the Dask engine)


class _Leave:
    """The end of the program without the interpreter's teardown, as mypy's fast exit.

    Freeing a run's objects one by one at exit (the word lists, the compiled patterns,
    the document) costs 10-30 ms for nothing: the process ends. The handler is registered
    with :mod:`atexit` first, so it runs last: after every other exit handler (the ones
    registered during the run run before it) and after other threads were joined. It
    flushes the standard streams and ends the process with the status Python would
    give. It does nothing, and the usual exit happens, when the status is not a plain
    one (``sys.exit("message")``), when a stream cannot be flushed (Python then reports
    it as usual), for Ctrl-C or a crash, when something was registered at exit before
    the program started (a test runner, a coverage tool: their handlers would run after),
    or when the run used Dask (its cluster and clean-up end as Python has them end). A
    local pool's workers are gone by then: the executor joins them when the threads are
    joined, and multiprocessing's own exit handler ends any child left, both before this.
    """

    status: int | None = None

    @classmethod
    def first_at_exit(cls) -> _Leave:
        import atexit

        leave = cls()
        registered = getattr(atexit, "_ncallbacks", None)  # (CPython; elsewhere: never)
        if registered is not None and registered() == 0:
            atexit.register(leave.now)
        return leave

    def with_status(self, code: object) -> None:
        """The status of ``sys.exit(code)``, when it is a plain one (None or a number)."""
        if code is None or isinstance(code, int):
            self.status = code or 0

    def now(self) -> None:
        if self.status is None or _DASK & sys.modules.keys():
            return
        try:
            for stream in (sys.stdout, sys.stderr):
                if stream is not None:
                    stream.flush()
        except (OSError, ValueError):
            return
        os._exit(self.status)
