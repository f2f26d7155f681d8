"""What a run's outputs show, in one object: the report page, cases.json, the exports and the
dossiers all read a ReportContext, so a writer's signature does not grow with the report."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from typing import Any

from redflags.catalogue import Catalogue
from redflags.model import Case, Finding
from redflags.model.cases import Alert, YouthItem
from redflags.report.redact import Redactor


@dataclass(frozen=True, kw_only=True)
class ReportContext:
    """Everything a run's outputs show (the report page, cases.json, the exports and the
    dossiers): what was found and how the run went."""

    cases: Sequence[Case]  # the cases shown (after the verdict baseline)
    catalogue: Catalogue
    run: Mapping[str, Any]  # run.json
    redactor: Redactor
    findings: Sequence[Finding] = ()
    ingest: Sequence[Mapping[str, Any]] = ()  # one row per file read
    # record -> field -> text, for highlights
    record_texts: Mapping[str, Mapping[str, str]] = dataclass_field(default_factory=dict)
    lang: str = "en"
    hubs: Mapping[str, int] = dataclass_field(default_factory=dict)  # cut pivots and their degree
    evaluated: Sequence[str] = ()  # indicators that ran
    # case id -> its status in the verdict baseline
    statuses: Mapping[str, Mapping[str, Any]] = dataclass_field(default_factory=dict)
    hidden: Sequence[Mapping[str, Any]] = ()  # cases the baseline hides
    dossiers: bool = False  # one page per case was written beside it
    exports: Sequence[str] = ()  # export files written beside it
    youth_queue: Sequence[YouthItem] = ()
    alerts: Sequence[Alert] = ()
    # rates per 1,000 records and the alert budget
    volume: Mapping[str, Any] = dataclass_field(default_factory=dict)
