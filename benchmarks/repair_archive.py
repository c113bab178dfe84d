"""Decode + repair benchmark on the archive sample, side by side with peer pipelines.

Usage: PYTHONPATH=src python benchmarks/repair_archive.py

1. Every file of ``archive-sample/`` through tidyink (decode, then the repair
   filters, to plain text) compared with ``archive-sample-expected/``: per file,
   then charset-normalizer + ftfy.fix_text and chardet + ftfy.fix_text on the
   same bytes (exact matches, MB/s).
2. Repair throughput: the repair filters against ftfy.fix_text on the same
   decoded texts (archive sample + Gutenberg books), best of 3 in CPU time,
   word lists already loaded (their one-time load is printed first).
3. Changes made to each clean Gutenberg book (the goal is none).
"""

from __future__ import annotations

import os
import resource
import sys
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

REPAIR = ["mojibake", "codepage", "invisibles", "entities"]


def corpus_root() -> Path:
    env = os.environ.get("TIDYINK_CORPUS")
    return Path(env) if env else Path(__file__).resolve().parents[1] / ".." / "shared" / "corpus"


def tidyink_pipeline(data: bytes, path: str) -> str:
    import tidyink.api

    return tidyink.api.convert(data, path=path, to="text", only=REPAIR, lint=False).text


