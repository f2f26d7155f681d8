"""risk-v1: the first named risk model. Not released yet; once released it is never edited in
place and a change of behaviour means a new model (risk-v2) beside it. docs/scoring.md describes
exactly what this code does.

Rules (after CMM's tool, the catalogue's scoring guidance and the Palermo Protocol's act/means):
- each distinct indicator that fired in a group adds its catalogue weight once, scaled by its
  EVIDENCE GRADE: (0.5 + 0.5 x strongest finding's strength) x corroboration, where corroboration
  is 1.0 for one evidence record, 1.125 for 3 or more, 1.25 for 10 or more; the grade is bounded
  to [0.5, 1.25];
- negative controls (qualifiers) have negative weights and subtract their full weight;
- fairness-sensitive indicators (nationality, ethnicity, vulnerability) only multiply a positive
  score that other evidence raised, by at most 1.5 (a finding may carry its own `multiplier`
  fact, e.g. by its number of factors; the largest in the group applies); alone they add
  nothing, and they never make a case: the case decision (threshold, record kinds) is taken on
  the other evidence, the multiplied total only ranks and sets the priority;
- findings of an indicator the catalogue marks planned are listed but not scored;
- a case needs a total >= 6, evidence from at least two record kinds AND an ANCHOR: an indicator
  of the act or means of trafficking (the recruitment, coercion and surveillance category, or the
  Case 1 signature's remote-controller or evidence-wiped elements). Patterns of how ads, money or
  paperwork are organised describe lawful agencies and employers too (each lists them among its
  known false positives), so they rank a network but cannot raise one alone;
- WEAK CUES: a lexicon finding made only of weak cues (words lawful ads use every day: "100% real",
  "24/7", "young", "urgent") adds nothing alone; beside independent evidence (another indicator's
  positive step on strong evidence) it adds its measured weak weight (catalogue calibration) x
  corroboration. A weak-only finding is never an anchor and never an indicator of control;
- an indicator that requires a human (youth) forces review, whatever the total or anchor, when
  its evidence is STRONG (a stated age under 18, explicit under-age wording, a school reference)
  or when its weak cues (young, fresh, 🍭 ...: everyday words of lawful ads) stand together with
  an indicator of control in the same group (third-person ad, contact proxy, an anchor ...).
  Forced review sends the group to the youth queue (cases/build.py), not into the cases: it does
  not make a case. Weak cues alone add 0 points and force nothing;
- priority is high at a total >= 10 or when >= 4 of the 6 elements of CMM's Case 1 signature
  are present.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from redflags.catalogue import Catalogue, Indicator
from redflags.catalogue.schema import Category
from redflags.model import Finding, Score, Step
from redflags.score.events import corroborations, once_per_event, pointers, shared_records

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
    grade_floor: float = 0.5  # grade of a finding with (almost) no strength
    grade_cap: float = 1.25
    corroboration: tuple[tuple[int, float], ...] = ((10, 1.25), (3, 1.125))  # records -> factor
    require_anchor: bool = True
    # what a weak-only finding of an indicator without a measured calibration adds beside
    # independent evidence, as a share of its weight
    uncalibrated_weak_share: float = 0.25
    # Indicators of control that make weak youth cues count (besides every anchor): someone
    # else writes, fronts or pays for the person.
    youth_control_indicators: frozenset[str] = frozenset(
        {
            "BEH-AD-THIRD-PERSON",
            "BEH-CONTACT-PROXY",
            "BEH-REMOTE-CONTROL-LOGIN",
            "BEH-COORDINATED-DELETION",
            "FIN-BUYER-PAYS-THIRD-PARTY",
        }
    )


@dataclass(frozen=True)
class YouthDecision:
    """Whether a group's youth findings force review, and why."""

    forced: bool
    strength: str  # "strong", "weak_with_control" or "weak"
    strong_cues: tuple[str, ...] = ()
    weak_cues: tuple[str, ...] = ()
    control_indicators: tuple[str, ...] = ()


def is_weak_only(findings: Sequence[Finding]) -> bool:
    """Every finding was graded weak by its detector (findings that are not graded are strong)."""
    return bool(findings) and all(f.facts.get("cue_strength") == "weak" for f in findings)


def is_strong(finding: Finding) -> bool:
    """A requires-human finding is strong unless its detector graded it weak (a detector that
    does not grade is taken at its word: a credible signal is never dropped)."""
    return bool(finding.facts.get("cue_strength", "strong") == "strong")


# Indicators outside the RCS category that still show the act or means: the Case 1 signature's
# remote controller and evidence wiped elements.
ANCHOR_SIGNATURE_ELEMENTS = ("remote controller", "evidence wiped")


