"""Whether a line ends a sentence (:func:`ends_sentence`), as the structure filters read it."""

from __future__ import annotations

from tidyink.lazy_regex import lazy

# Sentence-final punctuation, optionally followed by closing quotes/brackets; a dash
# ending the line (an interrupted sentence), including a spaced hyphen after a word,
# which the dashes filter turns into the dash it stands for: a line reads the same
# before and after typography, so converting the output again changes nothing.
TERMINAL = lazy(
    r"""[.!?…:;]['"’”»)\]*_]*\s*$|(?<![-—])(?:-{2,}|—+)['"’”»]*\s*$"""
    r"""|(?<=[\p{L}\p{M}.,;:!?)\]'"“”‘’„‚«»‹›*_][ \t]+)-[ \t]*$"""
)

# The last character before trailing white space of every TERMINAL match (its closers,
# dashes and stops): a line ending otherwise ends no sentence, and is not searched.
TERMINAL_LAST = frozenset(".!?…:;'\"’”»)]*_-—")
# A stop a TERMINAL match opens with: a line ending in one (no white space after it) ends a sentence.
STOPS = frozenset(".!?…:;")


def ends_sentence(text: str) -> bool:
    if text[-1:] not in TERMINAL_LAST and text.rstrip()[-1:] not in TERMINAL_LAST:
        return False  # (white space TERMINAL allows at the end is white space to rstrip)
    return bool(TERMINAL.search(text))
