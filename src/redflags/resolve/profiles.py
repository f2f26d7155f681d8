"""Identity profiles: what one source says about one person.

- a KYC record (customers): full name, birth year, nationality, city, phone, e-mail, device;
- an ad persona (ads with the same persona name and the same contact): a given name or stage
  name, cities, contacts, photos;
- a messenger account (messages by one sender): a name read from the handle or e-mail, a year
  written in it, the sender's contact, and who the account talks to.

Resolution compares profiles, not records: sixty ads of one persona are one profile.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from redflags.engines import DuckDBEngine
from redflags.extract import identifiers_of
from redflags.normalise.identifiers import normalise_email, normalise_handle
from redflags.normalise.phones import DEFAULT_REGION, normalise_phone
from redflags.resolve.names import canonical, split_concatenated, tokens

_YEAR = re.compile(r"(?<!\d)(19[4-9]\d|20[0-2]\d|\d{2})(?!\d)")
_POSTCODE = re.compile(r"^\d{3,5}\s+")


@dataclass
class Profile:
    key: str  # 'customer:C1', 'ad:<persona>|<contact>', 'sender:<pivot>'
    source: str  # customer, ad, sender
    records: list[tuple[str, str, str]] = field(default_factory=list)  # (kind, id, field)
    names: tuple[str, ...] = ()
    given: str | None = None  # the given name when known (KYC first name, persona)
    name_kind: str = "none"  # full, given, none
    birth_year: int | None = None
    birth_date: date | None = None  # the full date, where a register gives it (KYC)
    year_hints: set[int] = field(default_factory=set)  # years written in a handle or e-mail
    cities: set[str] = field(default_factory=set)
    contacts: set[str] = field(default_factory=set)  # pivots: phone:+45.., email:.., handle:..
    images: set[str] = field(default_factory=set)
    devices: set[str] = field(default_factory=set)
    correspondents: set[str] = field(default_factory=set)
    nationality: str | None = None


def city_of_address(address: str | None) -> str | None:
    """'Storegade 72, 5. mf, 1050 København' -> 'kobenhavn' (the last comma part without its
    postcode)."""
    if not address:
        return None
    last = address.rsplit(",", 1)[-1].strip()
    last = _POSTCODE.sub("", last)
    folded = " ".join(tokens(last))
    return folded or None


def city_key(city: str | None) -> str | None:
    return " ".join(tokens(city)) or None


def _years(text: str, birth_floor: int = 1940) -> set[int]:
    years = set()
    for match in _YEAR.findall(text):
        value = int(match)
        if len(match) == 2:
            value += 1900 if value >= 40 else 2000
        if birth_floor <= value <= 2012:
            years.add(value)
    return years


def _contact_pivots(phone: Any, email: Any, handle: Any, region: str = DEFAULT_REGION) -> set[str]:
    found = set()
    if number := normalise_phone(phone, region, contact_field=True):
        found.add(f"phone:{number}")
    if address := normalise_email(email):
        found.add(f"email:{address}")
    if name := normalise_handle(handle):
        platform, _, bare = name.partition(":")
        if platform == "whatsapp" and bare.isdigit():
            if number := normalise_phone("+" + bare, region):
                found.add(f"phone:{number}")
        else:
            found.add(f"handle:{bare or name}")
    return found


def customer_profiles(
    rows: Iterable[Mapping[str, Any]], region: str = DEFAULT_REGION
) -> list[Profile]:
    profiles = []
    for row in rows:
        first, last = row.get("first_name"), row.get("last_name")
        names = tokens(first, last)
        given_tokens = tokens(first)
        birth = row.get("birth_date")
        profile = Profile(
            key=f"customer:{row['customer_id']}",
            source="customer",
            records=[("customer", str(row["customer_id"]), "first_name")],
            names=names,
            given=canonical(given_tokens[0]) if given_tokens else None,
            name_kind="full" if len(names) >= 2 else ("given" if names else "none"),
            birth_year=birth.year if birth else None,
            birth_date=birth,
            nationality=row.get("nationality"),
            contacts=_contact_pivots(row.get("phone"), row.get("email"), None, region),
        )
        if city := city_of_address(row.get("address")):
            profile.cities.add(city)
        if row.get("device_id"):
            profile.devices.add(str(row["device_id"]))
        profiles.append(profile)
    return profiles


def ad_profiles(rows: Iterable[Mapping[str, Any]], region: str = DEFAULT_REGION) -> list[Profile]:
    """Ads grouped by (persona, contacts); ads with neither persona nor contact are left out."""
    by_key: dict[str, Profile] = {}
    for row in rows:
        persona = tokens(row.get("persona"))
        contacts = _contact_pivots(row.get("phone"), row.get("email"), row.get("handle"), region)
        if not persona and not contacts:
            continue
        key = f"ad:{' '.join(persona)}|{','.join(sorted(contacts))}"
        profile = by_key.get(key)
        if profile is None:
            profile = by_key[key] = Profile(
                key=key,
                source="ad",
                names=persona,
                given=canonical(persona[0]) if persona else None,
                name_kind="full" if len(persona) >= 2 else ("given" if persona else "none"),
                contacts=contacts,
            )
        profile.records.append(("ad", str(row["ad_id"]), "persona"))
        if city := city_key(row.get("city")):
            profile.cities.add(city)
        profile.images.update(str(r) for r in row.get("image_refs") or ())
    return list(by_key.values())


def _sender_name(
    pivot: str, given: frozenset[str], surnames: frozenset[str]
) -> tuple[tuple[str, ...], set[int]]:
    """Name tokens and years read from a handle or an e-mail's local part."""
    kind, _, value = pivot.partition(":")
    if kind == "phone":
        return (), set()
    local = value.split("@", 1)[0] if kind == "email" else value
    years = _years(local)
    parts = tokens(local)
    if len(parts) == 1:
        parts = split_concatenated(parts[0], given, surnames)
    return tuple(p for p in parts if p not in ("the", "real", "official", "xx")), years


