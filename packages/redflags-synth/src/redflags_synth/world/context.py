"""What every part of the generator shares: scale, seeded random streams, opaque ids, people and
places, and the sinks for records and ground truth.

Determinism: every component draws from its own random stream derived from (seed, component
name), so adding or reordering components does not change the others' output. Typologies run in a
fixed order and allocate ids from shared counters, so the same seed gives the same world.
"""

from __future__ import annotations

import hashlib
import random
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, Literal

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from redflags_synth.world import pools
from redflags_synth.world.addresses import new_address
from redflags_synth.world.ids import IdAllocator

Role = Literal["victim", "controller", "recruiter", "customer", "benign"]
RECORD_KINDS = (
    "ad", "message", "transaction", "customer", "device_event", "kyc_event", "company",
    "observation",
)  # fmt: skip
# The prefix of generated ids of kinds whose sources may carry none (derived otherwise).
GENERATED_ID = {
    "device_event": "event", "kyc_event": "kyc", "company": "entry", "observation": "note"
}  # fmt: skip


@dataclass(frozen=True)
class Scale:
    """Background sizes (typologies add their own records on top) and typology instances."""

    name: str
    customers: int
    ads: int
    messages: int
    transactions: int
    device_events: int
    instances: int  # instances of each typology (each hard-negative kind included)
    days: int = 120


SCALES: dict[str, Scale] = {
    "demo": Scale(
        "demo",
        customers=400,
        ads=300,
        messages=300,
        transactions=6_000,
        device_events=1_500,
        instances=1,
    ),
    "small": Scale(
        "small",
        customers=5_000,
        ads=5_000,
        messages=5_000,
        transactions=100_000,
        device_events=20_000,
        instances=4,
    ),
    "medium": Scale(
        "medium",
        customers=100_000,
        ads=100_000,
        messages=100_000,
        transactions=1_000_000,
        device_events=200_000,
        instances=12,
    ),
    "large": Scale(
        "large",
        customers=500_000,
        ads=1_000_000,
        messages=1_000_000,
        transactions=10_000_000,
        device_events=2_000_000,
        instances=30,
    ),
}

# Identifier spaces: (size of the number space, formatter).
ID_SPACES: dict[str, int] = {
    "customer": 10**9,
    "account": 10**10,
    "ad": 10**10,
    "message": 10**11,
    "txn": 10**12,
    "event": 10**12,
    "kyc": 10**11,
    "entry": 10**9,
    "note": 10**8,
    "cvr": 10**8,
    "device": 16**12,
    "image": 16**10,
}


def stream_seed(seed: int, *names: object) -> int:
    text = ":".join([str(seed), *map(str, names)])
    return int.from_bytes(hashlib.sha256(text.encode()).digest()[:8], "little")


@dataclass
class Truth:
    networks: list[dict[str, Any]] = field(default_factory=list)
    entities: list[dict[str, Any]] = field(default_factory=list)
    records: list[dict[str, Any]] = field(default_factory=list)


