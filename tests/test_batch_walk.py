"""Finding the files of a batch: globs, output names, loops, archives."""

from __future__ import annotations

import io
import tarfile
import zipfile

from hypothesis import given, settings
from hypothesis import strategies as st

from _batch_tree import make_tree, restore_permissions
from tidyink.batch.walk import (
    Member,
    Selector,
    glob_regex,
    output_names,
    walk_archive,
    walk_folder,
)


def test_globs_match_like_gitignore():
    assert glob_regex("*.txt").fullmatch("a/b/c.txt")
    assert glob_regex("*.txt").fullmatch("c.txt")
    assert not glob_regex("*.txt").fullmatch("c.txt.bak")
    assert glob_regex("notes/*.md").fullmatch("notes/x.md")
    assert not glob_regex("notes/*.md").fullmatch("notes/deep/x.md")
    assert glob_regex("notes/**/*.md").fullmatch("notes/deep/er/x.md")
    assert glob_regex("notes/**/*.md").fullmatch("notes/x.md")
    assert glob_regex("drafts/").fullmatch("a/drafts/")
    assert glob_regex("chapter-?[0-9].txt").fullmatch("chapter-12.txt")


def test_output_names_change_suffix_and_resolve_clashes():
    names = output_names(["a.txt", "a.html", "b.md", "README", "c.TXT"], ".md")
    assert names == {
        "a.txt": "a.txt.md",
        "a.html": "a.html.md",
        "b.md": "b.md",
        "README": "README.md",
        "c.TXT": "c.md",
    }
    assert output_names(["story.text"], ".txt") == {"story.text": "story.txt"}


def test_walk_is_sorted_mirrors_paths_and_reports_problems(tmp_path):
    root = make_tree(tmp_path / "src")
    try:
        items = list(walk_folder(root, Selector(), ".md"))
    finally:
        restore_permissions(root)
    by_rel = {i.rel: i for i in items}
    assert by_rel["notes/café au lait — draft.txt"].out_rel == "notes/café au lait — draft.md"
    assert by_rel["old/LETTER"].out_rel == "old/LETTER.md"
    assert by_rel["old/dos/damaged.md"].out_rel == "old/dos/damaged.md"
    assert by_rel["cover.png"].status == "skipped" and ".png" in by_rel["cover.png"].reason
    assert by_rel["loop/"].status == "skipped" and "loop" in by_rel["loop/"].reason
    assert by_rel["dangling.txt"].status == "skipped"
    assert ".hidden.txt" not in by_rel
    # the walk never enters the loop: each file is seen once
    assert not any(rel.startswith("loop/") and rel != "loop/" for rel in by_rel)
    # a folder's files come in name order, before its subfolders
    rels = [i.rel for i in items]
    assert rels.index("plain.txt") < rels.index("notes/wide.txt")
    assert rels == list(dict.fromkeys(rels))  # no duplicates


def test_include_and_exclude(tmp_path):
    root = make_tree(tmp_path / "src", awkward=False)
    only_notes = [i.rel for i in walk_folder(root, Selector(include=["notes/**"]), ".md")]
    assert only_notes and all(rel.startswith("notes/") for rel in only_notes)
    no_old = [i.rel for i in walk_folder(root, Selector(exclude=["old/"]), ".md")]
    assert "plain.txt" in no_old and not any(rel.startswith("old") for rel in no_old)
    no_md = [i.rel for i in walk_folder(root, Selector(exclude=["*.md"]), ".md")]
    assert "old/dos/damaged.md" not in no_md and "old/LETTER" in no_md


def test_output_folder_is_never_walked(tmp_path):
    root = make_tree(tmp_path / "src", awkward=False)
    (root / "to-out").symlink_to(tmp_path / "out", target_is_directory=True)
    (tmp_path / "out").mkdir()
    items = {i.rel: i for i in walk_folder(root, Selector(), ".md", avoid=tmp_path / "out")}
    assert items["to-out/"].status == "skipped" and "output" in items["to-out/"].reason


def _zip_bytes(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return buffer.getvalue()


def test_archives_list_members_without_unpacking(tmp_path):
    members = {
        "b/two.txt": b"Two...\n",
        "a/one.md": b"# One\n",
        "../evil.txt": b"x",
        "pic.png": b"x",
    }
    zpath = tmp_path / "archive.zip"
    zpath.write_bytes(_zip_bytes(members))
    tpath = tmp_path / "archive.tar.gz"
    with tarfile.open(tpath, "w:gz") as tf:
        for name, data in members.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tf.addfile(info, io.BytesIO(data))
    for path in (zpath, tpath):
        items = {i.rel: i for i in walk_archive(path, Selector(), ".txt")}
        evil = items["../evil.txt"]  # never escapes OUT_DIR: reported, never read or written
        assert evil.status == "skipped" and evil.source is None and evil.out_rel is None
        assert items["a/one.md"].out_rel == "a/one.txt"
        assert items["a/one.md"].source == Member(str(path), "a/one.md")
        assert items["pic.png"].status == "skipped"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["archive.tar.gz", "archive.zip"]


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.builds(
            lambda stem, suffix: stem + suffix,
            st.sampled_from(["a", "a.txt", "a.md", "b", "A", "a.html", "ch 1"]),
            st.sampled_from(["", ".txt", ".md", ".html", ".htm", ".text", ".TXT", ".md.md"]),
        ),
        unique=True,
    ),
    st.sampled_from([".md", ".txt"]),
)
def test_output_names_never_collide(names, suffix):
    out = output_names(names, suffix)
    assert set(out) == set(names)
    assert len(set(out.values())) == len(names)
    assert all(v.endswith(suffix) for v in out.values())
