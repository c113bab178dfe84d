"""Find the files of a batch: a folder tree, a .zip or a .tar(.gz) archive.

Everything is yielded lazily and in a stable order (names sorted), so a batch
never holds the list of files in memory and two walks of the same tree agree.
Problems met on the way (symbolic-link loops, unreadable folders, files of other
types) become items with a reason instead of errors.
"""

from __future__ import annotations

import os
import stat
import tarfile
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

import regex

TEXT_SUFFIXES = (".txt", ".text", ".md", ".html", ".htm", ".epub", ".docx")  # (and the containers)


@dataclass(frozen=True)
class Member:
    """A file inside an archive, named by the archive and its member name (picklable)."""

    archive: str
    name: str

    def __str__(self) -> str:
        return f"{self.archive}:{self.name}"


@dataclass(frozen=True)
class Blob:
    """Bytes already read (a member of a streamed tar archive) and the name they came from."""

    name: str
    data: bytes

    def __str__(self) -> str:
        return self.name


@dataclass(frozen=True)
class Item:
    """One thing found under SRC: a file to convert, or a reason it is not converted."""

    rel: str  # POSIX path relative to SRC (a folder ends with "/")
    source: str | Member | None  # what convert_file reads; None when skipped or failed here
    size: int = 0
    out_rel: str | None = None  # POSIX path of the output relative to OUT_DIR
    status: str = ""  # "" (to convert), "skipped" or "failed"
    reason: str = ""


# ---------------------------------------------------------------- globs


def glob_regex(pattern: str) -> regex.Pattern[str]:
    """A gitignore-like glob as a regex: ``*`` within a folder, ``**`` across folders.

    A pattern without ``/`` matches the file or folder name at any depth.
    """
    pat = pattern.strip().lstrip("/")
    if "/" not in pat.rstrip("/"):
        pat = "**/" + pat
    out, i = [], 0
    while i < len(pat):
        ch = pat[i]
        if pat.startswith("**/", i):
            out.append("(?:[^/]*/)*")
            i += 3
        elif pat.startswith("**", i):
            out.append(".*")
            i += 2
        elif ch == "*":
            out.append("[^/]*")
            i += 1
        elif ch == "?":
            out.append("[^/]")
            i += 1
        elif ch == "[" and "]" in pat[i + 1 :]:
            end = pat.index("]", i + 1)
            body = pat[i + 1 : end].replace("\\", "\\\\")
            if body.startswith("!"):
                body = "^" + body[1:]
            out.append(f"[{body}]")
            i = end + 1
        else:
            out.append(regex.escape(ch))
            i += 1
    return regex.compile("".join(out).rstrip("/") + "/?")


class Selector:
    """Include/exclude globs on relative POSIX paths."""

    def __init__(self, include: Iterable[str] = (), exclude: Iterable[str] = ()) -> None:
        self.include = [glob_regex(p) for p in include if p.strip()]
        self.exclude = [glob_regex(p) for p in exclude if p.strip()]

    def excluded(self, rel: str) -> bool:
        return any(p.fullmatch(rel) for p in self.exclude)

    def wanted(self, rel: str) -> bool:
        if self.excluded(rel):
            return False
        return not self.include or any(p.fullmatch(rel) for p in self.include)


# ---------------------------------------------------------------- naming


def _kind(name: str) -> str | None:
    """'text' for a picked suffix or no suffix (sniffed later), None for other types."""
    suffix = PurePosixPath(name).suffix.lower()
    if suffix in TEXT_SUFFIXES or not suffix:
        return "text"
    return None


def output_names(names: list[str], new_suffix: str) -> dict[str, str]:
    """Output file name for each input name of one folder, with ``new_suffix``.

    ``a.txt`` → ``a.md``; when two inputs of the folder would get the same name
    (``a.txt`` and ``a.html``), each keeps its old suffix: ``a.txt.md``, ``a.html.md``.
    The result never gives two inputs the same output name.
    """

    def preferred(name: str) -> str:
        p = PurePosixPath(name)
        stem = p.stem if p.suffix.lower() in TEXT_SUFFIXES else name
        return stem + new_suffix

    out = {name: preferred(name) for name in names}
    while True:
        seen: dict[str, list[str]] = {}
        for name, target in out.items():
            seen.setdefault(target, []).append(name)
        clashes = [n for group in seen.values() if len(group) > 1 for n in group]
        clashes = [n for n in clashes if out[n] != n + new_suffix]
        if not clashes:
            return out
        for name in clashes:
            out[name] = name + new_suffix  # unique: input names are