class WorldContext:
    """Handed to the background generator and to every typology."""

    def __init__(
        self, seed: int, scale: Scale, out: Path, start: datetime = datetime(2026, 6, 1, tzinfo=UTC)
    ) -> None:
        self.seed = seed
        self.scale = scale
        self.out = out
        self.start = start
        self.days = scale.days
        self.ids = IdAllocator(seed)
        self.records: dict[str, list[dict[str, Any]]] = defaultdict(list)
        self.truth = Truth()
        self._network_counter = 0

    # -- randomness -----------------------------------------------------------------------
    def rng(self, *names: object) -> random.Random:
        return random.Random(stream_seed(self.seed, *names))

    def np_rng(self, *names: object) -> np.random.Generator:
        return np.random.default_rng(stream_seed(self.seed, *names))

    # -- identifiers ------------------------------------------------------------------------
    def new_id(self, kind: str) -> str:
        """An opaque id of the same shape whoever asks: customer 'C123456789', ..."""
        return format_id(kind, self.ids.one(kind, ID_SPACES[kind]))

    def new_ids(self, kind: str, n: int) -> list[str]:
        return [format_id(kind, int(v)) for v in self.ids.block(kind, n, ID_SPACES[kind])]

    def new_phone(self, country: str = "DK") -> str:
        """A unique phone number in E.164; Danish ones in the 2x-6x ranges."""
        if country == "DK":
            return f"+45{20_000_000 + self.ids.one('phone:DK', 50_000_000)}"
        prefix, width = FOREIGN_PHONES.get(country, ("+44 7", 9))
        number = self.ids.one(f"phone:{country}", 10**width)
        return f"{prefix}{number:0{width}d}".replace(" ", "")

    def new_device(self) -> str:
        return f"dev-{self.ids.one('device', ID_SPACES['device']):012x}"

    # -- people and places ------------------------------------------------------------------
    def person(
        self,
        rng: random.Random,
        nationality: str = "DK",
        sex: str | None = None,
        age: tuple[int, int] = (20, 70),
    ) -> pools.Person:
        sex = sex or rng.choice("FM")
        year = self.start.year - rng.randint(*age)
        return pools.person(rng, nationality, sex, year)

    def city(self, rng: random.Random) -> pools.Municipality:
        return pools.city(rng)

    def address(self, rng: random.Random, town: pools.Municipality | None = None) -> str:
        """A fresh address (in `town`, else a town weighted by population) that no other
        household of the world has: background and typologies share one address pool."""
        return new_address(self.ids, rng, town or pools.city(rng))

    def email(self, rng: random.Random, first: str, last: str) -> str:
        domain = rng.choice(EMAIL_DOMAINS)
        stem = rng.choice([f"{first}.{last}", f"{first}{last[:1]}", f"{first[:1]}{last}"])
        stem = "".join(c for c in stem.lower() if c.isalnum() or c == ".")
        return f"{stem}{rng.randrange(1, 999) if rng.random() < 0.6 else ''}@{domain}"

    def at(self, day: float, hour: float = 0.0) -> datetime:
        """UTC time `day` days (and `hour` hours) after the world's start."""
        return self.start + timedelta(days=day, hours=hour)

    # -- sinks ------------------------------------------------------------------------------
    def emit(self, kind: str, record: dict[str, Any]) -> dict[str, Any]:
        if kind not in RECORD_KINDS:
            raise ValueError(f"unknown record kind {kind}")
        self.records[kind].append(record)
        return record

    def network(
        self, typology: str, *, positive: bool, hard_negative: bool, description: str
    ) -> str:
        self._network_counter += 1
        network_id = f"N{self._network_counter:04d}"
        self.truth.networks.append(
            {
                "network_id": network_id,
                "typology": typology,
                "positive": positive,
                "hard_negative": hard_negative,
                "description": description,
            }
        )
        return network_id

    def member(self, network_id: str, entity_kind: str, entity_id: str, role: Role) -> None:
        self.truth.entities.append(
            {
                "network_id": network_id,
                "entity_kind": entity_kind,
                "entity_id": entity_id,
                "role": role,
            }
        )

    def expect(
        self, kind: str, record_id: str, network_id: str | None, indicators: Iterable[str] = ()
    ) -> None:
        """Ground truth for one record: its network and the indicators an expert expects."""
        self.truth.records.append(
            {
                "kind": kind,
                "record_id": record_id,
                "network_id": network_id,
                "expected_indicators": sorted(set(indicators)),
            }
        )


