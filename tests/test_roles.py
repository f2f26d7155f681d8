"""Roles as catalogue data: each indicator's `roles` say whose role a finding shows and why;
link/roles.py reads them (and what payments say) and holds no list of indicators."""

from __future__ import annotations

from typing import Any

from redflags.catalogue import load_catalogue
from redflags.link.groups import Group
from redflags.link.roles import infer_roles
from redflags.model import Finding


def _group(indicator: str, kind: str, subject: str, **facts: Any) -> Group:
    finding = Finding(
        indicator_id=indicator,
        indicator_version=1,
        subject_kind=kind,
        subject=subject,
        summary_en="x",
        summary_da="x",
        facts=facts,
        pivots=(f"{kind}:{subject}", "phone:+4520005836"),
    )
    return Group(group_id="G1", records=(), pivots=finding.pivots, findings=(finding,))


def test_the_roles_come_from_the_catalogue() -> None:
    with_roles = {i.id for i in load_catalogue() if i.roles}
    assert {"FIN-BUYER-PAYS-THIRD-PARTY", "RCS-DOCS-RETAINED", "RCS-REC-URGENCY"} <= with_roles
    roles = infer_roles(_group("FIN-BUYER-PAYS-THIRD-PARTY", "account", "A1", distinct_payers=27))
    assert [(r.entity, r.role) for r in roles] == [("account:A1", "organiser")]
    assert roles[0].reasons_en == ("receives from 27 distinct payers, mostly one-off",)
    assert roles[0].reasons_da == ("modtager fra 27 forskellige betalere, oftest én gang",)


def test_whose_role_the_contacts_a_device_owner_and_a_count_that_picks_a_word() -> None:
    threats = infer_roles(_group("RCS-RULES-THREATS", "message", "M1"))
    assert [(r.entity, r.role) for r in threats] == [("phone:+4520005836", "organiser")]
    control = infer_roles(_group("RCS-SURV-ACCOUNT-CONTROL", "account", "A2", device_owner="C9"))
    assert {(r.entity, r.role) for r in control} == {
        ("customer:C9", "organiser"),
        ("account:A2", "worker"),
    }
    one = infer_roles(_group("KYC-CONTACT-IN-SEX-ADS", "customer", "C1", personas=1))
    three = infer_roles(_group("KYC-CONTACT-IN-SEX-ADS", "customer", "C1", personas=3))
    assert one[0].reasons_en == ("their contact is in sex ads (1 persona)",)
    assert three[0].reasons_en == ("their contact is in sex ads (3 personas)",)


def test_a_role_that_needs_a_fact_waits_for_it() -> None:
    assert infer_roles(_group("BEH-CONTACT-PROXY", "phone", "+4520001111", personas=0)) == ()
    fronts = infer_roles(_group("BEH-CONTACT-PROXY", "phone", "+4520001111", personas=4))
    assert fronts[0].role == "organiser" and fronts[0].reasons_en == ("fronts 4 personas",)
