"""What every typology builds with: a ledger that emits records with their ground truth, local
clock times, people and accounts, payments, chats, ads and device events.

Positives and hard negatives go through these same helpers, so ids, names, e-mails, amounts,
timestamps and field formats come from one machinery and tell nothing about truth (the no-leak
requirement). A field is filled by the same rule for everyone (e.g. a card payment always has a
city, a P2P payment never has one); only behaviour differs between typologies.
"""

from __future__ import annotations

import random
import weakref
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta
from typing import Any

from redflags.normalise.phones import normalise_phone
from redflags_synth.world import text
from redflags_synth.world.context import FOREIGN_PHONES, Role, WorldContext
from redflags_synth.world.pools import Person
from redflags_synth.world.residence import draw_residence
from redflags_synth.world.typologies import fields
from redflags_synth.world.typologies.ledger import Ledger as Ledger  # typologies use kit.Ledger
from redflags_synth.world.typologies.truth.ads import AdFacts
from redflags_synth.world.typologies.truth.common import CPH

# Local clock-time ranges in hours (an end past 24 runs into the next morning).
EVENING_NIGHT = (18.0, 29.5)
AFTERNOON = (12.0, 18.0)
DAYTIME = (8.0, 17.0)
OFFICE = (9.0, 16.0)
WAKING = (7.0, 23.0)


# -- time ------------------------------------------------------------------------------------------


_HOUR_US = 3_600_000_000


def clock(ctx: WorldContext, rng: random.Random, day: int, hours: tuple[float, float]) -> datetime:
    """A UTC instant on world day `day` at a uniform Copenhagen clock time within `hours`, in
    microseconds as the background draws them (a coarser grid would be a tell). Days before the
    world (onboarding, recruitment) are fine; days after its end are pulled back to the last."""
    day = min(day, ctx.days - 1)
    micros = int(rng.uniform(*hours) * _HOUR_US)
    local_day = ctx.start.astimezone(CPH).date() + timedelta(days=day)
    local = datetime.combine(local_day, time()) + timedelta(microseconds=micros)
    return local.replace(tzinfo=CPH).astimezone(UTC)


def later(rng: random.Random, ts: datetime, low_hours: float, high_hours: float) -> datetime:
    return ts + timedelta(microseconds=int(rng.uniform(low_hours, high_hours) * _HOUR_US))


# -- pools -----------------------------------------------------------------------------------------


def sites(category: str) -> list[str]:
    return list(text.load("common")["sites"][category])


def stage_name(rng: random.Random, taken: Iterable[str] = (), language: str = "da") -> str:
    names = [n for n in fields.stage_names(language) if n not in set(taken)]
    return str(rng.choice(names))


def memo(rng: random.Random, kind: str, **slots: Any) -> str | None:
    """A payment note: 'friends' and 'wage' as the background writes them, the rest from
    everyday.yaml (notes of situations the background does not have)."""
    if kind == "friends":
        return fields.p2p_memo(rng)
    if kind == "wage":
        return fields.salary_memo(rng)
    value = str(rng.choice(text.load("everyday")["memos"][kind])).format(**slots).strip()
    return value or None


MONTHS_DA = [
    "januar",
    "februar",
    "marts",
    "april",
    "maj",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "december",
]


def month_da(ts: datetime) -> str:
    return MONTHS_DA[ts.astimezone(CPH).month - 1]


# Nationalities of ordinary residents and visitors in Denmark (buyers, members, guests, ...).
RESIDENTS = ["DK"] * 17 + ["PL", "DE", "SE", "RO", "LT", "GB", "UA"]


def resident_nationality(rng: random.Random) -> str:
    return rng.choice(RESIDENTS)


_LANGUAGE = {"DK": "da", "SE": "sv", "DE": "de", "PL": "pl", "RO": "ro", "BG": "bg", "UA": "uk",
             "RU": "ru", "TH": "th", "LT": "lt", "VN": "vi"}  # fmt: skip


def spoken(nationality: str, language: str | None = None) -> list[str]:
    """An ad's `languages`, as the background lists them: the person's language and English."""
    own = language or _LANGUAGE.get(nationality, "en")
    return [own] if own == "en" else [own, "en"]


