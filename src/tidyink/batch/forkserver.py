"""How a LocalCluster's worker processes start: forked from a forkserver that
has already imported Dask and tidyink, instead of each spawned afresh.

A spawned worker is a new interpreter that imports ``distributed`` and tidyink
again (about half a CPU second each). A forkserver is one extra process, started
with nothing but imports (single-threaded: no event loop, no pool, so forking it
is safe, unlike forking the process that runs Dask's scheduler), and each worker
is a copy-on-write fork of it. Where there is no forkserver (Windows), workers
are spawned as before. Outputs do not depend on how a worker started.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
from collections.abc import Iterator

# What every worker imports before its first task: what Dask's own forkserver
# preload holds, and tidyink's work unit with the pipeline it runs.
PRELOAD = (
    "distributed",
    "dask",
    "msgpack",
    "cloudpickle",
    "tornado",
    "toolz",
    "tidyink.batch.work",
    "tidyink.batch.warm",
    "tidyink.api",
    "tidyink.batch.preload",  # last: converts a sample, loading the word lists
)


def available() -> bool:
    return "forkserver" in multiprocessing.get_all_start_methods()


def _worker_environ() -> dict[str, str]:
    """The variables a Nanny sets before it spawns a worker (it sets them in this
    process too): a fork of the server inherits the server's, so it needs them."""
    import dask

    configured = dask.config.get("distributed.nanny.pre-spawn-environ") or {}
    env = {k: os.environ.get(k, str(v)) for k, v in configured.items() if v is not None}
    if env.get("PYTHONHASHSEED") in (None, "0"):
        env["PYTHONHASHSEED"] = "6640"  # as the Nanny does: the same hashes in every worker
    return env


@contextlib.contextmanager
def worker_start_method() -> Iterator[str]:
    """While the cluster starts (and restarts workers), have its Nannies fork their
    workers from a preloaded forkserver where the platform has one; yields the method."""
    import dask

    if not available():
        yield "spawn"
        return
    from multiprocessing import forkserver

    ctx = multiprocessing.get_context("forkserver")
    ctx.set_forkserver_preload(list(PRELOAD))
    os.environ.update(_worker_environ())
    # Started now, with our preload: Dask's own later call to set a preload then
    # finds the server running and changes nothing.
    forkserver.ensure_running()
    with dask.config.set({"distributed.worker.multiprocessing-method": "forkserver"}):
        yield "forkserver"
