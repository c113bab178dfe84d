"""Small things a ruff or black user notices: --explain order, report file modes, the
resumed-run summary, progress grammar, a quiet Dask start, front matter titles."""

from __future__ import annotations

import io
import os
import socket
import stat
import sys
import warnings

import pytest
from click.testing import CliRunner

from tidyink.cli import main


def run(*args: str, stdin: bytes | None = None):
    return CliRunner().invoke(main, list(args), input=stdin)


def test_explain_lists_changes_in_line_order(tmp_path):
    # dashes run before ellipses, so grouped by filter line 3 would come before line 1
    src = tmp_path / "in.txt"
    src.write_text("Wait...\n\nHe went -- slowly -- home.\n\nAnd then... nothing.\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["convert", str(src), "--to", "text", "--explain"])
    assert result.exit_code == 0, result.output
    explained = [line for line in result.stderr.splitlines() if line.startswith(str(src))]
    places = [tuple(int(n) for n in line[len(str(src)) + 1 :].split(":")[:2]) for line in explained]
    assert len(places) >= 4
    assert places == sorted(places)
    assert {"[dashes]", "[ellipses]"} <= {line.split()[1] for line in explained}


def test_report_file_respects_the_umask(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("One...\n", encoding="utf-8")
    report = tmp_path / "report.jsonl"
    old = os.umask(0o022)
    try:
        result = run("convert", str(folder), "-o", str(tmp_path / "out"), "--report", str(report), "-j", "1", "-q")
    finally:
        os.umask(old)
    assert result.exit_code == 0, result.output
    assert stat.S_IMODE(report.stat().st_mode) == 0o644


def test_resumed_run_summary_counts_the_stored_repairs_and_findings(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("Better late then never...\n", encoding="utf-8")
    out = tmp_path / "out"
    first = run("convert", str(folder), "-o", str(out), "-j", "1")
    second = run("convert", str(folder), "-o", str(out), "-j", "1")
    assert first.exit_code == 0 and second.exit_code == 0, second.output

    def line(output: str, label: str) -> str:
        return next(row for row in output.splitlines() if row.strip().startswith(label))

    assert "1 up-to-date" in line(second.stderr, "files")
    for label in ("repairs", "findings"):
        assert line(second.stderr, label) == line(first.stderr, label)
        assert line(second.stderr, label).split()[-1] != "-"


def test_progress_says_one_file_not_one_files(monkeypatch):
    pytest.importorskip("tqdm")
    from tidyink.batch.report import Progress

    err = io.StringIO()
    monkeypatch.setattr(sys, "stderr", err)
    bar = Progress(True, None, "counting names")
    bar.update(10)
    bar.bar.refresh()
    one = err.getvalue()
    bar.update(10)
    bar.bar.refresh()
    bar.close()
    assert "1 file " in one and "1 files" not in one
    assert "2 files" in err.getvalue()


def test_dask_local_cluster_starts_without_a_port_warning():
    pytest.importorskip("distributed")
    from tidyink.batch.engines import DaskEngine

    holder = socket.socket()
    try:
        holder.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        holder.bind(("", 8787))  # the dashboard's port, taken (as by another cluster)
        holder.listen()
    except OSError:
        pass  # already taken by something else: just as good
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            engine = DaskEngine(workers=1, processes=False)
            engine.close()
    finally:
        holder.close()
    assert not [w for w in caught if "already in use" in str(w.message)]


@pytest.mark.parametrize(
    ("name", "title"),
    [("the_lantern-keeper.txt", "The lantern keeper"), ("Chapter 3.txt", "Chapter 3")],
)
def test_front_matter_title_falls_back_to_the_file_name(tmp_path, name, title):
    src = tmp_path / name
    src.write_text("It rained.\n", encoding="utf-8")
    result = run("convert", str(src), "--front-matter")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith(f'---\ntitle: "{title}"\n')


def test_front_matter_keeps_a_known_title():
    from tidyink.document import Document
    from tidyink.writers.markdown import front_matter

    known = front_matter(Document([], "text", "", {"title": "The Real Title", "source": "notes.txt"}))
    assert 'title: "The Real Title"' in known and "Notes" not in known
    assert front_matter(Document([], "text", "", {})) == "---\n---\n\n"  # standard input: no name to use