# -- identifiers -----------------------------------------------------------------------------------


def phone(ctx: WorldContext, country: str = "DK") -> str:
    """A new phone number that libphonenumber accepts (ctx.new_phone draws some in unassigned
    Danish ranges; an invalid number would be invisible to extraction)."""
    while True:
        number = ctx.new_phone(country)
        if normalise_phone(number):
            return number


def personal_phone(
    ctx: WorldContext, rng: random.Random, nationality: str, keep_share: float = 0.3
) -> str:
    """A resident's phone: Danish, or (for some newcomers) still the number from home."""
    keep = nationality in FOREIGN_PHONES and rng.random() < keep_share
    return phone(ctx, nationality if keep else "DK")


def ip(rng: random.Random, country: str = "DK") -> str:
    return fields.ip(rng, country)


# -- people and accounts ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Party:
    """Someone who chats, by every identity they have."""

    phone: str | None = None
    handle: str | None = None
    email: str | None = None

    def on(self, platform: str) -> str:
        """How they show up as a sender on `platform`, as in the background: @handle on
        Telegram, the user name on Messenger and Instagram, the address in e-mail, else the
        phone."""
        if platform == "telegram" and self.handle:
            return f"@{self.handle}"
        if platform in ("messenger", "instagram", "facebook") and self.handle:
            return self.handle
        if platform == "email" and self.email:
            return self.email
        return self.phone or self.handle or self.email or ""


@dataclass
class Holder:
    """An account holder: a person with an account, and a KYC record if a customer here."""

    account: str
    person: Person
    phone: str | None
    device: str
    handle: str
    record: dict[str, Any] | None = None

    @property
    def party(self) -> Party:
        email = self.record["email"] if self.record else None
        return Party(phone=self.phone, handle=self.handle, email=email)


def customer(
    ctx: WorldContext,
    ledger: Ledger,
    rng: random.Random,
    person: Person,
    *,
    onboarded_at: datetime,
    phone_number: str | None,
    address: str | None,
    device: str | None = None,
    email: str | None = "",
    job: str | None = None,
    segment: str = "private",
    indicators: Iterable[str] = (),
    recent_arrival: bool = False,
) -> dict[str, Any]:
    """A KYC record (canonical fields) with a new customer id and account. `job` names an
    occupation (or, for a business, its trade) from the background's list; None draws one by
    age. E-mail '' draws one, None leaves it out. Residence and language of correspondence come
    from the background's own draw (residence.py) on a stream of the customer's own, so no
    other draw moves; `recent_arrival` makes the arrival a recent one."""
    age = ctx.start.year - person.birth_date.year
    occupation, income = fields.occupation(rng, age, job)
    customer_id = ctx.new_id("customer")
    resident_since, language = draw_residence(
        ctx.rng("residence", customer_id),
        person.nationality,
        person.birth_date,
        onboarded_at.date(),
        recent=recent_arrival,
    )
    record = {
        "customer_id": customer_id,
        "account_id": ctx.new_id("account"),
        "first_name": person.first_name,
        "last_name": person.last_name,
        "birth_date": person.birth_date,
        "nationality": person.nationality,
        "phone": phone_number,
        "email": fields.email(ctx, rng, person) if email == "" else email,
        "address": address,
        "onboarded_at": onboarded_at,
        "device_id": device or ctx.new_device(),
        "occupation": occupation,
        "declared_income": income,
        "segment": segment,
        "resident_since": resident_since,
        "language": language,
    }
    return ledger.add("customer", record, indicators)


