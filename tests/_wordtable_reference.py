"""The word table tidyink kept before :mod:`tidyink.wordindex` (a dict of the common
words, the rare ones in one sorted block searched by bisection): the reference the
index's answers are checked against."""

from __future__ import annotations

from tidyink.wordindex import CORE_ZIPF

_SEEN_MAX = 200_000


class WordTable:
    """A read-only mapping word → Zipf frequency that loads in milliseconds.

    The ~30,000 common words of a language (Zipf ≥ 3) sit in a dict; the few
    hundred thousand rare forms sit in one sorted UTF-8 block searched by
    bisection (and remembered once looked up). Building a dict of every form
    costs 0.1-0.3 s per language, which a pre-commit hook run should not pay
    for a handful of lookups.
    """

    __slots__ = ("_blob", "_buckets", "_core", "_offsets", "_seen")

    def __init__(self, core: dict[str, float], blob: bytes, offsets: bytes, buckets: bytes) -> None:
        from array import array

        self._core = core
        self._blob = blob
        self._offsets = array("I")
        self._offsets.frombytes(offsets)
        self._buckets = array("H")
        self._buckets.frombytes(buckets)
        self._seen: dict[str, float] = {}

    @classmethod
    def build(cls, table: dict[str, float]) -> WordTable:
        from array import array

        core = {w: z for w, z in table.items() if z >= CORE_ZIPF}
        rare = sorted((w.encode("utf-8"), z) for w, z in table.items() if z < CORE_ZIPF)
        offsets = array("I", [0])
        buckets = array("H")
        for word, z in rare:
            offsets.append(offsets[-1] + len(word))
            buckets.append(round((9 - z) * 100))
        blob = b"".join(word for word, _ in rare)
        return cls(core, blob, offsets.tobytes(), buckets.tobytes())

    def parts(self) -> tuple[dict[str, float], bytes, bytes, bytes]:
        """What the cache file keeps (``WordTable(*parts)`` gives the table back)."""
        return self._core, self._blob, self._offsets.tobytes(), self._buckets.tobytes()

    def get(self, word: str, default: float = 0.0) -> float:
        value = self._core.get(word)
        if value is None:
            value = self._seen.get(word)
            if value is None:
                if len(self._seen) > _SEEN_MAX:
                    self._seen.clear()  # a long batch run meets endless distinct rare words
                value = self._seen[word] = self._search(word)
        return value or default

    def _search(self, word: str) -> float:
        key = word.encode("utf-8", "surrogatepass")
        blob, offsets = self._blob, self._offsets
        lo, hi = 0, len(self._buckets)
        while lo < hi:
            mid = (lo + hi) // 2
            if blob[offsets[mid] : offsets[mid + 1]] < key:
                lo = mid + 1
            else:
                hi = mid
        if lo < len(self._buckets) and blob[offsets[lo] : offsets[lo + 1]] == key:
            return 9 - self._buckets[lo] / 100
        return 0.0

    def common(self, word: str) -> float:
        """``get(word)`` when that is at least CORE_ZIPF, else 0 (the rare words are not searched)."""
        return self._core.get(word, 0.0)

    def top(self) -> float:
        """No word of the list is more common than this (its commonest word's Zipf)."""
        return max(self._core.values(), default=CORE_ZIPF)  # (rare words are below CORE_ZIPF)

    def __getitem__(self, word: str) -> float:
        value = self.get(word)
        if not value:
            raise KeyError(word)
        return value

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and self.get(word) > 0.0

    def __len__(self) -> int:
        return len(self._core) + len(self._buckets)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, WordTable) and self.parts() == other.parts()

    __hash__ = None  # type: ignore[assignment]
