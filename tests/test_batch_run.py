"""Converting a folder: outputs, report, summary, manifest, failures, determinism."""

from __future__ import annotations

import json
import multiprocessing
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from _batch_tree import IS_ROOT, make_tree, restore_permissions, snapshot, zip_tree
from tidyink import api
from tidyink.batch import BatchConfig, convert_file, run_batch
from tidyink.cli import main
from tidyink.errors import UsageError
from tidyink.names import STATE_KEY
from tidyink.options import Options


@pytest.fixture
def tree(tmp_path):
    root = make_tree(tmp_path / "src")
    yield root
    restore_permissions(root)


def _report(path):
    return {
        json.loads(line)["source"].split("/src/", 1)[1]: json.loads(line)
        for line in path.read_text(encoding="utf-8").splitlines()
    }


def test_folder_batch_outputs_report_and_summary(tree, tmp_path):
    out = tmp_path / "out"
    report_path = tmp_path / "report.jsonl"
    summary = run_batch(tree, out, Options(), BatchConfig(jobs=1, report=str(report_path)))
    files = snapshot(out)
    assert (
        files["plain.md"].decode().startswith("## Chapter 1\n\nMarisol Quenby walked to the harbour…")
    )
    assert "café" in files["old/dos/damaged.md"].decode()  # mojibake repaired
    assert "naïve to wait…" in files["notes/café au lait — draft.md"].decode("utf-8")
    assert files["notes/wide.md"].decode().startswith("## Chapter 2\n")  # UTF-16 + CRLF decoded
    assert files["old/LETTER.md"].decode().endswith("Yours, Tobiah\n")  # sniffed, no suffix
    assert files["empty.md"] == b""
    assert "cover.md" not in files and "disguised.md" not in files and "old/CORE.md" not in files

    report = _report(report_path)
    assert report["notes/café au lait — draft.txt"]["encoding"] == "cp1252"
    assert report["notes/wide.txt"]["encoding"] == "utf-16-le"
    assert report["old/dos/damaged.md"]["format"] == "markdown"
    assert report["old/dos/damaged.md"]["changes"]["mojibake"] >= 1
    assert report["disguised.txt"]["status"] == "skipped"
    assert "binary" in report["disguised.txt"]["error"]
    assert report["cover.png"]["status"] == "skipped"
    assert report["old/CORE"]["status"] == "skipped" and "ELF" in report["old/CORE"]["error"]
    assert report["loop/"]["status"] == "skipped" and "loop" in report["loop/"]["error"]
    for record in report.values():
        assert {"source", "output", "status", "error", "seconds"} <= set(record)
    converted = [r for r in report.values() if r["status"] == "converted"]
    for record in converted:
        assert record["output"] and 0 <= record["confidence"] <= 1 and record["seconds"] >= 0
    if not IS_ROOT:
        assert report["locked.txt"]["status"] == "failed"
        assert "permission denied" in report["locked.txt"]["error"]
        assert report["shut/"]["status"] == "failed"
    assert summary.status["converted"] == len(converted) == 6 + (2 if IS_ROOT else 0)
    assert summary.failed == (0 if IS_ROOT else 2)
    assert summary.encodings["cp1252"] == 1 and summary.changes["ellipses"] >= 3
    table = summary.table()
    for word in ("converted", "encodings", "repairs", "slowest", "MB/s"):
        assert word in table


def test_rerun_skips_up_to_date_files_and_force_redoes_them(tree, tmp_path):
    out = tmp_path / "out"
    first = run_batch(tree, out, Options(), BatchConfig(jobs=1))
    before = snapshot(out)
    second = run_batch(tree, out, Options(), BatchConfig(jobs=1, report=str(tmp_path / "r.jsonl")))
    assert second.status["converted"] == 0
    assert second.status["up-to-date"] == first.status["converted"]
    up = [r for r in _report(tmp_path / "r.jsonl").values() if r["status"] == "up-to-date"]
    assert up and all(r.get("encoding") for r in up)  # details kept from the run that made it
    assert snapshot(out) == before
    # an edited input, a deleted output and new options are redone
    (tree / "plain.txt").write_text("Changed... entirely.\n")
    (out / "empty.md").unlink()
    third = run_batch(tree, out, Options(), BatchConfig(jobs=1))
    assert third.status["converted"] == 2
    assert (out / "plain.md").read_text() == "Changed… entirely.\n"
    fourth = run_batch(tree, out, Options(ellipsis="..."), BatchConfig(jobs=1))
    assert fourth.status["converted"] == first.status["converted"]
    forced = run_batch(tree, out, Options(ellipsis="..."), BatchConfig(jobs=1, force=True))
    assert forced.status["converted"] == first.status["converted"]


