"""Issue #12, item 2: weak and strong cues for every lexicon indicator, what risk-v1 does with a
weak-only finding, and the calibration block (counts -> likelihood ratios -> weights)."""

from __future__ import annotations

import math
from typing import Any

import pytest
from pydantic import ValidationError

from redflags.cases.queues import build_alerts
from redflags.catalogue import Indicator, load_catalogue
from redflags.catalogue.calibration import (
    MIN_WEIGHT,
    Calibration,
    CueCounts,
    calibrated_weak_weight,
    calibrated_weight,
    likelihood_ratio,
)
from redflags.catalogue.lexicons import load_lexicon
from redflags.detectors import detector_for
from redflags.evaluation.lexicon_rates import lexicon_counts, lexicon_indicators, rates
from redflags.link.groups import Group
from redflags.model import Evidence, Finding
from redflags.score import RiskV1

CATALOGUE = load_catalogue()


def _ad(body: str) -> dict[str, list[dict[str, Any]]]:
    record = {"ad_id": "a1", "site": "ads.example", "posted_at": "2026-07-01T09:00:00Z"}
    return {"ads": [{**record, "body": body}]}


def _message(text: str) -> dict[str, list[dict[str, Any]]]:
    record = {
        "message_id": "m1",
        "thread_id": "t1",
        "sender": "+4520000001",
        "recipient": "+4520000002",
        "sent_at": "2026-07-01T09:00:00Z",
        "platform": "whatsapp",
    }
    return {"messages": [{**record, "text": text}]}


def _only(indicator_id: str, engine: Any) -> Finding:
    detector = detector_for(CATALOGUE.get(indicator_id))
    assert detector is not None
    [finding] = list(detector.evaluate(engine))
    return finding


# --- the detectors grade their cues ---------------------------------------------------------


@pytest.mark.parametrize(
    ("indicator_id", "text", "strength", "cue"),
    [
        ("BEH-TRUST-LANG", "Sweet girl, 100% real pics, call me", "weak", "100% real"),
        ("BEH-TRUST-LANG", "Sweet girl, no cops please, call me", "strong", "no cops"),
        ("BEH-ALWAYS-AVAILABLE", "Available 24/7 for you", "weak", "24/7"),
        ("BEH-ALWAYS-AVAILABLE", "Open kl. 00-24 every day", "strong", "kl. 00-24"),
        ("BEH-MESSENGER-ONLY", "Text only, no calls", "weak", "Text only"),
        ("BEH-MESSENGER-ONLY", "Contact on WhatsApp only", "strong", "WhatsApp only"),
        ("RCS-REC-URGENCY", "Urgent: cleaners wanted in Odense", "weak", "Urgent"),
        (
            "RCS-REC-URGENCY",
            "If you do not confirm, the place goes to another girl",
            "strong",
            "If you do not confirm",
        ),
        ("RCS-REC-PAID-TRAVEL-HOUSING", "Hotel job, accommodation provided", "weak", None),
        ("RCS-REC-PAID-TRAVEL-HOUSING", "Farm work, we pay your flight", "strong", None),
    ],
)
def test_lexicon_findings_say_which_cues_fired(
    engine_for: Any, indicator_id: str, text: str, strength: str, cue: str | None
) -> None:
    finding = _only(indicator_id, engine_for(_ad(text)))
    assert finding.facts["cue_strength"] == strength
    cues = finding.facts["strong_cues" if strength == "strong" else "weak_cues"]
    assert cues and (cue is None or cue in cues)
    assert finding.strength == (1.0 if strength == "strong" else 0.1)


def test_a_strong_and_a_weak_cue_together_make_a_strong_finding(engine_for: Any) -> None:
    finding = _only("BEH-TRUST-LANG", engine_for(_ad("100% real pics and not a cop")))
    assert finding.facts["cue_strength"] == "strong"
    assert finding.facts["strong_cues"] == ["not a cop"]
    assert finding.facts["weak_cues"] == ["100% real pics"] or finding.facts["weak_cues"]


def test_message_indicators_grade_too(engine_for: Any) -> None:
    finding = _only("RCS-REC-URGENCY", engine_for(_message("Reply urgently please")))
    assert finding.facts["cue_strength"] == "weak"


