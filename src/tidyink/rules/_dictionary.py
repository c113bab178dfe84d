"""The spelling dictionary: a curated word list checked against wordfreq.

Two sources, loaded lazily once per process (about 1-2 s together):

- a *curated* list: pyspellchecker's English dictionary (160,572 words, built from
  subtitle word frequencies filtered through SCOWL, the word lists behind Hunspell's
  English dictionaries). It holds rare literary words ("gloaming", "expostulate")
  but not the misspellings people type.
- wordfreq's frequency list (321,180 English forms, see ``tidyink.lexicon``): far
  more modern words, slang and British spellings, but also the common misspellings
  ("thier", "recieve", "definately" all score 2.5-3 Zipf), so alone it cannot
  tell a typo from a word (measured: 0 of 26 common misspellings caught).

A word in the curated list is correct. A word only wordfreq knows is accepted
unless it is *suspicious*: rarer than Zipf 3.6 and a typical typo (swapped, doubled,
dropped letter, wrong vowel) of a curated word at least 100 times more frequent. A
word neither knows is unknown, unless it is a known word plus a regular prefix or
suffix, or a closed compound of two words that is not one edit from a word.
Suggestions (``_suggest``) are curated words one edit away, else two, ranked by
frequency. Other languages have no curated list here and are not spell-checked.
"""

from __future__ import annotations

from functools import cache, lru_cache
from pathlib import Path

from tidyink import lexicon
from tidyink.lazy_regex import compiled
from tidyink.rules._distance import edits1
from tidyink.rules._wordlist import PREFIX, SHORT, SPLIT, WordList, groups, joined_words

SUSPICIOUS_GAP = 2.0  # Zipf: a neighbour 100 times more frequent makes a rare form suspicious
SUSPICIOUS_BELOW = 3.6  # forms more frequent than this are established, whatever their neighbours
STEM_ZIPF = 1.0  # a stem for derivations is a curated word or at least this frequent
COMPOUND_NEIGHBOUR = 2.5  # a compound one edit from a word this common is its typo
VERY_COMMON = 4.5  # ... and a derivation of a curated word, one slip from a word this common
COMMON_NEIGHBOUR = 4.0  # an unlisted word one edit from a word this common is its typo


_OPENED: dict[str, WordList] = {}  # what curated() opened in this process


def expect_more(scale: float) -> None:
    """``scale`` times as many look-ups as each word list opened in this process has
    answered are coming: load now what they would make it load (the curated words'
    frozenset, a language's common words' dict). A batch's parent does it before its
    workers fork from it, so that they share one copy instead of each loading its
    own. Answers are the same either way."""
    for words in list(_OPENED.values()):
        words.expect(round(words.spent() * scale))
    lexicon.expect_more(scale)


@cache
def curated(lang: str = "en") -> WordList:
    """The curated word lists for ``lang`` (see :func:`_curated`), loaded once."""
    words = _OPENED[lang] = _curated(lang)
    return words


def _curated(lang: str) -> WordList:
    """The curated word lists for ``lang`` (empty when there is none).

    Reading pyspellchecker's compressed JSON costs about 0.15 s; the words are kept
    in the cache folder (see ``lexicon``), named for a digest of that file, grouped
    as a :class:`WordList` reads them (a few milliseconds to load), and, once a
    text asks many questions, as the frozenset of them (about 30 ms).
    """
    path = _pyspellchecker_file(lang)
    if path is None:
        return WordList({})
    key = _content_key(path, lang)
    if key is None:
        return WordList({})
    family = f"curated-{lang}-"
    # the groups' own family (the grouping in the name): pruning one family's old
    # versions never removes the other's files, which versions grouped otherwise read
    grouped_family = f"curated-groups-{lang}-"
    grouped = lexicon.cached(
        f"{grouped_family}{SHORT}-{PREFIX}-{SPLIT}-{key}",
        lambda: groups(_pyspellchecker(path)),
        dict,
        family=grouped_family,
    )

    def full() -> frozenset[str]:  # the frozenset, for a text that asks many questions
        return lexicon.cached(f"{family}{key}", lambda: joined_words(grouped), frozenset, family=family)

    return WordList(grouped, full)


def _content_key(path: Path, lang: str) -> str | None:
    """``lexicon.content_key(path)``, kept in the cache folder under the file's size
    and modification time: a digest of the whole list (~1 ms to read and sum) is
    worked out once per installed file, not at every start-up."""
    try:
        stat = path.stat()
    except OSError:
        return None
    family = f"curated-key-{lang}-"
    key = lexicon.cached(
        f"{family}{stat.st_size:x}-{stat.st_mtime_ns:x}", lambda: lexicon.content_key(path), str, family=family
    )
    return key if isinstance(key, str) else None


def _pyspellchecker_file(lang: str) -> Path | None:
    """pyspellchecker's word list for ``lang``, found without importing the package."""
    from importlib.util import find_spec

    spec = find_spec("spellchecker")
    if spec is None or spec.origin is None:
        return None
    return Path(spec.origin).parent / "resources" / f"{lang}.json.gz"


