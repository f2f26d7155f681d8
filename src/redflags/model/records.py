"""The canonical record kinds.

Field names here are the canonical field names that source descriptors map onto and that
indicators refer to. Timestamps are timezone-aware (UTC after ingest); amounts are decimals in
the stated currency.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from functools import cache
from types import UnionType
from typing import Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel, ConfigDict, Field


class RecordKind(StrEnum):
    AD = "ad"
    MESSAGE = "message"
    TRANSACTION = "transaction"
    CUSTOMER = "customer"
    DEVICE_EVENT = "device_event"
    KYC_EVENT = "kyc_event"
    COMPANY = "company"
    OBSERVATION = "observation"


class _Record(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Ad(_Record):
    """An online ad or profile: sex ad, massage ad, job post, social post."""

    ad_id: str
    site: str | None = None
    posted_at: datetime
    city: str | None = None
    persona: str | None = None  # the advertised person's name as shown in the ad
    title: str | None = None
    body: str | None = None
    phone: str | None = None
    email: str | None = None
    handle: str | None = None  # messenger handle or link given as contact
    price: float | None = None
    currency: str | None = None
    image_refs: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()  # languages the profile says the person speaks
    poster: str | None = None  # the platform account that posted it (joins the platform's users)


class Message(_Record):
    """One chat or e-mail message (recruitment, booking, instructions)."""

    message_id: str
    thread_id: str | None = None
    sender: str
    recipient: str | None = None
    sent_at: datetime
    platform: str | None = None
    text: str | None = None


Channel = Literal["p2p", "card", "transfer", "atm", "cash"]


class Transaction(_Record):
    """A money movement between two accounts (or an account and a merchant)."""

    txn_id: str
    ts: datetime
    payer: str
    payee: str
    amount: float = Field(ge=0)
    currency: str = "DKK"
    channel: Channel
    merchant: str | None = None
    merchant_category: str | None = None
    memo: str | None = None
    city: str | None = None
    country: str | None = None


class Customer(_Record):
    """A KYC / onboarding record of a bank's or platform's customer."""

    customer_id: str
    account_id: str | None = None  # the account number used in transactions
    first_name: str | None = None
    last_name: str | None = None
    birth_date: date | None = None
    nationality: str | None = None
    phone: str | None = None
    email: str | None = None
    address: str | None = None
    onboarded_at: datetime | None = None
    device_id: str | None = None
    occupation: str | None = None
    declared_income: float | None = Field(default=None, ge=0)
    segment: Literal["private", "business"] = "private"
    resident_since: date | None = None  # first registered residence in the country (CPR)
    language: str | None = None  # preferred language of correspondence (ISO 639-1)


class DeviceEvent(_Record):
    """A login or app event of an account on a device."""

    event_id: str | None = None  # derived from the content when a source has none
    account: str
    device_id: str | None = None
    ip: str | None = None
    ts: datetime
    event: str = "login"
    country: str | None = None


class KycEvent(_Record):
    """One entry of a bank's KYC case log: a change of a customer's details, or a contact with
    the customer (identification, meeting, call). What staff write down stays in `note`."""

    event_id: str | None = None  # derived from the content when a source has none
    customer_id: str
    ts: datetime
    event: str  # detail_change, video_id_failed, video_id_refused, meeting_declined, ...
    field: str | None = None  # for detail_change: phone, email, device_id, address
    old_value: str | None = None
    new_value: str | None = None
    channel: str | None = None  # app, web, branch, phone, video, letter
    actor: str | None = None  # who acted or spoke for the customer, when not the customer
    note: str | None = None


class Company(_Record):
    """One entry of a company register such as the Danish CVR: a company and one owner over one
    period. One row per owner and period, so changes of owner are visible."""

    entry_id: str | None = None  # derived from the content when a source has none
    cvr: str  # the register number (CVR in Denmark)
    name: str | None = None
    trade: str | None = None  # industry code or label (DB07 960400, or 'massage')
    address: str | None = None
    account_id: str | None = None  # the company's account in transactions, when known
    founded_on: date | None = None
    employees: float | None = Field(default=None, ge=0)
    owner_name: str | None = None
    owner_birth_date: date | None = None
    owner_country: str | None = None  # the owner's country of residence
    owner_customer_id: str | None = None  # the owner as a customer, when known
    owner_from: date | None = None
    owner_to: date | None = None  # None: still the owner


class Observation(_Record):
    """What someone saw or was told in person and wrote down: a labour inspector's note about a
    person met at a workplace, an outreach worker's or a police officer's interview note, a bank
    adviser's note of a meeting. The text is the observer's own words (quotes in the person's
    language included); the other fields are what was stated, which may be wrong or someone
    else's (a phone given may be the controller's)."""

    observation_id: str | None = None  # derived from the content when a source has none
    observed_at: datetime
    observer: str | None = None  # who wrote it: a name, a unit
    place: str | None = None  # the workplace or venue, as written
    place_address: str | None = None
    place_cvr: str | None = None  # the workplace's register number (CVR), as written
    person: str | None = None  # the person met, the name as given
    nationality: str | None = None  # as stated; context only, never a signal of its own
    phone: str | None = None  # the phone number the person gave
    address: str | None = None  # where the person says they live
    customer_id: str | None = None  # the person as a known customer, when the observer knows
    text: str | None = None  # the note
    outcome: str | None = None  # follow-up: advice given, referred to the police ...


RECORD_TYPES: dict[RecordKind, type[_Record]] = {
    RecordKind.AD: Ad,
    RecordKind.MESSAGE: Message,
    RecordKind.TRANSACTION: Transaction,
    RecordKind.CUSTOMER: Customer,
    RecordKind.DEVICE_EVENT: DeviceEvent,
    RecordKind.KYC_EVENT: KycEvent,
    RecordKind.COMPANY: Company,
    RecordKind.OBSERVATION: Observation,
}

# Table name in the store, and the field that identifies a record of that kind.
KIND_TABLES: dict[RecordKind, tuple[str, str]] = {
    RecordKind.AD: ("ads", "ad_id"),
    RecordKind.MESSAGE: ("messages", "message_id"),
    RecordKind.TRANSACTION: ("transactions", "txn_id"),
    RecordKind.CUSTOMER: ("customers", "customer_id"),
    RecordKind.DEVICE_EVENT: ("device_events", "event_id"),
    RecordKind.KYC_EVENT: ("kyc_events", "event_id"),
    RecordKind.COMPANY: ("companies", "entry_id"),
    RecordKind.OBSERVATION: ("observations", "observation_id"),
}


def derives_id(kind: RecordKind) -> bool:
    """Kinds whose sources often carry no id of their own: the id is derived from the content."""
    id_name = KIND_TABLES[kind][1]
    return not next(s for s in field_specs(kind) if s.name == id_name).required


# Canonical amounts that are per period: a source giving them per month or week declares its
# period in the descriptor (`units:`) and ingest converts (docs/data.md, "Units").
PERIODIC_FIELDS: dict[RecordKind, dict[str, str]] = {
    RecordKind.CUSTOMER: {"declared_income": "year"},
}


@dataclass(frozen=True)
class FieldSpec:
    """The shape of one canonical field, read from the pydantic model so nothing is listed twice.

    `base` is str, float, datetime or date; `many` marks tuple[str, ...] fields; `choices` holds
    the allowed values of a Literal field.
    """

    name: str
    base: type
    many: bool
    required: bool
    choices: tuple[str, ...] | None = None


@cache
def field_specs(kind: RecordKind) -> tuple[FieldSpec, ...]:
    """The canonical fields of a record kind, in model order."""
    specs = []
    for name, info in RECORD_TYPES[kind].model_fields.items():
        annotation: Any = info.annotation
        args = [a for a in get_args(annotation) if a is not type(None)]
        if get_origin(annotation) in (Union, UnionType) and len(args) == 1:
            annotation = args[0]  # X | None
        many = get_origin(annotation) is tuple
        choices: tuple[str, ...] | None = None
        if many:
            base: type = get_args(annotation)[0]
        elif get_origin(annotation) is Literal:
            choices = tuple(str(a) for a in get_args(annotation))
            base = str
        else:
            base = annotation
        specs.append(FieldSpec(name, base, many, info.is_required(), choices))
    return tuple(specs)
