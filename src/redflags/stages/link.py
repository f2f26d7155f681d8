"""Stage 3, link: records and findings joined by shared pivots into groups, payments as edges.

The SQL that reads payments for linking lives here: `payment_pairs` (payments per ordered
account pair) and `payment_ends` (payer and payee of the transactions a finding is about)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from redflags.engines import DuckDBEngine
from redflags.extract import IDENTITY_KINDS, identifiers_of
from redflags.extract.stored import TABLE as STORED_IDENTIFIERS
from redflags.link import IdentifierIndex, Linker, LinkResult, PaymentPair
from redflags.link.money import with_money_pivots
from redflags.model import Identifier, RecordKind
from redflags.normalise.phones import DEFAULT_REGION
from redflags.resolve import resolve_people
from redflags.stages.context import ScanContext, Workspace
from redflags.stages.evaluate import Evaluated

# the region -> a table of (rec, pv) pairs every record's extracted pivots are in
KeptPivots = Callable[[str], str]


class LinkStage:
    """Builds the identifier index in the store, then the groups (networks) reachable from
    the findings; fairness-sensitive modifiers are attached to groups, never linked on."""

    def __init__(self, context: ScanContext) -> None:
        self.context = context

    def run(
        self, workspace: Workspace, evaluated: Evaluated, kept_pivots: KeptPivots | None = None
    ) -> LinkResult:
        context, engine = self.context, workspace.engine
        with workspace.store.memory_guard("linking records"):
            context.progress.stage("link records")
            # the person:<id> pivots that join a KYC record, ad persona and sender of one
            # person, and every record's identifiers: as the extract stage stored them, or, in
            # an incremental scan, the pairs the store keeps (re-extracted for touched records);
            # an incremental scan keeps the comparisons of profiles for the next (resolve/kept.py)
            people = resolve_people(engine, context.region, keep=kept_pivots is not None)
            if kept_pivots is None:
                index = IdentifierIndex.build(
                    workspace.store.connection, people, stored=STORED_IDENTIFIERS
                )
            else:
                index = IdentifierIndex.build(
                    workspace.store.connection, people, kept_pivots(context.region)
                )
            modifiers = [i.id for i in context.catalogue if i.fairness_sensitive]
            findings = evaluated.findings
            linking = (
                with_money_pivots(findings, lambda ids: payment_ends(engine, ids))
                if context.options.money_links
                else findings
            )
            linked = Linker(
                context.options.max_pivot_degree, context.allowed, modifier_indicators=modifiers
            ).link_indexed(index, linking, lambda accounts: payment_pairs(engine, accounts))
            index.close()
        return linked


def all_identifiers(engine: DuckDBEngine, region: str = DEFAULT_REGION) -> Iterator[Identifier]:
    """Every identifier in the store, phones read in the run's `region`; transactions are not
    read (payments are edges)."""
    for kind in IDENTITY_KINDS:
        for record in engine.records(RecordKind(kind)):
            yield from identifiers_of(kind, record, region)


def payment_ends(engine: DuckDBEngine, txn_ids: list[str]) -> dict[str, tuple[str, str]]:
    """The payer and payee of each of these transactions (money links, link/money.py)."""
    rows = engine.query(
        "SELECT txn_id, payer, payee FROM transactions "
        "WHERE txn_id IN (SELECT unnest(?::VARCHAR[]))",
        [txn_ids],
    )
    return {str(r["txn_id"]): (str(r["payer"]), str(r["payee"])) for r in rows}


def payment_pairs(engine: DuckDBEngine, accounts: set[str] | None = None) -> list[PaymentPair]:
    """Payments aggregated per ordered (payer, payee) pair in one DuckDB statement; with
    `accounts`, only pairs that touch one of them."""
    touching = ""
    params: list[Any] = []
    if accounts is not None:
        touching = (
            " AND (payer IN (SELECT unnest(?::VARCHAR[]))"
            " OR payee IN (SELECT unnest(?::VARCHAR[])))"
        )
        params = [sorted(accounts), sorted(accounts)]
    rows = engine.query(
        "SELECT payer, payee, count(*) AS n, round(sum(amount), 2) AS amount, "
        "any_value(currency) AS currency, min(ts) AS first, max(ts) AS last, "
        "list(txn_id ORDER BY ts)[1:5] AS txn_ids, bool_or(merchant IS NOT NULL) AS merchant "
        f"FROM transactions WHERE payer <> payee{touching} GROUP BY payer, payee",
        params or None,
    )
    return [
        PaymentPair(
            payer=str(r["payer"]),
            payee=str(r["payee"]),
            count=int(r["n"]),
            amount=float(r["amount"] or 0),
            currency=r["currency"],
            first=r["first"].isoformat() if r["first"] is not None else None,
            last=r["last"].isoformat() if r["last"] is not None else None,
            txn_ids=tuple(r["txn_ids"] or ()),
            merchant=bool(r["merchant"]),
        )
        for r in rows
    ]
