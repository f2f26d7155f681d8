"""findings.jsonl and cases.json: the machine-readable results of a run."""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from redflags.model import Case, Finding
from redflags.model.cases import Alert, YouthItem
from redflags.report.context import ReportContext
from redflags.report.redact import (
    Redactor,
    Scrubber,
    case_personal_pairs,
    finding_personal_pairs,
    finite,
)


def dumps(value: Any, notes: list[str] | None = None, **options: Any) -> str:
    """JSON that every reader accepts: NaN and infinity become null (noted in `notes`), and
    `allow_nan=False` makes any that slipped through an error rather than invalid JSON."""
    try:  # most values hold no NaN or infinity: written as they are, without a copy first
        return json.dumps(value, ensure_ascii=False, allow_nan=False, **options)
    except (ValueError, TypeError):  # a non-finite number (or a Mapping json cannot write)
        pass
    return json.dumps(finite(value, notes), ensure_ascii=False, allow_nan=False, **options)


def write_findings_jsonl(path: Path, findings: Iterable[Finding], redactor: Redactor) -> int:
    count = 0
    with path.open("w", encoding="utf-8") as handle:
        for finding in findings:
            notes: list[str] = []
            data = redactor.finding(finding)
            line = dumps(data, notes)
            if notes:
                line = dumps({**data, "non_finite": notes})
            if not redactor.reveal:  # summaries may quote identifiers other than the subject
                line = Scrubber(redactor, finding_personal_pairs(finding))(line)
            handle.write(line + "\n")
            count += 1
    return count


def case_to_dict(case: Case, redactor: Redactor) -> dict[str, Any]:
    notes: list[str] = []
    data: dict[str, Any] = finite(
        case.model_dump(mode="json", exclude={"findings", "pivots"}), notes
    )
    data = redactor.walk(data)  # free text of the case: summaries, reasons, titles
    data["pivots"] = [redactor.pivot(p) for p in case.pivots]
    data["records"] = [redactor.record_ref(r) for r in case.records]
    if data.get("network"):
        data["network"]["hubs_cut"] = [redactor.pivot(p) for p in data["network"]["hubs_cut"]]
    data["findings"] = [finite(redactor.finding(f), notes) for f in case.findings]
    if notes:
        data["non_finite"] = notes
    data["indicators"] = list(case.indicator_ids)
    for role in data.get("roles") or ():
        role["entity"] = redactor.pivot(role["entity"])
    for edge in data.get("edges") or ():
        edge["source"], edge["target"] = (
            redactor.pivot(edge["source"]),
            redactor.pivot(edge["target"]),
        )
    for entry in data.get("timeline") or ():
        if entry.get("entity"):
            entry["entity"] = redactor.pivot(entry["entity"])
    if redactor.reveal:
        return data
    scrub = Scrubber(redactor, case_personal_pairs(case))
    scrubbed: dict[str, Any] = json.loads(scrub(dumps(data)))
    return scrubbed


def item_to_dict(item: YouthItem | Alert, redactor: Redactor) -> dict[str, Any]:
    """A youth-queue item or an alert, redacted like a case."""
    notes: list[str] = []
    data: dict[str, Any] = finite(
        item.model_dump(mode="json", exclude={"findings", "pivots", "records"}), notes
    )
    data = redactor.walk(data)
    data["pivots"] = [redactor.pivot(p) for p in item.pivots]
    data["records"] = [redactor.record_ref(r) for r in item.records]
    data["findings"] = [finite(redactor.finding(f), notes) for f in item.findings]
    data["indicators"] = sorted({f.indicator_id for f in item.findings})
    if notes:
        data["non_finite"] = notes
    if redactor.reveal:
        return data
    scrubbed: dict[str, Any] = json.loads(
        Scrubber(redactor, case_personal_pairs(item))(dumps(data))
    )
    return scrubbed


def write_cases_json(path: Path, context: ReportContext) -> dict[str, Any]:
    """The run's cases (with their baseline status when a baseline was used) and, separately,
    the cases the baseline hid (id, status and why; their content is in earlier runs), the youth
    review queue and every ranked alert (also those below the budget's line). Returns the
    document written (run.json quotes its youth queue, redacted already)."""
    redactor, statuses = context.redactor, context.statuses
    cases_out = []
    for case in context.cases:
        data = case_to_dict(case, redactor)
        if statuses and case.case_id in statuses:
            data["baseline"] = dict(statuses[case.case_id])
        data["dossier"] = f"cases/{case.case_id}.html"
        cases_out.append(data)
    document: dict[str, Any] = {
        **context.run,
        "redacted": not redactor.reveal,
        "cases": cases_out,
        "hidden_by_baseline": [dict(h) for h in context.hidden],
        "youth_queue": [item_to_dict(y, redactor) for y in context.youth_queue],
        "alerts": [item_to_dict(a, redactor) for a in context.alerts],
        "volume": dict(context.volume),
    }
    notes: list[str] = []
    text = dumps(document, notes, indent=2)
    if notes:
        text = dumps({**document, "non_finite": notes}, indent=2)
    path.write_text(text, encoding="utf-8")
    return document
