"""Readers turn decoded text into a Document, losing nothing.

Reading never interprets structure beyond what the format itself states:
unwrapping, heading detection and the like are filters.
"""

from __future__ import annotations

import importlib
from pathlib import PurePath

from tidyink.document import Document
from tidyink.errors import UsageError

SUFFIXES = {
    ".md": "markdown",
    ".markdown": "markdown",
    ".mdown": "markdown",
    ".mkd": "markdown",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".txt": "text",
    ".text": "text",
}

_READERS = {
    "text": "tidyink.readers.text",
    "markdown": "tidyink.readers.markdown",
    "html": "tidyink.readers.html",
}


def sniff_format(text: str, path: str | None = None) -> str:
    """The input format named by the file suffix, else guessed from the content."""
    if path:
        fmt = SUFFIXES.get(PurePath(path).suffix.lower())
        if fmt:
            return fmt
    head = text[:1024].lstrip().lower()
    if head.startswith(("<!doctype html", "<html", "<?xml")) and "<html" in text[:4096].lower():
        return "html"
    return "text"


def available_formats() -> tuple[str, ...]:
    return tuple(_READERS)


def read(text: str, fmt: str) -> Document:
    """Parse decoded ``text`` in input format ``fmt`` into a Document."""
    module_name = _READERS.get(fmt)
    if module_name is None:
        raise UsageError(f"no reader for input format {fmt!r}")
    module = importlib.import_module(module_name)
    return module.read(text)
