"""Phone numbers to E.164 with `phonenumbers` (Google's libphonenumber), Denmark by default."""

from __future__ import annotations

from dataclasses import dataclass

import phonenumbers
from phonenumbers import Leniency, PhoneNumberFormat, PhoneNumberMatcher

DEFAULT_REGION = "DK"


@dataclass(frozen=True)
class PhoneMatch:
    e164: str
    start: int
    end: int
    raw: str


def normalise_phone(value: str | None, region: str = DEFAULT_REGION) -> str | None:
    """E.164 form of a phone number written in any common way, or None if it is not valid."""
    if not value or not value.strip():
        return None
    try:
        number = phonenumbers.parse(value, region)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_valid_number(number):
        return None
    return phonenumbers.format_number(number, PhoneNumberFormat.E164)


def find_phones(text: str | None, region: str = DEFAULT_REGION) -> list[PhoneMatch]:
    """Every valid phone number in free text, with its character span."""
    if not text:
        return []
    return [
        PhoneMatch(
            e164=phonenumbers.format_number(match.number, PhoneNumberFormat.E164),
            start=match.start,
            end=match.end,
            raw=match.raw_string,
        )
        for match in PhoneNumberMatcher(text, region, leniency=Leniency.VALID)
    ]
