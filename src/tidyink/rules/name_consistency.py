"""Misspelled names: a rare capitalised form one or two edits from a frequent name.

Names are learned from the document (``tidyink.names.count_names``) and, when a
folder is checked, from the other files too (``Context.state[names.STATE_KEY]``, the
whole folder's, less this file's own ``Context.state[names.OWN_KEY]``).
A form is flagged only when it is rare (at most :data:`RARE` uses), the name it
resembles is used at least :data:`FREQUENT` times and :data:`RATIO` times more
(:data:`FREQUENT_NEAR` and :data:`RATIO_NEAR` for a form one edit away; names of
three letters only at one edit), and the rare form is no dictionary word: a name used consistently is never flagged,
however invented it is.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from functools import lru_cache
from itertools import compress
from operator import itemgetter
from typing import ClassVar

from tidyink import lexicon, names
from tidyink.document import Document
from tidyink.filters.base import Context
from tidyink.lazy_regex import compiled
from tidyink.records import Finding
from tidyink.rules import _dictionary
from tidyink.rules._distance import deletes, distance
from tidyink.rules._occurrences import occurrences
from tidyink.rules._project import project_words
from tidyink.rules._text import prose
from tidyink.rules.base import Rule


def _is_name(word: str) -> bool:
    """Capitalised, then lower case: ``Tobiah``, ``Tobiah's`` (not ``NASA``, ``I``)."""
    return word[:1].isupper() and word[1:2].islower() and word[2:].replace("'", "").islower()


RARE = 2
FREQUENT = 5
RATIO = 5
# a form one edit (a swap counts as one) from a name needs less evidence
FREQUENT_NEAR = 3
RATIO_NEAR = 3
MAX_ZIPF = 2.0  # a rare form this frequent in English is a real word or a known name
MIN_LENGTH = 4
SHORT = 3  # names this short ("Kim", "Ned") are matched at one edit only


def base_name(form: str) -> str:
    """``Tobiah's`` and ``Tobiah-san`` count as ``Tobiah``."""
    form = form.replace("\u2019", "'")
    for cut in ("'", "-"):
        form = form.split(cut, 1)[0]
    return form


def _bases(counts: Counter[str]) -> Counter[str]:
    out: Counter[str] = Counter()
    for form, n in counts.items():
        out[base_name(form)] += n
    return out


def _index(frequent: Iterable[str]) -> dict[str, list[str]]:
    """Each name and each of its one-letter deletions -> the names it comes from."""
    index: dict[str, list[str]] = {}
    for name in frequent:
        for key in (name, *deletes(name)):
            index.setdefault(key, []).append(name)
    return index


def _is_frequent(name: str, uses: int) -> bool:
    return uses >= FREQUENT_NEAR and len(name) >= SHORT


class _Folder:
    """What the names counted across a folder give the check of each of its files:
    their base names and the index of the frequent ones, built once per folder (a batch
    shares one counter with every file's check) instead of once per file."""

    __slots__ = ("bases", "counts", "index")

    def __init__(self, folder: Counter[str]) -> None:
        self.counts = dict(folder)  # (what they were built from)
        self.bases = _bases(folder)
        self.index = _index(n for n, c in self.bases.items() if _is_frequent(n, c))


_NO_FOLDER = _Folder(Counter())
_last_folder: list[_Folder] = [_NO_FOLDER]


def _folder(folder: Counter[str] | None) -> _Folder:
    """The :class:`_Folder` of ``folder``, rebuilt when its counts are not those of the
    last one (compared as plain dicts, in C: a Counter's own == runs in Python)."""
    if not folder:
        return _NO_FOLDER
    last = _last_folder[0]
    if not dict.__eq__(last.counts, folder):
        last = _last_folder[0] = _Folder(folder)
    return last


