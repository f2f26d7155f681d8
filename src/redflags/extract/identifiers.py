"""Identifiers of each record kind.

Contact fields are normalised as a whole; free text (ad title and body) is searched for phones,
handles and e-mails, keeping the span so the report can highlight it.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from redflags.model import Identifier
from redflags.normalise.identifiers import (
    find_emails,
    find_handles,
    normalise_address,
    normalise_email,
    normalise_handle,
)
from redflags.normalise.phones import DEFAULT_REGION, find_phones, normalise_phone

AD_TEXT_FIELDS = ("title", "body")


def _handle_identifier(normalised: str, region: str, **provenance: Any) -> Identifier:
    """A handle pivot is platform-agnostic ('@name' in one ad, 't.me/name' in another and a
    Telegram sender 'name' are one contact); a wa.me link is a phone number."""
    platform, _, name = normalised.partition(":")
    if platform == "whatsapp" and name.isdigit():
        phone = normalise_phone("+" + name, region)
        if phone:
            return Identifier(kind="phone", value=phone, **provenance)
    return Identifier(kind="handle", value=name, **provenance)


def _text_identifiers(
    record_kind: str, record_id: str, field: str, text: str | None, region: str
) -> Iterator[Identifier]:
    if not text:
        return
    for phone in find_phones(text, region):
        yield Identifier(
            kind="phone",
            value=phone.e164,
            record_kind=record_kind,
            record_id=record_id,
            field=field,
            start=phone.start,
            end=phone.end,
            raw=phone.raw,
        )
    for handle, start, end in find_handles(text):
        yield _handle_identifier(
            handle,
            region,
            record_kind=record_kind,
            record_id=record_id,
            field=field,
            start=start,
            end=end,
            raw=text[start:end],
        )
    for email, start, end in find_emails(text):
        yield Identifier(
            kind="email",
            value=email,
            record_kind=record_kind,
            record_id=record_id,
            field=field,
            start=start,
            end=end,
            raw=text[start:end],
        )


def _ad(record: Mapping[str, Any], region: str) -> Iterator[Identifier]:
    record_id = str(record["ad_id"])
    phone = normalise_phone(record.get("phone"), region)
    if phone:
        yield Identifier(
            kind="phone",
            value=phone,
            record_kind="ad",
            record_id=record_id,
            field="phone",
            raw=record.get("phone"),
        )
    handle = normalise_handle(record.get("handle"))
    if handle:
        yield _handle_identifier(
            handle,
            region,
            record_kind="ad",
            record_id=record_id,
            field="handle",
            raw=record.get("handle"),
        )
    email = normalise_email(record.get("email"))
    if email:
        yield Identifier(
            kind="email",
            value=email,
            record_kind="ad",
            record_id=record_id,
            field="email",
            raw=record.get("email"),
        )
    for field in AD_TEXT_FIELDS:
        yield from _text_identifiers("ad", record_id, field, record.get(field), region)


def _customer(record: Mapping[str, Any], region: str) -> Iterator[Identifier]:
    record_id = str(record["customer_id"])
    yield Identifier(
        kind="customer",
        value=record_id,
        record_kind="customer",
        record_id=record_id,
        field="customer_id",
    )
    values = {
        "account": (record.get("account_id") or None, "account_id"),
        "phone": (normalise_phone(record.get("phone"), region), "phone"),
        "email": (normalise_email(record.get("email")), "email"),
        "device": (record.get("device_id") or None, "device_id"),
        "address": (normalise_address(record.get("address")), "address"),
    }
    for kind, (value, field) in values.items():
        if value:
            yield Identifier(
                kind=kind,
                value=str(value),
                record_kind="customer",
                record_id=record_id,
                field=field,
                raw=record.get(field),
            )


def _message(record: Mapping[str, Any], region: str) -> Iterator[Identifier]:
    record_id = str(record["message_id"])
    sender = normalise_handle(record.get("sender"), record.get("platform"))
    if sender:
        yield _handle_identifier(
            sender,
            region,
            record_kind="message",
            record_id=record_id,
            field="sender",
            raw=record.get("sender"),
        )
    yield from _text_identifiers("message", record_id, "text", record.get("text"), region)


def _device_event(record: Mapping[str, Any], region: str) -> Iterator[Identifier]:
    record_id = str(record["event_id"])
    yield Identifier(
        kind="account",
        value=str(record["account"]),
        record_kind="device_event",
        record_id=record_id,
        field="account",
    )
    if record.get("device_id"):
        yield Identifier(
            kind="device",
            value=str(record["device_id"]),
            record_kind="device_event",
            record_id=record_id,
            field="device_id",
        )


_BY_KIND = {"ad": _ad, "customer": _customer, "message": _message, "device_event": _device_event}


def identifiers_of(
    record_kind: str, record: Mapping[str, Any], region: str = DEFAULT_REGION
) -> list[Identifier]:
    """Identifiers of one record. Transactions have none: payments are edges, not identities."""
    extractor = _BY_KIND.get(record_kind)
    if extractor is None:
        return []
    seen: set[tuple[str, str, int | None]] = set()
    result = []
    for identifier in extractor(record, region):
        key = (identifier.pivot, identifier.field, identifier.start)
        if key not in seen:
            seen.add(key)
            result.append(identifier)
    return result
