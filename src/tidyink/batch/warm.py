"""The warm-up before a batch's workers start: load what converting needs, once.

A forked local pool shares what the parent loaded (the word lists, the readers
of the batch's formats, ftfy when the files need it); Dask workers each load it
up front, so that no file's timing includes it. Outputs are unaffected.

The local pool's warm-up converts (and throws away) a small file of the batch of
each kind, so that it loads what the batch's files need and no more: a made-up
sample would load ftfy (about 0.07 s of CPU) for a folder that has no mojibake.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from typing import Any

from tidyink.batch.walk import Item
from tidyink.options import Options

_WARM_UP = "Chapter One\n\nZoë said... “Wait—the cafÃ© isn’t open.”\n".encode()
_SAMPLED = 64  # files looked at for the kinds of input a batch holds
_SAMPLE_SIZE = 256 * 1024  # bytes: a larger file is not converted twice for the warm-up


def sample_names(items: Iterable[Item]) -> tuple[str, ...]:
    """A warm-up file name for each kind of file (by suffix) among the first ``items``
    of a batch, so that the warm-up loads the readers the batch needs (Markdown's
    parser, the HTML reader): "warm-up.md", "warm-up.txt"."""
    from itertools import islice

    suffixes = {os.path.splitext(item.rel)[1].lower() for item in islice(items, _SAMPLED) if item.source}
    return tuple(sorted(f"warm-up{suffix or '.txt'}" for suffix in suffixes)) or ("warm-up.txt",)


Sample = tuple[str, Any]  # (name, what convert_file reads: a path or an archive member)


def sample_files(items: Iterable[Item], max_size: int) -> tuple[Sample, ...]:
    """For each kind of file (by suffix) among the first ``items`` of a batch, the first
    one small enough to convert twice at little cost, as (name, source); the source is
    None for a kind with no such file (its warm-up converts a made-up sample). Also
    the first of the first small files whose bytes look like mojibake, so that the
    workers share ftfy instead of each loading it."""
    from itertools import islice

    limit = min(max_size, _SAMPLE_SIZE)
    chosen: dict[str, Any] = {}
    small: list[Any] = []
    for item in islice(items, _SAMPLED):
        if item.source is None or item.status:
            continue
        suffix = os.path.splitext(item.rel)[1].lower() or ".txt"
        fits = item.size <= limit
        if chosen.get(suffix) is None:
            chosen[suffix] = item.source if fits else None
        if fits:
            small.append(item.source)
    if not chosen:
        return (("warm-up.txt", None),)
    samples = [(str(source) if source else f"warm-up{suffix}", source) for suffix, source in sorted(chosen.items())]
    found = next((source for source in small[:_PEEKED] if _looks_damaged(source)), None)
    if found is not None and all(found is not source for _name, source in samples):
        samples.append((str(found), found))
    return tuple(samples)


# UTF-8 read as cp1252 or Latin-1, written back as UTF-8: Ã, Â and â€ (the start of
# ’ “ ” – —) in the bytes. A hint only: a warm-up that guesses wrong costs time, never output.
_DAMAGE = (b"\xc3\x83", b"\xc3\x82", b"\xc3\xa2\xe2\x82\xac")
_PEEKED = 16  # small files whose first bytes are looked at for mojibake
_PEEK = 64 * 1024


def _looks_damaged(source: Any) -> bool:
    if not isinstance(source, str):  # an archive member: not opened for a hint
        return False
    try:
        with open(source, "rb") as handle:
            head = handle.read(_PEEK)
    except OSError:
        return False
    return any(mark in head for mark in _DAMAGE)


def warm_up(
    engine: Any,
    options: Options,
    names: tuple[str, ...] = ("warm-up.txt",),
    samples: tuple[Sample, ...] = (),
) -> None:
    """Load the lazily imported libraries (word lists, ftfy, the readers of ``names``'
    formats...) before the files arrive.

    Forked pool workers then share what the parent loaded instead of each loading
    its own copy; they load it by converting ``samples`` (see :func:`sample_files`)
    when given. Dask workers load them once, up front, so that no file's
    timing includes them. Outputs are unaffected.
    """
    import multiprocessing

    if engine.name == "dask":
        import contextlib

        with contextlib.suppress(Exception):
            engine.client.run(warm_up_here, options, names)
    elif engine.name == "local" and multiprocessing.get_start_method() == "fork":
        import gc

        if samples:
            _convert_samples(options, samples)
        else:
            warm_up_here(options, names)
        # What is loaded now is shared with the forked workers, page for page, as long
        # as nobody writes to it: keep the collector from touching it in every child.
        # No full collection first: it costs more (~0.02 s) than keeping the little
        # cyclic garbage of the warm-up conversions frozen with the rest.
        gc.freeze()


def warm_up_here(options: Options, names: tuple[str, ...] = ("warm-up.txt",)) -> None:
    import contextlib

    from tidyink.api import convert

    for name in names:
        with contextlib.suppress(Exception):  # the real files will report whatever this would
            convert(_WARM_UP, path=name, options=options, state={})


def _convert_samples(options: Options, samples: tuple[Sample, ...]) -> None:
    """Convert each sample (throwing the result away); a made-up text for a sample
    without a source, or one that cannot be read."""
    import contextlib

    import tidyink.fileio  # noqa: F401  (what convert_file writes its output with)
    from tidyink.api import convert
    from tidyink.batch.work import _read

    for name, source in samples:
        data = _WARM_UP
        if source is not None:
            with contextlib.suppress(Exception):
                data = _read(source, _SAMPLE_SIZE)
        with contextlib.suppress(Exception):  # the real files will report whatever this would
            convert(data, path=name, options=options, state={})
