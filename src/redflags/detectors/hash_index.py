"""Near-duplicate search over fixed-width binary hashes by multi-index hashing.

A hash of `bits` bits is cut into `m` contiguous chunks. If two hashes differ in at most `r` bits,
then by the pigeonhole principle some chunk differs in at most `r // m` bits. Each chunk has its
own table from chunk value to the hashes holding it; a query looks up every chunk value within
`r // m` bits of its own chunks, collects the candidates and keeps those truly within `r`. `m` is
the smallest count with chunks of at most 16 bits and `r // m <= 2`, so a lookup enumerates at
most 1 + c + c(c-1)/2 values per chunk of c bits. Nothing compares all pairs
(Norouzi, Punjani and Fleet, "Fast search in Hamming space with multi-index hashing", 2012).
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Iterator


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
        """Every pair (i, j, distance) with i < j within the radius, each once."""
        for i, value in enumerate(self._hashes):
            for j, distance in sorted(self.query(value).items()):
                if j > i:
                    yield i, j, distance
