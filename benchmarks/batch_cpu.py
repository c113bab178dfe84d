"""CPU seconds of a whole batch run, every process counted: --jobs 1, --jobs 2, Dask.

    python benchmarks/batch_cpu.py [--src FOLDER | --count 100] [--repeat 5] [--modes 1,2,dask,cluster] [--poll]

Each run is a fresh ``tidyink convert SRC -o OUT`` process. Its cost is the CPU
time (user + system) of that process and of every process it starts, however
deep: pool workers, Dask's nannies and workers, a multiprocessing forkserver and
what it forks. The whole-process ``getrusage`` of the parent misses those
that it does not wait for itself (the forkserver's children, a process whose
parent dies first), so the measurement is made here, outside the run:

* Linux (exact): this process makes itself a *child subreaper*
  (``prctl(PR_SET_CHILD_SUBREAPER)``), so every orphaned descendant is handed to
  it instead of to init; after the run it reaps them all. The kernel adds the
  CPU time of every reaped process (and of what that process had reaped) to
  this process's ``RUSAGE_CHILDREN``; the difference over the run is the total,
  with nothing sampled. A descendant still alive 30 s after the run ends is an
  error (a leaked process).
* Elsewhere, or with ``--poll`` as a cross-check: every ~20 ms, psutil reads the
  CPU times of the run's process tree and of every new process whose
  environment carries a marker variable set for the run (to catch processes
  reparented away from the tree), and keeps the last reading of each pid. It
  undercounts by what a process spends after its last reading (up to ~20 ms
  each).

The default input is a folder of 100 chapters of about 8 KB cut at paragraph
breaks from ../shared/corpus (or $TIDYINK_CORPUS); the runs skip with a message
when neither ``--src`` nor the corpus is there. Modes run interleaved, medians
are printed, and every output folder is compared byte for byte with --jobs 1's.

Mode ``cluster`` runs the batch on a real Dask cluster that is started before
the runs and kept between them, as a cluster is used: its cost is
the client's CPU and what the cluster's processes spent during the run (read with
psutil before and after); the cluster's own start and its workers' first batch
(imports, word lists) are printed apart.

Goal: --jobs 2 ≤ 1.10× and Dask ≤ 1.20× the CPU of --jobs 1.
"""

from __future__ import annotations

import argparse
import filecmp
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MARKER = "TIDYINK_BENCH_RUN"
_BLANK_LINE = re.compile(rb"\n\r?\n")  # LF or CRLF line ends
MODES = {
    "1": ["--jobs", "1"],
    "2": ["--jobs", "2"],
    "dask": ["--engine", "dask", "--jobs", "2"],
    "cluster": ["--engine", "dask"],  # + --scheduler ADDRESS of the running cluster
}


def corpus_dir() -> Path:
    env = os.environ.get("TIDYINK_CORPUS")
    return Path(env) if env else ROOT / ".." / "shared" / "corpus"


def make_chapters(corpus: Path, where: Path, count: int = 100, size: int = 8000) -> Path:
    """``count`` chapters of at least ``size`` bytes, cut at blank lines from the corpus's
    plain-text books (the first ones, in name order)."""
    target = where / f"chapters-{count}"
    target.mkdir(parents=True, exist_ok=True)
    made = 0
    for book in sorted(corpus.rglob("*.txt")):
        text = book.read_bytes()
        start = 0
        while made < count and start < len(text):
            cut = _BLANK_LINE.search(text, start + size)
            end = len(text) if cut is None else cut.end()
            (target / f"ch{made:03d}.txt").write_bytes(text[start:end])
            made += 1
            start = end
        if made >= count:
            return target
    raise SystemExit(f"only {made} chapters of {size} bytes in {corpus}")


# ------------------------------------------------------------ measuring


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def become_subreaper() -> bool:
    """Have orphaned descendants handed to this process (Linux); False elsewhere."""
    if not sys.platform.startswith("linux"):
        return False
    import ctypes

    libc = ctypes.CDLL(None, use_errno=True)
    return libc.prctl(36, 1, 0, 0, 0) == 0  # PR_SET_CHILD_SUBREAPER


def reap_all(deadline: float, keep: frozenset[int] = frozenset()) -> None:
    """Wait for every descendant handed to us but the children ``keep`` (a running
    cluster's); fail if one outlives ``deadline``."""
    while True:
        try:
            pid, _status = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return
        if pid == 0:
            if keep and _children() <= keep:
                return
            if time.monotonic() > deadline:
                raise SystemExit("a process of the run is still alive after it ended")
            time.sleep(0.01)


def _can_run_a_cluster() -> bool:
    from importlib.util import find_spec

    return all(find_spec(name) is not None for name in ("distributed", "psutil"))


def _children() -> set[int]:
    import psutil

    return {child.pid for child in psutil.Process().children()}


