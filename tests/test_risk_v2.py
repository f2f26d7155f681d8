"""risk-v2 (issue #13, item 2): control over money and papers anchors a case without words;
risk-v1 stays as it is."""

from __future__ import annotations

from typing import Any

import pytest

from finding_builder import CATALOGUE, finding
from redflags.model import Finding
from redflags.score import MODELS, RiskV1, RiskV2, model_for
from redflags.score.risk_v2 import (
    CONTROL_ANCHOR,
    MONEY_CONTROL,
    PAPER_CONTROL,
    RECRUITMENT_OFFERS,
)
from redflags.settings import MODELS as SETTINGS_MODELS
from redflags.settings import RunSettings, SettingsError


def _finding(indicator_id: str, record: str, kind: str, **facts: Any) -> Finding:
    return finding(indicator_id, kind, (record,), **facts)


# A labour network as the blind bank world showed it: wages pooled and fees taken back, papers
# handled by the boss, identifiers shared; no RCS text anywhere.
LABOUR = [
    _finding("FIN-WAGES-POOLED", "t1", "transaction"),
    _finding("FIN-RECRUIT-FEES-DEDUCTIONS", "t2", "transaction"),
    _finding("KYC-DOC-HANDLING", "c1", "customer"),
    _finding("KYC-SHARED-IDENTIFIERS", "c2", "customer"),
]


def test_money_and_paper_control_anchor_a_case_in_risk_v2_only() -> None:
    v1, v2 = RiskV1(CATALOGUE).score(LABOUR), RiskV2(CATALOGUE).score(LABOUR)
    assert v1.total == v2.total >= 6
    assert not v1.is_case and "RULE-NO-ANCHOR" in {s.code for s in v1.steps}
    assert v2.is_case and v2.anchors == (CONTROL_ANCHOR,) and v2.model == "risk-v2"
    [anchor] = [s for s in v2.steps if s.code == CONTROL_ANCHOR]
    assert anchor.delta == 0 and "FIN-WAGES-POOLED" in anchor.detail_en
    assert "KYC-DOC-HANDLING" in anchor.detail_en


@pytest.mark.parametrize("dropped", [MONEY_CONTROL, PAPER_CONTROL])
def test_one_side_of_control_alone_is_no_anchor(dropped: frozenset[str]) -> None:
    """An employer paying wages, or a family on one phone, is one lawful pattern."""
    findings = [f for f in LABOUR if f.indicator_id not in dropped]
    findings += [_finding("KYC-BATCH-ONBOARDING", "c3", "customer")] * 3
    score = RiskV2(CATALOGUE).score(findings)
    assert CONTROL_ANCHOR not in score.anchors and not score.is_case


# A lawful seasonal farm: its Romanian job ad offers the bus ("transport asigurat") and answers on
# WhatsApp; it deducts the rent from wages; its workers' profiles look unusual to the bank.
SEASONAL = [
    # "transport asigurat" and "WhatsApp": two phrases of one ad, not one event (issue #16)
    finding("RCS-REC-PAID-TRAVEL-HOUSING", "ad", ("a1",), field="body", span=(40, 58)),
    finding("BEH-MESSENGER-ONLY", "ad", ("a1",), field="body", span=(70, 78)),
    _finding("FIN-RECRUIT-FEES-DEDUCTIONS", "t1", "transaction"),
    _finding("KYC-PROFILE-MISMATCH", "c1", "customer"),
]


def test_one_recruitment_offer_alone_anchors_nothing_in_risk_v2() -> None:
    v1, v2 = RiskV1(CATALOGUE).score(SEASONAL), RiskV2(CATALOGUE).score(SEASONAL)
    assert v1.total == v2.total >= 6
    assert v1.is_case and v1.anchors == ("RCS-REC-PAID-TRAVEL-HOUSING",)  # as released
    assert not v2.is_case and v2.anchors == ()


@pytest.mark.parametrize(
    "second", ["RCS-REC-URGENCY", "RCS-REC-FEES-DEBT", "RCS-DOCS-RETAINED"], ids=str
)
def test_a_second_recruitment_flag_or_any_other_anchor_restores_it(second: str) -> None:
    score = RiskV2(CATALOGUE).score([*SEASONAL, _finding(second, "m1", "message")])
    assert score.is_case and "RCS-REC-PAID-TRAVEL-HOUSING" in score.anchors


def test_every_control_indicator_exists_and_is_not_planned() -> None:
    for indicator_id in MONEY_CONTROL | PAPER_CONTROL | RECRUITMENT_OFFERS:
        assert not CATALOGUE.get(indicator_id).planned


def test_the_models_known_to_settings_are_the_models_that_exist() -> None:
    assert set(SETTINGS_MODELS) == set(MODELS)
    assert model_for("risk-v2", CATALOGUE).name == "risk-v2"
    with pytest.raises(ValueError, match="no risk model"):
        model_for("risk-v9", CATALOGUE)
    assert RunSettings().overridden(model="RISK-V2").model == "risk-v2"
    with pytest.raises(SettingsError, match="not a risk model"):
        RunSettings().overridden(model="v3")


def test_the_model_flag_reaches_the_run(tmp_path: Any) -> None:
    import json

    from typer.testing import CliRunner

    from redflags.cli import app

    ads = tmp_path / "ads.jsonl"
    ads.write_text(
        json.dumps({"ad_id": "a1", "posted_at": "2026-06-01T10:00:00Z", "body": "Hi"}) + "\n",
        encoding="utf-8",
    )
    runner = CliRunner()
    done = runner.invoke(
        app, ["scan", str(ads), "--out", str(tmp_path / "r"), "--model", "risk-v2"]
    )
    assert done.exit_code == 0, done.output
    run = json.loads((tmp_path / "r" / "run.json").read_text(encoding="utf-8"))
    assert run["model"] == "risk-v2"
    bad = runner.invoke(app, ["scan", str(ads), "--model", "risk-v9"])
    assert bad.exit_code == 1 and "not a risk model" in bad.output
