"""The shape of every aggregate (financial, KYC, device) indicator: one SQL definition, any engine.

A definition is DuckDB-dialect SQL with `$name` placeholders for the catalogue's parameters and
the run's settings. It reads the shared tables of `features.py` and returns one row per
qualifying window with these columns:

- `subject`: the account (or customer, device ...) the finding is about;
- `window_start`, `window_end`: the period the rule looked at;
- `evidence`: the ids of the records behind it (a list);
- `rank` (optional): which of a subject's windows explains it best;
- every name in `facts`: the aggregates that crossed thresholds, shown to the analyst.

The detector merges a subject's qualifying windows into one finding, looks up the evidence
values in one batch and writes the explanation from the facts. Nothing engine-specific lives
here, which is what lets the parity test run each definition on DuckDB and on Spark.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Mapping, Sequence
from datetime import datetime
from typing import Any, ClassVar

from redflags.detectors.base import Detector
from redflags.detectors.features import ensure_features
from redflags.detectors.plurals import summary_format
from redflags.engines import Engine
from redflags.model import Evidence, Finding

EVIDENCE_LIMIT = 2000  # records listed per finding; the facts still count all of them
LOOKUP_CHUNK = 5000

# How each evidence kind is looked up: table, id column, the field shown and its SQL.
_EVIDENCE_LOOKUP: dict[str, tuple[str, str, str, str]] = {
    "transaction": ("transactions", "txn_id", "amount", "CAST(round(amount, 2) AS VARCHAR)"),
    "customer": ("customers", "customer_id", "customer_id", "customer_id"),
    "device_event": ("device_events", "event_id", "device_id", "coalesce(device_id, ip)"),
    "message": ("messages", "message_id", "platform", "platform"),
    "company": ("companies", "entry_id", "cvr", "cvr"),
    "kyc_event": ("kyc_events", "event_id", "event", "event"),
}

_LOOKUP_SQL = """
SELECT {id_column} AS id, {value_sql} AS value FROM {table}
WHERE list_contains($ids, {id_column})
"""


def _fact(value: Any) -> Any:
    """Facts as JSON-friendly, engine-independent values: floats to 3 decimals, dates as text."""
    if isinstance(value, float):
        return round(value, 3)
    if isinstance(value, datetime):
        return value.isoformat()
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return sorted(_fact(v) for v in value)
    return value


class AggregateDetector(Detector):
    definition: ClassVar[str]
    facts: ClassVar[tuple[str, ...]]
    summary_en: ClassVar[str]  # str.format templates over the facts, `days` and `p` (params)
    summary_da: ClassVar[str]
    subject_kind: ClassVar[str] = "account"
    evidence_kind: ClassVar[str] = "transaction"
    pivot_kind: ClassVar[str | None] = "account"  # the subject as a linking pivot, if it is one

    def sql_params(self, run_settings: Mapping[str, Any]) -> dict[str, Any]:
        """Catalogue parameters and run settings, plus anything a subclass derives."""
        return {**self.p.model_dump(), **run_settings}

    def strength(self, facts: Mapping[str, Any]) -> float:
        return 1.0

    def definition_sql(self) -> str:
        """The definition to render; a subclass fills slots a parameter cannot (an inline
        table, a list of alternatives) here."""
        return self.definition

    def feature_tables(self, engine: Engine) -> dict[str, Any]:
        """Build (once per engine) the shared tables the definition reads and return the run
        settings; a detector that reads more tables (KYC, the register, the case log) names
        their builder here."""
        return ensure_features(engine, self.options)

    def describe(self, facts: Mapping[str, Any], days: int | None) -> tuple[str, str]:
        """The summary in English and Danish: the templates over the facts, `days` and the
        indicator's parameters as `p` ("within {p.window_days} days")."""
        values = {"days": days, "p": self.p, **facts}
        return summary_format(self.summary_en, **values), summary_format(self.summary_da, **values)

    def rows(self, engine: Engine) -> list[dict[str, Any]]:
        """The qualifying windows, as the definition returns them."""
        run_settings = self.feature_tables(engine)
        return engine.sql(self.definition_sql(), self.sql_params(run_settings))

    def evaluate(self, engine: Engine) -> Iterator[Finding]:
        by_subject: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for row in self.rows(engine):
            by_subject[str(row["subject"])].append(row)
        evidence_ids = {
            subject: sorted({str(i) for row in rows for i in row["evidence"] or ()})[
                :EVIDENCE_LIMIT
            ]
            for subject, rows in by_subject.items()
        }
        values = self._evidence_values(engine, [i for ids in evidence_ids.values() for i in ids])
        for subject in sorted(by_subject):
            yield self._finding(subject, by_subject[subject], evidence_ids[subject], values)

    def _evidence_values(self, engine: Engine, ids: Sequence[str]) -> dict[str, str]:
        table, id_column, _, value_sql = _EVIDENCE_LOOKUP[self.evidence_kind]
        sql = _LOOKUP_SQL.format(id_column=id_column, value_sql=value_sql, table=table)
        wanted = sorted(set(ids))
        values: dict[str, str] = {}
        for at in range(0, len(wanted), LOOKUP_CHUNK):  # the ids travel as a literal list
            chunk = {"ids": wanted[at : at + LOOKUP_CHUNK]}
            values.update({str(r["id"]): str(r["value"]) for r in engine.sql(sql, chunk)})
        return values

    def _finding(
        self,
        subject: str,
        windows: list[dict[str, Any]],
        evidence_ids: list[str],
        values: Mapping[str, str],
    ) -> Finding:
        best = max(windows, key=lambda w: (w.get("rank") or 0, str(w["window_start"])))
        start = min(w["window_start"] for w in windows)
        end = max(w["window_end"] for w in windows)
        facts = {name: _fact(best[name]) for name in self.facts}
        facts["qualifying_windows"] = len(windows)
        days = (end - start).days + 1 if hasattr(start, "year") else None
        field = _EVIDENCE_LOOKUP[self.evidence_kind][2]
        summary_en, summary_da = self.describe(facts, days)
        return self.finding(
            subject_kind=self.subject_kind,
            subject=subject,
            window_start=_fact(start),
            window_end=_fact(end),
            strength=max(0.01, min(1.0, self.strength(facts))),
            facts=facts,
            summary_en=summary_en,
            summary_da=summary_da,
            evidence=tuple(
                Evidence(kind=self.evidence_kind, record_id=i, field=field, value=values.get(i))
                for i in evidence_ids
            ),
            pivots=(f"{self.pivot_kind}:{subject}",) if self.pivot_kind else (),
        )
