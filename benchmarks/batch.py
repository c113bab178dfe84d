"""Batch conversion throughput and memory: 1 and 2 local workers, Dask, and a shell loop.

    python benchmarks/batch.py [--copies 1,4,16] [--quick]

Converts the whole development corpus (../shared/corpus, or $TIDYINK_CORPUS) into
a temporary folder with ``tidyink.batch.run_batch``; each configuration runs in a
fresh process so that its peak memory is its own. Reported per run: files/s,
MB/s (input bytes), wall time, peak RSS of the parent and of the largest worker,
and the parent's peak Python heap (tracemalloc). The corpus is then replicated
N times in a temporary folder to show that the parent's memory does not grow
with the number of files. The baseline "peer" is what people do without a batch
mode: one ``tidyink convert FILE -o OUT`` process per file.

Goals (issue 8): 2 workers ≥ 1.8× one; Dask within 20% of the local pool;
parent memory flat in the number of files.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def corpus_dir() -> Path:
    env = os.environ.get("TIDYINK_CORPUS")
    return Path(env) if env else ROOT / ".." / "shared" / "corpus"


def replicate(corpus: Path, copies: int, where: Path) -> Path:
    """``copies`` copies of the corpus side by side (copy-00/, copy-01/, ...)."""
    target = where / f"corpus-x{copies}"
    if not target.exists():
        for i in range(copies):
            shutil.copytree(corpus, target / f"copy-{i:02d}")
    return target


# ------------------------------------------------------------------ child side


def _maxrss_mb(who: int = resource.RUSAGE_SELF) -> float:
    return resource.getrusage(who).ru_maxrss / 1024  # Linux: kilobytes


def _cpu(who: int = resource.RUSAGE_SELF) -> float:
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime


def child(src: str, out: str, mode: str, trace: bool) -> None:
    """Run one batch in this fresh process and print its numbers as JSON."""
    sys.path.insert(0, str(ROOT / "src"))
    import tracemalloc

    from tidyink.batch import BatchConfig, run_batch
    from tidyink.options import Options

    cluster = client = None
    startup = 0.0
    if mode == "dask":
        import logging

        from distributed import Client, LocalCluster

        t0 = time.perf_counter()
        cluster = LocalCluster(
            n_workers=2,
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
            silence_logs=logging.ERROR,
        )
        client = Client(cluster)
        startup = time.perf_counter() - t0
        config = BatchConfig(engine="dask", scheduler=cluster.scheduler_address, progress=False)
    else:
        config = BatchConfig(jobs=int(mode), progress=False)
    if trace:
        os.register_at_fork(after_in_child=tracemalloc.stop)  # measure the parent only
        tracemalloc.start()
    cpu0 = _cpu() + _cpu(resource.RUSAGE_CHILDREN)
    if client is not None:
        cpu0 += sum(client.run(_cpu).values())
    t0 = time.perf_counter()
    summary = run_batch(src, out, Options(), config)
    wall = time.perf_counter() - t0
    heap = tracemalloc.get_traced_memory()[1] / 1e6 if trace else None
    if trace:
        tracemalloc.stop()
    worker = None
    cpu = _cpu() + _cpu(resource.RUSAGE_CHILDREN) - cpu0
    if client is not None:
        cpu += sum(client.run(_cpu).values())
        worker = max(client.run(_maxrss_mb).values())
        client.close()
        cluster.close()
    elif mode != "1":
        worker = _maxrss_mb(resource.RUSAGE_CHILDREN)
    print(
        json.dumps(
            {
                "files": summary.status["converted"],
                "failed": summary.failed,
                "bytes": summary.bytes_in,
                "wall": wall,
                "cpu": cpu,
                "startup": startup,
                "parent_rss": _maxrss_mb(),
                "worker_rss": worker if worker is not None else _maxrss_mb(),
                "parent_heap": heap,
            }
        )
    )


# ------------------------------------------------------------------ parent side


REPEAT = 1


def run_child(src: Path, out: Path, mode: str, trace: bool = False) -> dict:
    """One batch in a fresh process; the numbers it printed."""
    shutil.rmtree(out, ignore_errors=True)
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    cmd = [sys.executable, __file__, "--child", str(src), str(out), mode]
    if trace:
        cmd.append("--trace")
    done = subprocess.run(cmd, capture_output=True, text=True, env=env, check=False)
    if done.returncode != 0:
        raise SystemExit(f"benchmark child failed:\n{done.stderr[-2000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def shell_loop(src: Path, out: Path) -> dict:
    """The peer baseline: one tidyink process per file, as a shell loop would do it."""
    shutil.rmtree(out, ignore_errors=True)
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    files = [p for p in sorted(src.rglob("*")) if p.is_file() and p.suffix in (".txt", ".md")]
    t0 = time.perf_counter()
    cpu0 = _cpu(resource.RUSAGE_CHILDREN)
    total = 0
    for path in files:
        dst = out / path.relative_to(src).with_suffix(".md")
        dst.parent.mkdir(parents=True, exist_ok=True)
        cmd = [sys.executable, "-m", "tidyink", "convert", str(path), "-o", str(dst), "-q"]
        subprocess.run(cmd, env=env, capture_output=True, check=False)
        total += path.stat().st_size
    wall = time.perf_counter() - t0
    return {
        "files": len(files),
        "bytes": total,
        "wall": wall,
        "cpu": _cpu(resource.RUSAGE_CHILDREN) - cpu0,
    }


def line(label: str, r: dict) -> str:
    fps = r["files"] / r["wall"]
    mbps = r["bytes"] / 1e6 / r["wall"]
    rss = f"{r['parent_rss']:7.1f} {r['worker_rss']:7.1f}" if "parent_rss" in r else " " * 15
    heap = f"{r['parent_heap']:7.2f}" if r.get("parent_heap") is not None else "      -"
    return (
        f"{label:<28} {r['files']:6d} {r['bytes'] / 1e6:7.1f} {r['wall']:7.2f} {r['cpu']:7.2f} "
        f"{fps:8.1f} {mbps:6.2f} {rss} {heap}"
    )


HEADER = (
    f"{'run':<28} {'files':>6} {'MB':>7} {'wall s':>7} {'cpu s':>7} {'files/s':>8} {'MB/s':>6} "
    f"{'parent':>7} {'worker':>7} {'heap':>7}\n"
    f"{'':<28} {'':>6} {'':>7} {'':>7} {'':>7} {'':>8} {'':>6} "
    f"{'RSS MB':>7} {'RSS MB':>7} {'MB':>7}"
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--child", nargs=3, metavar=("SRC", "OUT", "MODE"), help=argparse.SUPPRESS)
    parser.add_argument("--trace", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument(
        "--copies", default="1,4,16", help="replication factors for the memory runs"
    )
    parser.add_argument(
        "--speed-copies", type=int, default=4, help="replication for the speed runs"
    )
    parser.add_argument("--repeat", type=int, default=3, help="runs per configuration (min)")
    parser.add_argument(
        "--no-shell", action="store_true", help="skip the one-process-per-file loop"
    )
    args = parser.parse_args()
    if args.child:
        child(*args.child, trace=args.trace)
        return
    global REPEAT
    REPEAT = max(1, args.repeat)
    corpus = corpus_dir()
    if not corpus.is_dir():
        print(f"corpus not found at {corpus}, skipping")
        return
    print(f"corpus: {corpus.resolve()}  (cpus: {os.cpu_count()}, load {os.getloadavg()[0]:.1f})")
    print(f"best of {REPEAT} interleaved runs per configuration\n")
    with tempfile.TemporaryDirectory(prefix="tidyink-bench-") as tmp:
        work = Path(tmp)
        print(HEADER)
        results: dict[str, dict] = {}
        modes = (
            ("1", "local, 1 worker"),
            ("2", "local, 2 workers"),
            ("dask", "dask, 2-worker LocalCl."),
        )
        for copies in sorted({1, args.speed_copies}):
            src = replicate(corpus, copies, work) if copies > 1 else corpus
            # Interleaved repeats, so that every mode sees the same (shared) machine.
            runs: dict[str, list[dict]] = {mode: [] for mode, _ in modes}
            for _ in range(REPEAT):
                for mode, _label in modes:
                    runs[mode].append(run_child(src, work / "out", mode))
            for mode, label in modes:
                r = min(runs[mode], key=lambda r: r["wall"])
                results[f"{mode}x{copies}"] = r
                extra = (
                    f"  (cluster start {r['startup']:.1f} s, not counted)" if mode == "dask" else ""
                )
                print(line(f"{label} x{copies}", r) + extra)
        if not args.no_shell:
            print(line("shell loop, 1 process/file x1", shell_loop(corpus, work / "out")))
        k = args.speed_copies
        one, two, dask = results[f"1x{k}"], results[f"2x{k}"], results[f"daskx{k}"]
        print(
            f"\nspeed-up, 2 workers / 1 (x{k}): {one['wall'] / two['wall']:.2f}x (goal >= 1.8)"
            f"\ndask / local pool, 2 workers (x{k}): {dask['wall'] / two['wall']:.2f}x wall"
            " (goal <= 1.20)"
            f"\ncpu seconds, 2 workers / 1 (x{k}): {two['cpu'] / one['cpu']:.2f}"
            f" (parallel overhead; wall-clock speed-up on an idle machine <= 2 / this)"
        )
        print("\nparent memory against the number of files (local, 2 workers):")
        print(HEADER)
        for copies in [int(c) for c in args.copies.split(",") if c.strip()]:
            src = replicate(corpus, copies, work) if copies > 1 else corpus
            r = run_child(src, work / "out", "2", trace=True)
            print(line(f"local, 2 workers x{copies}", r))
        print(f"\nload average at the end: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
