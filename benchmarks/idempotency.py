"""Idempotency of `convert`: converting the output again must change nothing.

    python benchmarks/idempotency.py              # ../shared/corpus and ../shared/dev-eval inputs
    python benchmarks/idempotency.py --only FILE  # one file, with a diff of the second pass

Every .txt, .md and .html input of the corpus (``$TIDYINK_CORPUS`` or ../shared/corpus)
and of the dev-eval cases (``$TIDYINK_DEVEVAL`` or ../shared/dev-eval: structure inputs,
typography and typos inputs, encoding inputs) is converted to Markdown and to text; the
output is converted again the same way (Markdown read as Markdown, text as text) and
must come back unchanged. Prints the files that change on the second pass (with the
first differing line) and exits 1 when there are any. Skips cleanly when neither
folder is there.
"""

from __future__ import annotations

import argparse
import difflib
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from tidyink import api  # noqa: E402
from tidyink.errors import TidyinkError  # noqa: E402

CORPUS = Path(os.environ.get("TIDYINK_CORPUS") or ROOT / ".." / "shared" / "corpus")
DEVEVAL = Path(os.environ.get("TIDYINK_DEVEVAL") or ROOT / ".." / "shared" / "dev-eval")
SUFFIXES = (".txt", ".md", ".html", ".htm")
# dev-eval folders holding inputs (gold and expected outputs are not inputs)
DEVEVAL_INPUTS = ("structure/cases", "typography/cases", "typos/inject", "encoding/cases/in")


def inputs() -> list[Path]:
    found: list[Path] = []
    if CORPUS.is_dir():
        found += [
            p for p in sorted(CORPUS.rglob("*"))
            if p.is_file() and p.suffix in SUFFIXES and p.name != "README.md" and "expected" not in p.parts[-2]
        ]  # fmt: skip
    for sub in DEVEVAL_INPUTS:
        folder = DEVEVAL / sub
        if folder.is_dir():
            found += [
                p for p in sorted(folder.rglob("*"))
                if p.is_file() and p.suffix in SUFFIXES and not p.name.startswith("gold")
            ]  # fmt: skip
    return found


def second_pass(path: Path, to: str) -> tuple[str, str] | None:
    """(first output, second output), or None when the file is refused."""
    try:
        once = api.convert(path.read_bytes(), path=str(path), to=to, lint=False).text
    except TidyinkError:
        return None
    again_path = str(path.with_suffix(".md" if to == "markdown" else ".txt"))
    twice = api.convert(once.encode("utf-8"), path=again_path, to=to, lint=False).text
    return once, twice


def first_difference(once: str, twice: str) -> str:
    diff = difflib.unified_diff(once.splitlines(), twice.splitlines(), lineterm="", n=0)
    lines = [line for line in diff if line[:1] in "+-" and not line.startswith(("+++", "---"))]
    return " | ".join(line[:100] for line in lines[:2])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--only", type=Path, help="check one file and print the diff")
    args = parser.parse_args()
    files = [args.only] if args.only else inputs()
    if not files:
        print(f"no inputs found at {CORPUS} or {DEVEVAL}, skipping")
        return 0
    start = time.perf_counter()
    changed: list[str] = []
    refused = 0
    for path in files:
        for to in ("markdown", "text"):
            result = second_pass(path, to)
            if result is None:
                refused += 1
                continue
            once, twice = result
            if once != twice:
                changed.append(f"{to:8} {path}: {first_difference(once, twice)}")
                if args.only:
                    sys.stdout.writelines(
                        line + "\n" for line in difflib.unified_diff(once.splitlines(), twice.splitlines(), lineterm="")
                    )
    seconds = time.perf_counter() - start
    print(
        f"idempotency: {len(files)} files x 2 formats, {len(changed)} change on the second pass "
        f"(must be 0), {refused} refused; {seconds:.1f} s"
    )
    for line in changed:
        print("  " + line)
    return 1 if changed else 0


if __name__ == "__main__":
    raise SystemExit(main())
