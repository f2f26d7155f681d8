"""Resolve profiles into people and hand the linker one `person:<id>` pivot per record."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from redflags.engines import DuckDBEngine
from redflags.model import Identifier
from redflags.normalise.phones import DEFAULT_REGION
from redflags.resolve.blocking import MAX_BLOCK, candidate_pairs
from redflags.resolve.cluster import clusters, person_id
from redflags.resolve.compare import Comparison, compare
from redflags.resolve.kept import KeptComparisons
from redflags.resolve.profiles import Profile, load_profiles


@dataclass
class Resolution:
    profiles: Sequence[Profile]
    clusters: list[list[int]]
    ids: list[str]
    candidate_pairs: int = 0
    linked_pairs: int = 0
    skipped_blocks: int = 0
    reasons: Counter[str] = field(default_factory=Counter)

    def identifiers(self) -> Iterator[Identifier]:
        for members, pid in zip(self.clusters, self.ids, strict=True):
            for i in members:
                for kind, record_id, fld in self.profiles[i].records:
                    yield Identifier(
                        kind="person", value=pid, record_kind=kind, record_id=record_id, field=fld
                    )


def _share_correspondents(profiles: Sequence[Profile]) -> None:
    """A KYC record or ad talks through its contacts: give it the correspondents of the
    senders that use them."""
    by_contact: dict[str, set[str]] = {}
    for p in profiles:
        if p.source == "sender":
            for c in p.contacts:
                by_contact.setdefault(c, set()).update(p.correspondents)
    for p in profiles:
        if p.source != "sender":
            for c in p.contacts:
                p.correspondents.update(by_contact.get(c, ()))


def resolve(
    profiles: Sequence[Profile], max_block: int = MAX_BLOCK, kept: KeptComparisons | None = None
) -> Resolution:
    """Profiles into people; `kept` answers the comparisons whose inputs an earlier
    resolution saw (the same answers, so the same people)."""
    _share_correspondents(profiles)
    holders: Counter[str] = Counter()
    for p in profiles:
        if p.names:
            holders.update(p.contacts)
    blocking = candidate_pairs(profiles, max_block)
    links: list[tuple[int, int]] = []
    reasons: Counter[str] = Counter()
    for i, j in sorted(blocking.pairs):
        if kept is None:
            result: Comparison = compare(profiles[i], profiles[j], holders)
            linked, reason = result.linked, result.reason
        else:
            linked, reason = kept.compare(profiles[i], profiles[j], holders)
        reasons[reason] += 1
        if linked:
            links.append((i, j))
    groups = clusters(profiles, links)
    return Resolution(
        profiles=profiles,
        clusters=groups,
        ids=[person_id(profiles, g) for g in groups],
        candidate_pairs=len(blocking.pairs),
        linked_pairs=len(links),
        skipped_blocks=blocking.skipped_blocks,
        reasons=reasons,
    )


def resolve_people(
    engine: DuckDBEngine, region: str = DEFAULT_REGION, keep: bool = False
) -> Iterator[Identifier]:
    """`person:<id>` identifiers for every record of every resolved person of two or more
    profiles (a KYC record and her ad persona, her messenger account ...). With `keep` (an
    incremental scan), comparisons are kept in the store and reused by the next scan."""
    kept = KeptComparisons(engine.connection) if keep else None
    resolution = resolve(load_profiles(engine, region), kept=kept)
    if kept is not None:
        kept.save()
    yield from resolution.identifiers()
