"""Look for regular expressions whose matching time grows faster than the text.

    python benchmarks/regex_audit.py [--size 2000] [--factor 4]

Imports every tidyink module, collects each compiled pattern it holds at module
level (``re`` and ``regex``; patterns built inside cached functions are
collected after one conversion has run), and times ``finditer`` over texts
built to provoke backtracking: long runs of one character (letter, space,
punctuation, digit, each quote and dash) and of alternating pairs, with and
without a closing character. Each text is timed at SIZE and SIZE x FACTOR
characters; a linear pattern takes about FACTOR times longer, a quadratic one
about FACTOR squared. Patterns whose growth exceeds FACTOR x 2.5 on some text
are listed with that text (worst first). Nothing is asserted: this is an audit.
"""

from __future__ import annotations

import argparse
import gc
import importlib
import pkgutil
import re
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

UNITS = (
    "a", " ", ".", "-", "1", "'", '"', "\u2019", "\u201c", "\u2014", "*", "\n", "\t",
    "\u00a0", "\u00c3", "_", "=", "#", "<", "&", "a ", "a.", ". ", "a\n", "\n\n", " \n",
    "aA", "- ", "* ", "ab'", "1.", ".\u2019", "Ab ", "\u00c3\u00a9",
)
ENDS = ("", "!", "\x00", "\ufffd")


def patterns() -> dict[str, Any]:
    """``module.NAME`` -> compiled pattern, for every tidyink module."""
    import regex

    import tidyink

    kinds = (re.Pattern, regex.Pattern)
    tidyink.convert("Chapter 1\n\nHe said \"wait\" -- then left...\n", to="text")  # fill caches
    found: dict[str, Any] = {}
    for info in pkgutil.walk_packages(tidyink.__path__, "tidyink."):
        if info.name.endswith("__main__"):
            continue
        try:
            module = importlib.import_module(info.name)
        except Exception:  # an optional dependency missing: skip the module
            continue
        for name, value in vars(module).items():
            if isinstance(value, kinds):
                found.setdefault(f"{info.name}.{name}", value)
    return found


def best_time(pattern: Any, text: str, runs: int = 2) -> float:
    if isinstance(pattern.pattern, bytes):
        text = text.encode("utf-8")  # type: ignore[assignment]
    best = float("inf")
    for _ in range(runs):
        start = time.process_time()
        for _match in pattern.finditer(text):
            pass
        best = min(best, time.process_time() - start)
    return best


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=2000, help="characters of the small text")
    parser.add_argument("--factor", type=int, default=4, help="how much larger the big text is")
    args = parser.parse_args()
    found = patterns()
    print(f"{len(found)} compiled patterns at module level")
    flagged: list[tuple[float, str, str, float]] = []
    gc.disable()
    for label, pattern in sorted(found.items()):
        worst = (0.0, "", 0.0)
        for unit in UNITS:
            for end in ENDS:
                small = unit * (args.size // len(unit)) + end
                big = unit * (args.size * args.factor // len(unit)) + end
                t_small = best_time(pattern, small)
                if t_small < 1e-4:  # too fast to tell at the small size: judge the big one alone
                    t_big = best_time(pattern, big)
                    growth = t_big / 1e-4 if t_big > 0.01 else 0.0
                else:
                    t_big = best_time(pattern, big)
                    growth = t_big / t_small
                if growth > worst[0]:
                    worst = (growth, repr(unit + "..." + end), t_big)
        if worst[0] > args.factor * 2.5:
            flagged.append((worst[0], label, worst[1], worst[2]))
            print(f"  {label}: x{worst[0]:.1f} on {worst[1]}", flush=True)
    gc.enable()
    for growth, label, text, seconds in sorted(flagged, reverse=True):
        print(f"{growth:7.1f}x  {seconds * 1000:8.1f} ms  {label}  on {text}")
    print(f"{len(flagged)} pattern(s) grow faster than linear (x{args.factor} text, > x{args.factor * 2.5:.0f} time)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
