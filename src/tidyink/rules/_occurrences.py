"""Where the words of a short list occur in a text, as one pattern of them would find them.

Rules that flag a document's own words (spelling's unknown words, name-consistency's
rare forms) search the text for them with a pattern: the words' alternation between
a look-behind and a look-ahead of the rule's own. That pattern is built from the
document, so it is compiled at every run (about 0.6 ms, more than finding the words);
for a few words, ``str.find`` and the look-around patterns alone (the rule's own,
kept in the pattern store) find the same matches without compiling anything.
"""

from __future__ import annotations

from collections.abc import Iterable

import regex

from tidyink.lazy_regex import compiled, lazy
from tidyink.rules._text import alternation, longest_first

FEW = 16  # up to this many words, ``str.find`` beats one regex scan of the whole text
_SPAN = lazy(r"(?s).+")  # (matched up to an end: a match object for a known span)


def word_pattern(words: Iterable[str], before: str, after: str) -> regex.Pattern[str]:
    """``before``, the alternation of ``words`` (longest first), then ``after``."""
    return regex.compile(f"{before}(?:{alternation(set(words))}){after}")


def occurrences(text: str, words: Iterable[str], before: str, after: str) -> list[regex.Match[str]]:
    """``word_pattern(words, before, after).finditer(text)`` as a list, for look-arounds
    under which no two matches overlap (a word of letters after no letter, say).

    ``before`` and ``after`` must be the rule's own patterns (they go to the store).
    """
    ordered = longest_first(set(words))  # the alternation's order
    if len(ordered) > FEW:
        return list(word_pattern(ordered, before, after).finditer(text))
    starts, ends = compiled(before), compiled(after)
    found: dict[int, regex.Match[str]] = {}
    for word in ordered:
        i = text.find(word)
        while i != -1:
            if i not in found:
                m = _match_at(text, i, ordered, starts, ends)
                if m is not None:
                    found[i] = m
            i = text.find(word, i + 1)
    return [found[i] for i in sorted(found)]


def _match_at(
    text: str, i: int, ordered: list[str], starts: regex.Pattern[str], ends: regex.Pattern[str]
) -> regex.Match[str] | None:
    """What the word pattern's ``match(text, i)`` finds: the first of ``ordered`` (in
    the alternation's order) that starts at ``i`` and is followed as ``ends`` wants,
    where ``starts`` allows what comes before ``i``."""
    if starts.match(text, i) is None:
        return None
    for word in ordered:
        if text.startswith(word, i) and ends.match(text, i + len(word)) is not None:
            return _SPAN.match(text, i, i + len(word))
    return None
