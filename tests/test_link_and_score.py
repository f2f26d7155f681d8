from __future__ import annotations

import pytest

from redflags.catalogue import load_catalogue
from redflags.link import Linker, attach_modifiers
from redflags.model import Evidence, Finding, Identifier
from redflags.score import RiskV1

CATALOGUE = load_catalogue()


def _finding(indicator_id: str, kind: str, record: str, pivots: tuple[str, ...] = ()) -> Finding:
    indicator = CATALOGUE.get(indicator_id)
    return Finding(
        indicator_id=indicator_id,
        indicator_version=indicator.version,
        subject_kind="test",
        subject=record,
        summary_en="x",
        summary_da="x",
        evidence=(Evidence(kind=kind, record_id=record),),
        pivots=pivots,
    )


def _ident(kind: str, value: str, record_kind: str, record_id: str) -> Identifier:
    return Identifier(
        kind=kind, value=value, record_kind=record_kind, record_id=record_id, field=kind
    )


def test_records_sharing_a_phone_join_findings_into_one_group() -> None:
    identifiers = [
        _ident("phone", "+4552614783", "ad", "a1"),
        _ident("phone", "+4552614783", "customer", "c1"),
        _ident("account", "acc-1", "customer", "c1"),
        _ident("phone", "+4599999999", "ad", "other"),
    ]
    findings = [
        _finding("BEH-CONTACT-PROXY", "ad", "a1", ("phone:+4552614783",)),
        _finding("FIN-BUYER-PAYS-THIRD-PARTY", "transaction", "t1", ("account:acc-1",)),
        _finding("RCS-REC-MESSENGER-JOB-AD", "ad", "other"),
    ]
    result = Linker().link(identifiers, findings)
    sizes = sorted(len(g.findings) for g in result.groups)
    assert sizes == [1, 2]
    joined = next(g for g in result.groups if len(g.findings) == 2)
    assert {"ad:a1", "customer:c1", "transaction:t1"} <= set(joined.records)


def test_modifiers_join_groups_that_hold_their_records_and_never_link() -> None:
    """A buyer's vulnerability finding (her customer record) must not pull her into the
    network she pays: modifiers are attached after linking, not linked."""
    identifiers = [
        _ident("phone", "+4552614783", "ad", "a1"),
        _ident("phone", "+4552614783", "customer", "worker"),
        _ident("customer", "buyer", "customer", "buyer"),
    ]
    findings = [_finding("BEH-CONTACT-PROXY", "ad", "a1", ("phone:+4552614783",))]
    worker = _finding("KYC-VULNERABILITY-CONTEXT", "customer", "worker")
    buyer = _finding("KYC-VULNERABILITY-CONTEXT", "customer", "buyer")
    result = attach_modifiers(Linker().link(identifiers, findings), [worker, buyer])
    (group,) = result.groups
    assert worker in group.findings and buyer not in group.findings
    assert "customer:buyer" not in group.records
    # the linker does the same when told which indicators are modifiers
    told = Linker(modifier_indicators={"KYC-VULNERABILITY-CONTEXT"})
    assert told.link(identifiers, [*findings, worker, buyer]).groups == result.groups


def test_hub_and_allow_listed_pivots_do_not_join() -> None:
    identifiers = [_ident("customer", f"c{i}", "customer", f"c{i}") for i in range(5)]
    identifiers += [_ident("address", "shelter", "customer", f"c{i}") for i in range(5)]
    identifiers += [_ident("device", "hotel-wifi", "customer", f"c{i}") for i in range(5)]
    findings = [_finding("KYC-SHARED-IDENTIFIERS", "customer", f"c{i}") for i in range(5)]
    result = Linker(max_pivot_degree=4, ignored_pivots={"address:shelter"}).link(
        identifiers, findings
    )
    assert len(result.groups) == 5
    assert result.hubs == {"device:hotel-wifi": 5}


