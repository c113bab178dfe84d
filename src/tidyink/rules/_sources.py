"""Reading the sources of the pattern rules' regexes: the words a pattern starts at.

A pattern's ``(?P<bad>...)`` group names the words it flags; :func:`literals` lists
them (the group is written with literals, ``(?:a|b)`` groups, ``|`` and ``?``), and
:func:`trie_pattern` writes a list of words back as one fast alternation.
"""

from __future__ import annotations

import re


def bad_group(source: str) -> str:
    """The source of the ``(?P<bad>...)`` group: the words a pattern starts its match at."""
    start = source.index("(?P<bad>") + len("(?P<bad>")
    depth = 0
    for i in range(start, len(source)):
        ch = source[i]
        if ch == "(" and source[i - 1] != "\\":
            depth += 1
        elif ch == ")" and source[i - 1] != "\\":
            if depth == 0:
                return source[start:i]
            depth -= 1
    raise ValueError(f"unbalanced bad group in {source!r}")


def literals(group: str) -> list[str]:
    """Every word a bad group matches: ``affects?`` -> affect, affects (literals,
    ``(?:a|b)`` groups, ``|`` and ``?`` after a letter or group are understood)."""
    if "(" not in group and ")" not in group and "?" not in group:
        return sorted(set(group.split("|")))  # words and bars only: what the parse gives

    def parse(i: int) -> tuple[list[str], int]:
        options: list[str] = []
        current = [""]
        while i < len(group) and group[i] != ")":
            if group[i] == "|":
                options += current
                current = [""]
                i += 1
                continue
            if group.startswith("(?:", i):
                inner, i = parse(i + 3)
                i += 1  # the closing parenthesis
            else:
                inner, i = [group[i]], i + 1
            if i < len(group) and group[i] == "?":
                inner, i = [*inner, ""], i + 1
            current = [c + x for c in current for x in inner]
        return options + current, i

    words, _ = parse(0)
    return sorted(set(words))


def trie_pattern(words: list[str]) -> str:
    """A regex alternation of ``words`` factored as a trie (much faster to scan)."""
    trie: dict[str, dict] = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict[str, dict]) -> str:
        ends = "" in node
        branches = [re.escape(ch) + emit(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"
        return f"(?:{body})?" if ends else body

    return emit(trie)
