"""``tidyink --version`` is answered before click is loaded, exactly as the click group answers it."""

from __future__ import annotations

import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import click
import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

import tidyink.cli as cli
from tidyink.cli import main

SRC = str(Path(__file__).resolve().parents[1] / "src")
PROBE = """
import sys
from tidyink.cli import run
sys.argv = ["tidyink", *sys.argv[1:]]
code = run()
print("click loaded" if "click" in sys.modules else "click not loaded", code, file=sys.stderr)
"""


def _probe(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": SRC}
    env.pop("_TIDYINK_COMPLETE", None)
    return subprocess.run([sys.executable, "-c", PROBE, *args], env=env, capture_output=True, text=True, check=True)


@pytest.mark.parametrize("flag", ["--version", "-V"])
def test_version_alone_loads_no_click_and_prints_what_the_group_prints(flag):
    done = _probe(flag)
    assert done.stderr.strip() == "click not loaded 0"
    assert done.stdout == CliRunner().invoke(main, [flag]).output
    assert done.stdout.startswith("tidyink ") and done.stdout.count("\n") == 2


def test_version_with_other_options_goes_through_the_group():
    done = _probe("--debug", "--version")
    assert done.stderr.strip() == "click loaded 0"
    assert done.stdout == _probe("--version").stdout


def test_other_commands_still_run(tmp_path):
    story = tmp_path / "a.txt"
    story.write_text('"Hi" -- she said.\n', encoding="utf-8")
    done = _probe("convert", str(story), "--no-lint", "--to", "text")
    assert done.stdout == "“Hi”—she said.\n" and "click loaded" in done.stderr


def test_completion_and_a_failing_output_are_left_to_the_group(monkeypatch):
    monkeypatch.setattr(sys, "argv", ["tidyink", "--version"])
    monkeypatch.setenv("_TIDYINK_COMPLETE", "bash_source")
    assert cli._version_only() is None
    monkeypatch.delenv("_TIDYINK_COMPLETE")

    class Broken(io.StringIO):
        def write(self, text: str) -> int:
            raise BrokenPipeError(32, "Broken pipe")

    monkeypatch.setattr(sys, "stdout", Broken())
    assert cli._version_only() is None
    monkeypatch.setattr(sys, "stdout", io.StringIO())
    assert cli._version_only() == 0 and sys.stdout.getvalue().startswith("tidyink ")


def test_the_group_and_guarded_are_still_the_package_s_names():
    from tidyink.cli import _main, guarded

    assert main is _main.main and guarded is _main.guarded
    with pytest.raises(AttributeError):
        cli.no_such_name  # noqa: B018


@given(st.text(alphabet=st.sampled_from("aZ9-_.é "), max_size=12))
def test_distribution_names_are_normalized_as_the_regular_expression_does(name):
    from tidyink.cli._version import _normal

    assert _normal(name) == re.sub(r"[-_.]+", "_", name).lower()


LOADED_COMMANDS = """
import json, sys
from tidyink.cli import main
try:
    main(sys.argv[1:], prog_name="tidyink")
except SystemExit:
    pass
print(json.dumps(sorted(m for m in sys.modules if m.startswith("tidyink.cli."))), file=sys.stderr)
"""


def test_a_run_imports_only_its_own_command_s_module(tmp_path):
    story = tmp_path / "a.txt"
    story.write_text('"Hi" -- she said.\n', encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": SRC}
    done = subprocess.run(
        [sys.executable, "-c", LOADED_COMMANDS, "convert", str(story), "--no-lint", "--to", "text"],
        env=env, capture_output=True, text=True, check=True,
    )
    assert done.stdout == "“Hi”—she said.\n"
    loaded = {m.rsplit(".", 1)[1] for m in json.loads(done.stderr.strip().splitlines()[-1])}
    assert "convert" in loaded and not loaded & {"fix", "check", "detect", "config", "filters", "rules"}


def test_the_lazy_command_table_is_the_group_s_commands():
    from tidyink.cli import _main

    assert list(main.commands) == list(_main.COMMANDS)
    for name in _main.COMMANDS:
        command = main.commands[name]
        assert isinstance(command, click.Command) and command.name == name
    assert "convert" in main.commands and "nope" not in main.commands
    assert main.commands.get("nope") is None
    with pytest.raises(KeyError):
        main.commands["nope"]
