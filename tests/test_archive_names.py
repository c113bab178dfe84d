"""Archive paths are told apart without importing the batch package."""

import os
import subprocess
import sys
from pathlib import Path

from tidyink.archive_names import is_archive


def test_archives_are_files_named_like_one(tmp_path: Path) -> None:
    for name in ("book.zip", "BOOKS.TAR.GZ", "a.tgz", "b.tar.xz"):
        (tmp_path / name).write_bytes(b"")
        assert is_archive(tmp_path / name)
    (tmp_path / "story.txt").write_text("x")
    (tmp_path / "folder.zip").mkdir()
    assert not is_archive(tmp_path / "story.txt")
    assert not is_archive(tmp_path / "folder.zip")  # a folder, whatever its name
    assert not is_archive(tmp_path / "missing.zip")


def test_a_single_file_input_does_not_load_the_batch_package(tmp_path: Path) -> None:
    (tmp_path / "story.txt").write_text("x")
    code = (
        "import sys; from tidyink.cli._batch import is_batch_input;"
        f"print(is_batch_input({str(tmp_path / 'story.txt')!r}), 'tidyink.batch' in sys.modules)"
    )
    src = str(Path(__file__).resolve().parents[1] / "src")
    env = dict(os.environ, PYTHONPATH=src)
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False", "False"]