def _lf(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n").removeprefix("\ufeff")


def charset_normalizer_ftfy(data: bytes, path: str) -> str:
    import ftfy
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    text = str(best) if best is not None else data.decode("utf-8", "replace")
    return ftfy.fix_text(_lf(text))


def chardet_ftfy(data: bytes, path: str) -> str:
    import chardet
    import ftfy

    encoding = chardet.detect(data)["encoding"] or "utf-8"
    return ftfy.fix_text(_lf(data.decode(encoding, "replace")))


def charset_normalizer_ftfy_keep(data: bytes, path: str) -> str:
    """As above, but ftfy told to keep typography (curly quotes), as tidyink does."""
    import ftfy
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    text = str(best) if best is not None else data.decode("utf-8", "replace")
    return ftfy.fix_text(_lf(text), uncurl_quotes=False)


PIPELINES: dict[str, Callable[[bytes, str], str]] = {
    "tidyink (decode + repair)": tidyink_pipeline,
    "charset-normalizer + ftfy": charset_normalizer_ftfy,
    "chardet + ftfy": chardet_ftfy,
    "charset-normalizer + ftfy, quotes kept": charset_normalizer_ftfy_keep,
}


def archive(root: Path) -> list[tuple[str, bytes, str, str, str]]:
    sample = root / "archive-sample"
    rows = (sample / "MANIFEST.tsv").read_text(encoding="utf-8").splitlines()[1:]
    out = []
    for row in rows:
        cols = row.split("\t")
        name, encoding, damage, expected = cols[0], cols[1], cols[4], cols[5]
        data = (sample / name).read_bytes()
        out.append((name, data, (sample / expected).read_text(encoding="utf-8"), encoding, damage))
    return out


def first_difference(a: str, b: str) -> str:
    for n, (x, y) in enumerate(zip(a.split("\n"), b.split("\n"), strict=False), 1):
        if x != y:
            return f"line {n}: expected {x[:60]!r}, got {y[:60]!r}"
    return f"length {len(a)} vs {len(b)}"


def accuracy(files: list[tuple[str, bytes, str, str, str]]) -> None:
    import tidyink.api

    print("== Archive sample: decode + repair, exact match with archive-sample-expected/")
    print(f"{'file':48} {'true enc':10} {'damage':34} {'detected':12} result")
    for name, data, expected, encoding, damage in files:
        result = tidyink.api.convert(data, path=name, to="text", only=REPAIR, lint=False)
        ok = result.text == expected
        note = "ok" if ok else "FAIL " + first_difference(expected, result.text)
        detected = result.source.encoding
        changes = len(result.changes)
        print(f"{name:48} {encoding:10} {damage:34} {detected:12} {note} ({changes} changes)")
    print()
    total = sum(len(d) for _, d, _, _, _ in files)
    print(f"{'pipeline':40} {'exact':>6} {'MB/s':>7}   ({len(files)} files, {total / 1e6:.2f} MB)")
    for label, run in PIPELINES.items():
        run(files[0][1], files[0][0])  # warm up imports and word lists
        start = time.perf_counter()
        outputs = [run(data, name) for name, data, _, _, _ in files]
        elapsed = time.perf_counter() - start
        pairs = list(zip(outputs, files, strict=True))
        exact = sum(out == row[2] for out, row in pairs)
        missed = [row[0].rsplit("/", 1)[-1] for out, row in pairs if out != row[2]]
        rate = total / 1e6 / elapsed
        print(f"{label:40} {exact:>3}/{len(files):<2} {rate:7.2f}   missed: {', '.join(missed)}")
    print()


def throughput(texts: list[tuple[str, str]]) -> None:
    import ftfy

    import tidyink.api
    from tidyink.filters.mojibake import _config

    def ours(text: str) -> str:
        return tidyink.api.convert(
            text, to="text", input_format="text", only=REPAIR, lint=False
        ).text

    runs: dict[str, Callable[[str], str]] = {
        "tidyink repair filters (read+repair+write)": ours,
        "ftfy.fix_text (defaults)": ftfy.fix_text,
        "ftfy.fix_text (tidyink's config)": lambda t: ftfy.fix_text(t, config=_config()),
    }
    size = sum(len(t.encode("utf-8")) for _, t in texts)
    what = f"{len(texts)} texts, {size / 1e6:.2f} MB"
    print(f"== Repair throughput, CPU time, on the same decoded text ({what})")
    for text in (t for _, t in texts):
        ours(text)  # warm: word lists loaded, patterns compiled
    rates = {}
    for label, run in runs.items():
        best = min(_timed(lambda r=run: [r(t) for _, t in texts]) for _ in range(3))
        rates[label] = size / 1e6 / best
        print(f"{label:44} {rates[label]:7.2f} MB/s")
    mine = rates["tidyink repair filters (read+repair+write)"]
    ratio = mine / rates["ftfy.fix_text (defaults)"]
    print(f"tidyink / ftfy (defaults): {ratio:.1f}x (goal >= 2x)")
    print()


def _timed(fn: Callable[[], object]) -> float:
    """CPU seconds: steadier than wall time on a shared machine."""
    start = time.process_time()
    fn()
    return time.process_time() - start


def clean_books(root: Path) -> None:
    import tidyink.api

    print("== Changes made to clean Gutenberg books by the repair filters (goal: 0)")
    for path in sorted((root / "gutenberg").glob("*.txt")):
        result = tidyink.api.convert_path(path, to="text", only=REPAIR, lint=False)
        sample = [(c.before, c.after, c.line) for c in result.changes[:3]]
        print(f"{path.name:16} {len(result.changes):5} changes  {sample if sample else ''}")
    print()


def memory(files: list[tuple[str, bytes, str, str, str]]) -> None:
    tracemalloc.start()
    for name, data, _, _, _ in files:
        tidyink_pipeline(data, name)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"== Memory: tracemalloc peak (archive pass) {peak / 1e6:.1f} MB; max RSS {rss:.0f} MB")


def main() -> int:
    root = corpus_root()
    if not (root / "archive-sample" / "MANIFEST.tsv").is_file():
        print(f"corpus not found at {root}, skipping")
        return 0
    from tidyink import lexicon

    start = time.perf_counter()
    for lang in ("en", "fr", "de", "es", "pt"):
        lexicon.frequencies(lang)
    print(f"(word lists for en fr de es pt loaded once in {time.perf_counter() - start:.2f} s)\n")
    files = archive(root)
    accuracy(files)
    texts = [(name, expected) for name, _, expected, _, _ in files]
    for path in sorted((root / "gutenberg").glob("*.txt")):
        import tidyink.api

        texts.append((path.name, tidyink.api.load(path.read_bytes()).text))
    damaged = [(n, tidyink_input(d)) for n, d, _, _, dmg in files if dmg != "none"]
    throughput(texts + damaged)
    clean_books(root)
    memory(files)
    return 0


def tidyink_input(data: bytes) -> str:
    import tidyink.api

    return tidyink.api.load(data).text


if __name__ == "__main__":
    sys.exit(main())