def sender_profiles(
    rows: Iterable[Mapping[str, Any]],
    given: frozenset[str] = frozenset(),
    surnames: frozenset[str] = frozenset(),
    region: str = DEFAULT_REGION,
) -> list[Profile]:
    """One profile per distinct sender (as the linker sees it: a handle without its platform);
    rows are distinct (sender, platform, recipient) with their message ids."""
    by_pivot: dict[str, Profile] = {}
    pivot_cache: dict[tuple[str, str | None], str | None] = {}
    for row in rows:
        cache_key = (row["sender"], row.get("platform"))
        if cache_key not in pivot_cache:
            found = [
                i.pivot
                for i in identifiers_of(
                    "message",
                    {"message_id": "-", "sender": row["sender"], "platform": row.get("platform")},
                    region,
                )
                if i.field == "sender"
            ]
            pivot_cache[cache_key] = found[0] if found else None
        pivot = pivot_cache[cache_key]
        if pivot is None:
            continue
        profile = by_pivot.get(pivot)
        if profile is None:
            names, years = _sender_name(pivot, given, surnames)
            profile = by_pivot[pivot] = Profile(
                key=f"sender:{pivot}",
                source="sender",
                names=names,
                given=canonical(names[0]) if names and len(names[0]) > 1 else None,
                name_kind="full" if len(names) >= 2 else ("given" if names else "none"),
                year_hints=years,
                contacts={pivot},
            )
        profile.records.extend(("message", str(m), "sender") for m in row["message_ids"])
        if pivots := _contact_pivots(*_recipient_fields(row.get("recipient")), region):
            profile.correspondents.update(pivots)
    return list(by_pivot.values())


def _recipient_fields(recipient: Any) -> tuple[Any, Any, Any]:
    """A recipient as (phone, e-mail, handle) for `_contact_pivots`."""
    text = str(recipient or "").strip()
    if not text:
        return None, None, None
    if text.startswith("+") or text.replace(" ", "").isdigit():
        return text, None, None
    if "@" in text[1:]:
        return None, text, None
    return None, None, text


def load_profiles(engine: DuckDBEngine, region: str = DEFAULT_REGION) -> list[Profile]:
    """Every profile in the store: KYC records, ad personas, message senders; phones read in
    the run's `region`."""
    customers = engine.query(
        "SELECT customer_id, first_name, last_name, birth_date, nationality, phone, email, "
        "address, device_id FROM customers ORDER BY customer_id"
    )
    profiles = customer_profiles(customers, region)
    given = frozenset(p.names[0] for p in profiles if p.names and len(p.names[0]) > 2)
    surnames = frozenset(p.names[-1] for p in profiles if len(p.names) >= 2)
    ads = engine.query(
        "SELECT ad_id, persona, phone, email, handle, city, image_refs FROM ads ORDER BY ad_id"
    )
    profiles.extend(ad_profiles(ads, region))
    given = given | frozenset(p.names[0] for p in profiles if p.source == "ad" and p.names)
    senders = engine.query(
        "SELECT sender, platform, recipient, list(message_id ORDER BY message_id) AS message_ids "
        "FROM messages GROUP BY ALL ORDER BY sender, platform, recipient"
    )
    profiles.extend(sender_profiles(senders, given, surnames, region))
    return profiles