def _is_inflection(rare: str, name: str, lang: str) -> bool:
    """``Smiths`` for ``Smith``; in inflected languages any change of the last letters
    (``Nebenzimmern``, ``Parsie``)."""
    if rare in (name + "s", name + "es") or name in (rare + "s", rare + "es"):
        return True
    short, long = sorted((rare, name), key=len)
    if long in (short + "a", short + "e") and long[-2:-1] != long[-1:]:
        return True  # a feminine form of the name: Paula, Louise, Sahiba (not "Georgee")
    if lang == "en":
        return False
    common = 0
    for a, b in zip(rare, name, strict=False):
        if a != b:
            break
        common += 1
    return common >= min(len(rare), len(name)) - 2


# Where a rare form is flagged: a whole word (forms are letters: matches never overlap).
_BEFORE = r"(?<![\p{L}\p{M}'-])"
_AFTER = r"(?![\p{L}\p{M}])"
_NEXT_CAPITALISED = compiled(r"[ \t\n]+\p{Lu}")
COMMON_ZIPF = 4.0  # a capitalised non-word one edit from a word this common is its typo
COMMON_MIN_LENGTH = 5


def _common_neighbour(rare: str, counts: Counter[str]) -> str | None:
    """:func:`_nearest_common` for ``rare``; None when it is short, has an apostrophe or
    is written in lower case elsewhere in the document (then it is a word of the text)."""
    return _nearest_common(rare) if _may_be_slip(rare, counts) else None


def _may_be_slip(rare: str, counts: Counter[str]) -> bool:
    """Whether :func:`_common_neighbour` has to look ``rare`` up (no word list needed)."""
    if len(rare) < COMMON_MIN_LENGTH or "'" in rare or rare.casefold() in counts:
        return False
    # the plural of a name of the text ("the Hursts") is no slip
    return not any(rare.endswith(end) and rare[: -len(end)] in counts for end in ("s", "es"))


@lru_cache(maxsize=16384)
def _nearest_common(rare: str) -> str | None:
    """The very common English word or name one edit from ``rare`` (a capitalised form
    no word list knows), capitalised: "Rcahel" -> "Rachel"; None if there is none or
    ``rare`` is only an inflection of it."""
    low = rare.casefold()
    freq = lexicon.frequencies("en")
    if freq.get(low, 0.0) > 0.0 or low in _dictionary.curated("en"):
        return None
    # a typist's slip only (swapped, dropped, doubled, neighbouring key): "Tannah" is
    # no slip for "Hannah", "Rcahel" is one for "Rachel"
    # (only a neighbour as common as COMMON_ZIPF can be the answer: the others are
    # ruled out by a dict look-up before the curated list is asked)
    near = _dictionary.curated("en").intersection(freq.may_reach(_dictionary.typo_neighbours(low), COMMON_ZIPF))
    if not near:
        return None
    # the most frequent, then the first in alphabetical order: never set order
    best = min(near, key=lambda w: (-freq.get(w, 0.0), w))
    if freq.get(best, 0.0) < COMMON_ZIPF or _is_inflection(low, best, "en"):
        return None
    return best[:1].upper() + best[1:]