class Poller:
    """The last CPU times seen of each process of a run (tree or marker), every ~20 ms."""

    def __init__(self, root: int, marker: str, every: float = 0.02) -> None:
        import psutil

        self.psutil = psutil
        self.root, self.marker, self.every = root, marker, every
        self.tracked: dict[int, psutil.Process] = {}
        self.seen: set[int] = set()
        self.cpu: dict[int, float] = {}
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._loop, daemon=True)
        self.thread.start()

    def _ours(self, proc: object) -> bool:
        try:
            if proc.pid == self.root or self.root in {p.pid for p in proc.parents()}:
                return True
            return proc.environ().get(MARKER) == self.marker
        except (self.psutil.Error, OSError):
            return False

    def _loop(self) -> None:
        ps = self.psutil
        while True:
            for pid in ps.pids():
                if pid not in self.seen:
                    self.seen.add(pid)
                    try:
                        proc = ps.Process(pid)
                    except ps.Error:
                        continue
                    if self._ours(proc):
                        self.tracked[pid] = proc
            for pid, proc in list(self.tracked.items()):
                try:
                    times = proc.cpu_times()
                except ps.Error:
                    del self.tracked[pid]
                    continue
                self.cpu[pid] = times.user + times.system
            if self.stop.is_set():
                return
            time.sleep(self.every)

    def total(self) -> float:
        self.stop.set()
        self.thread.join()
        return sum(self.cpu.values())


class RunningCluster:
    """A real Dask cluster started before the runs and kept between them, as a user runs
    one: ``dask scheduler`` and ``dask worker`` (``workers`` single-threaded workers,
    each with its nanny), separate processes outside any run. What a run costs the
    cluster is the CPU its processes (and their children) used during the run, read with
    psutil before and after; the client's own CPU is counted as in the other modes."""

    def __init__(self, workers: int, root: Path) -> None:
        import psutil
        from distributed import Client

        self.psutil = psutil
        self.folder = Path(tempfile.mkdtemp(prefix="tidyink-cluster-"))
        file = self.folder / "scheduler.json"
        env = {**os.environ, "PYTHONPATH": str(root / "src")}
        dask = [sys.executable, "-m", "dask"]
        quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL, "env": env, "cwd": self.folder}
        self.procs = [
            subprocess.Popen(
                [*dask, "scheduler", "--host", "127.0.0.1", "--port", "0", "--no-dashboard",
                 "--scheduler-file", str(file)],
                **quiet,
            )
        ]
        deadline = time.monotonic() + 60
        while not file.exists():
            if self.procs[0].poll() is not None or time.monotonic() > deadline:
                self.close()
                raise SystemExit("the Dask scheduler did not start")
            time.sleep(0.05)
        self.procs.append(
            subprocess.Popen(
                [*dask, "worker", "--scheduler-file", str(file), "--nworkers", str(workers), "--nthreads", "1",
                 "--no-dashboard", "--local-directory", str(self.folder)],
                **quiet,
            )
        )
        with Client(scheduler_file=str(file), timeout="60s") as client:
            client.wait_for_workers(workers, timeout=60)
            self.address = client.scheduler.address
        self.start_cpu = self.cpu()  # the cluster's own start

    def cpu(self) -> float:
        """CPU seconds used so far by the cluster's processes alive now."""
        total = 0.0
        for popen in self.procs:
            try:
                root = self.psutil.Process(popen.pid)
                for proc in [root, *root.children(recursive=True)]:
                    times = proc.cpu_times()
                    total += times.user + times.system
            except self.psutil.Error:
                continue
        return total

    def close(self) -> None:
        for popen in reversed(self.procs):
            popen.terminate()
            try:
                popen.wait(30)
            except subprocess.TimeoutExpired:
                popen.kill()
                popen.wait()
        shutil.rmtree(self.folder, ignore_errors=True)


def run_once(
    src: Path, out: Path, mode: str, exact: bool, poll: bool, cluster: RunningCluster | None = None
) -> dict[str, float]:
    shutil.rmtree(out, ignore_errors=True)
    marker = uuid.uuid4().hex
    name, *assignments = mode.split("@")
    extra = dict(a.split("=", 1) for a in assignments)
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), MARKER: marker, **extra}
    cmd = [sys.executable, "-m", "tidyink", "convert", str(src), "-o", str(out), "-q"]
    cmd += MODES[name]
    if name == "cluster":
        assert cluster is not None
        cmd += ["--scheduler", cluster.address]
        cluster_cpu0 = cluster.cpu()
    cpu0 = _children_cpu()
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, stdin=subprocess.DEVNULL)
    poller = Poller(proc.pid, marker) if poll or not exact else None
    code = proc.wait()
    wall = time.perf_counter() - t0
    if exact:
        reap_all(time.monotonic() + 30, frozenset(p.pid for p in cluster.procs) if cluster else frozenset())
    if code not in (0, 1):  # 1: findings
        raise SystemExit(f"{' '.join(cmd)} exited {code}")
    result = {"wall": wall}
    if exact:
        result["cpu"] = _children_cpu() - cpu0
    if name == "cluster":
        time.sleep(0.2)  # the workers' last bookkeeping of the run
        result["cluster"] = cluster.cpu() - cluster_cpu0  # type: ignore[union-attr]
    if poller is not None:
        time.sleep(0.1)  # a last reading of what is still shutting down
        result["polled"] = poller.total()
        result.setdefault("cpu", result["polled"])
    if "cluster" in result:
        result["client"] = result["cpu"]
        result["cpu"] += result["cluster"]
    return result


