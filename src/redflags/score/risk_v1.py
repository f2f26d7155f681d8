"""risk-v1: the first named risk model. Released models are never edited in place; a change of
behaviour means a new model (risk-v2) beside this one.

Rules (after CMM's tool and the catalogue's scoring guidance):
- each distinct indicator that fired in a group adds its catalogue weight once;
- negative controls have negative weights and subtract;
- fairness-sensitive indicators (nationality, ethnicity, vulnerability) only multiply a positive
  score that other evidence raised, by at most 1.5; alone they add nothing;
- a case needs a total >= 6 AND evidence from at least two record kinds;
- an indicator that requires a human (youth) forces review, whatever the total;
- priority is high at a total >= 10 or when >= 4 of the 6 elements of CMM's Case 1 signature
  are present.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from redflags.catalogue import Catalogue, Indicator
from redflags.model import Finding, Score, Step

MODEL_NAME = "risk-v1"

# CMM Case 1 signature: (element name, indicators that show it).
CASE1_SIGNATURE: tuple[tuple[str, frozenset[str]], ...] = (
    ("messenger recruitment", frozenset({"RCS-REC-MESSENGER-JOB-AD"})),
    ("contact proxy", frozenset({"BEH-CONTACT-PROXY"})),
    ("buyers pay a third party", frozenset({"FIN-BUYER-PAYS-THIRD-PARTY"})),
    ("remote controller", frozenset({"RCS-REMOTE-CONTROLLER", "BEH-REMOTE-CONTROL-LOGIN"})),
    ("surveillance", frozenset({"RCS-SURV-CAMERAS", "RCS-SURV-LOCATION"})),
    ("evidence wiped", frozenset({"BEH-COORDINATED-DELETION", "RCS-SURV-EVIDENCE-WIPE"})),
)
SIGNATURE_NAMES_DA = {
    "messenger recruitment": "rekruttering via beskedtjeneste",
    "contact proxy": "kontakt via mellemmand",
    "buyers pay a third party": "kunder betaler en tredjepart",
    "remote controller": "styring på afstand",
    "surveillance": "overvågning",
    "evidence wiped": "spor slettet",
}


@dataclass(frozen=True)
class RiskV1Settings:
    case_threshold: float = 6.0
    priority_threshold: float = 10.0
    min_source_types: int = 2
    signature_min_elements: int = 4
    fairness_max_multiplier: float = 1.5


class RiskV1:
    name = MODEL_NAME

    def __init__(self, catalogue: Catalogue, settings: RiskV1Settings | None = None) -> None:
        self.catalogue = catalogue
        self.settings = settings or RiskV1Settings()

    def score(self, findings: Sequence[Finding]) -> Score:
        by_indicator: dict[str, list[Finding]] = defaultdict(list)
        for finding in findings:
            by_indicator[finding.indicator_id].append(finding)
        indicators = [self.catalogue.get(i) for i in sorted(by_indicator)]
        steps = [
            self._indicator_step(i, by_indicator[i.id])
            for i in indicators
            if not i.fairness_sensitive
        ]
        base = sum(s.delta for s in steps)
        steps += [self._modifier_step(i, base) for i in indicators if i.fairness_sensitive]
        total = sum(s.delta for s in steps)
        source_types = tuple(sorted({e.kind for f in findings for e in f.evidence}))
        forced = any(i.requires_human for i in indicators)
        elements = tuple(name for name, ids in CASE1_SIGNATURE if ids & by_indicator.keys())
        s = self.settings
        is_case = forced or (total >= s.case_threshold and len(source_types) >= s.min_source_types)
        if not is_case:
            priority = "none"
        elif total >= s.priority_threshold or len(elements) >= s.signature_min_elements:
            priority = "high"
        else:
            priority = "review"
        return Score(
            model=MODEL_NAME,
            total=total,
            steps=tuple(steps),
            source_types=source_types,
            is_case=is_case,
            priority=priority,
            forced_review=forced,
            signature_elements=elements,
        )

    def _indicator_step(self, indicator: Indicator, findings: list[Finding]) -> Step:
        count = len(findings)
        lead = max(findings, key=lambda f: f.strength)
        more_en = f" (+{count - 1} more finding{'s' if count > 2 else ''})" if count > 1 else ""
        more_da = f" (+{count - 1} fund mere)" if count > 1 else ""
        return Step(
            code=indicator.id,
            delta=indicator.weight,
            detail_en=f"{indicator.title.en}: {lead.summary_en}{more_en}",
            detail_da=f"{indicator.title.da}: {lead.summary_da}{more_da}",
        )

    def _modifier_step(self, indicator: Indicator, base: float) -> Step:
        multiplier = min(
            float(indicator.param("multiplier", 1.25)), self.settings.fairness_max_multiplier
        )
        if base <= 0:
            return Step(
                code=indicator.id,
                delta=0.0,
                detail_en=(
                    f"{indicator.title.en}: fairness-sensitive, not applied "
                    "because no other evidence raised the score."
                ),
                detail_da=(
                    f"{indicator.title.da}: fairness-følsom, ikke anvendt, "
                    "fordi intet andet bevis har hævet scoren."
                ),
            )
        delta = round(base * (multiplier - 1), 6)
        return Step(
            code=indicator.id,
            delta=delta,
            detail_en=(
                f"{indicator.title.en}: fairness-sensitive modifier, "
                f"x{multiplier:g} on the other evidence ({base:g})."
            ),
            detail_da=(
                f"{indicator.title.da}: fairness-følsom justering, "
                f"x{multiplier:g} af det øvrige bevis ({base:g})."
            ),
        )


def signature_text(elements: Iterable[str], lang: str) -> str:
    names = [SIGNATURE_NAMES_DA[e] if lang == "da" else e for e in elements]
    return ", ".join(names)
