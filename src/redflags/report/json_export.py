"""findings.jsonl and cases.json: the machine-readable results of a run."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from redflags.model import Case, Finding
from redflags.report.redact import (
    Redactor,
    Scrubber,
    case_personal_pairs,
    finding_personal_pairs,
)


def write_findings_jsonl(path: Path, findings: Iterable[Finding], redactor: Redactor) -> int:
    count = 0
    with path.open("w", encoding="utf-8") as handle:
        for finding in findings:
            line = json.dumps(redactor.finding(finding), ensure_ascii=False)
            if not redactor.reveal:  # summaries may quote identifiers other than the subject
                line = Scrubber(redactor, finding_personal_pairs(finding))(line)
            handle.write(line + "\n")
            count += 1
    return count


def case_to_dict(case: Case, redactor: Redactor) -> dict[str, Any]:
    data = case.model_dump(mode="json", exclude={"findings", "pivots"})
    data["pivots"] = [redactor.pivot(p) for p in case.pivots]
    data["findings"] = [redactor.finding(f) for f in case.findings]
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
    scrubbed: dict[str, Any] = json.loads(scrub(json.dumps(data, ensure_ascii=False)))
    return scrubbed


def write_cases_json(
    path: Path,
    cases: Sequence[Case],
    redactor: Redactor,
    run: dict[str, Any],
    statuses: Mapping[str, Mapping[str, Any]] | None = None,
    hidden: Sequence[Mapping[str, Any]] = (),
) -> None:
    """The run's cases (with their baseline status when a baseline was used) and, separately,
    the cases the baseline hid (id, status and why; their content is in earlier runs)."""
    cases_out = []
    for case in cases:
        data = case_to_dict(case, redactor)
        if statuses and case.case_id in statuses:
            data["baseline"] = dict(statuses[case.case_id])
        data["dossier"] = f"cases/{case.case_id}.html"
        cases_out.append(data)
    document = {
        **run,
        "redacted": not redactor.reveal,
        "cases": cases_out,
        "hidden_by_baseline": [dict(h) for h in hidden],
    }
    path.write_text(json.dumps(document, ensure_ascii=False, indent=2), encoding="utf-8")
