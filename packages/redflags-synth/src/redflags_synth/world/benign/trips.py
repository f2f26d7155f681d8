"""Trips abroad: some customers travel during the window (holidays; immigrants often to their
country of origin). While away their card payments, cash withdrawals and logins happen abroad,
so roaming and foreign spending are ordinary in the background too."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from redflags_synth.world.benign.merchants import Merchants
from redflags_synth.world.benign.population import Population
from redflags_synth.world.context import WorldContext

TRAVELLER_SHARE = 0.22


@dataclass(frozen=True)
class Trips:
    start: np.ndarray  # first day away, per customer (a day outside the window if none)
    stop: np.ndarray  # first day back
    country: np.ndarray  # index into Merchants.countries

    def away(self, customer: np.ndarray, day: np.ndarray) -> np.ndarray:
        """Whether each (customer, day) is during that customer's trip."""
        return np.asarray((day >= self.start[customer]) & (day < self.stop[customer]))


def plan_trips(ctx: WorldContext, days: int, population: Population, merchants: Merchants) -> Trips:
    rng = ctx.np_rng("background", "trips")
    n = population.size
    travels = rng.random(n) < TRAVELLER_SHARE
    start = np.where(travels, rng.integers(0, max(days - 2, 1), n), -(10**6))
    stop = start + rng.integers(3, 16, n)
    country = rng.choice(len(merchants.countries), size=n, p=merchants.country_weights)
    index = {c: i for i, c in enumerate(merchants.countries)}
    home = np.asarray([index.get(c, -1) for c in population.nationality.tolist()])
    visit_home = (home >= 0) & (rng.random(n) < 0.6)
    country[visit_home] = home[visit_home]
    return Trips(start=start, stop=stop, country=country)
