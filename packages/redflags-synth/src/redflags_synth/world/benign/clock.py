"""Time in the world. People live in Europe/Copenhagen: events are drawn as a local day and a
local time of day with daily and weekly rhythms, then stored in UTC (microseconds since the
epoch), daylight saving time included. Also: paydays, and the split of a kind's rows into chunks
of whole days so each chunk is one slice of time.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import numpy as np

from redflags_synth.world.benign.data import load, probabilities

CPH = ZoneInfo("Europe/Copenhagen")
HOUR_US = 3_600_000_000
DAY_US = 24 * HOUR_US
_EPOCH = date(1970, 1, 1)


class Clock:
    """Local days numbered from the world's first local day (0); negative days are the past."""

    def __init__(self, start: datetime, days: int) -> None:
        self.first = start.astimezone(CPH).date()
        self.days = days
        self._first_ordinal = (self.first - _EPOCH).days
        self._offsets: dict[int, np.ndarray] = {}
        rhythms = load("rhythms")
        self._hours = {k: probabilities(v) for k, v in rhythms["hours"].items()}
        self._weeks = {k: np.asarray(v, dtype=float) for k, v in rhythms["weeks"].items()}
        self._boost = rhythms["payday_boost"]

    # -- calendar ---------------------------------------------------------------------------
    def date(self, day: int) -> date:
        return self.first + timedelta(days=day)

    def weekday(self) -> np.ndarray:
        """Weekday (0 = Monday) of every day of the world."""
        return (self.first.weekday() + np.arange(self.days)) % 7

    def paydays(self) -> np.ndarray:
        """The last banking day (Monday to Friday) of every month that ends inside the world."""
        found = []
        for day in range(self.days):
            current = self.date(day)
            if current.weekday() >= 5:
                continue
            following = current + timedelta(days=1)
            while following.weekday() >= 5:
                following += timedelta(days=1)
            if following.month != current.month:
                found.append(day)
        return np.asarray(found, dtype=np.int64)

    def month_days(self, day_of_month: int) -> np.ndarray:
        """Days of the world falling on this day of the month (clamped to the month's end)."""
        found = []
        for day in range(self.days):
            current = self.date(day)
            last = (current.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
            if current.day == min(day_of_month, last.day):
                found.append(day)
        return np.asarray(found, dtype=np.int64)

    def day_weights(self, week: str, payday: bool = False) -> np.ndarray:
        """Probability of each day for an event with this weekly rhythm (and payday lift)."""
        weights = self._weeks[week][self.weekday()].astype(float)
        if payday:
            for pay in self.paydays():
                weights[pay : pay + int(self._boost["days"])] *= float(self._boost["factor"])
        return np.asarray(weights / weights.sum())

    # -- drawing times ----------------------------------------------------------------------
    def time_of_day(self, rng: np.random.Generator, profile: str, n: int) -> np.ndarray:
        """Microseconds after local midnight, hours weighted by the named profile. (Typologies
        draw their times in microseconds too: a different grid would tell them apart.)"""
        hours = rng.choice(24, size=n, p=self._hours[profile])
        return hours * HOUR_US + rng.integers(0, HOUR_US, size=n)

    def to_utc(self, day: np.ndarray, local_us: np.ndarray) -> np.ndarray:
        """UTC microseconds since the epoch of local (day, time of day)."""
        day = np.asarray(day, dtype=np.int64)
        local_us = np.asarray(local_us, dtype=np.int64)
        if day.size == 0:
            return np.zeros(0, dtype=np.int64)
        unique, inverse = np.unique(day, return_inverse=True)
        table = np.stack([self._day_offsets(int(d)) for d in unique])
        hour = np.clip(local_us // HOUR_US, 0, 23)
        offset = table[inverse.reshape(-1), hour]
        return np.asarray((self._first_ordinal + day) * DAY_US + local_us - offset, np.int64)

    def _day_offsets(self, day: int) -> np.ndarray:
        """UTC offset (microseconds) of each local hour of a day; cached per day."""
        found = self._offsets.get(day)
        if found is None:
            current = self.date(day)
            found = np.asarray(
                [
                    datetime(current.year, current.month, current.day, h, 30, tzinfo=CPH)
                    .utcoffset()
                    .total_seconds()  # type: ignore[union-attr]
                    * 1_000_000
                    for h in range(24)
                ],
                dtype=np.int64,
            )
            self._offsets[day] = found
        return found

    def days_to_us(self, day: np.ndarray) -> np.ndarray:
        """Local midnight of days as naive microseconds (for dates such as birth dates)."""
        return (self._first_ordinal + np.asarray(day, dtype=np.int64)) * DAY_US


def day_counts(rng: np.random.Generator, total: int, weights: np.ndarray) -> np.ndarray:
    """Split `total` rows over days by weight (exactly `total`)."""
    return rng.multinomial(total, weights) if total else np.zeros(len(weights), dtype=np.int64)


def day_chunks(counts: Sequence[int] | np.ndarray, max_rows: int) -> list[tuple[int, int]]:
    """Consecutive day ranges [first, stop) holding at most `max_rows` rows each (a single busier
    day is a chunk of its own). Chunks are slices of time, so writing them in order keeps a
    kind sorted by time without ever holding it all."""
    chunks: list[tuple[int, int]] = []
    first, rows = 0, 0
    for day, count in enumerate(counts):
        if rows and rows + int(count) > max_rows:
            chunks.append((first, day))
            first, rows = day, 0
        rows += int(count)
    if rows or not chunks:
        chunks.append((first, len(counts)))
    return chunks
