"""Catalogue rules that ground truth applies across the records of one network.

Some indicators are properties of a group of records (a contact fronting personas, a payee's
inflow profile, customers sharing identifiers), so whether a record carries them is only known
once the whole network is drawn. These functions apply each indicator's published rule (see its
YAML) to plain records. They are written from the rule text, not from the detectors, so that
truth says what the rule means and the detectors are measured against it; they apply the rule to
what is true (a phone written as words is still that phone), which is where today's detectors
may miss.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from functools import cache
from typing import Any
from zoneinfo import ZoneInfo

from redflags.catalogue.lists import default_list_path, load_allow_list

CPH = ZoneInfo("Europe/Copenhagen")


@cache
def _params(indicator: str) -> dict[str, Any]:
    """An indicator's published thresholds: truth reads them from the catalogue, never a copy."""
    from redflags.catalogue import load_catalogue

    return dict(load_catalogue().get(indicator).detector.params)


def _words(values: Iterable[str]) -> frozenset[str]:
    return frozenset(str(v).lower() for v in values)


CUE_MEMOS = frozenset({"massage", "🌹", "❤️"})  # FIN-PAYMENT-MEMO-CUES: sexual or massage cues
DAY = timedelta(days=1)


@dataclass
class AdFacts:
    """What the ad rules need to know about one ad, beyond its record."""

    ad_id: str
    posted_at: datetime
    persona: str | None
    city: str | None
    # true contact keys ('phone:+45...', 'handle:name', 'email:...'), even when shown obscured
    contacts: tuple[str, ...]
    image_bases: tuple[str, ...] = ()
    template: str | None = None
    found: set[str] = field(default_factory=set)


def _windows_with(
    items: Sequence[tuple[datetime, Hashable]], width: timedelta, at_least: int
) -> set[int]:
    """Indices of items inside some window [start, start + width] (starting at an item) that holds
    at least `at_least` distinct values."""
    ordered = sorted(range(len(items)), key=lambda i: items[i][0])
    hit: set[int] = set()
    for a in ordered:
        start = items[a][0]
        inside = [i for i in ordered if start <= items[i][0] <= start + width]
        if len({items[i][1] for i in inside}) >= at_least:
            hit.update(inside)
    return hit


def _by(
    ads: Iterable[AdFacts], keys: Callable[[AdFacts], Iterable[Hashable]]
) -> dict[Any, list[AdFacts]]:
    groups: dict[Any, list[AdFacts]] = defaultdict(list)
    for ad in ads:
        for value in keys(ad):
            groups[value].append(ad)
    return groups


def apply_ad_rules(ads: list[AdFacts]) -> None:
    """BEH-CONTACT-PROXY, BEH-ROTATING-ROSTER, BEH-MULTICITY-CIRCUIT, BEH-PHOTO-REUSE and
    BEH-AD-TEMPLATE, added to each ad's `found`."""
    for group in _by(ads, lambda a: a.contacts).values():
        with_persona = [a for a in group if a.persona]
        items = [(a.posted_at, a.persona) for a in with_persona]
        for i in _windows_with(items, 30 * DAY, 3):  # >= 3 personas in 30 days
            with_persona[i].found.add("BEH-CONTACT-PROXY")
        first_seen: dict[str, datetime] = {}
        for ad in sorted(with_persona, key=lambda a: a.posted_at):
            first_seen.setdefault(str(ad.persona), ad.posted_at)
        news = [(t, p) for p, t in first_seen.items()]
        if _windows_with(news, 30 * DAY, 3):  # >= 3 new personas in 30 days
            for ad in with_persona:
                ad.found.add("BEH-ROTATING-ROSTER")
        with_city = [a for a in group if a.city]
        for i in _windows_with([(a.posted_at, a.city) for a in with_city], 14 * DAY, 3):
            with_city[i].found.add("BEH-MULTICITY-CIRCUIT")
    by_image: dict[str, list[AdFacts]] = defaultdict(list)
    for ad in ads:
        for base in set(ad.image_bases):
            by_image[base].append(ad)
    for group in by_image.values():
        personas = {a.persona for a in group if a.persona}
        phones = {c for a in group for c in a.contacts if c.startswith("phone:")}
        cities = _windows_with([(a.posted_at, a.city) for a in group if a.city], 30 * DAY, 3)
        if len(personas) >= 2 or len(phones) >= 2 or cities:
            for ad in group:
                ad.found.add("BEH-PHOTO-REUSE")
    # BEH-AD-TEMPLATE (persona_fallback: unnamed_runs): ads for 2..100 personas from one
    # template; when none of the network's ads names a persona, ads sharing a contact are one
    named = [a for a in ads if a.persona]
    for group in _by(named or ads, lambda a: [a.template] if a.template else []).values():
        if 2 <= _personas(group) <= 100:
            for ad in group:
                ad.found.add("BEH-AD-TEMPLATE")


def _personas(ads: list[AdFacts]) -> int:
    """Distinct personas: names; ads without one joined by any shared contact."""
    parent: dict[str, str] = {}

    def root(key: str) -> str:
        while parent.setdefault(key, key) != key:
            key = parent[key]
        return key

    for ad in ads:
        keys = [f"persona:{ad.persona}"] if ad.persona else [*ad.contacts] or [ad.ad_id]
        for key in keys[1:]:
            parent[root(key)] = root(keys[0])
    return len(
        {root(f"persona:{a.persona}" if a.persona else ([*a.contacts] or [a.ad_id])[0])
         for a in ads}
    )  # fmt: skip


# -- FIN-BUYER-PAYS-THIRD-PARTY ------------------------------------------------------------------

