"""One event, one finding (issue #16, item 6): indicators that read the same evidence are scored
once, by the strongest; the others are shown as corroborating (risk-v2; risk-v1 as released)."""

from __future__ import annotations

from typing import Any

from finding_builder import CATALOGUE
from finding_builder import finding as _finding
from redflags.detectors import detector_for
from redflags.model import Finding
from redflags.score import RiskV1, RiskV2
from redflags.score.events import corroborations, once_per_event, pointers, same_evidence

DELETION, WIPE = "BEH-COORDINATED-DELETION", "RCS-SURV-EVIDENCE-WIPE"


def _step(score: Any, code: str) -> Any:
    [step] = [s for s in score.steps if s.code == code]
    return step


# -- the example: one purge from one device, read by two detectors ------------------------

PURGE = {
    "device_events": [
        {
            "event_id": f"e{n}",
            "account": account,
            "device_id": "dev_x",
            "ip": "82.0.0.1",
            "ts": f"2026-07-02T07:{10 * n:02d}:00Z",
            "event": "chat_history_cleared",
            "country": "RO",
        }
        for n, account in enumerate(("@boss_77", "@worker_1", "@worker_2", "@worker_3"), 1)
    ]
}
# a payment of another record kind, so that the group has the two kinds rule 5 asks for
TOPUP = _finding("FIN-PREPAID-TOPUPS", "transaction", ("t1",), field="amount")


def _purge_findings(engine_for: Any) -> list[Finding]:
    engine = engine_for(PURGE)
    found = [
        f
        for indicator_id in (DELETION, WIPE)
        for f in detector_for(CATALOGUE.get(indicator_id)).evaluate(engine)  # type: ignore[union-attr]
    ]
    assert sorted(f.indicator_id for f in found) == [DELETION, WIPE]
    return found


def test_a_purge_read_by_two_detectors_is_one_event_and_no_longer_makes_the_case(
    engine_for: Any,
) -> None:
    purge = _purge_findings(engine_for)
    deletion, wipe = sorted(purge, key=lambda f: f.indicator_id)
    # the same four device events, the same text: one event
    assert pointers([deletion]) == pointers([wipe])
    assert {e.record_id for e in wipe.evidence} == {"e1", "e2", "e3", "e4"}
    assert deletion.summary_en == wipe.summary_en

    v1, v2 = RiskV1(CATALOGUE).score([*purge, TOPUP]), RiskV2(CATALOGUE).score([*purge, TOPUP])
    # as released, the second reading is what makes the case: 2.25 + 2.25 + 2
    assert v1.is_case and v1.total == 6.5 and set(v1.anchors) == {DELETION, WIPE}
    assert _step(v1, WIPE).delta == _step(v1, DELETION).delta == 2.25
    # risk-v2: scored once; the other shown as corroborating, 0 points, not a second anchor
    assert v2.total == 4.25 and not v2.is_case and v2.anchors == (DELETION,)
    assert _step(v2, DELETION).delta == 2.25
    corroborating = _step(v2, WIPE)
    assert corroborating.delta == 0
    assert f"corroborates {DELETION}: same 4 device events" in corroborating.detail_en
    assert f"bekræfter {DELETION}: samme 4 enhedshændelser" in corroborating.detail_da


def test_an_event_is_one_indicator_of_control_for_weak_youth_cues(engine_for: Any) -> None:
    youth = _finding("BEH-YOUTH-LANG", "ad", ("a1",), field="body", span=(0, 5))
    youth = youth.model_copy(
        update={"strength": 0.1, "facts": {"cue_strength": "weak", "weak_cues": ["young"]}}
    )
    findings = [*_purge_findings(engine_for), youth]
    v1 = RiskV1(CATALOGUE).youth(findings)
    v2 = RiskV2(CATALOGUE).youth(findings)
    assert v1 is not None and v1.control_indicators == (DELETION, WIPE)  # as released
    assert v2 is not None and v2.forced and v2.control_indicators == (DELETION,)


# -- the rule ----------------------------------------------------------------------------------


