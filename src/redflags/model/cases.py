"""A case: a group of linked findings whose score crossed the line for human review."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from redflags.model.findings import Finding
from redflags.model.scores import Score


class TimelineEntry(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    start: str | None
    end: str | None
    indicator_id: str
    summary_en: str
    summary_da: str


class Case(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    case_id: str
    group_id: str
    score: Score
    findings: tuple[Finding, ...]
    records: tuple[str, ...]  # "kind:id" of every linked record
    pivots: tuple[str, ...]  # identifiers that link the group
    timeline: tuple[TimelineEntry, ...]

    @property
    def indicator_ids(self) -> tuple[str, ...]:
        return tuple(sorted({f.indicator_id for f in self.findings}))
