"""``tidyink --version``: tidyink's version, Python's and the key dependencies'.

Nothing here imports click: ``tidyink --version`` is answered before the command
line interface is built (see :func:`tidyink.cli.run`).
"""

from __future__ import annotations

import os
import sys

# What `tidyink --version` reports beside tidyink and Python (like ruff's and black's).
KEY_DEPENDENCIES = ("click", "ftfy", "charset-normalizer", "markdown-it-py", "selectolax", "wordfreq")


def version_text() -> str:
    """``tidyink X (Python Y; click Z, ...)``, versions read from installed metadata."""
    from tidyink import __version__

    found = installed_versions(KEY_DEPENDENCIES)
    parts = [f"{name} {found[name]}" if found[name] else f"{name} (not installed)" for name in KEY_DEPENDENCIES]
    python = ".".join(str(n) for n in sys.version_info[:3])
    return f"tidyink {__version__} (Python {python}, {sys.implementation.name})\n" + ", ".join(parts)


def _normal(name: str) -> str:
    """``re.sub(r"[-_.]+", "_", name).lower()`` (a distribution name normalized), without
    importing ``re``."""
    out: list[str] = []
    in_run = False  # inside a run of separators, already written as one "_"
    for char in name:
        if char in "-_.":
            if not in_run:
                out.append("_")
            in_run = True
        else:
            out.append(char)
            in_run = False
    return "".join(out).lower()


def installed_versions(names: tuple[str, ...]) -> dict[str, str | None]:
    """Each distribution's version, as ``importlib.metadata.version`` gives it (None
    when not installed), read from the ``NAME-VERSION.dist-info`` folder names on
    ``sys.path`` in order: importing ``importlib.metadata`` costs more than all of
    ``--version`` should. Names found no such way are asked of it after all."""
    wanted = {_normal(n): n for n in names}
    found: dict[str, str | None] = {}
    for entry in sys.path:
        try:
            listing = os.listdir(entry or ".")
        except OSError:
            continue
        for item in listing:
            if item.endswith(".dist-info"):
                name, _, version = item[: -len(".dist-info")].partition("-")
                original = wanted.get(_normal(name))
                if original is not None and original not in found and version:
                    found[original] = version
    missing = [n for n in names if n not in found]
    if missing:
        from importlib import metadata

        for name in missing:
            try:
                found[name] = metadata.version(name)
            except metadata.PackageNotFoundError:
                found[name] = None
    return found