def test_the_stronger_of_two_indicators_on_the_same_records_counts_the_other_corroborates() -> None:
    # BEH-CONTACT-PROXY (weight 3) and BEH-ROTATING-ROSTER (2) on the phone field of the same ads
    ads = tuple(f"a{n}" for n in range(12))
    proxy = _finding("BEH-CONTACT-PROXY", "ad", ads, field="phone")
    roster = _finding("BEH-ROTATING-ROSTER", "ad", ads, field="phone")
    v1, v2 = RiskV1(CATALOGUE).score([proxy, roster]), RiskV2(CATALOGUE).score([proxy, roster])
    assert _step(v1, "BEH-ROTATING-ROSTER").delta == 2.5  # as released: both count
    assert v1.total == 3.75 + 2.5
    assert _step(v2, "BEH-CONTACT-PROXY").delta == 3.75 and v2.total == 3.75
    step = _step(v2, "BEH-ROTATING-ROSTER")
    assert step.delta == 0 and "corroborates BEH-CONTACT-PROXY: same 12 ads" in step.detail_en
    assert "bekræfter BEH-CONTACT-PROXY: samme 12 annoncer" in step.detail_da
    # the category subtotal counts the event once
    assert round(sum(s.delta for s in v2.steps), 6) == v2.total


def test_two_indicators_on_different_records_both_count() -> None:
    deletion = _finding(DELETION, "device_event", ("e1", "e2", "e3", "e4"), field="event")
    order = _finding(WIPE, "message", ("m1",), field="text", span=(0, 22))  # "delete all messages"
    topup = TOPUP
    v2 = RiskV2(CATALOGUE).score([deletion, order, topup])
    assert not [s for s in v2.steps if "corroborates" in s.detail_en]
    assert _step(v2, DELETION).delta == 2.25 and _step(v2, WIPE).delta == 2.0
    assert v2.is_case and set(v2.anchors) == {DELETION, WIPE}


def test_two_phrases_of_one_record_are_two_pieces_of_evidence() -> None:
    """The same ad, other words: not one event (a seasonal farm's ad offers the bus and answers on
    WhatsApp); the same words read by two lexicons are."""
    travel = _finding("RCS-REC-PAID-TRAVEL-HOUSING", "ad", ("a1",), field="body", span=(40, 58))
    messenger = _finding("BEH-MESSENGER-ONLY", "ad", ("a1",), field="body", span=(70, 78))
    assert same_evidence(pointers([travel]), pointers([messenger])) == 0
    note = ("n1",)
    isolation = _finding("RCS-ISOLATION", "observation", note, field="text", span=(0, 13))
    threats = _finding("RCS-RULES-THREATS", "observation", note, field="text", span=(0, 13))
    assert same_evidence(pointers([isolation]), pointers([threats])) == 1


def test_other_kinds_of_context_do_not_hide_one_event_a_small_finding_inside_is_its_own() -> None:
    events = tuple(f"e{n}" for n in range(4))
    burst = pointers([_finding(WIPE, "device_event", events, field="event")])
    # the deletion burst also names the 10 ads the purge removed
    with_ads = pointers(
        [
            _finding(DELETION, "device_event", events, field="event"),
            _finding(DELETION, "ad", tuple(f"a{n}" for n in range(10)), field="phone"),
        ]
    )
    assert same_evidence(burst, with_ads) == 1
    # one obscured phone among a roster's 10 ads is a finding of its own
    roster = pointers([_finding("BEH-ROTATING-ROSTER", "ad", tuple(f"a{n}" for n in range(10)))])
    one = pointers([_finding("BEH-OBSCURED-PHONE", "ad", ("a0",))])
    assert same_evidence(roster, one) == 0.1


def test_each_corroborator_points_at_a_counted_lead_never_a_chain() -> None:
    a = frozenset({("ad", str(n), None, None, None) for n in range(10)})
    b = a - {("ad", "0", None, None, None)} | {("ad", "10", None, None, None)}  # 9 of 11: 0.82
    c = b - {("ad", "1", None, None, None)} | {("ad", "11", None, None, None)}  # b ~ c, a !~ c
    lead_of = corroborations(["A", "B", "C"], {"A": a, "B": b, "C": c})
    assert lead_of == {"B": "A"}  # C is like B, but B is not counted: C counts on its own
    assert once_per_event(["B", "C"], lead_of) == ["B", "C"]
    assert once_per_event(["A", "B", "C"], lead_of) == ["A", "C"]
