"""FIN-SUSTENANCE-MULTI: spending that looks like feeding and clothing several other people.

Per private account and local month: card spending in the rule's categories (takeaway,
groceries, lingerie, cosmetics, pharmacy, clothing, as merchant groups). The peer group is the
holder's age band and declared-income band in that month (KYC has no sex, so the catalogue's
third key is not used); its median is taken over the peers who spent anything in these
categories that month. A group of fewer than `min_peers` is compared with
`reference_monthly_median` instead (a national figure for one adult, set per bank). A month
qualifies at `min_peer_median_ratio` times the median and at least `min_monthly_spend`; the
account needs `min_months` such months. `median` renders as Spark's exact `MEDIAN`, so both
engines agree.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from redflags.catalogue.params.fin import SustenanceMultiParams
from redflags.detectors.aggregate import AggregateDetector
from redflags.detectors.base import register

DEFINITION = """
WITH spend AS (
    SELECT t.payer AS account, t.txn_id, t.ts, t.amount, t.local_month,
           CAST(floor((year(t.local_month) - year(h.birth_date)) / $age_band_years) AS BIGINT)
               AS age_band,
           CAST(floor(coalesce(h.declared_income, 0) / $income_band_width) AS BIGINT)
               AS income_band
    FROM txn_features t
    JOIN account_holders h ON h.account_id = t.payer
    WHERE t.channel = 'card' AND NOT t.payer_is_business AND h.birth_date IS NOT NULL
      AND ({category_filter})
),
months AS (
    SELECT account, local_month, age_band, income_band, sum(amount) AS spent,
           count(*) AS purchases, min(ts) AS first_ts, max(ts) AS last_ts
    FROM spend GROUP BY account, local_month, age_band, income_band
),
peers AS (
    SELECT local_month, age_band, income_band, median(spent) AS peer_median, count(*) AS peers
    FROM months GROUP BY local_month, age_band, income_band
),
compared AS (
    -- too few peers: the configured reference (a national household figure) stands in
    SELECT m.*, p.peers,
           CASE WHEN p.peers >= $min_peers THEN p.peer_median ELSE $reference_monthly_median
           END AS peer_median
    FROM months m JOIN peers p ON p.local_month = m.local_month AND p.age_band = m.age_band
        AND p.income_band = m.income_band
),
flagged AS (
    SELECT *, spent / peer_median AS ratio FROM compared
    WHERE spent >= $min_monthly_spend AND spent >= $min_peer_median_ratio * peer_median
),
qualifying AS (
    SELECT account, count(*) AS months FROM flagged GROUP BY account HAVING count(*) >= $min_months
),
evidence AS (
    SELECT s.account, s.local_month, list(s.txn_id) AS evidence FROM spend s
    JOIN flagged f ON f.account = s.account AND f.local_month = s.local_month
    GROUP BY s.account, s.local_month
)
SELECT f.account AS subject, f.first_ts AS window_start, f.last_ts AS window_end, e.evidence,
       f.ratio AS rank, f.local_month AS month, q.months, f.spent, f.purchases, f.peer_median,
       f.ratio, f.peers
FROM flagged f
JOIN qualifying q ON q.account = f.account
JOIN evidence e ON e.account = f.account AND e.local_month = f.local_month
"""


@register
class SustenanceMultiDetector(AggregateDetector):
    kind = "sustenance_multi"
    p: SustenanceMultiParams
    record_kinds = ("transaction", "customer")
    description = "Food, clothing and care spending several times the peer group's, for months."
    definition = DEFINITION
    facts = ("month", "months", "spent", "purchases", "peer_median", "ratio", "peers")
    summary_en = (
        "In {months} months the account spent several times what its peers spend on food, "
        "clothes and care; in {month}, {spent:,.0f} in {purchases} purchases, {ratio:.1f} x "
        "the median of {peers} peers ({peer_median:,.0f})."
    )
    summary_da = (
        "I {months} måneder brugte kontoen flere gange så meget som sammenligningsgruppen på "
        "mad, tøj og pleje; i {month} {spent:,.0f} i {purchases} køb, {ratio:.1f} x medianen "
        "for {peers} sammenlignelige kunder ({peer_median:,.0f})."
    )

    def definition_sql(self) -> str:
        """The definition with one list_contains per merchant group (array overlap has no
        spelling common to DuckDB and Spark)."""
        groups = [g.replace("'", "") for g in self.p.categories] or ["none"]
        where = " OR ".join(f"list_contains(t.groups, '{g}')" for g in groups)
        return DEFINITION.replace("{category_filter}", where)

    def strength(self, facts: Mapping[str, Any]) -> float:
        return min(1.0, 0.3 + 0.1 * float(facts["ratio"]))
