"""Ctrl-C and SIGTERM held back while one file's outcome is recorded."""

from __future__ import annotations

import contextlib
import os
import signal
import threading
from collections.abc import Iterator

_SIGNALS = (signal.SIGINT, signal.SIGTERM)


@contextlib.contextmanager
def held() -> Iterator[None]:
    """Within this block a Ctrl-C or SIGTERM waits until the block ends, then acts as it
    would have: one file's outcome goes to the manifest, the report and the summary
    together, so an interrupted batch says exactly the files its report holds."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    caught: list[int] = []

    def hold(signum: int, _frame: object) -> None:
        caught.append(signum)

    previous = {signum: signal.signal(signum, hold) for signum in _SIGNALS}
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)
        if caught:
            signum = caught[0]
            handler = previous[signum]
            if callable(handler):
                handler(signum, None)  # KeyboardInterrupt, or the batch's Stopped
            elif handler == signal.SIG_DFL:
                os.kill(os.getpid(), signum)
