"""Background transactions, a slice of days at a time.

Monthly items are scheduled once for the whole window (salaries, student grants and pensions on
the last banking day, rent on the 1st, bills and savings on fixed days); everything else is drawn
per day with weekly rhythms: card purchases at merchants where people live (or abroad on a trip),
P2P between friends and family (MobilePay-style: varied amounts, weekend peaks, evenings), cash
withdrawals, and the odd larger transfer. Times are drawn in Copenhagen time and stored in UTC.

P2P goes only between ring neighbours (see population.py), so no private account gets many
distinct one-off payers, and box payments go to business customers, which
FIN-BUYER-PAYS-THIRD-PARTY leaves aside.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from redflags_synth.world.benign.clock import Clock, day_chunks, day_counts
from redflags_synth.world.benign.data import load, probabilities
from redflags_synth.world.benign.merchants import Merchants
from redflags_synth.world.benign.population import Population
from redflags_synth.world.benign.trips import Trips
from redflags_synth.world.context import WorldContext, new_id_array
from redflags_synth.world.schema import record_schema

# Share of all transactions by kind; card purchases take the rest (about 65 %).
SHARES = {
    "income": 0.045,
    "rent": 0.02,
    "bills": 0.06,
    "savings": 0.015,
    "p2p": 0.17,
    "atm": 0.03,
    "transfer": 0.01,
}
PUBLIC_PAYERS = {  # income kind -> (memo, number of paying accounts)
    "student": ("SU", 1),
    "pension": ("Folkepension", 1),
    "benefit": ("Dagpenge", 6),
}
ATM_AMOUNTS = np.asarray([100, 200, 200, 300, 400, 500, 500, 500, 1000, 1000, 1500, 2000], float)
SAVINGS_AMOUNTS = np.asarray([300, 500, 500, 1000, 1000, 1500, 2000, 2500, 3000, 5000], float)
TRANSFER_MEMOS = ["Lån", "Tilbagebetaling", "Gave", "Depositum", "Ferie", "Bil", "Til dig"]
_TS = pa.timestamp("us", tz="UTC")


def _column(values: Any, n: int) -> pa.Array:
    if values is None:
        return pa.nulls(n, pa.string())
    if isinstance(values, str):
        return pa.repeat(pa.scalar(values), n)
    if isinstance(values, np.ndarray):
        return pa.array(values, pa.string())
    return values


def piece(
    clock: Clock,
    day: np.ndarray,
    local_us: np.ndarray,
    payer: pa.Array,
    payee: pa.Array,
    amount: np.ndarray,
    channel: str,
    **text: Any,
) -> pa.Table:
    """Rows of one kind of transaction, every canonical column but txn_id."""
    n = len(day)
    columns = {
        "ts": pa.array(clock.to_utc(day, local_us), _TS),
        "payer": payer,
        "payee": payee,
        "amount": pa.array(np.round(amount, 2), pa.float64()),
        "currency": pa.repeat(pa.scalar("DKK"), n),
        "channel": pa.repeat(pa.scalar(channel), n),
    }
    for name in ("merchant", "merchant_category", "memo", "city", "country"):
        columns[name] = _column(text.get(name), n)
    return pa.table(columns)


def _zipf(rng: np.random.Generator, k: int, n: int) -> np.ndarray:
    """Indices in [0, k) where a few are common and most rare (employers, landlords)."""
    weights = 1.0 / np.arange(1, k + 1) ** 0.9
    return rng.choice(k, size=n, p=weights / weights.sum())


class Transactions:
    def __init__(
        self,
        ctx: WorldContext,
        clock: Clock,
        population: Population,
        merchants: Merchants,
        trips: Trips,
        total: int,
    ) -> None:
        self.ctx, self.clock, self.pop, self.merchants, self.trips = (
            ctx,
            clock,
            population,
            merchants,
            trips,
        )
        rng = ctx.np_rng("background", "transactions", "plan")
        self.memos = load("texts")["memos"]
        self.savings = new_id_array(ctx, "account", population.size)
        self.towns = np.asarray([t.name for t in merchants.towns], dtype=object)
        self.town_p = probabilities([t.population for t in merchants.towns])
        budget = {k: round(share * total) for k, share in SHARES.items()}
        self.scheduled = self._scheduled(rng, budget)
        drawn = {k: budget[k] for k in ("p2p", "atm", "transfer")}
        drawn["card"] = max(total - self.scheduled.num_rows - sum(drawn.values()), 0)
        excess = self.scheduled.num_rows + sum(drawn.values()) - total
        for kind in ("transfer", "atm", "p2p"):  # tiny worlds: trim so the total is exact
            cut = min(excess, drawn[kind]) if excess > 0 else 0
            drawn[kind] -= cut
            excess -= cut
        week = {"card": "shopping", "p2p": "p2p", "atm": "cash", "transfer": "workdays"}
        self.counts = {
            kind: day_counts(rng, n, clock.day_weights(week[kind], payday=kind != "transfer"))
            for kind, n in drawn.items()
        }
        scheduled_days = self.scheduled.column("_day").to_numpy()
        self.per_day = sum(self.counts.values()) + np.bincount(scheduled_days, minlength=clock.days)
        self.total = int(self.per_day.sum())

    # -- monthly items ------------------------------------------------------------------------
    def _scheduled(self, rng: np.random.Generator, budget: dict[str, int]) -> pa.Table:
        clock, pop = self.clock, self.pop
        paydays = clock.paydays()
        firsts = clock.month_days(1)
        pieces: list[pa.Table] = []
        private = np.flatnonzero(~pop.business)
        if len(paydays):
            pieces += self._income(rng, budget["income"] // len(paydays), paydays, private)
            pieces += self._savings(rng, budget["savings"] // len(paydays), paydays, private)
        if len(firsts):
            pieces += self._rent(rng, budget["rent"] // len(firsts), firsts)
            pieces += self._bills(rng, budget["bills"] // len(firsts))
        if not pieces:
            return piece(clock, *_empty(), "transfer").append_column(
                "_day", pa.array([], pa.int32())
            )
        table = pa.concat_tables(pieces)
        return table.take(pc.sort_indices(table, [("_day", "ascending")]))

    def _monthly(
        self,
        rng: np.random.Generator,
        who: np.ndarray,
        days: np.ndarray,
        amount: np.ndarray,
        payer: pa.Array,
        payee: pa.Array,
        hours: str,
        vary: float = 0.0,
        **text: Any,
    ) -> list[pa.Table]:
        """One row per (subscriber, day); `amount` etc. are per subscriber, varying by `vary`
        (a log-normal spread) from month to month."""
        if len(who) == 0 or len(days) == 0:
            return []
        k = len(days)
        day = np.tile(days, len(who))
        rows = np.repeat(np.arange(len(who)), k)
        take = pa.array(rows)
        jitter = rng.lognormal(0, vary, len(rows)) if vary else 1.0
        columns = {
            name: value.take(take) if isinstance(value, pa.Array) else value
            for name, value in text.items()
        }
        table = piece(
            self.clock,
            day,
            self.clock.time_of_day(rng, hours, len(rows)),
            payer.take(take),
            payee.take(take),
            amount[rows] * jitter,
            "transfer",
            **columns,
        )
        return [table.append_column("_day", pa.array(day.astype(np.int32)))]

    def _income(
        self, rng: np.random.Generator, k: int, paydays: np.ndarray, private: np.ndarray
    ) -> list[pa.Table]:
        pop = self.pop
        eligible = private[pop.income_kind[private] != ""]
        who = np.sort(rng.choice(eligible, size=min(k, len(eligible)), replace=False))
        kind = pop.income_kind[who]
        net = pop.income[who] / 12 * rng.uniform(0.58, 0.68, len(who))
        # Employers: business customers with staff (paid inside the bank) and outside firms.
        types = load("population")["businesses"]
        hires = np.asarray([t[3] for t in types])
        inside = np.flatnonzero(pop.business & hires[np.maximum(pop.business_type, 0)])
        outside = new_id_array(self.ctx, "account", max(5, pop.size // 40))
        employer = outside.take(pa.array(_zipf(rng, len(outside), len(who))))
        if len(inside):
            chosen = pop.account.take(pa.array(inside[rng.integers(0, len(inside), len(who))]))
            employer = pc.if_else(pa.array(rng.random(len(who)) < 0.25), chosen, employer)
        salary_memos = np.asarray(self.memos["salary"], dtype=object)
        memo = salary_memos[rng.integers(0, len(salary_memos), len(who))]
        for income_kind, (label, accounts) in PUBLIC_PAYERS.items():
            mask = kind == income_kind
            public = new_id_array(self.ctx, "account", accounts)
            picked = public.take(pa.array(rng.integers(0, accounts, len(who))))
            employer = pc.if_else(pa.array(mask), picked, employer)
            memo[mask] = label
        return self._monthly(
            rng,
            who,
            paydays,
            np.round(net, 2),
            employer,
            pop.account.take(pa.array(who)),
            "batch",
            vary=0.02,
            memo=pa.array(memo, pa.string()),
        )

    def _savings(
        self, rng: np.random.Generator, k: int, paydays: np.ndarray, private: np.ndarray
    ) -> list[pa.Table]:
        who = np.sort(rng.choice(private, size=min(k, len(private)), replace=False))
        amount = SAVINGS_AMOUNTS[rng.integers(0, len(SAVINGS_AMOUNTS), len(who))]
        days = np.minimum(paydays + 1, self.clock.days - 1)
        take = pa.array(who)
        return self._monthly(
            rng,
            who,
            days,
            amount,
            self.pop.account.take(take),
            self.savings.take(take),
            "batch",
            memo="Opsparing",
        )

    def _rent(self, rng: np.random.Generator, k: int, firsts: np.ndarray) -> list[pa.Table]:
        pop = self.pop
        renters = np.flatnonzero(
            pop.head & ~pop.business & (pop.flat | (rng.random(pop.size) < 0.2))
        )
        who = np.sort(rng.choice(renters, size=min(k, len(renters)), replace=False))
        population = np.asarray([t.population for t in self.merchants.towns])[pop.town[who]]
        base = np.where(population > 300_000, 9500, np.where(population > 100_000, 7000, 5500))
        amount = np.round(base * rng.lognormal(0, 0.25, len(who)))
        landlords = new_id_array(self.ctx, "account", max(3, len(who) // 150))
        landlord = landlords.take(pa.array(_zipf(rng, len(landlords), len(who))))
        return self._monthly(
            rng,
            who,
            firsts,
            amount,
            pop.account.take(pa.array(who)),
            landlord,
            "batch",
            memo="Husleje",
        )

    def _bills(self, rng: np.random.Generator, k: int) -> list[pa.Table]:
        pop, merchants = self.pop, self.merchants
        payers = np.flatnonzero(pop.head | (rng.random(pop.size) < 0.3))
        if not len(payers) or k <= 0:
            return []
        who = np.sort(payers[rng.integers(0, len(payers), k)])
        bill = rng.integers(0, len(merchants.bills), len(who))
        first = np.asarray([b.first for b in merchants.bills])[bill]
        billers = np.asarray([b.billers for b in merchants.bills])[bill]
        biller = first + (rng.random(len(who)) * billers).astype(np.int64)
        median = np.asarray([b.median for b in merchants.bills])[bill]
        sigma = np.asarray([b.sigma for b in merchants.bills])[bill]
        amount = np.round(median * np.exp(sigma * rng.standard_normal(len(who))), 2)
        dom = rng.integers(1, 29, len(who))
        pieces: list[pa.Table] = []
        for day_of_month in np.unique(dom).tolist():
            mask = dom == day_of_month
            idx = pa.array(biller[mask])
            pieces += self._monthly(
                rng,
                who[mask],
                self.clock.month_days(day_of_month),
                amount[mask],
                pop.account.take(pa.array(who[mask])),
                merchants.account.take(idx),
                "batch",
                merchant=merchants.name.take(idx),
                merchant_category=merchants.category.take(idx),
            )
        return pieces

    # -- drawn per day ------------------------------------------------------------------------
    def chunks(self, max_rows: int) -> Iterator[tuple[pa.Table, int]]:
        """(table, horizon): transactions of consecutive days; nothing later in the stream is
        earlier than `horizon` (UTC microseconds)."""
        scheduled_days = self.scheduled.column("_day").to_numpy()
        for first, stop in day_chunks(self.per_day, max_rows):
            rng = self.ctx.np_rng("background", "transactions", first)
            days = {
                kind: np.repeat(np.arange(first, stop), counts[first:stop])
                for kind, counts in self.counts.items()
            }
            lo, hi = np.searchsorted(scheduled_days, [first, stop])
            parts = [
                self._card(rng, days["card"]),
                self._p2p(rng, days["p2p"]),
                self._atm(rng, days["atm"]),
                self._transfer(rng, days["transfer"]),
                self.scheduled.slice(lo, hi - lo).drop_columns(["_day"]),
            ]
            table = pa.concat_tables([p for p in parts if p.num_rows] or parts[-1:])
            ids = new_id_array(self.ctx, "txn", table.num_rows)
            table = table.add_column(0, "txn_id", ids).select(record_schema("transaction").names)
            horizon = int(self.clock.to_utc(np.asarray([stop]), np.asarray([0]))[0])
            yield table.cast(record_schema("transaction")), horizon

    def _card(self, rng: np.random.Generator, day: np.ndarray) -> pa.Table:
        pop, merchants = self.pop, self.merchants
        n = len(day)
        payer = pop.draw(rng, day)
        category = rng.choice(len(merchants.card), size=n, p=merchants.card_shares)
        local_us = np.zeros(n, dtype=np.int64)
        amount = np.zeros(n)
        merchant = np.zeros(n, dtype=np.int64)
        town = self._town(rng, payer)
        for index, cat in enumerate(merchants.card):
            mask = category == index
            k = int(mask.sum())
            if k:
                local_us[mask] = self.clock.time_of_day(rng, cat.hours, k)
                amount[mask] = cat.amounts(rng, k)
                merchant[mask] = merchants.shop(cat, rng, town[mask])
        abroad = self.trips.away(payer, day) & (rng.random(n) < 0.85)
        if abroad.any():
            merchant[abroad] = merchants.abroad(rng, self.trips.country[payer[abroad]])
        return self._placed(day, local_us, payer, town, merchant, amount, "card")

    def _town(self, rng: np.random.Generator, who: np.ndarray) -> np.ndarray:
        """Where people pay: mostly their home town, now and then another one."""
        elsewhere = rng.choice(len(self.towns), size=len(who), p=self.town_p)
        return np.where(rng.random(len(who)) < 0.85, self.pop.town[who], elsewhere)

    def _placed(
        self,
        day: np.ndarray,
        local_us: np.ndarray,
        payer: np.ndarray,
        town: np.ndarray,
        merchant: np.ndarray,
        amount: np.ndarray,
        channel: str,
    ) -> pa.Table:
        """Card and cash rows carry where they happened: the shop's town, the town one was in
        for online and national merchants, the merchant's city abroad."""
        towns = self.towns
        take = pa.array(merchant)
        merchants = self.merchants
        city = pc.if_else(
            pc.is_valid(merchants.city.take(take)),
            merchants.city.take(take),
            pa.array(towns[town], pa.string()),
        )
        return piece(
            self.clock,
            day,
            local_us,
            self.pop.account.take(pa.array(payer)),
            merchants.account.take(take),
            amount,
            channel,
            merchant=merchants.name.take(take),
            merchant_category=merchants.category.take(take),
            city=city,
            country=merchants.country.take(take),
        )

    def _p2p(self, rng: np.random.Generator, day: np.ndarray) -> pa.Table:
        pop = self.pop
        n = len(day)
        me = pop.draw(rng, day, private_only=True)
        ring_size = len(pop.ring)
        mine = pop.account.take(pa.array(me))
        if len(pop.offsets):
            closeness = 1.0 / np.arange(1, len(pop.offsets) + 1)
            offset = pop.offsets[
                rng.choice(len(pop.offsets), size=n, p=closeness / closeness.sum())
            ]
            outgoing = rng.random(n) < 0.5
            other_position = (
                np.where(outgoing, pop.ring_position[me] + offset, pop.ring_position[me] - offset)
                % ring_size
            )
            other = pop.ring_accounts(other_position)
        else:
            outgoing = np.ones(n, dtype=bool)
            other = mine
        with_partner = (pop.partner[me] >= 0) & (rng.random(n) < 0.15)
        other = pc.if_else(
            pa.array(with_partner),
            pop.account.take(pa.array(np.maximum(pop.partner[me], 0))),
            other,
        )
        amount = _p2p_amounts(rng, n)
        # MobilePay box payments to small businesses (hairdresser, café, physiotherapist).
        boxes = np.flatnonzero(pop.business & _takes_p2p(pop.business_type))
        box = rng.random(n) < 0.08 if len(boxes) else np.zeros(n, dtype=bool)
        if box.any():
            chosen = boxes[rng.integers(0, len(boxes), int(box.sum()))]
            box_account = np.empty(n, dtype=object)
            box_account[box] = pop.account.take(pa.array(chosen)).to_numpy(zero_copy_only=False)
            other = pc.if_else(pa.array(box), pa.array(box_account, pa.string()), other)
            outgoing = outgoing | box
            amount[box] = np.round(rng.lognormal(np.log(280), 0.6, int(box.sum())), 0)
        memo = np.full(n, None, dtype=object)
        has_memo = rng.random(n) < 0.4
        english = pop.language[me] == "en"
        for language, mask in (("da", has_memo & ~english), ("en", has_memo & english)):
            words = np.asarray(self.memos["p2p"][language], dtype=object)
            memo[mask] = words[rng.integers(0, len(words), int(mask.sum()))]
        flag = pa.array(outgoing)
        return piece(
            self.clock,
            day,
            self.clock.time_of_day(rng, "p2p", n),
            pc.if_else(flag, mine, other),
            pc.if_else(flag, other, mine),
            amount,
            "p2p",
            memo=pa.array(memo, pa.string()),
        )

    def _atm(self, rng: np.random.Generator, day: np.ndarray) -> pa.Table:
        pop, merchants = self.pop, self.merchants
        n = len(day)
        who = pop.draw(rng, day)
        machine = merchants.atm(rng, n)
        abroad = self.trips.away(who, day)
        if abroad.any():
            machine[abroad] = merchants.abroad(rng, self.trips.country[who[abroad]], atm=True)
        amount = ATM_AMOUNTS[rng.integers(0, len(ATM_AMOUNTS), n)]
        local_us = self.clock.time_of_day(rng, "cash", n)
        return self._placed(day, local_us, who, self._town(rng, who), machine, amount, "atm")

    def _transfer(self, rng: np.random.Generator, day: np.ndarray) -> pa.Table:
        """Larger one-off transfers: to one's savings, or to family and friends."""
        pop = self.pop
        n = len(day)
        who = pop.draw(rng, day, private_only=True)
        take = pa.array(who)
        to_family = (rng.random(n) < 0.5) & (len(pop.offsets) > 0)
        offset = (
            pop.offsets[rng.integers(0, max(len(pop.offsets), 1), n)] if len(pop.offsets) else 0
        )
        family = pop.ring_accounts((pop.ring_position[who] + offset) % len(pop.ring))
        payee = pc.if_else(pa.array(to_family), family, self.savings.take(take))
        amount = np.round(rng.lognormal(np.log(3000), 0.8, n), -2).clip(200, 60000)
        memos = np.asarray(TRANSFER_MEMOS, dtype=object)
        memo = np.where(to_family, memos[rng.integers(0, len(memos), n)], "Opsparing")
        return piece(
            self.clock,
            day,
            self.clock.time_of_day(rng, "online", n),
            pop.account.take(take),
            payee,
            amount,
            "transfer",
            memo=pa.array(memo, pa.string()),
        )


