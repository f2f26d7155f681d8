"""Company register rows for the typologies: one row per company, owner and period, as the
background writes them (benign/companies.py), with the trade as its DB07 code."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from redflags.catalogue.lists import load_trade_codes
from redflags_synth.world.context import WorldContext
from redflags_synth.world.typologies.ledger import Ledger


def trade_code(business_type: str) -> str:
    """The DB07 code of a business type of population.yaml ('massageklinik' -> '960400')."""
    return load_trade_codes().trades[business_type].code


def day(ctx: WorldContext, days: int) -> date:
    """The local date `days` days after the world's start (negative: before it)."""
    return (ctx.start + timedelta(days=days)).date()


def owner(
    first_name: str,
    last_name: str,
    birth_date: date | None,
    country: str = "DK",
    customer_id: str | None = None,
) -> dict[str, Any]:
    return {
        "owner_name": f"{first_name} {last_name}",
        "owner_birth_date": birth_date,
        "owner_country": country,
        "owner_customer_id": customer_id,
    }


def owner_of(customer: dict[str, Any], country: str = "DK") -> dict[str, Any]:
    """A customer's KYC record as the register names its owner."""
    return owner(
        customer["first_name"],
        customer["last_name"],
        customer.get("birth_date"),
        country,
        customer["customer_id"],
    )


def entry(
    ctx: WorldContext,
    ledger: Ledger,
    company: dict[str, Any],
    holder: dict[str, Any],
    since: date,
    until: date | None = None,
) -> dict[str, Any]:
    """One register row: `company` (cvr, name, trade, address, account_id, founded_on,
    employees) owned by `holder` (see `owner`) from `since` until `until`."""
    record = {
        "entry_id": ctx.new_id("entry"),
        "name": None,
        "address": None,
        "account_id": None,
        "founded_on": None,
        "employees": None,
        **company,
        **holder,
        "owner_from": since,
        "owner_to": until,
    }
    return ledger.add("company", record)
