"""The Python API for notebooks and scripts: `redflags.scan(...)` returns a scan's cases,
findings, evidence and alerts as Arrow tables (`.to_pandas()` when pandas is installed).

It runs the same pipeline as `redflags scan` and hands back what its exports hold, so the tables
are redacted exactly as the run's CSV files are (identifiers as keyed digests) unless
`reveal=True` is asked for on purpose. Nothing is left on disk unless `out` names a run folder:
the run is written to a private temporary folder, read and deleted.

    import redflags
    scan = redflags.scan(["data/"], model="risk-v2")
    scan.cases.to_pandas().sort_values("score", ascending=False).head()
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.csv as pa_csv

from redflags.pipeline import ScanOptions, run_scan
from redflags.report.exports import CASE_COLUMNS, EVIDENCE_COLUMNS, FINDING_COLUMNS
from redflags.settings import DEFAULT_MODEL


@dataclass(frozen=True)
class Scan:
    """What a scan found, as tables; `run_dir` is None when nothing was kept on disk."""

    run_id: str
    cases: pa.Table
    findings: pa.Table
    evidence: pa.Table
    alerts: pa.Table
    volume: dict[str, Any] = field(default_factory=dict)  # rates per 1,000 and the budget
    quarantine: list[dict[str, Any]] = field(default_factory=list)  # grouped reasons per file
    run_dir: Path | None = None


def scan(
    paths: Sequence[str | Path],
    *,
    out: str | Path | None = None,
    model: str = DEFAULT_MODEL,
    region: str | None = None,
    reveal: bool = False,
    redaction_key: bytes | None = None,
    options: ScanOptions | None = None,
) -> Scan:
    """Scan files or folders (canonical files or `*.source.yaml` descriptors, as the CLI reads
    them). `options` gives every other setting of `redflags scan`; the keywords override it."""
    base = options or ScanOptions()
    chosen = replace(
        base,
        model=model,
        region=region if region is not None else base.region,
        reveal=reveal or base.reveal,
        redaction_key=redaction_key if redaction_key is not None else base.redaction_key,
    )
    inputs = [Path(p) for p in paths]
    if out is not None:
        return _scanned(inputs, replace(chosen, out=Path(out)), kept=True)
    with tempfile.TemporaryDirectory(prefix="redflags-api-") as folder:
        return _scanned(inputs, replace(chosen, out=Path(folder) / "run"), kept=False)


def _scanned(paths: list[Path], options: ScanOptions, *, kept: bool) -> Scan:
    result = run_scan(paths, options)
    run_dir = result.run_dir
    saved = json.loads((run_dir / "cases.json").read_text(encoding="utf-8"))
    return Scan(
        run_id=result.run_id,
        cases=_csv_table(run_dir / "cases.csv", CASE_COLUMNS),
        findings=_csv_table(run_dir / "findings.csv", FINDING_COLUMNS),
        evidence=_csv_table(run_dir / "evidence.csv", EVIDENCE_COLUMNS),
        alerts=_alerts_table(saved.get("alerts", [])),
        volume=dict(result.volume),
        quarantine=list(result.quarantine),
        run_dir=run_dir if kept else None,
    )


_NUMERIC = {"score", "weight", "strength", "findings", "records", "identifiers", "evidence_count"}


def _csv_table(path: Path, columns: Sequence[str]) -> pa.Table:
    """A run's CSV export as a table; identifiers and texts stay strings (an id that looks like
    a number is still an id), counts and scores are typed by Arrow."""
    text_columns = {c: pa.string() for c in columns if c not in _NUMERIC}
    convert = pa_csv.ConvertOptions(column_types=text_columns, strings_can_be_null=False)
    return pa_csv.read_csv(path, convert_options=convert)


ALERT_SCHEMA = pa.schema(
    [
        ("alert_id", pa.string()),
        ("group_id", pa.string()),
        ("rank", pa.int64()),
        ("score", pa.float64()),
        ("within_budget", pa.bool_()),
        ("indicators", pa.string()),
        ("records", pa.int64()),  # how many records the alert's group holds
    ]
)


def _alerts_table(alerts: list[dict[str, Any]]) -> pa.Table:
    rows = [
        {
            "alert_id": a["alert_id"],
            "group_id": a["group_id"],
            "rank": int(a["rank"]),
            "score": float(a["score"]["total"]),
            "within_budget": bool(a.get("within_budget", True)),
            "indicators": ";".join(a.get("indicators", [])),
            "records": len(a.get("records", [])),
        }
        for a in alerts
    ]
    return pa.Table.from_pylist(rows, schema=ALERT_SCHEMA)
