"""The words a page uses for the things a run knows by code: record kinds, identifier kinds,
evidence fields, roles and the lexicon concepts that evidence points at, in English and Danish,
singular and plural. A page never shows `device_event` or `third_feminine`; it shows "device
events" / "enhedshændelser" and "she/her forms" / "hun/hende-former"."""

from __future__ import annotations

from functools import cache
from importlib import resources

from redflags.catalogue.lexicons import load_lexicon
from redflags.report.formats import Formats

Forms = tuple[str, str]  # singular, plural

RECORD_KINDS: dict[str, dict[str, Forms]] = {
    "en": {
        "ad": ("ad", "ads"),
        "message": ("message", "messages"),
        "transaction": ("transaction", "transactions"),
        "customer": ("customer", "customers"),
        "device_event": ("device event", "device events"),
        "kyc_event": ("KYC case entry", "KYC case entries"),
        "company": ("company", "companies"),
        "observation": ("field note", "field notes"),
    },
    "da": {
        "ad": ("annonce", "annoncer"),
        "message": ("besked", "beskeder"),
        "transaction": ("transaktion", "transaktioner"),
        "customer": ("kunde", "kunder"),
        "device_event": ("enhedshændelse", "enhedshændelser"),
        "kyc_event": ("KYC-sagspost", "KYC-sagsposter"),
        "company": ("virksomhed", "virksomheder"),
        "observation": ("feltnotat", "feltnotater"),
    },
}

IDENTIFIER_KINDS: dict[str, dict[str, Forms]] = {
    "en": {
        "account": ("account", "accounts"),
        "address": ("address", "addresses"),
        "customer": ("customer", "customers"),
        "device": ("device", "devices"),
        "email": ("e-mail", "e-mails"),
        "handle": ("handle", "handles"),
        "phone": ("phone", "phones"),
        "ip": ("IP address", "IP addresses"),
        "persona": ("persona", "personas"),
        "person": ("person", "persons"),
        "name": ("name", "names"),
        "url": ("web address", "web addresses"),
        "image": ("image", "images"),
        "card": ("card", "cards"),
        "company": ("company", "companies"),
    },
    "da": {
        "account": ("konto", "konti"),
        "address": ("adresse", "adresser"),
        "customer": ("kunde", "kunder"),
        "device": ("enhed", "enheder"),
        "email": ("e-mail", "e-mails"),
        "handle": ("brugernavn", "brugernavne"),
        "phone": ("telefon", "telefoner"),
        "ip": ("IP-adresse", "IP-adresser"),
        "persona": ("persona", "personaer"),
        "person": ("person", "personer"),
        "name": ("navn", "navne"),
        "url": ("webadresse", "webadresser"),
        "image": ("billede", "billeder"),
        "card": ("kort", "kort"),
        "company": ("virksomhed", "virksomheder"),
    },
}

ROLES: dict[str, dict[str, Forms]] = {
    "en": {
        "organiser": ("organiser", "organisers"),
        "recruiter": ("recruiter", "recruiters"),
        "worker": ("worker", "workers"),
        "buyer": ("buyer", "buyers"),
    },
    "da": {
        "organiser": ("organisator", "organisatorer"),
        "recruiter": ("rekrutterer", "rekrutterere"),
        "worker": ("arbejder", "arbejdere"),
        "buyer": ("køber", "købere"),
    },
}

FIELDS: dict[str, dict[str, str]] = {
    "en": {
        "title": "title",
        "body": "text",
        "text": "text",
        "phone": "phone",
        "email": "e-mail",
        "price": "price",
        "languages": "languages",
        "event": "event",
        "image_refs": "images",
        "memo": "payment note",
        "city": "city",
        "persona": "persona",
        "amount": "amount",
    },
    "da": {
        "title": "titel",
        "body": "tekst",
        "text": "tekst",
        "phone": "telefon",
        "email": "e-mail",
        "price": "pris",
        "languages": "sprog",
        "event": "hændelse",
        "image_refs": "billeder",
        "memo": "betalingstekst",
        "city": "by",
        "persona": "persona",
        "amount": "beløb",
    },
}

EVENTS: dict[str, dict[str, str]] = {
    "en": {
        "first_ad": "first ad",
        "first_recruitment": "first recruitment message",
        "payment_burst": "burst of payments",
        "removal": "removals",
        "finding": "finding",
    },
    "da": {
        "first_ad": "første annonce",
        "first_recruitment": "første rekrutteringsbesked",
        "payment_burst": "mange betalinger på kort tid",
        "removal": "sletninger",
        "finding": "fund",
    },
}


def event_name(lang: str, event: str) -> str:
    return EVENTS.get(lang, EVENTS["en"]).get(event, event.replace("_", " "))


def _forms(table: dict[str, dict[str, Forms]], lang: str, code: str) -> Forms:
    words = table.get(lang, table["en"]).get(code)
    if words is None:
        plain = code.replace("_", " ")
        return plain, plain
    return words


def record_kind(lang: str, kind: str, count: int = 1) -> str:
    return Formats(lang).plural(count, *_forms(RECORD_KINDS, lang, kind))


def identifier_kind(lang: str, kind: str, count: int = 1) -> str:
    return Formats(lang).plural(count, *_forms(IDENTIFIER_KINDS, lang, kind))


def role_name(lang: str, role: str, count: int = 1) -> str:
    return Formats(lang).plural(count, *_forms(ROLES, lang, role))


def counted(lang: str, count: int, forms: Forms) -> str:
    """'1 ad', '90 ads', '90 annoncer'."""
    f = Formats(lang)
    return f"{f.integer(count)} {f.plural(count, *forms)}"


def counted_records(lang: str, kind: str, count: int) -> str:
    return counted(lang, count, _forms(RECORD_KINDS, lang, kind))


def counted_identifiers(lang: str, kind: str, count: int) -> str:
    return counted(lang, count, _forms(IDENTIFIER_KINDS, lang, kind))


def counted_roles(lang: str, role: str, count: int) -> str:
    return counted(lang, count, _forms(ROLES, lang, role))


def field_name(lang: str, field: str | None) -> str:
    if not field:
        return ""
    return FIELDS.get(lang, FIELDS["en"]).get(field, field.replace("_", " "))


@cache
def _concept_labels() -> dict[str, dict[str, str]]:
    """Every lexicon concept's short label per language, by concept id (the first lexicon that
    names a concept wins; a concept without a label reads as its id's words)."""
    folder = resources.files("redflags.catalogue") / "lexicons"
    labels: dict[str, dict[str, str]] = {}
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if not entry.name.endswith(".yaml"):
            continue
        lexicon = load_lexicon(entry.name.removesuffix(".yaml"))
        for concept_id, concept in lexicon.concepts.items():
            labels.setdefault(concept_id, dict(concept.label))
    return labels


def concept_label(lang: str, concept: str) -> str | None:
    """The words for a lexicon concept ('third_feminine' -> 'she/her forms'), or None when
    `concept` is not a concept id (then the value is data, shown as it is)."""
    labels = _concept_labels().get(concept)
    if labels is None:
        return None
    return labels.get(lang) or labels.get("en") or concept.replace("_", " ")


def pivot_label(pivot: str) -> str:
    """A (redacted) pivot with one kind prefix: 'account:account#9f…' -> 'account#9f…';
    'phone:+4512345678' (revealed) stays as it is."""
    kind, sep, value = pivot.partition(":")
    if sep and value.startswith(kind + "#"):
        return value
    return pivot