def test_every_weak_concept_is_explained_and_every_lexicon_has_a_strong_one() -> None:
    """A weak concept names why in its description; a lexicon that is weak throughout is
    allowed (always_available, ethnicity_marketing), but then its indicator only ranks."""
    weak_anywhere = 0
    for indicator in lexicon_indicators(CATALOGUE):
        lexicon = load_lexicon(str(indicator.param("lexicon")))
        for name, concept in lexicon.concepts.items():
            if concept.strength == "weak":
                weak_anywhere += 1
                assert concept.description, name
    assert weak_anywhere >= 6


# --- risk-v1 --------------------------------------------------------------------------------


def _finding(indicator_id: str, record: str, kind: str = "ad", weak: bool = False) -> Finding:
    indicator = CATALOGUE.get(indicator_id)
    facts = (
        {"cue_strength": "weak", "weak_cues": ["urgent"], "strong_cues": []}
        if weak
        else {"cue_strength": "strong", "strong_cues": ["x"], "weak_cues": []}
    )
    return Finding(
        indicator_id=indicator_id,
        indicator_version=indicator.version,
        subject_kind=kind,
        subject=record,
        summary_en="x",
        summary_da="x",
        evidence=(Evidence(kind=kind, record_id=record),),
        strength=0.1 if weak else 1.0,
        facts=facts,
    )


def test_a_weak_only_finding_alone_adds_nothing() -> None:
    score = RiskV1(CATALOGUE).score([_finding("BEH-TRUST-LANG", "a1", weak=True)])
    assert score.total == 0
    [step] = score.steps
    assert "weak cues only" in step.detail_en and "0 points" in step.detail_en


def test_a_weak_only_finding_counts_its_weak_weight_beside_independent_evidence() -> None:
    trust = CATALOGUE.get("BEH-TRUST-LANG")
    findings = [_finding("BEH-TRUST-LANG", "a1", weak=True), _finding("BEH-NO-LIMITS", "a1")]
    score = RiskV1(CATALOGUE).score(findings)
    step = next(s for s in score.steps if s.code == "BEH-TRUST-LANG")
    expected = trust.weak_weight
    if expected is None:  # not measured yet: a quarter of the weight
        expected = trust.weight * 0.25
    assert step.delta == pytest.approx(expected)
    assert step.delta < trust.weight
    assert "counted beside independent evidence" in step.detail_en


def test_two_weak_only_findings_do_not_corroborate_each_other() -> None:
    findings = [
        _finding("BEH-TRUST-LANG", "a1", weak=True),
        _finding("BEH-MESSENGER-ONLY", "a1", weak=True),
        _finding("RCS-REC-URGENCY", "a1", weak=True),
    ]
    assert RiskV1(CATALOGUE).score(findings).total == 0


def test_a_weak_recruitment_cue_is_no_anchor_and_raises_no_alert() -> None:
    """One "urgent" in a job ad is an RCS indicator, but weak: no anchor, no case, no alert."""
    weak = [_finding("RCS-REC-URGENCY", "a1", weak=True), _finding("BEH-NO-LIMITS", "a1")]
    strong = [_finding("RCS-REC-URGENCY", "a1"), _finding("BEH-NO-LIMITS", "a1")]
    model = RiskV1(CATALOGUE)
    assert model.score(weak).anchors == ()
    assert model.score(strong).anchors == ("RCS-REC-URGENCY",)
    groups = [
        (Group(group_id=name, findings=tuple(f), records=("ad:a1",), pivots=()), model.score(f))
        for name, f in (("g-weak", weak), ("g-strong", strong))
    ]
    alerts = build_alerts(groups, CATALOGUE)
    assert [a.group_id for a in alerts] == ["g-strong"]


def test_a_weak_control_indicator_does_not_force_youth_review() -> None:
    youth = {"cue_strength": "weak", "weak_cues": ["young"], "strong_cues": []}
    youth_finding = _finding("BEH-YOUTH-LANG", "a1").model_copy(
        update={"facts": youth, "strength": 0.1}
    )
    weak_anchor = _finding("RCS-REC-URGENCY", "a1", weak=True)
    strong_anchor = _finding("RCS-REC-URGENCY", "a1")
    model = RiskV1(CATALOGUE)
    assert not model.score([youth_finding, weak_anchor]).forced_review
    assert model.score([youth_finding, strong_anchor]).forced_review