def holder(
    ctx: WorldContext,
    ledger: Ledger,
    rng: random.Random,
    *,
    nationality: str,
    sex: str | None,
    age: tuple[int, int],
    at_bank: bool,
    role: Role,
    job: str | None = None,
    town_address: str | None = None,
) -> Holder:
    """An ordinary person with an account; a customer here (KYC record, onboarded years ago) or
    at another bank (an account number only). Buyers, members, tenants and guests are made so."""
    person = ctx.person(rng, nationality, sex, age)
    number = personal_phone(ctx, rng, nationality)
    device = ctx.new_device()
    record = None
    if at_bank:
        record = customer(
            ctx,
            ledger,
            rng,
            person,
            onboarded_at=clock(ctx, rng, -rng.randrange(60, 4000), OFFICE),
            phone_number=number,
            address=town_address or ctx.address(rng),
            device=device,
            email="" if rng.random() < 0.94 else None,
            job=job,
        )
        account = record["account_id"]
        ledger.member("customer", record["customer_id"], role)
    else:
        account = ctx.new_id("account")
    ledger.member("account", account, role)
    handle = fields.handle(ctx, rng, person.first_name, person.last_name)
    return Holder(account, person, number, device, handle, record)


# -- payments --------------------------------------------------------------------------------------

_merchant_accounts: weakref.WeakKeyDictionary[WorldContext, dict[str, str]] = (
    weakref.WeakKeyDictionary()
)


def merchant_account(ctx: WorldContext, name: str) -> str:
    """One account per merchant name in a world."""
    accounts = _merchant_accounts.setdefault(ctx, {})
    if name not in accounts:
        accounts[name] = ctx.new_id("account")
    return accounts[name]


def pay(
    ctx: WorldContext,
    ledger: Ledger,
    *,
    ts: datetime,
    payer: str,
    payee: str,
    amount: float,
    channel: str,
    memo_text: str | None = None,
    merchant: str | None = None,
    category: str | None = None,
    city: str | None = None,
    country: str | None = None,
    indicators: Iterable[str] = (),
) -> dict[str, Any]:
    """A transaction. Card and ATM rows carry where they happened; account-to-account rows
    (p2p, transfer) carry no place, for everyone alike, except that a transfer abroad carries
    the beneficiary's country when the caller names it (as banks record cross-border
    payments)."""
    placed = channel in ("card", "atm", "cash")
    record = {
        "txn_id": ctx.new_id("txn"),
        "ts": ts,
        "payer": payer,
        "payee": payee,
        "amount": round(float(amount), 2),
        "currency": "DKK",
        "channel": channel,
        "merchant": merchant,
        "merchant_category": category,
        "memo": memo_text,
        "city": city if placed else None,
        "country": (country or "DK") if placed else country,
    }
    return ledger.add("transaction", record, indicators)


def everyday_spending(
    ctx: WorldContext,
    ledger: Ledger,
    rng: random.Random,
    account: str,
    city: str,
    days: tuple[int, int],
    per_week: float,
    paid: bool = True,
) -> None:
    """Card payments for groceries, transport and the like, at the background's merchants.
    With `paid` false the same draws are made and nothing is paid (someone else buys her food),
    so the caller's random stream stays as it was."""
    for day in range(*days):
        if rng.random() >= per_week / 7:
            continue
        name, category, amount = fields.card_purchase(rng, city)
        ts = clock(ctx, rng, day, WAKING)
        if not paid:
            continue
        pay(
            ctx,
            ledger,
            ts=ts,
            payer=account,
            payee=merchant_account(ctx, name),
            amount=amount,
            channel="card",
            merchant=name,
            category=category,
            city=city,
        )


# -- messages, ads, device events ------------------------------------------------------------------


class Thread:
    """A chat on one platform; its thread id is the id of its first message (as in the
    background)."""

    def __init__(self, ctx: WorldContext, ledger: Ledger, platform: str) -> None:
        self.ctx, self.ledger, self.platform = ctx, ledger, platform
        self.thread_id: str | None = None

    def say(
        self,
        sender: str | Party,
        recipient: str | Party,
        ts: datetime,
        body: str | text.Text,
        indicators: Iterable[str] = (),
        platform: str | None = None,
    ) -> dict[str, Any]:
        message_id = self.ctx.new_id("message")
        self.thread_id = self.thread_id or message_id
        on = platform or self.platform
        flags = set(indicators)
        if isinstance(body, text.Text):
            flags |= body.indicators
            body = body.body
        record = {
            "message_id": message_id,
            "thread_id": self.thread_id,
            "sender": _as(sender, on),
            "recipient": _as(recipient, on),
            "sent_at": ts,
            "platform": on,
            "text": body,
        }
        return self.ledger.add("message", record, flags)


