"""Which paths name an archive that a batch reads (without importing the batch package)."""

from __future__ import annotations

import os
from pathlib import Path

ARCHIVE_SUFFIXES = (".zip", ".tar", ".tar.gz", ".tgz", ".tar.bz2", ".tar.xz")


def is_archive(path: str | Path) -> bool:
    """Whether ``path`` is a file whose name ends like an archive tidyink reads."""
    name = str(path).lower()
    return os.path.isfile(path) and name.endswith(ARCHIVE_SUFFIXES)
