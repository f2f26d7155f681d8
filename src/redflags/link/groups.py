"""Groups: connected components of records and findings that share pivots.

Every record contributes its identifiers (phones, handles, e-mails, accounts, devices,
addresses); every finding contributes its pivots and the records of its evidence. Equal pivots
join. Two kinds of pivot are never used to join: those on the address allow-list (shelters,
dormitories) and over-connected "hubs" (a hotel's Wi-Fi, a payment processor, a site's service
number in every ad), which would otherwise glue unrelated people together.

A pivot's degree is the number of distinct OTHER identities it ties together, not the number of
records carrying it: a controller's phone on sixty ads of the same operation, or his device in a
hundred logins to five workers' accounts, ties few identities and must stay; a device used by
eighty customers is a hub. A customer record counts as one identity (the customer), so a shared
address of a five-person household has degree five, not five times each member's identifiers.
Payments are not identity links: paying someone does not make you part of their network.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from redflags.graph import components_by_shared_keys
from redflags.model import Finding, Identifier


@dataclass(frozen=True)
class Group:
    group_id: str
    records: tuple[str, ...]  # "kind:id"
    pivots: tuple[str, ...]  # pivots that joined this group
    findings: tuple[Finding, ...]


@dataclass(frozen=True)
class LinkResult:
    groups: tuple[Group, ...]  # only groups that hold at least one finding
    hubs: dict[str, int] = field(default_factory=dict)  # cut pivot -> records carrying it
    pivot_count: int = 0  # distinct identifiers seen: the entities the scan knows about


class Linker:
    def __init__(self, max_pivot_degree: int = 50, ignored_pivots: Iterable[str] = ()) -> None:
        self.max_pivot_degree = max_pivot_degree
        self.ignored_pivots = set(ignored_pivots)

    def _degrees(self, record_pivots: dict[str, set[str]]) -> dict[str, int]:
        """Distinct other identities per pivot, counted up to just past the hub threshold."""
        cap = self.max_pivot_degree + 1
        neighbours: dict[str, set[str]] = defaultdict(set)
        for record, pivots in record_pivots.items():
            if record.startswith("customer:"):
                identities = {p for p in pivots if p.startswith("customer:")}
            else:
                identities = pivots
            for pivot in pivots:
                seen = neighbours[pivot]
                if len(seen) < cap:
                    seen.update(identities - {pivot})
        return {pivot: len(seen) for pivot, seen in neighbours.items()}

    def link(self, identifiers: Iterable[Identifier], findings: Sequence[Finding]) -> LinkResult:
        record_pivots: dict[str, set[str]] = defaultdict(set)
        for ident in identifiers:
            record_pivots[f"{ident.record_kind}:{ident.record_id}"].add(ident.pivot)
        degree = self._degrees(record_pivots)
        hubs = {
            p: n
            for p, n in degree.items()
            if n > self.max_pivot_degree and p not in self.ignored_pivots
        }
        blocked = self.ignored_pivots | hubs.keys()

        items: dict[str, set[str]] = {}
        for record, pivots in record_pivots.items():
            items[record] = {p for p in pivots if p not in blocked} | {f"record:{record}"}
        for index, finding in enumerate(findings):
            keys = {p for p in finding.pivots if p not in blocked}
            keys |= {f"record:{e.kind}:{e.record_id}" for e in finding.evidence}
            items[f"finding#{index}"] = keys

        groups = []
        for component in components_by_shared_keys(items):
            members = [
                findings[int(i.split("#")[1])] for i in component if i.startswith("finding#")
            ]
            if not members:
                continue
            records = tuple(sorted(i for i in component if not i.startswith("finding#")))
            evidence_records = {f"{e.kind}:{e.record_id}" for f in members for e in f.evidence}
            all_records = tuple(sorted(set(records) | evidence_records))
            shared = sorted({p for i in component for p in items[i] if not p.startswith("record:")})
            key = ",".join(all_records) or ",".join(sorted(f.finding_id for f in members))
            group_id = "G-" + hashlib.sha256(key.encode()).hexdigest()[:10]
            groups.append(
                Group(
                    group_id=group_id,
                    records=all_records,
                    pivots=tuple(shared),
                    findings=tuple(sorted(members, key=lambda f: f.indicator_id)),
                )
            )
        return LinkResult(groups=tuple(groups), hubs=hubs, pivot_count=len(degree))
