"""The generator's truth rules are registered per indicator (`@truth_rule`): each names a
catalogued, implemented indicator and a record kind, once; their thresholds are the catalogue's."""

from __future__ import annotations

import pytest

from redflags.catalogue import load_catalogue
from redflags.model import RecordKind
from redflags_synth.world.typologies import rules
from redflags_synth.world.typologies.truth_rules import TRUTH_RULES, truth_rule


def test_every_truth_rule_names_an_implemented_indicator_and_a_kind() -> None:
    catalogue = load_catalogue()
    assert len(TRUTH_RULES) >= 15
    for indicator, rule in TRUTH_RULES.items():
        assert rule.indicator == indicator
        assert not catalogue.get(indicator).planned, indicator
        assert RecordKind(rule.kind)
    assert list(TRUTH_RULES)[-1] == "KYC-VULNERABILITY-CONTEXT"  # reads the others' flags


def test_an_indicator_has_one_truth_rule() -> None:
    with pytest.raises(ValueError, match="registered already"):
        truth_rule("FIN-GEO-CIRCUIT", "transaction")(lambda network: set())


def test_truth_reads_its_thresholds_from_the_catalogue() -> None:
    params = load_catalogue().get("FIN-BIZ-NO-PAYROLL").detector.params
    assert params["annual_revenue_above"] == rules.PAYROLL_REVENUE_ABOVE
    assert {m.lower() for m in params["payroll_memos"]} == rules.PAYROLL_MEMOS
    window = load_catalogue().get("FIN-GEO-CIRCUIT").detector.params["window_days"]
    assert window * 86400 == rules.GEO_WINDOW