def test_stale_temporary_files_are_removed(tree, tmp_path):
    out = tmp_path / "out"
    (out / "notes").mkdir(parents=True)
    stale = out / "notes" / ".wide.md.abc123.tidyink-tmp"
    stale.write_text("half a fi")
    run_batch(tree, out, Options(), BatchConfig(jobs=1))
    assert not stale.exists()


def test_same_outputs_whatever_the_number_of_workers(tree, tmp_path):
    run_batch(tree, tmp_path / "one", Options(), BatchConfig(jobs=1))
    run_batch(tree, tmp_path / "two", Options(), BatchConfig(jobs=2, window=3))
    assert snapshot(tmp_path / "one") == snapshot(tmp_path / "two")
    assert len(snapshot(tmp_path / "one")) >= 7


def test_text_output_and_archive_input(tmp_path):
    import tarfile

    src = make_tree(tmp_path / "src", awkward=False)
    archive = zip_tree(src, tmp_path / "src.zip")
    tarred = tmp_path / "src.tar.gz"
    with tarfile.open(tarred, "w:gz") as tf:
        for path in sorted(src.rglob("*"), reverse=True):  # stored out of name order
            if path.is_file() and not path.name.startswith("."):
                tf.add(path, path.relative_to(src).as_posix())
    run_batch(src, tmp_path / "from-folder", Options(to="text"), BatchConfig(jobs=1))
    run_batch(archive, tmp_path / "from-zip", Options(to="text"), BatchConfig(jobs=2))
    run_batch(tarred, tmp_path / "from-tar", Options(to="text"), BatchConfig(jobs=1))
    folder, zipped = snapshot(tmp_path / "from-folder"), snapshot(tmp_path / "from-zip")
    assert "plain.txt" in folder and "old/LETTER.txt" in folder
    assert folder == zipped == snapshot(tmp_path / "from-tar")
    again = run_batch(tarred, tmp_path / "from-tar", Options(to="text"), BatchConfig(jobs=1))
    assert again.status["converted"] == 0 and again.status["up-to-date"] == len(folder)


def test_failures_are_isolated(tmp_path, monkeypatch):
    src = tmp_path / "src"
    src.mkdir()
    (src / "a.txt").write_text("Fine... really.\n")
    (src / "boom.txt").write_text("This one explodes...\n")
    (src / "huge.txt").write_bytes(b"x" * 5000)
    (src / "z.txt").write_text("Also fine...\n")
    real = api.convert

    def exploding(data, **kwargs):
        if b"explodes" in data:
            raise RuntimeError("a filter fell over")
        return real(data, **kwargs)

    monkeypatch.setattr(api, "convert", exploding)
    report = tmp_path / "r.jsonl"
    summary = run_batch(
        src, tmp_path / "out", Options(), BatchConfig(jobs=1, max_size=4000, report=str(report))
    )
    records = _report(report)
    assert records["boom.txt"]["status"] == "failed"
    assert "RuntimeError: a filter fell over" in records["boom.txt"]["error"]
    assert records["huge.txt"]["status"] == "failed" and "too large" in records["huge.txt"]["error"]
    assert summary.status["converted"] == 2 and summary.failed == 2
    assert (tmp_path / "out" / "z.md").read_text() == "Also fine…\n"
    assert not (tmp_path / "out" / "boom.md").exists()


