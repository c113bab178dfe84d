"""Which HTML elements are site chrome, hidden, or styled as emphasis (from tag, class, id, style)."""

from __future__ import annotations

import regex

from tidyink.document import EM, STRONG
from tidyink.lazy_regex import compiled

_ITALIC = compiled(r"(?:^|[;\s])font-style\s*:\s*(?:italic|oblique)", regex.IGNORECASE)
_BOLD = compiled(r"(?:^|[;\s])font-weight\s*:\s*(?:bold|bolder|[6-9]00)\b", regex.IGNORECASE)
_CLASS_RULE = compiled(r"(?<=^|[}\s,])\.([A-Za-z_][\w-]*)\s*\{([^{}]*)\}")


_WORD_SPLIT = compiled(r"[\s_\-]+")


# Class and id words that name site chrome, and words that name the content.
_CHROME_WORDS = frozenset(
    {
        "nav", "navbar", "navigation", "menu", "menulink", "breadcrumb", "breadcrumbs", "sidebar",
        "footer", "header", "masthead", "banner", "comment", "comments", "review", "reviews",
        "share", "sharing", "social", "ad", "ads", "advert", "advertisement", "sponsor", "login",
        "signin", "search", "pagination", "pager", "toolbar", "related", "widget", "follow",
        "kudos", "bookmark", "bookmarks", "subscribe", "copyright", "feedback", "secondary",
        "calendar", "blogroll", "tagcloud", "archives", "datetime", "timestamp", "dateline",
    }
)  # fmt: skip


_CONTENT_WORDS = frozenset(
    {"story", "storytext", "chapter", "chapters", "content", "userstuff", "article", "entry",
     "post", "text", "main", "body", "prose", "work"}
)  # fmt: skip


# Class/id words of a container holding one entry or story (its header is its title).
_ENTRY_WORDS = frozenset({"entry", "post", "story", "article", "chapter", "work", "hentry"})


# Chrome words that name the part of a page or of an entry.
_PART_WORDS = frozenset({"header", "footer", "masthead", "banner"})


# The last word of a compound class names what the element is: "story-stats" is stats.
_HEAD_CHROME = (_CHROME_WORDS | {"stats", "meta"}) - _PART_WORDS


# Classes of elements a browser does not show (screen-reader labels, hidden widgets).
_HIDDEN_CLASSES = frozenset(
    {"landmark", "sr-only", "screen-reader-text", "screen-reader-only", "visually-hidden",
     "visuallyhidden", "hidden", "d-none", "offscreen", "screenreader"}
)  # fmt: skip


_HIDDEN_STYLE = compiled(r"display\s*:\s*none|visibility\s*:\s*hidden", regex.IGNORECASE)


# A definition list of these is the work's metadata (rating, tags, stats), not story.
_META_LIST_WORDS = frozenset({"tags", "meta", "stats"})


def _words(attrs: dict[str, str | None]) -> set[str]:
    """The words of an element's class and id (``chapter-text`` gives chapter, text)."""
    value = " ".join(v for k, v in attrs.items() if k in ("class", "id") and v)
    return {w for w in _WORD_SPLIT.split(value.lower()) if w} if value else set()


def _chrome_reason(tag: str, attrs: dict[str, str | None], words: set[str], inside_section: bool) -> str | None:
    if tag in ("header", "footer", "aside") and not inside_section:
        return f"page <{tag}>"
    role = attrs.get("role")
    if role == "navigation" or (role in ("banner", "contentinfo", "complementary") and not inside_section):
        return f"role={role}"
    for token in " ".join(v for k, v in attrs.items() if k in ("class", "id") and v).split():
        parts = [w for w in _WORD_SPLIT.split(token.lower()) if w]
        if len(parts) > 1 and parts[-1] in _HEAD_CHROME:
            return f"class/id {token}"  # "story-stats", "entry-meta", "chapter-nav"
    chrome = words & _CHROME_WORDS
    if inside_section and chrome <= _PART_WORDS:
        return None  # an entry's own header (its title) or footer
    if chrome and not words & _CONTENT_WORDS:
        return "class/id " + "/".join(sorted(chrome))
    return None


def class_styles(css: str) -> dict[str, tuple[str, ...]]:
    """Classes a style sheet makes italic or bold by a plain ``.name { ... }`` rule."""
    out: dict[str, tuple[str, ...]] = {}
    for m in _CLASS_RULE.finditer(css):
        kinds = _style_kinds(m.group(2))
        if kinds:
            out[m.group(1)] = kinds
    return out


def _style_kinds(style: str) -> tuple[str, ...]:
    return tuple(k for k, rx in ((EM, _ITALIC), (STRONG, _BOLD)) if rx.search(style))


def _styled(attrs: dict[str, str | None], classes: dict[str, tuple[str, ...]]) -> tuple[str, ...]:
    """Emphasis an inline element gets from its ``style`` or its classes' rules."""
    kinds = set(_style_kinds(attrs.get("style") or ""))
    for name in (attrs.get("class") or "").split():
        kinds.update(classes.get(name, ()))
    return tuple(k for k in (EM, STRONG) if k in kinds)


def _chrome_inline(attrs: dict[str, str | None]) -> bool:
    """An inline element named as chrome (``<span class="datetime">``): read as a block."""
    words = _words(attrs)
    return bool(words & _CHROME_WORDS) and not words & _CONTENT_WORDS


def _hidden(attrs: dict[str, str | None]) -> bool:
    """Whether a browser hides the element (``hidden``, display:none, screen-reader only)."""
    if "hidden" in attrs:
        return True
    classes = (attrs.get("class") or "").lower().split()
    return bool(_HIDDEN_CLASSES.intersection(classes)) or bool(_HIDDEN_STYLE.search(attrs.get("style") or ""))
