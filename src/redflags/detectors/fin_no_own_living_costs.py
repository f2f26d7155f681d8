"""FIN-NO-OWN-LIVING-COSTS: money passes through a private account that pays no living costs.

Per private account (the holder's segment is `private`) and local calendar month: the inflow
(everything paid into the account from another account), the outflow (everything paid out of it
to another account or in cash) and the part of the outflow spent on essentials: the `essentials`
merchant group (food, medicine, local transport, utilities, rent), plus rent and utilities paid
by transfer (a memo in `essential_memos`, compared trimmed and in lower case). A month qualifies
when the inflow is at least `min_monthly_inflow`, the essentials are below
`essential_share_below` of the inflow and at least `pass_through_share` of the inflow left the
account again in the same month. The pattern must hold in at least `min_months` months.

The pass-through condition is ours, not the rule's: as written, the rule also matches a saver,
a salaried customer who pays by a partner's card, and anyone who simply keeps their money. The
victim it means is the one whose food and housing someone else pays while her earnings go
through her account to him. The evidence is the flagged month's inflow and outflow.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from redflags.catalogue.params.fin import NoOwnLivingCostsParams
from redflags.detectors.aggregate import AggregateDetector
from redflags.detectors.base import register

DEFINITION = """
WITH holders AS (
    SELECT account_id FROM account_holders WHERE segment = $segment
),
moves AS (
    SELECT t.payee AS account, t.txn_id, t.ts, t.local_month, t.amount AS inflow,
           CAST(0 AS DOUBLE) AS outflow, CAST(0 AS DOUBLE) AS essentials
    FROM txn_features t JOIN holders h ON h.account_id = t.payee
    WHERE t.payer IS NULL OR t.payer <> t.payee
    UNION ALL
    SELECT t.payer AS account, t.txn_id, t.ts, t.local_month, CAST(0 AS DOUBLE) AS inflow,
           t.amount AS outflow,
           CASE WHEN list_contains(t.groups, $merchant_list)
                  OR list_contains($essential_memos, lower(trim(coalesce(t.memo, ''))))
                THEN t.amount ELSE CAST(0 AS DOUBLE) END AS essentials
    FROM txn_features t JOIN holders h ON h.account_id = t.payer
    WHERE t.payee IS NULL OR t.payee <> t.payer
),
months AS (
    SELECT account, local_month, sum(inflow) AS inflow, sum(outflow) AS outflow,
           sum(essentials) AS essentials, min(ts) AS first_ts, max(ts) AS last_ts
    FROM moves GROUP BY account, local_month
),
flagged AS (
    SELECT * FROM months
    WHERE inflow >= $min_monthly_inflow
      AND essentials < $essential_share_below * inflow
      AND outflow >= $pass_through_share * inflow
),
qualifying AS (
    SELECT account, count(*) AS months FROM flagged GROUP BY account
    HAVING count(*) >= $min_months
),
-- the transactions behind a flagged month, gathered for those months only
month_evidence AS (
    SELECT m.account, m.local_month, list(m.txn_id) AS evidence
    FROM moves m
    JOIN flagged f ON f.account = m.account AND f.local_month = m.local_month
    JOIN qualifying q ON q.account = m.account
    GROUP BY m.account, m.local_month
)
SELECT f.account AS subject, f.first_ts AS window_start, f.last_ts AS window_end, e.evidence,
       f.inflow AS rank, f.local_month AS month, q.months, f.inflow, f.outflow,
       f.essentials / f.inflow AS essential_share, f.outflow / f.inflow AS passed_share
FROM flagged f
JOIN qualifying q ON q.account = f.account
JOIN month_evidence e ON e.account = f.account AND e.local_month = f.local_month
"""


@register
class NoOwnLivingCostsDetector(AggregateDetector):
    kind = "no_own_living_costs"
    p: NoOwnLivingCostsParams
    record_kinds = ("transaction", "customer")
    description = (
        "A private account whose monthly inflow passes through it while it pays almost no "
        "living costs."
    )
    definition = DEFINITION
    facts = ("month", "months", "inflow", "outflow", "essential_share", "passed_share")
    summary_en = (
        "In {months} months money passed through the account without paying for food, rent or "
        "transport; in {month}, {inflow:,.0f} came in, {passed_share:.0%} of it went out again "
        "and {essential_share:.1%} was spent on essentials."
    )
    summary_da = (
        "I {months} måneder gik penge gennem kontoen, uden at den betalte mad, husleje eller "
        "transport; i {month} kom {inflow:,.0f} ind, {passed_share:.0%} gik ud igen, og "
        "{essential_share:.1%} gik til det nødvendige."
    )

    def sql_params(self, run_settings: Mapping[str, Any]) -> dict[str, Any]:
        return {
            **super().sql_params(run_settings),
            "essential_memos": [m.strip().lower() for m in self.p.essential_memos],
        }

    def strength(self, facts: Mapping[str, Any]) -> float:
        return min(1.0, 0.4 + 0.2 * (int(facts["months"]) - 1))
