"""Normal forms of handles, e-mails, names and addresses, so equal things compare equal."""

from __future__ import annotations

import re

from redflags.normalise.contacts import find_contacts
from redflags.normalise.handles import parse_handle
from redflags.normalise.text import fold


def normalise_handle(value: str | None, platform: str | None = None) -> str | None:
    """'@Nordlys_Jobs', 't.me/nordlys_jobs', 'telegram: nordlys_jobs' -> 'telegram:nordlys_jobs'."""
    return parse_handle(value, platform)


def find_handles(text: str | None) -> list[tuple[str, int, int]]:
    """Messenger handles in free text as (normalised handle, start, end)."""
    return [(c.value, c.start, c.end) for c in find_contacts(text, kinds={"handle"})]


def find_emails(text: str | None) -> list[tuple[str, int, int]]:
    """E-mail addresses in free text, also written 'name at host dot com'."""
    return [(c.value, c.start, c.end) for c in find_contacts(text, kinds={"email"})]


def normalise_email(value: str | None) -> str | None:
    if not value or "@" not in value:
        return None
    return value.strip().lower()


def normalise_name(value: str | None) -> str | None:
    """Folded name for comparison: 'Ionescu ' and 'IONESCU' are the same surname."""
    if not value or not value.strip():
        return None
    return " ".join(fold(value).split())


_ADDRESS_NOISE = re.compile(r"[^\w\s]")


def normalise_address(value: str | None) -> str | None:
    """Folded, punctuation-free, single-spaced address ('Industrivej 12,  7400 Herning')."""
    if not value or not value.strip():
        return None
    return " ".join(_ADDRESS_NOISE.sub(" ", fold(value)).split())
