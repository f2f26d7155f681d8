"""FIN-WORKER-SWEEP: what reaches the worker's own account leaves within hours to one or two people.

Per private account and local calendar month: the inflow, the outflows that follow an inflow
within `outflow_within_hours` (the sweeps), the share of the inflow the top
`max_counterparties` sweep recipients take, and what stays (inflow minus all outflow, our
stand-in for the month-end balance, which transactions alone do not show). The pattern must
hold in at least `min_months` months. An outflow counts as passed on only up to what came in
during the hours before it, and a month needs `min_payments_in` payments worth
`min_monthly_inflow`: without that floor, anyone who gets 100 kr from a friend and pays a bill
the next day would qualify.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from redflags.catalogue.params.fin import WorkerSweepParams
from redflags.detectors.aggregate import AggregateDetector
from redflags.detectors.base import register

DEFINITION = """
WITH inflow AS (
    SELECT payee AS account, txn_id, epoch_s, ts, amount, local_month
    FROM txn_features
    WHERE list_contains($inflow_channels, channel) AND NOT payee_is_business
),
outflow AS (
    SELECT payer AS account, payee AS counterparty, txn_id, epoch_s, ts, amount, local_month
    FROM txn_features
    WHERE list_contains($outflow_channels, channel) AND NOT payer_is_business
),
swept AS (
    -- an outflow passes on at most what came in during the hours before it, in its own month
    -- (a month-end grant followed by the 1st's rent is last month's money, not this month's)
    SELECT o.account, o.counterparty, o.txn_id, o.local_month,
           least(o.amount, sum(i.amount)) AS amount
    FROM outflow o
    JOIN inflow i ON i.account = o.account AND i.local_month = o.local_month
        AND i.epoch_s <= o.epoch_s AND i.epoch_s >= o.epoch_s - $within_seconds
    GROUP BY o.account, o.counterparty, o.txn_id, o.local_month, o.amount
),
month_in AS (
    SELECT account, local_month, sum(amount) AS inflow, count(*) AS payments_in,
           min(ts) AS first_ts, max(ts) AS last_ts
    FROM inflow GROUP BY account, local_month
),
month_out AS (
    SELECT account, local_month, sum(amount) AS outflow FROM outflow GROUP BY account, local_month
),
per_recipient AS (
    SELECT account, local_month, counterparty, sum(amount) AS swept
    FROM swept GROUP BY account, local_month, counterparty
),
ranked AS (
    SELECT *, row_number() OVER (
        PARTITION BY account, local_month ORDER BY swept DESC, counterparty) AS place
    FROM per_recipient
),
top AS (
    SELECT account, local_month, sum(swept) AS swept, count(*) AS recipients
    FROM ranked WHERE place <= $max_counterparties GROUP BY account, local_month
),
months AS (
    SELECT i.account, i.local_month, i.inflow, i.payments_in, i.first_ts, i.last_ts,
           t.swept / i.inflow AS swept_share, t.recipients,
           (i.inflow - coalesce(o.outflow, 0)) / i.inflow AS retained_share
    FROM month_in i
    JOIN top t ON t.account = i.account AND t.local_month = i.local_month
    LEFT JOIN month_out o ON o.account = i.account AND o.local_month = i.local_month
    WHERE i.inflow >= $min_monthly_inflow AND i.payments_in >= $min_payments_in
      AND t.swept / i.inflow >= $min_outflow_share
      AND (i.inflow - coalesce(o.outflow, 0)) / i.inflow < $month_end_balance_share_below
),
qualifying AS (
    SELECT account, count(*) AS months FROM months GROUP BY account
    HAVING count(*) >= $min_months
),
evidence AS (
    SELECT account, local_month, txn_id FROM inflow
    UNION ALL
    SELECT s.account, s.local_month, s.txn_id FROM swept s
    JOIN ranked r ON r.account = s.account AND r.local_month = s.local_month
        AND r.counterparty = s.counterparty AND r.place <= $max_counterparties
),
evidence_lists AS (
    SELECT account, local_month, list(txn_id) AS evidence FROM evidence
    GROUP BY account, local_month
)
SELECT m.account AS subject, m.first_ts AS window_start, m.last_ts AS window_end,
       e.evidence, m.swept_share AS rank,
       m.local_month AS month, q.months, m.inflow, m.payments_in, m.swept_share,
       m.recipients, m.retained_share
FROM months m
JOIN qualifying q ON q.account = m.account
JOIN evidence_lists e ON e.account = m.account AND e.local_month = m.local_month
"""


@register
class WorkerSweepDetector(AggregateDetector):
    kind = "worker_sweep"
    p: WorkerSweepParams
    record_kinds = ("transaction", "customer")
    description = "A private account whose monthly inflow is passed on within hours to 1-2 people."
    definition = DEFINITION
    facts = ("month", "months", "inflow", "payments_in", "swept_share", "recipients")
    summary_en = (
        "In {months} months the account passed on most of what it received; in {month}, "
        "{swept_share:.0%} of {inflow:,.0f} received left within hours to "
        "{recipients:# recipient|# recipients}."
    )
    summary_da = (
        "I {months} måneder sendte kontoen det meste af det modtagne videre; i {month} gik "
        "{swept_share:.0%} af {inflow:,.0f} videre inden for få timer til "
        "{recipients:# modtager|# modtagere}."
    )

    def sql_params(self, run_settings: Mapping[str, Any]) -> dict[str, Any]:
        return {
            **super().sql_params(run_settings),
            "within_seconds": self.seconds("outflow_within_hours"),
        }

    def strength(self, facts: Mapping[str, Any]) -> float:
        return min(1.0, 0.5 + 0.25 * (int(facts["months"]) - 1))