def _takes_p2p(business_type: np.ndarray) -> np.ndarray:
    types = load("population")["businesses"]
    box = np.asarray([bool(t[4]) for t in types])
    return np.asarray(box[np.maximum(business_type, 0)] & (business_type >= 0))


def _p2p_amounts(rng: np.random.Generator, n: int) -> np.ndarray:
    """Split bills (non-round), small round sums, medium and larger transfers."""
    kind = rng.choice(4, size=n, p=[0.38, 0.34, 0.2, 0.08])
    split = rng.lognormal(np.log(140), 0.7, n)
    split = np.where(rng.random(n) < 0.5, np.round(split), np.round(split * 2) / 2)
    split = np.where(rng.random(n) < 0.3, np.round(rng.lognormal(np.log(140), 0.7, n), 2), split)
    small = np.asarray([50, 100, 100, 150, 200, 200, 250, 300, 400, 500], float)[
        rng.integers(0, 10, n)
    ]
    medium = np.round(rng.lognormal(np.log(600), 0.6, n), -1)
    large = np.round(rng.uniform(1000, 8000, n), -2)
    amount = np.choose(kind, [split, small, medium, large])
    return np.asarray(np.maximum(amount, 1.0))


def _empty() -> tuple[np.ndarray, np.ndarray, pa.Array, pa.Array, np.ndarray]:
    none = np.zeros(0, dtype=np.int64)
    empty = pa.array([], pa.string())
    return none, none, empty, empty, np.zeros(0)
