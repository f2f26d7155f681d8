"""Background device events: customers logging in and using the bank's app from their own phone
(or a household tablet), from the household's fixed line or a mobile network in Denmark, and from
a foreign network while on a trip (roaming); and a few events of other platforms' accounts
(advertisers taking ads down, people clearing chats or logging in to a messenger, customers
unlinking a device)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from redflags_synth.world.benign.advertisers import Advertisers
from redflags_synth.world.benign.clock import Clock, day_chunks, day_counts
from redflags_synth.world.benign.data import load, probabilities
from redflags_synth.world.benign.merchants import Merchants
from redflags_synth.world.benign.population import Population
from redflags_synth.world.benign.trips import Trips
from redflags_synth.world.context import WorldContext, new_id_array
from redflags_synth.world.schema import record_schema


def ip_strings(prefix: np.ndarray, c: np.ndarray, d: np.ndarray) -> pa.Array:
    """Dotted IPv4 strings from (first, second) octet pairs and the last two octets."""
    octets = [prefix[:, 0], prefix[:, 1], c, d]
    return pc.binary_join_element_wise(*[pc.cast(pa.array(o), pa.string()) for o in octets], ".")


class DeviceEvents:
    def __init__(
        self,
        ctx: WorldContext,
        clock: Clock,
        population: Population,
        merchants: Merchants,
        trips: Trips,
        total: int,
        advertisers: list[Advertisers] | None = None,
    ) -> None:
        self.ctx, self.clock, self.pop, self.trips = ctx, clock, population, trips
        # Advertisers with a phone of their own, and a device each for their platform events.
        self.advertiser_phones = np.concatenate(
            [a.phone for a in advertisers or [] if a.kind != "employer"] or [np.zeros(0, object)]
        )
        self.advertiser_devices = new_id_array(ctx, "device", len(self.advertiser_phones))
        self.countries = np.asarray(merchants.countries, dtype=object)
        self.data: dict[str, Any] = load("network")
        rng = ctx.np_rng("background", "device_events", "plan")
        self.counts = day_counts(rng, total, clock.day_weights("app"))
        # One fixed-line address per household, kept for the whole window.
        fixed = np.asarray(self.data["danish_fixed"])
        households = int(population.household.max()) + 1
        self.home_prefix = fixed[rng.integers(0, len(fixed), households)]
        self.home_host = rng.integers(0, 256, (households, 2))
        self.events = self.data["events"]
        blocks = self.data["abroad"]
        widest = max(len(b) for b in blocks.values())
        # Foreign prefixes as a (country, block) table, short lists repeated to the widest.
        self.abroad = np.asarray(
            [[blocks[c][i % len(blocks[c])] for i in range(widest)] for c in merchants.countries]
        )
        self.total = int(self.counts.sum())

    def chunks(self, max_rows: int) -> Iterator[tuple[pa.Table, int]]:
        for first, stop in day_chunks(self.counts, max_rows):
            rng = self.ctx.np_rng("background", "device_events", first)
            day = np.repeat(np.arange(first, stop), self.counts[first:stop])
            table = self._events(rng, day)
            table = self._platform_events(rng, table)
            horizon = int(self.clock.to_utc(np.asarray([stop]), np.asarray([0]))[0])
            yield table, horizon

    def _events(self, rng: np.random.Generator, day: np.ndarray) -> pa.Table:
        pop, n = self.pop, len(day)
        who = pop.draw(rng, day)
        take = pa.array(who)
        second = pop.second_device.take(take)
        use_second = pc.and_(pa.array(rng.random(n) < 0.3), pc.is_valid(second))
        device = pc.if_else(use_second, second, pop.device.take(take))

        away = self.trips.away(who, day)
        mobile = rng.random(n) < 0.45
        household = pop.household[who]
        prefix = self.home_prefix[household].copy()
        host = self.home_host[household].copy()
        carriers = np.asarray(self.data["danish_mobile"])
        prefix[mobile] = carriers[rng.integers(0, len(carriers), int(mobile.sum()))]
        host[mobile] = rng.integers(0, 256, (int(mobile.sum()), 2))
        country = np.full(n, "DK", dtype=object)
        if away.any():
            visited = self.trips.country[who[away]]
            country[away] = self.countries[visited]
            prefix[away] = self.abroad[visited, rng.integers(0, self.abroad.shape[1], len(visited))]
            host[away] = rng.integers(0, 256, (int(away.sum()), 2))
        kinds = np.asarray(list(self.events), dtype=object)
        event = kinds[rng.choice(len(kinds), size=n, p=probabilities(self.events))]
        table = pa.table(
            {
                "event_id": new_id_array(self.ctx, "event", n),
                "account": pop.account.take(take),
                "device_id": device,
                "ip": ip_strings(prefix, host[:, 0], host[:, 1]),
                "ts": pa.array(
                    self.clock.to_utc(day, self.clock.time_of_day(rng, "app", n)),
                    pa.timestamp("us", tz="UTC"),
                ),
                "event": pa.array(event, pa.string()),
                "country": pa.array(country, pa.string()),
            }
        )
        return table.cast(record_schema("device_event"))

    def _platform_events(self, rng: np.random.Generator, table: pa.Table) -> pa.Table:
        """Turn a few app events into other platforms' events, keeping their time and IP."""
        n = table.num_rows
        shares = self.data["platform_events"]
        kind = np.full(n, "", dtype=object)
        draw = rng.random(n) * 100
        low = 0.0
        for name, share in shares.items():
            kind[(draw >= low) & (draw < low + float(share))] = name
            low += float(share)
        if not len(self.advertiser_phones):
            kind[kind == "ad_removed"] = ""
        changed = kind != ""
        if not changed.any():
            return table
        account = np.asarray(table.column("account").to_pylist(), dtype=object)
        device = np.asarray(table.column("device_id").to_pylist(), dtype=object)
        ads = kind == "ad_removed"
        who = rng.integers(0, max(len(self.advertiser_phones), 1), int(ads.sum()))
        account[ads] = self.advertiser_phones[who]
        device[ads] = np.asarray(self.advertiser_devices.take(pa.array(who)).to_pylist(), object)
        chats = (kind == "chat_history_cleared") | (kind == "messenger_login")
        positions = rng.integers(0, len(self.pop.ring), int(chats.sum()))
        account[chats] = self.pop.ring_handles(positions)
        event = np.asarray(table.column("event").to_pylist(), dtype=object)
        event[changed] = kind[changed]
        logins = kind == "messenger_login"
        event[logins] = "login"  # a login, in the messenger's own log
        device[logins] = None  # which names no device a bank could match
        table = table.set_column(1, "account", pa.array(account, pa.string()))
        table = table.set_column(2, "device_id", pa.array(device, pa.string()))
        return table.set_column(5, "event", pa.array(event, pa.string()))
