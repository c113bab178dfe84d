"""Safe file writing: a temporary file in the same folder, fsync, then rename."""

from __future__ import annotations

import contextlib
import os
import re
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path

from tidyink.errors import OutputError


def atomic_write(
    path: str | Path,
    data: bytes,
    *,
    mode_from: str | Path | None = None,
    durable: bool = True,
    shown: str | None = None,
) -> None:
    """Write ``data`` to ``path`` so that readers see the old file or the new one, never half.

    The file mode is copied from ``mode_from`` (or from ``path`` when it exists).
    ``durable=False`` skips the fsyncs: still atomic for readers and if the process is
    killed, but a power cut may lose the data (batch checks output hashes on reruns).
    An OS error becomes an :class:`OutputError` naming ``shown`` (default: ``path``),
    never the temporary file.
    """
    try:
        _atomic_write(Path(path), data, mode_from, durable)
    except OSError as exc:
        why = "permission denied" if isinstance(exc, PermissionError) else (exc.strerror or str(exc))
        raise OutputError(f"{shown or path}: cannot write ({why})") from exc


def _atomic_write(target: Path, data: bytes, mode_from: str | Path | None, durable: bool) -> None:
    path = target
    folder = target.parent if str(target.parent) else Path(".")
    if target.is_dir():
        raise OutputError(f"{path}: is a folder (name a file to write)")
    if not folder.is_dir():
        raise OutputError(f"{path}: no such folder: {folder}")
    reference = Path(mode_from) if mode_from is not None else target
    try:
        mode: int | None = stat.S_IMODE(reference.stat().st_mode)
    except OSError:
        mode = None
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=TEMP_SUFFIX, dir=folder)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            if durable:
                os.fsync(handle.fileno())
        os.chmod(tmp, mode if mode is not None else new_file_mode())
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    if not durable:
        return
    with contextlib.suppress(OSError):  # make the rename itself durable where we can
        dir_fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)


def new_file_mode() -> int:
    """The mode a new file gets (0666 less the umask): a temporary file made by
    ``tempfile.mkstemp`` is 0600 and must not keep that once renamed into place."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def replace_if_unchanged(path: str | Path, expected: bytes, data: bytes, *, shown: str | None = None) -> bool:
    """:func:`atomic_write` ``data`` to ``path`` only if the file still holds ``expected``
    (compare-and-replace); False, writing nothing, when another program changed it."""
    try:
        current = Path(path).read_bytes()
    except OSError:
        current = None
    if current != expected:
        return False
    atomic_write(path, data, shown=shown)
    return True


TEMP_SUFFIX = ".tidyink-tmp"
_TEMP_TAIL = "[a-z0-9_]{8}" + re.escape(TEMP_SUFFIX)  # tempfile.mkstemp's random part


@contextlib.contextmanager
def locked(path: str | Path) -> Iterator[bool]:
    """Hold an exclusive advisory lock on the file at ``path`` (yields whether it is held).

    The lock is on the file itself (``flock``: no lock file to leave behind, freed
    when the process dies). A writer replaces the file by renaming, so after waiting
    the lock is taken again if ``path`` now names another file. Where locks are not
    available (no ``fcntl``, a file system without them, a missing file) this holds
    nothing and yields False.
    """
    try:
        import fcntl
    except ImportError:  # Windows
        yield False
        return
    fd = _lock_current(path, fcntl)
    if fd is None:
        yield False
        return
    try:
        yield True
    finally:
        os.close(fd)  # closing frees the lock


def _lock_current(path: str | Path, fcntl: object) -> int | None:
    for _ in range(100):
        try:
            fd = os.open(path, os.O_RDONLY)
        except OSError:
            return None
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)  # type: ignore[attr-defined]
            now, held = os.stat(path), os.fstat(fd)
        except OSError:
            os.close(fd)
            return None
        if (now.st_dev, now.st_ino) == (held.st_dev, held.st_ino):
            return fd
        os.close(fd)  # replaced while we waited: lock the new file
    return None


def remove_stale_temporaries_of(path: str | Path) -> int:
    """Delete the temporary files a killed :func:`atomic_write` of ``path`` left beside it.

    Only names of our own pattern (``.NAME.xxxxxxxx.tidyink-tmp``) that are regular
    files are removed. Call it while holding :func:`locked` on ``path``: every
    tidyink writer of ``path`` holds that lock, so such a file belongs to no live run.
    """
    target = Path(path)
    pattern = re.compile(re.escape(f".{target.name}.") + _TEMP_TAIL)
    removed = 0
    try:
        entries = list(os.scandir(target.parent if str(target.parent) else "."))
    except OSError:
        return 0
    for entry in entries:
        if pattern.fullmatch(entry.name) and entry.is_file(follow_symlinks=False):
            with contextlib.suppress(OSError):
                os.unlink(entry.path)
                removed += 1
    return removed


def same_file(a: str | Path, b: str | Path) -> bool:
    """Whether two paths name the same existing file."""
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False
