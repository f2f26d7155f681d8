"""What and where a customer pays: tickets for others, short stays across cities, card payments
travelling a circuit (FIN-TRAVEL-FOR-OTHERS, FIN-HOTEL-SHORT-STAYS, FIN-GEO-CIRCUIT)."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from functools import cache
from typing import Any

from redflags_synth.world.typologies.truth.common import (
    DAY,
    account_holders,
    indicator_params,
    is_dkk,
    windows_with,
    words,
)
from redflags_synth.world.typologies.truth.registry import NetworkRecords, truth_rule


def _by_private_payer(
    payments: Iterable[dict[str, Any]], business_accounts: Iterable[str]
) -> list[list[dict[str, Any]]]:
    """The payments of each payer that is not a registered business, in their order."""
    business = set(business_accounts)
    by_payer: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for txn in payments:
        if txn["payer"] not in business:
            by_payer[txn["payer"]].append(txn)
    return list(by_payer.values())


# -- FIN-TRAVEL-FOR-OTHERS: no registered rule, the typologies flag the tickets they buy with it --

_TRAVEL = indicator_params("FIN-TRAVEL-FOR-OTHERS")
TRAVEL_WINDOW = int(_TRAVEL["window_days"]) * DAY
TRAVEL_MIN_NAMES = int(_TRAVEL["min_passenger_names"])


def tickets_for_others(
    tickets: Iterable[dict[str, Any]], business_accounts: Iterable[str] = ()
) -> set[str]:
    """FIN-TRAVEL-FOR-OTHERS: ticket payments of a private payer whose 30-day window holds >= 3
    distinct passenger names (the memo of a ticket purchase). A registered business buying
    tickets (a travel agency for its clients) is its trade, not the red flag."""
    hits: set[str] = set()
    for rows in _by_private_payer(tickets, business_accounts):
        for i in windows_with(
            [(t["ts"], t["memo"]) for t in rows], TRAVEL_WINDOW, TRAVEL_MIN_NAMES
        ):
            hits.add(rows[i]["txn_id"])
    return hits


# -- FIN-HOTEL-SHORT-STAYS ------------------------------------------------------------------------

_STAYS = indicator_params("FIN-HOTEL-SHORT-STAYS")
STAYS_WINDOW = int(_STAYS["window_days"]) * DAY
STAYS_MIN_BOOKINGS = int(_STAYS["min_bookings"])
STAYS_MIN_CITIES = int(_STAYS["min_cities"])


def short_stays(stays: Iterable[dict[str, Any]], business_accounts: Iterable[str] = ()) -> set[str]:
    """FIN-HOTEL-SHORT-STAYS: accommodation payments of a private payer with >= 4 of them in 30
    days across >= 2 cities. A company card (a business account) on the road is explained by
    the trade; the published rule leaves out what "the customer's profile" explains."""
    hits: set[str] = set()
    for rows in _by_private_payer(stays, business_accounts):
        for first in rows:
            inside = [t for t in rows if first["ts"] <= t["ts"] <= first["ts"] + STAYS_WINDOW]
            cities = {t["city"] for t in inside}
            if len(inside) >= STAYS_MIN_BOOKINGS and len(cities) >= STAYS_MIN_CITIES:
                hits.update(t["txn_id"] for t in inside)
    return hits


@cache
def hotel_categories() -> frozenset[str]:
    """Merchant categories of the `hotels` group, as the detectors read them."""
    from redflags.catalogue.lists import load_merchant_categories

    return frozenset(c for c, group in load_merchant_categories().pairs() if group == "hotels")


@truth_rule("FIN-HOTEL-SHORT-STAYS", "transaction")
def _short_stays(n: NetworkRecords) -> set[str]:
    hotels = hotel_categories()
    stays = [t for t in n.transactions if str(t.get("merchant_category") or "").lower() in hotels]
    return short_stays(stays, n.business)


# -- FIN-GEO-CIRCUIT ------------------------------------------------------------------------------

# The rule's parameters, as in FIN-GEO-CIRCUIT.yaml.
_GEO = indicator_params("FIN-GEO-CIRCUIT")
GEO_WINDOW = int(_GEO["window_days"]) * 86400
GEO_MIN_TOWNS = int(_GEO["min_municipalities"])
GEO_MIN_NEW_TOWNS = int(_GEO["min_new_towns"])
GEO_MIN_AWAY_SHARE = float(_GEO["min_away_share"])
GEO_MIN_AWAY_PAYMENTS = int(_GEO["min_away_payments"])
GEO_MIN_CYCLES = int(_GEO["min_repeat_cycles"])
GEO_TRAVELLING = words(_GEO["travelling_occupations"])
GEO_HOME_COUNTRY = str(_GEO["home_country"]).upper()


@truth_rule("FIN-GEO-CIRCUIT", "transaction")
def _geo_circuit(n: NetworkRecords) -> set[str]:
    return geo_circuit(n.transactions, n.customers)


def geo_circuit(
    transactions: Iterable[dict[str, Any]], customers: Iterable[dict[str, Any]]
) -> set[str]:
    """FIN-GEO-CIRCUIT: the card payments (with a Danish city) of a private customer without a
    travelling occupation, in 14-day cycles tumbling from the Unix epoch, where the cycle has at
    least 3 towns, at least 2 of them new to the account (home town not counted), and at least
    half and at least 6 of its payments away from the town of the KYC address; when at least 2
    cycles qualify, their payments. An account's holder is its first customer by id."""
    holders = account_holders(customers)
    cycles: dict[str, dict[int, list[dict[str, Any]]]] = defaultdict(lambda: defaultdict(list))
    for t in transactions:
        holder = holders.get(t["payer"])
        if (
            holder is None
            or holder.get("segment") == "business"
            or str(holder.get("occupation") or "").strip().lower() in GEO_TRAVELLING
            or t["channel"] != "card"
            or not t.get("city")
            or not is_dkk(t)
            or str(t.get("country") or GEO_HOME_COUNTRY).upper() != GEO_HOME_COUNTRY
        ):
            continue
        cycles[t["payer"]][int(t["ts"].timestamp() // GEO_WINDOW)].append(t)
    hits: set[str] = set()
    for account, by_cycle in cycles.items():
        found = re.search(r"[0-9]{4} (.+)$", str(holders[account].get("address") or ""))
        home = found.group(1) if found else ""
        first: dict[str, int] = {}
        for cycle in sorted(by_cycle):
            for t in by_cycle[cycle]:
                first.setdefault(t["city"], cycle)
        qualifying = []
        for cycle, rows in by_cycle.items():
            towns = {t["city"] for t in rows}
            new = {c for c in towns if first[c] == cycle and c != home}
            away = sum(1 for t in rows if t["city"] != home)
            if (
                len(towns) >= GEO_MIN_TOWNS
                and len(new) >= GEO_MIN_NEW_TOWNS
                and away / len(rows) >= GEO_MIN_AWAY_SHARE
                and away >= GEO_MIN_AWAY_PAYMENTS
            ):
                qualifying.append(rows)
        if len(qualifying) >= GEO_MIN_CYCLES:
            hits.update(t["txn_id"] for rows in qualifying for t in rows)
    return hits