def _pyspellchecker(path: Path) -> set[str]:
    import gzip
    import json

    try:
        with path.open("rb") as raw, gzip.open(raw) as stream:
            return set(json.load(stream))
    except (FileNotFoundError, OSError, ValueError):
        return set()


def load(lang: str = "en") -> None:
    """Load both word lists now (benchmarks time this separately)."""
    curated(lang)
    lexicon.frequencies(lang)


def _zipf(word: str, lang: str) -> float:
    return lexicon.frequencies(lang).get(word, 0.0)


# English derivations: suffix -> what the base may end with instead (e-drop, y -> i)
_SUFFIXES = (
    ("ishly", ("", "e")),
    ("fully", ("",)),
    ("ingly", ("", "e")),
    ("ness", ("", "y")),
    ("less", ("", "y")),
    ("ment", ("",)),
    ("ments", ("",)),
    ("ably", ("", "e")),
    ("able", ("", "e")),
    ("ful", ("", "y")),
    ("ally", ("",)),
    ("al", ("",)),
    ("ily", ("y",)),
    ("ly", ("", "le")),
    ("ings", ("", "e")),
    ("ing", ("", "e")),
    ("ied", ("y",)),
    ("ies", ("y",)),
    ("ed", ("", "e")),
    ("ers", ("", "e")),
    ("er", ("", "e")),
    ("est", ("", "e")),
    ("ish", ("", "e")),
    ("es", ("",)),
    ("s", ("",)),
)
_PREFIXES = (
    "un",
    "re",
    "non",
    "over",
    "under",
    "out",
    "pre",
    "mis",
    "dis",
    "self",
    "half",
    "semi",
    "counter",
    "super",
    "fore",
    "after",
    "up",
    "down",
    "en",
    "be",
)


def derived(word: str, lang: str = "en") -> bool:
    """Whether ``word`` is a known word plus a regular English prefix or suffix."""
    return derivation(word, lang) is not None


def derivation(word: str, lang: str = "en") -> str | None:
    """``"curated"`` when ``word`` is a curated word plus a regular English prefix or
    suffix, ``"listed"`` when the stem is only in the frequency list, else None."""
    if lang != "en":
        return None
    bases: list[str] = []
    for suffix, ends in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            stem = word[: -len(suffix)]
            bases += [stem + end for end in ends]
            if len(stem) > 3 and stem[-1] == stem[-2] and stem[-1] not in "aeiouls":
                bases.append(stem[:-1])  # doubled consonant: sledding, wetter
    bases += [word[len(prefix) :] for prefix in _PREFIXES if word.startswith(prefix) and len(word) - len(prefix) >= 4]
    good = curated(lang)
    if any(b in good for b in bases):
        return "curated"
    if any(_plain(b, lang) for b in bases):
        return "listed"
    return None


def _plain(word: str, lang: str) -> bool:
    """A stem derivations may be built on: curated, or attested often enough in the
    frequency list (fragments such as "hpe" or "scad" also pass: a derivation one
    slip from a very common word is suspicious all the same, see :func:`status`)."""
    return word in curated(lang) or _zipf(word, lang) >= STEM_ZIPF


def archaic_verb(word: str) -> bool:
    """Second and third person forms of the Authorised Version: "goest", "knoweth"."""
    from tidyink.rules import _pos

    for suffix in ("est", "eth"):
        if word.endswith(suffix) and len(word) > len(suffix) + 1:
            stem = word[: -len(suffix)]
            for base in (stem, stem + "e", stem[:-1] if stem[-1:] == stem[-2:-1] else stem):
                if _pos.VERB in _pos.tags(base) and _pos.ADJECTIVE not in _pos.tags(base):
                    return True
    return False


@lru_cache(maxsize=65536)
def status(word: str, lang: str = "en") -> str:
    """``"known"``, ``"suspicious"`` or ``"unknown"`` for a lower-case word."""
    verdict = _status(word, lang)
    if verdict != "known" and lang == "en" and archaic_verb(word):
        return "known"
    if verdict == "unknown":
        how = derivation(word, lang)
        if how == "curated":  # "semed" is not "seme" + "d" but "seemed"
            return "suspicious" if _common_neighbour(word, lang, VERY_COMMON) else "known"
        if how is None and compound(word, lang):
            return "known"
        if how == "listed":
            # from a stem only the frequency list knows, unless it is one slip from a
            # very common word ("semed" is not "seme" + "d" but "seemed")
            return "suspicious" if _common_neighbour(word, lang) else "known"
    return verdict


@lru_cache(maxsize=65536)
def slip_from_common(word: str, lang: str = "en", floor: float = 2.5) -> bool:
    """Whether ``word`` is one typist's slip from a curated word at least ``floor`` common."""
    return _common_neighbour(word, lang, floor)


