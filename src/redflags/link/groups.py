"""Networks: one graph across all record kinds, cut into groups an analyst can review.

Nodes are records, findings and identifier pivots (phones, handles, e-mails, accounts, devices,
addresses, customers, image hashes and persona clusters where findings carry them, and any
extra pivot such as "person:<id>" from entity resolution). A record or finding is joined to
every pivot it carries; a finding is also joined to the records of its evidence.

Two kinds of pivot are never used to join: those on the address allow-list (shelters,
dormitories) and over-connected "hubs" (a hotel's Wi-Fi, a site's service number in every ad),
which would otherwise glue unrelated people together. A pivot's degree is the number of distinct
OTHER identities it ties together, not the number of records carrying it: a controller's phone on
sixty ads of one operation ties few identities and must stay; a device used by eighty customers
is a hub. A customer record counts as one identity.

**Payments** are edges between accounts, aggregated per ordered pair (count, amount, first,
last). They never make a payer a member: buyers paying a worker, or everyone paying a merchant,
must not join her network. `payment_mode="inside"` (the default, chosen by measurement, see
docs/evaluation.md) keeps payments as edges inside the networks that identities formed: they
feed roles (who receives sweeps, who pays once) and the drawing, never membership.
`"flagged"` also lets a pair join two components when BOTH accounts already sit in components
that hold findings (a worker's sweep to a flagged controller); an account with more than
`max_pivot_degree` such flagged counterparties is then cut like any hub (a processor, a
merchant). `"none"` drops payments.

**Communities.** A component with more than `max_component_records` records is split into its
Leiden communities (graspologic-native, modularity, fixed seed) so that no giant component
becomes one case; each community with findings is a group, and the group records the
modularity and parameters used.
"""

from __future__ import annotations

import hashlib
import math
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace

from redflags.graph import components_by_shared_keys, leiden_communities
from redflags.link.index import IdentifierIndex
from redflags.model import Finding, Identifier

PAYMENT_MODES = ("flagged", "inside", "none")


@dataclass(frozen=True)
class PaymentPair:
    """All payments from one account to another, aggregated."""

    payer: str
    payee: str
    count: int
    amount: float
    currency: str | None = None
    first: str | None = None
    last: str | None = None
    txn_ids: tuple[str, ...] = ()  # a sample
    merchant: bool = False  # paid to a named merchant (card purchase)


@dataclass(frozen=True)
class Group:
    group_id: str
    records: tuple[str, ...]  # "kind:id"
    pivots: tuple[str, ...]  # pivots that joined this group
    findings: tuple[Finding, ...]
    payments: tuple[PaymentPair, ...] = ()  # pairs with at least one account in the group
    identity_edges: tuple[tuple[str, str, int], ...] = ()  # pivot, pivot, records carrying both
    method: str = "components"  # or "leiden"
    component_records: int = 0
    community: int | None = None
    communities_in_component: int = 1
    modularity: float | None = None
    parameters: dict[str, float | int | str] = field(default_factory=dict)
    hubs_cut: tuple[str, ...] = ()
    component_id: str | None = None  # shared by the communities of one split component


@dataclass(frozen=True)
class LinkResult:
    groups: tuple[Group, ...]  # only groups that hold at least one finding
    hubs: dict[str, int] = field(default_factory=dict)  # cut pivot -> distinct identities
    pivot_count: int = 0  # distinct identifiers seen: the entities the scan knows about
    hub_reasons: dict[str, str] = field(default_factory=dict)  # cut pivot -> why
    payment_pairs: int = 0  # pairs touching accounts of components with findings
    payment_joins: int = 0  # pairs that joined two components
    split_components: int = 0  # components split by Leiden


