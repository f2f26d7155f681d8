"""The background's KYC case log: what a Danish bank writes down about its customers over the
world's days.

- Detail changes (`detail_change`, field phone / email / device_id / address, old and new value,
  channel app / web / branch / phone): a few % of customers take a new number or e-mail address
  in 120 days, about one in ten a new phone (device), households move. The new value is always
  what the customer record holds today, so the log and the records agree.
- Identification and contacts: new customers identified at onboarding (video-ID, now and then
  after a dropped connection, or a meeting in the branch); a periodic re-identification for a
  few % (most pass, a few fail once on the connection, refuse video and come to the branch, or
  decline a meeting once); relatives calling once on a customer's behalf.

And the catalogued look-alikes of KYC-CONTACT-TAKEOVER and KYC-AVOID-FACE-TO-FACE:
- spouses switching to one shared phone or e-mail (the customer records are changed to match,
  at construction, before any kind is streamed) or to the household's shared phone (device);
- a second-hand phone: the seller changes to a new phone, then the buyer registers the old one;
- an elderly customer acting through a holder of a power of attorney (registered in the log,
  then every contact by the holder);
- a customer without a smartphone failing video-ID twice, then meeting staff in a branch.
None of them matches the rules as implemented: a household's details, a device nobody holds any
more, a registered representative and an identification passed in the end. Everything is drawn
from the streams ("background", "kyc_events", ...), so no other draw in the world changes.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from redflags_synth.world.benign.clock import Clock
from redflags_synth.world.benign.population import Population
from redflags_synth.world.context import WorldContext, new_id_array, new_phone_array
from redflags_synth.world.schema import record_schema

WINDOW = 120.0  # the rates below are per 120 days
MINUTE_US, DAY_US = 60_000_000, 86_400_000_000
# Shares of customers (households for moves) with a change in 120 days.
CHANGE_RATES = {"phone": 0.03, "email": 0.025, "device_id": 0.10, "address": 0.03}
SPOUSE_SHARES = {"phone": 0.03, "email": 0.03}  # of couples: the partner takes the head's
SHARED_DEVICE_LOGGED = 0.3  # of partners on the household's phone: the switch is in the window
SECOND_HAND = 0.004  # buyers of a phone another customer used before
# Per 120 days: who is asked to identify again, and what happens (exclusive outcomes).
OUTCOMES = {
    "passed": 0.045,
    "connection": 0.004,  # fails once on the connection, passes minutes or a day later
    "refused": 0.003,  # refuses video, meets staff in the branch instead
    "declined": 0.004,  # declines an advisory meeting once
    "relative": 0.002,  # a relative calls once on their behalf, the customer passes later
    "no_smartphone": 0.0005,  # fails twice, then a meeting in the branch
}
ELDERLY_OUTCOMES = {"attorney": 0.05, "no_smartphone": 0.01}  # from 75 years
CHANNELS = {"app": 0.5, "web": 0.2, "branch": 0.15, "phone": 0.15}
OLD_DOMAINS = ("jubii.dk", "mail.tele.dk", "hotmail.com", "yahoo.dk", "get2net.dk", "live.dk")
NOTES = {  # what staff write, the same words whoever the customer is
    "connection": "Forbindelsen blev afbrudt",
    "no_smartphone": "Kunden har ingen smartphone",
    "refused": "Kunden ønskede ikke video",
    "declined": "Kunden ønskede ikke møde",
    "attorney": "Fuldmagt registreret",
    "on_behalf": "Ringede på kundens vegne",
}
COLUMNS = ("who", "ts", "event", "field", "old_value", "new_value", "channel", "actor", "note")


def _column(table: pa.Table, name: str) -> np.ndarray:
    return np.asarray(table.column(name).to_pylist(), dtype=object)


class KycLog:
    def __init__(self, ctx: WorldContext, clock: Clock, population: Population) -> None:
        self.ctx, self.clock, self.pop = ctx, clock, population
        self.scale = clock.days / WINDOW
        self.end_us = int(clock.to_utc(np.asarray([clock.days]), np.asarray([0]))[0]) - 1
        # Spouses on one phone or e-mail: decided (and the records changed) before the
        # customers are streamed; the log entries are written later, with the rest.
        rng = ctx.np_rng("background", "kyc_events", "households")
        self.spouses: dict[str, tuple[np.ndarray, np.ndarray]] = {}
        table = population.table
        partners = np.flatnonzero((population.partner >= 0) & ~population.head)
        heads = population.partner[partners]
        draw = rng.random(len(partners))
        low = 0.0
        for field, share in SPOUSE_SHARES.items():
            values = _column(table, field)
            chosen = (draw >= low) & (draw < low + share)
            low += share
            chosen &= (values[partners] != None) & (values[heads] != None)  # noqa: E711
            chosen &= values[partners] != values[heads]
            who, head = partners[chosen], heads[chosen]
            self.spouses[field] = (who, values[who].copy())  # the partner's own, before
            values[who] = values[head]
            index = table.schema.get_field_index(field)
            table = table.set_column(index, field, pa.array(values, pa.string()))
        population.table = table

    # -- drawing ------------------------------------------------------------------------------
    def _days(self, rng: np.random.Generator, who: np.ndarray, room: int = 0) -> np.ndarray:
        """A day in the window after the customer joined, leaving `room` days after it."""
        first = np.clip(np.ceil(self.pop.onboard_day[who]), 0, None).astype(np.int64)
        last = np.maximum(first + 1, self.clock.days - room)
        return np.asarray(
            np.minimum(
                first + (rng.random(len(who)) * (last - first)).astype(np.int64),
                self.clock.days - 1,
            )
        )

    def _ts(self, rng: np.random.Generator, who: np.ndarray, profile: str, room: int = 0) -> Any:
        day = self._days(rng, who, room)
        return self.clock.to_utc(day, self.clock.time_of_day(rng, profile, len(who)))

    def _later(self, rng: np.random.Generator, ts: np.ndarray, low_h: float, high_h: float) -> Any:
        gap = rng.uniform(low_h, high_h, len(ts)) * 60 * MINUTE_US
        return np.minimum(ts + gap.astype(np.int64), self.end_us)

    def _days_later(
        self, rng: np.random.Generator, ts: np.ndarray, low: int, high: int, profile: str
    ) -> Any:
        """`low` to `high` days after `ts`, at a time of day of `profile` (not before `ts`)."""
        start = int(self.clock.to_utc(np.asarray([0]), np.asarray([0]))[0])
        day = (np.asarray(ts, np.int64) - start) // DAY_US + rng.integers(low, high + 1, len(ts))
        day = np.minimum(day, self.clock.days - 1)
        later = self.clock.to_utc(day, self.clock.time_of_day(rng, profile, len(ts)))
        return np.minimum(np.maximum(later, np.asarray(ts, np.int64) + MINUTE_US), self.end_us)

    @staticmethod
    def _channels(rng: np.random.Generator, n: int) -> np.ndarray:
        names = np.asarray(list(CHANNELS), dtype=object)
        p = np.asarray(list(CHANNELS.values()))
        return names[rng.choice(len(names), size=n, p=p / p.sum())]

    # -- the log ------------------------------------------------------------------------------
    def chunks(self, max_rows: int) -> Iterator[tuple[pa.Table, int | None]]:
        rng = self.ctx.np_rng("background", "kyc_events", "log")
        parts: list[dict[str, Any]] = []
        parts += self._changes(rng)
        parts += self._identification(rng)
        table = self._table(parts)
        for start in range(0, max(table.num_rows, 1), max_rows):
            chunk = table.slice(start, max_rows)
            following = start + max_rows
            horizon = (
                int(table.column("ts")[following].value) if following < table.num_rows else None
            )
            yield chunk, horizon

    def _table(self, parts: list[dict[str, Any]]) -> pa.Table:
        merged = {
            c: np.concatenate([p[c] for p in parts]) if parts else np.zeros(0) for c in COLUMNS
        }
        order = np.argsort(merged["ts"], kind="stable")
        customer = self.pop.table.column("customer_id")
        n = len(order)
        columns: dict[str, Any] = {
            "event_id": new_id_array(self.ctx, "kyc", n),
            "customer_id": customer.take(pa.array(merged["who"][order].astype(np.int64))),
            "ts": pa.array(merged["ts"][order].astype(np.int64), pa.timestamp("us", tz="UTC")),
        }
        for name in COLUMNS[2:]:
            columns[name] = pa.array(merged[name][order].tolist(), pa.string())
        return pa.table(columns).cast(record_schema("kyc_event"))

    def _part(self, who: np.ndarray, ts: np.ndarray, event: str, **values: Any) -> dict[str, Any]:
        n = len(who)
        part: dict[str, Any] = {"who": np.asarray(who), "ts": np.asarray(ts)}
        for name in COLUMNS[2:]:
            value = event if name == "event" else values.get(name)
            part[name] = (
                np.asarray(value, dtype=object)
                if isinstance(value, np.ndarray)
                else np.full(n, value, dtype=object)
            )
        return part

    def _changes(self, rng: np.random.Generator) -> list[dict[str, Any]]:
        table, size = self.pop.table, self.pop.size
        current = {f: _column(table, f) for f in ("phone", "email", "device_id", "address")}
        parts = []
        shared = np.zeros(size, dtype=bool)
        for field, (who, before) in self.spouses.items():
            shared[who] = True
            ts = self._ts(rng, who, "app")
            parts.append(
                self._part(
                    who,
                    ts,
                    "detail_change",
                    field=field,
                    old_value=before,
                    new_value=current[field][who],
                    channel=self._channels(rng, len(who)),
                )
            )
        # new numbers, addresses and phones of one's own
        for field in ("phone", "email", "device_id"):
            chosen = rng.random(size) < CHANGE_RATES[field] * self.scale
            chosen &= (current[field] != None) & ~shared  # noqa: E711
            who = np.flatnonzero(chosen)
            old = self._fresh(rng, field, len(who))
            if field == "email":
                local = np.asarray([str(e).split("@")[0] for e in current[field][who]], object)
                old = np.asarray([f"{loc}@{dom}" for loc, dom in zip(local, old, strict=True)])
                old = np.where(
                    old == current[field][who], np.char.add(local.astype(str), "@jubii.dk"), old
                )
            parts.append(
                self._part(
                    who,
                    self._ts(rng, who, "app"),
                    "detail_change",
                    field=field,
                    old_value=old,
                    new_value=current[field][who],
                    channel=self._channels(rng, len(who)),
                )
            )
        parts.append(self._shared_device(rng, current["device_id"]))
        parts += self._second_hand(rng, current["device_id"])
        parts.append(self._moves(rng, current["address"]))
        return parts

    def _fresh(self, rng: np.random.Generator, field: str, n: int) -> np.ndarray:
        """Old values nobody holds: a number or device from the shared counters; for e-mail, an
        old provider's domain (the local part is added by the caller)."""
        if field == "phone":
            return np.asarray(new_phone_array(self.ctx, "DK", n).to_pylist(), dtype=object)
        if field == "device_id":
            return np.asarray(new_id_array(self.ctx, "device", n).to_pylist(), dtype=object)
        domains = np.asarray(OLD_DOMAINS, dtype=object)
        return np.asarray(domains[rng.integers(0, len(domains), n)], dtype=object)

    def _shared_device(self, rng: np.random.Generator, device: np.ndarray) -> dict[str, Any]:
        """Partners who moved the bank app to the household's shared phone or tablet."""
        pop = self.pop
        partners = np.flatnonzero((pop.partner >= 0) & ~pop.head)
        on_shared = partners[device[partners] == device[pop.partner[partners]]]
        who = on_shared[rng.random(len(on_shared)) < SHARED_DEVICE_LOGGED * self.scale]
        old = np.asarray(new_id_array(self.ctx, "device", len(who)).to_pylist(), object)
        return self._part(
            who,
            self._ts(rng, who, "app"),
            "detail_change",
            field="device_id",
            old_value=old,
            new_value=device[who],
            channel="app",
        )

    def _second_hand(self, rng: np.random.Generator, device: np.ndarray) -> list[dict[str, Any]]:
        """A seller changes to a new phone; days later the buyer registers the old one."""
        pop = self.pop
        buyers = np.flatnonzero(
            (rng.random(pop.size) < SECOND_HAND * self.scale) & (device != None)  # noqa: E711
        )
        settled = np.flatnonzero((pop.onboard_day <= 0) & (device != None))  # noqa: E711
        sellers = (
            settled[rng.integers(0, max(len(settled), 1), len(buyers))] if len(settled) else buyers
        )
        keep = pop.household[sellers] != pop.household[buyers]
        keep &= device[sellers] != device[buyers]
        buyers, sellers = buyers[keep], sellers[keep]
        sold = self._ts(rng, buyers, "app", room=21)
        bought = self._days_later(rng, sold, 1, 20, "app")
        old = np.asarray(new_id_array(self.ctx, "device", len(buyers)).to_pylist(), object)
        return [
            self._part(
                sellers,
                sold,
                "detail_change",
                field="device_id",
                old_value=device[buyers],
                new_value=device[sellers],
                channel="app",
            ),
            self._part(
                buyers,
                bought,
                "detail_change",
                field="device_id",
                old_value=old,
                new_value=device[buyers],
                channel="app",
            ),
        ]

    def _moves(self, rng: np.random.Generator, address: np.ndarray) -> dict[str, Any]:
        """Households that moved: each adult's address changes, on the same day. The old home is
        where another household lives now."""
        pop = self.pop
        households = int(pop.household.max()) + 1
        moved = rng.random(households) < CHANGE_RATES["address"] * self.scale
        who = np.flatnonzero(moved[pop.household] & (address != None))  # noqa: E711
        previous = rng.integers(0, pop.size, households)
        old = address[previous[pop.household[who]]]
        day = np.full(households, 0, dtype=np.int64)
        day[pop.household[who]] = self._days(rng, who)
        local = self.clock.time_of_day(rng, "app", len(who))
        ts = self.clock.to_utc(day[pop.household[who]], local)
        return self._part(
            who,
            ts,
            "detail_change",
            field="address",
            old_value=old,
            new_value=address[who],
            channel=self._channels(rng, len(who)),
        )

    # -- identification and contacts ----------------------------------------------------------
    def _identification(self, rng: np.random.Generator) -> list[dict[str, Any]]:
        pop, table = self.pop, self.pop.table
        parts = self._onboarding(rng)
        birth = np.asarray(table.column("birth_date").to_numpy(zero_copy_only=False))
        first_day = np.datetime64(self.clock.first, "D")
        age = (first_day - birth.astype("datetime64[D]")).astype(np.int64) / 365.25
        elderly = age >= 75
        settled = pop.onboard_day <= self.clock.days - 25
        names = [*OUTCOMES, "attorney"]
        p = np.zeros((pop.size, len(names)))
        for i, name in enumerate(names):
            p[:, i] = OUTCOMES.get(name, 0.0) * self.scale
            if name in ELDERLY_OUTCOMES:
                p[elderly, i] = ELDERLY_OUTCOMES[name] * (1.0 if name == "attorney" else self.scale)
        cum = np.cumsum(p, axis=1)
        u = rng.random(pop.size)
        outcome = np.where(settled, (u[:, None] >= cum).sum(axis=1), len(names))
        who = {name: np.flatnonzero(outcome == i) for i, name in enumerate(names)}
        first = _column(table, "first_name")
        last = _column(table, "last_name")

        def relative(w: np.ndarray) -> np.ndarray:
            """A son, daughter or partner: the partner's name, else a first name and theirs."""
            other = first[rng.integers(0, pop.size, len(w))]
            name = np.char.add(np.char.add(other.astype(str), " "), last[w].astype(str))
            partner = pop.partner[w]
            spouse = np.char.add(
                np.char.add(first[partner].astype(str), " "), last[partner].astype(str)
            )
            return np.asarray(np.where(partner >= 0, spouse, name), dtype=object)

        w = who["passed"]
        parts.append(self._part(w, self._ts(rng, w, "app"), "video_id_passed", channel="video"))
        w = who["connection"]
        ts = self._ts(rng, w, "app", room=2)
        parts.append(
            self._part(w, ts, "video_id_failed", channel="video", note=NOTES["connection"])
        )
        parts.append(
            self._part(w, self._later(rng, ts, 0.1, 30), "video_id_passed", channel="video")
        )
        w = who["refused"]
        ts = self._ts(rng, w, "office", room=21)
        parts.append(self._part(w, ts, "video_id_refused", channel="video", note=NOTES["refused"]))
        parts.append(
            self._part(
                w, self._days_later(rng, ts, 1, 20, "office"), "meeting_held", channel="branch"
            )
        )
        w = who["declined"]
        parts.append(
            self._part(
                w,
                self._ts(rng, w, "office"),
                "meeting_declined",
                channel="phone",
                note=NOTES["declined"],
            )
        )
        w = who["relative"]
        ts = self._ts(rng, w, "office", room=14)
        parts.append(
            self._part(
                w,
                ts,
                "contact_via_third_party",
                channel="phone",
                actor=relative(w),
                note=NOTES["on_behalf"],
            )
        )
        parts.append(
            self._part(
                w, self._days_later(rng, ts, 1, 13, "app"), "video_id_passed", channel="video"
            )
        )
        w = who["no_smartphone"]
        ts = self._ts(rng, w, "office", room=24)
        again = self._days_later(rng, ts, 0, 3, "app")
        parts.append(
            self._part(w, ts, "video_id_failed", channel="video", note=NOTES["no_smartphone"])
        )
        parts.append(self._part(w, again, "video_id_failed", channel="video"))
        parts.append(
            self._part(
                w,
                self._days_later(rng, again, 1, 20, "office"),
                "meeting_held",
                channel="branch",
                note=NOTES["no_smartphone"],
            )
        )
        w = who["attorney"]  # registered before or during the window, then the holder calls
        holder = relative(w)
        ts = self._ts(rng, w, "office", room=21)
        parts.append(
            self._part(
                w,
                ts,
                "power_of_attorney_registered",
                channel="branch",
                actor=holder,
                note=NOTES["attorney"],
            )
        )
        calls = rng.integers(1, 4, len(w))
        for k in range(1, 4):
            more = calls >= k
            ts = self._days_later(rng, ts, 1, 7, "office")
            parts.append(
                self._part(
                    w[more],
                    ts[more],
                    "contact_via_third_party",
                    channel=np.where(rng.random(int(more.sum())) < 0.7, "phone", "branch").astype(
                        object
                    ),
                    actor=holder[more],
                )
            )
        return parts

    def _onboarding(self, rng: np.random.Generator) -> list[dict[str, Any]]:
        """Customers who joined in the window were identified then: by video (now and then
        after a dropped connection) or in a meeting in the branch."""
        pop = self.pop
        who = np.flatnonzero(pop.onboard_day >= 0)
        onboarded = pop.table.column("onboarded_at").take(pa.array(who))
        ts = np.asarray(pc.cast(onboarded, pa.int64()).to_numpy(zero_copy_only=False))
        ts = self._later(rng, ts, 0.05, 0.5)
        video = rng.random(len(who)) < 0.6
        dropped = video & (rng.random(len(who)) < 0.08)
        return [
            self._part(who[video], ts[video], "video_id_passed", channel="video"),
            self._part(who[~video], ts[~video], "meeting_held", channel="branch"),
            self._part(
                who[dropped],
                ts[dropped] - 10 * MINUTE_US,
                "video_id_failed",
                channel="video",
                note=NOTES["connection"],
            ),
        ]
