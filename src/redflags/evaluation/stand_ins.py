"""Stand-in findings from a world's truth, for measuring the link stage alone: one finding per
identity record (not a transaction) of a network that the truth expects an indicator on, with
that record as evidence and no pivots, so linking sees the true networks' shape without running
every detector."""

from __future__ import annotations

from pathlib import Path

import pyarrow.parquet as pq

from redflags.catalogue import Catalogue
from redflags.model import Evidence, Finding


def stand_in_findings(world: Path, catalogue: Catalogue) -> list[Finding]:
    table = pq.read_table(world / "truth" / "records.parquet")
    findings = []
    for row in table.to_pylist():
        wanted = [i for i in row["expected_indicators"] or [] if not catalogue.get(i).planned]
        if not wanted or row["network_id"] is None or row["kind"] == "transaction":
            continue
        indicator = catalogue.get(wanted[0])
        findings.append(
            Finding(
                indicator_id=indicator.id,
                indicator_version=indicator.version,
                subject_kind=row["kind"],
                subject=row["record_id"],
                summary_en="stand-in",
                summary_da="stand-in",
                evidence=(Evidence(kind=row["kind"], record_id=row["record_id"]),),
            )
        )
    return findings
