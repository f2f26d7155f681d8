"""What an account's own card spending says about the person behind it (issue #5).

Five indicators read the payer side of `txn_features` by merchant group:

- FIN-AD-SITE-PAYMENTS: repeated payments to adult-ad sites (bumps, several profiles);
- FIN-PREPAID-TOPUPS: many phone top-ups or prepaid card loads, or top-ups for several numbers;
- FIN-CRYPTO-OPAQUE: repeated crypto buys of nearly the same small amount;
- FIN-RIDESHARE-VOLUME: many taxi trips in a month, most of them at night;
- FIN-LUXURY-GAMBLING: gambling and luxury above half the month's outflow, with no salary-like
  income on the account.

The rolling-window ones anchor a window of `window_days` at each qualifying payment (a range
join on `epoch_s`), so a burst is found wherever it starts; the base class merges a subject's
overlapping windows into one finding.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from redflags.catalogue.params.fin import (
    AdSitePaymentsParams,
    CryptoSmallRepeatedParams,
    LuxuryGamblingParams,
    PrepaidTopupsParams,
    RideshareVolumeParams,
)
from redflags.detectors.aggregate import AggregateDetector
from redflags.detectors.base import register

AD_SITE_PAYMENTS = """
WITH pay AS (
    SELECT payer AS account, txn_id, epoch_s, ts, amount FROM txn_features
    WHERE list_contains(groups, $merchant_list) AND NOT payer_is_business
),
win AS (
    SELECT a.account, a.txn_id AS anchor, count(*) AS payments, sum(b.amount) AS spend,
           min(b.ts) AS first_ts, max(b.ts) AS last_ts, list(b.txn_id) AS evidence
    FROM pay a JOIN pay b ON b.account = a.account
        AND b.epoch_s >= a.epoch_s AND b.epoch_s < a.epoch_s + $window_seconds
    GROUP BY a.account, a.txn_id
),
same AS (
    SELECT a.txn_id AS anchor, b.amount, count(*) AS n
    FROM pay a JOIN pay b ON b.account = a.account
        AND b.epoch_s >= a.epoch_s AND b.epoch_s < a.epoch_s + $window_seconds
    GROUP BY a.txn_id, b.amount
),
identical AS (SELECT anchor, max(n) AS identical FROM same GROUP BY anchor)
SELECT w.account AS subject, w.first_ts AS window_start, w.last_ts AS window_end,
       w.evidence, w.payments AS rank, w.payments, w.spend, i.identical
FROM win w JOIN identical i ON i.anchor = w.anchor
WHERE w.payments >= $min_payments OR i.identical >= $min_identical_payments
   OR w.spend > $monthly_spend_above
"""


@register
class AdSitePaymentsDetector(AggregateDetector):
    kind = "ad_site_payments"
    p: AdSitePaymentsParams
    record_kinds = ("transaction",)
    description = "Repeated payments to adult-ad or escort sites."
    definition = AD_SITE_PAYMENTS
    facts = ("payments", "spend", "identical")
    summary_en = (
        "{payments} payments to adult-ad sites within {p.window_days} days ({spend:,.0f} in all; "
        "{identical} of the same amount)."
    )
    summary_da = (
        "{payments} betalinger til annoncesider for voksne inden for {p.window_days} dage "
        "({spend:,.0f} i alt; {identical} af samme beløb)."
    )

    def sql_params(self, run_settings: Mapping[str, Any]) -> dict[str, Any]:
        return {**super().sql_params(run_settings), "window_seconds": self.seconds("window_days")}

    def strength(self, facts: Mapping[str, Any]) -> float:
        return min(1.0, 0.4 + 0.05 * int(facts["payments"]))


PREPAID_TOPUPS = """
WITH pay AS (
    SELECT payer AS account, txn_id, epoch_s, ts, amount, memo,
           CASE WHEN list_contains($card_categories, category) THEN 1 ELSE 0 END AS card_load
    FROM txn_features
    WHERE list_contains(groups, $merchant_list) AND NOT payer_is_business
),
win AS (
    SELECT a.account, a.txn_id AS anchor, count(*) AS topups,
           count(DISTINCT CASE WHEN b.card_load = 0 THEN b.memo END) AS numbers,
           sum(b.card_load) AS card_loads, sum(b.amount) AS spend,
           min(b.ts) AS first_ts, max(b.ts) AS last_ts, list(b.txn_id) AS evidence
    FROM pay a JOIN pay b ON b.account = a.account
        AND b.epoch_s >= a.epoch_s AND b.epoch_s < a.epoch_s + $window_seconds
    GROUP BY a.account, a.txn_id
)
SELECT account AS subject, first_ts AS window_start, last_ts AS window_end, evidence,
       topups AS rank, topups, numbers, card_loads, spend
