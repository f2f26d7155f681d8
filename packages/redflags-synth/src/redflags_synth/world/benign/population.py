"""The background's people: households of the bank's customers, and the friends and family at
other banks they pay and are paid by.

Drawn in blocks: households first (one to three adults, at most two surnames), then people by
household role, names per (origin, sex) from the pools, addresses per town from the shared
address pool. Phones, e-mails, handles and devices are unique per person (partners may share a
tablet), so the background alone never looks like KYC-SHARED-IDENTIFIERS.

The payment network is a ring: private customers and outside people sit at shuffled positions,
and a person's friends are the people a fixed set of offsets away. Whoever pays whom, no account
ever has more distinct P2P payers than there are offsets (plus a partner), far below the 20 of
FIN-BUYER-PAYS-THIRD-PARTY.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import cache
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
from anyascii import anyascii

from redflags_synth.world import pools
from redflags_synth.world.addresses import flat_share, new_addresses
from redflags_synth.world.benign import contacts
from redflags_synth.world.benign.clock import Clock
from redflags_synth.world.benign.contacts import Taken
from redflags_synth.world.benign.data import load, probabilities
from redflags_synth.world.context import (
    FOREIGN_PHONES,
    WorldContext,
    new_id_array,
    new_phone_array,
)
from redflags_synth.world.residence import draw_residence
from redflags_synth.world.schema import record_schema

FRIEND_OFFSETS = 12  # distinct friends (and so at most 12 + a partner distinct P2P payers)
OUTSIDE_SHARE = 0.5  # outside people per customer in the payment ring
NEW_CUSTOMER_SHARE = 0.03  # customers who join during the world's window
MISSING = {"phone": 0.05, "occupation": 0.06, "income": 0.15}  # share of KYC gaps
_ADULTS = {"single": 1, "couple": 2, "couple_with_adult_child": 3, "flat_share": 2}


@cache
def _names(nationality: str, sex: str) -> tuple[np.ndarray, np.ndarray]:
    """First and last names of a pool in Latin letters, as a bank records them."""
    firsts, lasts = pools._pool(nationality, sex)
    return (
        np.asarray([anyascii(n) for n in firsts], dtype=object),
        np.asarray([anyascii(n) for n in lasts], dtype=object),
    )


@dataclass
class Population:
    """Customers (index 0..size-1) and the payment ring; arrays are indexed by customer."""

    size: int
    table: pa.Table  # the customer records, in index order
    account: pa.Array
    phone: pa.Array
    handle: np.ndarray
    device: pa.Array
    second_device: pa.Array  # a tablet or computer; null for most
    language: np.ndarray  # the language they chat in
    nationality: np.ndarray
    town: np.ndarray  # municipality index
    business: np.ndarray
    business_type: np.ndarray  # index into population.yaml's businesses, -1 if private
    income_kind: np.ndarray  # salary, student, pension, benefit; '' for business customers
    income: np.ndarray
    household: np.ndarray
    head: np.ndarray
    partner: np.ndarray  # customer index of the partner, -1
    flat: np.ndarray
    onboard_day: np.ndarray  # days relative to the world's first day (negative: before)
    activity: np.ndarray
    ring: np.ndarray  # ring position -> customer index, or -(outside index + 1)
    ring_position: np.ndarray  # customer -> ring position; -1 for business customers
    offsets: np.ndarray
    outside_account: pa.Array
    outside_phone: pa.Array
    outside_handle: np.ndarray
    outside_language: np.ndarray
    _cdf: dict[str, np.ndarray] = field(default_factory=dict)

    def draw(
        self, rng: np.random.Generator, days: np.ndarray, private_only: bool = False
    ) -> np.ndarray:
        """A customer per event day, weighted by activity, who had joined by that day."""
        allowed = ~self.business if private_only else np.ones(self.size, dtype=bool)
        name = "private" if private_only else "all"
        chosen = self._pick(rng, name, allowed, len(days))
        late = self.onboard_day[chosen] > days
        if late.any():  # newcomers are active only after they joined: redraw among the settled
            settled = allowed & (self.onboard_day <= 0)
            chosen[late] = self._pick(rng, f"settled-{name}", settled, int(late.sum()))
        return chosen

    def _pick(self, rng: np.random.Generator, name: str, allowed: np.ndarray, n: int) -> np.ndarray:
        cdf = self._cdf.get(name)
        if cdf is None:
            weights = np.where(allowed, self.activity, 0.0)
            cdf = self._cdf[name] = np.cumsum(weights) / max(weights.sum(), 1e-12)
        return np.minimum(np.searchsorted(cdf, rng.random(n), side="right"), self.size - 1)

    # -- the ring ---------------------------------------------------------------------------
    def ring_accounts(self, positions: np.ndarray) -> pa.Array:
        return _pick_side(self.ring[positions], self.account, self.outside_account)

    def ring_phones(self, positions: np.ndarray) -> pa.Array:
        return _pick_side(self.ring[positions], self.phone, self.outside_phone)

    def ring_handles(self, positions: np.ndarray) -> np.ndarray:
        return _pick_objects(self.ring[positions], self.handle, self.outside_handle)

    def ring_languages(self, positions: np.ndarray) -> np.ndarray:
        return _pick_objects(self.ring[positions], self.language, self.outside_language)


def _pick_side(who: np.ndarray, inside: pa.Array, outside: pa.Array) -> pa.Array:
    is_inside = who >= 0
    return pc.if_else(
        pa.array(is_inside),
        inside.take(pa.array(np.where(is_inside, who, 0))),
        outside.take(pa.array(np.where(is_inside, 0, -who - 1))),
    )


def _pick_objects(who: np.ndarray, inside: np.ndarray, outside: np.ndarray) -> np.ndarray:
    return np.asarray(
        np.where(who >= 0, inside[np.maximum(who, 0)], outside[np.maximum(-who - 1, 0)])
    )


class _Draw:
    """Per-person draws shared by customers and outside people."""

    def __init__(self, ctx: WorldContext, rng: np.random.Generator, taken: Taken) -> None:
        self.ctx, self.rng, self.taken = ctx, rng, taken
        self.data: dict[str, Any] = load("population")

    def origins(self, n: int, foreign_share: float) -> np.ndarray:
        origins = self.data["origins"]
        keys = np.asarray(list(origins), dtype=object)
        drawn = keys[self.rng.choice(len(keys), size=n, p=probabilities(origins))]
        return np.where(self.rng.random(n) < foreign_share, drawn, "DK").astype(object)

    def ages(self, nationality: np.ndarray) -> np.ndarray:
        ages = np.empty(len(nationality), dtype=np.int64)
        for group, mask in (("danish", nationality == "DK"), ("foreign", nationality != "DK")):
            bands = np.asarray(self.data["age_bands"][group], dtype=float)
            band = self.rng.choice(
                len(bands), size=int(mask.sum()), p=probabilities(bands[:, 2].tolist())
            )
            ages[mask] = self.rng.integers(bands[band, 0], bands[band, 1])
        return ages

    def names(self, nationality: np.ndarray, female: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        first = np.empty(len(nationality), dtype=object)
        last = np.empty(len(nationality), dtype=object)
        for origin in sorted(set(nationality.tolist())):
            for sex, by_sex in (("F", female), ("M", ~female)):
                mask = (nationality == origin) & by_sex
                count = int(mask.sum())
                if count:
                    firsts, lasts = _names(origin, sex)
                    first[mask] = firsts[self.rng.integers(0, len(firsts), size=count)]
                    last[mask] = lasts[self.rng.integers(0, len(lasts), size=count)]
        return first, last

    def phones(self, countries: np.ndarray) -> pa.Array:
        """A fresh phone per person in its country's numbering."""
        result = np.empty(len(countries), dtype=object)
        for country in sorted(set(countries.tolist())):
            mask = countries == country

            def make(k: int, c: str = country) -> list[str]:
                return [str(v) for v in new_phone_array(self.ctx, c, k).to_pylist()]

            result[mask] = contacts.fresh(
                make, int(mask.sum()), self.taken.phones, contacts.valid_phone
            )
        return pa.array(result, pa.string())

    def handles(self, first: np.ndarray, last: np.ndarray) -> np.ndarray:
        candidates = contacts.handles(self.rng, first, last)
        numbers = self.rng.integers(2, 99, len(first))
        return np.asarray(contacts.unique(candidates, self.taken.handles, numbers), dtype=object)

    def emails(
        self,
        nationality: np.ndarray,
        first: np.ndarray,
        last: np.ndarray,
        birth_year: np.ndarray,
        missing: np.ndarray,
    ) -> list[str | None]:
        domains = self.data["email_domains"]
        keys = np.asarray(list(domains), dtype=object)
        domain = keys[self.rng.choice(len(keys), size=len(first), p=probabilities(domains))]
        for origin, own in self.data["email_domains_by_origin"].items():
            mask = (nationality == origin) & (self.rng.random(len(first)) < 0.5)
            domain[mask] = np.asarray(own, dtype=object)[
                self.rng.integers(0, len(own), int(mask.sum()))
            ]
        candidates = contacts.emails(self.rng, first, last, birth_year, domain)
        candidates = [None if m else c for c, m in zip(candidates, missing.tolist(), strict=True)]
        numbers = self.rng.integers(2, 99, len(first))
        return contacts.unique(candidates, self.taken.emails, numbers)


