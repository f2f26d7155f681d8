"""BEH-LOW-PRICE: an ad priced well below comparable ads in the same city.

One DuckDB statement. Comparable ads are personal-service ads (a persona and a positive price)
in the same city and currency, of the same service, posted within the `baseline_window_days`
before the ad (the ad included). The service is read from the text: an ad naming massage in
any of `massage_terms` is a massage ad, any other is 'other'. Because an 'other' ad may still be
a massage, it must be cheap against the cheaper of the two medians. A city needs
`min_comparables` ads from at least `min_sellers` distinct personas (one busy seller, or one
network, is no market) for its median; below that the country's median of the service is used
(`fallback_country`), and without enough ads anywhere the catalogue's `reference_median` for
the cheapest service in `currency`; the finding says which. The price field is taken as the
price of one hour (durations in the text are not read yet).

With the run option `records_alone` (online scoring) each ad is a market of its own: it has no
comparables, so only the catalogue's reference price can make it cheap, as in a scan of that ad
alone.
"""

from __future__ import annotations

from collections.abc import Iterator

from redflags.catalogue.params.ads import PriceBelowMarketParams
from redflags.detectors.base import Detector, Scope, register
from redflags.engines import Engine
from redflags.extract import identifiers_of
from redflags.model import Evidence, Finding

_SQL = """
WITH priced AS (
    SELECT ad_id, posted_at, price, title, body, phone, handle, email, {market} AS market,
           lower(trim(persona)) AS persona_key,
           lower(trim(city)) AS city_key,
           any_value(city) OVER (PARTITION BY {market}, lower(trim(city))) AS city_shown,
           upper(coalesce(currency, $currency)) AS currency,
           CASE WHEN regexp_matches(lower(coalesce(title, '') || ' ' || coalesce(body, '')),
                                    $massage) THEN 'massage' ELSE 'other' END AS service
    FROM ads
    WHERE price > 0 AND persona IS NOT NULL AND trim(persona) <> ''
      AND city IS NOT NULL AND trim(city) <> ''
),
windowed AS (
    SELECT *,
        median(price) OVER in_city AS city_median, count(*) OVER in_city AS city_n,
        count(DISTINCT persona_key) OVER in_city AS city_sellers,
        median(price) OVER in_country AS country_median, count(*) OVER in_country AS country_n,
        count(DISTINCT persona_key) OVER in_country AS country_sellers
    FROM priced
    WINDOW
        in_city AS (PARTITION BY market, city_key, currency, service ORDER BY posted_at
                    RANGE BETWEEN INTERVAL {days} DAYS PRECEDING AND CURRENT ROW),
        in_country AS (PARTITION BY market, currency, service ORDER BY posted_at
                       RANGE BETWEEN INTERVAL {days} DAYS PRECEDING AND CURRENT ROW)
),
baseline AS (
    SELECT *,
        CASE WHEN city_n >= $min_n AND city_sellers >= $min_sellers THEN city_median
             WHEN $fallback AND country_n >= $min_n AND country_sellers >= $min_sellers
             THEN country_median
             WHEN $fallback AND $reference > 0 AND currency = $currency THEN $reference
             END AS median,
        CASE WHEN city_n >= $min_n AND city_sellers >= $min_sellers THEN 'city'
             WHEN country_n >= $min_n AND country_sellers >= $min_sellers THEN 'country'
             ELSE 'reference' END AS scope,
        CASE WHEN city_n >= $min_n AND city_sellers >= $min_sellers THEN city_n
             WHEN country_n >= $min_n AND country_sellers >= $min_sellers THEN country_n
             ELSE 0 END AS comparables
    FROM windowed
),
massage AS (SELECT * FROM baseline WHERE service = 'massage' AND median IS NOT NULL)
SELECT b.ad_id, b.title, b.body, b.phone, b.handle, b.email, b.price, b.currency,
       b.city_shown AS city, b.service, b.scope,
       b.comparables, b.median,
       m.median AS massage_median, m.scope AS massage_scope,
       CASE WHEN b.service = 'other'
            THEN least(b.median, coalesce(m.median, nullif($reference, 0)))
            ELSE b.median END AS reference
FROM baseline b
ASOF LEFT JOIN massage m
    ON m.market = b.market AND m.city_key = b.city_key AND m.currency = b.currency
       AND m.posted_at <= b.posted_at
WHERE b.price < $ratio * (CASE WHEN b.service = 'other'
                               THEN least(b.median, coalesce(m.median, nullif($reference, 0)))
                               ELSE b.median END)
ORDER BY b.ad_id
"""


@register
class LowPriceDetector(Detector):
    kind = "price_below_market"
    p: PriceBelowMarketParams
    record_kinds = ("ad",)
    description = "An ad's price below a fraction of the median of comparable ads in its city."
    scope = Scope.ALONE  # the market is the other ads

    def evaluate(self, engine: Engine) -> Iterator[Finding]:
        ratio = self.p.price_ratio_below
        days = self.p.baseline_window_days
        terms = [t.lower() for t in self.p.massage_terms]
        rows = engine.query(
            # one market, or (alone) a market of its own per ad
            _SQL.format(days=days, market="ad_id" if self.alone else "0"),
            {
                "currency": self.p.currency.upper(),
                "massage": "|".join(_escape(t) for t in terms),
                "min_n": self.p.min_comparables,
                "min_sellers": self.p.min_sellers,
                "fallback": self.p.fallback_country,
                "ratio": ratio,
                "reference": self.p.reference_median,
            },
        )
        for row in rows:
            price, reference = float(row["price"]), float(row["reference"])
            share = price / reference
            where_en, where_da = {
                "city": (f"in {row['city']}", f"i {row['city']}"),
                "country": ("in the country", "i hele landet"),
                "reference": ("(the catalogue's reference price)", "(katalogets referencepris)"),
            }[str(row["scope"])]
            service_en = "massage ads" if row["service"] == "massage" else "comparable ads"
            service_da = (
                "massageannoncer" if row["service"] == "massage" else "sammenlignelige annoncer"
            )
            yield self.finding(
                subject_kind="ad",
                subject=str(row["ad_id"]),
                strength=min(1.0, (1 - share) / (1 - ratio) / 2 + 0.5) if share < 1 else 0.5,
                facts={
                    "price": price,
                    "currency": row["currency"],
                    "city": row["city"],
                    "service": row["service"],
                    "baseline": row["scope"],
                    "comparables": int(row["comparables"]),
                    "median": float(row["median"]),
                    "reference_median": reference,
                    "share_of_median": round(share, 3),
                    "window_days": days,
                },
                summary_en=(
                    f"Price {price:.0f} {row['currency']} is {share:.0%} of the median "
                    f"{reference:.0f} of {int(row['comparables'])} {service_en} {where_en} over "
                    f"{days} days (flag below {ratio:.0%})."
                ),
                summary_da=(
                    f"Prisen {price:.0f} {row['currency']} er {share:.0%} af medianen "
                    f"{reference:.0f} for {int(row['comparables'])} {service_da} {where_da} de "
                    f"seneste {days} dage (markeres under {ratio:.0%})."
                ),
                evidence=(
                    Evidence(
                        kind="ad", record_id=str(row["ad_id"]), field="price", value=str(price)
                    ),
                ),
                pivots=tuple(sorted({i.pivot for i in identifiers_of("ad", row, self.region)})),
            )


def _escape(term: str) -> str:
    """A literal term inside a RE2 alternation."""
    return "".join(f"\\{c}" if c in r".^$*+?()[]{}|\\" else c for c in term)
