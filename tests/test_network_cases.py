"""Networks, roles and explained cases on a scanned synthetic world, and the graph rules on small
hand-made inputs: payments never make a buyer a member, hubs are cut, Leiden splits a large
component, and every case's score is the sum of its explanation steps."""

from __future__ import annotations

import pytest

from redflags.cases.build import _with_related
from redflags.catalogue import load_catalogue
from redflags.link import Linker, PaymentPair
from redflags.model import Case, Evidence, Finding, Identifier
from redflags.model.cases import NetworkInfo
from redflags.pipeline import ScanOptions, ScanResult, run_scan
from redflags.score import RiskV1
from redflags_synth.world.generate import generate_world

CATALOGUE = load_catalogue()


def _finding(
    indicator_id: str, kind: str, record: str, pivots: tuple[str, ...] = (), **facts: object
) -> Finding:
    return Finding(
        indicator_id=indicator_id,
        indicator_version=CATALOGUE.get(indicator_id).version,
        subject_kind=pivots[0].split(":")[0] if pivots else "test",
        subject=pivots[0].split(":", 1)[1] if pivots else record,
        summary_en="x",
        summary_da="x",
        facts=dict(facts),
        evidence=(Evidence(kind=kind, record_id=record),),
        pivots=pivots,
    )


def _ident(kind: str, value: str, record_kind: str, record_id: str) -> Identifier:
    return Identifier(
        kind=kind, value=value, record_kind=record_kind, record_id=record_id, field=kind
    )


def _pay(payer: str, payee: str, count: int = 1, merchant: bool = False) -> PaymentPair:
    return PaymentPair(
        payer, payee, count, 100.0 * count, "DKK", "2026-01-01", "2026-02-01", merchant=merchant
    )


def _two_flagged_accounts() -> tuple[list[Identifier], list[Finding]]:
    identifiers = [
        _ident("customer", "w", "customer", "w"),
        _ident("account", "acc-w", "customer", "w"),
        _ident("customer", "c", "customer", "c"),
        _ident("account", "acc-c", "customer", "c"),
    ]
    findings = [
        _finding("FIN-WORKER-SWEEP", "transaction", "t1", ("account:acc-w",)),
        _finding(
            "FIN-BUYER-PAYS-THIRD-PARTY",
            "transaction",
            "t2",
            ("account:acc-c",),
            distinct_payers=40,
        ),
    ]
    return identifiers, findings


def test_buyers_paying_never_become_members_and_payments_stay_inside() -> None:
    identifiers, findings = _two_flagged_accounts()
    payments = [_pay(f"buyer{i}", "acc-c") for i in range(30)] + [_pay("acc-w", "acc-c", 6)]
    result = Linker().link(identifiers, findings, payments)
    assert len(result.groups) == 2  # default "inside": the sweep does not join components
    for group in result.groups:
        assert not any(p.startswith("account:buyer") for p in group.pivots)
    organiser = next(g for g in result.groups if "account:acc-c" in g.pivots)
    assert len(organiser.payments) == 31  # edges kept for roles and drawing


def test_flagged_mode_joins_two_flagged_accounts_and_cuts_a_processor() -> None:
    identifiers, findings = _two_flagged_accounts()
    payments = [_pay("acc-w", "acc-c", 6)] + [_pay(f"buyer{i}", "acc-c") for i in range(30)]
    joined = Linker(payment_mode="flagged").link(identifiers, findings, payments)
    assert len(joined.groups) == 1 and joined.payment_joins == 1
    assert not any(p.startswith("account:buyer") for p in joined.groups[0].pivots)
    # a processor paying out to many flagged accounts is cut like a hub
    many_ids, many_findings = [], []
    for i in range(8):
        many_ids += [
            _ident("customer", f"k{i}", "customer", f"k{i}"),
            _ident("account", f"a{i}", "customer", f"k{i}"),
        ]
        many_findings.append(
            _finding("FIN-WORKER-SWEEP", "transaction", f"t{i}", (f"account:a{i}",))
        )
    many_ids += [
        _ident("customer", "p", "customer", "p"),
        _ident("account", "proc", "customer", "p"),
    ]
    many_findings.append(_finding("FIN-AFTER-HOURS", "transaction", "tp", ("account:proc",)))
    cut = Linker(max_pivot_degree=5, payment_mode="flagged").link(
        many_ids, many_findings, [_pay("proc", f"a{i}") for i in range(8)]
    )
    assert "account:proc" in cut.hubs and "processor" in cut.hub_reasons["account:proc"]
    assert len(cut.groups) == 9


