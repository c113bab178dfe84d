"""Startup time of ``python -m tidyink --version`` (goal: at most 150 ms).

    python benchmarks/startup.py [runs]

Prints the best and median wall time of the command against a bare
``python -c pass`` baseline, and the slowest imports from ``-X importtime``,
so a heavy module imported at start-up shows up by name.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GOAL_MS = 150.0


def timed(args: list[str], runs: int, env: dict[str, str]) -> list[float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(args, env=env, check=True, capture_output=True)
        times.append((time.perf_counter() - start) * 1000)
    return times


def slowest_imports(env: dict[str, str], top: int = 8) -> list[tuple[int, str]]:
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "tidyink", "--version"],
        env=env, capture_output=True, text=True, check=True,
    )
    rows = []
    for line in result.stderr.splitlines():
        if not line.startswith("import time:") or "cumulative" in line:
            continue
        _, cumulative, name = (part.strip() for part in line[12:].split("|"))
        rows.append((int(cumulative), name))
    return sorted(rows, reverse=True)[:top]


def main() -> int:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 20
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    base = timed([sys.executable, "-c", "pass"], runs, env)
    tool = timed([sys.executable, "-m", "tidyink", "--version"], runs, env)
    print(f"{'command':<34} {'best ms':>8} {'median ms':>10}")
    print(f"{'python -c pass':<34} {min(base):>8.1f} {statistics.median(base):>10.1f}")
    print(f"{'python -m tidyink --version':<34} {min(tool):>8.1f} {statistics.median(tool):>10.1f}")
    verdict = "within" if statistics.median(tool) <= GOAL_MS else "OVER"
    print(f"median {statistics.median(tool):.0f} ms: {verdict} the {GOAL_MS:.0f} ms goal")
    overhead = statistics.median(tool) - statistics.median(base)
    print(f"tidyink's own share (median minus bare interpreter): {overhead:.0f} ms")
    print("(on a loaded machine both grow: compare with the bare interpreter line)")
    print("slowest imports (cumulative microseconds):")
    for micros, name in slowest_imports(env):
        print(f"  {micros:>8}  {name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
