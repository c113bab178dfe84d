"""Rules made of phrase patterns: each match names a word and its replacement.

A :class:`Pattern` is a regex over the joined prose (see ``_text``) whose group
``bad`` is the word to flag; ``good`` is the suggestion (a string, or a function
of the match) and ``guard`` an optional extra test on the match. Patterns are
compiled once, lazily, and searched over the whole document in one call each.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from functools import cache
from itertools import chain
from typing import ClassVar, NamedTuple

import regex

from tidyink.document import Document
from tidyink.filters.base import Context
from tidyink.lazy_regex import compiled
from tidyink.records import Finding
from tidyink.rules._sources import bad_group, literals, trie_pattern
from tidyink.rules._text import GAP, Prose, alternation, match_case, prose, word_list
from tidyink.rules.base import Rule

Guard = Callable[[str, "regex.Match[str]"], bool]


class Pattern(NamedTuple):
    """``regex`` (with ``<<GAP>>`` and ``<<file.txt>>`` placeholders) and what to suggest.

    (A named tuple, immutable and compared by value as a frozen dataclass is, but made
    several times faster when the rules are imported at each start-up.)
    """

    regex: str
    good: str | Callable[[regex.Match[str]], str]
    why: str = ""
    guard: Guard | None = None


def expand(source: str) -> str:
    """Fill ``<<GAP>>`` and ``<<file.txt>>`` (a data word list) placeholders."""

    def fill(m: regex.Match[str]) -> str:
        name = m.group(1)
        if name == "GAP":
            return GAP
        return f"(?:{alternation(word_list(name))})"

    return regex.sub(r"<<([\w.]+)>>", fill, source)


@cache
def _compiled(source: str) -> regex.Pattern[str]:
    return compiled(expand(source), regex.IGNORECASE | regex.VERSION0)


@cache
def _bad_group(source: str) -> str:
    return bad_group(source)


@cache
def _anchor_scan() -> tuple[
    re.Pattern[str], dict[str, tuple[str, ...]], dict[str, tuple[str, ...]]
]:
    """One fast scan for the first words of every pattern of every pattern rule:
    the scan, the bad groups each word starts, the words each bad group starts with."""
    from tidyink.rules import all_rules

    groups = {
        bad_group(p.regex)
        for rule in all_rules()
        if issubclass(rule, PatternRule)
        for p in rule.patterns
    }
    owners: dict[str, list[str]] = {}
    for group in sorted(groups):
        for word in literals(group):
            owners.setdefault(word.lower(), []).append(group)
    # No look-behind at the start: the engine then skips to the first letters of the
    # anchors quickly; a hit inside a word ("into") is dropped by ``anchors``. Such a
    # hit runs to the end of its word, so it never hides a real one.
    union = re.compile(rf"(?:{trie_pattern(sorted(owners))})(?![\w'-])")
    words: dict[str, list[str]] = {}
    for word, owning in owners.items():
        for group in owning:
            words.setdefault(group, []).append(word)
    return union, {w: tuple(g) for w, g in owners.items()}, {g: tuple(w) for g, w in words.items()}


@cache
def _led_scans() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The anchor scan led by the character before the word: a space (a literal the
    engine finds fast: most anchors), or any character but a space, an ASCII letter
    or digit, an apostrophe or a hyphen (a plain set the engine tests fast; word
    characters outside ASCII among them are dropped by ``anchors``)."""
    words = _anchor_scan()[0].pattern
    return re.compile(" " + words), re.compile(r"[^ a-z0-9'\-]" + words)


def _inside_word(led: str) -> bool:
    """A hit of the second scan led by a word character (what ``re``'s \\w covers)."""
    return led[0].isalnum() or led[0] == "_"


def anchors(joined: Prose, group: str) -> list[int]:
    """Offsets of the first words of a pattern, by bad-group source.

    One scan of the text for every anchor word of every rule, computed once per text
    (offsets grouped by word); a group's offsets are merged, in order, on first use.
    An anchor starts the text or follows a character that is no word character,
    apostrophe or hyphen: a space, or one of the rarer characters the second scan
    starts at (in lower-case text no ASCII capital is left to precede a word).
    """
    memo = joined.memo
    by_word = memo.get("anchor_words")
    if by_word is None:
        union, owners, _ = _anchor_scan()
        spaced, other = _led_scans()
        lower = joined.lower()
        hits: dict[str, list[int]] = {" " + word: [] for word in owners}
        for m in spaced.finditer(lower):
            hits[m.group()].append(m.start() + 1)
        by_word = {key[1:]: found for key, found in hits.items() if found}
        rare = [(m.group()[1:], m.start() + 1) for m in other.finditer(lower) if not _inside_word(m.group())]
        first = union.match(lower)
        if first is not None:
            rare.append((first.group(), 0))
        for word, pos in rare:
            by_word.setdefault(word, []).append(pos)
        if rare:
            for found in by_word.values():
                found.sort()
        memo["anchor_words"] = by_word
        memo["anchor_groups"] = {}
    groups = memo["anchor_groups"]
    offsets = groups.get(group)
    if offsets is None:
        words = _anchor_scan()[2].get(group, ())
        lists = [by_word[w] for w in words if w in by_word]
        offsets = lists[0] if len(lists) == 1 else sorted(chain.from_iterable(lists))
        groups[group] = offsets
    return offsets


_ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "st",
        "mt",
        "jr",
        "sr",
        "prof",
        "capt",
        "col",
        "gen",
        "lt",
        "rev",
        "messrs",
        "mme",
        "mlle",
        "vs",
        "etc",
        "no",
        "vol",
        "ch",
    ]
)


_BOUNDARY: dict[str, regex.Pattern[str]] = {}


def clause_start(text: str, pos: int, stop: str, reach: int) -> int:
    """Where the clause (sentence, with ``stop`` as boundaries) holding ``pos`` starts.

    Full stops after abbreviations ("Mrs.") and single line breaks (hard wrapping)
    are not boundaries; a blank line, a block separator or ``--`` always is.
    """
    finder = _BOUNDARY.get(stop)
    if finder is None:
        # (``stop`` is one of the rules' own sets of marks: the pattern may be kept in the store)
        finder = compiled(rf"(?r)[{regex.escape(stop)}]|--|\n\n")
        _BOUNDARY[stop] = finder
    lo = max(0, pos - reach)
    end = pos
    while True:
        m = finder.search(text, lo, end)
        if m is None:
            return lo
        i = m.start()
        if text[i] == ".":
            j = i
            while j > lo and text[j - 1].isalpha():
                j -= 1
            if text[j:i].lower() in _ABBREVIATIONS or (i - j == 1 and text[j].isupper()):
                end = j
                continue
        return m.end()


def previous_words(text: str, pos: int, limit: int, stop: str = '.!?;:,—–()"') -> list[str]:
    """Up to ``limit`` lower-case words before ``pos``, nearest first, within a clause."""
    start = clause_start(text, pos, stop, 12 * limit)
    words = _WORDS.findall(text, start, pos)
    return [w.lower() for w in reversed(words[-limit:])]


_WORDS = compiled(r"[\p{L}']+")


class PatternRule(Rule):
    """A rule defined by :attr:`patterns`; the message names the confused words."""

    patterns: ClassVar[tuple[Pattern, ...]] = ()
    language: ClassVar[str] = "en"  # the rule only applies to documents in this language

    def check(self, doc: Document, ctx: Context) -> Iterable[Finding]:
        joined = prose(doc, ctx)
        if joined.language() != self.language:
            return
        text = joined.text
        lower = joined.memo.get("lower_behind")
        if lower is None:
            unlowered = any(c in text for c in UNLOWERED)
            lower = joined.memo["lower_behind"] = "" if unlowered else joined.lower()
        seen: set[int] = set()
        for group, unit in _units(self.patterns):
            found = anchors(joined, group)
            if not found:
                continue  # not even compiled: a short text meets few of the patterns' words
            for pattern, m in _matches(text, unit, found, lower):
                start, end = m.span("bad")
                if start in seen:
                    continue
                seen.add(start)
                bad = m.group("bad")
                good = pattern.good if isinstance(pattern.good, str) else pattern.good(m)
                good = match_case(bad, good)
                view, local = joined.locate(start)
                if "\u2019" in view.text:  # suggest in the document's own apostrophe
                    good = good.replace("'", "\u2019")
                original = view.text[local : local + end - start]
                why = f" ({pattern.why})" if pattern.why else ""
                yield self.finding(
                    view,
                    local,
                    local + end - start,
                    f"'{original}' should probably be '{good}'{why}",
                    (good,),
                    ctx,
                )


@cache
def _units(patterns: tuple[Pattern, ...]) -> tuple[tuple[str, tuple[Pattern, ...]], ...]:
    """Consecutive patterns that start at the same words, with those words' bad group."""
    units: list[tuple[str, list[Pattern]]] = []
    for pattern in patterns:
        group = _bad_group(pattern.regex)
        if units and units[-1][0] == group:
            units[-1][1].append(pattern)
        else:
            units.append((group, [pattern]))
    return tuple((group, tuple(unit)) for group, unit in units)


