"""Where synthetic people and places come from: names by nationality (Faker, drawn once into
seeded pools and transliterated to Latin letters as a Danish bank would record them) and Danish
municipalities weighted by population (a data file)."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib import resources

import yaml
from anyascii import anyascii
from faker import Faker

LOCALES = {
    "DK": "da_DK",
    "RO": "ro_RO",
    "BG": "bg_BG",
    "UA": "uk_UA",
    "RU": "ru_RU",
    "TH": "th_TH",
    "PL": "pl_PL",
    "GB": "en_GB",
    "DE": "de_DE",
    "SE": "sv_SE",
    "NG": "en_GB",
    "VN": "vi_VN",
    "PH": "en_PH",
    "LT": "lt_LT",
    # Further origins of Denmark's immigrants. Arabic- and Persian-script pools transliterate
    # poorly, so those origins draw from en_PK's romanised names, as a bank would record them.
    "TR": "tr_TR",
    "SY": "en_PK",
    "IQ": "en_PK",
    "LB": "en_PK",
    "IR": "en_PK",
    "AF": "en_PK",
    "PK": "en_PK",
    "SO": "en_PK",
    "BA": "hr_HR",
    "NO": "no_NO",
    "IN": "en_IN",
    "CN": "zh_CN",
    "IS": "is_IS",
}
POOL_SIZE = 400


@dataclass(frozen=True)
class Person:
    first_name: str  # Latin letters, as on a Danish KYC record
    last_name: str
    native_first: str  # as written in the person's own script
    native_last: str
    nationality: str
    sex: str
    birth_date: date


@cache
def _pool(nationality: str, sex: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    fake = Faker(LOCALES.get(nationality, "en_GB"))
    fake.seed_instance(f"{nationality}:{sex}")
    first = fake.first_name_female if sex == "F" else fake.first_name_male
    last_female = getattr(fake, "last_name_female", fake.last_name)
    last_male = getattr(fake, "last_name_male", fake.last_name)
    last = last_female if sex == "F" else last_male
    firsts = tuple(dict.fromkeys(first() for _ in range(POOL_SIZE)))
    lasts = tuple(dict.fromkeys(last() for _ in range(POOL_SIZE)))
    return firsts, lasts


def person(rng: random.Random, nationality: str, sex: str, birth_year: int) -> Person:
    firsts, lasts = _pool(nationality, sex)
    first, last = rng.choice(firsts), rng.choice(lasts)
    return Person(
        first_name=anyascii(first),
        last_name=anyascii(last),
        native_first=first,
        native_last=last,
        nationality=nationality,
        sex=sex,
        birth_date=date(birth_year, rng.randrange(1, 13), rng.randrange(1, 29)),
    )


@dataclass(frozen=True)
class Municipality:
    name: str
    postcode: int
    population: int


@cache
def municipalities() -> tuple[Municipality, ...]:
    path = resources.files("redflags_synth.world") / "data" / "municipalities.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return tuple(Municipality(**m) for m in data["municipalities"])


STREETS = (
    "Vestergade",
    "Østergade",
    "Nørregade",
    "Søndergade",
    "Skolevej",
    "Kirkevej",
    "Birkevej",
    "Egevej",
    "Lindevej",
    "Bakkevej",
    "Engvej",
    "Parkvej",
    "Møllevej",
    "Stationsvej",
    "Industrivej",
    "Havnegade",
    "Strandvejen",
    "Ringvejen",
    "Åboulevarden",
    "Jernbanegade",
    "Algade",
    "Torvet",
    "Bredgade",
    "Fasanvej",
    "Rosenvænget",
)


def city(rng: random.Random) -> Municipality:
    towns = municipalities()
    return rng.choices(towns, weights=[m.population for m in towns])[0]


def address(rng: random.Random, town: Municipality | None = None) -> str:
    town = town or city(rng)
    return f"{rng.choice(STREETS)} {rng.randrange(1, 160)}, {town.postcode} {town.name}"
