"""FIN-GEO-CIRCUIT: card use shows the holder being moved around a circuit of towns.

Per private account whose holder's occupation is not a travelling one (`travelling_occupations`),
its card payments with a city are cut into tumbling cycles of `window_days` days (counted from the
Unix epoch, so every engine cuts them alike). A cycle qualifies when the card was used in at
least `min_municipalities` municipalities, at least `min_new_towns` of them towns the account had
never paid in before (other than the home town), and at least `min_away_share` of the cycle's
card payments (and at least `min_away_payments` of them) were away from the home town (the town
of the holder's KYC address); only payments in `home_country` count (municipalities). The account
is flagged when at least `min_repeat_cycles` cycles qualify; the evidence is the card payments of
those cycles.

The new towns and the away share are what tell a circuit from a commute: a commuter pays in the
same home town, work town and shopping town every fortnight, so after the first cycle none of
them is new, and most payments are made at home. A tour moves on, and someone moved around
lives off the card where they are; a weekend trip leaves a payment or two.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from redflags.catalogue.params.fin import GeoCircuitParams
from redflags.detectors.aggregate import AggregateDetector
from redflags.detectors.base import register

DEFINITION = """
WITH holders AS (
    SELECT account_id, regexp_extract(coalesce(address, ''), '[0-9]{4} (.+)$', 1) AS home
    FROM account_holders
    WHERE coalesce(segment, 'private') <> 'business'
      AND NOT list_contains($travelling_occupations, lower(trim(coalesce(occupation, ''))))
),
card AS (
    SELECT t.payer AS account, t.txn_id, t.ts, t.amount, t.city, h.home,
           CAST(floor(t.epoch_s / $window_seconds) AS BIGINT) AS cycle
    FROM txn_features t
    JOIN holders h ON h.account_id = t.payer
    WHERE t.channel = 'card' AND t.city IS NOT NULL AND t.city <> ''
      AND upper(coalesce(nullif(t.country, ''), $home_country)) = $home_country
),
-- a cheap first pass without the new-towns test, which can only remove cycles: the accounts
-- with enough cycles of several towns, mostly away (a few in a thousand), go on
rough AS (
    SELECT account
    FROM (
        SELECT account, cycle, count(DISTINCT city) AS towns, count(*) AS payments,
               sum(CASE WHEN city <> home THEN 1 ELSE 0 END) AS away_payments
        FROM card GROUP BY account, cycle
    ) per_cycle
    WHERE towns >= $min_municipalities AND away_payments >= $min_away_payments
      AND CAST(away_payments AS DOUBLE) / payments >= $min_away_share
    GROUP BY account HAVING count(*) >= $min_repeat_cycles
),
candidate AS (
    SELECT c.* FROM card c JOIN rough r ON r.account = c.account
),
first_seen AS (
    SELECT account, city, min(cycle) AS first_cycle FROM candidate GROUP BY account, city
),
cycles AS (
    SELECT c.account, c.cycle, count(DISTINCT c.city) AS towns,
           count(DISTINCT CASE WHEN f.first_cycle = c.cycle AND c.city <> c.home
                               THEN c.city END) AS new_towns,
           CAST(sum(CASE WHEN c.city <> c.home THEN 1 ELSE 0 END) AS DOUBLE) / count(*)
               AS away_share,
           sum(CASE WHEN c.city <> c.home THEN 1 ELSE 0 END) AS away_payments,
           min(c.ts) AS first_ts, max(c.ts) AS last_ts, list(c.txn_id) AS evidence
    FROM candidate c
    JOIN first_seen f ON f.account = c.account AND f.city = c.city
    GROUP BY c.account, c.cycle
),
qualifying AS (
    SELECT * FROM cycles
    WHERE towns >= $min_municipalities AND new_towns >= $min_new_towns
      AND away_share >= $min_away_share AND away_payments >= $min_away_payments
),
repeated AS (
    SELECT account, count(*) AS circuit_cycles FROM qualifying GROUP BY account
    HAVING count(*) >= $min_repeat_cycles
)
SELECT q.account AS subject, q.first_ts AS window_start, q.last_ts AS window_end, q.evidence,
       q.towns + q.new_towns AS rank, r.circuit_cycles, q.towns, q.new_towns, q.away_share,
       q.away_payments
FROM qualifying q
JOIN repeated r ON r.account = q.account
"""


@register
class GeoCircuitDetector(AggregateDetector):
    kind = "geo_circuit"
    p: GeoCircuitParams
    record_kinds = ("transaction", "customer")
    description = "Card payments in several new towns every cycle, mostly away from home."
    definition = DEFINITION
    facts = ("circuit_cycles", "towns", "new_towns", "away_share", "away_payments")
    summary_en = (
        "In {circuit_cycles} cycles of card use the holder paid in several towns, new ones each "
        "time; at best {towns} towns ({new_towns} new), {away_share:.0%} of it away from home."
    )
    summary_da = (
        "I {circuit_cycles} perioder betalte kortholderen i flere byer, nye hver gang; højst "
        "{towns} byer ({new_towns} nye), {away_share:.0%} af beløbet uden for hjembyen."
    )

    def sql_params(self, run_settings: Mapping[str, Any]) -> dict[str, Any]:
        return {
            **super().sql_params(run_settings),
            "window_seconds": self.seconds("window_days"),
            "home_country": self.p.home_country.upper(),
            "travelling_occupations": [o.strip().lower() for o in self.p.travelling_occupations],
        }

    def strength(self, facts: Mapping[str, Any]) -> float:
        return min(1.0, 0.5 + 0.25 * (int(facts["circuit_cycles"]) - 2))
