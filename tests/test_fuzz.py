"""A short fuzz run (the long one: ``python benchmarks/fuzz.py``) and the scaling property:
pathological shapes cost at most about linearly more when they grow."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from fuzzing import SHAPES, inputs, run_one
from tidyink import api


@settings(max_examples=100, deadline=None, suppress_health_check=list(HealthCheck))
@given(inputs(max_size=2000))
def test_no_input_crashes(case):
    data, name, to = case
    crash = run_one(data, name, to).crash
    # A safety-check refusal leaves the file alone (exit 3), it does not crash; on heavily
    # garbled input (control bytes inside repaired mojibake) a few still occur, which the
    # long run counts and lists. Here only real crashes fail.
    assert crash == "" or crash.startswith("SafetyError"), crash


def _cpu(text: str, name: str) -> float:
    """Best of three CPU times of converting ``text`` (safety check off: the filters alone)."""
    best = float("inf")
    for _ in range(3):
        start = time.process_time()
        api.convert(text, path=name)
        best = min(best, time.process_time() - start)
    return best


_CHARACTERS = ("a", " ", "-", '"', "<")
_SIZE = 4_000  # characters; the larger run is four times this


def _cases():
    for shape in sorted(SHAPES):
        for ch in _CHARACTERS:
            yield pytest.param(shape, ch, id=f"{shape}-{ord(ch):04x}")
    yield pytest.param("long-word", "\u00ad", id="long-word-00ad")
    for shape in ("run-of-one-character", "long-single-line"):
        yield pytest.param(shape, "\u00a0", id=f"{shape}-00a0")


@pytest.mark.slow
@pytest.mark.parametrize(("shape", "ch"), list(_cases()))
def test_pathological_inputs_cost_at_most_about_linearly_more(shape, ch):
    """Four times the input may cost up to ten times the CPU (linear: 4, quadratic: 16;
    generous, as a shared machine makes small timings noisy).

    A ratio of CPU times, never an absolute time: the machine's speed cancels out.
    """
    maker, suffix = SHAPES[shape]
    small, large = maker(ch, _SIZE), maker(ch, 4 * _SIZE)
    name = f"shape{suffix}"
    base = max(_cpu(small, name), 0.005)  # below this, timer resolution and start-up dominate
    ratio = _cpu(large, name) / base
    assert ratio <= 10, f"{shape} with {ch!r}: {ratio:.1f}x the CPU for 4x the input"


# Inputs of the long fuzz run that the safety check once refused (each kind's root cause
# is fixed and has its own test beside the filter or the check): now converted.
_ONCE_REFUSED = json.loads((Path(__file__).parent / "data" / "fuzz_once_refused.json").read_text())


@pytest.mark.parametrize("case", _ONCE_REFUSED, ids=[c["kind"] for c in _ONCE_REFUSED])
def test_inputs_the_check_once_refused_convert(case):
    assert run_one(bytes.fromhex(case["data"]), case["name"], case["to"]).crash == ""
