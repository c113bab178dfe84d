"""Build small archive-like folders for the batch tests (all text written for these tests)."""

from __future__ import annotations

import os
from pathlib import Path

IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0  # root reads even chmod 000 files

PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4

CHAPTER = (
    "Marisol Quenby walked to the harbour... The fog had not lifted.\n"
    "\n"
    '"Tobiah," she called. Tobiah Wrenfield did not answer . . . not at first.\n'
)


def chapter(n: int, extra: str = "") -> str:
    return f"Chapter {n}\n\n" + CHAPTER * 3 + extra


def make_tree(root: Path, *, awkward: bool = True) -> Path:
    """A folder of mixed encodings and formats, plus (``awkward``) the troublemakers."""
    (root / "notes").mkdir(parents=True)
    (root / "old" / "dos").mkdir(parents=True)
    (root / "plain.txt").write_text(chapter(1), encoding="ascii")
    (root / "notes" / "café au lait — draft.txt").write_bytes(
        ("Tobiah said: “It’s naïve to wait…”\n\nMarisol smiled.\n").encode("cp1252")
    )
    (root / "notes" / "wide.txt").write_bytes(
        b"\xff\xfe" + chapter(2).replace("\n", "\r\n").encode("utf-16-le")
    )
    (root / "old" / "dos" / "damaged.md").write_text(
        "# Chapter 3\n\nThe cafÃ© was closed... Marisol sighed.\n", encoding="utf-8"
    )
    (root / "old" / "LETTER").write_text(chapter(4, "Yours, Tobiah\n"), encoding="utf-8")
    (root / "empty.txt").write_bytes(b"")
    (root / "cover.png").write_bytes(PNG)
    (root / "disguised.txt").write_bytes(PNG)
    (root / "old" / "CORE").write_bytes(b"\x7fELF\x02\x01\x01" + bytes(200))  # no suffix, binary
    (root / ".hidden.txt").write_text("not picked up\n")
    if awkward:
        (root / "loop").symlink_to(root, target_is_directory=True)
        (root / "dangling.txt").symlink_to(root / "nowhere.txt")
        locked = root / "locked.txt"
        locked.write_text("Locked away...\n")
        locked.chmod(0)
        shut = root / "shut"
        shut.mkdir()
        (shut / "inside.txt").write_text("Hidden behind a locked door...\n")
        shut.chmod(0)
    return root


def restore_permissions(root: Path) -> None:
    """Let pytest delete the tree afterwards."""
    for path in (root / "locked.txt", root / "shut"):
        if path.exists() or path.is_symlink():
            path.chmod(0o755)


def snapshot(root: Path) -> dict[str, bytes]:
    """Every regular file under ``root`` (outputs only: the manifest is left out)."""
    out = {}
    for folder, _, files in os.walk(root):
        for name in files:
            path = Path(folder) / name
            if name.startswith(".tidyink-manifest"):
                continue
            out[path.relative_to(root).as_posix()] = path.read_bytes()
    return out


def zip_tree(root: Path, archive: Path) -> Path:
    """``root``'s visible files in a .zip archive, in name order."""
    import zipfile

    with zipfile.ZipFile(archive, "w") as zf:
        for path in sorted(root.rglob("*")):
            if path.is_file() and not path.name.startswith("."):
                zf.write(path, path.relative_to(root).as_posix())
    return archive
