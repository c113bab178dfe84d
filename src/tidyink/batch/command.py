"""``tidyink convert SRC_DIR -o OUT_DIR`` from the command line: :func:`run_cli` runs
:func:`tidyink.batch.run.run_batch` with the options given, stops cleanly on SIGTERM as
on Ctrl-C, prints the summary and returns the exit code."""

from __future__ import annotations

from typing import Any

from tidyink.batch.run import BatchConfig, run_batch
from tidyink.batch.work import DEFAULT_MAX_SIZE
from tidyink.options import Options


class Stopped(KeyboardInterrupt):
    """A signal asking the batch to stop (SIGTERM), handled as Ctrl-C is."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


def run_cli(
    src: str,
    out: str | None,
    to: str | None,
    overrides: dict[str, Any],
    *,
    quiet: bool = False,
    jobs: int | None = None,
    engine: str = "local",
    scheduler: str | None = None,
    report: str | None = None,
    force: bool = False,
    include: tuple[str, ...] = (),
    exclude: tuple[str, ...] = (),
    max_size: int | None = None,
    base: Options | None = None,
    color: bool = False,
) -> int:
    """What ``tidyink convert SRC_DIR -o OUT_DIR`` does; returns the exit code.

    ``base`` holds the settings from configuration files; ``overrides`` win over them.
    """
    import sys

    from tidyink.api import resolve_options

    options = resolve_options(base, to=to, **overrides)
    config = BatchConfig(
        jobs=jobs,
        engine=engine,
        scheduler=scheduler,
        force=force,
        include=tuple(include),
        exclude=tuple(exclude),
        report=report,
        progress=False if quiet else None,
        max_size=max_size or DEFAULT_MAX_SIZE,
    )
    import signal

    def stop(signum: int, _frame: Any) -> None:  # SIGTERM: finish cleanly, like Ctrl-C
        raise Stopped(signum)

    previous = signal.signal(signal.SIGTERM, stop)
    try:
        summary = run_batch(src, out or "", options, config)
    finally:
        signal.signal(signal.SIGTERM, previous)
    if summary.interrupted:
        print(_interrupted(summary, report), file=sys.stderr)
        return summary.interrupted
    if not quiet:
        print(f"tidyink: {src} -> {out}", file=sys.stderr)
        print(summary.table(color), file=sys.stderr)
    if summary.internal:
        return 3  # an internal error: a bug, whatever else failed
    return 1 if summary.failed else 0


def _interrupted(summary: Any, report: str | None) -> str:
    """The one line an interrupted batch ends with."""
    done = sum(summary.status.values())
    files = "1 file" if done == 1 else f"{done} files"
    kept = f"; the report of those is in {report}" if report else ""
    return (
        f"tidyink: interrupted after {files} ({summary.status['converted']} converted){kept};"
        " run the same command again to resume (files done are not redone)"
    )
