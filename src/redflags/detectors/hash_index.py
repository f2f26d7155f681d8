"""Near-duplicate search over fixed-width binary hashes by multi-index hashing.

A hash of `bits` bits is cut into `m` contiguous chunks. If two hashes differ in at most `r` bits,
then by the pigeonhole principle some chunk differs in at most `r // m` bits. Each chunk has its
own table from chunk value to the hashes holding it; a query looks up every chunk value within
`r // m` bits of its own chunks, collects the candidates and keeps those truly within `r`. `m` is
the smallest count with chunks of at most 16 bits and `r // m <= 2`, so a lookup enumerates at
most 1 + c + c(c-1)/2 values per chunk of c bits. Nothing compares all pairs
(Norouzi, Punjani and Fleet, "Fast search in Hamming space with multi-index hashing", 2012).

`query` looks up one hash (online scoring against a stock list). `pairs` finds every near pair
of the stored hashes at once, in numpy: per chunk and per flip pattern, a counting sort of the
chunk values gives each hash's bucket of candidates as one slice, so the Python loop runs over
chunks and flips (a few hundred), not over hashes times flips (tens of millions on a `medium`
world, whose photos crowd into the same buckets).
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Iterator

import numpy as np

# candidate pairs handled per numpy step: bounds memory when photos crowd into one bucket
_BLOCK_CANDIDATES = 4_000_000


def _chunk_count(bits: int, radius: int) -> int:
    count = max(1, -(-bits // 16))
    while radius // count > 2 and count < bits:
        count += 1
    return count


class MultiIndexHash:
    """Add hashes (ints of `bits` bits) under integer keys; find every pair within `radius`."""

    def __init__(self, bits: int, radius: int) -> None:
        if bits <= 0 or radius < 0:
            raise ValueError("bits must be positive and radius non-negative")
        self.bits = bits
        self.radius = radius
        count = _chunk_count(bits, radius)
        edges = [round(i * bits / count) for i in range(count + 1)]
        self._chunks = [(lo, hi - lo) for lo, hi in itertools.pairwise(edges)]
        self._sub_radius = radius // count
        self._tables: list[dict[int, list[int]]] = [defaultdict(list) for _ in self._chunks]
        self._hashes: list[int] = []
        self._flips = [
            [
                sum(1 << b for b in combo)
                for k in range(self._sub_radius + 1)
                for combo in itertools.combinations(range(width), k)
            ]
            for _, width in self._chunks
        ]

    def __len__(self) -> int:
        return len(self._hashes)

    def _parts(self, value: int) -> Iterator[int]:
        for start, width in self._chunks:
            yield (value >> start) & ((1 << width) - 1)

    def add(self, value: int) -> int:
        """Store a hash; returns its key (0, 1, 2 ... in insertion order)."""
        if value < 0 or value >> self.bits:
            raise ValueError(f"not a {self.bits}-bit hash")
        key = len(self._hashes)
        self._hashes.append(value)
        for table, part in zip(self._tables, self._parts(value), strict=True):
            table[part].append(key)
        return key

    def query(self, value: int) -> dict[int, int]:
        """Keys of stored hashes within the radius of `value`, with their distances."""
        seen: set[int] = set()
        found: dict[int, int] = {}
        for table, part, flips in zip(self._tables, self._parts(value), self._flips, strict=True):
            for flip in flips:
                for key in table.get(part ^ flip, ()):
                    if key in seen:
                        continue
                    seen.add(key)
                    distance = (self._hashes[key] ^ value).bit_count()
                    if distance <= self.radius:
                        found[key] = distance
        return found

    def pairs(self) -> Iterator[tuple[int, int, int]]:
        """Every pair (i, j, distance) with i < j within the radius, each once, by i then j."""
        first, second, distance = self.pair_arrays()
        yield from zip(first.tolist(), second.tolist(), distance.tolist(), strict=True)

    def pair_arrays(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """`pairs` as three numpy arrays (first keys, second keys, distances)."""
        count = len(self._hashes)
        empty = np.zeros(0, np.int64)
        if count < 2:
            return empty, empty, empty
        words = _as_words(self._hashes, self.bits)
        found: list[np.ndarray] = []
        for (start, width), flips in zip(self._chunks, self._flips, strict=True):
            parts = np.fromiter(
                ((value >> start) & ((1 << width) - 1) for value in self._hashes),
                np.int64,
                count,
            )
            found.extend(self._chunk_pairs(words, parts, width, flips))
        if not found:
            return empty, empty, empty
        keys = np.unique(np.concatenate(found))  # a pair can share several near chunks
        first, second = keys // count, keys % count
        return first, second, _distances(words, first, second)

    def _chunk_pairs(
        self, words: np.ndarray, parts: np.ndarray, width: int, flips: list[int]
    ) -> Iterator[np.ndarray]:
        """Pair keys (i * n + j, i < j, within the radius) whose chunk values differ by a flip."""
        count = len(parts)
        order = np.argsort(parts, kind="stable")
        sizes = np.bincount(parts, minlength=1 << width)
        starts = np.cumsum(sizes) - sizes
        for flip in flips:
            target = parts ^ flip
            found = sizes[target]
            total = int(found.sum())
            if not total:
                continue
            ends = np.cumsum(found)
            # cut the hashes into blocks of about _BLOCK_CANDIDATES candidates each
            cuts = np.searchsorted(ends, np.arange(_BLOCK_CANDIDATES, total, _BLOCK_CANDIDATES))
            for lo, hi in itertools.pairwise([0, *np.unique(cuts).tolist(), count]):
                block = found[lo:hi]
                first = np.repeat(np.arange(lo, hi), block)
                if not len(first):
                    continue
                offset = np.arange(len(first)) - np.repeat(np.cumsum(block) - block, block)
                second = order[np.repeat(starts[target[lo:hi]], block) + offset]
                ahead = second > first  # each unordered pair once; never a hash with itself
                first, second = first[ahead], second[ahead]
                near = _distances(words, first, second) <= self.radius
                yield first[near] * count + second[near]


def _as_words(values: list[int], bits: int) -> np.ndarray:
    """Hashes as rows of 64-bit words (numpy has no wider integer)."""
    width = -(-bits // 64)
    raw = b"".join(value.to_bytes(width * 8, "little") for value in values)
    return np.frombuffer(raw, dtype="<u8").reshape(len(values), width)


def _distances(words: np.ndarray, first: np.ndarray, second: np.ndarray) -> np.ndarray:
    """Hamming distances of the hash pairs (first[k], second[k])."""
    distances: np.ndarray = np.bitwise_count(words[first] ^ words[second]).sum(
        axis=1, dtype=np.int64
    )
    return distances
