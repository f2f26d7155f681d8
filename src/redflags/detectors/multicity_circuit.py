"""BEH-MULTICITY-CIRCUIT: one contact advertised in several cities within a short time.

Per contact (phone, handle, e-mail, however written), the ads' city field is read in time
order; every ad inside some `window_days` window holding at least `min_cities` distinct cities is
evidence. The finding is strong when the contact's sequence of cities (consecutive repeats
collapsed) repeats one rotation of at least `min_cities` cities for `min_repeat_cycles` cycles.
It scores the posting pattern, never words about travel (that is BEH-MOVEMENT-WORDS).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import timedelta

from redflags.catalogue.params.ads import MultiCityCircuitParams
from redflags.detectors.ad_contacts import KIND_DA, contact_ads, qualifying, span_days
from redflags.detectors.base import Detector, register
from redflags.engines import Engine
from redflags.model import Finding


@register
class MultiCityCircuitDetector(Detector):
    kind = "multicity_circuit"
    p: MultiCityCircuitParams
    record_kinds = ("ad",)
    description = "A contact advertised in >= N cities within a window; repeated rotations."

    def evaluate(self, engine: Engine) -> Iterator[Finding]:
        window = timedelta(days=float(self.p.window_days))
        min_cities = self.p.min_cities
        min_cycles = self.p.min_repeat_cycles
        grouped = contact_ads(engine, self.region)
        for pivot in sorted(grouped.uses):
            uses = grouped.uses[pivot]
            best, most = qualifying(uses, lambda u: u.city, window, min_cities)
            if not best:
                continue
            cities = sorted({grouped.shown_city[str(u.city)] for u in best})
            route = _route([str(u.city) for u in uses if u.city])
            cycles = _repeat_cycles(route, min_cities)
            strong = cycles >= min_cycles
            kind, value = pivot.split(":", 1)
            days = span_days(best)
            rotation_en = f"; the same rotation repeats {cycles} times" if strong else ""
            rotation_da = f"; samme rotation gentages {cycles} gange" if strong else ""
            yield self.finding(
                subject_kind=kind,
                subject=value,
                window_start=best[0].posted_at.isoformat(),
                window_end=best[-1].posted_at.isoformat(),
                strength=1.0 if strong else min(1.0, most / (min_cities + 2)),
                facts={
                    "cities": cities,
                    "most_cities_in_window": most,
                    "ads": len({u.ad_id for u in best}),
                    "days": days,
                    "repeat_cycles": cycles,
                    "strong": strong,
                },
                summary_en=(
                    f"One {kind} is advertised in {len(cities)} cities ({', '.join(cities)}) "
                    f"over {days} days, up to {most} within {window.days} days{rotation_en}."
                ),
                summary_da=(
                    f"Én kontakt ({KIND_DA[kind]}) annonceres i {len(cities)} byer "
                    f"({', '.join(cities)}) over {days} dage, op til {most} inden for "
                    f"{window.days} dage{rotation_da}."
                ),
                evidence=tuple(e for u in best for e in u.evidence),
                pivots=(pivot,),
            )


def _route(cities: Sequence[str]) -> list[str]:
    """The cities in posting order with consecutive repeats collapsed."""
    return [c for i, c in enumerate(cities) if i == 0 or cities[i - 1] != c]


def _repeat_cycles(route: Sequence[str], min_cities: int) -> int:
    """How many times in a row the best rotation of >= `min_cities` distinct cities repeats
    (1 when no rotation repeats)."""
    best = 1
    for length in range(min_cities, len(route) // 2 + 1):
        for start in range(len(route) - 2 * length + 1):
            cycle = route[start : start + length]
            if len(set(cycle)) != length:
                continue
            n = 1
            while route[start + n * length : start + (n + 1) * length] == cycle:
                n += 1
            best = max(best, n)
    return best
