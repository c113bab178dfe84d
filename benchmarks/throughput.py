"""Conversion throughput on the corpus, with an output check against a saved baseline.

Every file under the corpus is converted with default options to Markdown and to
plain text. For each output the script keeps the sha256 of the text and the full
list of changes (filter, line, column, before, after); ``--save`` writes them to a
JSON baseline, ``--compare`` (the default when the baseline exists) checks that a
later run produces exactly the same. It prints MB/s per file and overall (the best
of ``--repeat`` Markdown conversions, in CPU seconds of this process, which other
work on the machine disturbs less than wall time), and the peak resident memory.

    python benchmarks/throughput.py --save /tmp/tidyink-throughput.json
    python benchmarks/throughput.py --compare /tmp/tidyink-throughput.json
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

FORMATS = ("markdown", "text")
DEFAULT_BASELINE = Path("/tmp/tidyink-throughput.json")


def corpus_dir() -> Path | None:
    env = os.environ.get("TIDYINK_CORPUS")
    candidates = [Path(env)] if env else []
    # ../shared/corpus from the repository root (a worktree may sit one level deeper)
    candidates += [ROOT / ".." / "shared" / "corpus", ROOT / ".." / ".." / "shared" / "corpus"]
    for base in candidates:
        if base.is_dir():
            return base.resolve()
    return None


def convert_all(corpus: Path, files: list[Path], repeat: int) -> tuple[dict, list[tuple[str, int, float]]]:
    import tidyink

    record: dict[str, dict] = {}
    timings: list[tuple[str, int, float]] = []
    for path in files:
        data = path.read_bytes()
        name = str(path.relative_to(corpus))
        best = float("inf")
        for fmt in FORMATS:
            for _ in range(repeat):
                start = time.process_time()
                result = tidyink.convert(data, path=str(path), to=fmt)
                elapsed = time.process_time() - start
                if fmt == "markdown":
                    best = min(best, elapsed)
            record[f"{name}::{fmt}"] = {
                "sha256": hashlib.sha256(result.text.encode("utf-8", "surrogatepass")).hexdigest(),
                "changes": [[c.filter, c.line, c.column, c.before, c.after] for c in result.changes],
            }
        timings.append((name, len(data), best))
    return record, timings


def compare(record: dict, baseline: dict) -> int:
    problems = 0
    for key in sorted(set(record) | set(baseline)):
        got, want = record.get(key), baseline.get(key)
        if got is None or want is None:
            print(f"MISSING {key}: {'now' if got is None else 'baseline'}")
            problems += 1
        elif got["sha256"] != want["sha256"]:
            print(f"OUTPUT DIFFERS {key}")
            problems += 1
        elif got["changes"] != want["changes"]:
            n = next(
                (i for i, (a, b) in enumerate(zip(got["changes"], want["changes"])) if a != b),
                min(len(got["changes"]), len(want["changes"])),
            )
            print(f"CHANGES DIFFER {key} at #{n} ({len(got['changes'])} vs {len(want['changes'])})")
            problems += 1
    return problems


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--save", type=Path, help="write the outputs' baseline here")
    parser.add_argument("--compare", type=Path, help="compare the outputs with this baseline")
    parser.add_argument("--repeat", type=int, default=1, help="timed runs per file (best kept)")
    args = parser.parse_args()
    corpus = corpus_dir()
    if corpus is None:
        print("corpus not found, skipping")
        return 0
    files = sorted(p for p in corpus.rglob("*") if p.is_file())
    import tidyink

    tidyink.convert(files[0].read_bytes(), to="markdown")  # warm-up: word lists, regexes
    t0 = time.perf_counter()
    record, timings = convert_all(corpus, files, args.repeat)
    wall = time.perf_counter() - t0
    print(f"{'file (to markdown, CPU time)':60} {'kB':>7} {'s':>8} {'MB/s':>6}")
    total_bytes = total_time = 0.0
    for name, size, secs in timings:
        total_bytes += size
        total_time += secs
        print(f"{name[:60]:60} {size / 1e3:7.0f} {secs:8.3f} {size / 1e6 / max(secs, 1e-9):6.2f}")
    mbps = total_bytes / 1e6 / total_time
    print(f"overall markdown: {total_bytes / 1e6:.2f} MB in {total_time:.2f} s = {mbps:.2f} MB/s")
    print(f"wall time (markdown + text, {args.repeat}x): {wall:.2f} s")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(f"peak RSS: {peak / 1024:.0f} MB")
    if args.save:
        args.save.write_text(json.dumps(record, ensure_ascii=False))
        print(f"baseline saved: {args.save} ({len(record)} outputs)")
        return 0
    target = args.compare or (DEFAULT_BASELINE if DEFAULT_BASELINE.exists() else None)
    if target is None:
        print("no baseline to compare with (use --save first)")
        return 0
    problems = compare(record, json.loads(target.read_text()))
    print(f"compared with {target}: {'IDENTICAL' if not problems else f'{problems} DIFFERENCES'}")
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
