"""Link and image rules for markdown-it-py that give up at once where no link can be.

markdown-it-py's ``link`` and ``image`` rules look for the closing ``]`` of every
``[`` before they ask whether a link could follow it, and the search steps over
every token inside the brackets: text full of brackets and no links (``[(a)] [(b)]``,
nested deep) takes about a second of CPU per 100 KB. A link needs ``](`` somewhere
in the paragraph (an inline link) or a reference definition in the document (a
reference link); without either the rules cannot succeed, and saying so at once is
the same answer, found in time that does not depend on the brackets.
"""

from __future__ import annotations

from typing import Any

from markdown_it.rules_inline.state_inline import StateInline


def _may_link(state: StateInline) -> bool:
    """Whether a link or image could start anywhere in this paragraph (worked out once)."""
    may = getattr(state, "_tidyink_may_link", None)
    if may is None:
        may = "](" in state.src or bool(state.env.get("references"))
        state._tidyink_may_link = may  # type: ignore[attr-defined]
    return may


def guarded(rule: Any) -> Any:
    """``rule`` (markdown-it's ``link`` or ``image``), answering False at once when no
    link can be in the paragraph."""

    def guarded_rule(state: StateInline, silent: bool) -> bool:
        return _may_link(state) and rule(state, silent)

    guarded_rule.__name__ = getattr(rule, "__name__", "rule")
    return guarded_rule


def install(md: Any) -> None:
    """Replace ``md``'s inline ``link`` and ``image`` rules by their guarded forms."""
    from markdown_it.rules_inline import image, link

    md.inline.ruler.at("link", guarded(link))
    md.inline.ruler.at("image", guarded(image))
