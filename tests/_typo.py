"""Shared helper for the typography tests."""

from __future__ import annotations

from typing import Any

import tidyink


def typeset(text: str, only: tuple[str, ...] = ("typography",), **options: Any) -> str:
    """Run only the given filters over plain text and return the text."""
    result = tidyink.convert(
        text, to="text", input_format="text", only=list(only), lint=False, **options
    )
    return result.text