def test_score_is_sum_of_steps_and_needs_two_source_types() -> None:
    model = RiskV1(CATALOGUE)
    one_source = model.score(
        [
            _finding("BEH-CONTACT-PROXY", "ad", "a1"),
            _finding("RCS-REC-MESSENGER-JOB-AD", "ad", "a2"),
            _finding("RCS-REC-MESSENGER-JOB-AD", "ad", "a3"),
        ]
    )
    assert one_source.total == sum(s.delta for s in one_source.steps)
    assert one_source.total >= 5
    assert not one_source.is_case or len(one_source.source_types) >= 2
    case1 = model.score(
        [
            _finding("BEH-CONTACT-PROXY", "ad", "a1"),
            _finding("FIN-BUYER-PAYS-THIRD-PARTY", "transaction", "t1"),
            _finding("KYC-SHARED-IDENTIFIERS", "customer", "c1"),
            _finding("RCS-REC-MESSENGER-JOB-AD", "ad", "a2"),
        ]
    )
    assert case1.is_case
    assert case1.total == sum(s.delta for s in case1.steps)
    assert set(case1.source_types) == {"ad", "transaction", "customer"}
    assert len(case1.signature_elements) == 3


def test_each_indicator_counts_once_per_group_scaled_by_its_evidence_grade() -> None:
    """One step per indicator; more evidence records raise the grade within [0.5, 1.25]."""
    model = RiskV1(CATALOGUE)
    weight = CATALOGUE.get("BEH-CONTACT-PROXY").weight
    once = model.score([_finding("BEH-CONTACT-PROXY", "ad", "a1")])
    many = model.score([_finding("BEH-CONTACT-PROXY", "ad", f"a{i}") for i in range(5)])
    lots = model.score([_finding("BEH-CONTACT-PROXY", "ad", f"a{i}") for i in range(40)])
    assert len(once.steps) == len(many.steps) == len(lots.steps) == 1
    assert once.total == weight  # strength 1, one record
    assert many.total == weight * 1.125  # 3+ evidence records
    assert lots.total == weight * 1.25  # 10+ records: the cap


def test_planned_indicators_are_listed_but_not_scored() -> None:
    model = RiskV1(CATALOGUE)
    planned = next(i for i in CATALOGUE if i.planned and i.weight > 0)
    base = [
        _finding("BEH-CONTACT-PROXY", "ad", "a1"),
        _finding("FIN-BUYER-PAYS-THIRD-PARTY", "transaction", "t1"),
    ]
    with_planned = model.score([*base, _finding(planned.id, "ad", "a1")])
    assert with_planned.total == model.score(base).total
    assert any(s.code == planned.id and s.delta == 0 for s in with_planned.steps)


def test_no_case_without_an_anchor_of_act_or_means() -> None:
    """Ad, money and paperwork patterns of a lawful agency or employer rank a network but cannot
    raise it alone: a case needs recruitment, coercion, surveillance or remote control."""
    model = RiskV1(CATALOGUE)
    business = [
        _finding("BEH-CONTACT-PROXY", "ad", "a1"),
        _finding("BEH-AD-TEMPLATE", "ad", "a2"),
        _finding("FIN-BUYER-PAYS-THIRD-PARTY", "transaction", "t1"),
        _finding("KYC-SHARED-IDENTIFIERS", "customer", "c1"),
    ]
    plain = model.score(business)
    assert plain.total >= 6 and len(plain.source_types) >= 2
    assert not plain.is_case
    assert any(s.code == "RULE-NO-ANCHOR" and s.delta == 0 for s in plain.steps)
    anchored = model.score([*business, _finding("RCS-RULES-THREATS", "message", "m1")])
    assert anchored.is_case


@pytest.mark.parametrize(
    "indicator_id", [i.id for i in CATALOGUE if i.fairness_sensitive and not i.planned]
)
def test_fairness_sensitive_alone_adds_nothing(indicator_id: str) -> None:
    model = RiskV1(CATALOGUE)
    alone = model.score([_finding(indicator_id, "ad", "a1")])
    assert alone.total == 0 and not alone.is_case
    base = [
        _finding("BEH-CONTACT-PROXY", "ad", "a1"),
        _finding("FIN-BUYER-PAYS-THIRD-PARTY", "transaction", "t1"),
    ]
    plain = model.score(base)
    modified = model.score([*base, _finding(indicator_id, "ad", "a1")])
    assert plain.total < modified.total <= plain.total * 1.5


