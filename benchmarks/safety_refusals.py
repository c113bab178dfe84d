"""Safety refusals on real files: converting them with the safety check on must write every one.

    python benchmarks/safety_refusals.py              # ../shared/corpus and ../shared/dev-eval inputs
    python benchmarks/safety_refusals.py --only FILE  # one file

Every input that ``benchmarks/idempotency.py`` checks is converted to Markdown and to
text with the safety check on (as ``convert`` does by default). A refusal (exit 3,
"safety check failed") on a real file is a failure for its user: either a filter
changed words without saying so, or the check misjudged a change it was told of.
Prints each refusal with its reason and exits 1 when there are any. Skips cleanly
when neither folder is there.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from idempotency import CORPUS, DEVEVAL, inputs  # noqa: E402
from tidyink import api  # noqa: E402
from tidyink.errors import TidyinkError  # noqa: E402
from tidyink.safety import SafetyError  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--only", type=Path, help="check one file")
    args = parser.parse_args()
    files = [args.only] if args.only else inputs()
    if not files:
        print(f"no inputs found at {CORPUS} or {DEVEVAL}, skipping")
        return 0
    start = time.perf_counter()
    refusals: list[str] = []
    other = 0
    for path in files:
        data = path.read_bytes()
        for to in ("markdown", "text"):
            try:
                api.convert(data, path=str(path), to=to, lint=False, safe=True)
            except SafetyError as exc:
                refusals.append(f"{to:8} {path}: {exc.difference}")
            except TidyinkError:
                other += 1  # refused for another reason (binary, undecodable): not this check's
    seconds = time.perf_counter() - start
    print(
        f"safety: {len(files)} files x 2 formats, {len(refusals)} refused by the safety check "
        f"(must be 0), {other} refused otherwise; {seconds:.1f} s"
    )
    for line in refusals:
        print("  " + line)
    return 1 if refusals else 0


if __name__ == "__main__":
    raise SystemExit(main())
