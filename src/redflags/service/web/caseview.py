"""One case as its page shows it, read off the API's redacted answer (`case_json`): the why in
three lines, CMM's Case 1 signature as a checklist, score steps, indicators by CMM category
(three findings each, the rest counted), roles summarised by kind, timeline, cities over time.
Words come later, in the template (in the reader's language); this module only orders and
counts."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

from redflags.catalogue import Catalogue
from redflags.catalogue.schema import CATEGORY_TITLES, Category
from redflags.score.risk_v1 import CASE1_SIGNATURE
from redflags.service.web.i18n import parse_moment

FINDINGS_SHOWN = 3  # per indicator; the rest are counted (all are in the JSON export)
WHY_STEPS = 3  # the strongest score steps the why names
ROLE_ORDER = ("organiser", "recruiter", "worker", "buyer")
TIMELINE_SHOWN = 40  # rows shown open; the rest behind a <details>


@dataclass(frozen=True)
class SignatureElement:
    name: str  # CASE1_SIGNATURE's element name (labels.SIGNATURE words it)
    indicators: tuple[str, ...]  # every indicator that shows it
    present: tuple[str, ...]  # those of this case


@dataclass
class IndicatorBlock:
    id: str
    points: float
    weight: float
    # the first FINDINGS_SHOWN: {data: the finding, records: where its evidence is}
    findings: list[dict[str, Any]] = field(default_factory=list)
    count: int = 0
    indexes: list[int] = field(default_factory=list)  # positions in the case's findings

    @property
    def more(self) -> int:
        return max(0, self.count - len(self.findings))


@dataclass
class CategoryBlock:
    category: str
    titles: dict[str, str]
    points: float
    indicators: list[IndicatorBlock]


@dataclass(frozen=True)
class RoleGroup:
    role: str
    members: list[dict[str, Any]]
    reasons: list[tuple[str, str, int]]  # (English, Danish, how many members give it)
    records: int  # records behind the group


@dataclass(frozen=True)
class CityRow:
    city: str
    start: Any
    end: Any
    count: int
    kinds: list[str]
    x: float  # where its bar starts and how wide it is, in 0..100 of the case's period
    width: float


@dataclass(frozen=True)
class CasePage:
    data: dict[str, Any]  # the API's answer
    signature: list[SignatureElement]
    steps: list[dict[str, Any]]
    top_steps: list[dict[str, Any]]
    anchors: list[str]
    categories: list[CategoryBlock]
    roles: list[RoleGroup]
    timeline_dated: list[dict[str, Any]]
    timeline_undated: list[dict[str, Any]]
    cities: list[CityRow]
    kinds: list[tuple[str, int]]  # record kinds and how many records of each
    reveal_tokens: list[tuple[str, str]]  # (kind, token) a reveal may name
    pending: dict[str, Any] | None

    @property
    def signature_count(self) -> int:
        return sum(1 for element in self.signature if element.present)


def signature_of(indicators: set[str]) -> list[SignatureElement]:
    return [
        SignatureElement(name, tuple(sorted(ids)), tuple(sorted(ids & indicators)))
        for name, ids in CASE1_SIGNATURE
    ]


def _points_by_code(steps: list[dict[str, Any]]) -> dict[str, float]:
    points: dict[str, float] = defaultdict(float)
    for step in steps:
        points[step["code"]] += float(step.get("delta") or 0)
    return points


def evidence_records(finding: dict[str, Any], most: int = 2) -> list[str]:
    """The first records a finding's evidence points into ("ad:AD1"), each once."""
    refs: list[str] = []
    for evidence in finding.get("evidence") or ():
        ref = f"{evidence.get('kind')}:{evidence.get('record_id')}"
        if ref not in refs:
            refs.append(ref)
    return refs[:most]


def indicator_blocks(data: dict[str, Any], catalogue: Catalogue) -> list[CategoryBlock]:
    """Findings grouped by CMM category, then indicator (strongest first)."""
    points = _points_by_code(data["scoring"].get("steps") or [])
    blocks: dict[str, IndicatorBlock] = {}
    for index, finding in enumerate(data.get("findings") or ()):
        indicator_id = finding["indicator_id"]
        block = blocks.get(indicator_id)
        if block is None:
            weight = (
                catalogue.get(indicator_id).weight if indicator_id in catalogue.indicators else 0.0
            )
            block = blocks[indicator_id] = IndicatorBlock(
                indicator_id, points.get(indicator_id, 0.0), weight
            )
        block.count += 1
        if len(block.findings) < FINDINGS_SHOWN:
            block.findings.append({"data": finding, "records": evidence_records(finding)})
            block.indexes.append(index)
    by_category: dict[Category, list[IndicatorBlock]] = defaultdict(list)
    for block in blocks.values():
        if block.id in catalogue.indicators:
            by_category[catalogue.get(block.id).category].append(block)
    return [
        CategoryBlock(
            category.value,
            CATEGORY_TITLES[category],
            sum(b.points for b in by_category[category]),
            sorted(
                by_category[category],
                key=lambda b: (_modifier(b.id, catalogue), -b.points, b.id),
            ),
        )
        for category in Category
        if by_category.get(category)
    ]


