"""Sets of slugs as bitsets, so that set intersections over many pairs are numpy operations.

A set of themes, goals or languages becomes a row of ``uint64`` words: bit ``b`` of the row is
set when the slug with index ``b`` in a :class:`Vocabulary` is in the set. Intersecting the
interests of 5 million newcomer-activity pairs is then one ``&`` and one popcount.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import numpy as np
from numpy.typing import NDArray

WORD_BITS = 64

U64 = NDArray[np.uint64]


@dataclass(frozen=True)
class Vocabulary:
    """A fixed, ordered list of slugs; the position of a slug is its bit number.

    Guarantees: ``index`` and ``slugs`` are each other's inverse; unknown slugs are ignored by
    :meth:`encode` (a free-text interest that is not in the controlled list cannot match).
    """

    slugs: tuple[str, ...]
    index: dict[str, int] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if len(set(self.slugs)) != len(self.slugs):
            raise ValueError("a vocabulary lists each slug once")
        object.__setattr__(self, "index", {slug: i for i, slug in enumerate(self.slugs)})

    @classmethod
    def of(cls, *groups: Iterable[str]) -> Vocabulary:
        """The sorted union of all slugs seen in ``groups`` (handy for tests and adapters)."""
        return cls(tuple(sorted({slug for group in groups for slug in group})))

    @property
    def words(self) -> int:
        """How many uint64 words one encoded set takes (at least one)."""
        return max(1, -(-len(self.slugs) // WORD_BITS))

    def encode_one(self, slugs: Iterable[str]) -> U64:
        """One set as a row of ``words`` uint64 words."""
        row = np.zeros(self.words, dtype=np.uint64)
        for slug in slugs:
            bit = self.index.get(slug)
            if bit is not None:
                row[bit // WORD_BITS] |= np.uint64(1) << np.uint64(bit % WORD_BITS)
        return row

    def encode(self, sets: Sequence[Iterable[str]]) -> U64:
        """Many sets as an ``(len(sets), words)`` uint64 array."""
        out = np.zeros((len(sets), self.words), dtype=np.uint64)
        for i, slugs in enumerate(sets):
            out[i] = self.encode_one(slugs)
        return out

    def decode(self, row: U64) -> list[str]:
        """The slugs whose bits are set in ``row``, in vocabulary order."""
        out = []
        for w, word in enumerate(row.tolist()):
            while word:  # visit only the set bits: rows are sparse
                low = word & -word
                out.append(self.slugs[w * WORD_BITS + low.bit_length() - 1])
                word ^= low
        return out


def popcount(words: U64) -> NDArray[np.int64]:
    """Number of set bits per row of an ``(..., words)`` uint64 array (sums over the last axis)."""
    if hasattr(np, "bitwise_count"):  # numpy >= 2.0 has a native popcount
        return np.bitwise_count(words).sum(axis=-1, dtype=np.int64)
    return _popcount_swar(words).sum(axis=-1, dtype=np.int64)


def _popcount_swar(x: U64) -> U64:
    # The classic SIMD-within-a-register popcount, for numpy versions without bitwise_count.
    x = x - ((x >> np.uint64(1)) & np.uint64(0x5555555555555555))
    x = (x & np.uint64(0x3333333333333333)) + ((x >> np.uint64(2)) & np.uint64(0x3333333333333333))
    x = (x + (x >> np.uint64(4))) & np.uint64(0x0F0F0F0F0F0F0F0F)
    return (x * np.uint64(0x0101010101010101)) >> np.uint64(56)


def int_to_words(mask: int, words: int) -> U64:
    """A non-negative Python int (any size) as ``words`` little-endian uint64 words."""
    if mask < 0 or mask >> (WORD_BITS * words):
        raise ValueError(f"mask does not fit in {words} words")
    low = (1 << WORD_BITS) - 1
    return np.array([(mask >> (WORD_BITS * w)) & low for w in range(words)], dtype=np.uint64)


def words_to_int(row: U64) -> int:
    """The inverse of :func:`int_to_words`."""
    return sum(int(word) << (WORD_BITS * w) for w, word in enumerate(row))