@dataclass
class _Households:
    kind: np.ndarray  # per person: the household's kind
    household: np.ndarray
    start: np.ndarray  # per person: index of the household's head
    role: np.ndarray  # 0 head, 1 partner or flatmate, 2 adult child or flatmate
    count: int


def _households(rng: np.random.Generator, data: dict[str, Any], size: int) -> _Households:
    kinds = np.asarray(list(data["households"]), dtype=object)
    kind = kinds[rng.choice(len(kinds), size=size, p=probabilities(data["households"]))]
    adults = np.asarray([_ADULTS[k] for k in kind])
    adults[(kind == "flat_share") & (rng.random(size) < 0.4)] = 3
    ends = np.cumsum(adults)
    count = int(np.searchsorted(ends, size) + 1)
    kind, adults = kind[:count], adults[:count].copy()
    adults[-1] -= int(ends[count - 1] - size)  # the last household takes who is left
    household = np.repeat(np.arange(count), adults)
    starts = np.concatenate([[0], np.cumsum(adults)[:-1]])
    return _Households(
        kind=kind[household],
        household=household,
        start=starts[household],
        role=np.arange(size) - starts[household],
        count=count,
    )


def _addresses(
    ctx: WorldContext, rng: np.random.Generator, taken: Taken, count: int, flat_shared: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Town, flat or house, and a fresh address for each household."""
    towns = pools.municipalities()
    town = rng.choice(len(towns), size=count, p=probabilities([t.population for t in towns]))
    flat = rng.random(count) < np.asarray([flat_share(t) for t in towns])[town]
    flat |= flat_shared
    address = np.empty(count, dtype=object)
    for t in np.unique(town).tolist():
        for is_flat in (False, True):
            mask = (town == t) & (flat == is_flat)
            if mask.any():

                def make(
                    k: int, where: pools.Municipality = towns[t], f: bool = is_flat
                ) -> list[str]:
                    return [str(a) for a in new_addresses(ctx.ids, where, f, k).to_pylist()]

                address[mask] = contacts.fresh(make, int(mask.sum()), taken.addresses)
    return town, flat, address


def build_population(ctx: WorldContext, clock: Clock, size: int, taken: Taken) -> Population:
    """The background's `size` customers and their payment ring."""
    rng = ctx.np_rng("background", "population")
    draw = _Draw(ctx, rng, taken)
    data = draw.data
    size = max(int(size), 1)
    everyone = np.arange(size)

    hh = _households(rng, data, size)
    head = hh.role == 0
    couple = np.isin(hh.kind, ["couple", "couple_with_adult_child"])
    is_partner = couple & (hh.role == 1)
    is_child = (hh.kind == "couple_with_adult_child") & (hh.role == 2)
    flatmate = hh.kind == "flat_share"
    partner = np.full(size, -1)
    partner[head & couple] = everyone[head & couple] + 1
    partner[is_partner] = everyone[is_partner] - 1
    partner[partner >= size] = -1  # the last household may have been cut short
    hh_flat_share = np.zeros(hh.count, dtype=bool)
    hh_flat_share[hh.household[flatmate]] = True
    hh_town, hh_flat, hh_address = _addresses(ctx, rng, taken, hh.count, hh_flat_share)

    # Origin: a household shares the head's origin; some couples are of mixed origin, and
    # flatmates are unrelated.
    foreign_share = float(data["foreign_share"])
    nationality = draw.origins(hh.count, foreign_share * 0.75)[hh.household]
    head_origin = nationality.copy()
    mixed = is_partner & (rng.random(size) < float(data["couple_mixed_origin"]))
    from_abroad = mixed & (head_origin == "DK")
    nationality[from_abroad] = draw.origins(int(from_abroad.sum()), 1.0)
    nationality[mixed & (head_origin != "DK")] = "DK"
    others = flatmate & ~head
    nationality[others] = draw.origins(int(others.sum()), foreign_share * 1.5)

    female = rng.random(size) < 0.5
    opposite = is_partner & (rng.random(size) < 0.95)
    female[opposite] = ~female[hh.start[opposite]]

    age = draw.ages(nationality)
    parents = couple & head & (hh.kind == "couple_with_adult_child")
    age[parents] = rng.integers(45, 66, size=int(parents.sum()))
    drift = rng.normal(0, 3, size).round().astype(np.int64)
    age[is_partner] = np.clip(age[hh.start[is_partner]] + drift[is_partner], 18, 95)
    age[is_child] = rng.integers(18, 27, size=int(is_child.sum()))
    age[flatmate] = rng.integers(19, 31, size=int(flatmate.sum()))
    birth_day = -(age * 365.25 + rng.uniform(0, 365, size)).astype(np.int64)
    birth_dates = np.datetime64(clock.first, "D") + birth_day
    birth_year = birth_dates.astype("datetime64[Y]").astype(np.int64) + 1970

    # Names: partners often take the head's surname; adult children have a parent's.
    first, last = draw.names(nationality, female)
    same = is_partner & (rng.random(size) < float(data["couple_same_surname"]))
    last[same] = last[hh.start[same]]
    mother = is_child & (rng.random(size) < 0.3)
    last[is_child] = last[hh.start[is_child]]
    last[mother] = last[hh.start[mother] + 1]

    # Work and money.
    businesses = data["businesses"]
    working = (age >= 25) & (age < 67)
    business = working & ~flatmate & (rng.random(size) < float(data["business_share"]) / 0.6)
    business_type = np.full(size, -1)
    business_type[business] = rng.choice(
        len(businesses), size=int(business.sum()), p=probabilities([b[1] for b in businesses])
    )
    occupations = data["occupations"]
    which = rng.choice(len(occupations), size=size, p=probabilities([o[1] for o in occupations]))
    occupation = np.asarray([o[0] for o in occupations], dtype=object)[which]
    income = np.asarray([o[2] for o in occupations], dtype=float)[which]
    benefit = np.isin(occupation, ["ledig", "førtidspensionist"])
    income_kind = np.where(benefit, "benefit", "salary").astype(object)
    student = ((age < 25) & (rng.random(size) < 0.55)) | (
        (age >= 25) & (age < 28) & (rng.random(size) < 0.25)
    )
    student &= ~business
    pensioner = age >= 67
    for mask, (name, amount), kind in (
        (student, data["student"], "student"),
        (pensioner, data["pensioner"], "pension"),
    ):
        occupation[mask], income[mask], income_kind[mask] = name, amount, kind
    occupation[business] = np.asarray([b[0] for b in businesses], dtype=object)[
        business_type[business]
    ]
    income[business] = np.asarray([b[2] for b in businesses], dtype=float)[business_type[business]]
    income_kind[business] = ""
    income = np.round(income * rng.lognormal(0, 0.25, size), -3)

    # Joining the bank: most long ago, a few during the window; partners often together.
    years = np.minimum(rng.exponential(9.0, size), np.maximum(age - 18, 0.1))
    onboard_day = -years * 365.25
    new = rng.random(size) < NEW_CUSTOMER_SHARE
    onboard_day[new] = rng.uniform(0, clock.days, int(new.sum()))
    joint = is_partner & (rng.random(size) < float(data["couple_joint_onboarding"]))
    onboard_day[joint] = onboard_day[hh.start[joint]]
    at_branch = rng.random(size) < 0.4
    local = np.where(
        at_branch, clock.time_of_day(rng, "office", size), clock.time_of_day(rng, "app", size)
    )
    onboarded_us = clock.to_utc(np.floor(onboard_day).astype(np.int64), local)
    onboarded_us[joint] = onboarded_us[hh.start[joint]] + rng.integers(
        60_000_000, 1_800_000_000, int(joint.sum())
    )

    # Contact details and devices.
    newcomer = (nationality != "DK") & (onboard_day > -730) & (rng.random(size) < 0.3)
    phone_country = np.where(
        newcomer & np.isin(nationality, list(FOREIGN_PHONES)), nationality, "DK"
    )
    phone = draw.phones(phone_country.astype(object))
    no_email = rng.random(size) < np.where(age > 70, 0.35, 0.06)
    email = draw.emails(nationality, first, last, birth_year, no_email)
    handle = draw.handles(first, last)
    device = _shared(
        new_id_array(ctx, "device", size),
        is_partner & (rng.random(size) < float(data["couple_shared_device"])),
        hh.start,
    )
    has_second = rng.random(size) < 0.3
    share_second = is_partner & has_second[hh.start] & (rng.random(size) < 0.5)
    second = _shared(new_id_array(ctx, "device", size), share_second, hh.start)
    second = pc.if_else(pa.array(has_second | share_second), second, pa.nulls(size, pa.string()))

    account = new_id_array(ctx, "account", size)
    languages = data["chat_language"]
    language = np.asarray([languages.get(n, "da") for n in nationality.tolist()], dtype=object)
    language[(language == "da") & (nationality != "DK") & (rng.random(size) < 0.5)] = "en"

    # Residence and language of correspondence: an own stream, so every draw above stays put.
    resident_since, correspondence = _residence(ctx, nationality, birth_dates, onboarded_us)

    # KYC records are never complete: some lack a phone, an occupation or a declared income
    # (the typologies' records too, so a gap tells nothing).
    def gaps(values: pa.Array, share: float) -> pa.Array:
        return pc.if_else(pa.array(rng.random(size) < share), pa.nulls(size, values.type), values)

    table = pa.table(
        {
            "customer_id": new_id_array(ctx, "customer", size),
            "account_id": account,
            "first_name": pa.array(first, pa.string()),
            "last_name": pa.array(last, pa.string()),
            "birth_date": pa.array(birth_dates, pa.date32()),
            "nationality": pa.array(nationality, pa.string()),
            "phone": gaps(phone, MISSING["phone"]),
            "email": pa.array(email, pa.string()),
            "address": pa.array(hh_address[hh.household], pa.string()),
            "onboarded_at": pa.array(onboarded_us, pa.timestamp("us", tz="UTC")),
            "device_id": device,
            "occupation": gaps(pa.array(occupation, pa.string()), MISSING["occupation"]),
            "declared_income": gaps(pa.array(income, pa.float64()), MISSING["income"]),
            "segment": pa.array(np.where(business, "business", "private"), pa.string()),
            "resident_since": pa.array(resident_since, pa.date32()),
            "language": pa.array(correspondence, pa.string()),
        },
        schema=record_schema("customer"),
    )

    # The payment ring: private customers and outside people, shuffled together.
    outside = max(int(size * OUTSIDE_SHARE), 1)
    members = np.concatenate([np.flatnonzero(~business), -(np.arange(outside) + 1)])
    ring = members[rng.permutation(len(members))]
    ring_position = np.full(size, -1)
    ring_position[ring[ring >= 0]] = np.flatnonzero(ring >= 0)
    n_offsets = min(FRIEND_OFFSETS, len(ring) - 1)
    offsets = (
        rng.choice(np.arange(1, len(ring)), size=n_offsets, replace=False)
        if n_offsets > 0
        else np.zeros(0, dtype=np.int64)
    )
    out_origin = draw.origins(outside, foreign_share)
    out_first, out_last = draw.names(out_origin, rng.random(outside) < 0.5)
    out_language = np.asarray([languages.get(n, "da") for n in out_origin.tolist()], dtype=object)

    activity = rng.lognormal(0.0, 0.7, size)
    activity[pensioner] *= 0.7
    activity[business] *= 1.5
    return Population(
        size=size,
        table=table,
        account=account,
        phone=phone,
        handle=handle,
        device=device,
        second_device=second,
        language=language,
        nationality=nationality,
        town=hh_town[hh.household],
        business=business,
        business_type=business_type,
        income_kind=income_kind,
        income=income,
        household=hh.household,
        head=head,
        partner=partner,
        flat=hh_flat[hh.household],
        onboard_day=onboard_day,
        activity=activity,
        ring=ring,
        ring_position=ring_position,
        offsets=offsets,
        outside_account=new_id_array(ctx, "account", outside),
        outside_phone=draw.phones(np.full(outside, "DK", dtype=object)),
        outside_handle=draw.handles(out_first, out_last),
        outside_language=out_language,
    )


def _residence(
    ctx: WorldContext, nationality: np.ndarray, birth: np.ndarray, onboarded_us: np.ndarray
) -> tuple[list[date], list[str]]:
    """(resident_since, language) per customer, drawn as the typologies draw theirs."""
    rng = ctx.rng("background", "residence")
    onboarded = (onboarded_us // 86_400_000_000).astype("datetime64[D]").astype(object).tolist()
    pairs = [
        draw_residence(rng, str(n), b, o)
        for n, b, o in zip(
            nationality.tolist(), birth.astype(object).tolist(), onboarded, strict=True
        )
    ]
    return [p[0] for p in pairs], [p[1] for p in pairs]


def _shared(values: pa.Array, share: np.ndarray, start: np.ndarray) -> pa.Array:
    """Where `share`, take the household head's value instead of one's own."""
    return pc.if_else(pa.array(share), values.take(pa.array(start)), values)
