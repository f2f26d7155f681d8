"""Every merchant, biller and cash machine of the world, each with its settlement account.

Local chains have a shop in every municipality, named "<chain> <town>" (the same names
typologies/fields.py gives); online and national merchants have one name. A merchant name has
one account in a world, the one the typologies get from `typologies.kit.merchant_account`, so a
payment to "Netto Vejle" looks alike whoever makes it. Built once per world from
data/merchants.yaml.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import pyarrow as pa

from redflags_synth.world import pools
from redflags_synth.world.benign.data import load, probabilities
from redflags_synth.world.context import WorldContext
from redflags_synth.world.typologies.kit import merchant_account


@dataclass(frozen=True)
class CardCategory:
    name: str
    share: float
    hours: str
    local: bool
    first: int  # index of its first merchant
    chains: int
    amount: dict[str, float] | None
    values: tuple[float, ...] | None

    def amounts(self, rng: np.random.Generator, n: int) -> np.ndarray:
        """Amounts as shops charge them: kroner and øre, often ending in ,95 or ,00 (top-ups
        in fixed denominations)."""
        if self.values:
            return np.asarray(self.values, dtype=float)[rng.integers(0, len(self.values), n)]
        assert self.amount is not None
        a = self.amount
        value = np.clip(rng.lognormal(np.log(a["median"]), a["sigma"], n), a["min"], a["max"])
        style = rng.random(n)
        return np.where(
            style < 0.45,
            np.round(value, 2),
            np.where(style < 0.8, np.floor(value) + 0.95, np.round(value)),
        )


@dataclass(frozen=True)
class Bill:
    name: str
    first: int
    billers: int
    median: float
    sigma: float


class Merchants:
    """Merchant table (name, category, country, account) plus how to pick from it."""

    def __init__(self, ctx: WorldContext) -> None:
        data: dict[str, Any] = load("merchants")
        self.towns = pools.municipalities()
        names: list[str] = []
        categories: list[str] = []
        cities: list[str | None] = []  # None: online or national, paid from where one is
        countries: list[str] = []

        def add(name: str, category: str, city: str | None = None, country: str = "DK") -> None:
            names.append(name)
            categories.append(category)
            cities.append(city)
            countries.append(country)

        self.card: list[CardCategory] = []
        for name, spec in data["card"].items():
            first = len(names)
            chains = list(dict.fromkeys(spec["chains"]))
            for chain in chains:
                if spec["local"]:
                    for town in self.towns:
                        add(f"{chain} {town.name}", name, town.name)
                else:
                    add(chain, name)
            self.card.append(
                CardCategory(
                    name=name,
                    share=float(spec["share"]),
                    hours=spec["hours"],
                    local=bool(spec["local"]),
                    first=first,
                    chains=len(chains),
                    amount=spec.get("amount"),
                    values=tuple(spec["values"]) if "values" in spec else None,
                )
            )
        self.card_shares = probabilities([c.share for c in self.card])

        self.bills: list[Bill] = []
        for name, spec in data["bills"].items():
            first = len(names)
            for biller in spec["names"]:
                add(str(biller), name)
            self.bills.append(
                Bill(name, first, len(spec["names"]), float(spec["median"]), float(spec["sigma"]))
            )

        self.atm_first, self.atm_operators = len(names), len(data["atm"])
        for operator in data["atm"]:
            add(operator, "atm")

        abroad = data["abroad"]
        self.countries = [str(c) for c in abroad["countries"]]
        self.country_weights = probabilities([abroad["weights"][c] for c in self.countries])
        kinds = [(k[0], k[1], float(k[2])) for k in abroad["kinds"]]
        self.abroad_kind_weights = probabilities([k[2] for k in kinds])
        self.per_city = len(kinds) + 1  # the kinds and a cash machine
        self.abroad_first = np.zeros(len(self.countries), dtype=np.int64)
        self.abroad_cities = np.zeros(len(self.countries), dtype=np.int64)
        for i, country in enumerate(self.countries):
            self.abroad_first[i] = len(names)
            self.abroad_cities[i] = len(abroad["countries"][country])
            for city in abroad["countries"][country]:
                for label, category, _ in kinds:
                    add(f"{label} {city}", category, city, country)
                add(f"ATM {city}", "atm", city, country)

        self.name = pa.array(names, pa.string())
        self.category = pa.array(categories, pa.string())
        self.city = pa.array(cities, pa.string())
        self.country = pa.array(countries, pa.string())
        self.account = pa.array([merchant_account(ctx, n) for n in names], pa.string())
        self.size = len(names)

    def shop(
        self, category: CardCategory, rng: np.random.Generator, town: np.ndarray
    ) -> np.ndarray:
        """A shop of a random chain of the category in each row's town (or the online or
        national merchant itself)."""
        chain = rng.integers(0, category.chains, len(town))
        if category.local:
            return np.asarray(category.first + chain * len(self.towns) + town)
        return np.asarray(category.first + chain)

    def atm(self, rng: np.random.Generator, n: int) -> np.ndarray:
        return self.atm_first + rng.integers(0, self.atm_operators, n)

    def abroad(
        self, rng: np.random.Generator, country: np.ndarray, atm: bool = False
    ) -> np.ndarray:
        """A merchant (or cash machine) in a random city of each row's country."""
        city = (rng.random(len(country)) * self.abroad_cities[country]).astype(np.int64)
        if atm:
            kind = np.full(len(country), self.per_city - 1)
        else:
            kind = rng.choice(self.per_city - 1, size=len(country), p=self.abroad_kind_weights)
        return np.asarray(self.abroad_first[country] + city * self.per_city + kind)