# ---------------------------------------------------------------- folders


def walk_folder(
    root: str | Path, selector: Selector, new_suffix: str, avoid: str | Path | None = None
) -> Iterator[Item]:
    """Every file under ``root`` in sorted order; folders are followed through symlinks.

    ``avoid`` (the output folder) is never entered. Hidden files and folders
    (names starting with ".") are passed over silently.
    """
    root = os.fspath(root)
    avoid_real = os.path.realpath(avoid) if avoid is not None else None
    try:
        top = os.stat(root)
    except OSError as exc:
        yield Item("", None, status="failed", reason=f"cannot read folder ({exc.strerror})")
        return
    # stack of (folder path, relative prefix, ancestors' (dev, inode))
    stack: list[tuple[str, str, tuple[tuple[int, int], ...]]] = [
        (root, "", ((top.st_dev, top.st_ino),))
    ]
    while stack:
        folder, prefix, ancestors = stack.pop()
        try:
            with os.scandir(folder) as it:
                entries = sorted(
                    (e for e in it if not e.name.startswith(".")), key=lambda e: e.name
                )
        except OSError as exc:
            why = "permission denied" if isinstance(exc, PermissionError) else exc.strerror
            yield Item(prefix or "./", None, status="failed", reason=f"cannot read folder ({why})")
            continue
        files: list[tuple[os.DirEntry[str], os.stat_result]] = []
        subfolders: list[tuple[str, str, tuple[tuple[int, int], ...]]] = []
        for entry in entries:
            rel = prefix + entry.name
            try:
                st = entry.stat(follow_symlinks=True)
            except OSError as exc:
                if entry.is_symlink():
                    yield Item(rel, None, status="skipped", reason="broken symbolic link")
                else:
                    yield Item(rel, None, status="failed", reason=f"cannot stat ({exc.strerror})")
                continue
            if stat.S_ISDIR(st.st_mode):
                if selector.excluded(rel + "/"):
                    continue
                ident = (st.st_dev, st.st_ino)
                if ident in ancestors:
                    target = os.readlink(entry.path) if entry.is_symlink() else entry.path
                    yield Item(
                        rel + "/",
                        None,
                        status="skipped",
                        reason=f"symbolic link loop (-> {target})",
                    )
                    continue
                if avoid_real and _inside(os.path.realpath(entry.path), avoid_real):
                    yield Item(rel + "/", None, status="skipped", reason="is the output folder")
                    continue
                subfolders.append((entry.path, rel + "/", (*ancestors, ident)))
            elif stat.S_ISREG(st.st_mode):
                if selector.wanted(rel):
                    files.append((entry, st))
            elif selector.wanted(rel):
                yield Item(rel, None, status="skipped", reason="not a regular file")
        names = output_names([e.name for e, _ in files if _kind(e.name)], new_suffix)
        for entry, st in files:
            rel = prefix + entry.name
            if entry.name in names:
                yield Item(rel, entry.path, st.st_size, prefix + names[entry.name])
            else:
                suffix = PurePosixPath(entry.name).suffix.lower()
                yield Item(
                    rel,
                    None,
                    st.st_size,
                    status="skipped",
                    reason=f"not a text file type ({suffix})",
                )
        stack.extend(reversed(subfolders))  # pop() then visits them in sorted order


def _inside(path: str, folder: str) -> bool:
    return path == folder or path.startswith(folder.rstrip(os.sep) + os.sep)


# ---------------------------------------------------------------- archives


def walk_archive(path: str | Path, selector: Selector, new_suffix: str) -> Iterator[Item]:
    """The members of a .zip (in name order) or .tar(.gz) archive (in stored order)."""
    path = os.fspath(path)
    if path.lower().endswith(".zip"):
        yield from _walk_zip(path, selector, new_suffix)
    else:
        yield from _walk_tar(path, selector, new_suffix)


