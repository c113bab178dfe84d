"""Safe file writing: a temporary file in the same folder, fsync, then rename."""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
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
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tidyink-tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            if durable:
                os.fsync(handle.fileno())
        if mode is not None:
            os.chmod(tmp, mode)
        else:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(tmp, 0o666 & ~umask)
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


def same_file(a: str | Path, b: str | Path) -> bool:
    """Whether two paths name the same existing file."""
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False