def as_shown(who: str | Party, platform: str) -> str:
    """How an account appears on `platform` (its messages and its login log alike)."""
    return _as(who, platform)


def _as(who: str | Party, platform: str) -> str:
    """A sender or recipient as shown on the platform (a bare handle gets Telegram's @)."""
    if isinstance(who, Party):
        return who.on(platform)
    bare = not who.startswith(("+", "@")) and "@" not in who
    return f"@{who}" if platform == "telegram" and bare else who


def ad(
    ctx: WorldContext,
    ledger: Ledger,
    *,
    posted_at: datetime,
    site: str,
    written: text.Text,
    contact: str | None,
    city: str | None = None,
    persona: str | None = None,
    phone_number: str | None = None,
    email: str | None = None,
    handle: str | None = None,
    price: float | None = None,
    images: Iterable[str] = (),
    languages: Iterable[str] = (),
    indicators: Iterable[str] = (),
) -> dict[str, Any]:
    """An ad with its facts for the cross-ad rules. `contact` is the true contact key
    ('phone:+45...' or 'handle:name'), also when the text only shows it obscured."""
    refs = list(images)
    ad_id = ctx.new_id("ad")
    record: dict[str, Any] = {
        "ad_id": ad_id,
        "posted_at": posted_at,
        "site": site,
        "city": city,
        "persona": persona,
        "title": written.title,
        "body": written.body,
        "phone": phone_number,
        "email": email,
        "handle": handle,
        "price": price,
        "currency": "DKK" if price is not None else None,
        "image_refs": refs,
        "languages": list(languages),
    }
    ledger.add("ad", record, set(indicators) | written.indicators)
    bases = tuple(ledger.images.base_of[r] for r in refs) if ledger.images else ()
    ledger.ad_facts(
        record,
        AdFacts(
            ad_id=ad_id,
            posted_at=posted_at,
            persona=persona,
            city=city,
            contacts=_contacts(contact, phone_number, email),
            image_bases=bases,
            template=written.template,
        ),
    )
    return record


def _contacts(contact: str | None, phone: str | None, email: str | None) -> tuple[str, ...]:
    keys = (contact, phone and f"phone:{phone}", email and f"email:{email}")
    return tuple(dict.fromkeys(k for k in keys if k))


def register_images(ledger: Ledger, refs: Iterable[str], role: Role) -> None:
    """Images as truth entities, each with the key of the scene it shows (`image_base`), so that
    variants of one photo can be told from unrelated photos."""
    assert ledger.images is not None
    for ref in refs:
        ledger.member("image", ref, role)
        # ctx.member has no field for the base; it is added to the entity just recorded.
        ledger.ctx.truth.entities[-1]["image_base"] = ledger.images.base_of[ref]


def device_event(
    ctx: WorldContext,
    ledger: Ledger,
    *,
    account: str,
    device: str,
    ts: datetime,
    ip_address: str,
    country: str,
    event: str = "login",
    indicators: Iterable[str] = (),
) -> dict[str, Any]:
    record = {
        "event_id": ctx.new_id("event"),
        "account": account,
        "device_id": device,
        "ip": ip_address,
        "ts": ts,
        "event": event,
        "country": country,
    }
    return ledger.add("device_event", record, indicators)


def logins(
    ctx: WorldContext,
    ledger: Ledger,
    rng: random.Random,
    account: str,
    device: str,
    days: tuple[int, int],
    per_week: float,
    indicators: Iterable[str] = (),
    country: str = "DK",
) -> None:
    """A holder's own use of the bank's app: from the home line or a mobile network."""
    home_ip = fields.ip(rng, country, mobile=False)
    for day in range(*days):
        if rng.random() < per_week / 7:
            device_event(
                ctx,
                ledger,
                account=account,
                device=device,
                ts=clock(ctx, rng, day, WAKING),
                ip_address=home_ip if rng.random() < 0.55 else fields.ip(rng, country, True),
                country=country,
                event=fields.app_event(rng),
                indicators=indicators,
            )
