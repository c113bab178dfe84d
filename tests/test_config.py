"""Configuration files: discovery like ruff, generic keys, errors, provenance."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from tidyink.cli import main
from tidyink.config import COMMAND_LINE, ConfigError, Resolver, Settings, find_config, load


def write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_nearest_config_wins_and_pyproject_without_table_is_passed_over(tmp_path):
    top = write(tmp_path / "pyproject.toml", '[tool.tidyink]\nellipsis = "..."\n')
    write(tmp_path / "book" / "pyproject.toml", '[project]\nname = "book"\n')
    assert find_config(tmp_path / "book") == top.resolve()
    inner = write(tmp_path / "book" / "tidyink.toml", 'ellipsis = ". . ."\n')
    assert find_config(tmp_path / "book") == inner.resolve()
    hidden = write(tmp_path / "book" / ".tidyink.toml", 'quotes = "straight"\n')
    assert find_config(tmp_path / "book" / "deeper" / "still") == hidden.resolve()


def test_keys_map_onto_options_in_kebab_or_snake_case(tmp_path):
    cfg = write(
        tmp_path / "tidyink.toml",
        'heading-level = 3\nscene_break = "#"\nskip = ["mojibake"]\nwrap = 72\nascii = true\n'
        'select = "C1, R1"\n[settings.ellipses]\nmode = "x"\n',
    )
    s = load(cfg)
    assert s.options.heading_level == 3
    assert s.options.scene_break == "#"
    assert s.options.skip == ("mojibake",)
    assert s.options.wrap == 72 and s.options.ascii is True
    assert s.options.select == ("C1", "R1")
    assert s.options.settings == {"ellipses": {"mode": "x"}}
    assert s.origin("heading_level") == str(cfg.resolve())
    assert s.origin("quotes") == "default"


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("elipsis = '...'\n", "unknown key 'elipsis' in the top level (did you mean 'ellipsis'?)"),
        ("wrap = 'wide'\n", "wrap must be an integer, not str 'wide'"),
        ("ascii = 1\n", "ascii must be true or false"),
        ("skip = [1, 2]\n", "skip must be a list of strings"),
        ("ellipsis = '..'\n", "unknown ellipsis style"),
        ("[fix]\nstagez = []\n", "unknown key 'stagez' in [fix]"),
        ("wrap = [", "invalid TOML"),
        ("fix = 1\n", "fix must be a table"),
        ("[fix]\nstages = ['typo']\n", "fix.stages: unknown stage(s) typo"),
    ],
)
def test_bad_config_names_file_and_key(tmp_path, body, message):
    cfg = write(tmp_path / "tidyink.toml", body)
    with pytest.raises(ConfigError) as err:
        load(cfg)
    assert str(cfg.resolve()) in str(err.value)
    assert message in str(err.value)


def test_unknown_key_in_pyproject_names_the_table(tmp_path):
    cfg = write(tmp_path / "pyproject.toml", "[tool.tidyink]\nnonsense = 1\n")
    with pytest.raises(ConfigError, match=r"unknown key 'nonsense' in \[tool.tidyink\]"):
        load(cfg)


def test_command_line_overrides_config(tmp_path):
    write(tmp_path / "tidyink.toml", 'ellipsis = "..."\nlanguage = "fr"\n')
    s = Resolver({"ellipsis": ". . ."}).for_path(tmp_path / "ch.md")
    assert s.options.ellipsis == ". . ."
    assert s.origin("ellipsis") == COMMAND_LINE
    assert s.options.language == "fr"


def test_words_file_is_read_relative_to_the_config(tmp_path):
    write(tmp_path / "words.txt", "# names\nKestrel\nMarrowby  # a town\n\n")
    cfg = write(tmp_path / "sub" / "tidyink.toml", 'words = ["Odo"]\nwords-file = "../words.txt"\n')
    s = load(cfg)
    if "words_file" in s.options.__dataclass_fields__:  # Options reads its own words file
        assert s.options.words == ("Odo",)
        assert s.options.words_file == str((tmp_path / "words.txt").resolve())
    else:  # the configuration reads it into `words`
        assert s.options.words == ("Odo", "Kestrel", "Marrowby")


def test_fix_defaults_skip_structure_unless_asked(monkeypatch):
    from tidyink import filters

    stages = {**filters.stages_by_name(), "fake-unwrap": "structure"}  # a structure filter more
    monkeypatch.setattr(filters, "stages_by_name", lambda: stages)
    assert "fake-unwrap" in Settings().fix_options().skip
    assert "mojibake" not in Settings().fix_options().skip
    enabled = Resolver({"enable": ("fake-unwrap",)}).for_path(".").fix_options()
    assert "fake-unwrap" not in enabled.skip
    staged = Settings(
        fix={
            "stages": ("repair", "structure", "typography"),
            "only": None,
            "skip": None,
            "enable": None,
            "to_utf8": False,
        }
    )
    assert "fake-unwrap" not in staged.fix_options().skip
    assert Settings().fix_options().lint is False


def test_config_command_shows_values_and_origins(tmp_path):
    cfg = write(
        tmp_path / "pyproject.toml", '[tool.tidyink]\nquotes = "straight"\n[tool.tidyink.fix]\nto-utf8 = true\n'
    )
    runner = CliRunner()
    result = runner.invoke(main, ["config", str(tmp_path), "--ellipsis", "..."])
    assert result.exit_code == 0, result.output
    lines = {
        line.split("#")[0].strip(): line.rsplit("#", 1)[1].strip()
        for line in result.output.splitlines()[1:]
        if "=" in line.split("#")[0]
    }
    assert lines['quotes = "straight"'] == str(cfg.resolve())
    assert lines['ellipsis = "..."'] == COMMAND_LINE
    assert lines["fix.to-utf8 = true"] == str(cfg.resolve())
    assert lines['dashes = "em"'] == "default"
    data = json.loads(runner.invoke(main, ["config", str(tmp_path), "--format", "json"]).output)
    assert data["config"] == str(cfg.resolve())
    assert data["settings"]["quotes"] == {"value": "straight", "from": str(cfg.resolve())}
    assert "mojibake" in data["fix_filters"]["text"] and "ellipses" in data["fix_filters"]["markdown"]
    skipped = runner.invoke(main, ["config", str(tmp_path), "--skip", "ellipses"]).output
    assert "# tidyink fix runs on text: " in skipped and "ellipses" not in skipped.split("runs on text:")[1]


def test_config_command_reports_bad_key_as_one_line(tmp_path):
    write(tmp_path / "tidyink.toml", "colour = 'blue'\n")
    result = CliRunner().invoke(main, ["config", str(tmp_path)])
    assert result.exit_code == 2
    assert result.output.count("\n") == 1 and "unknown key 'colour'" in result.output


def _readme_block(lang: str, after: str, page: str = "README.md") -> str:
    from pathlib import Path

    readme = (Path(__file__).resolve().parents[1] / page).read_text(encoding="utf-8")
    section = readme[readme.index(after) :]
    start = section.index(f"```{lang}\n") + len(lang) + 4
    return section[start : section.index("```", start)]


def test_readme_pyproject_example_is_valid(tmp_path):
    write(tmp_path / "pyproject.toml", _readme_block("toml", "# Configuration", "docs/configuration.md"))
    write(tmp_path / "names.txt", "Odile\n")
    s = load(tmp_path / "pyproject.toml")
    assert s.options.language == "en-GB" and s.options.skip == ("ellipses",)
    if "words_file" in s.options.__dataclass_fields__:
        assert s.options.words_file == str((tmp_path / "names.txt").resolve())
    else:
        assert s.options.words == ("Kestrel", "Marrowby", "Odile")
    assert s.exclude == ("research/", "*.draft.md") and s.fix["stages"] == ("repair", "typography")


def test_readme_precommit_config_and_hooks_manifest_validate(tmp_path):
    import subprocess
    import sys
    from pathlib import Path

    pytest.importorskip("pre_commit")
    cfg = write(tmp_path / ".pre-commit-config.yaml", _readme_block("yaml", "pre-commit"))
    manifest = Path(__file__).resolve().parents[1] / ".pre-commit-hooks.yaml"
    for command, path in (("validate-config", cfg), ("validate-manifest", manifest)):
        out = subprocess.run([sys.executable, "-m", "pre_commit", command, str(path)], capture_output=True, text=True)
        assert out.returncode == 0, out.stdout + out.stderr


def test_convert_and_check_read_the_nearest_config(tmp_path):
    from click.testing import CliRunner

    from tidyink.cli import main

    (tmp_path / "pyproject.toml").write_text('[tool.tidyink]\nellipsis = "..."\nwords = ["glimerwik"]\n')
    book = tmp_path / "book"
    book.mkdir()
    chapter = book / "one.txt"
    chapter.write_text("She waited. . . then the glimerwik came home.\n", encoding="utf-8")
    runner = CliRunner()
    out = runner.invoke(main, ["convert", str(chapter), "--to", "text", "--only", "ellipses"])
    assert out.output == "She waited... then the glimerwik came home.\n"
    flag = runner.invoke(main, ["convert", str(chapter), "--to", "text", "--only", "ellipses", "--ellipsis", "…"])
    assert flag.output == "She waited… then the glimerwik came home.\n"  # the command line wins
    isolated = runner.invoke(main, ["convert", str(chapter), "--to", "text", "--only", "ellipses", "--isolated"])
    assert isolated.output.startswith("She waited…")
    checked = runner.invoke(main, ["check", "--select", "S", "--format", "json", str(chapter)])
    assert checked.exit_code == 0, checked.output  # a project word
    unconfigured = runner.invoke(main, ["check", "--select", "S", "--isolated", str(chapter)])
    assert unconfigured.exit_code == 1 and "glimerwik" in unconfigured.output
