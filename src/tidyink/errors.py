"""Exceptions that carry a one-line, user-facing reason."""

from __future__ import annotations


class TidyinkError(Exception):
    """An error the user can act on; its message is one line without a traceback."""

    exit_code = 2


class InputError(TidyinkError):
    """The input cannot be processed (unreadable, binary, undecodable)."""


class BinaryInputError(InputError):
    """The input is binary data, not text."""


class DecodeError(InputError):
    """The bytes cannot be decoded with the requested or detected encoding."""


class UsageError(TidyinkError):
    """Options that do not fit together or name unknown things."""


class OutputError(TidyinkError):
    """The output cannot be written where it was asked for."""
