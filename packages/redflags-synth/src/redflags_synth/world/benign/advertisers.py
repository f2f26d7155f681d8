"""Who posts the background's ads.

- Independent massage therapists and escorts: one persona, their own phone (Danish or from their
  country), sometimes a messenger handle or e-mail, their own city and price; they post often
  (now and then an exact repost). Each draws the everyday ad vocabulary she uses (a stated age
  of 18 or 19 among it) from benign/ad_vocabulary.py.
  One contact never fronts several personas (BEH-CONTACT-PROXY needs three).
- Private sellers of cars, furniture, electronics and flats: often customers of the bank (their
  phone and e-mail are the customer's), otherwise people with a fresh phone.
- Employers: a company with a landline, a web site and a job e-mail; no messenger.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pyarrow as pa

from redflags_synth.world import pools, text
from redflags_synth.world.benign import contacts
from redflags_synth.world.benign.ad_vocabulary import ad_vocabulary
from redflags_synth.world.benign.contacts import Taken
from redflags_synth.world.benign.data import probabilities
from redflags_synth.world.benign.population import Population, _names
from redflags_synth.world.benign.texts import choose, vocabulary
from redflags_synth.world.context import FOREIGN_PHONES, WorldContext, new_phone_array

ADS_PER_ADVERTISER = {"personal": 6.0, "private": 1.4, "employer": 3.0}
SELLER_IS_CUSTOMER = 0.4
FEMALE_SHARE = {"massage": 0.9, "escort": 0.95}  # of personal advertisers
# The origin a persona's name and foreign phone come from, by the ad's language.
ORIGIN_OF_LANGUAGE = {
    "da": "DK",
    "en": "GB",
    "ro": "RO",
    "bg": "BG",
    "ru": "RU",
    "uk": "UA",
    "th": "TH",
}


@dataclass
class Advertisers:
    """The advertisers of one ad category; arrays are indexed by advertiser."""

    category: str
    kind: str  # personal, private or employer
    language: np.ndarray
    phone: np.ndarray
    email: np.ndarray  # an address for every advertiser (shown when the ad asks for it)
    show_email: np.ndarray
    handle: np.ndarray  # None for most
    town: np.ndarray  # municipality index
    site: np.ndarray
    persona: np.ndarray | None = None
    age: np.ndarray | None = None
    price: np.ndarray | None = None
    photos: np.ndarray | None = None  # how many photos each personal advertiser has
    # Personal advertisers: the everyday terms and traits each one uses (ad_vocabulary.columns)
    # and how she writes her phone (phone_display's style, the same in all her ads).
    vocabulary: np.ndarray | None = None
    phone_style: np.ndarray | None = None
    company: dict[str, np.ndarray] = field(default_factory=dict)
    cdf: np.ndarray = field(default_factory=lambda: np.ones(1))  # how often each one posts
    rank: np.ndarray = field(default_factory=lambda: np.zeros(1))  # a shuffle of advertisers

    @property
    def size(self) -> int:
        return len(self.language)

    def pictured(self, share: float) -> np.ndarray:
        """Which advertisers show photos when only `share` of them may (the same ones in every
        ad: the first `share` of a shuffle)."""
        return self.rank < share * self.size

    def pick(self, rng: np.random.Generator, n: int) -> np.ndarray:
        """Advertisers of `n` ads: a few post a lot, most now and then."""
        return np.minimum(np.searchsorted(self.cdf, rng.random(n), side="right"), self.size - 1)


class AdvertiserFactory:
    def __init__(self, ctx: WorldContext, population: Population, taken: Taken) -> None:
        self.ctx = ctx
        self.pop = population
        self.taken = taken
        self.towns = pools.municipalities()
        self.town_p = probabilities([t.population for t in self.towns])

    def build(self, category: str, spec: dict[str, Any], expected_ads: float) -> Advertisers:
        kind = (
            "personal"
            if spec.get("personal")
            else "employer"
            if spec.get("employer")
            else "private"
        )
        rng = self.ctx.np_rng("background", "advertisers", category)
        n = max(1, int(np.ceil(expected_ads / ADS_PER_ADVERTISER[kind])))
        language = choose(rng, spec["languages"], n)
        site = choose(rng, sites(spec["sites"]), n)
        contact = spec.get("contact", {})
        show_email = rng.random(n) < float(contact.get("email", 0.0))
        builder = {"personal": self._personal, "private": self._private, "employer": self._employer}
        found = builder[kind](rng, category, spec, n, language, site, show_email)
        weights = rng.lognormal(0.0, 1.0, n)
        found.cdf = np.cumsum(weights) / weights.sum()
        found.rank = rng.permutation(n)
        return found

    # -- the three kinds ------------------------------------------------------------------------
    def _personal(
        self,
        rng: np.random.Generator,
        category: str,
        spec: dict[str, Any],
        n: int,
        language: np.ndarray,
        site: np.ndarray,
        show_email: np.ndarray,
    ) -> Advertisers:
        origin = np.asarray([ORIGIN_OF_LANGUAGE[lang] for lang in language.tolist()], dtype=object)
        female = rng.random(n) < FEMALE_SHARE.get(category, 0.95)
        own_name = rng.random(n) < 0.5
        first, _ = _PersonNames(rng).draw(origin, female)
        stage = np.empty(n, dtype=object)
        for lang in ("th", "any"):
            mask = (language == "th") if lang == "th" else (language != "th")
            words = np.asarray(vocabulary("stage_name").words(lang), dtype=object)
            stage[mask] = words[rng.integers(0, len(words), int(mask.sum()))]
        persona = np.where(own_name & female & (language != "th"), first, stage)
        persona = np.where(female, persona, first)
        foreign_phone = (origin != "DK") & (origin != "GB") & (rng.random(n) < 0.4)
        phone = self._phones(np.where(foreign_phone, origin, "DK"))
        town = rng.choice(len(self.towns), size=n, p=self.town_p)
        city_slug = np.asarray(
            [contacts.slug(self.towns[t].name)[:6] for t in town.tolist()], object
        )
        slugs = [
            f"{contacts.slug(p)}{sep}{c}"
            for p, sep, c in zip(
                persona.tolist(),
                rng.choice(["", "_", "."], n).tolist(),
                city_slug.tolist(),
                strict=True,
            )
        ]
        email = np.asarray(
            contacts.unique(
                [
                    f"{s}@{d}"
                    for s, d in zip(
                        slugs,
                        rng.choice(
                            ["gmail.com", "hotmail.com", "outlook.com", "proton.me"], n
                        ).tolist(),
                        strict=True,
                    )
                ],
                self.taken.emails,
                rng.integers(2, 99, n),
            ),
            dtype=object,
        )
        handle = np.full(n, None, dtype=object)
        has_handle = rng.random(n) < float(spec.get("contact", {}).get("handle", 0.0))
        names = contacts.unique(
            [s.replace(".", "_") for s in np.asarray(slugs, dtype=object)[has_handle].tolist()],
            self.taken.handles,
            rng.integers(2, 99, int(has_handle.sum())),
        )
        style = rng.integers(0, 3, int(has_handle.sum()))
        digits = [str(p).lstrip("+") for p in phone[has_handle].tolist()]
        handle[has_handle] = [
            (f"@{h}", f"t.me/{h}", f"wa.me/{d}")[s]
            for h, d, s in zip(names, digits, style.tolist(), strict=True)
        ]
        price_spec = spec["price"]
        price = _prices(rng, price_spec, n)
        age = rng.integers(21, 46, n)
        lo, hi = spec.get("images", [1, 1])
        photos = rng.integers(lo, hi + 1, n)
        # Everyday vocabulary from a stream of its own, so the draws above stay as they were.
        everyday = ad_vocabulary()
        vrng = self.ctx.np_rng("background", "vocabulary", category)
        used = everyday.draw(vrng, category, n, female, FEMALE_SHARE.get(category, 0.95))
        young = used[:, everyday.column("stated_age_18_19")]
        age = np.where(young, vrng.integers(18, 20, n), age)
        return Advertisers(
            category=category,
            kind="personal",
            language=language,
            phone=phone,
            email=email,
            show_email=show_email,
            handle=handle,
            town=town,
            site=site,
            persona=persona,
            age=age,
            price=price,
            photos=photos,
            vocabulary=used,
            phone_style=vrng.integers(0, 3, n),
        )

    def _private(
        self,
        rng: np.random.Generator,
        category: str,
        spec: dict[str, Any],
        n: int,
        language: np.ndarray,
        site: np.ndarray,
        show_email: np.ndarray,
    ) -> Advertisers:
        pop = self.pop
        customer = rng.random(n) < SELLER_IS_CUSTOMER
        who = rng.integers(0, pop.size, n)
        town = np.where(customer, pop.town[who], rng.choice(len(self.towns), size=n, p=self.town_p))
        phone = self._phones(np.full(n, "DK", dtype=object))
        customer_phone = np.asarray(pop.phone.take(pa.array(who)).to_pylist(), dtype=object)
        phone = np.where(customer, customer_phone, phone)
        customer_email = np.asarray(
            pop.table.column("email").take(pa.array(who)).to_pylist(), object
        )
        origin = np.asarray([ORIGIN_OF_LANGUAGE[lang] for lang in language.tolist()], dtype=object)
        first, last = _PersonNames(rng).draw(origin, rng.random(n) < 0.5)
        own = np.asarray(
            contacts.unique(
                contacts.emails(
                    rng,
                    first,
                    last,
                    rng.integers(1950, 2005, n),
                    choose(rng, {"gmail.com": 3, "hotmail.com": 2, "live.dk": 1}, n),
                ),
                self.taken.emails,
                rng.integers(2, 99, n),
            ),
            dtype=object,
        )
        email = np.where(customer & (customer_email != None), customer_email, own)  # noqa: E711
        language = np.where(customer, pop.language[who], language)
        return Advertisers(
            category=category,
            kind="private",
            language=language,
            phone=phone,
            email=email,
            show_email=show_email,
            handle=np.full(n, None, dtype=object),
            town=town,
            site=site,
        )

    def _employer(
        self,
        rng: np.random.Generator,
        category: str,
        spec: dict[str, Any],
        n: int,
        language: np.ndarray,
        site: np.ndarray,
        show_email: np.ndarray,
    ) -> Advertisers:
        town = rng.choice(len(self.towns), size=n, p=self.town_p)
        _, surname = _PersonNames(rng).draw(np.full(n, "DK", dtype=object), rng.random(n) < 0.5)
        forms = vocabulary("company_form").words("any")
        form = rng.integers(0, len(forms), n)
        names = [
            str(forms[f]).replace("{surname}", s).replace("{town}", self.towns[t].name)
            for f, s, t in zip(form.tolist(), surname.tolist(), town.tolist(), strict=True)
        ]
        # Unique domains, so no two employers share a web site or a job mailbox.
        stems = contacts.unique(
            [contacts.slug(name.replace("ApS", "").replace("A/S", "")) for name in names],
            {e.partition("@")[2].removesuffix(".dk") for e in self.taken.emails},
            rng.integers(2, 99, n),
        )
        domains = [f"{stem}.dk" for stem in stems]
        web = np.asarray([f"www.{d}/job" for d in domains], dtype=object)
        mail = np.asarray([f"job@{d}" for d in domains], dtype=object)
        return Advertisers(
            category=category,
            kind="employer",
            language=language,
            phone=self._phones(np.full(n, "DK", dtype=object)),
            email=mail,
            show_email=np.ones(n, dtype=bool),
            handle=np.full(n, None, dtype=object),
            town=town,
            site=site,
            company={
                "company.name": np.asarray(names, dtype=object),
                "company.web": web,
                "company.mail": mail,
            },
        )

    def _phones(self, countries: np.ndarray) -> np.ndarray:
        result = np.empty(len(countries), dtype=object)
        for country in sorted(set(countries.tolist())):
            mask = countries == country
            code = country if country in FOREIGN_PHONES or country == "DK" else "DK"

            def make(k: int, c: str = code) -> list[str]:
                return [str(v) for v in new_phone_array(self.ctx, c, k).to_pylist()]

            result[mask] = contacts.fresh(
                make, int(mask.sum()), self.taken.phones, contacts.valid_phone
            )
        return result


def sites(wanted: list[str] | dict[str, float]) -> dict[str, float]:
    """Ad sites and their weights; "common:<group>" is the typologies' shared list of that group
    (typology_texts/common.yaml), its weight split among its sites."""
    found: dict[str, float] = {}
    for name in wanted:
        group = [name]
        if name.startswith("common:"):
            group = list(text.load("common")["sites"][name.removeprefix("common:")])
        # A list weighs every site alike; a mapping shares a group's weight among its sites.
        share = float(wanted[name]) / len(group) if isinstance(wanted, dict) else 1.0
        for site in group:
            found[site] = found.get(site, 0.0) + share
    return found


class _PersonNames:
    def __init__(self, rng: np.random.Generator) -> None:
        self.rng = rng

    def draw(self, origin: np.ndarray, female: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        first = np.empty(len(origin), dtype=object)
        last = np.empty(len(origin), dtype=object)
        for nat in sorted(set(origin.tolist())):
            for sex, by_sex in (("F", female), ("M", ~female)):
                mask = (origin == nat) & by_sex
                if mask.any():
                    firsts, lasts = _names(nat, sex)
                    first[mask] = firsts[self.rng.integers(0, len(firsts), int(mask.sum()))]
                    last[mask] = lasts[self.rng.integers(0, len(lasts), int(mask.sum()))]
        return first, last


def _prices(rng: np.random.Generator, spec: dict[str, float], n: int) -> np.ndarray:
    drawn = rng.lognormal(np.log(spec["median"]), spec["sigma"], n)
    step = float(spec["step"])
    return np.clip(np.round(drawn / step) * step, spec["min"], spec["max"])
