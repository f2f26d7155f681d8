"""Truth rules registered per indicator: which records of a finished network carry it.

Some indicators are properties of a group of records (a payee's inflow, customers sharing
identifiers, a company's payroll), so truth can only say which records carry them once the whole
network is drawn. Each such indicator registers one rule here with `@truth_rule(ID, kind)`: given
the network's records, the ids of the records of `kind` that carry it. The rules themselves
(rules.py) apply the indicator's published rule, with its thresholds read from the catalogue.
The ledger runs every registered rule when a network closes, in the order registered (the
modifier KYC-VULNERABILITY-CONTEXT last: it reads the others' flags). Adding an aggregate
indicator to the generator's truth is one function here and its rule in rules.py.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from redflags_synth.world import text
from redflags_synth.world.typologies import rules

Records = list[dict[str, Any]]


@dataclass(frozen=True)
class NetworkRecords:
    """What a truth rule reads: one network's records by kind, and every entry with its flags."""

    customers: Records
    transactions: Records
    kyc_events: Records
    companies: Records
    ads: list[tuple[dict[str, Any], rules.AdFacts]]
    entries: list[tuple[str, dict[str, Any], set[str]]]  # live: flags grow as rules apply

    @property
    def business(self) -> set[str]:
        return {c["account_id"] for c in self.customers if c["segment"] == "business"}


@dataclass(frozen=True)
class TruthRule:
    indicator: str
    kind: str  # the record kind it flags
    find: Callable[[NetworkRecords], set[str]]  # ids of the records of `kind` that carry it


TRUTH_RULES: dict[str, TruthRule] = {}


def truth_rule(
    indicator: str, kind: str
) -> Callable[[Callable[[NetworkRecords], set[str]]], Callable[[NetworkRecords], set[str]]]:
    def register(
        find: Callable[[NetworkRecords], set[str]],
    ) -> Callable[[NetworkRecords], set[str]]:
        if indicator in TRUTH_RULES:
            raise ValueError(f"{indicator}: a truth rule is registered already")
        TRUTH_RULES[indicator] = TruthRule(indicator, kind, find)
        return find

    return register


# -- know your customer: shared identifiers -------------------------------------------------------


@truth_rule("KYC-SHARED-IDENTIFIERS", "customer")
def _shared_identifiers(n: NetworkRecords) -> set[str]:
    return rules.customers_sharing_identifiers(n.customers)


# -- money: what the network was paid and paid out, wherever in the network it was drawn ---------


@truth_rule("FIN-BUYER-PAYS-THIRD-PARTY", "transaction")
def _buyers_pay_third_party(n: NetworkRecords) -> set[str]:
    return rules.buyers_paying_third_party(n.transactions, n.business)


@truth_rule("FIN-PAYMENT-MEMO-CUES", "transaction")
def _memo_cues(n: NetworkRecords) -> set[str]:
    business = n.business
    private_in = [
        t
        for t in n.transactions
        if t["channel"] in ("p2p", "transfer") and t["payee"] not in business
    ]
    return rules.memo_cues(private_in, rules.CUE_MEMOS)


@truth_rule("FIN-HOTEL-SHORT-STAYS", "transaction")
def _short_stays(n: NetworkRecords) -> set[str]:
    hotels = rules.hotel_categories()
    stays = [t for t in n.transactions if str(t.get("merchant_category") or "").lower() in hotels]
    return rules.short_stays(stays, n.business)


@truth_rule("FIN-FAN-IN-FROM-WORKERS", "transaction")
def _fan_in(n: NetworkRecords) -> set[str]:
    return rules.fan_in_from_workers(n.transactions, n.customers)


@truth_rule("FIN-DEBT-REMITTANCE", "transaction")
def _debt_remittance(n: NetworkRecords) -> set[str]:
    return rules.debt_remittances(n.transactions, n.customers)


@truth_rule("KYC-PROFILE-MISMATCH", "transaction")
def _profile_mismatch(n: NetworkRecords) -> set[str]:
    # the rule holds wherever it holds, victims or hard negatives alike
    return rules.profile_mismatch(n.transactions, n.customers)


@truth_rule("FIN-GEO-CIRCUIT", "transaction")
def _geo_circuit(n: NetworkRecords) -> set[str]:
    return rules.geo_circuit(n.transactions, n.customers)


@truth_rule("FIN-NO-OWN-LIVING-COSTS", "transaction")
def _no_own_living_costs(n: NetworkRecords) -> set[str]:
    return rules.no_own_living_costs(n.transactions, n.customers)


# -- the company register ----------------------------------------------------------------------


@truth_rule("KYC-NOMINEE-OWNER", "company")
def _nominee_owner(n: NetworkRecords) -> set[str]:
    return rules.nominee_owners(n.companies, n.customers) if n.companies else set()


@truth_rule("FIN-BIZ-NO-PAYROLL", "transaction")
def _no_payroll(n: NetworkRecords) -> set[str]:
    return rules.business_without_payroll(n.transactions, n.companies) if n.companies else set()


@truth_rule("FIN-FRONT-MASSAGE", "transaction")
def _front_massage(n: NetworkRecords) -> set[str]:
    if not n.companies:
        return set()
    return rules.front_massage(n.transactions, n.companies, n.customers)


# -- a person's own contact in ads for a person on sex-ad sites -----------------------------------


@truth_rule("KYC-CONTACT-IN-SEX-ADS", "customer")
def _contact_in_sex_ads(n: NetworkRecords) -> set[str]:
    sites = set(text.load("common")["sites"]["sex_ads"])
    contacts = {
        contact
        for record, facts in n.ads
        if record["site"] in sites and record["persona"]  # an ad for a person
        for contact in facts.contacts
    }
    return {
        c["customer_id"]
        for c in n.customers
        # the rule is about persons: a clinic's booking line is not a flag
        if c.get("segment") != "business" and c["phone"] and f"phone:{c['phone']}" in contacts
    }


# -- the KYC case log, by rule, wherever it holds --------------------------------------------------


@truth_rule("KYC-CONTACT-TAKEOVER", "kyc_event")
def _contact_takeover(n: NetworkRecords) -> set[str]:
    return rules.contact_takeovers(n.kyc_events, n.customers)


@truth_rule("KYC-AVOID-FACE-TO-FACE", "kyc_event")
def _avoided_face_to_face(n: NetworkRecords) -> set[str]:
    return rules.avoided_face_to_face(n.kyc_events)


# -- last: a modifier where the other indicators already are ---------------------------------------


@truth_rule("KYC-VULNERABILITY-CONTEXT", "customer")
def _vulnerability_context(n: NetworkRecords) -> set[str]:
    return rules.vulnerability_context(n.entries)
