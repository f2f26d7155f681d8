"""Findings, their evidence and explanation steps."""

from __future__ import annotations

import hashlib
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, computed_field


class Evidence(BaseModel):
    """A pointer to the data behind a finding: a record, a field and optionally a span."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    kind: str  # record kind: ad, message, transaction, customer, device_event
    record_id: str
    field: str | None = None
    value: str | None = None  # the normalised value that mattered (a phone in E.164, an amount)
    value_kind: str | None = None  # identifier kind of `value` (phone, handle ...), for redaction
    start: int | None = None  # character offsets into the field's text
    end: int | None = None


class Step(BaseModel):
    """One line of an explanation. A score is the sum of its steps' deltas."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    code: str
    delta: float
    detail_en: str
    detail_da: str


class Finding(BaseModel):
    """One indicator firing on one subject, with its evidence and measured facts."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    indicator_id: str
    indicator_version: int
    subject_kind: str  # phone, account, customer_group, ad, message, thread, ...
    subject: str
    window_start: str | None = None  # ISO timestamps of the window the rule looked at
    window_end: str | None = None
    strength: float = Field(default=1.0, gt=0, le=1)
    facts: dict[str, Any] = Field(default_factory=dict)  # the aggregates that crossed thresholds
    summary_en: str
    summary_da: str
    evidence: tuple[Evidence, ...] = ()
    pivots: tuple[str, ...] = ()  # identifiers ("phone:+4512345678") that link this finding

    @computed_field  # type: ignore[prop-decorator]
    @property
    def finding_id(self) -> str:
        """Stable identity: same indicator, subject and window -> same finding."""
        key = "|".join(
            [
                self.indicator_id,
                str(self.indicator_version),
                self.subject_kind,
                self.subject,
                self.window_start or "",
                self.window_end or "",
            ]
        )
        return hashlib.sha256(key.encode()).hexdigest()[:16]
