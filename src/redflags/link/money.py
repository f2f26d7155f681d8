"""Money that links (issue #13, item 1): a payment a finding is about joins its two ends.

Payments are edges, never membership (link/groups.py): buyers paying a worker must not join
her network. But when a finding is *about* a payment — a worker's earnings swept to someone
else, wages pooled into one account, fees taken back for housing and travel, the proceeds
remitted abroad — that payment is the very evidence that the two ends are one operation. Such
a finding carries the accounts of its payments as pivots, so linking joins the payer's and the
payee's groups through it (hubs and the allow-list still cut, as for any pivot).

Buyers paying a third party (FIN-BUYER-PAYS-THIRD-PARTY) is left out on purpose: its payments
are the buyers', and buyers are not members of the network they pay.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from redflags.model import Finding

MONEY_LINK_INDICATORS = frozenset(
    {
        "FIN-WORKER-SWEEP",
        "FIN-WAGES-POOLED",
        "FIN-RECRUIT-FEES-DEDUCTIONS",
        "FIN-DEBT-REMITTANCE",
    }
)

# txn ids -> {txn id: (payer, payee)}
PaymentEnds = Callable[[list[str]], dict[str, tuple[str, str]]]


def with_money_pivots(findings: Sequence[Finding], ends: PaymentEnds) -> list[Finding]:
    """The findings, those about money carrying the accounts of their payments as pivots."""
    wanted = sorted(
        {
            e.record_id
            for f in findings
            if f.indicator_id in MONEY_LINK_INDICATORS
            for e in f.evidence
            if e.kind == "transaction"
        }
    )
    if not wanted:
        return list(findings)
    by_txn = ends(wanted)
    linked = []
    for finding in findings:
        if finding.indicator_id in MONEY_LINK_INDICATORS:
            accounts = {
                f"account:{account}"
                for e in finding.evidence
                if e.kind == "transaction" and e.record_id in by_txn
                for account in by_txn[e.record_id]
                if account
            }
            if accounts - set(finding.pivots):
                pivots = tuple(sorted(set(finding.pivots) | accounts))
                finding = finding.model_copy(update={"pivots": pivots})
        linked.append(finding)
    return linked
