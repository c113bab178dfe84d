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


GC_THRESHOLD = 20_000  # new objects between two runs of the collector's youngest generation
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
    to ignore what the imports made (frozen) and to run less often than every 700 new
    objects (about 5% of a book's CPU). Only here: a program that calls :data:`main`
    (a test runner, say) keeps its own collector settings.
    """
    done = _version_only()
    if done is not None:
        return done
    import gc

    from tidyink.cli._main import main

    gc.freeze()
    gc.set_threshold(GC_THRESHOLD, 20, 20)
    return main(prog_name="tidyink")