FROM win
WHERE topups >= $min_topups
   OR numbers >= $min_distinct_numbers
   OR card_loads >= $min_card_loads
"""


@register
class PrepaidTopupsDetector(AggregateDetector):
    kind = "prepaid_topups"
    p: PrepaidTopupsParams
    record_kinds = ("transaction",)
    description = "Frequent phone top-ups, top-ups for several numbers, or prepaid card loads."
    definition = PREPAID_TOPUPS
    facts = ("topups", "numbers", "card_loads", "spend")
    summary_en = (
        "{topups} top-ups or prepaid loads within {p.window_days} days ({numbers} different "
        "numbers in the memos, {card_loads} prepaid card loads, {spend:,.0f} in all)."
    )
    summary_da = (
        "{topups} optankninger eller forudbetalte indbetalinger inden for {p.window_days} dage "
        "({numbers} forskellige numre i teksterne, {card_loads} kortindbetalinger, "
        "{spend:,.0f} i alt)."
    )

    def sql_params(self, run_settings: Mapping[str, Any]) -> dict[str, Any]:
        return {
            **super().sql_params(run_settings),
            "window_seconds": self.seconds("window_days"),
        }

    def strength(self, facts: Mapping[str, Any]) -> float:
        return min(1.0, 0.3 + 0.05 * int(facts["topups"]) + 0.1 * int(facts["numbers"]))


CRYPTO_OPAQUE = """
WITH pay AS (
    SELECT payer AS account, txn_id, epoch_s, ts, amount FROM txn_features
    WHERE list_contains(groups, $merchant_list) AND NOT payer_is_business
      AND amount <= $max_small_amount
),
win AS (
    SELECT a.account, a.txn_id AS anchor, a.amount AS typical, count(*) AS purchases,
           sum(b.amount) AS spend, min(b.ts) AS first_ts, max(b.ts) AS last_ts,
           list(b.txn_id) AS evidence
    FROM pay a JOIN pay b ON b.account = a.account
        AND b.epoch_s >= a.epoch_s AND b.epoch_s < a.epoch_s + $window_seconds
        AND abs(b.amount - a.amount) <= $amount_tolerance * a.amount
    GROUP BY a.account, a.txn_id, a.amount
)
SELECT account AS subject, first_ts AS window_start, last_ts AS window_end, evidence,
       purchases AS rank, purchases, typical, spend
FROM win WHERE purchases >= $min_similar_purchases
"""


@register
class CryptoOpaqueDetector(AggregateDetector):
    kind = "crypto_small_repeated"
    p: CryptoSmallRepeatedParams
    record_kinds = ("transaction",)
    description = "Repeated crypto purchases of nearly the same small amount."
    definition = CRYPTO_OPAQUE
    facts = ("purchases", "typical", "spend")
    summary_en = (
        "{purchases} crypto or opaque-processor purchases of about {typical:,.0f} each within "
        "{p.window_days} days ({spend:,.0f} in all)."
    )
    summary_da = (
        "{purchases} køb af kryptovaluta eller hos uigennemsigtige betalingsformidlere på ca. "
        "{typical:,.0f} hver inden for {p.window_days} dage ({spend:,.0f} i alt)."
    )

    def sql_params(self, run_settings: Mapping[str, Any]) -> dict[str, Any]:
        return {
            **super().sql_params(run_settings),
            "window_seconds": self.seconds("window_days"),
        }

    def strength(self, facts: Mapping[str, Any]) -> float:
        return min(1.0, 0.3 + 0.07 * int(facts["purchases"]))


RIDESHARE_VOLUME = """
WITH trips AS (
    SELECT t.payer AS account, t.txn_id, t.ts, t.local_month,
           CASE WHEN t.local_hour >= $night_start_hour OR t.local_hour < $night_end_hour
                THEN 1 ELSE 0 END AS night
    FROM txn_features t
    LEFT JOIN account_holders h ON h.account_id = t.payer
    WHERE list_contains(t.groups, 'taxis') AND NOT t.payer_is_business
      AND NOT list_contains($explained_occupations, lower(coalesce(h.occupation, '')))
),
months AS (
    SELECT account, local_month, count(*) AS trips, sum(night) AS night_trips,
           min(ts) AS first_ts, max(ts) AS last_ts, list(txn_id) AS evidence
    FROM trips GROUP BY account, local_month
)
SELECT account AS subject, first_ts AS window_start, last_ts AS window_end, evidence,
       trips AS rank, local_month AS month, trips, night_trips,
       CAST(night_trips AS DOUBLE) / trips AS night_share