@pytest.mark.skipif(
    multiprocessing.get_start_method() != "fork", reason="workers must inherit the monkeypatch"
)
def test_a_worker_that_dies_fails_only_its_file(tmp_path, monkeypatch):
    import os

    src = tmp_path / "src"
    src.mkdir()
    for i in range(6):
        (src / f"{i}.txt").write_text(f"File {i}...\n")
    (src / "3.txt").write_text("This one takes the whole worker down...\n")
    real = api.convert

    def dying(data, **kwargs):
        if b"whole worker" in data:
            os._exit(3)  # like a segfault or the OOM killer: no exception, no record
        return real(data, **kwargs)

    monkeypatch.setattr(api, "convert", dying)  # forked workers inherit it
    summary = run_batch(
        src, tmp_path / "out", Options(), BatchConfig(jobs=2, report=str(tmp_path / "r"))
    )
    records = {
        json.loads(x)["source"].rsplit("/", 1)[1]: json.loads(x)
        for x in (tmp_path / "r").read_text().splitlines()
    }
    assert records["3.txt"]["status"] == "failed" and "died" in records["3.txt"]["error"]
    assert summary.status["converted"] == 5 and summary.failed == 1
    assert sorted(p.name for p in (tmp_path / "out").glob("*.md")) == [
        f"{i}.md" for i in (0, 1, 2, 4, 5)
    ]


def test_convert_file_never_raises(tmp_path):
    missing = convert_file(str(tmp_path / "nope.txt"), str(tmp_path / "o.md"), Options())
    assert missing["status"] == "failed" and missing["error"]
    undecodable = tmp_path / "bad.txt"
    undecodable.write_bytes(b"caf\xe9 ok\n")
    bad = convert_file(str(undecodable), str(tmp_path / "o.md"), Options(encoding="utf-8"))
    assert bad["status"] == "failed" and "not valid utf-8" in bad["error"]
    readonly = tmp_path / "ro"
    readonly.mkdir()
    good = tmp_path / "good.txt"
    good.write_text("Hi...\n")
    readonly.chmod(0o500)
    try:
        record = convert_file(str(good), str(readonly / "sub" / "o.md"), Options())
    finally:
        readonly.chmod(0o700)
    assert record["status"] == ("converted" if IS_ROOT else "failed")


def test_names_are_counted_across_the_folder(tmp_path, monkeypatch):
    src = tmp_path / "src"
    src.mkdir()
    for n in range(1, 4):
        (src / f"chapter-{n}.txt").write_text(f"Tobiah waited. Tobiah left. Wren {n}.\n")
    (src / "chapter-4.txt").write_text("Then Tobaih came back.\n")
    (src / "chapter-5.txt").write_bytes(
        "Zoë ran to the café, and Zoë was naïve about it.\n".encode("cp1252")
    )
    seen = []
    real = api.convert

    def spy(data, **kwargs):
        seen.append(kwargs["state"][STATE_KEY])
        return real(data, **kwargs)

    monkeypatch.setattr(api, "convert", spy)
    run_batch(src, tmp_path / "out", Options(), BatchConfig(jobs=1))
    assert len(seen) == 5
    names = seen[0]
    assert isinstance(names, Counter)
    assert names["Tobiah"] == 6 and names["Tobaih"] == 1 and names["Wren"] == 3
    assert names["Zoë"] == 2  # counted after decoding cp1252
    assert list(names) == sorted(names)  # a deterministic order
    assert all(s == names for s in seen)
    seen.clear()
    run_batch(src, tmp_path / "out2", Options(), BatchConfig(jobs=2))
    # The parent converts one file (a text: the only kind) for real before forking the
    # workers, with the folder's names; the workers convert the rest. Outputs agree.
    assert seen == [names]
    assert snapshot(tmp_path / "out") == snapshot(tmp_path / "out2")


