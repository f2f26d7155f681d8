"""Cash at the wrong hour or in the wrong size (issue #5).

- FIN-AFTER-HOURS: a customer paying cash in at ATMs at night, at least `min_night_atm_deposits`
  times within `window_days`; and a massage, beauty or spa merchant (a payee whose card sales
  carry a `wellness` merchant category) taking at least `min_night_card_share` of a month's card
  sales at night. The trade comes from the transactions' merchant category, not from the CVR
  register, which we do not have.
- FIN-THRESHOLD-AVOID: at least `min_transactions` cash deposits or outgoing transfers within
  `window_days`, each no more than `max_below_threshold_share` below one of `thresholds`;
  transfers whose memo starts with one of `wage_memos` (wages, benefits) do not count, and
  both deposits and transfers must be our customers' (payer or payee in KYC).

- FIN-MULTI-ATM-DEPOSITS: cash paid into one account in at least `min_deposit_cities` towns
  other than the holder's own (the town is not in the KYC address) within `window_days`. The
  rule's second branch (a withdrawal in another region within 24 hours) is not built: the
  records carry towns, not regions.

A cash deposit is an `atm` or `cash` row whose payee is a customer's account (withdrawals have
the machine as payee).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from redflags.catalogue.params.fin import (
    AfterHoursCashParams,
    MultiAtmDepositsParams,
    ThresholdAvoidParams,
)
from redflags.detectors.aggregate import AggregateDetector
from redflags.detectors.base import register

AFTER_HOURS = """
WITH deposits AS (
    SELECT t.payee AS account, t.txn_id, t.epoch_s, t.ts FROM txn_features t
    JOIN account_holders h ON h.account_id = t.payee
    WHERE list_contains($deposit_channels, t.channel)
      AND (t.local_hour >= $night_start_hour OR t.local_hour < $night_end_hour)
),
deposit_windows AS (
    SELECT a.account, a.txn_id AS anchor, count(*) AS night_items,
           min(b.ts) AS first_ts, max(b.ts) AS last_ts, list(b.txn_id) AS evidence
    FROM deposits a JOIN deposits b ON b.account = a.account
        AND b.epoch_s >= a.epoch_s AND b.epoch_s < a.epoch_s + $window_seconds
    GROUP BY a.account, a.txn_id
),
sales AS (
    SELECT payee AS account, txn_id, ts, local_month,
           CASE WHEN local_hour >= $night_start_hour OR local_hour < $night_end_hour
                THEN 1 ELSE 0 END AS night
    FROM txn_features WHERE channel = 'card' AND list_contains(groups, 'wellness')
),
sales_months AS (
    SELECT account, local_month, count(*) AS sales, sum(night) AS night_sales,
           min(ts) AS first_ts, max(ts) AS last_ts
    FROM sales GROUP BY account, local_month
    HAVING count(*) >= $min_monthly_card_sales
       AND CAST(sum(night) AS DOUBLE) / count(*) >= $min_night_card_share
),
sales_evidence AS (
    SELECT s.account, s.local_month, list(s.txn_id) AS evidence FROM sales s
    JOIN sales_months m ON m.account = s.account AND m.local_month = s.local_month
    WHERE s.night = 1 GROUP BY s.account, s.local_month
)
SELECT account AS subject, first_ts AS window_start, last_ts AS window_end, evidence,
       night_items AS rank, 'night cash deposits' AS pattern, night_items,
       CAST(NULL AS DOUBLE) AS night_share
FROM deposit_windows WHERE night_items >= $min_night_atm_deposits
UNION ALL
SELECT m.account AS subject, m.first_ts AS window_start, m.last_ts AS window_end, e.evidence,
       m.night_sales AS rank, 'night card sales' AS pattern, m.night_sales AS night_items,
       CAST(m.night_sales AS DOUBLE) / m.sales AS night_share
FROM sales_months m JOIN sales_evidence e ON e.account = m.account
    AND e.local_month = m.local_month
"""


@register
class AfterHoursDetector(AggregateDetector):
    kind = "after_hours_cash"
    p: AfterHoursCashParams
    record_kinds = ("transaction", "customer")
    description = "Night cash deposits by a customer, or a wellness merchant's night card sales."
    definition = AFTER_HOURS
    facts = ("pattern", "night_items")
    summary_en = (
        "{pattern}: {night_items} at night ({p.night_start_hour:02d}:00-"
        "{p.night_end_hour:02d}:00) within a month."
    )
    summary_da = (
        "{pattern}: {night_items} om natten (kl. {p.night_start_hour:02d}-"
        "{p.night_end_hour:02d}) inden for en måned."
    )

    def sql_params(self, run_settings: Mapping[str, Any]) -> dict[str, Any]:
        return {
            **super().sql_params(run_settings),
            "window_seconds": self.seconds("window_days"),
        }

    def strength(self, facts: Mapping[str, Any]) -> float:
        return min(1.0, 0.3 + 0.05 * int(facts["night_items"]))


THRESHOLD_AVOID = """
WITH moves AS (
    SELECT t.payee AS account, t.txn_id, t.epoch_s, t.ts, t.amount FROM txn_features t
    JOIN account_holders h ON h.account_id = t.payee
    WHERE list_contains($deposit_channels, t.channel)
    UNION ALL
    SELECT t.payer AS account, t.txn_id, t.epoch_s, t.ts, t.amount FROM txn_features t
    JOIN account_holders h ON h.account_id = t.payer
    WHERE list_contains($transfer_channels, t.channel) AND NOT ({wage_memo})
),
near AS (
    SELECT m.account, m.txn_id, m.epoch_s, m.ts, m.amount, th.threshold
    FROM moves m CROSS JOIN ({thresholds}) AS th(threshold)
    WHERE m.amount < th.threshold
      AND m.amount >= th.threshold * (1 - $max_below_threshold_share)
),
win AS (
    SELECT a.account, a.txn_id AS anchor, a.threshold, count(*) AS transactions,
           sum(b.amount) AS total, min(b.ts) AS first_ts, max(b.ts) AS last_ts,
           list(b.txn_id) AS evidence
    FROM near a JOIN near b ON b.account = a.account AND b.threshold = a.threshold
        AND b.epoch_s >= a.epoch_s AND b.epoch_s < a.epoch_s + $window_seconds
    GROUP BY a.account, a.txn_id, a.threshold
)
SELECT account AS subject, first_ts AS window_start, last_ts AS window_end, evidence,
       transactions AS rank, transactions, threshold, total
