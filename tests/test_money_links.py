"""Money that links (issue #13, item 1): a payment a finding is about joins its two ends;
ordinary payments, and buyers' payments, stay edges."""

from __future__ import annotations

from redflags.catalogue import load_catalogue
from redflags.link import Linker
from redflags.link.money import MONEY_LINK_INDICATORS, with_money_pivots
from redflags.model import Evidence, Finding, Identifier

CATALOGUE = load_catalogue()
ENDS = {"T1": ("ACC-WORKER", "ACC-BOSS"), "T2": ("ACC-BUYER", "ACC-BOSS")}


def _finding(indicator_id: str, txn: str, pivots: tuple[str, ...] = ()) -> Finding:
    return Finding(
        indicator_id=indicator_id,
        indicator_version=CATALOGUE.get(indicator_id).version,
        subject_kind="transaction",
        subject=txn,
        summary_en="x",
        summary_da="x",
        evidence=(Evidence(kind="transaction", record_id=txn),),
        pivots=pivots,
    )


def _ends(ids: list[str]) -> dict[str, tuple[str, str]]:
    return {i: ENDS[i] for i in ids if i in ENDS}


def test_a_sweep_carries_both_accounts_and_a_buyer_payment_does_not() -> None:
    sweep = _finding("FIN-WORKER-SWEEP", "T1", ("account:ACC-WORKER",))
    buyers = _finding("FIN-BUYER-PAYS-THIRD-PARTY", "T2", ("account:ACC-BOSS",))
    linked = with_money_pivots([sweep, buyers], _ends)
    assert set(linked[0].pivots) == {"account:ACC-WORKER", "account:ACC-BOSS"}
    assert linked[1] == buyers
    assert "FIN-BUYER-PAYS-THIRD-PARTY" not in MONEY_LINK_INDICATORS


def _identity(kind: str, record: str, pivot: str) -> Identifier:
    value = pivot.split(":", 1)[1]
    return Identifier(
        record_kind=kind, record_id=record, kind=pivot.split(":", 1)[0], value=value, field="x"
    )


def test_the_sweep_joins_the_worker_and_the_controller_into_one_group() -> None:
    identifiers = [
        _identity("customer", "worker", "account:ACC-WORKER"),
        _identity("customer", "boss", "account:ACC-BOSS"),
        _identity("customer", "buyer", "account:ACC-BUYER"),
    ]
    worker_side = _finding("FIN-WAGES-POOLED", "T9", ("account:ACC-WORKER",))
    boss_side = _finding("KYC-DOC-HANDLING", "T8", ("account:ACC-BOSS",))
    sweep = _finding("FIN-WORKER-SWEEP", "T1", ("account:ACC-WORKER",))
    buyers = _finding("FIN-BUYER-PAYS-THIRD-PARTY", "T2", ("account:ACC-BOSS",))
    apart = Linker().link(identifiers, [worker_side, boss_side, buyers])
    assert len(apart.groups) == 2
    joined = Linker().link(
        identifiers, with_money_pivots([worker_side, boss_side, sweep, buyers], _ends)
    )
    [group] = joined.groups
    assert {"customer:worker", "customer:boss"} <= set(group.records)
    assert "customer:buyer" not in group.records