def _vulnerability(multiplier: float) -> Finding:
    finding = _finding("KYC-VULNERABILITY-CONTEXT", "customer", "c9")
    return finding.model_copy(update={"facts": {"multiplier": multiplier}})


def test_the_vulnerability_modifier_scales_with_its_factors_up_to_the_cap() -> None:
    """A finding's own multiplier (1 + 0.125 per factor) applies, never above 1.5."""
    model = RiskV1(CATALOGUE)
    base = [
        _finding("BEH-CONTACT-PROXY", "ad", "a1"),
        _finding("FIN-BUYER-PAYS-THIRD-PARTY", "transaction", "t1"),
    ]
    plain = model.score(base).total
    for multiplier, expected in ((1.125, 1.125), (1.375, 1.375), (1.5, 1.5), (3.0, 1.5)):
        modified = model.score([*base, _vulnerability(multiplier)]).total
        assert modified == pytest.approx(plain * expected)
    two = model.score([*base, _vulnerability(1.125), _vulnerability(1.25)]).total
    assert two == pytest.approx(plain * 1.25)  # the largest in the group, not a product


def test_the_modifier_alone_never_makes_a_case() -> None:
    """Just below the case threshold, x1.5 lifts the total above it, yet the case decision is
    taken on the other evidence; nor does the customer record count as a second record kind."""
    model = RiskV1(CATALOGUE)
    below = [
        _finding("RCS-RULES-THREATS", "message", "m1"),
        _finding("BEH-MESSENGER-ONLY", "message", "m2"),
        _finding("FIN-PAYMENT-MEMO-CUES", "transaction", "t1"),
    ]
    plain = model.score(below)
    assert 4 <= plain.total < 6 and not plain.is_case
    modified = model.score([*below, _vulnerability(1.5)])
    assert modified.total >= 6 and not modified.is_case
    one_kind = model.score([*below[:2], _vulnerability(1.5)])  # messages only, x1.5 = 6
    assert one_kind.total >= 6 and one_kind.source_types == ("message",)
    assert not one_kind.is_case


@pytest.mark.parametrize("indicator_id", [i.id for i in CATALOGUE if i.requires_human])
def test_requires_human_forces_review(indicator_id: str) -> None:
    """Issue #12: an ungraded (or strong) requires-human finding forces review whatever the
    score, but into the youth queue (cases/queues.py), not as a case: a case still needs
    evidence from two record kinds with an anchor. Weak cues: tests/test_youth_and_alerts.py."""
    score = RiskV1(CATALOGUE).score([_finding(indicator_id, "ad", "a1")])
    assert score.forced_review and not score.is_case


@pytest.mark.parametrize("indicator_id", [i.id for i in CATALOGUE if i.negative_control])
def test_negative_controls_subtract(indicator_id: str) -> None:
    model = RiskV1(CATALOGUE)
    base = [_finding("BEH-CONTACT-PROXY", "ad", "a1")]
    assert model.score([*base, _finding(indicator_id, "ad", "a1")]).total < model.score(base).total


def test_a_pivot_on_many_records_of_few_identities_is_not_a_hub() -> None:
    """A controller's phone on sixty ads, or his device in a hundred logins to three accounts,
    ties few identities together: it must keep linking."""
    identifiers = [_ident("phone", "+4552614783", "ad", f"a{i}") for i in range(60)]
    identifiers += [_ident("account", f"acc{i % 3}", "device_event", f"e{i}") for i in range(100)]
    identifiers += [_ident("device", "ctrl", "device_event", f"e{i}") for i in range(100)]
    findings = [
        _finding("BEH-CONTACT-PROXY", "ad", "a0", ("phone:+4552614783",)),
        _finding("FIN-BUYER-PAYS-THIRD-PARTY", "transaction", "t", ("account:acc1",)),
    ]
    result = Linker(max_pivot_degree=50).link(identifiers, findings)
    assert result.hubs == {}
    assert len(result.groups) == 2  # ads and accounts share nothing, so two groups
    joined = Linker(max_pivot_degree=50).link(
        [
            *identifiers,
            _ident("phone", "+4552614783", "customer", "k1"),
            _ident("customer", "k1", "customer", "k1"),
            _ident("account", "acc1", "customer", "k1"),
        ],
        findings,
    )
    assert len(joined.groups) == 1
