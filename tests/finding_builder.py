"""Findings for scoring tests: one indicator firing on some records, at the catalogue's version."""

from __future__ import annotations

from typing import Any

from redflags.catalogue import load_catalogue
from redflags.model import Evidence, Finding

CATALOGUE = load_catalogue()


def finding(
    indicator_id: str,
    kind: str,
    records: tuple[str, ...],
    field: str | None = None,
    span: tuple[int, int] | None = None,
    **facts: Any,
) -> Finding:
    """A full-strength finding whose evidence points at each record (at `field` and the character
    `span` when given: two spans of one record are two pieces of evidence)."""
    start, end = span or (None, None)
    return Finding(
        indicator_id=indicator_id,
        indicator_version=CATALOGUE.get(indicator_id).version,
        subject_kind=kind,
        subject=records[0],
        summary_en="x",
        summary_da="x",
        evidence=tuple(
            Evidence(kind=kind, record_id=r, field=field, start=start, end=end) for r in records
        ),
        facts=facts,
    )
