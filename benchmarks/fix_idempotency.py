"""Idempotency of `tidyink fix` on real prose: fix a copy of the corpus twice.

The second run must change nothing (0 files). Also printed: files the first run
changed, files it refused (and why), files whose filters needed more than one
pass to settle (a filter that is not idempotent on its own; `fix` hides it by
running to a fixed point, but the filter's owner should know), and throughput.

    python benchmarks/fix_idempotency.py            # corpus at ../shared/corpus
    TIDYINK_CORPUS=/path/to/corpus python benchmarks/fix_idempotency.py
"""

from __future__ import annotations

import os
import resource
import shutil
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from tidyink import manuscript  # noqa: E402
from tidyink.config import Resolver  # noqa: E402


def corpus_dir() -> Path:
    return Path(os.environ.get("TIDYINK_CORPUS") or ROOT / ".." / "shared" / "corpus")


def copy_corpus(src: Path, dst: Path) -> int:
    """Copy every .txt/.md file except READMEs; return the number of bytes copied."""
    size = 0
    for path in sorted(src.rglob("*")):
        if path.is_file() and path.suffix in (".txt", ".md") and path.name != "README.md":
            target = dst / path.relative_to(src)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, target)
            target.chmod(0o644)
            size += path.stat().st_size
    return size


def run(folder: Path) -> tuple[list[manuscript.Outcome], float]:
    start = time.perf_counter()
    outcomes = list(manuscript.run([folder], Resolver(isolated=True)))
    return outcomes, time.perf_counter() - start


def main() -> int:
    corpus = corpus_dir()
    if not corpus.is_dir():
        print(f"corpus not found at {corpus}, skipping")
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        size = copy_corpus(corpus, work)
        first, t1 = run(work)
        second, t2 = run(work)
        rel = lambda o: o.path.relative_to(work).as_posix()  # noqa: E731
        counts1 = Counter(o.status for o in first)
        print(f"corpus: {corpus.resolve()} ({len(first)} files, {size / 1e6:.2f} MB)")
        print(
            f"first run : {counts1['changed']} changed, {counts1['unchanged']} unchanged, "
            f"{counts1['failed']} refused; {t1:.2f} s ({size / 1e6 / t1:.2f} MB/s)"
        )
        for o in first:
            if o.status == "failed":
                print(f"  refused: {o.message.replace(tmp + '/', '')}")
        multi = [o for o in first if o.passes > 1]
        print(f"  files whose filters needed more than one pass: {len(multi)}")
        for o in multi:
            print(f"    {rel(o)}: {o.passes} passes")
        changed2 = [o for o in second if o.changed]
        print(f"second run: {len(changed2)} files changed (must be 0); {t2:.2f} s ({size / 1e6 / t2:.2f} MB/s)")
        for o in changed2:
            diff = manuscript.unified_diff(o).splitlines()
            print(f"  {rel(o)}: {sum(1 for d in diff if d.startswith('-') and not d.startswith('---'))} lines")
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"peak memory (max RSS): {peak:.0f} MB")
        print("peers: black and ruff guarantee the same property for code (format twice = once);")
        print("       no prose tool fixes files in place, so there is no peer number to compare.")
        return 1 if changed2 else 0


if __name__ == "__main__":
    sys.exit(main())
