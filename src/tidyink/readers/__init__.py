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

# Containers (EPUB, Word: see ``containers``, which loads zipfile) start with the ZIP
# signature; these let a caller rule one out without loading that module.
ZIP_MAGIC = b"PK\x03\x04"
CONTAINER_SUFFIXES = {".epub": "epub", ".docx": "docx"}

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
    return "html" if looks_like_html(text[:4096]) else "text"


def looks_like_html(head: str) -> bool:
    """Whether a file's first characters open an HTML page (comments such as
    ``<!-- saved from url=... -->`` may come first)."""
    head = head.lstrip("\ufeff \t\r\n")
    while head.startswith("<!--"):
        end = head.find("-->")
        if end < 0:
            return False
        head = head[end + 3 :].lstrip()
    low = head[:1024].lower()
    if low.startswith(("<!doctype html", "<html", "<head", "<body")):
        return True
    return low.startswith("<?xml") and "<html" in head.lower()


def is_html(data: bytes, path: str | None = None) -> bool:
    """HTML bytes: by file suffix, else by how the file starts."""
    if path:
        fmt = SUFFIXES.get(PurePath(path).suffix.lower())
        if fmt:
            return fmt == "html"
    return looks_like_html(data[:4096].removeprefix(b"\xef\xbb\xbf").decode("latin-1"))


def read(text: str, fmt: str) -> Document:
    """Parse decoded ``text`` in input format ``fmt`` into a Document."""
    module_name = _READERS.get(fmt)
    if module_name is None:
        raise UsageError(f"no reader for input format {fmt!r}")
    module = importlib.import_module(module_name)
    return module.read(text)
