"""The background's company register: one CVR entry per business customer, with its history.

Every business customer of the population (segment `business`) runs one company: its trade is
the business type's DB07 code (catalogue list `trade_codes`), its account the customer's
account, its address the customer's, and its employees agree with what the background pays:
the staff it pays a salary inside the bank (counted from the scheduled salary transfers), plus
for a type that hires a few paid at other banks; a type that does not hire has none. The
owner is the customer, one row per owner and period, and most companies have had that one
owner for years. Some have a history an expert knows to be harmless:

- a family handover: a parent (same surname, a generation older) owned it until the customer
  took over, one change of owner in all;
- a franchisee or entrepreneur who owns two or three companies of the same trade (the others
  bank elsewhere: no account here);
- an owner resident in Sweden or Germany (a cross-border commuter).

Each company has at most one of these, so the background alone never meets the implemented
KYC-NOMINEE-OWNER rule (two changes within a year, or two elements together). Drawn from its own
stream, after every other kind, so no other draw of the world moves.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from redflags.catalogue.lists import load_trade_codes
from redflags_synth.world.benign.clock import Clock
from redflags_synth.world.benign.data import load
from redflags_synth.world.benign.population import Population, _names
from redflags_synth.world.context import WorldContext
from redflags_synth.world.schema import record_schema

HISTORY = {"handover": 0.08, "franchise": 0.04, "abroad": 0.03}  # share of companies
FRANCHISE_TYPES = frozenset(
    {"frisørsalon", "neglesalon", "massageklinik", "café", "pizzeria", "kiosk", "fysioterapeut"}
)
ABROAD = ("SE", "DE")
EXTRA_STAFF = 4  # a hiring type also has 0..3 staff paid at other banks
YEAR = 365.25


def payroll_staff(scheduled: pa.Table, pop: Population, salary_memos: list[str]) -> np.ndarray:
    """Per customer: the distinct payees a business account pays a salary (by memo) in the
    background's scheduled transfers."""
    is_salary = pc.is_in(scheduled.column("memo"), pa.array(salary_memos, pa.string()))
    paid = scheduled.filter(pc.fill_null(is_salary, False)).select(["payer", "payee"])
    staff = np.zeros(pop.size, dtype=np.int64)
    if paid.num_rows == 0:
        return staff
    pairs = paid.group_by(["payer", "payee"]).aggregate([])
    counts = pairs.group_by("payer").aggregate([("payee", "count")])
    index = pc.index_in(counts.column("payer"), pop.account).to_numpy(zero_copy_only=False)
    found = ~np.isnan(index.astype(float))
    staff[index[found].astype(np.int64)] = counts.column("payee_count").to_numpy()[found]
    return staff


def _day(first: date, days_ago: np.ndarray) -> list[date]:
    return [first - timedelta(days=int(d)) for d in days_ago]


