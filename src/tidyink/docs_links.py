"""Where the documentation lives: one base URL, and each page's path under it.

The site is built from ``docs/`` by MkDocs (``mkdocs build --strict``); rule and
filter pages are generated from the registries, so every path here exists there.
"""

from __future__ import annotations

DOCS_URL = "https://tidyink.github.io/tidyink/"


def rule_page(name: str) -> str:
    """The page of a lint rule, by rule name (``then-than``), relative to the site root."""
    return f"rules/{name}/"


def filter_page(name: str) -> str:
    """The page of a filter (``mojibake``), relative to the site root."""
    return f"filters/{name}/"


def rule_url(name: str) -> str:
    return DOCS_URL + rule_page(name)