def role_groups(roles: list[dict[str, Any]]) -> list[RoleGroup]:
    """Roles by kind, each kind in a line: how many, and the reasons most of them share."""
    grouped: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for role in roles:
        grouped[role.get("role") or ""].append(role)
    groups = []
    for name in sorted(grouped, key=lambda r: (ROLE_ORDER.index(r) if r in ROLE_ORDER else 9, r)):
        members = grouped[name]
        reasons: Counter[tuple[str, str]] = Counter()
        for member in members:
            pairs = zip(
                member.get("reasons_en") or (), member.get("reasons_da") or (), strict=False
            )
            reasons.update(set(pairs))
        records = {r for member in members for r in member.get("records") or ()}
        groups.append(
            RoleGroup(
                name,
                members,
                [(en, da, count) for (en, da), count in reasons.most_common(3)],
                len(records),
            )
        )
    return groups


def city_rows(cities: list[dict[str, Any]]) -> list[CityRow]:
    """Cities in the order the network reached them, with bars on the case's time axis."""
    moments = [
        m
        for c in cities
        for m in (parse_moment(c.get("start")), parse_moment(c.get("end")))
        if m is not None
    ]
    low = min(moments) if moments else None
    span = (max(moments) - low).total_seconds() if low is not None else 0.0
    rows = []
    for city in sorted(cities, key=lambda c: (c.get("start") is None, c.get("start") or "")):
        start, end = parse_moment(city.get("start")), parse_moment(city.get("end"))
        x = width = 0.0
        if low is not None and start is not None and span > 0:
            x = (start - low).total_seconds() / span * 100
            width = max(1.0, ((end or start) - start).total_seconds() / span * 100)
        elif start is not None:
            width = 100.0
        rows.append(
            CityRow(
                str(city.get("city") or ""),
                city.get("start"),
                city.get("end"),
                int(city.get("count") or 0),
                list(city.get("source_kinds") or ()),
                round(min(x, 99.0), 2),
                round(min(width, 100.0 - min(x, 99.0)), 2),
            )
        )
    return rows


def reveal_tokens(data: dict[str, Any]) -> list[tuple[str, str]]:
    """The case's redacted identifiers a reveal may name, by kind then token."""
    tokens = set()
    for pivot in data.get("pivots") or ():
        kind, _, token = pivot.partition(":")
        if "#" in token:
            tokens.add((kind, token))
    for node in (data.get("network") or {}).get("nodes") or ():
        kind, _, token = str(node.get("id", "")).partition(":")
        if "#" in token:
            tokens.add((kind, token))
    return sorted(tokens)


def case_page(data: dict[str, Any], catalogue: Catalogue) -> CasePage:
    scoring = data.get("scoring") or {}
    steps = list(scoring.get("steps") or ())
    # what weighs most on its own: multipliers of fairness-sensitive indicators are left out
    positive = sorted(
        (
            s
            for s in steps
            if float(s.get("delta") or 0) > 0 and not _modifier(s["code"], catalogue)
        ),
        key=_strongest,
    )
    timeline = list(data.get("timeline") or ())
    kinds = Counter(str(r).partition(":")[0] for r in data.get("records") or ())
    pending = next((d for d in data.get("decisions") or () if d.get("state") == "pending"), None)
    return CasePage(
        data=data,
        signature=signature_of(set(data.get("indicators") or ())),
        steps=steps,
        top_steps=positive[:WHY_STEPS],
        anchors=list(scoring.get("anchors") or ()),
        categories=indicator_blocks(data, catalogue),
        roles=role_groups(list(data.get("roles") or ())),
        timeline_dated=[t for t in timeline if t.get("start")],
        timeline_undated=[t for t in timeline if not t.get("start")],
        cities=city_rows(list(data.get("cities") or ())),
        kinds=sorted(kinds.items(), key=lambda kv: (-kv[1], kv[0])),
        reveal_tokens=reveal_tokens(data),
        pending=pending,
    )


def _modifier(code: str, catalogue: Catalogue) -> bool:
    found = catalogue.indicators.get(code)
    return found is not None and found.fairness_sensitive


def _strongest(step: dict[str, Any]) -> tuple[float, str]:
    return (-float(step.get("delta") or 0), str(step.get("code")))
