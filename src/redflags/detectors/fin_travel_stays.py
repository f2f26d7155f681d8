"""FIN-TRAVEL-FOR-OTHERS and FIN-HOTEL-SHORT-STAYS: what a private card pays for journeys and
nights away.

Both look at windows of `window_days` that start at each of a payer's purchases (a range join on
whole seconds), so a burst is seen whole wherever it falls. Registered businesses are left out:
a travel agency buying tickets for its clients, or a consultancy's card on the road, is the
trade, which is what "the customer's profile explains" means for data that has no profile
beyond the segment.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from redflags.catalogue.params.fin import HotelShortStaysParams, TravelForOthersParams
from redflags.detectors.aggregate import AggregateDetector
from redflags.detectors.base import register

TRAVEL = """
WITH tickets AS (
    SELECT payer, txn_id, epoch_s, ts, upper(trim(memo)) AS passenger
    FROM txn_features
    WHERE list_contains(groups, 'travel') AND NOT payer_is_business
      AND memo IS NOT NULL AND trim(memo) <> ''
),
windows AS (
    SELECT a.payer, a.txn_id AS anchor, a.ts AS anchor_ts,
           count(DISTINCT b.passenger) AS passengers, count(*) AS tickets,
           max(b.ts) AS last_ts, list(b.txn_id) AS evidence
    FROM tickets a
    JOIN tickets b ON b.payer = a.payer
        AND b.epoch_s BETWEEN a.epoch_s AND a.epoch_s + $window_seconds
    GROUP BY a.payer, a.txn_id, a.ts
)
SELECT payer AS subject, anchor_ts AS window_start, last_ts AS window_end, evidence,
       passengers AS rank, passengers, tickets
FROM windows
WHERE passengers >= $min_passenger_names
"""

STAYS = """
WITH stays AS (
    SELECT payer, txn_id, epoch_s, ts, amount, coalesce(city, '') AS city
    FROM txn_features
    WHERE list_contains(groups, 'hotels') AND NOT payer_is_business
),
windows AS (
    SELECT a.payer, a.txn_id AS anchor, a.ts AS anchor_ts,
           count(*) AS stays, count(DISTINCT nullif(b.city, '')) AS cities,
           sum(b.amount) AS spend, max(b.ts) AS last_ts, list(b.txn_id) AS evidence
    FROM stays a
    JOIN stays b ON b.payer = a.payer
        AND b.epoch_s BETWEEN a.epoch_s AND a.epoch_s + $window_seconds
    GROUP BY a.payer, a.txn_id, a.ts
)
SELECT payer AS subject, anchor_ts AS window_start, last_ts AS window_end, evidence,
       stays AS rank, stays, cities, spend
FROM windows
WHERE stays >= $min_bookings AND cities >= $min_cities
"""


class _WindowDetector(AggregateDetector):
    def sql_params(self, run_settings: Mapping[str, Any]) -> dict[str, Any]:
        return {
            **super().sql_params(run_settings),
            "window_seconds": self.seconds("window_days"),
        }


@register
class TravelForOthersDetector(_WindowDetector):
    kind = "travel_for_others"
    p: TravelForOthersParams
    record_kinds = ("transaction", "customer")
    description = "A private card buying tickets for several named passengers within 30 days."
    definition = TRAVEL
    facts = ("passengers", "tickets")
    summary_en = (
        "One private card paid {tickets} tickets for {passengers} different passenger names "
        "within {p.window_days} days."
    )
    summary_da = (
        "Ét privat kort betalte {tickets} billetter til {passengers} forskellige passagernavne "
        "inden for {p.window_days} dage."
    )

    def strength(self, facts: Mapping[str, Any]) -> float:
        return min(1.0, int(facts["passengers"]) / (2 * float(self.p.min_passenger_names)))


@register
class HotelShortStaysDetector(_WindowDetector):
    kind = "hotel_short_stays"
    p: HotelShortStaysParams
    record_kinds = ("transaction", "customer")
    description = "A private card paying many short stays in several cities within 30 days."
    definition = STAYS
    facts = ("stays", "cities", "spend")
    summary_en = (
        "{stays} accommodation payments in {cities} cities within {p.window_days} days "
        "({spend:,.0f} in all)."
    )
    summary_da = (
        "{stays} betalinger for overnatning i {cities} byer inden for {p.window_days} dage "
        "({spend:,.0f} i alt)."
    )

    def strength(self, facts: Mapping[str, Any]) -> float:
        return min(1.0, int(facts["stays"]) / (2 * float(self.p.min_bookings)))
