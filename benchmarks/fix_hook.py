"""Wall time of `tidyink fix` as a pre-commit hook runs it: one process, 10 small chapters.

Each chapter (about 6 KB of our own generated prose, with straight quotes,
spaced ellipses, double hyphens and some mojibake) is written fresh before each
timed run. Timed: `python -m tidyink fix FILE...` on the damaged files (the
commit that needs fixing), and on the clean files (every later commit), next to
the floor every Python hook pays (`python -c pass`) and `tidyink --version`.
Like an installed hook, runs use compiled bytecode and the word-list cache
(one untimed warm-up run writes both).
The corpus is not needed.

    python benchmarks/fix_hook.py
"""

from __future__ import annotations

import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RUNS = 7

SUBJECTS = ["The ferryman", "Odile", "Her brother", "The old clerk", "Nobody on the quay", "Pell"]
VERBS = ["waited", "counted the lamps", "said nothing", "looked back", "laughed", "folded the letter"]
TAILS = [
    "until the tide turned",
    "as if the rain had never stopped",
    'and said, "Not tonight . . . not yet."',
    "--then thought better of it",
    "while the caf\u00c3\u00a9 emptied",
    "and the bells rang twice...",
    "because it's what they'd always done",
]


def chapter(seed: int) -> str:
    rnd = random.Random(seed)
    paragraphs = [f"# Chapter {seed + 1}"]
    while sum(len(p) for p in paragraphs) < 6000:
        sentences = [f"{rnd.choice(SUBJECTS)} {rnd.choice(VERBS)} {rnd.choice(TAILS)}." for _ in range(4)]
        paragraphs.append(" ".join(sentences))
    return "\n\n".join(paragraphs) + "\n"


def env() -> dict[str, str]:
    e = dict(os.environ)
    # an installed hook runs from compiled bytecode (pip compiles it at install time)
    e.pop("PYTHONDONTWRITEBYTECODE", None)
    e["PYTHONPATH"] = str(ROOT / "src") + os.pathsep + e.get("PYTHONPATH", "")
    return e


def timed(args: list[str], cwd: Path, prepare=None) -> list[float]:
    times = []
    for _ in range(RUNS):
        if prepare:
            prepare()
        start = time.perf_counter()
        subprocess.run(args, cwd=cwd, env=env(), capture_output=True, check=False)
        times.append(time.perf_counter() - start)
    return times


def show(label: str, times: list[float]) -> None:
    print(f"{label:<44} median {statistics.median(times) * 1000:6.0f} ms   min {min(times) * 1000:6.0f} ms")


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        texts = {folder / f"chapter-{i + 1:02d}.md": chapter(i) for i in range(10)}
        files = [str(p.name) for p in texts]

        def damage() -> None:
            for path, text in texts.items():
                path.write_text(text, encoding="utf-8")

        damage()
        py = sys.executable
        subprocess.run([py, "-m", "tidyink", "fix", "--check", *files], cwd=folder, env=env(), capture_output=True)
        size = sum(p.stat().st_size for p in texts)
        print(f"10 chapter files, {size / 1000:.0f} KB in all; {RUNS} runs each\n")
        show("python -c pass (floor for any Python hook)", timed([py, "-c", "pass"], folder))
        show("tidyink --version", timed([py, "-m", "tidyink", "--version"], folder))
        show("tidyink fix (10 files that need fixing)", timed([py, "-m", "tidyink", "fix", *files], folder, damage))
        subprocess.run([py, "-m", "tidyink", "fix", *files], cwd=folder, env=env(), capture_output=True)
        show("tidyink fix (10 clean files)", timed([py, "-m", "tidyink", "fix", *files], folder))
        show("tidyink fix --check (10 clean files)", timed([py, "-m", "tidyink", "fix", "--check", *files], folder))
        out = subprocess.run(
            [py, "-X", "importtime", "-m", "tidyink", "fix", *files],
            cwd=folder,
            env=env(),
            capture_output=True,
            text=True,
        )
        rows = []
        for line in out.stderr.splitlines():
            if line.startswith("import time:") and "|" in line:
                _, cumulative, name = (part.strip() for part in line.split(":", 1)[1].split("|"))
                if cumulative.isdigit() and name.count(".") == 0 and not name.startswith("_"):
                    rows.append((int(cumulative), name))
        print("\nslowest top-level imports during `tidyink fix` (cumulative):")
        for micro, name in sorted(rows, reverse=True)[:6]:
            print(f"  {name:<24} {micro / 1000:6.0f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