FROM win WHERE transactions >= $min_transactions
"""


@register
class ThresholdAvoidDetector(AggregateDetector):
    kind = "threshold_avoid"
    p: ThresholdAvoidParams
    record_kinds = ("transaction",)
    description = "Several deposits or transfers just below a reporting or monitoring threshold."
    definition = THRESHOLD_AVOID
    facts = ("transactions", "threshold", "total")
    summary_en = (
        "{transactions} cash deposits or transfers within {p.window_days} days, each just below "
        "{threshold:,.0f} ({total:,.0f} in all)."
    )
    summary_da = (
        "{transactions} kontantindbetalinger eller overførsler inden for {p.window_days} dage, "
        "hver lige under {threshold:,.0f} ({total:,.0f} i alt)."
    )

    def sql_params(self, run_settings: Mapping[str, Any]) -> dict[str, Any]:
        return {
            **super().sql_params(run_settings),
            "window_seconds": self.seconds("window_days"),
        }

    def definition_sql(self) -> str:
        """The definition with the thresholds as an inline table (a list parameter has no
        portable unnest) and the wage memos as LIKE prefixes: wages of similar size paid to
        several people are not structuring."""
        values = [float(v) for v in self.p.thresholds]
        table = "VALUES " + ", ".join(f"({v!r})" for v in values)
        prefixes = [m.lower().replace("'", "") for m in self.p.wage_memos]
        wage = " OR ".join(f"lower(coalesce(t.memo, '')) LIKE '{p}%'" for p in prefixes)
        return THRESHOLD_AVOID.replace("{thresholds}", table).replace(
            "{wage_memo}", wage or "false"
        )

    def strength(self, facts: Mapping[str, Any]) -> float:
        return min(1.0, 0.3 + 0.15 * int(facts["transactions"]))


MULTI_ATM_DEPOSITS = """
WITH deposits AS (
    SELECT t.payee AS account, t.txn_id, t.epoch_s, t.ts, t.amount, t.city,
           CASE WHEN t.amount >= $typical_deposit_min AND t.amount <= $typical_deposit_max
                THEN 1 ELSE 0 END AS typical
    FROM txn_features t
    JOIN account_holders h ON h.account_id = t.payee
    WHERE list_contains($deposit_channels, t.channel) AND t.city IS NOT NULL
      AND strpos(lower(coalesce(h.address, '')), lower(t.city)) = 0
),
win AS (
    SELECT a.account, a.txn_id AS anchor, count(DISTINCT b.city) AS cities,
           count(*) AS deposits, sum(b.typical) AS typical, sum(b.amount) AS total,
           min(b.ts) AS first_ts, max(b.ts) AS last_ts, list(b.txn_id) AS evidence
    FROM deposits a JOIN deposits b ON b.account = a.account
        AND b.epoch_s >= a.epoch_s AND b.epoch_s < a.epoch_s + $window_seconds
    GROUP BY a.account, a.txn_id
)
SELECT account AS subject, first_ts AS window_start, last_ts AS window_end, evidence,
       cities AS rank, cities, deposits, typical, total
FROM win WHERE cities >= $min_deposit_cities
"""


@register
class MultiAtmDepositsDetector(AggregateDetector):
    kind = "multi_atm_deposits"
    p: MultiAtmDepositsParams
    record_kinds = ("transaction", "customer")
    description = "Cash paid into one account in several towns other than the holder's own."
    definition = MULTI_ATM_DEPOSITS
    facts = ("cities", "deposits", "typical", "total")
    summary_en = (
        "Cash paid in {deposits} times in {cities} towns other than the holder's own within "
        "{p.window_days} days ({total:,.0f} in all; {typical} of the small size AUSTRAC describes)."
    )
    summary_da = (
        "Kontanter indsat {deposits} gange i {cities} andre byer end kontohaverens egen inden "
        "for {p.window_days} dage ({total:,.0f} i alt; {typical} af den lille størrelse, "
        "AUSTRAC beskriver)."
    )

    def sql_params(self, run_settings: Mapping[str, Any]) -> dict[str, Any]:
        return {
            **super().sql_params(run_settings),
            "window_seconds": self.seconds("window_days"),
        }

    def strength(self, facts: Mapping[str, Any]) -> float:
        return min(1.0, 0.3 + 0.15 * int(facts["cities"]))
