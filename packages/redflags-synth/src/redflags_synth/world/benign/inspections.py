"""The background's field notes: a municipality's routine labour inspections of lawful
workplaces, one note per person met (`observation` records, field_notes.py).

A share of the register's companies that employ people is inspected once in the world's window;
the inspectors meet one to four of its staff (never more than it employs). The people are not
customers of the bank: they give a name, sometimes a phone number and where they live, all fresh.
Most notes are routine; some are the near-misses an inspection meets every day (staff housing
with a lease, a colleague who translates, a copy of a passport in the personnel file). Drawn
from its own stream after every other kind, so no other draw of the world moves.
"""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from typing import Any

import pyarrow as pa

from redflags_synth.world import field_notes
from redflags_synth.world.benign.clock import CPH, Clock
from redflags_synth.world.context import WorldContext
from redflags_synth.world.schema import record_schema

INSPECTED_SHARE = 0.3  # of the companies with employees, once in the window
# the staff met: Danes mostly, and the nationalities of the sectors inspections target
STAFF_ORIGINS = {
    "DK": 55, "PL": 8, "RO": 7, "UA": 6, "LT": 4, "BG": 4, "VN": 4, "TH": 3, "PH": 2, "NG": 1,
    "SE": 3, "DE": 3,
}  # fmt: skip
PHONE_GIVEN = 0.55
HOME_GIVEN = 0.45


class Inspections:
    def __init__(self, ctx: WorldContext, clock: Clock, companies: pa.Table) -> None:
        self.ctx, self.clock, self.companies = ctx, clock, companies

    def table(self) -> pa.Table:
        ctx = self.ctx
        rng = ctx.rng("background", "inspections")
        origins, weights = list(STAFF_ORIGINS), list(STAFF_ORIGINS.values())
        rows: list[dict[str, Any]] = []
        for company in self.companies.to_pylist():
            employees = int(company["employees"] or 0)
            if employees < 1 or not company["address"] or company["owner_to"] is not None:
                continue
            if rng.random() >= INSPECTED_SHARE:
                continue
            when, team = self._when(rng), field_notes.observer(rng)
            town = company["address"].rsplit(" ", 1)[-1]
            for _ in range(min(employees, rng.randint(1, 4))):
                person = ctx.person(rng, rng.choices(origins, weights)[0])
                met = field_notes.met(
                    person.first_name,
                    person.last_name,
                    person.nationality,
                    ctx.new_phone() if rng.random() < PHONE_GIVEN else None,
                    ctx.address(rng) if rng.random() < HOME_GIVEN else None,
                )
                rows.append(
                    field_notes.note(
                        ctx.new_id("note"),
                        when + timedelta(microseconds=rng.randrange(90 * 60 * 10**6)),
                        team,
                        str(company["name"]),
                        company["address"],
                        company["cvr"],
                        met,
                        field_notes.routine_text(rng, town),
                    )
                )
        rows.sort(key=lambda r: (r["observed_at"], r["observation_id"]))
        return pa.Table.from_pylist(rows, schema=record_schema("observation"))

    def _when(self, rng: Any) -> datetime:
        """A weekday morning inside the world's window, Copenhagen time, as UTC."""
        day = self.clock.date(rng.randrange(self.clock.days))
        while day.weekday() >= 5:
            day -= timedelta(days=1)
        # microseconds, as every other time of the world (a coarser grid would be a tell)
        local = datetime.combine(day, time(8)) + timedelta(
            microseconds=rng.randrange(5 * 3600 * 10**6)
        )
        return local.replace(tzinfo=CPH).astimezone(UTC)
