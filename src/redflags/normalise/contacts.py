"""Contacts in free text: phones, messenger handles, e-mails and URLs, however they are written.

`find_contacts` is the one entry point. It reads each kind in turn, masking what the earlier
ones found so that nothing is read twice (the domain of an e-mail is no URL, the digits of a
wa.me link are no second phone):

1. e-mails (`emails`), also "anna at gmail dot com", "anna(at)gmail(dot)com";
2. links (`links`): URLs, profile links as handles, chat links as phones;
3. handles (`handles`): "telegram: anna", "snap: bella.cph", "OF: name", "@name";
4. phone numbers (`phones`), words, emoji and look-alike letters included.

Every contact keeps its span in the original text and whether it was only readable after
undoing obfuscation.
"""

from __future__ import annotations

from collections.abc import Collection
from functools import lru_cache, partial

from redflags.normalise.contact import Contact, ContactKind
from redflags.normalise.emails import emails_in
from redflags.normalise.handles import handles_in
from redflags.normalise.links import links_in
from redflags.normalise.phones import DEFAULT_REGION, find_phones

__all__ = ["KINDS", "Contact", "ContactKind", "clear_contact_cache", "find_contacts"]

KINDS: frozenset[str] = frozenset({"phone", "handle", "email", "url"})


def _mask(text: str, contacts: list[Contact]) -> str:
    """Blank out found spans (same length, so offsets stay) so later finders skip them."""
    pieces, last = [], 0
    for contact in sorted(contacts, key=lambda c: c.start):
        if contact.start >= last:
            pieces += [text[last : contact.start], "\x00" * (contact.end - contact.start)]
            last = contact.end
    return "".join(pieces) + text[last:]


# A scan reads the same ad text many times over (the linker, contact detectors, template
# masking, the report's redaction): the contacts of a text are kept, for texts up to
# CACHED_TEXT_CHARS long and for the last CACHED_TEXTS texts (about 1 KB each). Contacts are
# frozen, so a kept result is shared safely; each call gets a list of its own.
CACHED_TEXTS = 1 << 18
CACHED_TEXT_CHARS = 4_000


def find_contacts(
    text: str | None,
    region: str = DEFAULT_REGION,
    kinds: Collection[str] = KINDS,
    hints: bool = True,
) -> list[Contact]:
    """Every phone, handle, e-mail and URL in `text`, in text order, with spans into `text`.

    `region` is the country of numbers written without a country code; with `hints`, a number
    that does not read there is tried in the one country the text itself points to ("NYC",
    Romanian text, Thai script; see region_hints.py). `kinds` limits the
    result; the finders for e-mails, links and handles always run, since each masks what the
    next must not read."""
    if not text:
        return []
    if len(text) > CACHED_TEXT_CHARS:
        return list(_find(text, region, frozenset(kinds), hints))
    # all kinds are kept: the phone finder reads what the others leave, so the contacts of some
    # kinds are those of all kinds, filtered
    found = _cached(text, region, KINDS, hints)
    if kinds is KINDS or set(kinds) >= KINDS:
        return list(found)
    return [c for c in found if c.kind in kinds]


def clear_contact_cache() -> None:
    """Forget every kept result (the end of a scan: its texts are not read again)."""
    _cached.cache_clear()


def _find(text: str, region: str, kinds: frozenset[str], hints: bool) -> tuple[Contact, ...]:
    found: list[Contact] = []
    masked = text
    for finder in (emails_in, partial(links_in, region=region), handles_in):
        contacts = finder(masked)
        if contacts:
            found += contacts
            masked = _mask(masked, contacts)
    if "phone" in kinds:
        for phone in find_phones(masked, region, hints):
            raw = text[phone.start : phone.end]
            found.append(
                Contact("phone", phone.e164, phone.start, phone.end, phone.obfuscated, raw)
            )
    found = [c for c in found if c.kind in kinds]
    found.sort(key=lambda c: c.start)
    return tuple(found)


_cached = lru_cache(maxsize=CACHED_TEXTS)(_find)
