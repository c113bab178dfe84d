"""The Python API; the command line is a thin face over these functions.

>>> import tidyink
>>> result = tidyink.convert(b'He said . . . "wait"', to="text", only=["ellipses"])
>>> result.text
'He said … "wait"'
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from tidyink import pipeline, readers, suppress, writers
from tidyink.decoding.source import Source, decode, normalize_newlines
from tidyink.document import Document
from tidyink.errors import InputError
from tidyink.filters.base import Context
from tidyink.options import Options
from tidyink.records import Change, Finding


@dataclass
class Result:
    """Everything a conversion produced and learned."""

    text: str
    source: Source
    document: Document
    input_format: str
    options: Options
    changes: list[Change] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    data: bytes | None = None  # binary output (EPUB); None when the output is ``text``

    @property
    def output(self) -> bytes:
        """The output as bytes: the EPUB package, or the text in UTF-8."""
        return self.data if self.data is not None else self.text.encode("utf-8")

    @property
    def notes(self) -> list[str]:
        """What reading left out or read one way of several (pages, tracked changes, comments)."""
        return list(self.document.meta.get("notes") or ())

    @property
    def changed(self) -> bool:
        """Whether the output differs from the decoded input."""
        return self.text != self.source.text


def resolve_options(options: Options | None = None, **overrides: Any) -> Options:
    """``options`` (or the defaults) with keyword overrides applied and checked."""
    return (options or Options()).with_(**overrides)


def load(
    data: bytes | str,
    *,
    path: str | None = None,
    encoding: str | None = None,
    fmt: str | None = None,
) -> Source:
    """Decode bytes (or take a str as already decoded) into a Source.

    HTML (``fmt="html"``, an HTML suffix or HTML-looking bytes) honours the
    page's declared charset (``<meta charset>``) when no BOM says otherwise.
    An EPUB or Word file (recognised by its ZIP signature) is not decoded: its
    Source holds the reading text positions point into (see :mod:`tidyink.readers.containers`).
    """
    if not isinstance(data, str):
        container = _container(data, path, fmt)
        if container:
            from tidyink.readers import containers

            return _container_source(data, path, containers.read(data, container, path)[0], container)
    if isinstance(data, str):
        text, newline = normalize_newlines(data)
        if text.startswith("\ufeff"):
            text = text[1:]
        size = len(data.encode("utf-8", "surrogatepass"))
        return Source(text, "utf-8", 1.0, False, newline, size, path, "str")
    if encoding is None and (fmt == "html" or (fmt is None and readers.is_html(data, path))):
        from tidyink.readers import html

        declared = html.decode(data, path)
        if declared is not None:
            return declared
    return decode(data, encoding=encoding, path=path)


def _container(data: bytes, path: str | None, fmt: str | None) -> str | None:
    """The container format of ``data`` (by its signature), or None for text."""
    if not data.startswith(readers.ZIP_MAGIC):  # (`containers` loads zipfile: only then)
        return None
    from tidyink.readers import containers

    if fmt is not None and fmt not in containers.FORMATS:
        return None
    return containers.sniff(data, path)


def _container_source(data: bytes, path: str | None, text: str, fmt: str) -> Source:
    return Source(text, "utf-8", 1.0, False, "\n", len(data), path, fmt)


def read_bytes(path: str | Path) -> bytes:
    """Read a file, turning OS errors into a one-line InputError."""
    try:
        return Path(path).read_bytes()
    except IsADirectoryError:
        raise InputError(f"{path}: is a folder") from None
    except FileNotFoundError:
        if Path(path).is_symlink():
            raise InputError(f"{path}: broken symbolic link") from None
        raise InputError(f"{path}: no such file or folder") from None
    except PermissionError:
        raise InputError(f"{path}: permission denied") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from None


def convert(
    data: bytes | str,
    *,
    path: str | None = None,
    options: Options | None = None,
    state: dict[str, Any] | None = None,
    source: Source | None = None,
    **overrides: Any,
) -> Result:
    """Decode, read, filter, lint and write one document.

    ``overrides`` are :class:`Options` fields, e.g. ``to="text"``,
    ``only=["mojibake"]``, ``skip=["ellipses"]``, ``encoding="cp1252"``.
    ``state`` carries facts shared across documents: ``state[names.STATE_KEY]``,
    the names counted in every file of a folder, this one included.
    ``source``: ``data`` already decoded by :func:`load`, so it is not decoded twice.
    """
    opts = resolve_options(options, **overrides)
    pipeline.check_filter_names(opts)  # fail fast on unknown names, before any work
    container = None if isinstance(data, str) else _container(data, path, opts.input_format)
    if container:
        from tidyink.readers import containers

        reading, doc = containers.read(data, container, path)  # type: ignore[arg-type]
        source, fmt = _container_source(data, path, reading, container), container  # type: ignore[arg-type]
    else:
        if source is None:
            source = load(data, path=path, encoding=opts.encoding, fmt=opts.input_format)
        fmt = opts.input_format or readers.sniff_format(source.text, path)
        doc = readers.read(source.text, fmt)
    marks = suppress.scan(source.text, fmt)  # <!-- tidyink: off --> and friends
    opts = marks.options(opts)
    marks.protect(doc, source.text)
    doc.meta.setdefault("source", path)
    doc.meta.setdefault("encoding", source.encoding)
    # The safety check compares words as written in text form (an EPUB's as Markdown),
    # the document as read (written now, before the filters change it) with the result.
    shown = replace(opts, to="markdown") if opts.to in writers.BINARY else opts
    unfiltered = writers.write(doc, shown) if opts.safe else ""
    ctx = Context(options=opts, path=path, state=_own_names(state, source.text))
    pipeline.run(doc, ctx, containers.FILTER_FORMAT if container else fmt)
    text = writers.write(doc, shown) if opts.safe or opts.to not in writers.BINARY else ""
    if opts.safe:  # raises SafetyError (exit 3) for a word the change log does not explain
        from tidyink import safety

        safety.verify(
            unfiltered,
            text,
            ctx.changes,
            path or "-",
            line_of=source.text,
            front_matter=opts.front_matter,
            markdown=shown.to == "markdown",
        )
    marks.filter(ctx)  # (changes on quiet lines were made all the same: checked above)
    if container:
        ctx.findings = containers.locate(ctx.findings, doc, path)
        ctx.changes = containers.locate_changes(ctx.changes, doc)
    if opts.to in writers.BINARY:
        return Result("", source, doc, fmt, opts, ctx.changes, ctx.findings, writers.write_bytes(doc, opts))
    return Result(text, source, doc, fmt, opts, ctx.changes, ctx.findings)


def _own_names(state: dict[str, Any] | None, text: str) -> dict[str, Any]:
    """``state`` (never changed: a batch shares it) with this text's own share of the
    folder's names, which the name rule takes out of them (counted as the folder was)."""
    from tidyink import names

    if not state or names.STATE_KEY not in state or names.OWN_KEY in state:
        return state if state is not None else {}
    return {**state, names.OWN_KEY: names.count_names(text)}


def convert_path(path: str | Path, **kwargs: Any) -> Result:
    """:func:`convert` on a file's bytes, naming the file in errors and findings."""
    return convert(read_bytes(path), path=str(path), **kwargs)


def detect(data: bytes, *, path: str | None = None, encoding: str | None = None) -> Source:
    """Decode ``data`` and return what was learned (encoding, confidence, BOM, newlines).

    As :func:`convert` decodes it: an HTML page's declared charset counts.
    """
    return load(data, path=path, encoding=encoding)


def check(
    data: bytes | str,
    *,
    path: str | None = None,
    options: Options | None = None,
    **overrides: Any,
) -> list[Finding]:
    """The lint findings for one document (after the repair filters have run)."""
    if overrides.get("only") is None and (options is None or options.only is None):
        overrides["only"] = ("repair",)  # repair, then lint: typography is not checked
    return convert(data, path=path, options=options, **overrides).findings