FROM months
WHERE trips > $trips_per_month_above AND CAST(night_trips AS DOUBLE) / trips >= $min_night_share
"""


@register
class RideshareVolumeDetector(AggregateDetector):
    kind = "rideshare_volume"
    p: RideshareVolumeParams
    record_kinds = ("transaction", "customer")
    description = "Many taxi or ride-hailing trips in a month, most of them at night."
    definition = RIDESHARE_VOLUME
    facts = ("month", "trips", "night_trips", "night_share")
    summary_en = (
        "In {month}, {trips} taxi or ride-hailing trips, {night_share:.0%} of them at night."
    )
    summary_da = "I {month} {trips} ture i taxa eller via kørselsapp, {night_share:.0%} om natten."

    def sql_params(self, run_settings: Mapping[str, Any]) -> dict[str, Any]:
        return {
            **super().sql_params(run_settings),
            "explained_occupations": [o.lower() for o in self.p.explained_occupations],
        }

    def strength(self, facts: Mapping[str, Any]) -> float:
        return min(1.0, 0.3 + 0.02 * int(facts["trips"]) + 0.3 * float(facts["night_share"]))


LUXURY_GAMBLING = """
WITH salaried AS (
    SELECT DISTINCT payee AS account FROM txn_features
    WHERE channel = 'transfer' AND list_contains($income_memos, lower(trim(coalesce(memo, ''))))
),
outflow AS (
    SELECT payer AS account, txn_id, ts, amount, local_month,
           list_contains(groups, 'gambling') OR list_contains(groups, 'luxury') AS lux
    FROM txn_features
    WHERE NOT payer_is_business
),
months AS (
    SELECT account, local_month, sum(amount) AS outflow,
           sum(CASE WHEN lux THEN amount ELSE 0 END) AS gambling_luxury,
           count(*) FILTER (WHERE lux) AS lux_payments,
           min(CASE WHEN lux THEN ts END) AS first_ts, max(CASE WHEN lux THEN ts END) AS last_ts
    FROM outflow GROUP BY account, local_month
),
flagged AS (
    SELECT m.* FROM months m LEFT JOIN salaried s ON s.account = m.account
    WHERE (s.account IS NULL OR NOT $require_no_salary)
      AND m.gambling_luxury >= $min_monthly_gambling_luxury
      -- a habit, not one purchase: a single watch in a quiet month is not the pattern
      AND m.lux_payments >= $min_monthly_payments
      AND m.gambling_luxury / m.outflow > $gambling_luxury_share_above
),
evidence AS (
    SELECT o.account, o.local_month, list(o.txn_id) AS evidence FROM outflow o
    JOIN flagged f ON f.account = o.account AND f.local_month = o.local_month
    WHERE o.lux GROUP BY o.account, o.local_month
)
SELECT f.account AS subject, f.first_ts AS window_start, f.last_ts AS window_end, e.evidence,
       f.gambling_luxury / f.outflow AS rank, f.local_month AS month, f.outflow,
       f.gambling_luxury, f.gambling_luxury / f.outflow AS share
FROM flagged f JOIN evidence e ON e.account = f.account AND e.local_month = f.local_month
"""


@register
class LuxuryGamblingDetector(AggregateDetector):
    kind = "luxury_gambling"
    p: LuxuryGamblingParams
    record_kinds = ("transaction",)
    description = "Gambling and luxury above half of a month's outflow, with no salary income."
    definition = LUXURY_GAMBLING
    facts = ("month", "outflow", "gambling_luxury", "share")
    summary_en = (
        "In {month}, {share:.0%} of {outflow:,.0f} paid out went to gambling and luxury "
        "({gambling_luxury:,.0f}); no salary reaches the account."
    )
    summary_da = (
        "I {month} gik {share:.0%} af {outflow:,.0f} udbetalt til spil og luksus "
        "({gambling_luxury:,.0f}); ingen løn indgår på kontoen."
    )

    def sql_params(self, run_settings: Mapping[str, Any]) -> dict[str, Any]:
        return {
            **super().sql_params(run_settings),
            "income_memos": [m.lower() for m in self.p.income_memos],
        }

    def strength(self, facts: Mapping[str, Any]) -> float:
        return 0.4  # weak on its own, by the catalogue's rule
