"""The filter index: a run imports only the filter modules it may use, and chooses
exactly the filters it chose when every module was imported."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from tidyink import filters
from tidyink._registry import classes_in, module_names
from tidyink.filters.base import STAGES
from tidyink.options import Options
from tidyink.pipeline import select_filters

SRC = Path(__file__).resolve().parents[1] / "src"
NAMES = [f.name for f in filters.all_filters()]


def test_the_index_names_every_filter_module_s_filter_and_stage_in_pipeline_order():
    modules = module_names(filters.__path__)
    assert sorted(filters.INDEX) == sorted(modules)
    for module in modules:
        found = classes_in(filters.__name__, module, filters.Filter, "name")
        assert [(f.name, f.stage, f.formats) for f in found] == [filters.INDEX[module]]
    assert [name for name, _, _ in filters.INDEX.values()] == NAMES
    assert filters.stages_by_name() == {f.name: f.stage for f in filters.all_filters()}


def _reference(options: Options, fmt: str | None) -> list[str]:
    """The choice as made from every filter class (the selection rules, unindexed)."""
    classes = filters.all_filters()
    if options.only is not None:
        chosen = [f for f in classes if f.name in options.only or f.stage in options.only]
    else:
        chosen = [f for f in classes if f.default or f.name in options.enable]
    chosen = [f for f in chosen if f.name not in options.skip and f.stage not in options.skip]
    return [f.name for f in chosen if fmt is None or fmt in f.formats]


_words = st.lists(st.sampled_from([*NAMES, *STAGES]), max_size=4).map(tuple)


@settings(max_examples=300, deadline=None)
@given(
    only=st.none() | _words,
    skip=_words,
    enable=_words,
    fmt=st.sampled_from([None, "text", "markdown", "html"]),
)
def test_a_selection_chooses_what_it_chose_with_every_module_imported(only, skip, enable, fmt):
    options = Options(only=only, skip=skip, enable=enable)
    assert [f.name for f in select_filters(options, fmt)] == _reference(options, fmt)


def test_a_module_missing_from_the_index_is_imported_all_the_same(monkeypatch):
    partial = {m: v for m, v in filters.INDEX.items() if m != "quotes"}
    monkeypatch.setattr(filters, "INDEX", partial)
    filters.stages_by_name.cache_clear()
    try:
        assert filters.stages_by_name()["quotes"] == "typography"
        assert "quotes" in [f.name for f in select_filters(Options(only=("repair", "typography")))]
        assert "quotes" not in [f.name for f in select_filters(Options(skip=("quotes",)))]
    finally:
        filters.stages_by_name.cache_clear()


LOADED = """
import json, sys
from tidyink.cli import main
try:
    main(sys.argv[1:], prog_name="tidyink")
except SystemExit:
    pass
print(json.dumps(sorted(m for m in sys.modules if m.startswith("tidyink.filters."))))
"""


def _filter_modules_after(*args: str) -> set[str]:
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    done = subprocess.run([sys.executable, "-c", LOADED, *args], env=env, capture_output=True, text=True, check=True)
    return {m.rsplit(".", 1)[1] for m in json.loads(done.stdout.splitlines()[-1])}


def test_fix_loads_no_structure_filter_and_still_fixes(tmp_path):
    story = tmp_path / "story.txt"
    story.write_text('She said "wait" -- and left.\n', encoding="utf-8")
    loaded = _filter_modules_after("fix", str(story))
    assert story.read_text(encoding="utf-8") == "She said “wait”—and left.\n"
    structure = {m for m, (_, stage, _) in filters.INDEX.items() if stage == "structure"}
    assert {"quotes", "dashes", "mojibake"} <= loaded and not loaded & structure


def test_check_loads_only_the_repair_filters(tmp_path):
    story = tmp_path / "story.txt"
    story.write_text("Their was a problem.\n", encoding="utf-8")
    loaded = _filter_modules_after("check", str(story))
    repair = {m for m, (_, stage, _) in filters.INDEX.items() if stage == "repair"}
    assert repair <= loaded and not (loaded & set(filters.INDEX)) - repair


def test_convert_still_loads_and_runs_the_structure_filters(tmp_path):
    story = tmp_path / "story.txt"
    lines = [
        "The ferry was late again, and the people waiting on the pier had",
        "long since given up pretending that they were not cold. A boy sold",
        "hot chestnuts from a barrel, and the smell of them drifted over the",
        "water, where the gulls turned slowly in the grey light of morning.",
    ]
    story.write_text("\n".join(lines * 3) + "\n", encoding="utf-8")
    loaded = _filter_modules_after("convert", "--no-lint", str(story), "--output", str(tmp_path / "s.md"))
    assert set(filters.INDEX) <= loaded
    assert "pier had long since" in (tmp_path / "s.md").read_text(encoding="utf-8")  # unwrapped


def test_markdown_input_loads_no_text_only_filter_and_is_still_converted(tmp_path):
    notes = tmp_path / "notes.md"
    notes.write_text('# Notes\n\nShe said "wait" -- and left.\n', encoding="utf-8")
    loaded = _filter_modules_after("convert", "--no-lint", str(notes), "--output", str(tmp_path / "out.md"))
    text_only = {m for m, (_, _, formats) in filters.INDEX.items() if "markdown" not in formats}
    assert text_only and not loaded & text_only and {"quotes", "mojibake"} <= loaded
    assert (tmp_path / "out.md").read_text(encoding="utf-8") == "# Notes\n\nShe said “wait”—and left.\n"


def test_an_unknown_filter_name_is_refused_before_any_work():
    import pytest

    from tidyink import api
    from tidyink.errors import UsageError

    with pytest.raises(UsageError, match=r"unknown filter\(s\): quotess \(did you mean 'quotes'\?"):
        api.convert(b"text", only=["quotess"])
