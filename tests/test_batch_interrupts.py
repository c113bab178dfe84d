"""A Ctrl-C or SIGTERM that arrives while a file's outcome is recorded waits for it."""

from __future__ import annotations

import signal

import pytest

from tidyink.batch.interrupts import held


@pytest.fixture
def ctrl_c_default():
    """Ctrl-C as Python sets it up in a foreground program (a shell starts a background
    job with Ctrl-C ignored, and Python then leaves it ignored)."""
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    yield
    signal.signal(signal.SIGINT, previous)


def test_ctrl_c_waits_for_the_block_then_interrupts(ctrl_c_default):
    steps = []
    with pytest.raises(KeyboardInterrupt), held():
        signal.raise_signal(signal.SIGINT)  # (to this thread: handled before the next line)
        steps.append("recorded in the manifest")
        steps.append("written to the report")
    assert steps == ["recorded in the manifest", "written to the report"]
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler


def test_an_ignored_ctrl_c_stays_ignored():
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        steps = []
        with held():
            signal.raise_signal(signal.SIGINT)
            steps.append("recorded")
        assert steps == ["recorded"]
        assert signal.getsignal(signal.SIGINT) == signal.SIG_IGN
    finally:
        signal.signal(signal.SIGINT, previous)


def test_the_batch_sigterm_handler_runs_after_the_block():
    class Stopped(Exception):
        pass

    def stop(signum, _frame):
        raise Stopped(signum)

    previous = signal.signal(signal.SIGTERM, stop)
    try:
        done = []
        with pytest.raises(Stopped), held():
            signal.raise_signal(signal.SIGTERM)
            done.append(True)
        assert done == [True]
        assert signal.getsignal(signal.SIGTERM) is stop
    finally:
        signal.signal(signal.SIGTERM, previous)


def test_nothing_is_raised_without_a_signal():
    with held():
        value = 1
    assert value == 1
