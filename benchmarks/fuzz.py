"""The long fuzz run, on demand: many generated inputs on every core, then a summary.

    python benchmarks/fuzz.py --inputs 1000000 --jobs 2
    python benchmarks/fuzz.py --minutes 30 --jobs 1

Each worker runs the hypothesis strategies of ``tests/fuzzing.py`` (random bytes,
mutated prose/Markdown/HTML, pathological shapes) with its own seed, converting each
input with the safety check on. Reported: the version run (commit), inputs run,
crashes (exceptions other than a one-line refusal, and safety-check failures) with a
reproducer each, CPU seconds per 100 KB (inputs under 10 KB count as 10 KB), and the
slowest inputs with their size-scaling (CPU at 1x, 2x, 4x the input: an exponent near
1 is linear, near 2 quadratic). ``--json FILE`` is rewritten after every 2,000 inputs,
so a run cut short keeps its numbers. Exit 1 when anything crashed or an input took
more than ``--limit`` CPU seconds per 100 KB.
"""

from __future__ import annotations

import argparse
import contextlib
import heapq
import json
import math
import multiprocessing
import os
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "src"), str(ROOT / "tests")]

KEEP = 10  # slowest inputs kept per worker
FLOOR = 10_000  # bytes: a smaller input is judged as if it were this large (fixed costs)


class _TimeUp(Exception):
    """--minutes ran out: ends a worker's hypothesis run at once."""


