"""The warm-up before a batch's workers start: load what converting needs, once.

A forked local pool shares what the parent loaded (the word lists, the readers
of the batch's formats, ftfy when the files need it); Dask workers each load it
up front, so that no file's timing includes it. Outputs are unaffected.

The local pool's parent converts a small file of the batch of each kind first (for
real: see ``tidyink.batch.run``), so that it loads what the batch's files need and no
more: a made-up sample would load ftfy (about 0.07 s of CPU) for a folder that has no
mojibake.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from typing import Any, NamedTuple

from tidyink.batch.walk import Item
from tidyink.options import Options

_WARM_UP = "Chapter One\n\nZoë said... “Wait—the cafÃ© isn’t open.”\n".encode()
_SAMPLED = 64  # files looked at for the kinds of input a batch holds
_SAMPLE_SIZE = 256 * 1024  # bytes: a larger file is not a sample (converted alone, before the workers start)


def _kind(rel: str) -> str:
    """A file's kind, as the warm-up tells them apart: its suffix (".txt" for none)."""
    return os.path.splitext(rel)[1].lower() or ".txt"


def sample_names(items: Iterable[Item]) -> tuple[str, ...]:
    """A warm-up file name for each kind of file (by suffix) among the first ``items``
    of a batch, so that the warm-up loads the readers the batch needs (Markdown's
    parser, the HTML reader): "warm-up.md", "warm-up.txt"."""
    from itertools import islice

    kinds = {_kind(item.rel) for item in islice(items, _SAMPLED) if item.source}
    return tuple(sorted(f"warm-up{kind}" for kind in kinds)) or ("warm-up.txt",)


class Sample(NamedTuple):
    """A file the warm-up converts: ``item`` of the batch (None: a made-up text named
    ``name``) and what convert_file reads of it (a path or an archive member)."""

    name: str
    source: Any = None
    item: Item | None = None

    @classmethod
    def of(cls, item: Item) -> Sample:
        """``item`` itself."""
        return cls(str(item.source), item.source, item)

    @classmethod
    def made_up(cls, rel: str) -> Sample:
        """A made-up text named as a file of ``rel``'s kind."""
        return cls(f"warm-up{_kind(rel)}")


def total_size(items: Iterable[Item]) -> int:
    """The bytes of the files of ``items`` that are to be converted."""
    return sum(item.size for item in items if item.source is not None and not item.status)


def sample_files(items: Iterable[Item], max_size: int) -> tuple[Sample, ...]:
    """For each kind of file (by suffix) among the first ``items`` of a batch, the first
    one small enough to convert at little cost; a made-up sample for a kind with no
    such file. Also the first of the first small files whose bytes look like
    mojibake, so that the workers share ftfy instead of each loading it."""
    from itertools import islice

    limit = min(max_size, _SAMPLE_SIZE)
    chosen: dict[str, Item | None] = {}
    small: list[Item] = []
    for item in islice(items, _SAMPLED):
        if item.source is None or item.status:
            continue
        suffix = _kind(item.rel)
        fits = item.size <= limit
        if chosen.get(suffix) is None:
            chosen[suffix] = item if fits else None
        if fits:
            small.append(item)
    if not chosen:
        return (Sample("warm-up.txt"),)
    samples = [Sample.of(item) if item else Sample(f"warm-up{suffix}") for suffix, item in sorted(chosen.items())]
    found = next((item for item in small[:_PEEKED] if _looks_damaged(item.source)), None)
    if found is not None and all(found is not sample.item for sample in samples):
        samples.append(Sample.of(found))
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


def shares_with_workers(engine: Any) -> bool:
    """Whether ``engine``'s workers start as forks of this process (sharing what it loaded)."""
    if engine.name != "local":
        return False  # (and multiprocessing not imported: a run without it exits faster)
    import multiprocessing

    return multiprocessing.get_start_method() == "fork"


def warm_up(
    engine: Any,
    options: Options,
    names: tuple[str, ...] = ("warm-up.txt",),
    samples: tuple[Sample, ...] = (),
    state: dict[str, Any] | None = None,
    per_worker: int = 0,
    converted: int = 0,
) -> None:
    """Load the lazily imported libraries (word lists, ftfy, the readers of ``names``'
    formats...) before the files arrive.

    Forked pool workers then share what the parent loaded instead of each loading
    its own copy: it converts ``samples`` (see :func:`sample_files`) with the batch's
    ``state`` (so that what the rules derive from the folder's names is derived
    once). Then, from the look-ups that these and the ``converted`` bytes already
    converted here asked of each word list, it foresees those of a worker's
    ``per_worker`` bytes, and loads now what they would make each worker load
    (see :func:`tidyink.rules._dictionary.expect_more`). Dask workers load what
    converting ``names`` loads, once, up front, so that no file's timing includes
    it. Outputs are unaffected.
    """
    if engine.name == "dask":
        import contextlib

        with contextlib.suppress(Exception):
            engine.client.run(warm_up_here, options, names)
    elif shares_with_workers(engine):
        import gc

        converted += _convert_samples(options, samples, state)
        if per_worker > converted > 0:
            from tidyink.rules._dictionary import expect_more

            expect_more(per_worker / converted)
        # What is loaded now is shared with the forked workers, page for page, as long
        # as nobody writes to it: keep the collector from touching it in every child.
        # No full collection first: it costs more (~0.02 s) than keeping the little
        # cyclic garbage of the warm-up conversions frozen with the rest.
        gc.freeze()


_WARMED: set[tuple[str, str]] = set()  # (options key, name) this process has warmed up for


def warm_up_here(options: Options, names: tuple[str, ...] = ("warm-up.txt",)) -> None:
    """Convert a made-up text named for each of ``names``, once per process and options
    (a running Dask cluster's workers take batch after batch: only the first loads)."""
    import contextlib

    from tidyink.api import convert
    from tidyink.batch.work import options_key

    key = options_key(options)
    for name in names:
        if (key, name) in _WARMED:
            continue
        _WARMED.add((key, name))
        with contextlib.suppress(Exception):  # the real files will report whatever this would
            convert(_WARM_UP, path=name, options=options, state={})


def _convert_samples(options: Options, samples: tuple[Sample, ...], state: dict[str, Any] | None = None) -> int:
    """Convert each sample (throwing the result away); a made-up text for a sample
    without a source, or one that cannot be read. The bytes converted."""
    import contextlib

    import tidyink.fileio  # noqa: F401  (what convert_file writes its output with)
    from tidyink.api import convert
    from tidyink.batch.work import _read

    done = 0
    for name, source, _item in samples:
        data = _WARM_UP
        if source is not None:
            with contextlib.suppress(Exception):
                data = _read(source, _SAMPLE_SIZE)
        with contextlib.suppress(Exception):  # the real files will report whatever this would
            convert(data, path=name, options=options, state=dict(state or {}))
            done += len(data)
    return done