class RiskV1:
    name = MODEL_NAME
    # risk-v1 as released adds every indicator that fired; risk-v2 scores one event once
    one_event_one_finding = False

    def __init__(self, catalogue: Catalogue, settings: RiskV1Settings | None = None) -> None:
        self.catalogue = catalogue
        self.settings = settings or RiskV1Settings()

    def is_anchor(self, indicator: Indicator) -> bool:
        if indicator.category is Category.RECRUITMENT_COERCION_SURVEILLANCE:
            return not indicator.negative_control and not indicator.fairness_sensitive
        return any(
            indicator.id in ids
            for name, ids in CASE1_SIGNATURE
            if name in ANCHOR_SIGNATURE_ELEMENTS
        )

    def grade(self, findings: Sequence[Finding]) -> float:
        """Evidence grade of one indicator's findings in a group, within [floor, cap]."""
        s = self.settings
        strongest = max(f.strength for f in findings)
        records = len({(e.kind, e.record_id) for f in findings for e in f.evidence})
        factor = next((v for n, v in s.corroboration if records >= n), 1.0)
        grade = (s.grade_floor + (1 - s.grade_floor) * strongest) * factor
        return round(min(s.grade_cap, max(s.grade_floor, grade)), 6)

    def youth(self, findings: Sequence[Finding]) -> YouthDecision | None:
        """The youth decision of a group (None when no requires-human indicator fired)."""
        by_indicator = _by_indicator(findings)
        scored = [i for i in map(self.catalogue.get, sorted(by_indicator)) if not i.planned]
        weak = self._weak_only_indicators(findings)
        return self._youth(findings, weak, self._lead_of(scored, by_indicator, weak))

    def _youth(
        self, findings: Sequence[Finding], weak_only: set[str], lead_of: Mapping[str, str]
    ) -> YouthDecision | None:
        human = [
            f
            for f in findings
            if (i := self.catalogue.get(f.indicator_id)).requires_human and not i.planned
        ]
        if not human:
            return None
        strong = tuple(sorted({c for f in human for c in f.facts.get("strong_cues", ())}))
        weak = tuple(sorted({c for f in human for c in f.facts.get("weak_cues", ())}))
        if any(is_strong(f) for f in human):
            return YouthDecision(True, "strong", strong, weak)
        control = tuple(
            once_per_event(
                sorted(
                    {
                        f.indicator_id
                        for f in findings
                        if f.indicator_id not in weak_only
                        and self._is_control(self.catalogue.get(f.indicator_id))
                    }
                ),
                lead_of,
            )
        )
        if control:
            return YouthDecision(True, "weak_with_control", strong, weak, control)
        return YouthDecision(False, "weak", strong, weak)

    def _is_control(self, indicator: Indicator) -> bool:
        if indicator.planned or indicator.requires_human:
            return False
        return indicator.id in self.settings.youth_control_indicators or self.is_anchor(indicator)

    def _weak_only_indicators(self, findings: Sequence[Finding]) -> set[str]:
        by_indicator = _by_indicator(findings)
        return {
            i
            for i, own in by_indicator.items()
            if is_weak_only(own) and not self.catalogue.get(i).negative_control
        }

    def score(self, findings: Sequence[Finding]) -> Score:
        by_indicator = _by_indicator(findings)
        indicators = [self.catalogue.get(i) for i in sorted(by_indicator)]
        scored = [i for i in indicators if not i.planned]
        weak = self._weak_only_indicators(findings)
        steps = self._evidence_steps(scored, by_indicator, weak)
        lead_of = self._corroborations(scored, by_indicator, steps)
        steps = [
            self._corroborating_step(s.code, lead_of[s.code], by_indicator)
            if s.code in lead_of
            else s
            for s in steps
        ]
        youth = self._youth(findings, weak, lead_of)
        steps.sort(key=lambda step: step.code)
        base = sum(s.delta for s in steps)
        steps += [
            self._modifier_step(i, by_indicator[i.id], base) for i in scored if i.fairness_sensitive
        ]
        steps += [self._planned_step(i, by_indicator[i.id]) for i in indicators if i.planned]
        total = sum(s.delta for s in steps)
        # Whether it is a case is decided without the fairness-sensitive modifiers.
        source_types = tuple(
            sorted(
                {
                    e.kind
                    for i in scored
                    if not i.fairness_sensitive and i.id not in lead_of
                    for f in by_indicator[i.id]
                    for e in f.evidence
                }
            )
        )
        forced = youth is not None and youth.forced
        elements = tuple(name for name, ids in CASE1_SIGNATURE if ids & {i.id for i in scored})
        anchors = self.anchors(scored, by_indicator, weak, lead_of)
        s = self.settings
        above = base >= s.case_threshold and len(source_types) >= s.min_source_types
        if above and s.require_anchor and not anchors:
            steps.append(_no_anchor_step())
        # Forced review goes to the youth queue; a case still needs its own network evidence.
        is_case = above and (bool(anchors) or not s.require_anchor)
        if not is_case:
            priority = "none"
        elif forced or total >= s.priority_threshold or len(elements) >= s.signature_min_elements:
            priority = "high"
        else:
            priority = "review"
        return Score(
            model=self.name,
            total=total,
            steps=tuple(steps),
            source_types=source_types,
            is_case=is_case,
            priority=priority,
            forced_review=forced,
            signature_elements=elements,
            anchors=tuple(anchors),
        )

    def anchors(
        self,
        scored: Sequence[Indicator],
        by_indicator: dict[str, list[Finding]],
        weak: set[str],
        lead_of: Mapping[str, str] | None = None,
    ) -> list[str]:
        """The indicators that anchor a case (rule 5): act or means, on strong evidence; one
        event read by several indicators is one anchor (`lead_of`, risk-v2)."""
        ids = [i.id for i in scored if self.is_anchor(i) and i.id not in weak]
        return once_per_event(ids, lead_of or {})

    def _evidence_steps(
        self, scored: Sequence[Indicator], by_indicator: dict[str, list[Finding]], weak: set[str]
    ) -> list[Step]:
        """One step per scored indicator that is not a fairness-sensitive modifier: its weight x
        grade (rule 1), a qualifier's negative weight (2), or weak cues (6)."""
        steps = [
            self._indicator_step(i, by_indicator[i.id])
            for i in scored
            if not i.fairness_sensitive and i.id not in weak
        ]
        independent = any(s.delta > 0 for s in steps)
        return steps + [
            self._weak_step(i, by_indicator[i.id], independent)
            for i in scored
            if not i.fairness_sensitive and i.id in weak
        ]

    def _lead_of(
        self, scored: Sequence[Indicator], by_indicator: dict[str, list[Finding]], weak: set[str]
    ) -> dict[str, str]:
        if not self.one_event_one_finding:
            return {}
        steps = self._evidence_steps(scored, by_indicator, weak)
        return self._corroborations(scored, by_indicator, steps)

    def _corroborations(
        self,
        scored: Sequence[Indicator],
        by_indicator: dict[str, list[Finding]],
        steps: Sequence[Step],
    ) -> dict[str, str]:
        """{indicator: the stronger indicator it corroborates} when one event is read by several
        indicators (score/events.py); empty unless the model scores one event once."""
        if not self.one_event_one_finding:
            return {}
        delta = {s.code: s.delta for s in steps}
        counted = [
            i
            for i in scored
            if not i.fairness_sensitive and not i.negative_control and delta.get(i.id, 0) > 0
        ]
        evidence = {i.id: pointers(by_indicator[i.id]) for i in counted}
        # strongest first; on equal points an anchor, then the wider evidence, leads
        ranked = sorted(
            counted,
            key=lambda i: (-delta[i.id], not self.is_anchor(i), -len(evidence[i.id]), i.id),
        )
        return corroborations([i.id for i in ranked], evidence)

    def _corroborating_step(
        self, indicator_id: str, lead: str, by_indicator: dict[str, list[Finding]]
    ) -> Step:
        indicator = self.catalogue.get(indicator_id)
        own, theirs = pointers(by_indicator[indicator_id]), pointers(by_indicator[lead])
        return Step(
            code=indicator_id,
            delta=0.0,
            detail_en=(
                f"{indicator.title.en}: corroborates {lead}: same "
                f"{shared_records(own, theirs, 'en')}. One event is counted once: 0 points, and "
                "not a second anchor or indicator of control."
            ),
            detail_da=(
                f"{indicator.title.da}: bekræfter {lead}: samme "
                f"{shared_records(own, theirs, 'da')}. Én hændelse tælles én gang: 0 point og "
                "hverken et ekstra anker eller en ekstra indikator for kontrol."
            ),
        )

    def _planned_step(self, indicator: Indicator, findings: list[Finding]) -> Step:
        return Step(
            code=indicator.id,
            delta=0.0,
            detail_en=(
                f"{indicator.title.en}: {len(findings)} finding(s) listed but not scored, "
                "the indicator is still planned in the catalogue."
            ),
            detail_da=(
                f"{indicator.title.da}: {len(findings)} fund vist, men ikke talt med, "
                "fordi indikatoren stadig er planlagt i kataloget."
            ),
        )

    def _indicator_step(self, indicator: Indicator, findings: list[Finding]) -> Step:
        count = len(findings)
        lead = max(findings, key=lambda f: f.strength)
        more_en = f" (+{count - 1} more finding{'s' if count > 2 else ''})" if count > 1 else ""
        more_da = f" (+{count - 1} fund mere)" if count > 1 else ""
        if indicator.negative_control:
            delta = indicator.weight
            grade_en = "qualifier, full weight"
            grade_da = "modindikator, fuld vægt"
        else:
            grade = self.grade(findings)
            delta = round(indicator.weight * grade, 6)
            records = len({(e.kind, e.record_id) for f in findings for e in f.evidence})
            grade_en = (
                f"weight {indicator.weight:g} x grade {grade:g} "
                f"(strength {lead.strength:g}, {records} evidence record"
                f"{'s' if records != 1 else ''})"
            )
            grade_da = (
                f"vægt {indicator.weight:g} x grad {grade:g} "
                f"(styrke {lead.strength:g}, {records} bevisposter)"
            )
        return Step(
            code=indicator.id,
            delta=delta,
            detail_en=f"{indicator.title.en}: {lead.summary_en}{more_en} [{grade_en}]",
            detail_da=f"{indicator.title.da}: {lead.summary_da}{more_da} [{grade_da}]",
        )

    def _weak_step(self, indicator: Indicator, findings: list[Finding], counted: bool) -> Step:
        """Weak cues only: 0 points alone; beside independent evidence, the measured weak
        weight (or a share of the weight when not measured) x corroboration."""
        cues = sorted({c for f in findings for c in f.facts.get("weak_cues", ())})
        shown = ", ".join(cues[:6])
        youth_en = ""
        if indicator.requires_human:
            youth_en = " and no forced review without an indicator of control"
        youth_da = " og ingen tvungen vurdering uden en indikator for kontrol" if youth_en else ""
        if not counted:
            return Step(
                code=indicator.id,
                delta=0.0,
                detail_en=(
                    f"{indicator.title.en}: weak cues only ({shown}); everyday words of lawful "
                    f"ads, 0 points without independent evidence{youth_en}."
                ),
                detail_da=(
                    f"{indicator.title.da}: kun svage signaler ({shown}); hverdagsord i lovlige "
                    f"annoncer, 0 point uden andet uafhængigt bevis{youth_da}."
                ),
            )
        weak_weight = indicator.weak_weight
        source_en, source_da = "measured", "målt"
        if weak_weight is None:
            weak_weight = indicator.weight * self.settings.uncalibrated_weak_share
            source_en, source_da = "not measured", "ikke målt"
        records = len({(e.kind, e.record_id) for f in findings for e in f.evidence})
        factor = next((v for n, v in self.settings.corroboration if records >= n), 1.0)
        delta = round(weak_weight * factor, 6)
        return Step(
            code=indicator.id,
            delta=delta,
            detail_en=(
                f"{indicator.title.en}: weak cues ({shown}) counted beside independent evidence "
                f"[weak weight {weak_weight:g} ({source_en}) x {factor:g}, {records} evidence "
                f"record{'s' if records != 1 else ''}]"
            ),
            detail_da=(
                f"{indicator.title.da}: svage signaler ({shown}) talt med ved siden af andet "
                f"uafhængigt bevis [svag vægt {weak_weight:g} ({source_da}) x {factor:g}, "
                f"{records} bevisposter]"
            ),
        )

    def _modifier_step(self, indicator: Indicator, findings: list[Finding], base: float) -> Step:
        default = float(indicator.param("multiplier", 1.25))
        own = [float(f.facts["multiplier"]) for f in findings if f.facts.get("multiplier")]
        multiplier = min(
            max(own, default=default),
            float(indicator.param("max_multiplier", self.settings.fairness_max_multiplier)),
            self.settings.fairness_max_multiplier,
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


def _by_indicator(findings: Iterable[Finding]) -> dict[str, list[Finding]]:
    by_indicator: dict[str, list[Finding]] = defaultdict(list)
    for finding in findings:
        by_indicator[finding.indicator_id].append(finding)
    return by_indicator


def signature_text(elements: Iterable[str], lang: str) -> str:
    names = [SIGNATURE_NAMES_DA[e] if lang == "da" else e for e in elements]
    return ", ".join(names)


def _no_anchor_step() -> Step:
    return Step(
        code="RULE-NO-ANCHOR",
        delta=0.0,
        detail_en=(
            "Not raised as a case: no indicator of recruitment, coercion, surveillance or remote "
            "control; the patterns found also describe lawful agencies and employers."
        ),
        detail_da=(
            "Ikke rejst som sag: ingen indikator for rekruttering, tvang, overvågning eller "
            "fjernstyring; mønstrene findes også hos lovlige bureauer og arbejdsgivere."
        ),
    )