class Linker:
    def __init__(
        self,
        max_pivot_degree: int = 50,
        ignored_pivots: Iterable[str] = (),
        *,  # the tuning knobs by name
        payment_mode: str = "inside",
        max_component_records: int = 400,
        leiden_resolution: float = 1.0,
        leiden_seed: int = 42,
        modifier_indicators: Iterable[str] = (),
    ) -> None:
        if payment_mode not in PAYMENT_MODES:
            raise ValueError(f"payment_mode must be one of {PAYMENT_MODES}")
        self.max_pivot_degree = max_pivot_degree
        self.ignored_pivots = set(ignored_pivots)
        self.payment_mode = payment_mode
        self.max_component_records = max_component_records
        self.leiden_resolution = leiden_resolution
        self.leiden_seed = leiden_seed
        # fairness-sensitive indicators: their findings are attached, never linked
        self.modifier_indicators = frozenset(modifier_indicators)

    def _degrees(self, record_pivots: dict[str, set[str]]) -> dict[str, int]:
        """Distinct other identities per pivot, counted up to just past the hub threshold (so
        a hub's number is `max_pivot_degree + 1`, as `IdentifierIndex.degrees_over` gives)."""
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
        return {pivot: min(len(seen), cap) for pivot, seen in neighbours.items()}

    def link(
        self,
        identifiers: Iterable[Identifier],
        findings: Sequence[Finding],
        payments: Iterable[PaymentPair] | Callable[[set[str]], Iterable[PaymentPair]] = (),
    ) -> LinkResult:
        """`payments`: payment pairs, or a function that returns the pairs touching a set of
        accounts (called once with the accounts of the components that hold findings, so that
        a store with ten million transactions hands over only the pairs that matter)."""
        record_pivots: dict[str, set[str]] = defaultdict(set)
        for ident in identifiers:
            record_pivots[f"{ident.record_kind}:{ident.record_id}"].add(ident.pivot)
        degree = self._degrees(record_pivots)
        hubs = {p: n for p, n in degree.items() if n > self.max_pivot_degree}
        linking, modifiers = self._split(findings)
        result = self._link(record_pivots, hubs, len(degree), linking, payments)
        return attach_modifiers(result, modifiers)

    def link_indexed(
        self,
        index: IdentifierIndex,
        findings: Sequence[Finding],
        payments: Iterable[PaymentPair] | Callable[[set[str]], Iterable[PaymentPair]] = (),
    ) -> LinkResult:
        """`link` over identifiers kept in DuckDB (`IdentifierIndex`): hubs are counted there
        and only the records reachable from the findings come into memory. Same result."""
        hubs = index.degrees_over(self.max_pivot_degree)
        blocked = self.ignored_pivots | hubs.keys()
        linking, modifiers = self._split(findings)
        record_pivots = index.reachable(linking, blocked)
        result = self._link(record_pivots, hubs, index.pivot_count(), linking, payments)
        return attach_modifiers(result, modifiers)

    def _split(self, findings: Sequence[Finding]) -> tuple[list[Finding], list[Finding]]:
        """(findings that link, modifier findings that are only attached afterwards)."""
        modifier = self.modifier_indicators
        return (
            [f for f in findings if f.indicator_id not in modifier],
            [f for f in findings if f.indicator_id in modifier],
        )

    def _link(
        self,
        record_pivots: dict[str, set[str]],
        degrees_over: dict[str, int],
        pivot_count: int,
        findings: Sequence[Finding],
        payments: Iterable[PaymentPair] | Callable[[set[str]], Iterable[PaymentPair]],
    ) -> LinkResult:
        hubs = {p: n for p, n in degrees_over.items() if p not in self.ignored_pivots}
        hub_reasons = {
            p: f"ties {n}+ distinct other identities (limit {self.max_pivot_degree})"
            for p, n in hubs.items()
        }
        blocked = self.ignored_pivots | hubs.keys()

        items: dict[str, set[str]] = {}
        for record, pivots in record_pivots.items():
            items[record] = {p for p in pivots if p not in blocked} | {f"record:{record}"}
        del record_pivots
        for index, finding in enumerate(findings):
            keys = {p for p in finding.pivots if p not in blocked}
            keys |= {f"record:{e.kind}:{e.record_id}" for e in finding.evidence}
            items[f"finding#{index}"] = keys

        components = components_by_shared_keys(items)
        flagged = {
            k.removeprefix("account:")
            for component in components
            if any(c.startswith("finding#") for c in component)
            for i in component
            for k in items[i]
            if k.startswith("account:")
        }
        pairs: list[PaymentPair] = []
        if self.payment_mode != "none":
            source = payments(flagged) if callable(payments) else payments
            pairs = [
                p
                for p in source
                if p.payer != p.payee and (p.payer in flagged or p.payee in flagged)
            ]
        joins: list[PaymentPair] = []
        if self.payment_mode == "flagged" and pairs:
            joins = self._payment_joins(flagged, pairs, hubs, hub_reasons)
            for n, pair in enumerate(joins):
                items[f"payment#{n}"] = {f"account:{pair.payer}", f"account:{pair.payee}"}
            if joins:
                components = components_by_shared_keys(items)

        by_account: dict[str, list[PaymentPair]] = defaultdict(list)
        for pair in pairs:
            by_account[pair.payer].append(pair)
            by_account[pair.payee].append(pair)

        groups: list[Group] = []
        split = 0
        for component in components:
            if not any(i.startswith("finding#") for i in component):
                continue
            n_records = sum(1 for i in component if not i.startswith(("finding#", "payment#")))
            if n_records > self.max_component_records:
                split += 1
                groups.extend(
                    self._communities(component, n_records, items, findings, by_account, blocked)
                )
            else:
                group = self._group(component, items, findings, by_account, blocked)
                groups.append(_with(group, component_records=n_records))
        return LinkResult(
            groups=tuple(groups),
            hubs=hubs,
            pivot_count=pivot_count,
            hub_reasons=hub_reasons,
            payment_pairs=len(pairs),
            payment_joins=len(joins),
            split_components=split,
        )

    def _payment_joins(
        self,
        flagged: set[str],
        pairs: list[PaymentPair],
        hubs: dict[str, int],
        hub_reasons: dict[str, str],
    ) -> list[PaymentPair]:
        """Pairs whose two accounts both sit in components holding findings; an account with
        more flagged counterparties than the hub limit is cut (a processor, a merchant)."""
        candidates = [
            p
            for p in pairs
            if p.payer in flagged
            and p.payee in flagged
            and not p.merchant
            and f"account:{p.payer}" not in hubs
            and f"account:{p.payee}" not in hubs
        ]
        counterparties: dict[str, set[str]] = defaultdict(set)
        for p in candidates:
            counterparties[p.payer].add(p.payee)
            counterparties[p.payee].add(p.payer)
        cut = {a for a, c in counterparties.items() if len(c) > self.max_pivot_degree}
        for a in cut:
            hubs[f"account:{a}"] = len(counterparties[a])
            hub_reasons[f"account:{a}"] = (
                f"pays or is paid by {len(counterparties[a])} flagged accounts "
                f"(limit {self.max_pivot_degree}): a processor or merchant"
            )
        return [p for p in candidates if p.payer not in cut and p.payee not in cut]

    def _group(
        self,
        component: Sequence[str],
        items: dict[str, set[str]],
        findings: Sequence[Finding],
        by_account: dict[str, list[PaymentPair]],
        blocked: set[str],
    ) -> Group:
        members = [findings[int(i.split("#")[1])] for i in component if i.startswith("finding#")]
        records = {i for i in component if not i.startswith(("finding#", "payment#"))}
        evidence_records = {f"{e.kind}:{e.record_id}" for f in members for e in f.evidence}
        all_records = tuple(sorted(records | evidence_records))
        shared = sorted(
            {
                p
                for i in component
                if not i.startswith("payment#")
                for p in items[i]
                if not p.startswith("record:")
            }
        )
        accounts = {p.removeprefix("account:") for p in shared if p.startswith("account:")}
        payments = {(p.payer, p.payee): p for a in accounts for p in by_account.get(a, ())}
        identity: Counter[tuple[str, str]] = Counter()
        for i in component:
            if i.startswith(("finding#", "payment#")):
                continue
            pivots = sorted(p for p in items[i] if not p.startswith("record:"))
            for a_index, a in enumerate(pivots):
                for b in pivots[a_index + 1 :]:
                    identity[(a, b)] += 1
        touched = sorted({f"{p}" for f in members for p in f.pivots if p in blocked})
        key = ",".join(all_records) or ",".join(sorted(f.finding_id for f in members))
        return Group(
            group_id="G-" + hashlib.sha256(key.encode()).hexdigest()[:10],
            records=all_records,
            pivots=tuple(shared),
            findings=tuple(sorted(members, key=lambda f: (f.indicator_id, f.finding_id))),
            payments=tuple(sorted(payments.values(), key=lambda p: (p.payer, p.payee))),
            identity_edges=tuple((a, b, n) for (a, b), n in sorted(identity.items())),
            hubs_cut=tuple(touched),
        )

    def _communities(
        self,
        component: Sequence[str],
        n_records: int,
        items: dict[str, set[str]],
        findings: Sequence[Finding],
        by_account: dict[str, list[PaymentPair]],
        blocked: set[str],
    ) -> list[Group]:
        """Leiden on the component's item-key graph; one group per community with findings."""
        edges: list[tuple[str, str, float]] = []
        for i in sorted(component):  # sorted: the same input gives the same communities
            keys = items[i]
            weight = 1.0 / math.log2(2 + len(keys))  # a record with many keys binds each less
            edges.extend((i, k, weight) for k in sorted(keys))
        modularity, partition = leiden_communities(
            edges, resolution=self.leiden_resolution, seed=self.leiden_seed
        )
        by_community: dict[int, list[str]] = defaultdict(list)
        for i in component:
            by_community[partition.get(i, -1)].append(i)
        parameters: dict[str, float | int | str] = {
            "algorithm": "leiden (graspologic-native), modularity",
            "resolution": self.leiden_resolution,
            "seed": self.leiden_seed,
            "randomness": 0.001,
            "edge_weight": "1/log2(2 + keys of the record or finding)",
        }
        records = sorted(i for i in component if not i.startswith("finding#"))
        component_id = "K-" + hashlib.sha256(",".join(records).encode()).hexdigest()[:10]
        groups = []
        for community, members in sorted(by_community.items()):
            if not any(i.startswith("finding#") for i in members):
                continue
            group = self._group(members, items, findings, by_account, blocked)
            groups.append(
                _with(
                    group,
                    method="leiden",
                    component_records=n_records,
                    community=community,
                    communities_in_component=len(by_community),
                    modularity=round(modularity, 4),
                    parameters=parameters,
                    component_id=component_id,
                )
            )
        return groups


def attach_modifiers(result: LinkResult, modifiers: Sequence[Finding]) -> LinkResult:
    """Modifier findings (fairness-sensitive: vulnerability, ethnicity marketing) join the groups
    that already hold one of their evidence records, and never link anything: a person's
    nationality or circumstances must not pull them, or anyone, into a network. A modifier
    whose records are in no group is left out (it could not change a score anyway)."""
    # record -> the modifiers with evidence in it, so each group looks up only its own records
    by_record: dict[str, set[int]] = {}
    for index, finding in enumerate(modifiers):
        for e in finding.evidence:
            by_record.setdefault(f"{e.kind}:{e.record_id}", set()).add(index)
    groups = []
    for group in result.groups:
        hit: set[int] = set()
        for record in set(group.records):
            hit |= by_record.get(record, set())
        extra = [modifiers[i] for i in sorted(hit)]  # in the modifiers' own order
        if extra:
            findings = sorted(
                [*group.findings, *extra], key=lambda f: (f.indicator_id, f.finding_id)
            )
            group = replace(group, findings=tuple(findings))
        groups.append(group)
    return replace(result, groups=tuple(groups))


def _with(group: Group, **changes: object) -> Group:
    return replace(group, **changes)  # type: ignore[arg-type]
