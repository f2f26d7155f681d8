"""FIN-FAN-IN-FROM-WORKERS: several unrelated newcomers keep sending money to one person.

Per beneficiary and local calendar month: the private senders (customers here, since surname
and onboarding date come from KYC) who send it money in at least `min_months_per_sender`
different months (regularly, as workers handing over part of each wage do); the month
qualifies when at least `min_senders` distinct surnames are among them and at least
`min_new_senders` of them, and at least `min_new_share` of all, became customers within
`new_customer_days` before the transfer (newcomers, not a utility that everyone pays).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from redflags.catalogue.params.fin import FanInFromWorkersParams
from redflags.detectors.aggregate import AggregateDetector
from redflags.detectors.base import register

DEFINITION = """
WITH sent AS (
    SELECT t.payee AS beneficiary, t.payer AS sender, t.txn_id, t.ts, t.local_month,
           lower(trim(h.last_name)) AS surname,
           t.epoch_s - CAST(floor(epoch(h.onboarded_at)) AS BIGINT) AS customer_for_s
    FROM txn_features t
    JOIN account_holders h ON h.account_id = t.payer
    WHERE list_contains($channels, t.channel) AND NOT t.payer_is_business
      AND NOT t.payee_is_business AND t.payer <> t.payee
      AND h.last_name IS NOT NULL AND trim(h.last_name) <> ''
),
regular AS (
    SELECT beneficiary, sender FROM sent GROUP BY beneficiary, sender
    HAVING count(DISTINCT local_month) >= $min_months_per_sender
),
monthly AS (
    SELECT s.* FROM sent s
    JOIN regular r ON r.beneficiary = s.beneficiary AND r.sender = s.sender
),
months AS (
    SELECT beneficiary, local_month, count(DISTINCT sender) AS senders,
           count(DISTINCT surname) AS surnames,
           count(DISTINCT CASE WHEN customer_for_s BETWEEN 0 AND $new_seconds THEN sender END)
               AS new_senders,
           count(*) AS transfers, min(ts) AS first_ts, max(ts) AS last_ts,
           list(txn_id) AS evidence
    FROM monthly GROUP BY beneficiary, local_month
)
SELECT beneficiary AS subject, first_ts AS window_start, last_ts AS window_end, evidence,
       surnames AS rank, local_month AS month, senders, surnames, new_senders, transfers
FROM months
WHERE surnames >= $min_senders AND new_senders >= $min_new_senders
  AND new_senders >= $min_new_share * senders
"""


@register
class FanInFromWorkersDetector(AggregateDetector):
    kind = "fan_in_from_workers"
    p: FanInFromWorkersParams
    record_kinds = ("transaction", "customer")
    description = "Several unrelated, recently onboarded customers regularly pay one person."
    definition = DEFINITION
    facts = ("month", "senders", "surnames", "new_senders", "transfers")
    summary_en = (
        "In {month}, {senders} regular senders with {surnames} different surnames "
        "({new_senders} of them new customers) sent {transfers} transfers to this account."
    )
    summary_da = (
        "I {month} sendte {senders} faste afsendere med {surnames} forskellige efternavne "
        "({new_senders} af dem nye kunder) {transfers} overførsler til denne konto."
    )

    def sql_params(self, run_settings: Mapping[str, Any]) -> dict[str, Any]:
        return {
            **super().sql_params(run_settings),
            "new_seconds": self.seconds("new_customer_days"),
        }

    def strength(self, facts: Mapping[str, Any]) -> float:
        return min(1.0, int(facts["surnames"]) / (2 * float(self.p.min_senders)))
