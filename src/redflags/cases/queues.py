"""The youth queue and the alerts: what a scan hands a moderator besides its cases.

- **Youth queue** (`Y-…`): every group whose youth evidence forces review (risk-v1's youth
  decision: strong evidence of a minor, or weak cues with an indicator of control). Its own small
  queue with the reasons; never dropped by a score and never silently among the cases (an item
  names its case when the same group is one).
- **Alerts** (`A-…`): groups that are neither a case nor a youth item but whose score without
  fairness-sensitive modifiers reaches `alert_min_score`, or that hold an anchor (an act or means
  of trafficking, e.g. one coercion message). Ranked by score. With the default line of 4 no
  single indicator raises an alert alone (one finding adds at most its weight, 3), so an
  everyday word of lawful ads ("100% real", "young") never does.
- **Budget**: cases on at most `max_case_share` and alerts on at most `max_alert_share` of the
  scan's ads (ads-only scans) or records (other scans). Alerts past the line keep their rank and
  stay in the JSON with `within_budget: false`; the report shows the top ones and the count below.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from redflags.catalogue import Catalogue
from redflags.link import Group
from redflags.model import Case, Score
from redflags.model.cases import Alert, YouthItem
from redflags.score import MODELS, RiskV1


@dataclass(frozen=True)
class QueueSettings:
    alert_min_score: float = 4.0
    max_case_share: float = 0.01  # cases per ad (ads-only) or per record
    max_alert_share: float = 0.05


def _suffix(group: Group) -> str:
    return group.group_id.removeprefix("G-")


def _reasons(score: Score, lang: str) -> tuple[str, ...]:
    return tuple((s.detail_da if lang == "da" else s.detail_en) for s in score.steps if s.delta > 0)


def build_youth_queue(
    scored: Iterable[tuple[Group, Score]], catalogue: Catalogue, cases: Sequence[Case] = ()
) -> list[YouthItem]:
    case_of = {c.group_id: c.case_id for c in cases}
    items = []
    for group, score in scored:
        if not score.forced_review:
            continue
        # the model that scored the group: risk-v2 names an event's indicators of control once
        decision = MODELS.get(score.model, RiskV1)(catalogue).youth(group.findings)
        if decision is None or not decision.forced:
            continue
        human = [f for f in group.findings if catalogue.get(f.indicator_id).requires_human]
        hours = [
            int(f.facts["review_within_hours"]) for f in human if "review_within_hours" in f.facts
        ]
        lead_en, lead_da = _youth_lead(decision.strength, decision.control_indicators)
        items.append(
            YouthItem(
                item_id="Y-" + _suffix(group),
                group_id=group.group_id,
                strength=decision.strength,
                strong_cues=decision.strong_cues,
                weak_cues=decision.weak_cues,
                control_indicators=decision.control_indicators,
                reasons_en=(lead_en, *_reasons(score, "en")),
                reasons_da=(lead_da, *_reasons(score, "da")),
                review_within_hours=min(hours) if hours else None,
                case_id=case_of.get(group.group_id),
                score=score,
                findings=group.findings,
                records=group.records,
                pivots=group.pivots,
            )
        )
    # strong evidence first, then the score
    return sorted(items, key=lambda i: (i.strength != "strong", -i.score.total, i.item_id))


def _youth_lead(strength: str, control: Sequence[str]) -> tuple[str, str]:
    if strength == "strong":
        return (
            "Strong evidence of a minor (a stated age under 18, explicit under-age wording or a "
            "school reference): review whatever the score.",
            "Stærkt tegn på en mindreårig (oplyst alder under 18, udtrykkelig mindreårig-"
            "formulering eller en skolehenvisning): vurderes uanset score.",
        )
    names = ", ".join(control)
    return (
        f"Weak youth cues together with an indicator of control ({names}).",
        f"Svage ungdomssignaler sammen med en indikator for kontrol ({names}).",
    )


def build_alerts(
    scored: Iterable[tuple[Group, Score]],
    catalogue: Catalogue,
    settings: QueueSettings | None = None,
    budget: int | None = None,
) -> list[Alert]:
    """Alerts ranked by score; the first `budget` are within the budget (all when None)."""
    settings = settings or QueueSettings()
    fairness = {i.id for i in catalogue if i.fairness_sensitive}
    chosen: list[tuple[Group, Score, float]] = []
    for group, score in scored:
        if score.is_case or score.forced_review:
            continue
        base = sum(s.delta for s in score.steps if s.code not in fairness)
        # an anchor on strong evidence: one weak "urgent" in a job ad is not worth a look alone
        if base >= settings.alert_min_score or score.anchors:
            chosen.append((group, score, base))
    chosen.sort(key=lambda t: (-t[1].total, -t[2], t[0].group_id))
    return [
        Alert(
            alert_id="A-" + _suffix(group),
            group_id=group.group_id,
            rank=rank,
            score=score,
            base_score=round(base, 6),
            within_budget=budget is None or rank <= budget,
            reasons_en=_reasons(score, "en"),
            reasons_da=_reasons(score, "da"),
            findings=group.findings,
            records=group.records,
            pivots=group.pivots,
        )
        for rank, (group, score, base) in enumerate(chosen, start=1)
    ]


def budget_line(share: float, basis: int) -> int:
    """How many items a budget allows on `basis` ads or records (at least 1 on any input)."""
    return max(1, math.floor(share * basis)) if basis > 0 else 0


def volume(
    records: int,
    ads: int,
    cases: int,
    alerts: Sequence[Alert],
    youth: int,
    settings: QueueSettings | None = None,
) -> dict[str, Any]:
    """Alert and case rates per 1,000 records (and ads), and where the budget's lines fall."""
    settings = settings or QueueSettings()
    ads_only = records > 0 and ads == records
    basis = ads if ads_only else records
    case_line = budget_line(settings.max_case_share, basis)
    alert_line = budget_line(settings.max_alert_share, basis)

    def per_1k(n: int, of: int) -> float | None:
        return round(n * 1000 / of, 3) if of else None

    return {
        "records": records,
        "ads": ads,
        "ads_only": ads_only,
        "cases": cases,
        "alerts": len(alerts),
        "youth_queue": youth,
        "cases_per_1k_records": per_1k(cases, records),
        "alerts_per_1k_records": per_1k(len(alerts), records),
        "youth_per_1k_records": per_1k(youth, records),
        "cases_per_1k_ads": per_1k(cases, ads) if ads_only else None,
        "alerts_per_1k_ads": per_1k(len(alerts), ads) if ads_only else None,
        "budget": {
            "basis": "ads" if ads_only else "records",
            "max_case_share": settings.max_case_share,
            "max_alert_share": settings.max_alert_share,
            "case_line": case_line,
            "alert_line": alert_line,
            "cases_within": cases <= case_line,
            "alerts_within": len(alerts) <= alert_line,
            "alerts_below_line": max(0, len(alerts) - alert_line),
            "alert_min_score": settings.alert_min_score,
        },
    }
