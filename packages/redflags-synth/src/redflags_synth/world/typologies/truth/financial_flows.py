"""Money in and out of an account: who pays a worker, what the notes say, who sends money
together, what an account keeps for its own living.

FIN-BUYER-PAYS-THIRD-PARTY, FIN-PAYMENT-MEMO-CUES, FIN-FAN-IN-FROM-WORKERS, FIN-DEBT-REMITTANCE
and FIN-NO-OWN-LIVING-COSTS, applied wherever in the network the transactions were drawn.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import datetime, timedelta
from functools import cache
from typing import Any

from redflags.catalogue.lexicons import load_lexicon
from redflags_synth.world.typologies.truth.common import (
    CPH,
    DAY,
    account_holders,
    indicator_params,
    is_dkk,
    month,
    words,
)
from redflags_synth.world.typologies.truth.registry import NetworkRecords, truth_rule

# -- FIN-BUYER-PAYS-THIRD-PARTY ------------------------------------------------------------------

_P2P = indicator_params("FIN-BUYER-PAYS-THIRD-PARTY")
P2P_CHANNELS = frozenset(_P2P["channels"])
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


@truth_rule("FIN-BUYER-PAYS-THIRD-PARTY", "transaction")
def _buyers_pay_third_party(n: NetworkRecords) -> set[str]:
    return buyers_paying_third_party(n.transactions, n.business)


def buyers_paying_third_party(
    transactions: Iterable[dict[str, Any]], business_accounts: set[str]
) -> set[str]:
    """Txn ids of the P2P inflows of private accounts that match the rule in some 30-day window
    (windows tumble from the Unix epoch, evaluated at two offsets half a window apart)."""
    by_window: dict[tuple[str, float, int], list[dict[str, Any]]] = defaultdict(list)
    for txn in transactions:
        if txn["channel"] not in P2P_CHANNELS or not is_dkk(txn):
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


# -- FIN-PAYMENT-MEMO-CUES ------------------------------------------------------------------------

_CUES = indicator_params("FIN-PAYMENT-MEMO-CUES")
CUES_WINDOW = int(_CUES["window_days"]) * DAY
CUES_MIN_HITS = int(_CUES["min_hits"])
CUES_CHANNELS = frozenset(_CUES["channels"])
CUES_LEXICON = str(_CUES["lexicon"])


@cache
def cue_memos() -> frozenset[str]:
    """The whole terms of the rule's lexicon (every concept and language, no wildcard), in lower
    case: the generator writes a cue as the whole memo ("massage", a rose), so truth compares
    the memo with them."""
    concepts = load_lexicon(CUES_LEXICON).concepts.values()
    terms = (t for c in concepts for by_language in c.terms.values() for t in by_language)
    return words(t for t in terms if not t.endswith("*"))


@truth_rule("FIN-PAYMENT-MEMO-CUES", "transaction")
def _memo_cues(n: NetworkRecords) -> set[str]:
    business = n.business
    private_in = [
        t for t in n.transactions if t["channel"] in CUES_CHANNELS and t["payee"] not in business
    ]
    return memo_cues(private_in, cue_memos())


def memo_cues(payments: Iterable[dict[str, Any]], cues: Iterable[str]) -> set[str]:
    """FIN-PAYMENT-MEMO-CUES: payments whose memo is a sexual or massage cue, to a receiving
    account with >= 3 of them within 30 days."""
    wanted = set(cues)
    by_payee: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for txn in payments:
        if str(txn.get("memo") or "").strip().lower() in wanted:
            by_payee[txn["payee"]].append(txn)
    hits: set[str] = set()
    for rows in by_payee.values():
        for first in rows:
            inside = [t for t in rows if first["ts"] <= t["ts"] <= first["ts"] + CUES_WINDOW]
            if len(inside) >= CUES_MIN_HITS:
                hits.update(t["txn_id"] for t in inside)
    return hits


# -- FIN-FAN-IN-FROM-WORKERS and FIN-DEBT-REMITTANCE ---------------------------------------------

_FAN_IN = indicator_params("FIN-FAN-IN-FROM-WORKERS")
FAN_IN_MONTHS_PER_SENDER = int(_FAN_IN["min_months_per_sender"])
FAN_IN_MIN_SENDERS = int(_FAN_IN["min_senders"])
FAN_IN_MIN_NEW = int(_FAN_IN["min_new_senders"])
FAN_IN_NEW_WITHIN = int(_FAN_IN["new_customer_days"]) * DAY
FAN_IN_NEW_SHARE = float(_FAN_IN["min_new_share"])
FAN_IN_CHANNELS = frozenset(_FAN_IN["channels"])


@truth_rule("FIN-FAN-IN-FROM-WORKERS", "transaction")
def _fan_in(n: NetworkRecords) -> set[str]:
    return fan_in_from_workers(n.transactions, n.customers)


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
        and is_dkk(t)
    ]

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


_REMIT = indicator_params("FIN-DEBT-REMITTANCE")
REMIT_CUSTOMER_DAYS = int(_REMIT["max_customer_age_days"]) * DAY
REMIT_MIN_TRANSFERS = int(_REMIT["min_transfers_per_month"])
REMIT_MIN_OTHERS = int(_REMIT["min_other_senders"])
REMIT_HOME = str(_REMIT["home_country"]).upper()
REMIT_CHANNELS = frozenset(_REMIT["channels"])


@truth_rule("FIN-DEBT-REMITTANCE", "transaction")
def _debt_remittance(n: NetworkRecords) -> set[str]:
    return debt_remittances(n.transactions, n.customers)


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
        and is_dkk(t)
    ]

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


# -- FIN-NO-OWN-LIVING-COSTS ----------------------------------------------------------------------

_LIVING = indicator_params("FIN-NO-OWN-LIVING-COSTS")
LIVING_MIN_INFLOW = float(_LIVING["min_monthly_inflow"])  # DKK a month
LIVING_ESSENTIALS_BELOW = float(_LIVING["essential_share_below"])  # x the month's inflow
LIVING_PASS_THROUGH = float(_LIVING["pass_through_share"])  # x the inflow leaves again
LIVING_MIN_MONTHS = int(_LIVING["min_months"])
LIVING_MEMOS = words(_LIVING["essential_memos"])  # paid by transfer


@cache
def essential_categories() -> frozenset[str]:
    """Merchant categories and MCCs of the `essentials` group, as the detectors read them."""
    from redflags.catalogue.lists import load_merchant_categories

    return frozenset(c for c, group in load_merchant_categories().pairs() if group == "essentials")


@truth_rule("FIN-NO-OWN-LIVING-COSTS", "transaction")
def _no_own_living_costs(n: NetworkRecords) -> set[str]:
    return no_own_living_costs(n.transactions, n.customers)


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
        if not is_dkk(t) or t.get("payer") == t.get("payee"):
            continue
        at = month(t["ts"])
        amount = float(t["amount"])
        if t.get("payee") in private:
            row = months[(t["payee"], at)]
            row[0] += amount
            row[3].append(t["txn_id"])
        if t.get("payer") in private:
            row = months[(t["payer"], at)]
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
