"""Danish street addresses, unique per household.

An address is a number in a per-municipality space (street x house number, or street x number x
flat) run through the shared keyed permutation, so the background and the typologies draw from
one pool and never hand two unrelated households the same address by chance. That matters: a
chance collision would make strangers look like KYC-SHARED-IDENTIFIERS.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from functools import cache
from importlib import resources

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import yaml

from redflags_synth.world.ids import IdAllocator
from redflags_synth.world.pools import Municipality


@dataclass(frozen=True)
class AddressBook:
    streets: tuple[str, ...]
    flat_units: tuple[str, ...]
    house_numbers: int
    flat_numbers: int

    def space(self, flat: bool) -> int:
        if flat:
            return len(self.streets) * self.flat_numbers * len(self.flat_units)
        return len(self.streets) * self.house_numbers

    def format(self, numbers: np.ndarray, flat: bool, town: Municipality) -> pa.Array:
        """Address strings for numbers of one town's house or flat space."""
        numbers = np.asarray(numbers, dtype=np.int64)
        n_streets = len(self.streets)
        per_street = self.flat_numbers if flat else self.house_numbers
        street = pa.array(self.streets).take(pa.array(numbers % n_streets))
        house = pc.cast(pa.array((numbers // n_streets) % per_street + 1), pa.string())
        pieces: list[pa.Array | str] = [street, " ", house]
        if flat:
            unit = pa.array(self.flat_units).take(pa.array(numbers // (n_streets * per_street)))
            pieces += [", ", unit]
        pieces.append(f", {town.postcode} {town.name}")
        return pc.binary_join_element_wise(*pieces, "")


@cache
def address_book() -> AddressBook:
    path = resources.files("redflags_synth.world") / "data" / "addresses.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return AddressBook(
        streets=tuple(data["streets"]),
        flat_units=tuple(data["flat_units"]),
        house_numbers=int(data["house_numbers"]),
        flat_numbers=int(data["flat_numbers"]),
    )


def flat_share(town: Municipality) -> float:
    """Share of households living in flats: most in the capital, fewest in rural municipalities."""
    if town.population >= 300_000 or town.name in ("Frederiksberg",):
        return 0.85
    if town.population >= 150_000:
        return 0.55
    if town.population >= 90_000:
        return 0.4
    return 0.25


def new_addresses(ids: IdAllocator, town: Municipality, flat: bool, n: int) -> pa.Array:
    """`n` addresses in `town` that nobody in the world has been given before."""
    book = address_book()
    kind = f"address:{town.postcode}:{'flat' if flat else 'house'}"
    numbers = ids.block(kind, n, book.space(flat))
    return book.format(numbers, flat, town)


def new_address(ids: IdAllocator, rng: random.Random, town: Municipality) -> str:
    flat = rng.random() < flat_share(town)
    return str(new_addresses(ids, town, flat, 1)[0].as_py())
