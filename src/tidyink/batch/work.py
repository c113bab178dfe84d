"""The work unit of a batch: convert (or count the names of) one file, never raising.

:func:`convert_file` is pure and picklable, so the same function runs inline, in a
local process pool or on a Dask cluster, and gives byte-identical outputs on each.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from collections import Counter
from dataclasses import asdict
from typing import Any

from tidyink import __version__
from tidyink.batch.walk import Blob, Item, Member, read_members
from tidyink.options import Options

DEFAULT_MAX_SIZE = 64 * 1024 * 1024  # bytes; a larger file is reported, not read


# ---------------------------------------------------------------- the work unit


def options_key(options: Options) -> str:
    """A stable fingerprint of everything that shapes an output: options and version."""
    fields = json.dumps(asdict(options), sort_keys=True, default=str, ensure_ascii=True)
    return hashlib.sha256(f"tidyink {__version__}\n{fields}".encode()).hexdigest()


def _key(input_sha: str, opts_key: str) -> str:
    return hashlib.sha256(f"{input_sha}\n{opts_key}".encode()).hexdigest()


def _read(src: str | Blob | Member, max_size: int) -> bytes:
    """The input bytes; a file over ``max_size`` is refused before it is read."""
    from tidyink.errors import InputError

    if isinstance(src, Blob):
        return src.data
    if isinstance(src, Member):
        items = read_members(src.archive, [Item(src.name, src)])
        return next(items)[1] or b""
    try:
        size = os.stat(src).st_size
    except OSError as exc:
        raise InputError(f"{src}: cannot read ({exc.strerror})") from None
    if size > max_size:
        raise InputError(
            f"{src}: too large ({size:,} bytes; the limit is {max_size:,}, see --max-size)"
        )
    from tidyink.api import read_bytes

    return read_bytes(src)


def too_large(size: int, limit: int) -> str:
    return f"too large ({size:,} bytes; the limit is {limit:,}, see --max-size)"


def _sha256_file(path: str) -> str | None:
    digest = hashlib.sha256()
    try:
        with open(path, "rb") as handle:
            for chunk in iter(lambda: handle.read(1 << 20), b""):
                digest.update(chunk)
    except OSError:
        return None
    return digest.hexdigest()


def convert_file(
    src: str | Blob | Member,
    dst: str,
    options: Options,
    state: dict[str, Any] | None = None,
    *,
    name: str | None = None,
    previous: tuple[str, str] | None = None,
    max_size: int = DEFAULT_MAX_SIZE,
) -> dict[str, Any]:
    """Convert one file to ``dst`` (written atomically) and return its report record.

    Never raises: an unreadable, binary, undecodable or too large input, or a
    filter that crashes, gives a record with ``status`` "skipped" (binary, not
    text) or "failed" and the reason in ``error``. ``previous`` is the
    (key, output sha256) the manifest holds: when the input, options and version
    hash to the same key and ``dst`` still has that content, nothing is done and
    the status is "up-to-date". ``name`` is how the input is named in the
    record, in findings and for format detection (default: ``str(src)``).
    """
    from tidyink.errors import BinaryInputError, OutputError, TidyinkError
    from tidyink.safety import SafetyError

    start = time.perf_counter()
    display = name or str(src)
    record: dict[str, Any] = {"source": display, "output": None, "status": "failed", "error": None}
    try:
        data = _read(src, max_size)
        record["bytes_in"] = len(data)
        input_sha = hashlib.sha256(data).hexdigest()
        key = _key(input_sha, options_key(options))
        record["key"] = key
        if previous and previous[0] == key and _sha256_file(dst) == previous[1]:
            record.update(status="up-to-date", output=dst, output_sha256=previous[1])
            return record
        from tidyink.api import convert

        state = dict(state) if state is not None else {}  # a filter may add keys: keep ours clean
        result = convert(data, path=display, options=options, state=state)
        out = result.output
        from tidyink.fileio import atomic_write

        os.makedirs(os.path.dirname(dst) or ".", exist_ok=True)
        # No fsync: a kill cannot leave a partial file, and after a power cut a rerun
        # sees the output hash differ from the manifest's and converts the file again.
        atomic_write(dst, out, durable=False)
        source = result.source
        record.update(
            status="converted",
            output=dst,
            encoding=source.encoding,
            confidence=source.confidence,
            detected_by=source.detected_by,
            format=result.input_format,
            **({"warning": source.warning} if source.warning else {}),
            bytes_out=len(out),
            output_sha256=hashlib.sha256(out).hexdigest(),
            changes=dict(sorted(Counter(c.filter for c in result.changes).items())),
            findings=[
                {
                    "code": f.code,
                    "line": f.line,
                    "column": f.column,
                    "severity": f.severity,
                    "message": f.message,
                    "suggestions": list(f.suggestions),
                }
                for f in result.findings
            ],
        )
    except BinaryInputError as exc:
        record.update(status="skipped", error=_strip(str(exc), display))
    except OutputError as exc:  # names the output, not the input
        record["error"] = str(exc)
    except SafetyError as exc:  # a bug caught before it reached the output: not written
        record.update(error=f"{exc.args[0].split(': ', 1)[-1]}; not written", internal=True)
    except TidyinkError as exc:
        record["error"] = _strip(str(exc), display)
    except OSError as exc:
        record["error"] = f"cannot write {dst} ({exc.strerror or exc})"
    except Exception as exc:  # a crash in a filter or rule must not stop the batch
        record.update(error=f"internal error: {type(exc).__name__}: {exc}"[:500], internal=True)
    finally:
        record["seconds"] = round(time.perf_counter() - start, 4)
    return record


def _strip(message: str, display: str) -> str:
    """Errors name the file; the record already does, so keep just the reason."""
    for prefix in (f"{display}: ",):
        if message.startswith(prefix):
            return message[len(prefix) :]
    return message.split(": ", 1)[-1] if ": " in message else message


def count_file(
    src: str | Blob | Member, options: Options, max_size: int = DEFAULT_MAX_SIZE
) -> Counter[str] | None:
    """The capitalised words of one file (the cheap first pass); None if it cannot be decoded."""
    from tidyink.names import count_names

    try:
        data = _read(src, max_size)
        from tidyink.api import load

        return count_names(load(data, encoding=options.encoding).text)
    except Exception:  # the conversion pass reports the problem
        return None


def count_job(src: Any, options: Options, max_size: int, _shared: Any) -> Counter[str] | None:
    return count_file(src, options, max_size)


def convert_job(
    src: Any,
    dst: str,
    options: Options,
    name: str,
    previous: tuple[str, str] | None,
    max_size: int,
    state: dict[str, Any] | None,
) -> dict[str, Any]:
    return convert_file(src, dst, options, state, name=name, previous=previous, max_size=max_size)