def same_tree(a: Path, b: Path) -> bool:
    """Every output file (not the manifest) of ``a`` and ``b`` byte-identical."""
    names_a = {p.relative_to(a) for p in a.rglob("*") if p.is_file() and not p.name.startswith(".")}
    names_b = {p.relative_to(b) for p in b.rglob("*") if p.is_file() and not p.name.startswith(".")}
    if names_a != names_b:
        return False
    return all(filecmp.cmp(a / n, b / n, shallow=False) for n in names_a)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--src", type=Path, help="folder to convert (default: 100 chapters)")
    parser.add_argument("--repeat", type=int, default=5, help="interleaved runs per mode")
    parser.add_argument(
        "--count",
        type=int,
        default=100,
        help="chapters cut from the corpus when --src is not given (default 100); a larger "
        "folder shows the cost per file once a mode's fixed start-up is spread thin",
    )
    parser.add_argument(
        "--modes",
        default="1,2,dask,cluster",
        help="comma-separated: 1, 2, dask (a LocalCluster started by the run), cluster (a "
        "running Dask cluster, started before the runs; needs psutil); MODE@VAR=VALUE runs it "
        "with that environment variable (e.g. dask@DASK_DISTRIBUTED__WORKER__PROFILE__ENABLED=True)",
    )
    parser.add_argument("--poll", action="store_true", help="also poll with psutil")
    args = parser.parse_args()
    modes = [m for m in args.modes.split(",") if m]
    if "cluster" in modes and not _can_run_a_cluster():
        print("cluster mode skipped: it needs distributed and psutil (pip install '.[dask,bench]')")
        modes.remove("cluster")
    with tempfile.TemporaryDirectory(prefix="tidyink-cpu-") as tmp:
        work = Path(tmp)
        src = args.src
        if src is None:
            if not corpus_dir().is_dir():
                print(f"corpus not found at {corpus_dir()}, skipping")
                return
            src = make_chapters(corpus_dir(), work, args.count)
        exact = become_subreaper()
        print(f"input: {src}  ({sum(1 for _ in src.rglob('*'))} files)")
        print(
            "cpu: "
            + ("every descendant reaped (subreaper rusage)" if exact else "psutil polling")
            + f"; median of {args.repeat} interleaved runs; load {os.getloadavg()[0]:.1f}\n"
        )
        runs: dict[str, list[dict[str, float]]] = {m: [] for m in modes}
        identical = True
        cluster = RunningCluster(2, ROOT) if "cluster" in modes else None
        try:
            if cluster is not None:  # its workers' first batch: imports and word lists
                first = run_once(src, work / "out-first", "cluster", exact, args.poll, cluster)
            for _ in range(args.repeat):
                for mode in modes:
                    out = work / f"out-{modes.index(mode)}"
                    runs[mode].append(run_once(src, out, mode, exact, args.poll, cluster))
                    if mode != modes[0]:
                        identical &= same_tree(work / "out-0", out)
        finally:
            if cluster is not None:
                cluster.close()
        base = statistics.median(r["cpu"] for r in runs[modes[0]])
        width = max(6, *(len(m) for m in modes))
        head = f"{'mode':<{width}} {'cpu s':>7} {'ratio':>6} {'wall s':>7}"
        print(head + ("  polled s" if args.poll else ""))
        for mode in modes:
            cpu = statistics.median(r["cpu"] for r in runs[mode])
            wall = statistics.median(r["wall"] for r in runs[mode])
            extra = f"  {statistics.median(r['polled'] for r in runs[mode]):8.2f}" if args.poll else ""
            print(f"{mode:<{width}} {cpu:7.2f} {cpu / base:6.2f} {wall:7.2f}{extra}")
        if cluster is not None:
            client = statistics.median(r["client"] for r in runs["cluster"])
            print(
                f"\ncluster: a running cluster (dask scheduler, dask worker --nworkers 2 --nthreads 1); "
                f"its CPU during a run counted with the client's ({client:.2f} s of the median); "
                f"not in the median: its start, {cluster.start_cpu:.2f} s, and its first batch, {first['cpu']:.2f} s"
            )
        print(f"\noutputs byte-identical to mode {modes[0]}: {'yes' if identical else 'NO'}")
        print(f"load average at the end: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
