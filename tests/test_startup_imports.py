"""What a plain text conversion loads: the helpers that spare start-up imports agree
with what they stand for, and the modules only some inputs need stay unloaded."""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tidyink import datafiles
from tidyink.numeric import median
from tidyink.readers import containers

SRC = Path(__file__).resolve().parents[1] / "src"


@given(st.lists(st.integers(-10**6, 10**6), min_size=1))
def test_median_of_integers_is_statistics_median(values):
    got, want = median(values), statistics.median(values)
    assert got == want and type(got) is type(want)


@given(st.lists(st.floats(allow_nan=False, allow_infinity=False, width=32), min_size=1))
def test_median_of_floats_is_statistics_median(values):
    assert median(iter(values)) == statistics.median(values)


def test_median_of_nothing_is_an_error_as_in_statistics():
    with pytest.raises(ValueError):
        median([])
    with pytest.raises(ValueError):
        statistics.median([])


def test_package_files_are_those_importlib_resources_gives():
    from importlib import resources

    assert datafiles.files("tidyink") == resources.files("tidyink")
    text = datafiles.files("tidyink").joinpath("data", "function_words.txt").read_text(encoding="utf-8")
    assert text == resources.files("tidyink").joinpath("data", "function_words.txt").read_text(encoding="utf-8")
    assert datafiles.files("json") == resources.files("json")  # a standard library package too


def test_the_container_constants_are_those_the_container_reader_uses():
    from tidyink import readers

    assert containers.ZIP_MAGIC is readers.ZIP_MAGIC == b"PK\x03\x04"
    assert sorted(readers.CONTAINER_SUFFIXES.values()) == sorted(containers.FORMATS)


LOADED = """
import json, sys
import tidyink
from tidyink.cli import main
code = 0
try:
    main(sys.argv[1:], prog_name="tidyink")
except SystemExit as exc:
    code = exc.code
print(json.dumps([code, sorted(sys.modules)]))
"""


def _modules_after(*args: str) -> tuple[int, set[str]]:
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    done = subprocess.run(
        [sys.executable, "-c", LOADED, *args], env=env, capture_output=True, text=True, check=True
    )
    code, modules = json.loads(done.stdout.splitlines()[-1])
    return code, set(modules)


@pytest.mark.parametrize("command", [["convert", "--no-lint"], ["fix", "--check"], ["check"]])
def test_a_plain_text_file_loads_no_archive_statistics_or_entity_modules(tmp_path, command):
    story = tmp_path / "story.txt"
    story.write_text('She said "wait" -- and left.\n\nThe next day was quiet.\n', encoding="utf-8")
    args = [*command, str(story)]
    if command[0] == "convert":
        args += ["--output", str(tmp_path / "story.md")]
    code, modules = _modules_after(*args)
    assert code in (0, 1, None)
    assert "tidyink.filters.mojibake" in modules  # the pipeline did run
    unneeded = {"zipfile", "statistics", "fractions", "importlib.resources", "tidyink.readers.containers", "html"}
    assert not modules & unneeded


def test_an_epub_still_loads_the_container_reader(tmp_path):
    import zipfile

    book = tmp_path / "book.epub"
    with zipfile.ZipFile(book, "w") as zf:
        zf.writestr("mimetype", "application/epub+zip", compress_type=zipfile.ZIP_STORED)
        zf.writestr("META-INF/container.xml", "<container/>")
    _code, modules = _modules_after("convert", "--no-lint", str(book), "--output", str(tmp_path / "b.md"))
    assert "tidyink.readers.containers" in modules


def test_writing_a_file_leaves_no_temporary(tmp_path):
    story = tmp_path / "story.txt"
    story.write_text('She said "wait" -- and left.\n', encoding="utf-8")
    code, _ = _modules_after("convert", "--no-lint", str(story), "-o", str(tmp_path / "story.md"))
    assert code in (0, None)
    assert (tmp_path / "story.md").read_text(encoding="utf-8") == "She said “wait”—and left.\n"
    code, _ = _modules_after("fix", str(story))
    assert code in (0, None)
    assert story.read_text(encoding="utf-8") == "She said “wait”—and left.\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["story.md", "story.txt"]  # no temporary left


def test_difflib_is_loaded_only_when_a_line_is_repaired(tmp_path):
    clean = tmp_path / "clean.txt"
    clean.write_text("A plain line of prose.\n", encoding="utf-8")
    code, modules = _modules_after("fix", "--check", str(clean))
    assert code in (0, None) and not modules & {"difflib", "tidyink.textdiff"}
    damaged = tmp_path / "damaged.txt"
    damaged.write_text("The caf\u00c3\u00a9 was closed, and the na\u00c3\u00afve clerk shrugged.\n", encoding="utf-8")
    code, modules = _modules_after("fix", str(damaged))
    assert code in (0, None) and "difflib" in modules
    assert damaged.read_text(encoding="utf-8") == "The café was closed, and the naïve clerk shrugged.\n"