def test_a_folder_batch_finds_the_names_check_finds(tmp_path):
    """A file's own uses of a name are counted once, not again as the folder's: the
    batch's findings and messages are those of ``check`` on the same files."""
    from tidyink import lint

    src = tmp_path / "src"
    src.mkdir()
    (src / "a.txt").write_text("Torvalen came. Torvalen sat. Torvalen ate. Then Torvlaen left.\n")
    (src / "b.txt").write_text("Torvalen waited at the gate, and then Maribel came.\n")
    (src / "c.txt").write_text("Nobody came. Maribel left, and Marbiel said nothing.\n")
    report_path = tmp_path / "report.jsonl"
    run_batch(src, tmp_path / "out", Options(), BatchConfig(jobs=1, report=str(report_path)))
    batch = sorted(
        (Path(record["source"]).name, finding["message"])
        for record in _report(report_path).values()
        for finding in record.get("findings", [])
        if finding["code"] == "N101"
    )
    checked = lint.check_paths([str(src / n) for n in ("a.txt", "b.txt", "c.txt")])
    expected = sorted(
        (Path(f.path).name, f.message) for item in checked.files for f in item.findings if f.code == "N101"
    )
    assert batch == expected == [("a.txt", "'Torvlaen': did you mean 'Torvalen' (used 4 times)?")]


def test_names_shared_with_workers_are_bounded(tmp_path, monkeypatch):
    from tidyink.batch import run as batch

    src = tmp_path / "src"
    src.mkdir()
    (src / "a.txt").write_text("Anna Anna Anna Bert Bert Carl Dora Emil.\n")
    (src / "b.txt").write_text("Anna Bert Fritz.\n")
    seen = []
    real = api.convert

    def spy(data, **kwargs):
        seen.append(kwargs["state"][STATE_KEY])
        return real(data, **kwargs)

    monkeypatch.setattr(api, "convert", spy)
    monkeypatch.setattr(batch, "NAMES_LIMIT", 3)
    run_batch(src, tmp_path / "out", Options(), BatchConfig(jobs=1))
    assert seen[0] == Counter({"Anna": 4, "Bert": 3, "Carl": 1})  # ties: first by name


def test_refuses_output_inside_or_equal_to_input(tmp_path):
    src = make_tree(tmp_path / "src", awkward=False)
    for out in (src, src / "converted", tmp_path):
        with pytest.raises(UsageError):
            run_batch(src, out, Options(), BatchConfig(jobs=1))
    assert not (src / "converted").exists()


def test_cli_folder_conversion_and_exit_codes(tmp_path):
    src = make_tree(tmp_path / "src", awkward=False)
    out = tmp_path / "out"
    runner = CliRunner()
    result = runner.invoke(
        main,
        [
            "convert",
            str(src),
            "-o",
            str(out),
            "--jobs",
            "1",
            "--report",
            str(tmp_path / "r.jsonl"),
            "--exclude",
            "notes/",
        ],
    )
    assert result.exit_code == 0, result.output
    assert "converted" in result.output and "encodings" in result.output
    assert "files/s]" not in result.output  # no progress bar when not on a terminal
    assert (out / "plain.md").exists() and not (out / "notes").exists()
    assert len((tmp_path / "r.jsonl").read_text().splitlines()) >= 6
    (src / "bad.txt").write_bytes(b"caf\xe9\n")
    failing = runner.invoke(main, ["convert", str(src), "-o", str(out), "-j", "1", "-e", "utf-8"])
    assert failing.exit_code == 1
    assert "bad.txt: not valid utf-8" in failing.output
    inside = runner.invoke(main, ["convert", str(src), "-o", str(src / "x")])
    assert inside.exit_code == 2 and "inside the input folder" in inside.output
    no_out = runner.invoke(main, ["convert", str(src)])
    assert no_out.exit_code == 2 and "-o OUT_DIR" in no_out.output
    single = runner.invoke(main, ["convert", str(src / "plain.txt"), "--jobs", "2"])
    assert single.exit_code == 2 and "--jobs" in single.output


