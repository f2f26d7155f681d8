"""MinHash signatures and LSH banding behind a small interface, so the library can be swapped.

Signatures come from `rensa` (Rust, MIT); banding is done here with numpy: two items are a
candidate pair when all `rows` digest values of at least one band agree. Items are the integer
keys 0..n-1 in the order they were added; each item is a set of 64-bit token hashes.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

import numpy as np
from rensa import RMinHash

SEED = 42
CHUNK = 20_000  # sets per signature batch (bounds the Python lists rensa returns)


class MinHashIndex:
    """`add` sets of uint64 token hashes; `query` one set; `candidate_pairs` over all added."""

    def __init__(self, num_perm: int = 128, bands: int = 32) -> None:
        if num_perm % bands:
            raise ValueError("num_perm must be a multiple of bands")
        self.num_perm, self.bands, self.rows = num_perm, bands, num_perm // bands
        self._digests: list[np.ndarray] = []
        self._empty: list[np.ndarray] = []

    def _signatures(self, hashes: np.ndarray, offsets: np.ndarray) -> np.ndarray:
        matrix = RMinHash.digest_matrix_from_flat_token_hashes(
            np.ascontiguousarray(hashes, dtype=np.uint64),
            np.ascontiguousarray(offsets, dtype=np.uint64),
            self.num_perm,
            SEED,
        )
        return np.asarray(matrix.to_rows(), dtype=np.uint64).reshape(-1, self.num_perm)

    def add_flat(self, hashes: np.ndarray, offsets: np.ndarray) -> None:
        """Add len(offsets) - 1 sets: set i is hashes[offsets[i]:offsets[i + 1]]. Signatures are
        made CHUNK sets at a time and only their band keys kept."""
        offsets = np.asarray(offsets, dtype=np.int64)
        for first in range(0, len(offsets) - 1, CHUNK):
            last = min(first + CHUNK, len(offsets) - 1)
            part = offsets[first : last + 1]
            self._digests.append(
                self._band_keys(self._signatures(hashes[part[0] : part[-1]], part - part[0]))
            )
        self._empty.append(np.diff(offsets) == 0)

    def add(self, sets: Sequence[np.ndarray]) -> None:
        sizes = np.array([len(s) for s in sets], dtype=np.int64)
        offsets = np.concatenate([[0], np.cumsum(sizes)]).astype(np.uint64)
        flat = np.concatenate(list(sets)) if len(sets) else np.zeros(0, np.uint64)
        self.add_flat(flat.astype(np.uint64), offsets)

    def _band_keys(self, signatures: np.ndarray) -> np.ndarray:
        """One uint64 key per (item, band): the band's rows mixed together."""
        keys = np.zeros((len(signatures), self.bands), dtype=np.uint64)
        with np.errstate(over="ignore"):
            for r in range(self.rows):
                keys = keys * np.uint64(0x100000001B3) ^ signatures[:, r :: self.rows]
        return keys

    def _keys(self) -> tuple[np.ndarray, np.ndarray]:
        if not self._digests:
            return np.zeros((0, self.bands), np.uint64), np.zeros(0, bool)
        return np.concatenate(self._digests), np.concatenate(self._empty)

    def query(self, tokens: np.ndarray) -> list[int]:
        """Keys of added sets sharing a band with this set."""
        keys, empty = self._keys()
        probe = self._band_keys(self._signatures(tokens, np.array([0, len(tokens)])))[0]
        hit = (keys == probe).any(axis=1) & ~empty
        return [int(i) for i in np.flatnonzero(hit)]

    def candidate_pairs(self) -> Iterator[tuple[int, int]]:
        """Pairs (i < j) of non-empty sets sharing at least one band, each once. A bucket of k
        sets gives its first set paired with each other (a star) and each set paired with the
        next (a chain), not all k(k-1)/2 pairs: linear in k, and enough to connect the bucket
        when the pairs are verified; the other bands add further edges."""
        keys, empty = self._keys()
        alive = np.flatnonzero(~empty)
        found = []
        for band in range(self.bands):
            column = keys[alive, band]
            order = np.argsort(column, kind="stable")
            ordered = column[order]
            new = np.r_[True, ordered[1:] != ordered[:-1]]
            heads = np.maximum.accumulate(np.where(new, np.arange(len(ordered)), 0))
            member = ~new
            at = np.flatnonzero(member)
            for first, other in ((heads[at], at), (at - 1, at)):  # star and chain
                a, b = alive[order[first]], alive[order[other]]
                low, high = np.minimum(a, b).astype(np.uint64), np.maximum(a, b).astype(np.uint64)
                found.append((low << np.uint64(32)) | high)
        if not found:
            return
        for packed in np.unique(np.concatenate(found)).tolist():
            yield packed >> 32, packed & 0xFFFFFFFF
