"""Identifiers of each record kind.

Contact fields are normalised as a whole; free text (ad title and body, message text) is
searched for phones, handles, e-mails and URLs, however disguised (`normalise.contacts`),
keeping the span so the report can highlight it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from functools import partial
from typing import Any

from redflags.extract import stored
from redflags.model import Identifier
from redflags.normalise.contacts import find_contacts
from redflags.normalise.identifiers import normalise_address, normalise_email, normalise_handle
from redflags.normalise.phones import DEFAULT_REGION, normalise_phone

AD_TEXT_FIELDS = ("title", "body")
_PHONE_LIKE = re.compile(r"\+?[\d\s().-]{6,}")
_EMAIL_LIKE = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")
Make = partial[Identifier]  # Identifier with the record's kind and id filled in


def _handle(make: Make, normalised: str, region: str, **where: Any) -> Identifier:
    """A handle keeps its platform ('telegram:name'; its pivot does not); a wa.me link is a
    phone number."""
    platform, _, name = normalised.partition(":")
    if platform == "whatsapp" and name.isdigit():
        phone = normalise_phone("+" + name, region)
        if phone:
            return make(kind="phone", value=phone, **where)
    return make(kind="handle", value=normalised, **where)


def _in_text(make: Make, field: str, text: str | None, region: str) -> Iterator[Identifier]:
    if not text:
        return
    kept = stored.current()  # a scan's evaluate and link: each text was read once, and kept
    found = (
        kept.contacts(make.keywords["record_kind"], make.keywords["record_id"], field, text, region)
        if kept is not None
        else None
    )
    # the run's region first; the text's own hint (its language, a country it names) only
    # when that region reads no phone in it
    for contact in find_contacts(text, region) if found is None else found:
        yield make(
            kind=contact.kind,
            value=contact.value,
            field=field,
            start=contact.start,
            end=contact.end,
            raw=contact.raw,
            obfuscated=contact.obfuscated,
        )


def _ad(make: Make, record: Mapping[str, Any], region: str) -> Iterator[Identifier]:
    if record.get("poster"):  # the platform's user: a customer of the platform (its KYC)
        yield make(kind="customer", value=str(record["poster"]), field="poster")
    if phone := normalise_phone(record.get("phone"), region, contact_field=True):
        yield make(kind="phone", value=phone, field="phone", raw=record.get("phone"))
    if handle := normalise_handle(record.get("handle")):
        yield _handle(make, handle, region, field="handle", raw=record.get("handle"))
    if email := normalise_email(record.get("email")):
        yield make(kind="email", value=email, field="email", raw=record.get("email"))
    for field in AD_TEXT_FIELDS:
        yield from _in_text(make, field, record.get(field), region)


def _customer(make: Make, record: Mapping[str, Any], region: str) -> Iterator[Identifier]:
    yield make(kind="customer", value=str(record["customer_id"]), field="customer_id")
    values = {
        "account": (record.get("account_id") or None, "account_id"),
        "phone": (normalise_phone(record.get("phone"), region, contact_field=True), "phone"),
        "email": (normalise_email(record.get("email")), "email"),
        "device": (record.get("device_id") or None, "device_id"),
        "address": (normalise_address(record.get("address")), "address"),
    }
    for kind, (value, field) in values.items():
        if value:
            yield make(kind=kind, value=str(value), field=field, raw=record.get(field))


def _sender(make: Make, record: Mapping[str, Any], region: str) -> Identifier | None:
    """A sender is what its platform knows accounts by: a phone number (SMS, WhatsApp, Signal),
    an e-mail address, or a handle. A phone must become a phone pivot, or a buyer's SMS would
    never meet the same number on a KYC record or an ad."""
    raw = record.get("sender")
    text = str(raw or "").strip()
    if _PHONE_LIKE.fullmatch(text) and (phone := normalise_phone(text, region, contact_field=True)):
        return make(kind="phone", value=phone, field="sender", raw=raw)
    if _EMAIL_LIKE.fullmatch(text) and (email := normalise_email(text)):
        return make(kind="email", value=email, field="sender", raw=raw)
    if handle := normalise_handle(text, record.get("platform")):
        return _handle(make, handle, region, field="sender", raw=raw)
    return None


def _message(make: Make, record: Mapping[str, Any], region: str) -> Iterator[Identifier]:
    if sender := _sender(make, record, region):
        yield sender
    yield from _in_text(make, "text", record.get("text"), region)


def _device_event(make: Make, record: Mapping[str, Any], region: str) -> Iterator[Identifier]:
    yield make(kind="account", value=str(record["account"]), field="account")
    if record.get("device_id"):
        yield make(kind="device", value=str(record["device_id"]), field="device_id")


def _kyc_event(make: Make, record: Mapping[str, Any], region: str) -> Iterator[Identifier]:
    """A changed detail joins the customer to the new phone, e-mail or device (the old value
    is on the customer record or an earlier change)."""
    yield make(kind="customer", value=str(record["customer_id"]), field="customer_id")
    value, field = record.get("new_value"), record.get("field")
    if not value:
        return
    new: str | None = None
    if field == "phone":
        new = normalise_phone(value, region, contact_field=True)
    elif field == "email":
        new = normalise_email(value)
    elif field == "device_id":
        new = str(value)
    if new:
        kind = "device" if field == "device_id" else str(field)
        yield make(kind=kind, value=new, field="new_value", raw=value)


def _company(make: Make, record: Mapping[str, Any], region: str) -> Iterator[Identifier]:
    """The register entry joins the company's account, its address and its owner (when the
    owner is a customer)."""
    values = {
        "account": (record.get("account_id") or None, "account_id"),
        "address": (normalise_address(record.get("address")), "address"),
        "customer": (record.get("owner_customer_id") or None, "owner_customer_id"),
    }
    for kind, (value, field) in values.items():
        if value:
            yield make(kind=kind, value=str(value), field=field, raw=record.get(field))


def _observation(make: Make, record: Mapping[str, Any], region: str) -> Iterator[Identifier]:
    """A note joins the person to the phone they gave, where they live and where they were met
    (the workplace's address meets its register entry and those registered there), and to any
    contact written in the note."""
    if record.get("customer_id"):
        yield make(kind="customer", value=str(record["customer_id"]), field="customer_id")
    if phone := normalise_phone(record.get("phone"), region, contact_field=True):
        yield make(kind="phone", value=phone, field="phone", raw=record.get("phone"))
    for field in ("address", "place_address"):
        if address := normalise_address(record.get(field)):
            yield make(kind="address", value=address, field=field, raw=record.get(field))
    yield from _in_text(make, "text", record.get("text"), region)


_BY_KIND = {
    "ad": ("ad_id", _ad),
    "customer": ("customer_id", _customer),
    "message": ("message_id", _message),
    "device_event": ("event_id", _device_event),
    "kyc_event": ("event_id", _kyc_event),
    "company": ("entry_id", _company),
    "observation": ("observation_id", _observation),
}


# The record kinds that carry identifiers (transactions carry none).
IDENTITY_KINDS = tuple(_BY_KIND)


def identifiers_of(
    record_kind: str, record: Mapping[str, Any], region: str = DEFAULT_REGION
) -> list[Identifier]:
    """Identifiers of one record. Transactions have none: payments are edges, not identities.

    `region` is the run's phone region (`--region`): the country of numbers written without a
    country code. Free text it reads no phone in may still be read in the region the text
    itself points to (`normalise.region_hints`)."""
    if record_kind not in _BY_KIND:
        return []
    id_field, extractor = _BY_KIND[record_kind]
    make = partial(Identifier, record_kind=record_kind, record_id=str(record[id_field]))
    seen: set[tuple[str, str, int | None]] = set()
    result = []
    for identifier in extractor(make, record, region):
        key = (identifier.pivot, identifier.field, identifier.start)
        if key not in seen:
            seen.add(key)
            result.append(identifier)
    return result