@settings(max_examples=60, deadline=None)
@given(
    st.one_of(
        st.binary(max_size=600),
        st.text(max_size=300).map(lambda t: t.encode("utf-8", "surrogatepass")),
        st.text(alphabet="abcé“”‘’—… .\n\"'-", max_size=300).map(lambda t: t.encode("cp1252")),
    ),
    st.sampled_from(["a.txt", "b.md", "NOTES"]),
)
def test_convert_file_on_any_bytes_returns_a_record(data, name):
    import tempfile
    from pathlib import Path

    from tidyink.batch import Blob

    with tempfile.TemporaryDirectory() as tmp:
        dst = Path(tmp) / "out" / "x.md"
        record = convert_file(Blob(name, data), str(dst), Options())
        assert record["status"] in {"converted", "skipped", "failed"}
        assert record["source"] == name and record["seconds"] >= 0
        if record["status"] == "converted":
            assert dst.read_bytes() == api.convert(data, path=name).text.encode("utf-8")
        else:
            assert record["error"] and not dst.exists()
        assert [p.name for p in dst.parent.glob(".*")] == []  # no temporary left behind


def test_warm_up_names_one_sample_per_kind_of_input(tmp_path):
    from tidyink.batch.run import BatchConfig, _Batch
    from tidyink.batch.warm import sample_names

    src = tmp_path / "in"
    (src / "part").mkdir(parents=True)
    (src / "one.md").write_text("# One\n\nThe first chapter.\n", encoding="utf-8")
    (src / "part" / "two.TXT").write_text("The second chapter.\n", encoding="utf-8")
    (src / "part" / "three.md").write_text("The third chapter.\n", encoding="utf-8")
    batch = _Batch(str(src), str(tmp_path / "out"), Options(), BatchConfig(jobs=2))
    assert sample_names(batch.items()) == ("warm-up.md", "warm-up.txt")
    empty = tmp_path / "empty"
    empty.mkdir()
    assert sample_names(_Batch(str(empty), str(tmp_path / "out2"), Options(), BatchConfig(jobs=2)).items()) == (
        "warm-up.txt",
    )


def test_warm_up_samples_a_small_file_of_each_kind_and_one_that_looks_damaged(tmp_path, monkeypatch):
    from tidyink.batch import warm
    from tidyink.batch.run import _Batch

    src = tmp_path / "in"
    (src / "part").mkdir(parents=True)
    (src / "a.md").write_text("# One\n\nThe first chapter.\n", encoding="utf-8")
    (src / "b.txt").write_text("A long chapter. " * 40, encoding="utf-8")
    (src / "c.txt").write_text("A short one.\n", encoding="utf-8")
    (src / "d.txt").write_text("The caf\u00c3\u00a9 was shut.\n", encoding="utf-8")  # café as mojibake
    (src / "part" / "e.html").write_text("<p>" + "Too big. " * 80 + "</p>", encoding="utf-8")
    monkeypatch.setattr(warm, "_SAMPLE_SIZE", 200)  # b.txt and e.html are too big to sample
    batch = _Batch(str(src), str(tmp_path / "out"), Options(), BatchConfig(jobs=2))
    samples = warm.sample_files(batch.items(), 64 * 1024 * 1024)
    names = [sample.name.replace(str(src), "SRC") for sample in samples]
    assert names == ["warm-up.html", "SRC/a.md", "SRC/c.txt", "SRC/d.txt"]
    assert samples[0].source is None and samples[0].item is None
    assert [sample.item.rel for sample in samples[1:]] == ["a.md", "c.txt", "d.txt"]
    assert all(sample.source == sample.name == sample.item.source for sample in samples[1:])
    # The damaged file is not sampled twice when it is its kind's sample already.
    (src / "c.txt").unlink()
    samples = warm.sample_files(_Batch(str(src), str(tmp_path / "o2"), Options(), BatchConfig(jobs=2)).items(), 1 << 26)
    assert [sample.name.replace(str(src), "SRC") for sample in samples] == ["warm-up.html", "SRC/a.md", "SRC/d.txt"]
    assert warm.sample_files(iter(()), 1 << 26) == (warm.Sample("warm-up.txt"),)


