"""FIN-DEBT-REMITTANCE: a new customer sends money abroad, month after month, to a beneficiary that
other customers pay too (a travel debt paid off in instalments to the recruiter's collector).

Per sending account, beneficiary and local calendar month: the transfers the sender made while a
customer of at most `max_customer_age_days` (onboarding date from KYC) to a beneficiary abroad.
The month qualifies when there are at least `min_transfers_per_month` of them and, in the same
month, at least `min_other_senders` other customers of the bank send that beneficiary money
abroad too.

Abroad is read from the transaction's `country`: for an account-to-account transfer it is the
beneficiary's country, as a bank records it for a cross-border (SWIFT/SEPA) payment; domestic
transfers carry no country or the home country (`home_country`), and are not counted. A bank
whose transfers carry the payer's location in `country` must map the beneficiary's country there
instead (its source descriptor), or this indicator reads nothing. Not implemented: the extra
weight when the amounts sit just below reporting limits.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from redflags.catalogue.params.fin import DebtRemittanceParams
from redflags.detectors.aggregate import AggregateDetector
from redflags.detectors.base import register

DEFINITION = """
WITH abroad AS (
    SELECT t.payer AS sender, t.payee AS beneficiary, t.txn_id, t.ts, t.local_month, t.amount,
           upper(t.country) AS country,
           t.epoch_s - CAST(floor(epoch(h.onboarded_at)) AS BIGINT) AS customer_for_s
    FROM txn_features t
    JOIN account_holders h ON h.account_id = t.payer
    WHERE list_contains($channels, t.channel) AND NOT t.payer_is_business
      AND t.payer <> t.payee
      AND t.country IS NOT NULL AND upper(t.country) <> upper($home_country)
),
shared AS (
    SELECT beneficiary, local_month, count(DISTINCT sender) AS senders
    FROM abroad GROUP BY beneficiary, local_month
),
instalments AS (
    SELECT sender, beneficiary, local_month, count(*) AS transfers, sum(amount) AS sent,
           max(country) AS country, max(customer_for_s) AS customer_for_s,
           min(ts) AS first_ts, max(ts) AS last_ts, list(txn_id) AS evidence
    FROM abroad
    WHERE customer_for_s BETWEEN 0 AND $max_age_seconds
    GROUP BY sender, beneficiary, local_month
)
SELECT i.sender AS subject, i.first_ts AS window_start, i.last_ts AS window_end, i.evidence,
       i.transfers AS rank, i.local_month AS month, i.transfers, i.sent, i.country,
       s.senders - 1 AS other_senders,
       CAST(floor(i.customer_for_s / 86400) AS BIGINT) AS customer_days
FROM instalments i
JOIN shared s ON s.beneficiary = i.beneficiary AND s.local_month = i.local_month
WHERE i.transfers >= $min_transfers_per_month AND s.senders - 1 >= $min_other_senders
"""


@register
class DebtRemittanceDetector(AggregateDetector):
    kind = "debt_remittance"
    p: DebtRemittanceParams
    record_kinds = ("transaction", "customer")
    description = (
        "A customer of at most 90 days sends several transfers a month abroad to a beneficiary "
        "that other customers pay too."
    )
    definition = DEFINITION
    facts = ("month", "transfers", "sent", "country", "other_senders", "customer_days")
    summary_en = (
        "In {month}, a customer of {customer_days} days sent {transfers} transfers "
        "({sent:,.0f} in all) to a beneficiary in {country} that {other_senders} other "
        "customers also pay."
    )
    summary_da = (
        "I {month} sendte en kunde på {customer_days} dage {transfers} overførsler "
        "({sent:,.0f} i alt) til en modtager i {country}, som {other_senders} andre kunder "
        "også betaler til."
    )

    def sql_params(self, run_settings: Mapping[str, Any]) -> dict[str, Any]:
        return {
            **super().sql_params(run_settings),
            "max_age_seconds": self.seconds("max_customer_age_days"),
        }

    def strength(self, facts: Mapping[str, Any]) -> float:
        return min(1.0, 0.5 + 0.1 * int(facts["other_senders"]))