def _worker(args: tuple[int, int, float, int]) -> dict[str, Any]:
    seed, budget, deadline, max_size = args
    from hypothesis import HealthCheck, Phase, given, settings
    from hypothesis import seed as hyp_seed

    from fuzzing import HTML_SEEDS, MARKDOWN_SEEDS, PROSE_SEEDS, inputs, run_one

    for text, name in ((PROSE_SEEDS[3], "w.txt"), (MARKDOWN_SEEDS[0], "w.md"), (HTML_SEEDS[0], "w.html")):
        run_one(text.encode(), name, "markdown")  # load the lazy imports before timing anything
    stats: dict[str, Any] = {"inputs": 0, "bytes": 0, "cpu": 0.0, "crashes": [], "slowest": []}
    slowest: list[tuple[float, int, str]] = []
    import gc

    gc.collect()
    gc.freeze()

    @hyp_seed(seed)
    @settings(
        max_examples=budget,
        deadline=None,
        database=None,
        phases=[Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(inputs(max_size=max_size, fast=True))
    def fuzz(case: tuple[bytes, str, str]) -> None:
        if time.time() > deadline:
            raise _TimeUp
        data, name, to = case
        if stats["inputs"] % 200 == 0:
            gc.freeze()  # the fuzzer's own growing state: not scanned again inside a timed conversion
        outcome = run_one(data, name, to)
        stats["inputs"] += 1
        stats["bytes"] += len(data)
        stats["cpu"] += outcome.seconds
        if outcome.crash and len(stats["crashes"]) < 50:
            stats["crashes"].append({"error": outcome.crash, "name": name, "to": to, "data": data.hex()})
        per_100kb = outcome.seconds / max(len(data), FLOOR) * 100_000
        if len(slowest) == KEEP and per_100kb <= slowest[0][0]:
            return  # not among the slowest: spare writing it down
        item = (per_100kb, stats["inputs"], json.dumps({"name": name, "to": to, "data": data.hex(),
                                                        "seconds": outcome.seconds, "bytes": len(data)}))
        if len(slowest) < KEEP:
            heapq.heappush(slowest, item)
        else:
            heapq.heappushpop(slowest, item)

    if time.time() < deadline:
        with contextlib.suppress(_TimeUp):
            fuzz()
    stats["slowest"] = [json.loads(s) | {"per_100kb": p} for p, _, s in sorted(slowest, reverse=True)]
    return stats


def _scaling(entry: dict[str, Any]) -> tuple[float, str]:
    """CPU seconds per 100 KB measured again (first-use loading excluded), and the scaling."""
    from fuzzing import scaling

    data = bytes.fromhex(entry["data"])
    times = scaling(data, entry["name"], entry["to"])
    again = times[0] / max(len(data), FLOOR) * 100_000
    if times[0] < 0.002:
        return again, "too fast to measure"
    exponent = math.log(max(times[2], 1e-6) / times[0], 4)
    return again, f"CPU at 1x/2x/4x: {times[0]:.3f}/{times[1]:.3f}/{times[2]:.3f} s (exponent {exponent:.2f})"


def _version() -> str:
    """The tidyink version and, in a git checkout, the commit (marked when the tree is edited)."""
    import subprocess

    from tidyink import __version__

    try:
        commit = subprocess.run(["git", "-C", str(ROOT), "describe", "--always", "--dirty"],
                                capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        commit = "no git"
    return f"{__version__} ({commit})"


def _write(path: str, numbers: dict[str, Any]) -> None:
    """Write the numbers atomically, so that a reader never sees half a file."""
    target = Path(path)
    temporary = target.with_name(f".{target.name}.tmp")
    temporary.write_text(json.dumps(numbers, indent=1))
    os.replace(temporary, target)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--inputs", type=int, default=20_000, help="inputs in all (default 20000)")
    parser.add_argument("--minutes", type=float, default=None, help="stop after this long, whatever --inputs says")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="worker processes (default: every core)")
    parser.add_argument("--max-size", type=int, default=20_000, help="characters of a pathological shape")
    parser.add_argument("--limit", type=float, default=1.0, help="CPU seconds per 100 KB allowed (default 1)")
    parser.add_argument("--seed", type=int, default=20261204)
    parser.add_argument("--json", metavar="FILE", help="also write the numbers here")
    args = parser.parse_args()

    started = time.time()
    deadline = started + args.minutes * 60 if args.minutes else float("inf")
    # Many small hypothesis runs (one per seed), so that a time limit ends the run promptly.
    chunk = 2_000
    seeds = [(args.seed + i, min(chunk, args.inputs - i * chunk), deadline, args.max_size)
             for i in range(math.ceil(args.inputs / chunk))]
    total: dict[str, Any] = {"version": _version(), "seed": args.seed, "finished": False,
                             "inputs": 0, "bytes": 0, "cpu": 0.0, "crashes": [], "slowest": []}
    with multiprocessing.get_context("spawn").Pool(args.jobs) as pool:
        for stats in pool.imap_unordered(_worker, seeds):
            for key in ("inputs", "bytes", "cpu"):
                total[key] += stats[key]
            total["crashes"] += stats["crashes"]
            total["slowest"] = sorted(total["slowest"] + stats["slowest"], key=lambda s: -s["per_100kb"])[:KEEP]
            print(f"  {total['inputs']:,} inputs, {len(total['crashes'])} crashes, "
                  f"{time.time() - started:.0f} s", file=sys.stderr, flush=True)
            if args.json:  # what is done so far survives a run cut short
                _write(args.json, total | {"seconds": time.time() - started})
    wall = time.time() - started
    lines, worst = [], 0.0
    for entry in total["slowest"][:5]:  # measured again: the first run may include first-use loading
        again, scale = _scaling(entry)
        worst = max(worst, again)
        lines.append(f"  {entry['per_100kb']:.3f} (again {again:.3f})  {entry['bytes']:,} B  {entry['name']}  {scale}")
        lines.append(f"    {bytes.fromhex(entry['data'])[:80]!r}")
    print(f"fuzz on tidyink {total['version']}: {total['inputs']:,} inputs, {total['bytes'] / 1e6:.1f} MB, "
          f"{len(total['crashes'])} crashes, "
          f"worst {worst:.3f} CPU s per 100 KB measured again (limit {args.limit}), {wall:.0f} s on {args.jobs} job(s)")
    kinds: dict[str, int] = {}
    for crash in total["crashes"]:
        kind = crash["error"].split(":")[0] + (": safety" if "safety check" in crash["error"] else "")
        kinds[kind] = kinds.get(kind, 0) + 1
    print(f"crash kinds: {kinds}")
    for crash in total["crashes"][:10]:
        print(f"  crash: {crash['error'][:200]}\n    input: {crash['name']} --to {crash['to']} "
              f"{bytes.fromhex(crash['data'])[:120]!r}")
    print("slowest (CPU s per 100 KB at first, measured again, size, scaling):")
    print("\n".join(lines))
    if args.json:
        _write(args.json, total | {"seconds": wall, "finished": True, "worst_again": worst})
    return 1 if total["crashes"] or worst > args.limit else 0


if __name__ == "__main__":
    sys.exit(main())