def test_warm_up_converts_the_samples_and_a_made_up_text_for_the_rest(tmp_path, monkeypatch):
    from tidyink.batch import warm

    (tmp_path / "one.txt").write_text("Hello there.\n", encoding="utf-8")
    seen = []
    monkeypatch.setattr(api, "convert", lambda data, **kw: seen.append((kw["path"], data)))
    samples = (warm.Sample(str(tmp_path / "one.txt"), str(tmp_path / "one.txt")), warm.Sample("warm-up.md"))
    warm._convert_samples(Options(), samples)
    assert seen == [(str(tmp_path / "one.txt"), b"Hello there.\n"), ("warm-up.md", warm._WARM_UP)]


def _names_tree(root):
    root.mkdir()
    for i in range(40):
        (root / f"{i:02d}.txt").write_text(f"Marta met Ivo {i} times.\n\nThen Ivo left.\n", encoding="utf-8")
    (root / "15.txt").write_text("Zofia stayed.\n", encoding="utf-8")
    return root


def test_a_local_pool_counts_names_in_chunks_as_inline_counting_does(tmp_path, monkeypatch):
    from tidyink.batch import run as batch_run
    from tidyink.batch.engines import InlineEngine, PoolEngine

    src = _names_tree(tmp_path / "src")
    monkeypatch.setattr(PoolEngine, "chunk_files", 7)  # several chunks of 7 files
    monkeypatch.setattr(batch_run, "COUNT_HERE", 200)  # the first few files counted here
    batch = batch_run._Batch(str(src), str(tmp_path / "out"), Options(), BatchConfig(jobs=2))
    inline = batch_run._count_names(batch, InlineEngine())
    pooled = batch_run._count_names(batch, PoolEngine(2))
    assert pooled == inline and list(pooled[0]) == list(inline[0])
    assert inline[0]["Ivo"] == 78 and inline[0]["Zofia"] == 1 and inline[1] == 40


@pytest.mark.skipif(
    multiprocessing.get_start_method() != "fork", reason="workers must inherit the monkeypatch"
)
def test_a_worker_that_dies_counting_loses_only_its_files_counts(tmp_path, monkeypatch):
    import os

    from tidyink.batch import run as batch_run
    from tidyink.batch import work
    from tidyink.batch.engines import PoolEngine

    src = _names_tree(tmp_path / "src")
    real = work.count_file

    def dying(source, *args):
        if str(source).endswith("15.txt"):
            os._exit(3)
        return real(source, *args)

    monkeypatch.setattr(work, "count_file", dying)
    monkeypatch.setattr(batch_run, "COUNT_HERE", 0)  # every file counted by the workers
    batch = batch_run._Batch(str(src), str(tmp_path / "out"), Options(), BatchConfig(jobs=2))
    names, counted = batch_run._count_names(batch, PoolEngine(2))
    assert counted == 40 and names["Ivo"] == 78 and "Zofia" not in names


def test_a_small_batch_is_counted_without_starting_a_pool(tmp_path):
    from tidyink.batch import run as batch_run
    from tidyink.batch.engines import InlineEngine, PoolEngine

    class NoPool(PoolEngine):
        def run(self, *args, **kwargs):
            raise AssertionError("a pool was started")

    src = _names_tree(tmp_path / "src")
    batch = batch_run._Batch(str(src), str(tmp_path / "out"), Options(), BatchConfig(jobs=2))
    assert batch_run._count_names(batch, NoPool(2)) == batch_run._count_names(batch, InlineEngine())


def _square(n, _shared):
    return n * n


def test_a_local_pool_sends_small_files_in_chunks_and_answers_each_file():
    from tidyink.batch.engines import PoolEngine

    engine = PoolEngine(2, window=2)
    engine.chunk_files = 3
    jobs = [(f"tag{n}", (n,)) for n in range(10)]
    chunked = list(engine.run(_square, iter(jobs), None, weigh=lambda job: 1))
    single = list(engine.run(_square, iter(jobs), None))
    expected = {(f"tag{n}", n * n, None) for n in range(10)}
    assert len(chunked) == 10 and set(chunked) == expected
    assert len(single) == 10 and set(single) == expected