def test_leiden_splits_a_large_component_and_records_its_parameters() -> None:
    identifiers, findings = [], []
    for side in ("a", "b"):
        for i in range(30):
            identifiers.append(_ident("phone", f"+45{side}", "ad", f"{side}{i}"))
            identifiers.append(_ident("email", f"{side}{i % 3}@x.dk", "ad", f"{side}{i}"))
        findings.append(_finding("BEH-CONTACT-PROXY", "ad", f"{side}0", (f"phone:+45{side}",)))
    identifiers.append(_ident("phone", "+45a", "ad", "bridge"))  # one ad carries both phones
    identifiers.append(_ident("phone", "+45b", "ad", "bridge"))
    whole = Linker(max_component_records=1000).link(identifiers, findings)
    assert len(whole.groups) == 1 and whole.groups[0].method == "components"
    split = Linker(max_component_records=20).link(identifiers, findings)
    assert split.split_components == 1
    assert len(split.groups) == 2
    for group in split.groups:
        assert group.method == "leiden" and group.modularity and group.modularity > 0.3
        assert group.parameters["seed"] == 42 and group.component_records == 61
    assert len({g.component_id for g in split.groups}) == 1  # both halves know their component


def test_cases_cut_from_one_component_point_at_each_other() -> None:
    def case(case_id: str, component: str | None) -> Case:
        base = Case.model_validate(
            {
                "case_id": case_id,
                "group_id": "G-" + case_id,
                "score": {
                    "model": "risk-v1",
                    "total": 0,
                    "steps": [],
                    "source_types": [],
                    "is_case": True,
                    "priority": "review",
                },
                "findings": [],
                "records": [],
                "pivots": [],
                "timeline": [],
            }
        )
        return base.model_copy(update={"network": NetworkInfo(component_id=component)})

    linked = _with_related([case("C-1", "K-1"), case("C-2", "K-1"), case("C-3", None)])
    assert [c.network.related_cases for c in linked if c.network] == [("C-2",), ("C-1",), ()]


@pytest.fixture(scope="module")
def scan(tmp_path_factory: pytest.TempPathFactory) -> ScanResult:
    root = tmp_path_factory.mktemp("network")
    generate_world(root / "world", "demo", seed=3)
    return run_scan([root / "world"], ScanOptions(out=root / "run", redaction_key=b"k"))


def test_every_case_is_the_sum_of_its_steps_and_its_categories(scan: ScanResult) -> None:
    assert scan.cases
    for case in scan.cases:
        steps = sum(s.delta for s in case.score.steps)
        assert abs(case.score.total - steps) < 1e-9, case.case_id
        assert abs(sum(c.points for c in case.categories) - case.score.total) < 1e-6
        assert {i for c in case.categories for i in c.indicator_ids} == set(case.indicator_ids)
        two_sources = len(case.score.source_types) >= 2
        assert (case.score.is_case and two_sources) or case.score.forced_review


def test_the_vulnerability_modifier_never_makes_a_case(scan: ScanResult) -> None:
    """Every group the modifier touches is a case without it too, or is no case with it."""
    model = RiskV1(load_catalogue())
    touched = [
        g
        for g in scan.link.groups
        if any(f.indicator_id == "KYC-VULNERABILITY-CONTEXT" for f in g.findings)
    ]
    assert touched, "the demo world should give the modifier something to modify"
    for group in touched:
        without = [f for f in group.findings if f.indicator_id != "KYC-VULNERABILITY-CONTEXT"]
        assert model.score(without).is_case == model.score(group.findings).is_case
        assert model.score(without).total <= model.score(group.findings).total


def _with_role(cases: list[Case], role: str) -> list[Case]:
    return [c for c in cases if any(r.role == role for r in c.roles)]


def test_cases_carry_roles_timeline_cities_and_network(scan: ScanResult) -> None:
    organised = _with_role(scan.cases, "organiser")
    assert organised, "no case names an organiser"
    for case in scan.cases:
        assert case.network is not None and case.network.component_size > 0
        members = set(case.pivots)
        for role in case.roles:
            assert role.reasons_en and len(role.reasons_en) == len(role.reasons_da)
            if role.role == "buyer":
                assert role.entity not in members  # buyers are never members
        for edge in case.edges:
            if edge.kind == "payment":
                assert edge.source in members and edge.target in members
        assert [t.start or "" for t in case.timeline] == sorted(
            t.start or "" for t in case.timeline
        )
    assert any(c.cities for c in scan.cases)
    assert any(t.event == "first_ad" for c in scan.cases for t in c.timeline)
