"""The documentation site: it builds with warnings as errors, and every rule and filter
has the page that the command line and SARIF point at."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from tidyink.cli import main
from tidyink.docs_links import DOCS_URL, filter_page, rule_page
from tidyink.filters import all_filters
from tidyink.rules import all_rules

ROOT = Path(__file__).resolve().parents[1]

try:
    import tomllib
except ImportError:  # Python 3.10
    import tomli as tomllib  # type: ignore[no-redef]


def test_every_filter_has_documentation_examples_that_show_it_at_work():
    import tidyink

    examples = tomllib.loads((ROOT / "docs" / "filter-examples.toml").read_text(encoding="utf-8"))
    assert set(examples) == {f.name for f in all_filters()}
    for name, spec in examples.items():
        results = [
            tidyink.convert(text, to=spec.get("to", "text"), only=[name], input_format="text")
            for text in spec["inputs"]
        ]
        assert any(r.changes for r in results), name


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    pytest.importorskip("mkdocs")
    pytest.importorskip("material")
    out = tmp_path_factory.mktemp("site")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(ROOT / "src")}
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-d", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return out


@pytest.mark.slow
def test_every_rule_and_filter_has_its_page(site):
    for rule in all_rules():
        page = site / rule_page(rule.name) / "index.html"
        assert page.is_file(), rule.code
        text = page.read_text(encoding="utf-8")
        assert rule.code in text and rule.description.split("(")[0].strip()[:20] in text
    for flt in all_filters():
        assert (site / filter_page(flt.name) / "index.html").is_file(), flt.name


@pytest.mark.slow
def test_sarif_and_human_links_land_on_built_pages(site, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("a.txt").write_text("Better then ever. It was the the end.\n", encoding="utf-8")
    sarif = json.loads(CliRunner().invoke(main, ["check", "a.txt", "--output-format", "sarif"]).stdout)
    uris = [r["helpUri"] for r in sarif["runs"][0]["tool"]["driver"]["rules"] if "helpUri" in r]
    human = CliRunner().invoke(main, ["check", "a.txt", "--color", "never"]).stdout
    uris += [word for word in human.split() if word.startswith(DOCS_URL)]
    assert len(uris) >= 4
    for uri in uris:
        assert uri.startswith(DOCS_URL)
        assert (site / uri[len(DOCS_URL) :] / "index.html").is_file(), uri


def test_shell_completion_is_click_s_and_documented():
    env = {**os.environ, "_TIDYINK_COMPLETE": "bash_complete", "COMP_WORDS": "tidyink check --stat", "COMP_CWORD": "2"}
    done = subprocess.run([sys.executable, "-m", "tidyink"], env=env, capture_output=True, text=True, timeout=60)
    assert "--statistics" in done.stdout
    docs = (ROOT / "docs" / "getting-started.md").read_text(encoding="utf-8")
    assert '_TIDYINK_COMPLETE=bash_source tidyink' in docs and "zsh_source" in docs and "fish_source" in docs
