"""Turn scored groups into cases, most urgent first.

A case carries, besides score and findings: roles (link/roles.py), the indicators grouped by
CMM's four categories with the points each category contributed, cities over time (from ads and
transactions), network edges (identity and payment) for drawing, how the network was cut out of
the graph, and a timeline of events (findings' windows, first ad, first recruitment message,
payment bursts, removals).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from redflags.catalogue import Catalogue
from redflags.catalogue.schema import CATEGORY_TITLES, Category
from redflags.link import Group
from redflags.link.roles import infer_roles
from redflags.model import Case, Score, TimelineEntry
from redflags.model.cases import CategoryGroup, CityVisit, NetworkEdge, NetworkInfo

_PRIORITY_ORDER = {"high": 0, "review": 1, "none": 2}
_PREFIX_CATEGORY = {
    "BEH": Category.BEHAVIOURAL,
    "FIN": Category.FINANCIAL,
    "KYC": Category.KNOW_YOUR_CUSTOMER,
    "RCS": Category.RECRUITMENT_COERCION_SURVEILLANCE,
}
MAX_IDENTITY_EDGES = 2000
MAX_PAYMENT_EDGES = 500


@dataclass(frozen=True)
class RecordFact:
    """What the case builder needs of one record: when, where, and what happened."""

    ts: str | None = None
    city: str | None = None
    event: str | None = None  # device events: "login", "ad_removed" ...


def build_cases(
    scored: Iterable[tuple[Group, Score]],
    catalogue: Catalogue | None = None,
    record_facts: Mapping[str, RecordFact] | None = None,
) -> list[Case]:
    facts = record_facts or {}
    cases = [
        Case(
            case_id="C-" + group.group_id.removeprefix("G-"),
            group_id=group.group_id,
            score=score,
            findings=group.findings,
            records=group.records,
            pivots=group.pivots,
            timeline=_timeline(group, facts),
            roles=infer_roles(group),
            categories=_categories(group, score, catalogue),
            cities=_cities(group, facts),
            edges=_edges(group),
            network=NetworkInfo(
                method=group.method,
                component_size=group.component_records,
                community=group.community,
                communities_in_component=group.communities_in_component,
                modularity=group.modularity,
                parameters=dict(group.parameters),
                hubs_cut=group.hubs_cut,
                component_id=group.component_id,
            ),
        )
        for group, score in scored
        if score.is_case
    ]
    return sorted(
        _with_related(cases),
        key=lambda c: (_PRIORITY_ORDER[c.score.priority], -c.score.total, c.case_id),
    )


def _with_related(cases: list[Case]) -> list[Case]:
    """Cases cut from one large component by Leiden point at each other: an analyst should see
    that three cases may be one operation."""
    by_component: dict[str, list[str]] = defaultdict(list)
    for case in cases:
        if case.network and case.network.component_id:
            by_component[case.network.component_id].append(case.case_id)
    out = []
    for case in cases:
        network = case.network
        if network and network.component_id:
            related = tuple(
                c for c in sorted(by_component[network.component_id]) if c != case.case_id
            )
            if related:
                network = network.model_copy(update={"related_cases": related})
                case = case.model_copy(update={"network": network})
        out.append(case)
    return out


def _categories(
    group: Group, score: Score, catalogue: Catalogue | None
) -> tuple[CategoryGroup, ...]:
    points: dict[str, float] = defaultdict(float)
    for step in score.steps:
        points[step.code] += step.delta
    by_category: dict[Category, list[str]] = defaultdict(list)
    finding_ids: dict[Category, list[str]] = defaultdict(list)
    for f in group.findings:
        category = (
            catalogue.get(f.indicator_id).category
            if catalogue is not None
            else _PREFIX_CATEGORY[f.indicator_id.split("-", 1)[0]]
        )
        if f.indicator_id not in by_category[category]:
            by_category[category].append(f.indicator_id)
        finding_ids[category].append(f.finding_id)
    return tuple(
        CategoryGroup(
            category=category.value,
            title_en=CATEGORY_TITLES[category]["en"],
            title_da=CATEGORY_TITLES[category]["da"],
            indicator_ids=tuple(sorted(by_category[category])),
            finding_ids=tuple(finding_ids[category]),
            points=round(sum(points[i] for i in by_category[category]), 6),
        )
        for category in Category
        if by_category.get(category)
    )


def _cities(group: Group, facts: Mapping[str, RecordFact]) -> tuple[CityVisit, ...]:
    seen: dict[str, dict[str, object]] = {}
    for record in group.records:
        fact = facts.get(record)
        if fact is None or not fact.city or not fact.ts:
            continue
        kind = record.split(":", 1)[0]
        visit = seen.setdefault(
            fact.city, {"start": fact.ts, "end": fact.ts, "count": 0, "kinds": set(), "recs": []}
        )
        visit["start"] = min(str(visit["start"]), fact.ts)
        visit["end"] = max(str(visit["end"]), fact.ts)
        visit["count"] = int(str(visit["count"])) + 1
        visit["kinds"].add(kind)  # type: ignore[attr-defined]
        if len(visit["recs"]) < 5:  # type: ignore[arg-type]
            visit["recs"].append(record)  # type: ignore[attr-defined]
    visits = [
        CityVisit(
            city=city,
            start=str(v["start"]),
            end=str(v["end"]),
            count=int(str(v["count"])),
            source_kinds=tuple(sorted(v["kinds"])),  # type: ignore[call-overload]
            records=tuple(v["recs"]),  # type: ignore[arg-type]
        )
        for city, v in seen.items()
    ]
    return tuple(sorted(visits, key=lambda v: (v.start or "", v.city)))


def _edges(group: Group) -> tuple[NetworkEdge, ...]:
    identity = sorted(group.identity_edges, key=lambda e: (-e[2], e[0], e[1]))[:MAX_IDENTITY_EDGES]
    members = set(group.pivots)
    inside = [
        p
        for p in group.payments
        if f"account:{p.payer}" in members and f"account:{p.payee}" in members
    ]
    inside = sorted(inside, key=lambda p: (-p.amount, p.payer, p.payee))[:MAX_PAYMENT_EDGES]
    edges = [NetworkEdge(source=a, target=b, kind="identity", count=n) for a, b, n in identity]
    edges += [
        NetworkEdge(
            source=f"account:{p.payer}",
            target=f"account:{p.payee}",
            kind="payment",
            count=p.count,
            amount=p.amount,
            currency=p.currency,
            first=p.first,
            last=p.last,
            records=tuple(f"transaction:{t}" for t in p.txn_ids),
        )
        for p in inside
    ]
    return tuple(edges)


def _timeline(group: Group, facts: Mapping[str, RecordFact]) -> tuple[TimelineEntry, ...]:
    entries = [
        TimelineEntry(
            start=f.window_start,
            end=f.window_end,
            indicator_id=f.indicator_id,
            summary_en=f.summary_en,
            summary_da=f.summary_da,
            records=tuple(f"{e.kind}:{e.record_id}" for e in f.evidence[:5]),
        )
        for f in group.findings
    ]
    ads = sorted(
        (facts[r].ts or "", r) for r in group.records if r.startswith("ad:") and r in facts
    )
    if ads and ads[0][0]:
        entries.append(
            TimelineEntry(
                start=ads[0][0],
                end=ads[-1][0],
                event="first_ad",
                summary_en=f"First of {len(ads)} ads in the network; last on {ads[-1][0][:10]}.",
                summary_da=f"Første af {len(ads)} annoncer i netværket; sidste {ads[-1][0][:10]}.",
                records=(ads[0][1],),
            )
        )
    recruitment = sorted(
        (f.window_start or "", f)
        for f in group.findings
        if f.indicator_id.startswith("RCS-REC-")
        and any(e.kind == "message" for e in f.evidence)
        and f.window_start
    )
    if recruitment:
        when, first = recruitment[0]
        entries.append(
            TimelineEntry(
                start=when,
                end=None,
                event="first_recruitment",
                indicator_id=first.indicator_id,
                summary_en="First recruitment message.",
                summary_da="Første rekrutteringsbesked.",
                records=tuple(f"{e.kind}:{e.record_id}" for e in first.evidence[:3]),
            )
        )
    removals = sorted(
        (facts[r].ts or "", r)
        for r in group.records
        if r in facts and (facts[r].event or "").startswith(("ad_removed", "delete", "remove"))
    )
    if removals:
        entries.append(
            TimelineEntry(
                start=removals[0][0],
                end=removals[-1][0],
                event="removal",
                summary_en=f"{len(removals)} removals (ads or content deleted).",
                summary_da=f"{len(removals)} sletninger (annoncer eller indhold).",
                records=tuple(r for _, r in removals[:5]),
            )
        )
    members = set(group.pivots)
    for p in group.payments:
        if p.count >= 3 and f"account:{p.payer}" in members and f"account:{p.payee}" in members:
            entries.append(
                TimelineEntry(
                    start=p.first,
                    end=p.last,
                    event="payment_burst",
                    summary_en=(
                        f"{p.count} payments, {p.amount:,.0f} {p.currency or ''} "
                        "between two accounts of the network."
                    ),
                    summary_da=(
                        f"{p.count} betalinger, {p.amount:,.0f} {p.currency or ''} "
                        "mellem to af netværkets konti."
                    ),
                    records=tuple(f"transaction:{t}" for t in p.txn_ids[:5]),
                    entity=f"account:{p.payee}",
                )
            )
    return tuple(sorted(entries, key=lambda e: (e.start or "", e.event, e.indicator_id)))
