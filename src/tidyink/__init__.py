"""tidyink: turn messy prose files into clean Markdown or plain text.

The public API lives in :mod:`tidyink.api`; the names below are loaded lazily so
that ``import tidyink`` (and ``tidyink --version``) stays fast.
"""

from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["Options", "Result", "TidyinkError", "__version__", "check", "convert", "detect"]


def __getattr__(name: str):  # PEP 562: lazy public API
    if name in {"convert", "detect", "check", "Result"}:
        from tidyink import api

        return getattr(api, name)
    if name == "Options":
        from tidyink.options import Options

        return Options
    if name == "TidyinkError":
        from tidyink.errors import TidyinkError

        return TidyinkError
    raise AttributeError(f"module 'tidyink' has no attribute {name!r}")
