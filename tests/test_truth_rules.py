"""The generator's truth rules are registered per indicator (`@truth_rule`) in the module of their
family, which the truth package discovers: each names a catalogued, implemented indicator and a
record kind, once; their thresholds are the catalogue's."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from redflags.catalogue import load_catalogue
from redflags.model import RecordKind
from redflags_synth.world import text
from redflags_synth.world.typologies import truth
from redflags_synth.world.typologies.truth import (
    MODULES,
    TRUTH_RULES,
    NetworkRecords,
    ads,
    companies,
    financial_flows,
    rules_in_order,
    truth_rule,
)
from redflags_synth.world.typologies.truth import financial_spending as spending

HELPER_MODULES = {"common", "registry"}  # register no rule themselves


def test_every_truth_rule_names_an_implemented_indicator_and_a_kind() -> None:
    catalogue = load_catalogue()
    assert len(TRUTH_RULES) >= 21
    for indicator, rule in TRUTH_RULES.items():
        assert rule.indicator == indicator
        assert not catalogue.get(indicator).planned, indicator
        assert RecordKind(rule.kind)
    ordered = rules_in_order()
    assert ordered[-1].indicator == "KYC-VULNERABILITY-CONTEXT"  # reads the others' flags
    assert [r.reads_flags for r in ordered] == sorted(r.reads_flags for r in ordered)


def test_an_indicator_has_one_truth_rule() -> None:
    with pytest.raises(ValueError, match="registered already"):
        truth_rule("FIN-GEO-CIRCUIT", "transaction")(lambda network: set())


def test_every_module_of_the_truth_package_is_discovered_and_registers_its_family() -> None:
    files = {p.stem for p in Path(truth.__file__).parent.glob("*.py") if p.stem != "__init__"}
    assert set(MODULES) == files
    registering = {rule.find.__module__.rsplit(".", 1)[-1] for rule in TRUTH_RULES.values()}
    assert registering == files - HELPER_MODULES
    assert all(rule.find.__module__.startswith(f"{truth.__name__}.") for rule in rules_in_order())


def test_truth_reads_its_thresholds_from_the_catalogue() -> None:
    def params(indicator: str) -> dict[str, object]:
        return dict(load_catalogue().get(indicator).detector.params)

    payroll = params("FIN-BIZ-NO-PAYROLL")
    assert payroll["annual_revenue_above"] == companies.PAYROLL_REVENUE_ABOVE
    assert {str(m).lower() for m in payroll["payroll_memos"]} == companies.PAYROLL_MEMOS
    assert params("FIN-GEO-CIRCUIT")["window_days"] * 86400 == spending.GEO_WINDOW
    proxy = params("BEH-CONTACT-PROXY")
    assert timedelta(days=proxy["window_days"]) == ads.PROXY_WINDOW
    assert proxy["min_personas"] == ads.PROXY_MIN_PERSONAS
    circuit = params("BEH-MULTICITY-CIRCUIT")
    assert timedelta(days=circuit["window_days"]) == ads.CIRCUIT_WINDOW
    photo = params("BEH-PHOTO-REUSE")
    assert (photo["min_phones"], photo["min_persona_names"]) == (
        ads.PHOTO_MIN_PHONES,
        ads.PHOTO_MIN_PERSONAS,
    )
    template = params("BEH-AD-TEMPLATE")
    assert (template["min_cluster_size"], template["max_cluster_size"]) == (
        ads.TEMPLATE_MIN_PERSONAS,
        ads.TEMPLATE_MAX_PERSONAS,
    )


def test_the_buyers_cue_memos_are_terms_of_the_rules_lexicon() -> None:
    """Truth reads the cues from the lexicon FIN-PAYMENT-MEMO-CUES names; the generator's buyers
    write some of them, and their thank-yous are not cues."""
    buyer_memos = {m for m in text.load("everyday")["memos"]["buyer"] if m}
    cues = financial_flows.cue_memos()
    assert buyer_memos & cues == {"massage", "🌹", "❤️"}
    assert "tak for i aften" not in cues


def _network(facts: list[ads.AdFacts]) -> NetworkRecords:
    return NetworkRecords([], [], [], [], [({}, f) for f in facts], [])


def _ad(i: int, persona: str, days: int, city: str = "Aarhus") -> ads.AdFacts:
    posted = datetime(2024, 3, 1, tzinfo=UTC) + timedelta(days=days)
    return ads.AdFacts(f"ad{i}", posted, persona, city, ("phone:+4520000000",))


def test_a_contact_fronting_personas_within_the_window_is_a_proxy() -> None:
    three = [_ad(1, "Anna", 0), _ad(2, "Bea", 5), _ad(3, "Cleo", 10)]
    assert ads.contact_proxy(_network(three)) == {"ad1", "ad2", "ad3"}
    assert ads.rotating_roster(_network(three)) == {"ad1", "ad2", "ad3"}
    window = ads.PROXY_WINDOW.days
    spread = [_ad(1, "Anna", 0), _ad(2, "Bea", window), _ad(3, "Cleo", 2 * window + 1)]
    assert ads.contact_proxy(_network(spread)) == set()
    assert ads.contact_proxy(_network(three[:2])) == set()


def test_a_contact_in_three_cities_within_two_weeks_is_a_circuit() -> None:
    cities = [_ad(1, "Anna", 0, "Aarhus"), _ad(2, "Anna", 3, "Odense"), _ad(3, "Anna", 6, "Vejle")]
    assert ads.multicity_circuit(_network(cities)) == {"ad1", "ad2", "ad3"}
    late = [*cities[:2], _ad(3, "Anna", ads.CIRCUIT_WINDOW.days + 1, "Vejle")]
    assert ads.multicity_circuit(_network(late)) == set()
