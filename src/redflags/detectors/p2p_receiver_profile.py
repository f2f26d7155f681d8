"""FIN-BUYER-PAYS-THIRD-PARTY: a private account whose P2P inflow looks like buyers paying.

Per receiving account and 30-day window: distinct payers, share of one-off payers, share of the
inflow in the evening or at night (local time), share of payments in the service-price band, and
share of payments on at most five round values. Windows are tumbling from the Unix epoch, run
twice (offset by half a window) so that a burst straddling one boundary is still seen whole.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from redflags.detectors.base import Detector, register
from redflags.engines import Engine
from redflags.model import Evidence, Finding

_PROFILE_SQL = """
WITH p AS (
    SELECT t.txn_id, t.payee, t.payer, t.amount, t.ts,
           floor((epoch(t.ts) - $offset) / $window_seconds) AS w,
           hour(t.ts AT TIME ZONE $timezone) AS local_hour
    FROM transactions t
    WHERE t.channel IN (SELECT unnest($channels::VARCHAR[]))
      AND upper(t.currency) = upper($currency)
      AND t.payee NOT IN (
          SELECT account_id FROM customers
          WHERE segment = 'business' AND account_id IS NOT NULL)
),
per_payer AS (
    SELECT payee, w, payer, count(*) AS n FROM p GROUP BY payee, w, payer
),
payers AS (
    SELECT payee, w, count(*) AS distinct_payers,
           count(*) FILTER (WHERE n = 1) AS one_off_payers
    FROM per_payer GROUP BY payee, w
),
round_values AS (
    SELECT payee, w, amount, count(*) AS n,
           row_number() OVER (PARTITION BY payee, w ORDER BY count(*) DESC, amount) AS rank
    FROM p WHERE amount > 0 AND amount % $round_unit = 0
    GROUP BY payee, w, amount
),
rounds AS (
    SELECT payee, w, sum(n) AS on_round_values
    FROM round_values WHERE rank <= $max_round_values GROUP BY payee, w
),
agg AS (
    SELECT payee, w, count(*) AS payments, sum(amount) AS inflow,
           sum(amount) FILTER (WHERE local_hour >= $evening_start OR local_hour < $night_end)
               AS evening_night_inflow,
           count(*) FILTER (WHERE amount BETWEEN $band_min AND $band_max) AS in_band,
           min(ts) AS first_ts, max(ts) AS last_ts
    FROM p GROUP BY payee, w
)
SELECT a.payee, a.w, a.payments, a.inflow, a.first_ts, a.last_ts,
       y.distinct_payers,
       y.one_off_payers / y.distinct_payers AS one_off_share,
       coalesce(a.evening_night_inflow, 0) / nullif(a.inflow, 0) AS evening_night_share,
       a.in_band / a.payments AS in_band_share,
       coalesce(r.on_round_values, 0) / a.payments AS round_share
FROM agg a
JOIN payers y USING (payee, w)
LEFT JOIN rounds r USING (payee, w)
WHERE y.distinct_payers >= $min_distinct_payers
  AND y.one_off_payers / y.distinct_payers >= $min_one_off_share
  AND coalesce(a.evening_night_inflow, 0) / nullif(a.inflow, 0) >= $min_evening_night_share
  AND a.in_band / a.payments >= $min_in_band_share
  AND coalesce(r.on_round_values, 0) / a.payments >= $min_round_share
ORDER BY a.payee, a.first_ts
"""

_EVIDENCE_SQL = """
SELECT txn_id, amount FROM transactions
WHERE payee = $payee AND ts BETWEEN $first AND $last
  AND channel IN (SELECT unnest($channels::VARCHAR[]))
  AND upper(currency) = upper($currency)
