"""A file cut short in the middle of a multi-byte character (a truncated download or copy)."""

from __future__ import annotations


def decode_cut(data: bytes, name: str) -> str | None:
    """``data`` decoded when its only fault is its last character cut short, that
    character kept as U+FFFD (the lint rule E101 flags it); None otherwise."""
    try:
        return data.decode(name)
    except UnicodeDecodeError as exc:
        if exc.end != len(data) or exc.reason not in ("unexpected end of data", "truncated data"):
            return None
        try:
            return data[: exc.start].decode(name) + "\ufffd"
        except UnicodeDecodeError:
            return None
    except LookupError:
        return None


def cut_warning(name: str) -> str:
    return (
        f"ends in the middle of a {name} character (cut short?);"
        " the cut character is kept as U+FFFD (\ufffd)"
    )
