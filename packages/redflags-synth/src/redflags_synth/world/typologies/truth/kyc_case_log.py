"""The KYC case log: KYC-CONTACT-TAKEOVER and KYC-AVOID-FACE-TO-FACE, wherever they hold."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from redflags_synth.world.typologies.truth.common import indicator_params, norm
from redflags_synth.world.typologies.truth.registry import NetworkRecords, truth_rule

_TAKEOVER = indicator_params("KYC-CONTACT-TAKEOVER")
TAKEOVER_FIELDS = tuple(str(f) for f in _TAKEOVER["identifiers"])
TAKEOVER_HOUSEHOLD_SURNAMES = int(_TAKEOVER["household_max_surnames"])
_AVOID = indicator_params("KYC-AVOID-FACE-TO-FACE")
AVOID_PASSES = frozenset(_AVOID["passes"])
AVOID_MISSES = frozenset(_AVOID["misses"])
AVOID_MIN_MISSES = int(_AVOID["min_refusals_or_failures"])
AVOID_MIN_THIRD_PARTY = int(_AVOID["min_third_party_contacts"])


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


@truth_rule("KYC-CONTACT-TAKEOVER", "kyc_event")
def _contact_takeover(n: NetworkRecords) -> set[str]:
    return contact_takeovers(n.kyc_events, n.customers)


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
        for name in TAKEOVER_FIELDS:
            if key := _contact_value(name, c.get(name)):
                holders[(name, key)].add(c["customer_id"])
        if c.get("address"):
            surnames[norm(c["address"])].add(_surname(c))
    found: set[str] = set()
    for entry in kyc_events:
        changed = str(entry.get("field"))
        if entry["event"] != "detail_change" or changed not in TAKEOVER_FIELDS:
            continue
        key = _contact_value(changed, entry.get("new_value"))
        home = norm(by_id.get(entry["customer_id"], {}).get("address") or "")
        for other in holders.get((changed, key or ""), set()) - {entry["customer_id"]}:
            household = home and home == norm(by_id[other].get("address") or "")
            if not (household and len(surnames[home]) <= TAKEOVER_HOUSEHOLD_SURNAMES):
                found.add(entry["event_id"])
    return found


def _actor(value: Any) -> str | None:
    return " ".join(str(value or "").split()).lower() or None


@truth_rule("KYC-AVOID-FACE-TO-FACE", "kyc_event")
def _avoided_face_to_face(n: NetworkRecords) -> set[str]:
    return avoided_face_to_face(n.kyc_events)


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
        passed = [e["ts"] for e in contacts if e["event"] in AVOID_PASSES]
        last_pass = max(passed) if passed else None
        misses = [
            e
            for e in contacts
            if e["event"] in AVOID_MISSES and (last_pass is None or e["ts"] > last_pass)
        ]
        third = [e for e in contacts if _actor(e.get("actor")) not in (None, *attorneys)]
        all_third = len(contacts) >= AVOID_MIN_THIRD_PARTY and len(third) == len(contacts)
        if len(misses) >= AVOID_MIN_MISSES or all_third:
            found.update(e["event_id"] for e in (*misses, *third))
    return found
