"""FIN-BUYER-PAYS-THIRD-PARTY: a private account whose P2P inflow looks like buyers paying.

Per receiving account and 30-day window: distinct payers, share of one-off payers, share of the
inflow in the evening or at night (local time), share of payments in the service-price band, and
share of payments on at most five round values. Windows are tumbling from the Unix epoch, run
twice (offset by half a window) so that a burst straddling one boundary is still seen whole.
One SQL definition on the shared `txn_features` (an AggregateDetector), so it runs on DuckDB and
Spark alike; the evidence is every payment of every qualifying window.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from redflags.catalogue.params.fin import P2PReceiverProfileParams
from redflags.detectors.aggregate import AggregateDetector
from redflags.detectors.base import register

DEFINITION = """
WITH base AS (
    SELECT txn_id, payee, payer, amount, ts, epoch_s, local_hour
    FROM txn_features
    WHERE list_contains($channels, channel) AND NOT payee_is_business
),
p AS (
    SELECT *, 0 AS offset_no, CAST(floor(epoch_s / $window_seconds) AS BIGINT) AS w FROM base
    UNION ALL
    SELECT *, 1 AS offset_no,
           CAST(floor((epoch_s - $half_window_seconds) / $window_seconds) AS BIGINT) AS w
    FROM base
),
per_payer AS (
    SELECT payee, offset_no, w, payer, count(*) AS n FROM p GROUP BY payee, offset_no, w, payer
),
payers AS (
    SELECT payee, offset_no, w, count(*) AS distinct_payers,
           sum(CASE WHEN n = 1 THEN 1 ELSE 0 END) AS one_off_payers
    FROM per_payer GROUP BY payee, offset_no, w
),
round_values AS (
    SELECT payee, offset_no, w, amount, count(*) AS n,
           row_number() OVER (
               PARTITION BY payee, offset_no, w ORDER BY count(*) DESC, amount) AS place
    FROM p WHERE amount > 0 AND amount % $round_unit = 0
    GROUP BY payee, offset_no, w, amount
),
rounds AS (
    SELECT payee, offset_no, w, sum(n) AS on_round_values
    FROM round_values WHERE place <= $max_round_values GROUP BY payee, offset_no, w
),
agg AS (
    SELECT payee, offset_no, w, count(*) AS payments, sum(amount) AS inflow,
           sum(CASE WHEN local_hour >= $evening_start OR local_hour < $night_end
                    THEN amount ELSE 0 END) AS evening_night_inflow,
           sum(CASE WHEN amount BETWEEN $band_min AND $band_max THEN 1 ELSE 0 END) AS in_band,
           min(ts) AS first_ts, max(ts) AS last_ts, list(txn_id) AS evidence
    FROM p GROUP BY payee, offset_no, w
),
windows AS (
    SELECT a.payee, a.first_ts, a.last_ts, a.evidence, a.payments, a.inflow,
           y.distinct_payers,
           y.one_off_payers / y.distinct_payers AS one_off_share,
           a.evening_night_inflow / nullif(a.inflow, 0) AS evening_night_share,
           a.in_band / a.payments AS in_band_share,
           coalesce(r.on_round_values, 0) / a.payments AS round_share
    FROM agg a
    JOIN payers y ON y.payee = a.payee AND y.offset_no = a.offset_no AND y.w = a.w
    LEFT JOIN rounds r ON r.payee = a.payee AND r.offset_no = a.offset_no AND r.w = a.w
)
SELECT payee AS subject, first_ts AS window_start, last_ts AS window_end, evidence,
       distinct_payers AS rank, distinct_payers, payments, inflow, one_off_share,
       evening_night_share, in_band_share, round_share
FROM windows
WHERE distinct_payers >= $min_distinct_payers
  AND one_off_share >= $min_one_off_share
  AND evening_night_share >= $min_evening_night_share
  AND in_band_share >= $min_in_band_share
  AND round_share >= $min_round_share
"""


@register
class P2PReceiverProfileDetector(AggregateDetector):
    kind = "p2p_receiver_profile"
    p: P2PReceiverProfileParams
    record_kinds = ("transaction", "customer")
    description = "Private receiving account whose P2P inflow matches a buyers-paying profile."
    definition = DEFINITION
    facts = (
        "distinct_payers",
        "payments",
        "inflow",
        "one_off_share",
        "evening_night_share",
        "in_band_share",
        "round_share",
    )
    summary_en = (
        "{distinct_payers} distinct payers in a {p.window_days}-day window ({days} days flagged "
        "in all), {one_off_share:.0%} one-off, {evening_night_share:.0%} of the inflow between "
        "{p.evening_start_hour:02d}:00 and {p.night_end_hour:02d}:00, {in_band_share:.0%} in the "
        "service-price band, {round_share:.0%} on a few round amounts."
    )
    summary_da = (
        "{distinct_payers} forskellige betalere i et vindue på {p.window_days} dage ({days} dage "
        "markeret i alt), {one_off_share:.0%} kun én gang, {evening_night_share:.0%} af "
        "indbetalingerne mellem {p.evening_start_hour:02d}:00 og {p.night_end_hour:02d}:00, "
        "{in_band_share:.0%} i prisbåndet for ydelser, {round_share:.0%} på få runde beløb."
    )

    def sql_params(self, run_settings: Mapping[str, Any]) -> dict[str, Any]:
        window = self.seconds("window_days")
        return {
            **super().sql_params(run_settings),
            "window_seconds": window,
            "half_window_seconds": window // 2,
            "evening_start": self.p.evening_start_hour,
            "night_end": self.p.night_end_hour,
        }

    def strength(self, facts: Mapping[str, Any]) -> float:
        return int(facts["distinct_payers"]) / (2 * self.p.min_distinct_payers)
