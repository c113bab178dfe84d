"""A language's word list, word → Zipf frequency, opened in well under a millisecond.

The word table kept before needed its ~30,000 common words in a dict before it answered
anything: about 10 ms per language to load, which is most of what a short text
or a code-page guess (nine languages, ~50 words each) costs. Here every word
sits in one sorted UTF-8 block of ``"word\\tBBB\\n"`` entries (``BBB``: wordfreq's
bucket, the frequency in centibels below Zipf 9), mapped from the cache file
rather than read; a look-up bisects the first words of the blocks of
:data:`BLOCK` entries (a list, searched in C) and then searches one block for
``"\\nword\\t"``: about a microsecond, nothing loaded but that list. Answers are
remembered; a text that asks more than :data:`BUDGET` new questions gets the
common words' dict as well (kept in the same file), so it never pays much more
than the dict alone would cost.

The answers are exactly those of a plain dict of the same table.
"""

from __future__ import annotations

import marshal
import struct
import sys
from array import array
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from pathlib import Path

CORE_ZIPF = 3.0  # words at least this common are the "common" ones (lexicon.CORE_ZIPF)
BLOCK = 64  # entries per block
BUDGET = 1_500  # new look-ups answered by searching before the common words' dict is loaded
_SEEN_MAX = 200_000  # answers remembered (a long batch run meets endless distinct rare words)
_MAGIC = b"TIWORDS1"
_HEAD = struct.Struct("<8sQQQ")  # magic, then the lengths of the index, the dict and the blocks


def _bucket(zipf: float) -> int | None:
    """The bucket ``b`` with ``9 - b / 100 == zipf`` exactly, when there is one of three digits."""
    b = round((9 - zipf) * 100)
    return b if 0 <= b <= 999 and 9 - b / 100 == zipf else None


def _encodes(word: str) -> bool:
    try:
        word.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate
        return False
    return True


def encode(table: dict[str, float]) -> bytes:
    """The file form of ``table`` (word → Zipf): what :class:`WordIndex` reads."""
    entries: list[tuple[bytes, int]] = []
    odd: dict[str, float] = {}  # what the blocks cannot hold (no such word in wordfreq's lists)
    for word, zipf in table.items():
        b = _bucket(zipf)
        if b is None or "\n" in word or "\t" in word or not word or not _encodes(word):
            odd[word] = zipf
        else:
            entries.append((word.encode("utf-8"), b))
    entries.sort()
    parts = [b"\n"]
    heads: list[bytes] = []
    starts: list[int] = []  # where each block's first entry starts, then the end
    pos = 1
    for i, (word, b) in enumerate(entries):
        if i % BLOCK == 0:
            heads.append(word)
            starts.append(pos)
        entry = b"%s\t%03d\n" % (word, b)
        parts.append(entry)
        pos += len(entry)
    starts.append(pos)
    blocks = b"".join(parts)
    common = {w: z for w, z in table.items() if z >= CORE_ZIPF}
    top = max(common.values(), default=CORE_ZIPF)
    positions = array("Q", starts).tobytes()  # (one bytes object loads faster than a tuple of ints)
    index = marshal.dumps((top, len(table), tuple(heads), sys.byteorder, positions, odd))
    core = marshal.dumps(common)
    return _HEAD.pack(_MAGIC, len(index), len(core), len(blocks)) + index + core + blocks


def value_at(
    data: bytes, heads: Sequence[bytes], starts: Sequence[int], key: bytes, sep: bytes, base: int, end: int
) -> int:
    """Where the value of the line ``KEY SEP VALUE`` starts in ``data``: sorted lines, each
    after a line break, in blocks whose first keys are ``heads`` and which start at
    ``base + starts[i]`` (the last one ending at ``end``); -1 when no line has that key.
    A bisection of the heads picks the block, one search of it finds the line."""
    i = bisect_right(heads, key) - 1
    if i < 0:
        return -1
    stop = base + starts[i + 1] if i + 1 < len(heads) else end
    found = data.find(b"\n" + key + sep, base + starts[i] - 1, stop)
    return -1 if found < 0 else found + 1 + len(key) + len(sep)


