"""The warm-up before a batch's workers start: load what converting needs, once.

A forked local pool shares what the parent loaded (ftfy, the word lists, the
readers of the batch's formats); Dask workers each load it up front, so that no
file's timing includes it. Outputs are unaffected.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from typing import Any

from tidyink.batch.walk import Item
from tidyink.options import Options

_WARM_UP = "Chapter One\n\nZoë said... “Wait—the cafÃ© isn’t open.”\n".encode()
_SAMPLED = 64  # files looked at for the kinds of input a batch holds


def sample_names(items: Iterable[Item]) -> tuple[str, ...]:
    """A warm-up file name for each kind of file (by suffix) among the first ``items``
    of a batch, so that the warm-up loads the readers the batch needs (Markdown's
    parser, the HTML reader): "warm-up.md", "warm-up.txt"."""
    from itertools import islice

    suffixes = {os.path.splitext(item.rel)[1].lower() for item in islice(items, _SAMPLED) if item.source}
    return tuple(sorted(f"warm-up{suffix or '.txt'}" for suffix in suffixes)) or ("warm-up.txt",)


def warm_up(engine: Any, options: Options, names: tuple[str, ...] = ("warm-up.txt",)) -> None:
    """Load the lazily imported libraries (ftfy, word lists, the readers of ``names``'
    formats...) before the files arrive.

    Forked pool workers then share what the parent loaded instead of each loading
    its own copy; Dask workers load them once, up front, so that no file's
    timing includes them. Outputs are unaffected.
    """
    import multiprocessing

    if engine.name == "dask":
        import contextlib

        with contextlib.suppress(Exception):
            engine.client.run(warm_up_here, options, names)
    elif engine.name == "local" and multiprocessing.get_start_method() == "fork":
        import gc

        warm_up_here(options, names)
        # What is loaded now is shared with the forked workers, page for page, as long
        # as nobody writes to it: keep the collector from touching it in every child.
        gc.collect()
        gc.freeze()


def warm_up_here(options: Options, names: tuple[str, ...] = ("warm-up.txt",)) -> None:
    import contextlib

    from tidyink.api import convert

    for name in names:
        with contextlib.suppress(Exception):  # the real files will report whatever this would
            convert(_WARM_UP, path=name, options=options, state={})