ORDER BY ts LIMIT $limit
"""
EVIDENCE_LIMIT = 2000


def _merged(ranges: Iterable[tuple[Any, Any]]) -> list[tuple[Any, Any]]:
    """Overlapping (first, last) ranges merged, in time order."""
    merged: list[tuple[Any, Any]] = []
    for first, last in sorted(ranges):
        if merged and first <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], last))
        else:
            merged.append((first, last))
    return merged


@register
class P2PReceiverProfileDetector(Detector):
    kind = "p2p_receiver_profile"
    record_kinds = ("transaction", "customer")
    description = "Private receiving account whose P2P inflow matches a buyers-paying profile."

    def _sql_params(self, offset: float) -> dict[str, Any]:
        window_days = float(self.param("window_days", 30))
        return {
            "offset": offset,
            "window_seconds": window_days * 86400,
            "timezone": str(self.param("timezone", "Europe/Copenhagen")),
            "channels": list(self.param("channels", ["p2p"])),
            "currency": str(self.param("currency", "DKK")),
            "round_unit": float(self.param("round_unit", 50)),
            "max_round_values": int(self.param("max_round_values", 5)),
            "evening_start": int(self.param("evening_start_hour", 18)),
            "night_end": int(self.param("night_end_hour", 6)),
            "band_min": float(self.param("band_min", 400)),
            "band_max": float(self.param("band_max", 3500)),
            "min_distinct_payers": int(self.param("min_distinct_payers", 20)),
            "min_one_off_share": float(self.param("min_one_off_share", 0.7)),
            "min_evening_night_share": float(self.param("min_evening_night_share", 0.5)),
            "min_in_band_share": float(self.param("min_in_band_share", 0.8)),
            "min_round_share": float(self.param("min_round_share", 0.6)),
        }

    def evaluate(self, engine: Engine) -> Iterator[Finding]:
        half_window = float(self.param("window_days", 30)) * 86400 / 2
        windows: dict[str, list[dict[str, Any]]] = {}
        for offset in (0.0, half_window):
            for row in _named(engine, _PROFILE_SQL, self._sql_params(offset)):
                windows.setdefault(row["payee"], []).append(row)
        channels = list(self.param("channels", ["p2p"]))
        for payee in sorted(windows):
            qualifying = windows[payee]
            # The evidence is every payment of every qualifying window, not just the best one:
            # an analyst needs the whole period the profile held.
            evidence_rows: dict[str, dict[str, Any]] = {}
            for first, last in _merged((w["first_ts"], w["last_ts"]) for w in qualifying):
                params = {
                    "payee": payee,
                    "first": first,
                    "last": last,
                    "channels": channels,
                    "currency": str(self.param("currency", "DKK")),
                    "limit": EVIDENCE_LIMIT,
                }
                for evidence in _named(engine, _EVIDENCE_SQL, params):
                    evidence_rows.setdefault(evidence["txn_id"], evidence)
            best = max(qualifying, key=lambda w: (w["distinct_payers"], w["first_ts"]))
            span = (min(w["first_ts"] for w in qualifying), max(w["last_ts"] for w in qualifying))
            yield self._finding(
                best, list(evidence_rows.values())[:EVIDENCE_LIMIT], span, len(qualifying)
            )

    def _finding(
        self,
        row: dict[str, Any],
        evidence_rows: list[dict[str, Any]],
        span: tuple[Any, Any],
        windows: int,
    ) -> Finding:
        payers, one_off = int(row["distinct_payers"]), float(row["one_off_share"])
        night, band = float(row["evening_night_share"]), float(row["in_band_share"])
        rounds = float(row["round_share"])
        facts = {
            "distinct_payers": payers,
            "payments": int(row["payments"]),
            "inflow": round(float(row["inflow"]), 2),
            "one_off_share": round(one_off, 3),
            "evening_night_share": round(night, 3),
            "in_band_share": round(band, 3),
            "round_share": round(rounds, 3),
            "qualifying_windows": windows,
        }
        days = (row["last_ts"] - row["first_ts"]).days + 1
        return self.finding(
            subject_kind="account",
            subject=str(row["payee"]),
            window_start=span[0].isoformat(),
            window_end=span[1].isoformat(),
            strength=min(1.0, payers / (2 * int(self.param("min_distinct_payers", 20)))),
            facts=facts,
            summary_en=(
                f"{payers} distinct payers in {days} days, {one_off:.0%} one-off, "
                f"{night:.0%} of the inflow between 18:00 and 06:00, {band:.0%} in the "
                f"service-price band, {rounds:.0%} on a few round amounts."
            ),
            summary_da=(
                f"{payers} forskellige betalere på {days} dage, {one_off:.0%} kun én "
                f"gang, {night:.0%} af indbetalingerne mellem 18:00 og 06:00, {band:.0%} "
                f"i prisbåndet for ydelser, {rounds:.0%} på få runde beløb."
            ),
            evidence=tuple(
                Evidence(
                    kind="transaction",
                    record_id=str(e["txn_id"]),
                    field="amount",
                    value=f"{float(e['amount']):.2f}",
                )
                for e in evidence_rows
            ),
            pivots=(f"account:{row['payee']}",),
        )


def _named(engine: Engine, sql: str, params: dict[str, Any]) -> list[dict[str, Any]]:
    """DuckDB named parameters ($name); keep only those the statement uses."""
    used = {name: value for name, value in params.items() if f"${name}" in sql}
    return engine.query(sql, used)