class WordIndex:
    """A read-only mapping word → Zipf frequency over :func:`encode`'s form (bytes, or
    a read-only memory map of a file holding them). Raises ValueError when the data
    is not in that form."""

    __slots__ = ("_base", "_core", "_core_at", "_data", "_heads", "_left", "_odd", "_seen", "_size", "_starts", "_top")

    def __init__(self, data: bytes | object) -> None:
        buf = data  # bytes or mmap: both slice and ``find`` alike
        try:
            magic, n_index, n_core, n_blocks = _HEAD.unpack(buf[: _HEAD.size])  # type: ignore[index]
            if magic != _MAGIC or len(buf) != _HEAD.size + n_index + n_core + n_blocks:  # type: ignore[arg-type]
                raise ValueError("not a word index")
            top, size, heads, order, positions, odd = marshal.loads(buf[_HEAD.size : _HEAD.size + n_index])  # type: ignore[index]
            starts = array("Q")
            starts.frombytes(positions)
            if order != sys.byteorder or len(starts) != len(heads) + 1:
                raise ValueError("not a word index of this machine")
        except (struct.error, EOFError, TypeError) as error:
            raise ValueError(f"not a word index: {error}") from None
        self._data = buf
        self._top: float = top
        self._size: int = size
        self._heads: tuple[bytes, ...] = heads
        self._starts = starts
        self._odd: dict[str, float] = odd
        self._core_at = (_HEAD.size + n_index, _HEAD.size + n_index + n_core)
        self._base = _HEAD.size + n_index + n_core
        self._core: dict[str, float] | None = None
        self._seen: dict[str, float] = {}
        self._left = BUDGET

    @classmethod
    def build(cls, table: dict[str, float]) -> WordIndex:
        return cls(encode(table))

    @classmethod
    def open(cls, path: str | Path) -> WordIndex:
        """The index kept in the file at ``path``, mapped, not read (OSError, ValueError)."""
        import mmap

        with open(path, "rb") as handle:
            try:
                mapped: object = mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)
            except (OSError, ValueError):  # a file system that cannot map, or an empty file
                mapped = handle.read()
        return cls(mapped)

    def common_words(self) -> dict[str, float]:
        """The words at least CORE_ZIPF common, as a dict (loaded on the first call)."""
        if self._core is None:
            start, end = self._core_at
            self._core = marshal.loads(self._data[start:end])  # type: ignore[index]
        return self._core

    def _search(self, word: str) -> float:
        if self._odd and word in self._odd:
            return self._odd[word]
        key = word.encode("utf-8", "surrogatepass")
        if b"\t" in key or b"\n" in key:  # (no such word is in the blocks)
            return 0.0
        base, starts = self._base, self._starts
        at = value_at(self._data, self._heads, starts, key, b"\t", base, base + starts[-1])
        if at < 0:
            return 0.0
        return 9 - int(self._data[at : at + 3]) / 100  # type: ignore[index]

    def expect(self, n: int) -> None:
        """About ``n`` more new look-ups are coming: load the common words' dict now if
        they would overrun the budget (answers are the same either way)."""
        if self._core is None and n > self._left:
            self.common_words()

    def spent(self) -> int:
        """New look-ups answered so far by searching (of the :data:`BUDGET`)."""
        return BUDGET - self._left

    def _spend(self, n: int) -> None:
        """``n`` new look-ups: past the budget, load the common words' dict."""
        self._left -= n
        if self._left < 0 and self._core is None:
            self.common_words()

    def get(self, word: str, default: float = 0.0) -> float:
        core = self._core
        value = core.get(word) if core is not None else None
        if value is None:
            value = self._seen.get(word)
            if value is None:
                if len(self._seen) > _SEEN_MAX:
                    self._seen.clear()
                if self._core is None:
                    self._spend(1)
                value = self._seen[word] = self._search(word)
        return value or default

    def common(self, word: str) -> float:
        """``get(word)`` when that is at least CORE_ZIPF, else 0."""
        if self._core is not None:
            return self._core.get(word, 0.0)
        value = self.get(word)
        return value if value >= CORE_ZIPF else 0.0

    def may_reach(self, words: Iterable[str], floor: float) -> Iterable[str]:
        """The words of ``words`` that may be at least ``floor`` common: at a floor of
        CORE_ZIPF or more, those that are; below it, all."""
        if floor < CORE_ZIPF:
            return words
        if self._core is None:
            words = list(words)
            if len(words) > self._left:
                self.common_words()  # a bulk question: the dict answers it faster
            else:
                get = self.get
                return [w for w in words if get(w) >= floor]
        get = self._core.get  # type: ignore[union-attr]
        return [w for w in words if get(w, 0.0) >= floor]

    def top(self) -> float:
        """No word of the list is more common than this (its commonest word's Zipf)."""
        return self._top

    def __getitem__(self, word: str) -> float:
        value = self.get(word)
        if not value:
            raise KeyError(word)
        return value

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and self.get(word) > 0.0

    def __len__(self) -> int:
        return self._size

    def __eq__(self, other: object) -> bool:
        return isinstance(other, WordIndex) and self._data[:] == other._data[:]  # type: ignore[index]

    __hash__ = None  # type: ignore[assignment]
