"""Union-find over linked pairs, with a guard against chaining: two clusters are not joined
when they hold KYC birth years more than a year apart or full names that disagree."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence

from redflags.resolve.compare import NAMES_DISAGREE
from redflags.resolve.names import name_similarity
from redflags.resolve.profiles import Profile


class _Clusters:
    def __init__(self, profiles: Sequence[Profile]) -> None:
        self.parent = list(range(len(profiles)))
        self.years: list[set[int]] = [{p.birth_year} if p.birth_year else set() for p in profiles]
        self.names: list[set[tuple[str, ...]]] = [
            {p.names} if p.name_kind == "full" and p.source == "customer" else set()
            for p in profiles
        ]

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def compatible(self, a: int, b: int) -> bool:
        years_a, years_b = self.years[a], self.years[b]
        if years_a and years_b and min(abs(x - y) for x in years_a for y in years_b) > 1:
            return False
        for x in self.names[a]:
            for y in self.names[b]:
                if name_similarity(x, y)[0] < NAMES_DISAGREE:
                    return False
        return True

    def union(self, i: int, j: int) -> bool:
        a, b = self.find(i), self.find(j)
        if a == b:
            return True
        if not self.compatible(a, b):
            return False
        if b < a:
            a, b = b, a
        self.parent[b] = a
        self.years[a] |= self.years[b]
        self.names[a] |= self.names[b]
        return True


def clusters(profiles: Sequence[Profile], links: Iterable[tuple[int, int]]) -> list[list[int]]:
    """Clusters of two or more profiles, each sorted, in order of their first member; links
    are applied in sorted order so the result does not depend on discovery order."""
    state = _Clusters(profiles)
    for i, j in sorted(links):
        state.union(i, j)
    groups: dict[int, list[int]] = {}
    for i in range(len(profiles)):
        groups.setdefault(state.find(i), []).append(i)
    return [g for _, g in sorted(groups.items()) if len(g) > 1]


def person_id(profiles: Sequence[Profile], members: Sequence[int]) -> str:
    """A stable id: a hash of the cluster's smallest profile key (same data, same id)."""
    anchor = min(profiles[i].key for i in members)
    return "p" + hashlib.sha256(anchor.encode("utf-8")).hexdigest()[:16]
