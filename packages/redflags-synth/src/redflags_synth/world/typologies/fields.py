"""Field values drawn the way the background draws them: the same data files (population,
network, merchants, texts under redflags_synth/world/data/) and the same styles of e-mail, handle,
occupation, income, IP address, app event and card purchase. A typology's record then cannot be
told from a background record by how a field looks, only by what happens (the no-leak rule).

E-mails and handles are kept unique per world, as the background keeps its own: two strangers
sharing one by chance would link them, or look like KYC-SHARED-IDENTIFIERS.
"""

from __future__ import annotations

import math
import random
import weakref
from typing import Any

from anyascii import anyascii

from redflags_synth.world.benign.data import load as world_data
from redflags_synth.world.context import WorldContext
from redflags_synth.world.pools import Person

_taken: weakref.WeakKeyDictionary[WorldContext, dict[str, set[str]]] = weakref.WeakKeyDictionary()


def _slug(value: str) -> str:
    return "".join(c for c in anyascii(value).lower() if c.isalnum())


def _unique(ctx: WorldContext, kind: str, value: str, rng: random.Random) -> str:
    """`value`, or with digits added before any '@' until no one in the world has it."""
    taken = _taken.setdefault(ctx, {}).setdefault(kind, set())
    candidate, extra = value, rng.randrange(2, 99)
    while candidate.lower() in taken:
        stem, at, domain = value.partition("@")
        candidate = f"{stem}{extra}{at}{domain}"
        extra = extra * 7 + 3
    taken.add(candidate.lower())
    return candidate


def _weighted(rng: random.Random, weights: dict[str, float]) -> str:
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def email(ctx: WorldContext, rng: random.Random, person: Person) -> str:
    """'mette.jensen@', 'mjensen@', 'mette84@' ... at a provider weighted as in Denmark."""
    data = world_data("population")
    domain = _weighted(rng, data["email_domains"])
    own = data["email_domains_by_origin"].get(person.nationality)
    if own and rng.random() < 0.5:
        domain = rng.choice(own)
    first, last = _slug(person.first_name), _slug(person.last_name)
    year = person.birth_date.year % 100
    stems = (f"{first}.{last}", f"{first}{last}", f"{first[:1]}{last}", f"{first}{year:02d}")
    stem = rng.choice([*stems, f"{first}.{last}{year:02d}"])
    return _unique(ctx, "email", f"{stem}@{domain}", rng)


def business_email(ctx: WorldContext, rng: random.Random, word: str, name: str) -> str:
    """A company's address: 'info@jensensrengoring.dk'."""
    return _unique(ctx, "email", f"{_slug(word)}@{_slug(name)}.dk", rng)


def handle(ctx: WorldContext, rng: random.Random, first: str, last: str) -> str:
    """A messenger handle: 'mette_jensen', 'mettej', 'mettejensen', 'jensenm'."""
    f, s = _slug(first) or "user", _slug(last) or "dk"
    return _unique(
        ctx, "handle", rng.choice([f"{f}_{s}", f"{f}{s[:1]}", f"{f}{s}", f"{s}{f[:1]}"]), rng
    )


# -- occupation and declared income -----------------------------------------------------------


def _income(rng: random.Random, median: float) -> float:
    return float(round(median * math.exp(rng.gauss(0, 0.25)), -3))


def occupation(rng: random.Random, age: int, name: str | None = None) -> tuple[str, float]:
    """(occupation, declared yearly income). `name` picks one from the background's list (or a
    business type for a business customer); otherwise it is drawn by age and weight."""
    data = world_data("population")
    table = {o[0]: float(o[2]) for o in data["occupations"]}
    table.update({b[0]: float(b[2]) for b in data["businesses"]})
    for key in ("student", "pensioner"):
        table[data[key][0]] = float(data[key][1])
    if name is None:
        if age >= 67:
            name = data["pensioner"][0]
        elif age < 25 and rng.random() < 0.55:
            name = data["student"][0]
        else:
            weights = {o[0]: float(o[1]) for o in data["occupations"]}
            name = _weighted(rng, weights)
    return name, _income(rng, table.get(name, 300_000.0))


