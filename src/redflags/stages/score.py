"""Stage 4, score: each group scored by the run's risk model, then cases, the youth review queue,
ranked alerts and the volume against the budget.

The SQL it needs lives here: `record_facts` (when and where of a case's records) and
`record_counts` (the basis of the rates and the budget)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from redflags.cases import build_cases
from redflags.cases.build import RecordFact
from redflags.cases.queues import build_alerts, build_youth_queue, volume
from redflags.engines import DuckDBEngine
from redflags.link import Group, LinkResult
from redflags.model import Case, RecordKind, Score
from redflags.model.cases import Alert, YouthItem
from redflags.model.records import KIND_TABLES
from redflags.score import model_for
from redflags.stages.context import ScanContext, Workspace
from redflags.store import Store


@dataclass(frozen=True)
class Rated:
    model: str  # the risk model's name
    scored: list[tuple[Group, Score]]  # every group with findings, with its score


@dataclass(frozen=True)
class Scored:
    model: str
    cases: list[Case]  # most urgent first
    youth_queue: list[YouthItem]  # forced youth review (Y-…)
    alerts: list[Alert]  # ranked moderation items (A-…), within_budget set
    volume: dict[str, Any]  # rates per 1,000 and the budget's lines


class ScoreStage:
    """`rate` scores the groups; `cases` turns the scored groups into the run's queues."""

    def __init__(self, context: ScanContext) -> None:
        self.context = context

    def rate(self, linked: LinkResult) -> Rated:
        model = model_for(self.context.options.model, self.context.catalogue)
        return Rated(model.name, [(group, model.score(group.findings)) for group in linked.groups])

    def cases(self, workspace: Workspace, rated: Rated) -> Scored:
        catalogue, queues = self.context.catalogue, self.context.options.queues
        scored = rated.scored
        wanted = {r for group, score in scored if score.is_case for r in group.records}
        cases = build_cases(scored, catalogue, record_facts(workspace.engine, wanted))
        youth_queue = build_youth_queue(scored, catalogue, cases)
        n_records, n_ads = record_counts(workspace.store)
        alerts = build_alerts(scored, catalogue, queues)
        volumes = volume(n_records, n_ads, len(cases), alerts, len(youth_queue), queues)
        line = volumes["budget"]["alert_line"]
        alerts = [a.model_copy(update={"within_budget": a.rank <= line}) for a in alerts]
        return Scored(rated.model, cases, youth_queue, alerts, volumes)


def record_facts(engine: DuckDBEngine, records: set[str]) -> dict[str, RecordFact]:
    """When and where of the given ads, transactions and device events (for cases' cities,
    timeline and removals)."""
    facts: dict[str, RecordFact] = {}
    for kind, table, id_field, ts, city, event in (
        ("ad", "ads", "ad_id", "posted_at", "city", "NULL"),
        ("transaction", "transactions", "txn_id", "ts", "city", "NULL"),
        ("device_event", "device_events", "event_id", "ts", "NULL", "event"),
    ):
        ids = sorted(r.split(":", 1)[1] for r in records if r.startswith(kind + ":"))
        if not ids:
            continue
        rows = engine.query(
            f"SELECT {id_field} AS id, {ts} AS ts, {city} AS city, {event} AS event "
            f"FROM {table} WHERE {id_field} IN (SELECT unnest(?::VARCHAR[]))",
            [ids],
        )
        for r in rows:
            facts[f"{kind}:{r['id']}"] = RecordFact(
                ts=r["ts"].isoformat() if r["ts"] is not None else None,
                city=r["city"],
                event=r["event"],
            )
    return facts


def record_counts(store: Store) -> tuple[int, int]:
    """(records, ads) in the store: the basis of the rates and the alert budget."""
    counts = {kind: store.count(kind) for kind in KIND_TABLES}
    return sum(counts.values()), counts[RecordKind.AD]