def _common_neighbour(word: str, lang: str, floor: float = 0.0) -> bool:
    """Whether ``word`` is one typist's slip from a curated word at least ``floor``
    (default :data:`COMMON_NEIGHBOUR`) common, not merely an inflection of it."""
    floor = floor or COMMON_NEIGHBOUR
    good = curated(lang)
    freq = lexicon.frequencies(lang)
    # most neighbours are ruled out by a dict look-up first (when the floor allows)
    near = good.intersection(freq.may_reach(typo_neighbours(word), floor))
    return any(freq.get(w, 0.0) >= floor and not _inflection(word, w) for w in near)


def _inflection(word: str, near: str) -> bool:
    """``near`` and ``word`` differ by a plural or verb ending ("cat"/"cats")."""
    return word in (near + "s", near + "d") or near in (word + "s", word + "d")


def compound(word: str, lang: str = "en") -> bool:
    """A closed compound of two dictionary words ("dustcoat", "beggarman") that is not
    one edit from a common dictionary word ("chipsticks" is one from "chopsticks";
    "boylike" from the rare "toylike" is a compound)."""
    good = curated(lang)
    if lang != "en" or len(word) < 7:
        return False
    halves = any(word[:i] in good and word[i:] in good for i in range(3, len(word) - 2))
    if not halves:
        return False
    freq = lexicon.frequencies(lang)
    return not any(freq.get(near, 0.0) >= COMPOUND_NEIGHBOUR for near in good.intersection(edits1(word)))


def _status(word: str, lang: str) -> str:
    good = curated(lang)
    if word in good:
        return "known"
    z = _zipf(word, lang)
    if z <= 0.0:
        return "unknown"
    if not good or z >= SUSPICIOUS_BELOW or len(word) < 4:
        return "known"
    if any(v in good for v in british_to_american(word)):
        return "known"  # theorise, colourless, centred, travelled
    if derivation(word, lang) == "curated":  # "muslins": a slip only from a very common word
        return "suspicious" if _common_neighbour(word, lang, VERY_COMMON) else "known"
    freq = lexicon.frequencies(lang)
    floor = z + SUSPICIOUS_GAP
    near = good.intersection(freq.may_reach(typo_neighbours(word), floor))
    return "suspicious" if any(freq.get(w, 0.0) >= floor for w in near) else "known"


_KEYBOARD = ("qwertyuiop", "asdfghjkl", "zxcvbnm")


def _near_letters() -> dict[str, str]:
    """For each letter, the letters typed for it by mistake: any vowel for a vowel, or
    a neighbour on the keyboard row ("wuld"). Sound-alike pairs ("durn"/"turn") are
    left out: dialect spells by ear too."""
    near: dict[str, set[str]] = {c: set() for c in "abcdefghijklmnopqrstuvwxyz"}
    for row in _KEYBOARD:
        for i, c in enumerate(row):
            near[c].update(row[max(0, i - 1) : i + 2])
    for v in "aeiouy":
        near[v].update("aeiouy")
    return {c: "".join(sorted(s - {c})) for c, s in near.items()}


_NEAR = _near_letters()
_BRITISH = (
    ("isation", "ization"),
    ("ise", "ize"),
    ("ised", "ized"),
    ("ising", "izing"),
    ("yse", "yze"),
    ("our", "or"),
    ("re", "er"),
    ("red", "ered"),
    ("lled", "led"),
    ("lling", "ling"),
    ("ller", "ler"),
    ("ogue", "og"),
    ("ence", "ense"),
)


_OUR = compiled(r"our(?=(?:s|ed|ing|ful|fully|less|able|ably|ite|ites|er|ers|ist|ists|ism|ly)?$)")


def british_to_american(word: str) -> list[str]:
    """American spellings ``word`` may be the British form of ("our" only at the end
    of the word or before a suffix: "colourless", not "sourly" -> "sorly")."""
    out = [_OUR.sub("or", word)] if _OUR.search(word) else []
    out += [word[: -len(b)] + a for b, a in _BRITISH if word.endswith(b)]
    return out


def typo_neighbours(word: str) -> set[str]:
    """Words ``word`` could be a typical misspelling of: swapped letters ("thier"), a
    wrong letter ("seperate", "constand"), a doubled or undoubled letter ("untill",
    "occured"), an extra letter inside the word ("satisified") or a dropped letter
    ("goverment")."""
    out: set[str] = set()
    n = len(word)
    for i in range(n):
        a = word[:i]
        b = word[i + 1 :]
        ch = word[i]
        if i + 1 < n and word[i + 1] != ch:
            out.add(a + word[i + 1] + ch + word[i + 2 :])
        out.update(a + c + b for c in _NEAR.get(ch, "") if c != ch)  # a wrong letter
        if 0 < i < n - 1 and n >= 7:
            out.add(a + b)  # an extra letter inside the word
        if i + 1 < n and word[i + 1] == ch:
            out.add(a + b)  # undouble
        out.add(a + ch + ch + b)  # double
    for i in range(n + 1):
        out.update(word[:i] + c + word[i:] for c in "abcdefghijklmnopqrstuvwxyz")
    out.discard(word)
    return out