# -- network ----------------------------------------------------------------------------------

# Providers abroad that network.yaml does not list (the background's people seldom travel there).
_MORE_ABROAD = {
    "UA": [[178, 150], [93, 74], [46, 211]],
    "NG": [[105, 112], [197, 210]],
    "LT": [[78, 56], [88, 119]],
    "KH": [[117, 20], [202, 56]],
    "MM": [[103, 25], [37, 111]],
    "LA": [[115, 84], [183, 182]],
    "VN": [[113, 160], [14, 161]],
    "PH": [[112, 198], [49, 145]],
    "RU": [[95, 24], [178, 176]],
}


def ip(rng: random.Random, country: str = "DK", mobile: bool | None = None) -> str:
    """An IPv4 address of a Danish fixed or mobile line, or of a provider in `country`."""
    data = world_data("network")
    if country == "DK":
        mobile = rng.random() < 0.45 if mobile is None else mobile
        prefixes = data["danish_mobile"] if mobile else data["danish_fixed"]
    else:
        known = data["abroad"].get(country) or _MORE_ABROAD.get(country)
        prefixes = known or data["abroad"]["DE"]
    a, b = rng.choice(prefixes)
    return f"{a}.{b}.{rng.randrange(256)}.{rng.randrange(256)}"


def app_event(rng: random.Random) -> str:
    """What a customer does in the bank's app, with the background's shares."""
    return _weighted(rng, world_data("network")["events"])


# -- card purchases and memos -----------------------------------------------------------------


def card_purchase(rng: random.Random, town: str) -> tuple[str, str, float]:
    """(merchant name, category, amount) of an everyday card purchase in `town`."""
    categories: dict[str, Any] = world_data("merchants")["card"]
    category = _weighted(rng, {k: float(v["share"]) for k, v in categories.items()})
    spec = categories[category]
    chain = rng.choice(list(dict.fromkeys(spec["chains"])))
    name = f"{chain} {town}" if spec["local"] else chain
    if "values" in spec:
        return name, category, float(rng.choice(spec["values"]))
    a = spec["amount"]
    drawn = math.exp(rng.gauss(math.log(a["median"]), a["sigma"]))
    return name, category, round(min(max(drawn, a["min"]), a["max"]), 2)


def personal_ad_kind(rng: random.Random) -> str:
    """'massage' or 'escort', in the proportion the background's personal ads have them."""
    ads = world_data("texts")["ads"]
    return _weighted(rng, {k: float(ads[k]["share"]) for k in ("massage", "escort")})


def ad_price(rng: random.Random, category: str) -> int:
    """A price as the background's ads of `category` ('massage', 'escort') ask it."""
    spec = world_data("texts")["ads"][category]["price"]
    drawn = math.exp(rng.gauss(math.log(spec["median"]), spec["sigma"]))
    step = spec["step"]
    return int(min(max(round(drawn / step) * step, spec["min"]), spec["max"]))


def chains(category: str) -> list[str]:
    return list(dict.fromkeys(world_data("merchants")["card"][category]["chains"]))


def hotel_bill(rng: random.Random, nights: int) -> float:
    """A hotel bill: the background's per-night amount, times the nights."""
    a = world_data("merchants")["card"]["hotel"]["amount"]
    night = min(max(math.exp(rng.gauss(math.log(a["median"]), a["sigma"])), a["min"]), a["max"])
    return round(float(night) * nights, 2)


def p2p_memo(rng: random.Random, language: str = "da") -> str | None:
    """A MobilePay note between friends; most payments carry none."""
    if rng.random() >= 0.4:
        return None
    return str(rng.choice(world_data("texts")["memos"]["p2p"]["en" if language == "en" else "da"]))


def salary_memo(rng: random.Random) -> str:
    return str(rng.choice(world_data("texts")["memos"]["salary"]))


def stage_names(language: str = "da") -> list[str]:
    names = world_data("texts")["vocabularies"]["stage_name"]
    return list(names["th"] if language == "th" else names["any"])