# The rule's parameters, from FIN-BUYER-PAYS-THIRD-PARTY.yaml.
_P2P = _params("FIN-BUYER-PAYS-THIRD-PARTY")
P2P_WINDOW = int(_P2P["window_days"]) * 86400
P2P_MIN_PAYERS = int(_P2P["min_distinct_payers"])
P2P_ONE_OFF_SHARE = float(_P2P["min_one_off_share"])
P2P_EVENING_NIGHT_SHARE = float(_P2P["min_evening_night_share"])
P2P_EVENING_START = int(_P2P["evening_start_hour"])
P2P_NIGHT_END = int(_P2P["night_end_hour"])
P2P_BAND = (float(_P2P["band_min"]), float(_P2P["band_max"]))
P2P_IN_BAND_SHARE = float(_P2P["min_in_band_share"])
P2P_ROUND_VALUES = int(_P2P["max_round_values"])
P2P_ROUND_SHARE = float(_P2P["min_round_share"])
P2P_ROUND_UNIT = float(_P2P["round_unit"])


def buyers_paying_third_party(
    transactions: Iterable[dict[str, Any]], business_accounts: set[str]
) -> set[str]:
    """Txn ids of the P2P inflows of private accounts that match the rule in some 30-day window
    (windows tumble from the Unix epoch, evaluated at two offsets half a window apart)."""
    by_window: dict[tuple[str, float, int], list[dict[str, Any]]] = defaultdict(list)
    for txn in transactions:
        if txn["channel"] != "p2p" or str(txn.get("currency") or "DKK").upper() != "DKK":
            continue
        if txn["payee"] in business_accounts:
            continue
        for offset in (0.0, P2P_WINDOW / 2):
            w = int((txn["ts"].timestamp() - offset) // P2P_WINDOW)
            by_window[(txn["payee"], offset, w)].append(txn)
    hits: set[str] = set()
    for rows in by_window.values():
        if _p2p_profile_matches(rows):
            hits.update(t["txn_id"] for t in rows)
    return hits


def _p2p_profile_matches(rows: list[dict[str, Any]]) -> bool:
    per_payer: dict[str, int] = defaultdict(int)
    for t in rows:
        per_payer[t["payer"]] += 1
    if len(per_payer) < P2P_MIN_PAYERS:
        return False
    if sum(1 for n in per_payer.values() if n == 1) / len(per_payer) < P2P_ONE_OFF_SHARE:
        return False
    inflow = sum(t["amount"] for t in rows)
    late = sum(t["amount"] for t in rows if _evening_or_night(t["ts"]))
    if inflow <= 0 or late / inflow < P2P_EVENING_NIGHT_SHARE:
        return False
    low, high = P2P_BAND
    if sum(1 for t in rows if low <= t["amount"] <= high) / len(rows) < P2P_IN_BAND_SHARE:
        return False
    counts: dict[float, int] = defaultdict(int)
    for t in rows:
        if t["amount"] > 0 and t["amount"] % P2P_ROUND_UNIT == 0:
            counts[t["amount"]] += 1
    top = sorted(counts.values(), reverse=True)[:P2P_ROUND_VALUES]
    return sum(top) / len(rows) >= P2P_ROUND_SHARE


def _evening_or_night(ts: datetime) -> bool:
    hour = ts.astimezone(CPH).hour
    return hour >= P2P_EVENING_START or hour < P2P_NIGHT_END


# -- KYC-SHARED-IDENTIFIERS and KYC-CONTACT-IN-SEX-ADS --------------------------------------------


@cache
def allow_listed_addresses() -> tuple[str, ...]:
    allow_list = load_allow_list(default_list_path("address_allow_list"))
    return tuple(entry.address for entry in allow_list.entries)


def _norm(value: str) -> str:
    return " ".join(value.replace(",", " ").lower().split())


_SHARED = _params("KYC-SHARED-IDENTIFIERS")
SHARED_MIN_CUSTOMERS = int(_SHARED["min_customers"])
SHARED_MIN_SURNAMES = int(_SHARED["min_distinct_surnames"])
SHARED_ADDRESS_ADULTS = int(_SHARED["address_min_adults"])
SHARED_ADDRESS_SURNAMES = int(_SHARED["address_min_distinct_surnames"])
SHARED_ADDRESS_WINDOW = int(_SHARED["address_window_days"]) * DAY


def customers_sharing_identifiers(customers: list[dict[str, Any]]) -> set[str]:
    """Customer ids in a group of >= 3 customers with >= 3 surnames joined by a shared phone,
    e-mail or device, or among >= 4 adults with >= 3 surnames onboarded at one address within 90
    days (allow-listed addresses skipped)."""
    parent = {c["customer_id"]: c["customer_id"] for c in customers}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    holders: dict[tuple[str, str], list[str]] = defaultdict(list)
    for c in customers:
        for key in ("phone", "email", "device_id"):
            if c.get(key):
                holders[(key, str(c[key]).lower())].append(c["customer_id"])
    for ids in holders.values():
        for other in ids[1:]:
            parent[find(other)] = find(ids[0])
    groups: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for c in customers:
        groups[find(c["customer_id"])].append(c)
    hits: set[str] = set()
    for members in groups.values():
        surnames = {m["last_name"].lower() for m in members}
        if len(members) >= SHARED_MIN_CUSTOMERS and len(surnames) >= SHARED_MIN_SURNAMES:
            hits.update(m["customer_id"] for m in members)
    allowed = {_norm(a) for a in allow_listed_addresses()}
    at_address: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for c in customers:
        address = _norm(c["address"]) if c.get("address") else None
        if address and address not in allowed and c.get("onboarded_at") and _adult(c):
            at_address[address].append(c)
    for residents in at_address.values():
        items = [(c["onboarded_at"], c["customer_id"]) for c in residents]
        for start, _ in items:
            end = start + SHARED_ADDRESS_WINDOW
            inside = [c for c in residents if start <= c["onboarded_at"] <= end]
            surnames = {c["last_name"].lower() for c in inside}
            if len(inside) >= SHARED_ADDRESS_ADULTS and len(surnames) >= SHARED_ADDRESS_SURNAMES:
                hits.update(c["customer_id"] for c in inside)
    return hits


def _adult(customer: dict[str, Any]) -> bool:
    born, at = customer.get("birth_date"), customer["onboarded_at"].date()
    if born is None:
        return True
    age: int = at.year - born.year - ((at.month, at.day) < (born.month, born.day))
    return age >= 18


# -- travel and accommodation ----------------------------------------------------------------------


_TRAVEL = _params("FIN-TRAVEL-FOR-OTHERS")
TRAVEL_WINDOW = int(_TRAVEL["window_days"]) * DAY
TRAVEL_MIN_NAMES = int(_TRAVEL["min_passenger_names"])


def tickets_for_others(
    tickets: Iterable[dict[str, Any]], business_accounts: Iterable[str] = ()
) -> set[str]:
    """FIN-TRAVEL-FOR-OTHERS: ticket payments of a private payer whose 30-day window holds >= 3
    distinct passenger names (the memo of a ticket purchase). A registered business buying
    tickets (a travel agency for its clients) is its trade, not the red flag."""
    business = set(business_accounts)
    by_payer: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for txn in tickets:
        if txn["payer"] not in business:
            by_payer[txn["payer"]].append(txn)
    hits: set[str] = set()
    for rows in by_payer.values():
        for i in _windows_with(
            [(t["ts"], t["memo"]) for t in rows], TRAVEL_WINDOW, TRAVEL_MIN_NAMES
        ):
            hits.add(rows[i]["txn_id"])
    return hits


_STAYS = _params("FIN-HOTEL-SHORT-STAYS")
STAYS_WINDOW = int(_STAYS["window_days"]) * DAY
STAYS_MIN_BOOKINGS = int(_STAYS["min_bookings"])
STAYS_MIN_CITIES = int(_STAYS["min_cities"])


def short_stays(stays: Iterable[dict[str, Any]], business_accounts: Iterable[str] = ()) -> set[str]:
    """FIN-HOTEL-SHORT-STAYS: accommodation payments of a private payer with >= 4 of them in 30
    days across >= 2 cities. A company card (a business account) on the road is explained by
    the trade; the published rule leaves out what "the customer's profile" explains."""
    business = set(business_accounts)
    by_payer: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for txn in stays:
        if txn["payer"] not in business:
            by_payer[txn["payer"]].append(txn)
    hits: set[str] = set()
    for rows in by_payer.values():
        for first in rows:
            inside = [t for t in rows if first["ts"] <= t["ts"] <= first["ts"] + STAYS_WINDOW]
            cities = {t["city"] for t in inside}
            if len(inside) >= STAYS_MIN_BOOKINGS and len(cities) >= STAYS_MIN_CITIES:
                hits.update(t["txn_id"] for t in inside)
    return hits


_CUES = _params("FIN-PAYMENT-MEMO-CUES")
CUES_WINDOW = int(_CUES["window_days"]) * DAY
CUES_MIN_HITS = int(_CUES["min_hits"])


def memo_cues(payments: Iterable[dict[str, Any]], cues: Iterable[str]) -> set[str]:
    """FIN-PAYMENT-MEMO-CUES: payments whose memo is a sexual or massage cue, to a receiving
    account with >= 3 of them within 30 days."""
    wanted = set(cues)
    by_payee: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for txn in payments:
        if txn.get("memo") in wanted:
            by_payee[txn["payee"]].append(txn)
    hits: set[str] = set()
    for rows in by_payee.values():
        for first in rows:
            inside = [t for t in rows if first["ts"] <= t["ts"] <= first["ts"] + CUES_WINDOW]
            if len(inside) >= CUES_MIN_HITS:
                hits.update(t["txn_id"] for t in inside)
    return hits


@cache
def hotel_categories() -> frozenset[str]:
    """Merchant categories of the `hotels` group, as the detectors read them."""
    from redflags.catalogue.lists import load_merchant_categories

    return frozenset(c for c, group in load_merchant_categories().pairs() if group == "hotels")


_FAN_IN = _params("FIN-FAN-IN-FROM-WORKERS")
FAN_IN_MONTHS_PER_SENDER = int(_FAN_IN["min_months_per_sender"])
FAN_IN_MIN_SENDERS = int(_FAN_IN["min_senders"])
FAN_IN_MIN_NEW = int(_FAN_IN["min_new_senders"])
FAN_IN_NEW_WITHIN = int(_FAN_IN["new_customer_days"]) * DAY
FAN_IN_NEW_SHARE = float(_FAN_IN["min_new_share"])
FAN_IN_CHANNELS = frozenset(_FAN_IN["channels"])


def fan_in_from_workers(
    transactions: Iterable[dict[str, Any]], customers: Iterable[dict[str, Any]]
) -> set[str]:
    """FIN-FAN-IN-FROM-WORKERS: P2P payments and transfers to a private beneficiary, in a
    Copenhagen calendar month where its regular senders (customers who pay it in >= 2 months)
    have >= 3 distinct surnames and >= 2 of them, and at least half, became customers within
    180 days before the transfer."""
    holders = {c["account_id"]: c for c in customers if c.get("account_id")}
    business = {a for a, c in holders.items() if c.get("segment") == "business"}
    rows = [
        t
        for t in transactions
        if t["channel"] in FAN_IN_CHANNELS
        and t["payer"] in holders
        and t["payer"] not in business
        and t["payee"] not in business
        and t["payer"] != t["payee"]
        and (holders[t["payer"]].get("last_name") or "").strip()
        and str(t.get("currency") or "DKK").upper() == "DKK"
    ]

    def month(ts: datetime) -> str:
        return ts.astimezone(CPH).strftime("%Y-%m")

    months_of: dict[tuple[str, str], set[str]] = defaultdict(set)
    for t in rows:
        months_of[(t["payee"], t["payer"])].add(month(t["ts"]))
    by_month: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    for t in rows:
        if len(months_of[(t["payee"], t["payer"])]) >= FAN_IN_MONTHS_PER_SENDER:
            by_month[(t["payee"], month(t["ts"]))].append(t)
    hits: set[str] = set()
    for group in by_month.values():
        senders = {t["payer"] for t in group}
        surnames = {holders[s]["last_name"].strip().lower() for s in senders}
        new = {
            t["payer"]
            for t in group
            if timedelta(0) <= t["ts"] - holders[t["payer"]]["onboarded_at"] <= FAN_IN_NEW_WITHIN
        }
        enough_new = len(new) >= FAN_IN_MIN_NEW and len(new) >= FAN_IN_NEW_SHARE * len(senders)
        if len(surnames) >= FAN_IN_MIN_SENDERS and enough_new:
            hits.update(t["txn_id"] for t in group)
    return hits


_REMIT = _params("FIN-DEBT-REMITTANCE")
REMIT_CUSTOMER_DAYS = int(_REMIT["max_customer_age_days"]) * DAY
REMIT_MIN_TRANSFERS = int(_REMIT["min_transfers_per_month"])
REMIT_MIN_OTHERS = int(_REMIT["min_other_senders"])
REMIT_HOME = str(_REMIT["home_country"]).upper()
REMIT_CHANNELS = frozenset(_REMIT["channels"])


def debt_remittances(
    transactions: Iterable[dict[str, Any]], customers: Iterable[dict[str, Any]]
) -> set[str]:
    """FIN-DEBT-REMITTANCE: transfers abroad (a country set and not DK) from a private customer
    who has been one for at most 90 days, in a Copenhagen calendar month where that sender makes
    >= 2 such transfers to the beneficiary and >= 2 other customers send it money abroad too."""
    holders = {c["account_id"]: c for c in customers if c.get("account_id")}
    rows = [
        t
        for t in transactions
        if t["channel"] in REMIT_CHANNELS
        and t["payer"] in holders
        and holders[t["payer"]].get("segment") != "business"
        and t["payer"] != t["payee"]
        and (t.get("country") or REMIT_HOME).upper() != REMIT_HOME
        and str(t.get("currency") or "DKK").upper() == "DKK"
    ]

    def month(ts: datetime) -> str:
        return ts.astimezone(CPH).strftime("%Y-%m")

    senders: dict[tuple[str, str], set[str]] = defaultdict(set)
    for t in rows:
        senders[(t["payee"], month(t["ts"]))].add(t["payer"])
    new: dict[tuple[str, str, str], list[str]] = defaultdict(list)
    for t in rows:
        onboarded = holders[t["payer"]].get("onboarded_at")
        if onboarded is not None and timedelta(0) <= t["ts"] - onboarded <= REMIT_CUSTOMER_DAYS:
            new[(t["payer"], t["payee"], month(t["ts"]))].append(t["txn_id"])
    hits: set[str] = set()
    for (payer, payee, at), ids in new.items():
        others = senders[(payee, at)] - {payer}
        if len(ids) >= REMIT_MIN_TRANSFERS and len(others) >= REMIT_MIN_OTHERS:
            hits.update(ids)
    return hits


# -- KYC-PROFILE-MISMATCH -------------------------------------------------------------------------

# The rule's parameters, from KYC-PROFILE-MISMATCH.yaml.
_PROFILE = _params("KYC-PROFILE-MISMATCH")
PROFILE_RATIO_ABOVE = float(_PROFILE["inflow_to_income_ratio_above"])  # x declared income / 12
PROFILE_PAYERS_ABOVE = int(_PROFILE["distinct_payers_above"])
PROFILE_SEGMENTS = frozenset(_PROFILE["declared_purposes"])
PROFILE_CHANNELS = frozenset(_PROFILE["inflow_channels"])
# public benefits, pensions and student grants, by memo
BENEFIT_MEMOS = _words(_PROFILE["benefit_memos"])


def account_holders(customers: Iterable[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """An account's holder is its first customer by id (as the detectors' account_holders)."""
    holders: dict[str, dict[str, Any]] = {}
    for c in sorted(customers, key=lambda c: str(c["customer_id"])):
        if c.get("account_id"):
            holders.setdefault(c["account_id"], c)
    return holders


def profile_mismatch(
    transactions: Iterable[dict[str, Any]], customers: Iterable[dict[str, Any]]
) -> set[str]:
    """KYC-PROFILE-MISMATCH: the P2P payments and transfers from another account into a private
    customer's account (public benefits by memo left out) in a Copenhagen calendar month where
    they sum to more than 3 x the declared yearly income / 12 (when one is declared) or come
    from more than 20 distinct payers. An account's holder is its first customer by id."""
    holders = account_holders(customers)
    by_month: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    for t in transactions:
        holder = holders.get(t["payee"])
        if (
            holder is None
            or holder.get("segment") not in PROFILE_SEGMENTS
            or t["channel"] not in PROFILE_CHANNELS
            or not t.get("payer")
            or t["payer"] == t["payee"]
            or str(t.get("currency") or "DKK").upper() != "DKK"
            or str(t.get("memo") or "").strip().lower() in BENEFIT_MEMOS
        ):
            continue
        by_month[(t["payee"], t["ts"].astimezone(CPH).strftime("%Y-%m"))].append(t)
    hits: set[str] = set()
    for (account, _), rows in by_month.items():
        income = holders[account].get("declared_income") or 0
        inflow = sum(float(t["amount"]) for t in rows)
        by_income = income > 0 and inflow * 12 / income > PROFILE_RATIO_ABOVE
        if by_income or len({t["payer"] for t in rows}) > PROFILE_PAYERS_ABOVE:
            hits.update(t["txn_id"] for t in rows)
    return hits


_LIVING = _params("FIN-NO-OWN-LIVING-COSTS")
LIVING_MIN_INFLOW = float(_LIVING["min_monthly_inflow"])  # DKK a month
LIVING_ESSENTIALS_BELOW = float(_LIVING["essential_share_below"])  # x the month's inflow
LIVING_PASS_THROUGH = float(_LIVING["pass_through_share"])  # x the inflow leaves again
LIVING_MIN_MONTHS = int(_LIVING["min_months"])
LIVING_MEMOS = _words(_LIVING["essential_memos"])  # paid by transfer


@cache
def essential_categories() -> frozenset[str]:
    """Merchant categories and MCCs of the `essentials` group, as the detectors read them."""
    from redflags.catalogue.lists import load_merchant_categories

    return frozenset(c for c, group in load_merchant_categories().pairs() if group == "essentials")


def no_own_living_costs(
    transactions: Iterable[dict[str, Any]], customers: Iterable[dict[str, Any]]
) -> set[str]:
    """FIN-NO-OWN-LIVING-COSTS as implemented: a private customer's account in a Copenhagen
    calendar month where >= 10,000 DKK came in from other accounts, < 5 % of it was spent on
    essentials (the `essentials` merchant group, or rent and utilities by transfer memo) and
    >= 80 % of it left the account again, in >= 2 months: every transaction in and out of the
    account in those months. An account's holder is its first customer by id."""
    holders = account_holders(customers)
    private = {a for a, c in holders.items() if c.get("segment") == "private"}
    essentials = essential_categories()
    # (account, month) -> [inflow, outflow, essentials, txn ids]
    months: dict[tuple[str, str], list[Any]] = defaultdict(lambda: [0.0, 0.0, 0.0, []])
    for t in transactions:
        if str(t.get("currency") or "DKK").upper() != "DKK" or t.get("payer") == t.get("payee"):
            continue
        month = t["ts"].astimezone(CPH).strftime("%Y-%m")
        amount = float(t["amount"])
        if t.get("payee") in private:
            row = months[(t["payee"], month)]
            row[0] += amount
            row[3].append(t["txn_id"])
        if t.get("payer") in private:
            row = months[(t["payer"], month)]
            row[1] += amount
            memo = str(t.get("memo") or "").strip().lower()
            if str(t.get("merchant_category") or "").lower() in essentials or memo in LIVING_MEMOS:
                row[2] += amount
            row[3].append(t["txn_id"])
    flagged: dict[str, list[list[Any]]] = defaultdict(list)
    for (account, _), (inflow, outflow, spent, ids) in months.items():
        if (
            inflow >= LIVING_MIN_INFLOW
            and spent < LIVING_ESSENTIALS_BELOW * inflow
            and outflow >= LIVING_PASS_THROUGH * inflow
        ):
            flagged[account].append(ids)
    return {
        i
        for rows in flagged.values()
        if len(rows) >= LIVING_MIN_MONTHS
        for ids in rows
        for i in ids
    }


# -- FIN-GEO-CIRCUIT ------------------------------------------------------------------------------

# The rule's parameters, as in FIN-GEO-CIRCUIT.yaml.
_GEO = _params("FIN-GEO-CIRCUIT")
GEO_WINDOW = int(_GEO["window_days"]) * 86400
GEO_MIN_TOWNS = int(_GEO["min_municipalities"])
GEO_MIN_NEW_TOWNS = int(_GEO["min_new_towns"])
GEO_MIN_AWAY_SHARE = float(_GEO["min_away_share"])
GEO_MIN_AWAY_PAYMENTS = int(_GEO["min_away_payments"])
GEO_MIN_CYCLES = int(_GEO["min_repeat_cycles"])
GEO_TRAVELLING = _words(_GEO["travelling_occupations"])


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
            or str(t.get("currency") or "DKK").upper() != "DKK"
            or str(t.get("country") or "DK").upper() != "DK"
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


# -- the company register: KYC-NOMINEE-OWNER, FIN-BIZ-NO-PAYROLL, FIN-FRONT-MASSAGE ----------------
_NOMINEE = _params("KYC-NOMINEE-OWNER")
NOMINEE_MIN_CHANGES = int(_NOMINEE["min_owner_changes"])  # owner changes ...
NOMINEE_WINDOW_DAYS = round(int(_NOMINEE["window_months"]) * 365 / 12)  # ... within a window
NOMINEE_MIN_CVRS = int(_NOMINEE["min_same_trade_cvr_numbers"])  # one owner, one wellness trade
NOMINEE_MIN_ELEMENTS = int(_NOMINEE["min_elements"])  # several firms, abroad, implausible
NOMINEE_HOME = str(_NOMINEE["home_country"])
# plausible age when taking over: [from, to)
NOMINEE_OWNER_AGE = (float(_NOMINEE["min_owner_age"]), float(_NOMINEE["max_owner_age"]))
NOMINEE_LOW_INCOME_BELOW = float(_NOMINEE["low_income_below"])  # declared yearly income
_PAYROLL = _params("FIN-BIZ-NO-PAYROLL")
PAYROLL_REVENUE_ABOVE = float(_PAYROLL["annual_revenue_above"])  # DKK a year
PAYROLL_SHARE_BELOW = float(_PAYROLL["payroll_share_below"])
PAYROLL_MIN_DAYS = float(_PAYROLL["min_days"])
PAYROLL_SOLE_TRADER_ABOVE = float(_PAYROLL["sole_trader_revenue_above"])
PAYROLL_MEMOS = _words(_PAYROLL["payroll_memos"])
PAYROLL_PAYEES = _words(_PAYROLL["payroll_payees"])
PAYROLL_CASH_CHANNELS = frozenset(_PAYROLL["cash_channels"])
PAYROLL_MIN_MONTHLY_CASH = float(_PAYROLL["min_monthly_cash"])
PAYROLL_MIN_CASH_MONTHS = int(_PAYROLL["min_cash_months"])
_FRONT = _params("FIN-FRONT-MASSAGE")
FRONT_MIN_PAYMENTS = int(_FRONT["min_payments"])
FRONT_MIN_EVENING_SHARE = float(_FRONT["min_evening_share"])
FRONT_MIN_OWNER_P2P_SHARE = float(_FRONT["min_owner_p2p_share"])
FRONT_OWNER_CHANNELS = frozenset(_FRONT["owner_channels"])


@cache
def wellness_trades() -> frozenset[str]:
    """Codes and labels of the `wellness` group of the `trade_codes` list, in lower case."""
    from redflags.catalogue.lists import load_trade_codes

    return frozenset(load_trade_codes().members("wellness"))


def _trade(row: dict[str, Any]) -> str:
    return str(row.get("trade") or "").strip().lower()


def _owner_key(row: dict[str, Any]) -> str | None:
    """An owner as a register names a person: folded name and birth date."""
    from redflags.normalise.identifiers import normalise_name

    name = normalise_name(row.get("owner_name"))
    born = row.get("owner_birth_date")
    return f"{name}|{born.isoformat() if born else ''}" if name else None


def _is_evening(ts: datetime) -> bool:
    hour = ts.astimezone(CPH).hour
    return hour >= 18 or hour < 2


def nominee_owners(
    companies: Iterable[dict[str, Any]], customers: Iterable[dict[str, Any]]
) -> set[str]:
    """KYC-NOMINEE-OWNER as implemented: every register row of a CVR number with at least 2
    owner changes (owner periods beginning after its first) within 12 months, or with two of:
    a current owner holding at least 2 current companies of one wellness trade, a current owner
    resident abroad, a current owner under 18 or 80 or older when taking over or linked to a
    private customer declaring less than 250,000 DKK a year."""
    rows = [r for r in companies if r.get("cvr")]
    by_id = {c["customer_id"]: c for c in customers}
    by_cvr: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        by_cvr[str(row["cvr"]).strip()].append(row)
    holdings: dict[tuple[str, str], set[str]] = defaultdict(set)
    for cvr, group in by_cvr.items():
        for row in group:
            key = _owner_key(row)
            if row.get("owner_to") is None and key and _trade(row) in wellness_trades():
                holdings[(key, _trade(row))].add(cvr)
    hits: set[str] = set()
    for group in by_cvr.values():
        starts = [r["owner_from"] for r in group if r.get("owner_from") is not None]
        first = min(starts) if starts else None
        changes = sorted({d for d in starts if first is not None and d > first})
        churn = max(
            (sum(1 for b in changes if a <= b <= a + NOMINEE_WINDOW_DAYS * DAY) for a in changes),
            default=0,
        )
        current = [r for r in group if r.get("owner_to") is None]
        several = any(
            len(holdings.get((_owner_key(r) or "", _trade(r)), ())) >= NOMINEE_MIN_CVRS
            for r in current
        )
        abroad = any(
            str(r.get("owner_country") or "").strip().upper() not in ("", NOMINEE_HOME)
            for r in current
        )
        implausible = False
        for r in current:
            born, since = r.get("owner_birth_date"), r.get("owner_from")
            if born and since:
                age = (since - born).days / 365.25
                implausible |= not NOMINEE_OWNER_AGE[0] <= age < NOMINEE_OWNER_AGE[1]
            kyc = by_id.get(r.get("owner_customer_id"))
            income = float((kyc or {}).get("declared_income") or 0)
            if kyc and kyc.get("segment") == "private" and 0 < income < NOMINEE_LOW_INCOME_BELOW:
                implausible = True
        if churn >= NOMINEE_MIN_CHANGES or several + abroad + implausible >= NOMINEE_MIN_ELEMENTS:
            hits.update(str(r["entry_id"]) for r in group)
    return hits


def _dkk(t: dict[str, Any]) -> bool:
    return str(t.get("currency") or "DKK").upper() == "DKK"


def business_without_payroll(
    transactions: Iterable[dict[str, Any]], companies: Iterable[dict[str, Any]]
) -> set[str]:
    """FIN-BIZ-NO-PAYROLL as implemented: the revenue and cash withdrawals of a current company's
    account whose revenue, annualised over the days between its first and last transaction (at least
    30), is above 500,000 DKK while payroll-type outflows (a salary, tax, ATP or holiday-pay memo or
    first word of it; payments to Skattestyrelsen or ATP) are below 5 % of it, a sole proprietorship
    (no employees) only from 2,000,000 DKK; or whose register lists employees while it withdraws at
    least 20,000 DKK in cash in at least 3 months and its payroll stays below 5 % of its revenue or
    cash."""
    employees: dict[str, float] = {}
    for row in companies:
        if row.get("account_id") and row.get("owner_to") is None and row.get("cvr"):
            account = row["account_id"]
            employees[account] = max(employees.get(account, 0.0), float(row.get("employees") or 0))
    facts: dict[str, dict[str, Any]] = {
        a: {"revenue": 0.0, "payroll": 0.0, "cash": 0.0, "ts": [], "ids": [], "months": {}}
        for a in employees
    }
    for t in transactions:
        if not _dkk(t):
            continue
        payee, payer, amount = t.get("payee"), t.get("payer"), float(t["amount"])
        if payee in facts and payer != payee:
            f = facts[payee]
            f["revenue"] += amount
            f["ts"].append(t["ts"])
            if amount > 0:
                f["ids"].append(t["txn_id"])
        if payer in facts and payee != payer:
            f = facts[payer]
            f["ts"].append(t["ts"])
            memo = str(t.get("memo") or "").strip().lower()
            merchant = str(t.get("merchant") or "").strip().lower()
            first_word = memo.split(" ")[0]
            if memo in PAYROLL_MEMOS or first_word in PAYROLL_MEMOS or merchant in PAYROLL_PAYEES:
                f["payroll"] += amount
            if t["channel"] in PAYROLL_CASH_CHANNELS:
                f["cash"] += amount
                month = t["ts"].astimezone(CPH).strftime("%Y-%m")
                f["months"][month] = f["months"].get(month, 0.0) + amount
                if amount > 0:
                    f["ids"].append(t["txn_id"])
    hits: set[str] = set()
    for account, f in facts.items():
        if not f["ts"] or not f["ids"]:
            continue
        span = (int(max(f["ts"]).timestamp()) - int(min(f["ts"]).timestamp())) / 86400
        annual = f["revenue"] * 365 / max(span, PAYROLL_MIN_DAYS)
        staffed = employees[account] > 0
        by_revenue = (
            annual > PAYROLL_REVENUE_ABOVE
            and f["payroll"] < PAYROLL_SHARE_BELOW * f["revenue"]
            and (staffed or annual >= PAYROLL_SOLE_TRADER_ABOVE)
        )
        cash_months = sum(1 for v in f["months"].values() if v >= PAYROLL_MIN_MONTHLY_CASH)
        by_cash = (
            staffed
            and cash_months >= PAYROLL_MIN_CASH_MONTHS
            and f["payroll"] < PAYROLL_SHARE_BELOW * max(f["revenue"], f["cash"])
        )
        if by_revenue or by_cash:
            hits.update(f["ids"])
    return hits


def front_massage(
    transactions: Iterable[dict[str, Any]],
    companies: Iterable[dict[str, Any]],
    customers: Iterable[dict[str, Any]],
) -> set[str]:
    """FIN-FRONT-MASSAGE as implemented: the customer payments of a wellness company that banks
    here (everything into its account, plus P2P into its owner's own private account, another
    account than the company's, while they own it) when there are at least 20, at least 50 % of
    them between 18:00 and 02:00 local time and at least 30 % of their amount paid to the owner
    privately."""
    customers = list(customers)
    account_of = {c["customer_id"]: c.get("account_id") for c in customers}
    holders = account_holders(customers)
    company_accounts: dict[str, set[str]] = defaultdict(set)
    owners: dict[str, list[tuple[str, Any, Any, str]]] = defaultdict(list)
    for row in companies:
        if not row.get("cvr") or not row.get("account_id") or _trade(row) not in wellness_trades():
            continue
        cvr, account = str(row["cvr"]).strip(), row["account_id"]
        company_accounts[cvr].add(account)
        own = account_of.get(row.get("owner_customer_id"))
        holder = holders.get(own) if own else None
        if own and own != account and holder and holder.get("segment") == "private":
            owners[cvr].append((own, row.get("owner_from"), row.get("owner_to"), account))
    txns = [t for t in transactions if _dkk(t)]
    hits: set[str] = set()
    for cvr, accounts in company_accounts.items():
        paid: dict[str, tuple[dict[str, Any], bool]] = {}
        for t in txns:
            if t.get("payee") in accounts and t.get("payer") != t.get("payee"):
                paid[t["txn_id"]] = (t, False)
        for own, since, until, account in owners.get(cvr, ()):
            for t in txns:
                day_local = t["ts"].astimezone(CPH).date()
                if (
                    t.get("payee") == own
                    and t["channel"] in FRONT_OWNER_CHANNELS
                    and t.get("payer") not in (None, own, account)
                    and (since is None or day_local >= since)
                    and (until is None or day_local < until)
                ):
                    paid.setdefault(t["txn_id"], (t, True))
        rows = list(paid.values())
        amount = sum(float(t["amount"]) for t, _ in rows)
        to_owner = sum(float(t["amount"]) for t, private in rows if private)
        evening = sum(1 for t, _ in rows if _is_evening(t["ts"]))
        if (
            len(rows) >= FRONT_MIN_PAYMENTS
            and amount > 0
            and evening / len(rows) >= FRONT_MIN_EVENING_SHARE
            and to_owner >= FRONT_MIN_OWNER_P2P_SHARE * amount
        ):
            hits.update(paid)
    return hits


# -- the KYC case log: KYC-CONTACT-TAKEOVER and KYC-AVOID-FACE-TO-FACE -----------------------------

KYC_PASSES = frozenset({"video_id_passed", "meeting_held"})
KYC_MISSES = frozenset({"video_id_failed", "video_id_refused", "meeting_declined"})
KYC_CONTACT_FIELDS = ("phone", "email", "device_id")


def _contact_value(field: str, value: Any) -> str | None:
    """A phone, e-mail or device as it is compared: the phone in E.164, the e-mail folded."""
    if not value:
        return None
    if field == "phone":
        from redflags.normalise.phones import normalise_phone  # kept local: rules stay light

        return normalise_phone(str(value), "DK")
    return str(value).strip().lower() if field == "email" else str(value)


def _surname(customer: dict[str, Any]) -> str:
    from redflags.normalise.identifiers import normalise_name

    return normalise_name(customer.get("last_name")) or f"customer:{customer['customer_id']}"


def contact_takeovers(
    kyc_events: Iterable[dict[str, Any]], customers: Iterable[dict[str, Any]]
) -> set[str]:
    """Ids of detail changes whose new phone, e-mail or device is registered to another customer
    (as the records stand), unless that customer lives at the same address and at most two
    surnames are registered there: a household moving to one phone or e-mail."""
    customers = list(customers)
    by_id = {c["customer_id"]: c for c in customers}
    holders: dict[tuple[str, str], set[str]] = defaultdict(set)
    surnames: dict[str, set[str]] = defaultdict(set)
    for c in customers:
        for name in KYC_CONTACT_FIELDS:
            if key := _contact_value(name, c.get(name)):
                holders[(name, key)].add(c["customer_id"])
        if c.get("address"):
            surnames[_norm(c["address"])].add(_surname(c))
    found: set[str] = set()
    for entry in kyc_events:
        changed = str(entry.get("field"))
        if entry["event"] != "detail_change" or changed not in KYC_CONTACT_FIELDS:
            continue
        key = _contact_value(changed, entry.get("new_value"))
        home = _norm(by_id.get(entry["customer_id"], {}).get("address") or "")
        for other in holders.get((changed, key or ""), set()) - {entry["customer_id"]}:
            household = home and home == _norm(by_id[other].get("address") or "")
            if not (household and len(surnames[home]) <= 2):
                found.add(entry["event_id"])
    return found


def _actor(value: Any) -> str | None:
    return " ".join(str(value or "").split()).lower() or None


def avoided_face_to_face(kyc_events: Iterable[dict[str, Any]]) -> set[str]:
    """Ids of the entries behind KYC-AVOID-FACE-TO-FACE as implemented, per customer: >= 2
    failed or refused video-IDs or declined meetings since the last identification passed, or
    every contact (>= 2) by a third party; a third party with a power of attorney registered in
    the log does not count. The entries: those misses and the third party's contacts."""
    by_customer: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for entry in kyc_events:
        by_customer[entry["customer_id"]].append(entry)
    found: set[str] = set()
    for entries in by_customer.values():
        attorneys = {
            _actor(e.get("actor"))
            for e in entries
            if e["event"] == "power_of_attorney_registered" and _actor(e.get("actor"))
        }
        contacts = [
            e
            for e in entries
            if e["event"] not in ("detail_change", "power_of_attorney_registered")
        ]
        passed = [e["ts"] for e in contacts if e["event"] in KYC_PASSES]
        last_pass = max(passed) if passed else None
        misses = [
            e
            for e in contacts
            if e["event"] in KYC_MISSES and (last_pass is None or e["ts"] > last_pass)
        ]
        third = [e for e in contacts if _actor(e.get("actor")) not in (None, *attorneys)]
        if len(misses) >= 2 or (len(contacts) >= 2 and len(third) == len(contacts)):
            found.update(e["event_id"] for e in (*misses, *third))
    return found


# -- KYC-VULNERABILITY-CONTEXT --------------------------------------------------------------------

RECENT_ARRIVAL_DAYS = 730


@cache
def fired_indicators() -> frozenset[str]:
    """Indicators whose firing KYC-VULNERABILITY-CONTEXT reads: implemented BEH-* and FIN-*
    indicators that are neither fairness-sensitive nor qualifiers (a planned one cannot fire)."""
    from redflags.catalogue import load_catalogue

    return frozenset(
        i.id
        for i in load_catalogue()
        if i.id.startswith(("BEH-", "FIN-"))
        and not i.planned
        and not i.fairness_sensitive
        and not i.negative_control
    )


@cache
def _vulnerability_vocabulary() -> tuple[Any, frozenset[str]]:
    """The rule's list (lists/vulnerability_context.yaml) and the shelter-like addresses of the
    address allow-list, normalised."""
    from redflags.catalogue.lists import load_vulnerability_context

    vocabulary = load_vulnerability_context()
    shelters = frozenset(
        _norm(e.address)
        for e in load_allow_list(default_list_path("address_allow_list")).entries
        if e.kind in vocabulary.no_fixed_address.kinds
    )
    return vocabulary, shelters


def vulnerability_factors(customer: dict[str, Any], first: datetime | None) -> set[str]:
    """The rule's factors a customer record shows: first registered residence less than two
    years before `first` (the earliest record of another indicator touching them), a language
    of correspondence other than Danish, no fixed address, a high-risk trade."""
    vocabulary, shelters = _vulnerability_vocabulary()
    found: set[str] = set()
    since = customer.get("resident_since")
    days = (first.astimezone(UTC).date() - since).days if since and first else None
    if days is not None and days < RECENT_ARRIVAL_DAYS:
        found.add("recent_arrival")
    if str(customer.get("language") or "da").lower() != "da":
        found.add("no_danish")
    address = str(customer.get("address") or "")
    markers = vocabulary.no_fixed_address.markers
    if address and (any(m in address.lower() for m in markers) or _norm(address) in shelters):
        found.add("no_fixed_address")
    if vocabulary.trade_of(customer.get("occupation")):
        found.add("high_risk_trade")
    return found


def vulnerability_context(entries: Iterable[tuple[str, dict[str, Any], set[str]]]) -> set[str]:
    """KYC-VULNERABILITY-CONTEXT: ids of private customers with >= 1 factor whom a record of
    another fired indicator touches (a flagged customer record, the payer's or payee's account of
    a flagged transaction, the account of a flagged device event): a modifier where other
    evidence is, never a flag alone."""
    rows = list(entries)
    customers = [r for kind, r, _ in rows if kind == "customer" and r.get("segment") != "business"]
    by_account: dict[str, list[str]] = defaultdict(list)
    for c in customers:
        if c.get("account_id"):
            by_account[str(c["account_id"])].append(str(c["customer_id"]))
    wanted = fired_indicators()
    first: dict[str, datetime] = {}
    for kind, record, flags in rows:
        if not flags & wanted:
            continue
        if kind == "customer":
            who, when = [str(record["customer_id"])], record.get("onboarded_at")
        elif kind == "transaction":
            accounts = {record.get("payer"), record.get("payee")}
            who = [c for a in accounts if a for c in by_account.get(str(a), ())]
            when = record["ts"]
        elif kind == "device_event":
            who, when = list(by_account.get(str(record["account"]), ())), record["ts"]
        else:
            continue
        for cid in who:
            if when is not None and (cid not in first or when < first[cid]):
                first[cid] = when
    return {
        str(c["customer_id"])
        for c in customers
        if str(c["customer_id"]) in first and vulnerability_factors(c, first[c["customer_id"]])
    }