@cache
def _either(sources: tuple[str, ...]) -> regex.Pattern[str]:
    """One pattern that matches where any of ``sources`` does (their alternation)."""
    return compiled("|".join(f"(?:{expand(s)})" for s in sources), regex.IGNORECASE | regex.VERSION0)


# A pattern that starts by looking behind for a word from a list and the gap:
# "(?<=(?<![\p{L}'-])(?:could|should)<<GAP>>)(?P<bad>of)"; the words are literals.
_WORDS_BEHIND = re.compile(r"\(\?<=(?:\(\?<!\[\\p\{L\}'-\]\))?\(\?:([\w'|]+)\)<<GAP>>\)\(\?P<bad>")
# Gap characters (``GAP``), and letters outside ASCII that ``regex`` matches to an ASCII
# letter ignoring case but that ``Prose.lower`` does not turn into it (the long s; the
# dotted capital I, which lower-cases to two characters and is kept).
_GAP_CHARS = " \t\u00a0\ue000\n"
UNLOWERED = "\u017f\u0130"


def words_behind(source: str) -> tuple[str, ...]:
    """The words (lower case) one of which a pattern needs right before its gap and
    its bad word, when its source starts by looking behind for them; else ()."""
    m = _WORDS_BEHIND.match(source)
    return tuple(w.lower() for w in literals(m.group(1))) if m else ()


@cache
def _unit_words_behind(unit: tuple[Pattern, ...]) -> tuple[str, ...]:
    """The words one of which every pattern of ``unit`` needs before it (() if some
    pattern needs none)."""
    words: list[str] = []
    for pattern in unit:
        behind = words_behind(pattern.regex)
        if not behind:
            return ()
        words += behind
    return tuple(sorted(set(words)))


def may_follow(lower: str, pos: int, words: tuple[str, ...]) -> bool:
    """False only where no pattern looking behind for ``words`` (and the gap) can
    match at ``pos``: one space, and before it no such word (in ``lower``, the text
    lower-cased letter by letter). Other gaps are left to the patterns."""
    if lower[pos - 1 : pos] != " " or pos < 2 or lower[pos - 2] in _GAP_CHARS:
        return True
    return lower.endswith(words, 0, pos - 1)


@cache
def _tries(unit: tuple[Pattern, ...]) -> tuple[tuple[Pattern, regex.Pattern[str], bool], ...]:
    """Each pattern of ``unit``, compiled, and whether its source is the one before's."""
    return tuple(
        (pattern, _compiled(pattern.regex), k > 0 and unit[k - 1].regex == pattern.regex)
        for k, pattern in enumerate(unit)
    )


def _matches(
    text: str, unit: tuple[Pattern, ...], found: list[int], lower: str = ""
) -> Iterator[tuple[Pattern, regex.Match[str]]]:
    """The guarded matches of each pattern of ``unit`` at the offsets ``found``, pattern
    by pattern; at each offset only the first pattern that matches (and whose guard
    agrees) counts, as the later ones would meet an offset already flagged.

    Several patterns are first tried together, in one call at each offset: most
    offsets match none of them (the alternation fails exactly where each one fails).
    Patterns that all look behind for a word from a list are not tried where the
    lower-cased text (``lower``, when given: never for a text with letters of
    :data:`UNLOWERED`) has none of those words before the offset.
    """
    behind = _unit_words_behind(unit) if lower else ()
    if behind:
        found = [pos for pos in found if may_follow(lower, pos, behind)]
    if len(unit) == 1:
        pattern = unit[0]
        compiled = _compiled(pattern.regex)
        for pos in found:
            m = compiled.match(text, pos)
            if m is not None and (pattern.guard is None or pattern.guard(text, m)):
                yield pattern, m
        return
    either = _either(tuple(p.regex for p in unit))
    hits: list[list[regex.Match[str]]] = [[] for _ in unit]
    tries = None
    for pos in found:
        if either.match(text, pos) is None:
            continue
        if tries is None:  # (compiled at the first offset one of them may match)
            tries = _tries(unit)
        m = None
        for k, (pattern, compiled, again) in enumerate(tries):
            if not again:  # a pattern with the same source as the one before: its match
                m = compiled.match(text, pos)
            if m is not None and (pattern.guard is None or pattern.guard(text, m)):
                hits[k].append(m)
                break
    for pattern, matches in zip(unit, hits):
        for m in matches:
            yield pattern, m
