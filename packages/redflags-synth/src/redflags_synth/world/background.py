"""The benign background of a synthetic world.

Built after the typologies have run, so it can steer clear of the identifiers they use, then
streamed kind by kind (customers, ads, messages, transactions, device events; always in this
order, because ids come from shared counters) as Arrow tables of consecutive days. Every table
comes with a horizon: no later table of the same kind holds anything earlier, which lets the
writer merge the typologies' records in by time without holding a kind in memory.

All of it is vectorised (numpy and Arrow, a chunk at a time); see the modules in `benign/` for
what each kind looks like and why the background cannot, by construction, trip the implemented
indicators (FIN-BUYER-PAYS-THIRD-PARTY, BEH-CONTACT-PROXY, KYC-SHARED-IDENTIFIERS,
RCS-REC-MESSENGER-JOB-AD).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import Any

import numpy as np
import pyarrow as pa

from redflags_synth.world.benign.ads import Ads
from redflags_synth.world.benign.clock import Clock
from redflags_synth.world.benign.companies import Companies, payroll_staff
from redflags_synth.world.benign.contacts import Taken
from redflags_synth.world.benign.device_events import DeviceEvents
from redflags_synth.world.benign.inspections import Inspections
from redflags_synth.world.benign.kyc_log import KycLog
from redflags_synth.world.benign.merchants import Merchants
from redflags_synth.world.benign.messages import Messages
from redflags_synth.world.benign.population import Population, build_population
from redflags_synth.world.benign.transactions import Transactions
from redflags_synth.world.benign.trips import plan_trips
from redflags_synth.world.context import RECORD_KINDS, Scale, WorldContext
from redflags_synth.world.images import ImageMaker

CHUNK_ROWS = 250_000  # rows generated (and held) per chunk; bounds memory at any scale
Chunk = tuple[pa.Table, int | None]  # a table and its horizon (UTC microseconds; None = last)


def taken_by(records: Mapping[str, Iterable[Mapping[str, Any]]]) -> Taken:
    """Identifiers in the typologies' records, which the background must not hand out again."""
    taken = Taken()
    for record in records.get("customer", ()):
        _add(taken.phones, record.get("phone"))
        _add(taken.emails, record.get("email"), lower=True)
        _add(taken.addresses, record.get("address"))
    for record in records.get("ad", ()):
        _add(taken.phones, record.get("phone"))
        _add(taken.emails, record.get("email"), lower=True)
        handle = record.get("handle")
        if handle:
            _add(taken.handles, str(handle).split("/")[-1].lstrip("@"), lower=True)
    for record in records.get("message", ()):
        for field in ("sender", "recipient"):
            value = record.get(field)
            if value:
                _add(taken.phones, value)
                _add(taken.handles, str(value).lstrip("@"), lower=True)
    return taken


def _add(into: set[str], value: Any, lower: bool = False) -> None:
    if value:
        into.add(str(value).lower() if lower else str(value))


class Background:
    def __init__(
        self,
        ctx: WorldContext,
        scale: Scale,
        images: ImageMaker | None,
        chunk_rows: int = CHUNK_ROWS,
    ) -> None:
        self.ctx, self.scale, self.images, self.chunk_rows = ctx, scale, images, chunk_rows
        self.clock = Clock(ctx.start, scale.days)
        self.taken = taken_by(ctx.records)
        self.population: Population = build_population(ctx, self.clock, scale.customers, self.taken)
        # the KYC case log: spouses who moved to one phone or e-mail change the records here,
        # before any kind is streamed (own random streams)
        self.kyc_log = KycLog(ctx, self.clock, self.population)
        self.merchants = Merchants(ctx)
        self.trips = plan_trips(ctx, scale.days, self.population, self.merchants)
        self._ads: Ads | None = None
        self._staff: np.ndarray | None = None  # per customer: staff paid a salary (companies)
        self._companies: pa.Table | None = None  # the register, for the inspections
        self._next = 0

    def stream(self, kind: str) -> Iterator[Chunk]:
        """The background's records of `kind`, in time order, chunk by chunk. Kinds must be
        streamed in RECORD_KINDS order (ids come from shared counters)."""
        if RECORD_KINDS.index(kind) != self._next:
            raise RuntimeError(f"stream {RECORD_KINDS[self._next]} before {kind}")
        self._next += 1
        ctx, clock, pop, size = self.ctx, self.clock, self.population, self.chunk_rows
        if kind == "customer":
            yield pop.table, None
        elif kind == "ad":
            self._ads = Ads(ctx, clock, pop, self.taken, self.scale.ads, self.images)
            yield from self._ads.chunks(size)
        elif kind == "message":
            personal = self._ads.personal if self._ads else []
            yield from Messages(ctx, clock, pop, personal, self.scale.messages).chunks(size)
        elif kind == "transaction":
            transactions = Transactions(
                ctx, clock, pop, self.merchants, self.trips, self.scale.transactions
            )
            # the register's employees agree with the salaries the businesses pay
            self._staff = payroll_staff(transactions.scheduled, pop, transactions.memos["salary"])
            yield from transactions.chunks(size)
        elif kind == "device_event":
            advertisers = list(self._ads.advertisers.values()) if self._ads else []
            yield from DeviceEvents(
                ctx, clock, pop, self.merchants, self.trips, self.scale.device_events, advertisers
            ).chunks(size)
        elif kind == "kyc_event":
            yield from self.kyc_log.chunks(size)
        elif kind == "company":
            staff = self._staff if self._staff is not None else np.zeros(pop.size, dtype=np.int64)
            self._companies = Companies(ctx, clock, pop, staff).table()
            yield self._companies, None
        elif kind == "observation":
            companies = self._companies if self._companies is not None else pa.table({})
            yield Inspections(ctx, clock, companies).table(), None