# --- calibration ----------------------------------------------------------------------------


def test_likelihood_ratio_is_smoothed_and_undefined_without_positive_evidence() -> None:
    assert likelihood_ratio(CueCounts(positives_fired=0, lawful_fired=5), 10, 1000) is None
    ratio = likelihood_ratio(CueCounts(positives_fired=5, lawful_fired=0), 10, 1000)
    assert ratio == pytest.approx((5.5 / 11) / (0.5 / 1001), rel=1e-3)
    same = likelihood_ratio(CueCounts(positives_fired=10, lawful_fired=100), 100, 1000)
    assert same == pytest.approx(1.0, rel=0.05)


def test_weights_from_ratios_never_exceed_the_guidance() -> None:
    assert calibrated_weight(3, 1e6) == 3
    assert calibrated_weight(3, math.e**1.2) == pytest.approx(1.2)
    assert calibrated_weight(2, 1.01) == MIN_WEIGHT
    assert calibrated_weight(2, None) == 2
    assert calibrated_weak_weight(3, 0.8) == 0
    assert calibrated_weak_weight(3, math.e**0.4) == pytest.approx(0.4)
    assert calibrated_weak_weight(3, 1e6) == 1.5  # at most half the weight


def _indicator_data(weight: float, calibration: Calibration) -> dict[str, Any]:
    data = CATALOGUE.get("BEH-TRUST-LANG").model_dump(mode="python")
    return {**data, "weight": weight, "calibration": calibration.model_dump(mode="python")}


def test_the_schema_refuses_a_weight_its_counts_do_not_give() -> None:
    counts = {
        "positives": 400,
        "lawful": 4000,
        "strong": {"positives_fired": 40, "lawful_fired": 4},
        "weak": {"positives_fired": 60, "lawful_fired": 300},
    }
    calibration = rates(counts, guidance_weight=3, measured_on="test")
    strong, weak, weight, weak_weight = calibration.expected()
    assert strong is not None and weak is not None
    assert weight == calibrated_weight(3, strong) and weak_weight == calibration.weak_weight
    Indicator.model_validate(_indicator_data(weight, calibration))
    with pytest.raises(ValidationError, match="weight"):
        Indicator.model_validate(_indicator_data(weight + 1, calibration))
    tampered = calibration.model_copy(update={"weak_weight": weak_weight + 0.5})
    with pytest.raises(ValidationError, match="weak_weight"):
        Indicator.model_validate(_indicator_data(weight, tampered))


def test_every_calibrated_indicator_in_the_catalogue_is_consistent() -> None:
    """The loader already refuses inconsistent blocks; this says which indicators carry one."""
    calibrated = [i for i in CATALOGUE if i.calibration is not None]
    for indicator in calibrated:
        assert indicator.weight <= indicator.calibration.guidance_weight  # type: ignore[union-attr]


# --- counting on a world --------------------------------------------------------------------


def test_lexicon_counts_compare_positives_with_lawful_records_on_the_same_sites() -> None:
    venues = {
        "ad:p1": "escort.example",
        "ad:p2": "escort.example",
        "ad:l1": "escort.example",
        "ad:l2": "escort.example",
        "ad:l3": "escort.example",
        "ad:f1": "furniture.example",  # no positive is posted there: not in the comparison
        "message:m1": "sms",
    }
    findings = [
        _finding("BEH-TRUST-LANG", "p1"),
        _finding("BEH-TRUST-LANG", "p2", weak=True),
        _finding("BEH-TRUST-LANG", "l1", weak=True),
        _finding("BEH-TRUST-LANG", "f1", weak=True),
    ]
    counts = lexicon_counts(findings, [CATALOGUE.get("BEH-TRUST-LANG")], {"ad:p1", "ad:p2"}, venues)
    assert counts["BEH-TRUST-LANG"] == {
        "positives": 2,
        "lawful": 3,
        "strong": {"positives_fired": 1, "lawful_fired": 0},
        "weak": {"positives_fired": 1, "lawful_fired": 1},
    }