FOREIGN_PHONES = {  # E.164 prefix (mobile range) and the number of digits after it
    "RO": ("+407", 8),
    "BG": ("+35988", 7),
    "UA": ("+38067", 7),
    "RU": ("+7916", 7),
    "TH": ("+668", 8),
    "PL": ("+485", 8),
    "GB": ("+447", 9),
    "NG": ("+23480", 8),
    "VN": ("+849", 8),
    "PH": ("+639", 9),
    "KH": ("+85512", 6),
    "LT": ("+3706", 7),
}
EMAIL_DOMAINS = (
    "gmail.com",
    "hotmail.com",
    "outlook.dk",
    "yahoo.com",
    "mail.dk",
    "live.dk",
    "icloud.com",
    "proton.me",
)
ID_PREFIX = {
    "customer": "C",
    "account": "",
    "ad": "AD",
    "message": "M",
    "txn": "T",
    "event": "E",
    "kyc": "K",
    "entry": "R",
    "note": "TS",
    "cvr": "",
    "image": "img",
}


def format_id(kind: str, number: int) -> str:
    if kind == "account":  # Danish style: 4-digit registration number, 10-digit account
        text = f"{number:010d}"
        return f"{1000 + number % 9000:04d}-{text}"
    if kind == "device":
        return f"dev-{number:012x}"
    if kind == "image":
        return f"img{number:010x}"
    width = len(str(ID_SPACES[kind] - 1))
    return f"{ID_PREFIX[kind]}{number:0{width}d}"


# -- vectorised identifiers (used by the background; same shapes as the scalar ones) ----------

_HEX = np.frombuffer(b"0123456789abcdef", dtype=np.uint8)


def _hex_strings(numbers: np.ndarray, width: int) -> np.ndarray:
    """Lower-case hex of each number, zero-padded to `width` digits, as fixed-width bytes."""
    values = np.asarray(numbers, dtype=np.uint64)
    shifts = np.arange(width - 1, -1, -1, dtype=np.uint64) * np.uint64(4)
    nibbles = (values[:, None] >> shifts[None, :]) & np.uint64(0xF)
    return _HEX[nibbles.astype(np.intp)].view(f"S{width}").ravel()


def _padded(numbers: np.ndarray, width: int) -> pa.Array:
    return pc.utf8_lpad(pc.cast(pa.array(numbers, pa.uint64()), pa.string()), width, "0")


def format_ids(kind: str, numbers: np.ndarray) -> pa.Array:
    """`format_id` for a whole array of numbers at once (an Arrow string array)."""
    numbers = np.asarray(numbers, dtype=np.uint64)
    if kind == "account":
        registration = pc.cast(pa.array(1000 + numbers % np.uint64(9000)), pa.string())
        return pc.binary_join_element_wise(registration, _padded(numbers, 10), "-")
    if kind in ("device", "image"):
        width, prefix = (12, "dev-") if kind == "device" else (10, "img")
        digits = pa.array(_hex_strings(numbers, width).astype(object), pa.binary())
        return pc.binary_join_element_wise(prefix, pc.cast(digits, pa.string()), "")
    width = len(str(ID_SPACES[kind] - 1))
    return pc.binary_join_element_wise(ID_PREFIX[kind], _padded(numbers, width), "")


def new_id_array(ctx: WorldContext, kind: str, n: int) -> pa.Array:
    """`n` fresh ids of `kind` from the shared counters (so they never collide with the
    typologies' ids and look the same)."""
    return format_ids(kind, ctx.ids.block(kind, n, ID_SPACES[kind]))


def new_phone_array(ctx: WorldContext, country: str, n: int) -> pa.Array:
    """`n` fresh phones of `country` in E.164, from the counters `ctx.new_phone` uses."""
    if country == "DK":
        numbers = ctx.ids.block("phone:DK", n, 50_000_000) + np.uint64(20_000_000)
        return pc.binary_join_element_wise("+45", pc.cast(pa.array(numbers), pa.string()), "")
    prefix, width = FOREIGN_PHONES.get(country, ("+44 7", 9))
    numbers = ctx.ids.block(f"phone:{country}", n, 10**width)
    return pc.binary_join_element_wise(prefix.replace(" ", ""), _padded(numbers, width), "")
