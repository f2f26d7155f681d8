"""Opaque, unique, deterministic identifiers.

A keyed Feistel permutation turns a per-kind counter into a number that looks random, so that
ids carry no trace of which generator part made them (the no-leak requirement), need no memory
to stay unique, and are the same for the same seed. Vectorised with numpy for the background;
the scalar path runs the same code on a one-element array.
"""

from __future__ import annotations

import hashlib

import numpy as np

_MASK32 = np.uint64(0xFFFFFFFF)


def _round_keys(seed: int, kind: str, rounds: int = 4) -> list[np.uint64]:
    digest = hashlib.sha256(f"{seed}:{kind}".encode()).digest()
    return [np.uint64(int.from_bytes(digest[8 * i : 8 * i + 8], "little")) for i in range(rounds)]


def _mix(values: np.ndarray, key: np.uint64) -> np.ndarray:
    """A cheap 64-bit mixer (splitmix64 finaliser) of the half-block and the round key."""
    with np.errstate(over="ignore"):
        z = values + key
        z = (z ^ (z >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
        z = (z ^ (z >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
        return z ^ (z >> np.uint64(31))


class Permutation:
    """A bijection of [0, size) keyed by (seed, kind), by Feistel with cycle walking."""

    def __init__(self, seed: int, kind: str, size: int) -> None:
        if size < 2:
            raise ValueError("size must be >= 2")
        self.size = size
        bits = max(2, (size - 1).bit_length())
        bits += bits % 2
        self.half = bits // 2
        self.half_mask = np.uint64((1 << self.half) - 1)
        self.keys = _round_keys(seed, kind)

    def _feistel(self, values: np.ndarray) -> np.ndarray:
        left = values >> np.uint64(self.half)
        right = values & self.half_mask
        for key in self.keys:
            left, right = right, left ^ (_mix(right, key) & self.half_mask)
        return (left << np.uint64(self.half)) | right

    def __call__(self, counters: np.ndarray) -> np.ndarray:
        values = np.asarray(counters, dtype=np.uint64)
        if values.size and int(values.max()) >= self.size:
            raise ValueError("counter outside the permutation's domain")
        out = self._feistel(values)
        pending = out >= np.uint64(self.size)
        while pending.any():  # cycle walking: stays inside [0, size), still a bijection
            out[pending] = self._feistel(out[pending])
            pending = out >= np.uint64(self.size)
        return out


class IdAllocator:
    """Per-kind counters mapped through a permutation to fixed-width strings."""

    def __init__(self, seed: int) -> None:
        self.seed = seed
        self.counters: dict[str, int] = {}
        self._perms: dict[tuple[str, int], Permutation] = {}

    def block(self, kind: str, n: int, size: int) -> np.ndarray:
        """`n` fresh, unique numbers in [0, size) for `kind`."""
        start = self.counters.get(kind, 0)
        if start + n > size:
            raise ValueError(f"identifier space for {kind} exhausted")
        self.counters[kind] = start + n
        perm = self._perms.setdefault((kind, size), Permutation(self.seed, kind, size))
        return perm(np.arange(start, start + n, dtype=np.uint64))

    def one(self, kind: str, size: int) -> int:
        return int(self.block(kind, 1, size)[0])
