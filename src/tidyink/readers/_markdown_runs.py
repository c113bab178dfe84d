"""A markdown-it-py inline rule that reads a long mixed run of ``*`` and ``_`` as one unit.

markdown-it-py's ``emphasis`` rule makes one delimiter token per change of mark, so
``*_*_*_…`` costs a token (and a pass of pairing) per character: about a second of
CPU per 100 KB. A run of both marks longer than :data:`LONG_RUN` would open or close
emphasis more than eight levels deep, which no prose means; it is kept as typed, as
one protected piece of markup, found in time
that does not depend on its length. Runs of one mark are one delimiter already.
"""

from __future__ import annotations

from typing import Any

from markdown_it.rules_inline.state_inline import StateInline

LONG_RUN = 16
_MARKS = "*_"


def delimiter_run(state: StateInline, silent: bool) -> bool:
    """Consume a run of ``*`` and ``_`` of at least :data:`LONG_RUN` holding both."""
    src, pos, end = state.src, state.pos, state.posMax
    if src[pos] not in _MARKS or pos + LONG_RUN > end:
        return False
    stop = pos
    while stop < end and src[stop] in _MARKS:
        stop += 1
    run = src[pos:stop]
    if len(run) < LONG_RUN or "*" not in run or "_" not in run:
        return False
    if not silent:
        token = state.push("text_special", "", 0)
        token.content = run
        token.markup = run
        token.info = "delimiter run"
    state.pos = stop
    return True


def install(md: Any) -> None:
    """Put :func:`delimiter_run` before ``md``'s ``emphasis`` rule."""
    md.inline.ruler.before("emphasis", "delimiter_run", delimiter_run)
