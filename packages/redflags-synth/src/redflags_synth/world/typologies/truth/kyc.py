"""Know your customer: who shares identifiers, whose contact is in sex ads, whose inflow does not
fit what they declared."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from functools import cache
from typing import Any

from redflags.catalogue.lists import default_list_path, load_allow_list
from redflags_synth.world import text
from redflags_synth.world.typologies.truth.common import (
    DAY,
    account_holders,
    indicator_params,
    is_dkk,
    month,
    norm,
    words,
)
from redflags_synth.world.typologies.truth.registry import NetworkRecords, truth_rule

# -- KYC-SHARED-IDENTIFIERS -----------------------------------------------------------------------

_SHARED = indicator_params("KYC-SHARED-IDENTIFIERS")
# identifiers that join customers directly; a shared address has its own rule (adults, window)
SHARED_KEYS = tuple(str(k) for k in _SHARED["identifiers"] if k != "address")
SHARED_BY_ADDRESS = "address" in _SHARED["identifiers"]
SHARED_ALLOW_LIST = str(_SHARED["allow_list"])
SHARED_MIN_CUSTOMERS = int(_SHARED["min_customers"])
SHARED_MIN_SURNAMES = int(_SHARED["min_distinct_surnames"])
SHARED_ADDRESS_ADULTS = int(_SHARED["address_min_adults"])
SHARED_ADDRESS_SURNAMES = int(_SHARED["address_min_distinct_surnames"])
SHARED_ADDRESS_WINDOW = int(_SHARED["address_window_days"]) * DAY
ADULT_AGE = 18  # the age of majority; the rule counts adults and has no parameter for it


@cache
def allow_listed_addresses() -> tuple[str, ...]:
    allow_list = load_allow_list(default_list_path(SHARED_ALLOW_LIST))
    return tuple(entry.address for entry in allow_list.entries)


@truth_rule("KYC-SHARED-IDENTIFIERS", "customer")
def _shared_identifiers(n: NetworkRecords) -> set[str]:
    return customers_sharing_identifiers(n.customers)


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
        for key in SHARED_KEYS:
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
    if SHARED_BY_ADDRESS:
        hits |= _sharing_an_address(customers)
    return hits


def _sharing_an_address(customers: list[dict[str, Any]]) -> set[str]:
    allowed = {norm(a) for a in allow_listed_addresses()}
    at_address: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for c in customers:
        address = norm(c["address"]) if c.get("address") else None
        if address and address not in allowed and c.get("onboarded_at") and _adult(c):
            at_address[address].append(c)
    hits: set[str] = set()
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
    return age >= ADULT_AGE


# -- KYC-CONTACT-IN-SEX-ADS: a person's own contact in ads for a person on sex-ad sites ------------

_IN_ADS = indicator_params("KYC-CONTACT-IN-SEX-ADS")
IN_ADS_EXCLUDE_SEGMENTS = frozenset(_IN_ADS["exclude_segments"])


@truth_rule("KYC-CONTACT-IN-SEX-ADS", "customer")
def _contact_in_sex_ads(n: NetworkRecords) -> set[str]:
    sites = set(text.load("common")["sites"]["sex_ads"])  # the generator's sex-ad sites
    contacts = {
        contact
        for record, facts in n.ads
        if record["site"] in sites and record["persona"]  # an ad for a person
        for contact in facts.contacts
    }
    return {
        c["customer_id"]
        for c in n.customers
        # the rule is about persons: a clinic's booking line is not a flag. Truth compares phones
        # only, although contact_kinds also names e-mail (left as it was)
        if c.get("segment") not in IN_ADS_EXCLUDE_SEGMENTS
        and c["phone"]
        and f"phone:{c['phone']}" in contacts
    }


# -- KYC-PROFILE-MISMATCH -------------------------------------------------------------------------

_PROFILE = indicator_params("KYC-PROFILE-MISMATCH")
PROFILE_RATIO_ABOVE = float(_PROFILE["inflow_to_income_ratio_above"])  # x declared income / 12
PROFILE_PAYERS_ABOVE = int(_PROFILE["distinct_payers_above"])
PROFILE_SEGMENTS = frozenset(_PROFILE["declared_purposes"])
PROFILE_CHANNELS = frozenset(_PROFILE["inflow_channels"])
# public benefits, pensions and student grants, by memo
BENEFIT_MEMOS = words(_PROFILE["benefit_memos"])


@truth_rule("KYC-PROFILE-MISMATCH", "transaction")
def _profile_mismatch(n: NetworkRecords) -> set[str]:
    # the rule holds wherever it holds, victims or hard negatives alike
    return profile_mismatch(n.transactions, n.customers)


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
            or not is_dkk(t)
            or str(t.get("memo") or "").strip().lower() in BENEFIT_MEMOS
        ):
            continue
        by_month[(t["payee"], month(t["ts"]))].append(t)
    hits: set[str] = set()
    for (account, _), rows in by_month.items():
        income = holders[account].get("declared_income") or 0
        inflow = sum(float(t["amount"]) for t in rows)
        by_income = income > 0 and inflow * 12 / income > PROFILE_RATIO_ABOVE
        if by_income or len({t["payer"] for t in rows}) > PROFILE_PAYERS_ABOVE:
            hits.update(t["txn_id"] for t in rows)
    return hits
