"""Recall and false alarms of the text indicators on a blind paraphrase set (issue #13, item 3).

The sets in tests/blind/paraphrases/ were written by people who saw only the indicators'
descriptions, never the lexicons or the detectors: texts that show an indicator in words its
authors did not think of (`expect: fire`), and lawful near-misses (`expect: no_fire`). Each text
is one ad or message of its own (its own sender and thread), and the indicator's detector runs
on all of one indicator's texts at once. The set tests wording, not repetition: parameters that
count repeats per sender or per day are set to one (`SINGLE_TEXT`).

A text counts as fired when a finding covers it, strong or weak; the weak ones are counted too,
on both sides: `precision` counts every finding on a lawful text as a false alarm,
`strong_precision` only the strong ones (a weak finding never raises anything alone).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from redflags.catalogue import Catalogue, Indicator
from redflags.detectors import detector_for
from redflags.engines.duckdb_engine import DuckDBEngine
from redflags.ingest import ingest_records
from redflags.model.records import RecordKind
from redflags.store import Store

# Thresholds on how often something is said, set so that one text can fire (wording only).
SINGLE_TEXT: dict[str, dict[str, Any]] = {
    "RCS-SURV-CHECKINS": {"min_photo_proof_requests": 1, "min_messages_per_day": 1},
    "RCS-SURV-EVIDENCE-WIPE": {"min_per_sender": 1},
}
_AT = "2026-06-01T10:00:00Z"


@dataclass
class SetResult:
    indicator: str
    fire: int = 0
    no_fire: int = 0
    hits: int = 0  # fire texts that fired
    weak_hits: int = 0  # of them, fired only weakly
    false_alarms: int = 0  # no_fire texts that fired
    weak_alarms: int = 0  # of them, fired only weakly (a weak cue raises nothing alone)
    languages: set[str] = field(default_factory=set)
    missed: list[str] = field(default_factory=list)  # ids
    alarmed: list[str] = field(default_factory=list)  # ids
    strong_alarmed: list[str] = field(default_factory=list)  # ids of the strong ones

    @property
    def recall(self) -> float | None:
        return round(self.hits / self.fire, 4) if self.fire else None

    @property
    def precision(self) -> float | None:
        fired = self.hits + self.false_alarms
        return round(self.hits / fired, 4) if fired else None

    @property
    def strong_alarms(self) -> int:
        return self.false_alarms - self.weak_alarms

    @property
    def strong_precision(self) -> float | None:
        """Precision when only strong findings count as alarms on lawful texts (a weak finding
        adds nothing to a score alone, docs/scoring.md); every finding still counts as a hit."""
        fired = self.hits + self.strong_alarms
        return round(self.hits / fired, 4) if fired else None


def load_sets(root: Path) -> Iterator[dict[str, Any]]:
    for path in sorted(root.rglob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        if isinstance(data, dict) and "indicator" in data:
            yield data


def _record(kind: str, n: int, item: dict[str, Any]) -> dict[str, Any]:
    """One text as a record of its kind: an ad's body, a message, a field note, a KYC note."""
    text, item_id = item["text"], item["id"]
    if kind == "message":
        return {
            "message_id": item_id,
            "thread_id": f"t{n}",
            "sender": f"sender-{n}",
            "recipient": f"recipient-{n}",
            "sent_at": _AT,
            "text": text,
        }
    if kind == "observation":
        return {"observation_id": item_id, "observed_at": _AT, "text": text}
    if kind == "kyc_event":
        return {
            "event_id": item_id,
            "customer_id": f"customer-{n}",
            "ts": _AT,
            "event": "note",
            "note": text,
        }
    return {"ad_id": item_id, "posted_at": _AT, "body": text}


def _records(items: Iterable[dict[str, Any]], default_kind: str) -> dict[str, list[dict[str, Any]]]:
    """The set's texts as records, by kind (an item's own `record_kind` over the set's)."""
    records: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for n, item in enumerate(items):
        kind = str(item.get("record_kind") or default_kind)
        records[kind].append(_record(kind, n, item))
    return records


def _single_text(indicator: Indicator) -> Indicator:
    extra = SINGLE_TEXT.get(indicator.id)
    if not extra:
        return indicator
    params = {**indicator.detector.params, **extra}
    return indicator.model_copy(
        update={"detector": indicator.detector.model_copy(update={"params": params})}
    )


def strengths(data: dict[str, Any], catalogue: Catalogue) -> dict[str, str]:
    """Item id -> "strong" or "weak" for every text of a set the indicator's detector fires on
    (a text fired strongly by one finding and weakly by another is strong)."""
    indicator = _single_text(catalogue.get(str(data["indicator"])))
    detector = detector_for(indicator)
    if detector is None:
        raise ValueError(f"{indicator.id} has no detector")
    fired: dict[str, bool] = {}  # record id -> strong
    with Store.open(None) as store:
        for kind, rows in _records(data["items"], str(data.get("record_kind") or "ad")).items():
            if rows:
                ingest_records(store, RecordKind(kind), rows, source="paraphrases")
        for finding in detector.evaluate(DuckDBEngine(store.connection)):
            strong = finding.facts.get("cue_strength") != "weak"
            for evidence in finding.evidence:
                fired[evidence.record_id] = fired.get(evidence.record_id, False) or strong
    return {record: "strong" if strong else "weak" for record, strong in fired.items()}


def measure(data: dict[str, Any], catalogue: Catalogue) -> SetResult:
    result = SetResult(str(data["indicator"]))
    items = list(data["items"])
    fired = {k: v == "strong" for k, v in strengths(data, catalogue).items()}
    for item in items:
        item_id = str(item["id"])
        if item["expect"] == "fire":
            result.fire += 1
            result.languages.add(str(item["lang"]))
            if item_id in fired:
                result.hits += 1
                result.weak_hits += not fired[item_id]
            else:
                result.missed.append(item_id)
        else:
            result.no_fire += 1
            if item_id in fired:
                result.false_alarms += 1
                result.weak_alarms += not fired[item_id]
                result.alarmed.append(item_id)
                if fired[item_id]:
                    result.strong_alarmed.append(item_id)
    return result