def _archive_items(
    path: str, members: list[tuple[str, int]], selector: Selector, new_suffix: str
) -> Iterator[Item]:
    by_folder: dict[str, list[str]] = {}
    for name, _ in members:
        folder, _, base = name.rpartition("/")
        if _kind(base):
            by_folder.setdefault(folder, []).append(base)
    out_names = {f: output_names(sorted(n), new_suffix) for f, n in by_folder.items()}
    for name, size in members:
        folder, _, base = name.rpartition("/")
        mapped = out_names.get(folder, {}).get(base)
        if mapped is None:
            suffix = PurePosixPath(base).suffix.lower()
            yield Item(
                name, None, size, status="skipped", reason=f"not a text file type ({suffix})"
            )
        else:
            out_rel = f"{folder}/{mapped}" if folder else mapped
            yield Item(name, Member(path, name), size, out_rel)


def _hidden(name: str) -> bool:
    return any(p.startswith(".") and p not in (".", "..") for p in PurePosixPath(name).parts)


def _unsafe(name: str) -> str:
    """Why a member name cannot be written under OUT_DIR ("" when it can)."""
    parts = PurePosixPath(name).parts
    if not parts:
        return "empty member name"
    if name.startswith("/") or (len(name) > 1 and name[1] == ":") or name.startswith("\\"):
        return "absolute path in the archive (not written outside the output folder)"
    if ".." in parts or ".." in name.split("\\"):
        return "path with '..' in the archive (not written outside the output folder)"
    return ""


def _kept(name: str, kind: str, selector: Selector) -> Item | bool:
    """True for a regular member to convert, False to pass over silently (hidden,
    not selected), or a skipped Item saying why it is not written."""
    why = _unsafe(name)
    if not why and (_hidden(name) or not selector.wanted(name)):
        return False
    if not why and kind:
        why = kind
    return Item(name, None, status="skipped", reason=why) if why else True


_ZIP_LINK = 0o120000


def _walk_zip(path: str, selector: Selector, new_suffix: str) -> Iterator[Item]:
    members, dropped = [], []
    with zipfile.ZipFile(path) as zf:
        for info in zf.infolist():
            if info.is_dir():
                continue
            mode = info.external_attr >> 16
            kind = "symbolic link in the archive (not followed)" if stat.S_IFMT(mode) == _ZIP_LINK else ""
            if kind == "" and stat.S_IFMT(mode) not in (0, stat.S_IFREG):
                kind = "not a regular file in the archive"
            verdict = _kept(info.filename, kind, selector)
            if isinstance(verdict, Item):
                dropped.append(verdict)
            elif verdict:
                members.append((info.filename, info.file_size))
    yield from sorted(dropped, key=lambda item: item.rel)
    yield from _archive_items(path, sorted(members), selector, new_suffix)


def _tar_kind(member: tarfile.TarInfo) -> str:
    if member.issym():
        return f"symbolic link in the archive (-> {member.linkname}; not followed)"
    if member.islnk():
        return f"hard link in the archive (-> {member.linkname}; not followed)"
    if member.isdev():
        return "device or pipe in the archive (not a file)"
    return "" if member.isfile() else "not a regular file in the archive"


def _walk_tar(path: str, selector: Selector, new_suffix: str) -> Iterator[Item]:
    members, dropped = [], []
    with tarfile.open(path, "r:*") as tf:
        for member in tf:
            if member.isdir():
                continue
            verdict = _kept(member.name, _tar_kind(member), selector)
            if isinstance(verdict, Item):
                dropped.append(verdict)
            elif verdict:
                members.append((member.name, member.size))
    yield from dropped
    yield from _archive_items(path, members, selector, new_suffix)


def read_members(path: str, wanted: Iterable[Item]) -> Iterator[tuple[Item, bytes | None]]:
    """Pair each item with its member's bytes, reading the archive once, in its order."""
    if path.lower().endswith(".zip"):
        with zipfile.ZipFile(path) as zf:
            for item in wanted:
                yield item, (zf.read(item.source.name) if isinstance(item.source, Member) else None)
        return
    yield from _read_tar(path, wanted)


def _read_tar(path: str, wanted: Iterable[Item]) -> Iterator[tuple[Item, bytes | None]]:
    # A compressed tar can only be read front to back: stream it once, in stored
    # order (the order _walk_tar yields items in).
    with tarfile.open(path, "r|*") as tf:
        members = iter(tf)
        for item in wanted:
            if not isinstance(item.source, Member):
                yield item, None
                continue
            for member in members:
                if member.name == item.source.name and member.isfile():
                    handle = tf.extractfile(member)
                    yield item, handle.read() if handle else b""
                    break
            else:
                yield item, None
