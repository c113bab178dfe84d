"""The safety check (like black's ``--safe``): the filters lose, add or change no word
that the change log does not explain.

The unfiltered document and the filtered one are rendered by the same writer, so
what the writer does (markup, escapes, wrapping, format conversion) is the same on
both sides and only the filters' work differs. Both renderings are folded (case,
compatibility forms, HTML entities, invisible format characters) and cut into
words of letters and digits, so typography (quotes, dashes, ellipses, spacing)
never counts. Every :class:`~tidyink.records.Change` explains the words of its
``before`` (removed) and of its ``after`` (added): repairs, boilerplate and
structure removals, moved notes. A word still lost or added after that is an
internal error: the file must not be written.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Iterable

import regex

from tidyink.errors import TidyinkError
from tidyink.lazy_regex import compiled
from tidyink.records import Change
from tidyink.safety_words import WORD as _WORD
from tidyink.safety_words import count_words, decode, fold, word_difference, words

__all__ = ["SafetyError", "count_words", "difference", "fold", "verify", "words"]

_FRONT_MATTER = compiled(r"\A---\n(?:.*?\n)?---\n", regex.DOTALL)
_ESCAPE = compiled(r"\\([!-/:-@\[-`{-~])")  # a Markdown backslash escape of ASCII punctuation
_MAX_PARTS = 4  # a word joined from (or split into) at most this many pieces


class SafetyError(TidyinkError):
    """The filters changed words that no recorded change explains (a bug in tidyink)."""

    exit_code = 3

    def __init__(self, message: str, difference: str) -> None:
        super().__init__(message)
        self.difference = difference


def difference(
    before: str,
    after: str,
    changes: Iterable[Change],
    *,
    front_matter: bool = False,
    markdown: bool = False,
    shortcut: bool = True,
) -> str:
    """The first unexplained difference between two renderings, or "" when none.

    ``before`` is the unfiltered document as written, ``after`` the filtered one.
    ``front_matter``: the writer adds YAML front matter (from what the filters learned,
    such as the title), left out of the comparison. ``shortcut=False`` always replays
    (the same answer, more slowly: for tests). ``markdown``: both are Markdown, whose
    backslash escapes are the writer's, not text (``C\\&#220;`` is written so only
    while the reference is not yet decoded, and is one word with it).
    """
    if front_matter:
        before, after = _FRONT_MATTER.sub("", before), _FRONT_MATTER.sub("", after)
    if markdown:  # the writer's backslash escapes (Z\&#252;rich) are not text
        before, after = _ESCAPE.sub(r"\1", before), _ESCAPE.sub(r"\1", after)
    quick = word_difference(before, after)  # (None when either has words outside ASCII)
    if quick is None:
        old, new = count_words(before), count_words(after)
        lost, added = old - new, new - old
    else:
        lost, added = quick
    if not lost and not added:
        return ""
    changes = list(changes)
    every = changes
    # The words each change removed and put, and how many changes (of the same texts) did.
    counted: list[tuple[Counter[str], Counter[str], int]] = []
    seen: dict[str, Counter[str]] = {}  # (many changes share their texts)
    for (old_text, new_text), times in Counter((c.before, c.after) for c in changes).items():
        removed = seen[old_text] if old_text in seen else seen.setdefault(old_text, count_words(old_text))
        put = seen[new_text] if new_text in seen else seen.setdefault(new_text, count_words(new_text))
        if removed or put:
            counted.append((removed, put, times))
    # Replaying and the steps after it only ever take words away, and the steps take no
    # fewer away from fewer words: when the changes explain every difference without
    # the replay (the usual case), the replay (a pass over the text per change) cannot
    # leave one unexplained, and is skipped.
    if shortcut and not any(_explain_by_changes(lost.copy(), added.copy(), counted)):
        return ""
    if quick is not None:  # (what follows takes the words in the order the texts have them)
        old, new = count_words(before), count_words(after)
        lost, added = old - new, new - old
    first_lost, first_added = lost.copy(), added.copy()
    left = []  # a difference counts only if replaying does not explain it
    for replayed in _replays(before, every):
        again = count_words(replayed)
        left.append((lost & (again - new), added & (new - again)))
        if not left[-1][0] and not left[-1][1]:
            return ""
    if left:
        lost, added = min(left, key=lambda pair: sum(pair[0].values()) + sum(pair[1].values()))
    _explain_by_changes(lost, added, counted)
    _explain_joins(added, lost)  # "exam" + "ple" -> "example" (a line-end hyphen removed)
    _explain_joins(lost, added)  # and the other way round
    # A join whose pieces a replay or a fragment set aside already (a repair replayed
    # into a token the filter left, joined to the next by a control character removed):
    # its pieces are still words the input lost, side by side.
    if added:
        _explain_joins(added, first_lost)
    if lost:
        _explain_joins(lost, first_added)
    # (every change: a control character removed from inside a word has no word of its own)
    if (lost or added) and _same_skeleton(before, after, every):
        return ""
    if lost:
        word = _first(before, lost)
        return f"the word {word!r} of the input is missing from the output"
    if added:
        word = _first(after, added)
        return f"the output has the word {word!r}, which the input does not"
    return ""


def verify(
    before: str,
    after: str,
    changes: Iterable[Change],
    where: str,
    *,
    line_of: str = "",
    front_matter: bool = False,
    markdown: bool = False,
) -> None:
    """Raise :class:`SafetyError` when :func:`difference` finds an unexplained change.

    ``line_of``: the input text, to say near which line a lost word was.
    """
    found = difference(before, after, changes, front_matter=front_matter, markdown=markdown)
    if not found:
        return
    near = ""
    if line_of and "missing" in found:
        line = _line_with(line_of, found.split("'")[1])
        near = f" (near line {line})" if line else ""
    raise SafetyError(
        f"{where}: internal error: safety check failed: {found}{near}"
        " (please report it; --no-safe skips the check)",
        found,
    )


def _explain_by_changes(
    lost: Counter[str], added: Counter[str], counted: list[tuple[Counter[str], Counter[str], int]]
) -> tuple[Counter[str], Counter[str]]:
    """Take from ``lost`` and ``added`` (in place) the words the changes explain: those
    each change removed or put (``counted``: the words of its before and after, and how
    many changes made it), then words changed inside (:func:`_explain_by_fragment`);
    return what is left."""
    fragments_out: set[str] = set()
    fragments_in: set[str] = set()
    out: Counter[str] = Counter()
    into: Counter[str] = Counter()
    for removed, put, times in counted:
        # (positive counts only: as +=, without its pass over the sum; a change that only
        # removes or only puts words is its counts, which are positive)
        gone, came = (removed - put, put - removed) if removed and put else (removed, put)
        if times > 1:  # (as many updates, in one)
            gone, came = _times(gone, times), _times(came, times)
        out.update(gone)
        into.update(came)
        fragments_out.update(removed)
        fragments_in.update(put)
    unmatched_out, unmatched_in = out - lost, into - added  # taken out or put in, matching no word
    lost -= out
    added -= into
    # A change's text has no markup: a word it removed may be words the rendering parts
    # with markup or a control character (``**bold**line`` removed as ``boldline``).
    _explain_joins(unmatched_out, lost)
    _explain_joins(unmatched_in, added)
    _explain_by_fragment(lost, fragments_out)
    _explain_by_fragment(added, fragments_in)
    return lost, added


def _times(counts: Counter[str], times: int) -> Counter[str]:
    return Counter({word: number * times for word, number in counts.items()})


def _replays(text: str, changes: list[Change]) -> list[str]:
    """``text`` with each short change that touches letters (a repaired character, a
    fixed word) made again, everywhere its ``before`` occurs: once in the order made
    (a repair's result may be another's damaged form), once all at the same time,
    longest first (a repair may hold another: ``â€ â€œ`` and ``â€œ``); none when there
    are too many distinct ones to replay cheaply.

    A change of blank space alone (a trailing space removed, a line break joined) is
    not replayed: made everywhere, it would glue every word to the next. Nor is one
    that keeps its own words and only marks them up (``I`` -> ``## I``): it explains no
    difference of words, and made inside other words it would split them (``PHILEAS``).
    """
    distinct = dict.fromkeys((c.before, c.after) for c in changes if 0 < len(c.before) <= _SHORT)
    pairs = [(old, new) for old, new in distinct if not _blank(old) and not _marks_up(old, new)]
    if len(pairs) > _MAX_REPLAYS:  # keep those that touch letters, or delete inside words
        pairs = [p for p in pairs if _WORD.search(fold(p[0] + p[1])) or not p[1].strip()]
    if not pairs or len(pairs) > _MAX_REPLAYS:
        return []
    in_order = text
    for old, new in pairs:
        in_order = in_order.replace(old, new)
    table: dict[str, str] = {}
    for old, new in pairs:
        table.setdefault(old, new)
    pattern = regex.compile("|".join(regex.escape(old) for old in sorted(table, key=len, reverse=True)))
    at_once = pattern.sub(lambda m: table[m.group()], text)
    return [in_order] if at_once == in_order else [in_order, at_once]


def _marks_up(before: str, after: str) -> bool:
    """Whether a change only puts marks around its text, which has words, keeping them
    (a heading's ``##``): not a repair (``├ç`` -> ``Ç`` keeps the word ``ç`` too)."""
    if before not in after:
        return False
    words_before = count_words(before)
    return bool(words_before) and words_before == count_words(after)


def _blank(text: str) -> bool:
    """Whether ``text`` is only spaces and line breaks (not the controls that Python
    also counts as whitespace, such as U+001C: inside a word they are damage)."""
    return all(ch in "\t\n\r\x0b\x0c" or unicodedata.category(ch) in _SEPARATORS for ch in text)


_SEPARATORS = frozenset(("Zs", "Zl", "Zp"))


_SHORT = 80  # longer changes (removed blocks) are counted word by word instead
_MAX_REPLAYS = 200
_MAX_WORK = 2_000_000  # word x fragment comparisons, at most
_MAX_JOINS = 2000  # words tried as joins of others
_MAX_JOINED = 64  # characters of a word tried as a join


def _explain_by_fragment(unexplained: Counter[str], fragments: set[str]) -> None:
    """A word changed inside (a repaired character, a fixed letter) is explained by
    the change whose text is part of it: ``cafã`` by a repair of ``ã``."""
    if not fragments or len(fragments) * len(unexplained) > _MAX_WORK:
        return
    for word in list(unexplained):
        if any(fragment in word for fragment in fragments):
            del unexplained[word]


def _explain_joins(joined: Counter[str], pieces: Counter[str]) -> None:
    """Remove each word of ``joined`` that is the concatenation of words of ``pieces``
    (and those pieces): a word split or joined again, no letter lost."""
    if not pieces or len(joined) > _MAX_JOINS:
        return
    for word in sorted(joined, key=len, reverse=True):
        if len(word) > _MAX_JOINED:
            continue
        while joined[word] > 0:
            parts = _split(word, pieces, _MAX_PARTS)
            if parts is None:
                break
            joined[word] -= 1
            for part in parts:
                pieces[part] -= 1
    joined += Counter()  # drop zero counts
    pieces += Counter()


def _split(word: str, pieces: Counter[str], depth: int) -> list[str] | None:
    if depth == 0:
        return None
    for end in range(len(word) - 1, 0, -1):
        head = word[:end]
        if pieces[head] <= 0:
            continue
        rest = word[end:]
        if pieces[rest] > (1 if rest == head else 0):
            return [head, rest]
        pieces[head] -= 1
        tail = _split(rest, pieces, depth - 1)
        pieces[head] += 1
        if tail is not None:
            return [head, *tail]
    return None


def _same_skeleton(before: str, after: str, changes: list[Change]) -> bool:
    """Whether both renderings have the same words once every character that a short
    change put in or took out (other than ASCII letters and digits) is deleted.

    A repaired character can split or join words (``do±a`` read as two words is
    ``doña``; ``awayâ€”a`` becomes ``away—a``): deleting the characters the repairs
    touched on both sides compares what is left of each word. ASCII letters are never
    deleted, so a lost or added ASCII word is still found; nor is whitespace (a change
    that adds a space, such as a heading's ``## ``, would otherwise glue every word of
    the document to its neighbours, and lines joined by unwrapping would then differ);
    longer changes (removed blocks) explain their own words, as above.
    """
    touched = {
        ch
        for c in changes
        if len(c.before) <= _SHORT and len(c.after) <= _SHORT
        for ch in c.before + c.after
        if not (ch.isascii() and ch.isalnum()) and not _blank(ch)
    }
    if not touched:
        return False
    table = dict.fromkeys(map(ord, touched))
    # (references decoded first: a reference a change decoded is the character, not its digits)
    old, new = count_words(decode(before).translate(table)), count_words(decode(after).translate(table))
    lost, added = old - new, new - old
    for c in changes:
        if len(c.before) > _SHORT or len(c.after) > _SHORT:
            removed = Counter(words(decode(c.before).translate(table)))
            put = Counter(words(decode(c.after).translate(table)))
            lost -= removed - put
            added -= put - removed
    return not lost and not added


def _first(text: str, candidates: Counter[str]) -> str:
    """The first word of ``text`` (in order) that is among ``candidates``."""
    for word in words(text):
        if candidates[word] > 0:
            return word
    return next(iter(candidates))


def _line_with(text: str, word: str) -> int:
    for number, line in enumerate(text.splitlines(), 1):
        if word in words(line):
            return number
    return 0
