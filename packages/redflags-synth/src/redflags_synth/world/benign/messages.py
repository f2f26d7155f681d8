"""Background chats, a slice of days at a time: everyday chats between friends, partners and
family (SMS, WhatsApp, Messenger, Telegram) and booking chats between clients and independent
advertisers, in the languages people actually share. A thread is a short script of turns from
data/texts.yaml; its messages follow each other by seconds to minutes, so a thread started late
in a chunk may end in the next one (the writer keeps the stream in time order).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from redflags_synth.world.benign.advertisers import Advertisers
from redflags_synth.world.benign.clock import Clock, day_chunks, day_counts
from redflags_synth.world.benign.population import Population
from redflags_synth.world.benign.texts import Template, choose, fill_vocabularies, texts
from redflags_synth.world.context import WorldContext, new_id_array
from redflags_synth.world.schema import record_schema

BOOKING_SHARE = 0.25  # of messages, when there are advertisers to book
Script = list[tuple[str, Template]]


@dataclass(frozen=True)
class _Threads:
    """Threads to write: the two sides, platform, language, start and slot values."""

    a: np.ndarray  # sender id of speaker A (phone or handle, by platform)
    b: np.ndarray
    platform: np.ndarray
    language: np.ndarray
    start_us: np.ndarray
    slots: dict[str, pa.Array]

    @property
    def size(self) -> int:
        return len(self.a)


class Messages:
    def __init__(
        self,
        ctx: WorldContext,
        clock: Clock,
        population: Population,
        advertisers: list[Advertisers],
        total: int,
    ) -> None:
        self.ctx, self.clock, self.pop = ctx, clock, population
        self.advertisers = [a for a in advertisers if a.size]
        chats: dict[str, Any] = texts()["chats"]
        self.platforms = {kind: chats[kind]["platforms"] for kind in ("booking", "everyday")}
        self.scripts: dict[str, dict[str, list[Script]]] = {
            kind: {
                lang: [[(speaker, Template.parse(text)) for speaker, text in s] for s in scripts]
                for lang, scripts in chats[kind]["scripts"].items()
            }
            for kind in ("booking", "everyday")
        }
        rng = ctx.np_rng("background", "messages", "plan")
        self.counts = day_counts(rng, total, clock.day_weights("leisure"))
        self.total = int(self.counts.sum())
        self.booking_share = BOOKING_SHARE if self.advertisers else 0.0

    def chunks(self, max_rows: int) -> Iterator[tuple[pa.Table, int]]:
        for first, stop in day_chunks(self.counts, max_rows):
            rng = self.ctx.np_rng("background", "messages", first)
            wanted = int(self.counts[first:stop].sum())
            day_p = self.counts[first:stop] / max(wanted, 1)
            parts: list[pa.Table] = []
            have, sequence = 0, 0
            while have < wanted:  # whole threads until there are enough messages, then cut
                threads = max(int((wanted - have) / 3.2), 1)
                booking = int(rng.binomial(threads, self.booking_share))
                for kind, count in (("booking", booking), ("everyday", threads - booking)):
                    if count:
                        day = first + rng.choice(stop - first, size=count, p=day_p)
                        made = (
                            self._booking(rng, day)
                            if kind == "booking"
                            else self._everyday(rng, day)
                        )
                        table = self._write(rng, kind, made, sequence)
                        sequence += made.size
                        parts.append(table)
                        have += table.num_rows
            table = pa.concat_tables(parts) if parts else None
            if table is None:
                table = record_schema("message").empty_table()
            else:
                order = pc.sort_indices(table, [("_order", "ascending")])
                # Whole threads first: a cut thread keeps its opening message (its id).
                table = table.take(order).slice(0, wanted).drop_columns(["_order"])
            horizon = int(self.clock.to_utc(np.asarray([stop]), np.asarray([0]))[0])
            yield table.cast(record_schema("message")), horizon

    # -- who talks to whom ----------------------------------------------------------------------
    def _everyday(self, rng: np.random.Generator, day: np.ndarray) -> _Threads:
        pop, n = self.pop, len(day)
        me = pop.draw(rng, day, private_only=True)
        if len(pop.offsets):
            offset = pop.offsets[rng.integers(0, len(pop.offsets), n)]
            other = (pop.ring_position[me] + offset) % len(pop.ring)
        else:
            other = pop.ring_position[me]
        other_phone = np.asarray(pop.ring_phones(other).to_pylist(), dtype=object)
        other_handle = pop.ring_handles(other)
        partner = (pop.partner[me] >= 0) & (rng.random(n) < 0.25)
        mate = np.maximum(pop.partner[me], 0)
        other_phone[partner] = np.asarray(
            pop.phone.take(pa.array(mate[partner])).to_pylist(), object
        )
        other_handle[partner] = pop.handle[mate[partner]]
        platform = choose(rng, self.platforms["everyday"], n)
        my_phone = np.asarray(pop.phone.take(pa.array(me)).to_pylist(), dtype=object)
        a = _sender(platform, my_phone, pop.handle[me])
        b = _sender(platform, other_phone, other_handle)
        language = pop.language[me]
        slots = {"hour": _hours(rng, n)}
        return _Threads(a, b, platform, language, self._starts(rng, day), slots)

    def _booking(self, rng: np.random.Generator, day: np.ndarray) -> _Threads:
        pop, n = self.pop, len(day)
        sizes = np.asarray([a.size for a in self.advertisers], dtype=float)
        group = rng.choice(len(self.advertisers), size=n, p=sizes / sizes.sum())
        phone = np.empty(n, dtype=object)
        handle = np.empty(n, dtype=object)
        language = np.empty(n, dtype=object)
        persona = np.empty(n, dtype=object)
        price = np.zeros(n)
        for g, adv in enumerate(self.advertisers):
            mask = group == g
            who = adv.pick(rng, int(mask.sum()))
            phone[mask], handle[mask], language[mask] = (
                adv.phone[who],
                adv.handle[who],
                adv.language[who],
            )
            persona[mask] = adv.persona[who] if adv.persona is not None else ""
            price[mask] = adv.price[who] if adv.price is not None else 0
        # Clients: customers of the bank or people at other banks.
        position = rng.integers(0, len(pop.ring), n)
        client_phone = np.asarray(pop.ring_phones(position).to_pylist(), dtype=object)
        client_handle = pop.ring_handles(position)
        platform = choose(rng, self.platforms["booking"], n)
        telegram = np.asarray([str(h or "") for h in handle], dtype=object)
        has_telegram = np.asarray([h.startswith(("@", "t.me/")) for h in telegram.tolist()])
        platform[(platform == "telegram") & ~has_telegram] = "sms"
        advertiser_handle = np.asarray(
            [h.removeprefix("t.me/").removeprefix("@") for h in telegram.tolist()], dtype=object
        )
        a = _sender(platform, client_phone, client_handle)
        b = _sender(platform, phone, advertiser_handle)
        slots = {
            "hour": _hours(rng, n),
            "price": pc.cast(pa.array(price.astype(np.int64)), pa.string()),
            "persona": pa.array(persona, pa.string()),
        }
        return _Threads(a, b, platform, language, self._starts(rng, day), slots)

    def _starts(self, rng: np.random.Generator, day: np.ndarray) -> np.ndarray:
        return self.clock.to_utc(day, self.clock.time_of_day(rng, "chat", len(day)))

    # -- turning threads into messages ----------------------------------------------------------
    def _write(
        self, rng: np.random.Generator, kind: str, threads: _Threads, sequence: int
    ) -> pa.Table:
        parts: list[pa.Table] = []
        scripts = self.scripts[kind]
        for lang in sorted(set(threads.language.tolist())):
            options = scripts.get(lang) or scripts["en"]
            in_lang = threads.language == lang
            pick = rng.integers(0, len(options), threads.size)
            for index, script in enumerate(options):
                rows = np.flatnonzero(in_lang & (pick == index))
                if len(rows):
                    parts.append(self._script(rng, script, lang, threads, rows, sequence))
        return pa.concat_tables(parts)

    def _script(
        self,
        rng: np.random.Generator,
        script: Script,
        lang: str,
        threads: _Threads,
        rows: np.ndarray,
        sequence: int,
    ) -> pa.Table:
        """The messages of the threads `rows`, all following one script. A thread's id is the id
        of its first message (as the typologies make them)."""
        k = len(rows)
        take = pa.array(rows)
        slots = {key: values.take(take) for key, values in threads.slots.items()}
        all_slots = tuple(s for _, template in script for s in template.slots)
        slots |= fill_vocabularies(rng, all_slots, lang, k)
        seconds = np.clip(rng.lognormal(np.log(90), 1.3, (len(script), k)), 5, 3 * 3600)
        gaps = np.round(seconds * 1_000_000).astype(np.int64)
        gaps[0] = 0
        times = threads.start_us[rows] + np.cumsum(gaps, axis=0).astype(np.int64)
        tables = []
        ids = [new_id_array(self.ctx, "message", k) for _ in script]
        for turn, (speaker, template) in enumerate(script):
            sender, recipient = (threads.a, threads.b) if speaker == "A" else (threads.b, threads.a)
            tables.append(
                pa.table(
                    {
                        "message_id": ids[turn],
                        "thread_id": ids[0],
                        "sender": pa.array(sender[rows], pa.string()),
                        "recipient": pa.array(recipient[rows], pa.string()),
                        "sent_at": pa.array(times[turn], pa.timestamp("us", tz="UTC")),
                        "platform": pa.array(threads.platform[rows], pa.string()),
                        "text": template.render(slots, k),
                        "_order": pa.array((sequence + rows) * 64 + turn, pa.int64()),
                    }
                )
            )
        return pa.concat_tables(tables)


def _sender(platform: np.ndarray, phone: np.ndarray, handle: np.ndarray) -> np.ndarray:
    """How a person shows up as a sender: phone on SMS and WhatsApp, @handle on Telegram, a
    user name on Messenger."""
    at_handle = np.asarray(["@" + str(h) for h in handle.tolist()], dtype=object)
    return np.where(
        platform == "telegram", at_handle, np.where(platform == "messenger", handle, phone)
    )


def _hours(rng: np.random.Generator, n: int) -> pa.Array:
    return pc.cast(pa.array(rng.integers(10, 23, n)), pa.string())