class Companies:
    def __init__(self, ctx: WorldContext, clock: Clock, pop: Population, staff: np.ndarray):
        self.ctx, self.clock, self.pop, self.staff = ctx, clock, pop, staff

    def table(self) -> pa.Table:
        ctx, pop = self.ctx, self.pop
        rng = ctx.np_rng("background", "companies")
        trades = load_trade_codes().trades
        types = load("population")["businesses"]
        who = np.flatnonzero(pop.business)
        n = len(who)
        customers = pop.table.take(pa.array(who)).to_pylist()
        label = [str(types[t][0]) for t in pop.business_type[who]]
        hires = np.asarray([bool(types[t][3]) for t in pop.business_type[who]], dtype=bool)
        employees = np.where(hires, self.staff[who] + rng.integers(0, EXTRA_STAFF, n), 0).astype(
            float
        )
        first: date = self.clock.first  # the world's first local day
        age_days = np.asarray([(first - c["birth_date"]).days for c in customers], dtype=float)
        # founded 1-25 years ago, when the owner was at least 20
        founded_ago = np.minimum(rng.uniform(1, 25, n) * YEAR, age_days - 20 * YEAR).clip(200)
        kind = rng.choice(
            ["plain", *HISTORY], size=n, p=[1 - sum(HISTORY.values()), *HISTORY.values()]
        )
        kind[(kind == "franchise") & ~np.isin(label, list(FRANCHISE_TYPES))] = "plain"
        cvrs = ctx.new_ids("cvr", n + 2 * int((kind == "franchise").sum()))
        rows: list[dict[str, Any]] = []
        extra_cvr = n
        for i, customer in enumerate(customers):
            trade = trades[label[i]]
            owner = {
                "owner_name": f"{customer['first_name']} {customer['last_name']}",
                "owner_birth_date": customer["birth_date"],
                "owner_country": "DK",
                "owner_customer_id": customer["customer_id"],
            }
            company = {
                "cvr": cvrs[i],
                "name": self._name(rng, label[i], customer, employees[i]),
                "trade": trade.code,
                "address": customer["address"],
                "account_id": customer["account_id"],
                "founded_on": _day(first, founded_ago[i : i + 1])[0],
                "employees": employees[i],
            }
            if kind[i] == "handover":  # a parent ran it; the customer took over
                took_over = rng.uniform(0.3, 0.9) * founded_ago[i]
                company["founded_on"] = _day(first, np.asarray([founded_ago[i] + 8 * YEAR]))[0]
                parent_first = self._parent(rng, pop.nationality[who[i]])
                parent_born = customer["birth_date"] - timedelta(
                    days=int(rng.uniform(22, 38) * YEAR)
                )
                handover = _day(first, np.asarray([took_over]))[0]
                rows.append(
                    {
                        **company,
                        "owner_name": f"{parent_first} {customer['last_name']}",
                        "owner_birth_date": parent_born,
                        "owner_country": "DK",
                        "owner_customer_id": None,
                        "owner_from": company["founded_on"],
                        "owner_to": handover,
                    }
                )
                rows.append({**company, **owner, "owner_from": handover, "owner_to": None})
                continue
            if kind[i] == "abroad":
                owner["owner_country"] = str(rng.choice(ABROAD))
            rows.append({**company, **owner, "owner_from": company["founded_on"], "owner_to": None})
            if kind[i] == "franchise":  # one or two more of the same trade, banked elsewhere
                for _ in range(int(rng.integers(1, 3))):
                    opened = _day(first, rng.uniform(0.5, 1.0, 1) * founded_ago[i])[0]
                    rows.append(
                        {
                            **company,
                            **owner,
                            "cvr": cvrs[extra_cvr],
                            "name": self._name(rng, label[i], customer, 1.0),
                            "address": None,
                            "account_id": None,
                            "founded_on": opened,
                            "employees": float(rng.integers(1, 5)) if hires[i] else 0.0,
                            "owner_from": opened,
                            "owner_to": None,
                        }
                    )
                    extra_cvr += 1
        rows.sort(key=lambda r: (r["owner_from"], r["cvr"]))
        ids = ctx.new_ids("entry", len(rows))
        for row, entry_id in zip(rows, ids, strict=True):
            row["entry_id"] = entry_id
        return pa.Table.from_pylist(rows, schema=record_schema("company"))

    @staticmethod
    def _name(
        rng: np.random.Generator, label: str, customer: dict[str, Any], employees: float
    ) -> str:
        """A sole proprietorship carries the owner's name ('v/'), a company a form."""
        trade = label[:1].upper() + label[1:]
        if employees == 0:
            return f"{trade} v/{customer['first_name']} {customer['last_name']}"
        return f"{customer['last_name']} {trade} {rng.choice(['ApS', 'ApS', 'I/S', 'A/S'])}"

    @staticmethod
    def _parent(rng: np.random.Generator, nationality: str) -> str:
        firsts, _ = _names(str(nationality), str(rng.choice(["F", "M"])))
        return str(firsts[int(rng.integers(0, len(firsts)))])
