"""The ledger of one network: its records, held until the network is complete, then emitted
with the indicators an expert expects on each (ground truth)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from redflags.model import KIND_TABLES
from redflags_synth.world import text
from redflags_synth.world.context import Role, WorldContext
from redflags_synth.world.images import ImageMaker
from redflags_synth.world.typologies import rules

ID_FIELD = {kind.value: id_field for kind, (_, id_field) in KIND_TABLES.items()}


class Ledger:
    """The records of one network, emitted together at `close()` with their expected indicators.

    Holding them until the end lets the cross-record rules (rules.py) and later events (a wipe)
    add indicators to records made earlier.
    """

    def __init__(self, ctx: WorldContext, network_id: str, images: ImageMaker | None = None):
        self.ctx = ctx
        self.network_id = network_id
        self.images = images
        self._entries: list[tuple[str, dict[str, Any], set[str]]] = []
        self._flags: dict[int, set[str]] = {}
        self._ads: list[tuple[dict[str, Any], rules.AdFacts]] = []
        self._closed = False

    def add(
        self, kind: str, record: dict[str, Any], indicators: Iterable[str] = ()
    ) -> dict[str, Any]:
        flags = set(indicators)
        self._entries.append((kind, record, flags))
        self._flags[id(record)] = flags
        return record

    def flag(self, record: dict[str, Any], *indicators: str) -> None:
        self._flags[id(record)].update(indicators)

    def member(self, entity_kind: str, entity_id: str, role: Role) -> None:
        self.ctx.member(self.network_id, entity_kind, entity_id, role)

    def records(self, kind: str) -> list[dict[str, Any]]:
        return [record for k, record, _ in self._entries if k == kind]

    def ad_facts(self, record: dict[str, Any], facts: rules.AdFacts) -> None:
        self._ads.append((record, facts))

    def close(self) -> None:
        """Apply the cross-record rules, then emit every record and its truth."""
        if self._closed:
            raise RuntimeError("ledger already closed")
        self._closed = True
        self._apply_rules()
        for kind, record, flags in self._entries:
            self.ctx.emit(kind, record)
            self.ctx.expect(kind, record[ID_FIELD[kind]], self.network_id, flags)

    def _apply_rules(self) -> None:
        rules.apply_ad_rules([facts for _, facts in self._ads])
        for record, facts in self._ads:
            self.flag(record, *facts.found)
        customers = self.records("customer")
        sharing = rules.customers_sharing_identifiers(customers)
        for customer in customers:
            if customer["customer_id"] in sharing:
                self.flag(customer, "KYC-SHARED-IDENTIFIERS")
        business = {c["account_id"] for c in customers if c["segment"] == "business"}
        paid = rules.buyers_paying_third_party(self.records("transaction"), business)
        for txn in self.records("transaction"):
            if txn["txn_id"] in paid:
                self.flag(txn, "FIN-BUYER-PAYS-THIRD-PARTY")
        # FIN-PAYMENT-MEMO-CUES, FIN-HOTEL-SHORT-STAYS and FIN-FAN-IN-FROM-WORKERS: the rules
        # applied to everything the network paid, wherever in the network it was drawn
        txns = self.records("transaction")
        private_in = [t for t in txns if t["channel"] in ("p2p", "transfer")]
        cued = rules.memo_cues(
            [t for t in private_in if t["payee"] not in business], rules.CUE_MEMOS
        )
        hotels = rules.hotel_categories()
        stays = [t for t in txns if str(t.get("merchant_category") or "").lower() in hotels]
        repeated = rules.short_stays(stays, business)
        fan_in = rules.fan_in_from_workers(txns, customers)
        remitted = rules.debt_remittances(txns, customers)
        # KYC-PROFILE-MISMATCH: the rule holds wherever it holds, victims or hard negatives alike
        mismatched = rules.profile_mismatch(txns, customers)
        # FIN-GEO-CIRCUIT as implemented: the card payments of a circuit, wherever it holds
        circuit = rules.geo_circuit(txns, customers)
        # FIN-NO-OWN-LIVING-COSTS as implemented, likewise wherever it holds
        no_living = rules.no_own_living_costs(txns, customers)
        for txn in txns:
            if txn["txn_id"] in cued:
                self.flag(txn, "FIN-PAYMENT-MEMO-CUES")
            if txn["txn_id"] in repeated:
                self.flag(txn, "FIN-HOTEL-SHORT-STAYS")
            if txn["txn_id"] in fan_in:
                self.flag(txn, "FIN-FAN-IN-FROM-WORKERS")
            if txn["txn_id"] in remitted:
                self.flag(txn, "FIN-DEBT-REMITTANCE")
            if txn["txn_id"] in mismatched:
                self.flag(txn, "KYC-PROFILE-MISMATCH")
            if txn["txn_id"] in circuit:
                self.flag(txn, "FIN-GEO-CIRCUIT")
            if txn["txn_id"] in no_living:
                self.flag(txn, "FIN-NO-OWN-LIVING-COSTS")
        self._apply_register_rules(txns, customers)
        sex_ad_sites = set(text.load("common")["sites"]["sex_ads"])
        sex_ad_contacts = {
            contact
            for record, facts in self._ads
            if record["site"] in sex_ad_sites and record["persona"]  # an ad for a person
            for contact in facts.contacts
        }
        for customer in customers:
            if customer.get("segment") == "business":
                continue  # the rule is about persons: a clinic's booking line is not a flag
            if customer["phone"] and f"phone:{customer['phone']}" in sex_ad_contacts:
                self.flag(customer, "KYC-CONTACT-IN-SEX-ADS")
        # KYC-CONTACT-TAKEOVER and KYC-AVOID-FACE-TO-FACE: the KYC case log, by rule, wherever
        # it holds (a controller's takeover, or a household's shared phone that is not one)
        log = self.records("kyc_event")
        taken = rules.contact_takeovers(log, customers)
        avoided = rules.avoided_face_to_face(log)
        for entry in log:
            if entry["event_id"] in taken:
                self.flag(entry, "KYC-CONTACT-TAKEOVER")
            if entry["event_id"] in avoided:
                self.flag(entry, "KYC-AVOID-FACE-TO-FACE")

        # KYC-VULNERABILITY-CONTEXT last: a modifier where the other indicators already are
        vulnerable = rules.vulnerability_context(self._entries)
        for customer in customers:
            if customer["customer_id"] in vulnerable:
                self.flag(customer, "KYC-VULNERABILITY-CONTEXT")

    def _apply_register_rules(
        self, txns: list[dict[str, Any]], customers: list[dict[str, Any]]
    ) -> None:
        """KYC-NOMINEE-OWNER on the register rows, FIN-BIZ-NO-PAYROLL and FIN-FRONT-MASSAGE on
        the payments: each rule as implemented, wherever in the network it holds."""
        companies = self.records("company")
        if not companies:
            return
        nominee = rules.nominee_owners(companies, customers)
        for company in companies:
            if company["entry_id"] in nominee:
                self.flag(company, "KYC-NOMINEE-OWNER")
        no_payroll = rules.business_without_payroll(txns, companies)
        front = rules.front_massage(txns, companies, customers)
        for txn in txns:
            if txn["txn_id"] in no_payroll:
                self.flag(txn, "FIN-BIZ-NO-PAYROLL")
            if txn["txn_id"] in front:
                self.flag(txn, "FIN-FRONT-MASSAGE")
