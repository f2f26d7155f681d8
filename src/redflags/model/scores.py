"""Scores: a named model's total, always the sum of its explanation steps."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, model_validator

from redflags.model.findings import Step


class Score(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    model: str  # e.g. "risk-v1"
    total: float
    steps: tuple[Step, ...]
    source_types: tuple[str, ...]  # record kinds the evidence came from
    is_case: bool
    priority: str  # "high", "review" or "none"
    forced_review: bool = False  # strong youth evidence, or weak cues with control: youth queue
    signature_elements: tuple[str, ...] = ()  # CMM Case 1 elements present
    anchors: tuple[str, ...] = ()  # indicators of the act or means, on strong evidence

    @model_validator(mode="after")
    def _total_is_sum_of_steps(self) -> Score:
        if abs(sum(s.delta for s in self.steps) - self.total) > 1e-9:
            raise ValueError("a score must equal the sum of its steps")
        return self
