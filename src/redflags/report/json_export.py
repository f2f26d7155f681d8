"""findings.jsonl and cases.json: the machine-readable results of a run."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from redflags.model import Case, Finding
from redflags.report.redact import Redactor


def write_findings_jsonl(path: Path, findings: Iterable[Finding], redactor: Redactor) -> int:
    count = 0
    with path.open("w", encoding="utf-8") as handle:
        for finding in findings:
            handle.write(json.dumps(redactor.finding(finding), ensure_ascii=False) + "\n")
            count += 1
    return count


def case_to_dict(case: Case, redactor: Redactor) -> dict[str, Any]:
    data = case.model_dump(mode="json", exclude={"findings", "pivots"})
    data["pivots"] = [redactor.pivot(p) for p in case.pivots]
    data["findings"] = [redactor.finding(f) for f in case.findings]
    data["indicators"] = list(case.indicator_ids)
    return data


def write_cases_json(
    path: Path, cases: Sequence[Case], redactor: Redactor, run: dict[str, Any]
) -> None:
    document = {
        **run,
        "redacted": not redactor.reveal,
        "cases": [case_to_dict(c, redactor) for c in cases],
    }
    path.write_text(json.dumps(document, ensure_ascii=False, indent=2), encoding="utf-8")