class NameConsistency(Rule):
    code = "N101"
    name = "name-consistency"
    description = "A rare spelling of a name used often elsewhere ('Tobiah' 15 times, 'Tobaih' once)."
    examples: ClassVar[dict[str, tuple[str, ...]]] = {
        "wrong": (
            "Marabel came. Marabel sat. Marabel ate. Marabel slept. Marabel woke. Marabell left.",
            "Kim ran. Kim hid. Kim laughed. Kimm wept.",
            "Tobiah came, Tobiah went, Tobiah sat; Tobaih slept.",
            "Gorge came, Gorge went, Gorge sat, and Gorgee slept.",
            "She waited for Rcahel at the gate.",
            "Yesterdy we sailed for home, he said.",
        ),
        "right": (
            "Marabel came. Marabel sat. Marabel ate. Marabel slept. Marabel woke. Marabel left.",
            "Quorvandi and Quorvandi and Quorvandi, then Quorvandi and Quorvandi.",
            "Kim ran. Kim hid. Kim laughed. Tim wept.",
            "Doran came, Doran went, Doran sat, and then Dorana arrived.",
            "Tobiah came, Tobiah went; Tobaih slept.",
            "She waited for Rachel and Raquel at the gate.",
            "The ship sailed from Valparaiso to Quorvandar.",
            "They dined at Lafter Hall with the squire.",
            "Mr. Hurst rode out, and the Hursts have no horses.",
            "The fort at Tannah was taken in the night.",
        ),
    }

    def check(self, doc: Document, ctx: Context) -> Iterable[Finding]:
        joined = prose(doc, ctx)
        counts = joined.words()
        # capitalised words first, with C-level iteration (most words are lower case)
        capitalised = compress(counts, map(str.isupper, map(itemgetter(0), counts)))
        here = _bases(Counter({w: counts[w] for w in capitalised if _is_name(w)}))
        if not here:
            return
        folder = _folder(ctx.state.get(names.STATE_KEY))
        mine = _bases(ctx.state.get(names.OWN_KEY) or Counter())  # this file's share of the folder's

        def elsewhere(name: str) -> int:
            return max(0, folder.bases.get(name, 0) - mine.get(name, 0))

        def total(name: str) -> int:
            return here.get(name, 0) + elsewhere(name)

        # the folder's frequent names are indexed once per folder (a name that is frequent
        # only with this file's uses counted too is rejected below: at most that many uses);
        # here, the names that this file's own uses make frequent
        index = _index(n for n in here if _is_frequent(n, total(n)) and not _is_frequent(n, folder.bases.get(n, 0)))
        langs = tuple(dict.fromkeys((*lexicon.language_codes(ctx.options.language), joined.language())))
        own = project_words(ctx.options)
        rares = [rare for rare in here if total(rare) <= RARE and len(rare) >= SHORT and rare.casefold() not in own]
        frequent = index or folder.index
        if not frequent and not (langs[0] == "en" and any(_may_be_slip(r, counts) for r in rares)):
            return  # nothing to compare the rare forms with: no need of the word lists
        # a real word or a known name ("Perhaps" opening a sentence)
        rares = [rare for rare in rares if not lexicon.reaches(rare, langs, MAX_ZIPF)]
        if not rares:
            return
        flagged: dict[str, tuple[str, int]] = {}
        if langs[0] == "en":
            for rare in rares:
                common = _common_neighbour(rare, counts)
                if common is not None:
                    flagged[rare] = (common, 0)
        for rare in rares:
            if rare in flagged:
                continue
            keys = (rare, *deletes(rare))
            near = {m for key in keys for m in index.get(key, ())}
            near.update(m for key in keys for m in folder.index.get(key, ()))
            best = None
            # sorted: of names used equally often the first alphabetically wins, whatever
            # the hash seed (set order would make the output differ between runs)
            for name in sorted(near):
                limit = 1 if len(name) < 7 else 2
                gap = distance(rare, name, limit)
                if gap > limit or _is_inflection(rare, name, joined.language()):
                    continue
                if gap == 1:
                    enough = total(name) >= max(FREQUENT_NEAR, RATIO_NEAR * total(rare))
                else:
                    enough = len(name) >= MIN_LENGTH and total(name) >= max(FREQUENT, RATIO * total(rare))
                if enough and (best is None or total(name) > total(best)):
                    best = name
            if best is not None:
                flagged[rare] = (best, total(best))
        if not flagged:
            return
        for m in occurrences(joined.text, flagged, _BEFORE, _AFTER):
            rare = m.group()
            name, uses = flagged[rare]
            if not uses and _NEXT_CAPITALISED.match(joined.text, m.end()):
                continue  # part of a longer proper name: "Lafter Hall"
            view, local = joined.locate(m.start())
            used = f" (used {uses} times)" if uses else ""
            yield self.finding(
                view,
                local,
                local + len(rare),
                f"'{rare}': did you mean '{name}'{used}?",
                (name,),
                ctx,
            )
