"""Evidence strength of a lexicon indicator, measured: likelihood ratios and the weights they give.

A lexicon indicator's finding is strong or weak (its cues, see detectors/lexicon_presence.py).
How much either is worth is measured on synthetic worlds (`bench/calibrate_lexicons.py`): how
often it fires on the records of trafficking networks (positives) against the lawful records on
the same sites and platforms. The counts are written into the indicator's `calibration:` block;
the ratios and weights below are computed from them, so the catalogue cannot hold a weight that
its own counts do not give (`redflags catalogue lint` checks it).

- likelihood ratio LR = P(fires | positive) / P(fires | lawful), both with +0.5 smoothing so a
  cue never seen on a lawful record gets a large but finite ratio; not measured when it never
  fired on a positive record (no evidence either way);
- weight = min(guidance weight, ln LR of the strong findings), at least `MIN_WEIGHT`: the
  source-type guidance (empirical 3, official 2, practitioner 1) is the ceiling, measurement can
  only lower it. ln LR is the finding's log-odds contribution in a naive-Bayes reading, on the
  same scale as the case threshold (6 ~ odds of 400:1);
- weak weight = min(weight x `WEAK_CAP_SHARE`, ln LR of the weak findings), at least 0: what a
  weak cue adds when independent evidence stands beside it (alone it adds nothing).
"""

from __future__ import annotations

import math

from pydantic import BaseModel, ConfigDict, Field, model_validator

MIN_WEIGHT = 0.5
WEAK_CAP_SHARE = 0.5


class CueCounts(BaseModel):
    """How many positive and lawful records a finding of one strength covered."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    positives_fired: int = Field(ge=0)
    lawful_fired: int = Field(ge=0)


class Calibration(BaseModel):
    """Counts measured on synthetic worlds, and the ratios and weights they give (rounded)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    measured_on: str = Field(min_length=1)
    guidance_weight: float = Field(ge=0, le=5)
    positives: int = Field(ge=1)  # records of trafficking networks the indicator reads
    lawful: int = Field(ge=1)  # lawful records on the same sites and platforms
    strong: CueCounts
    weak: CueCounts
    likelihood_ratio_strong: float | None = None
    likelihood_ratio_weak: float | None = None
    weak_weight: float = Field(ge=0, le=5)

    @model_validator(mode="after")
    def _counts_fit(self) -> Calibration:
        for counts in (self.strong, self.weak):
            if counts.positives_fired > self.positives or counts.lawful_fired > self.lawful:
                raise ValueError("more records fired than were measured")
        return self

    def expected(self) -> tuple[float | None, float | None, float, float]:
        """(LR strong, LR weak, weight, weak weight) as the counts give them."""
        strong = likelihood_ratio(self.strong, self.positives, self.lawful)
        weak = likelihood_ratio(self.weak, self.positives, self.lawful)
        weight = calibrated_weight(self.guidance_weight, strong)
        return strong, weak, weight, calibrated_weak_weight(weight, weak)

    def false_alarms_per_1000(self, strength: str) -> float:
        counts = self.strong if strength == "strong" else self.weak
        return round(counts.lawful_fired * 1000 / self.lawful, 3)


def likelihood_ratio(counts: CueCounts, positives: int, lawful: int) -> float | None:
    if counts.positives_fired == 0:
        return None
    on_positives = (counts.positives_fired + 0.5) / (positives + 1)
    on_lawful = (counts.lawful_fired + 0.5) / (lawful + 1)
    return round(on_positives / on_lawful, 3)


def calibrated_weight(guidance: float, ratio: float | None) -> float:
    if ratio is None:
        return guidance
    return round(min(guidance, max(MIN_WEIGHT, math.log(ratio))), 2)


def calibrated_weak_weight(weight: float, ratio: float | None) -> float:
    if ratio is None or ratio <= 1:
        return 0.0
    return round(min(weight * WEAK_CAP_SHARE, math.log(ratio)), 2)
