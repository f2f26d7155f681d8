"""Background ads, a slice of days at a time: independent massage and escort ads, ordinary
classifieds and job ads, in Danish mostly and in English, Romanian, Bulgarian, Russian,
Ukrainian and Thai. Classifieds and job ads come from the site templates in data/texts.yaml,
rendered per template for all its rows at once; each personal advertiser (massage, escort)
writes her own text from that category's sentence pools (benign/wording.py), with the everyday
ad vocabulary she drew (benign/ad_vocabulary.py), and keeps it; now and then she reposts an ad
exactly, otherwise her posts differ by a day marker and a sign-off.

Images: personal advertisers have a few photos they reuse in every ad (reuse within one persona
is ordinary); classified ads have one photo of the item; job ads none. Worlds with more than
IMAGE_ADS_LIMIT background ads give images to only a share of them (10 % at scale large), to keep
the folder's size bounded; typology ads keep theirs.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from redflags_synth.world import pools
from redflags_synth.world.benign.ad_vocabulary import Voice, ad_vocabulary, lookalike
from redflags_synth.world.benign.advertisers import AdvertiserFactory, Advertisers
from redflags_synth.world.benign.clock import Clock, day_chunks, day_counts
from redflags_synth.world.benign.contacts import Taken
from redflags_synth.world.benign.data import probabilities
from redflags_synth.world.benign.population import Population
from redflags_synth.world.benign.texts import Template, fill_vocabularies, texts
from redflags_synth.world.benign.wording import Wording
from redflags_synth.world.context import WorldContext, new_id_array
from redflags_synth.world.images import ImageMaker
from redflags_synth.world.schema import record_schema

IMAGE_ADS_LIMIT = 200_000
LARGE_IMAGE_SHARE = 0.1
VOCABULARY_OF = {"furniture": "furniture", "electronics": "gadgets"}  # what fills {item}


def image_share(ads: int) -> float:
    """Share of background ads that get images (all of them in worlds up to medium)."""
    return 1.0 if ads <= IMAGE_ADS_LIMIT else LARGE_IMAGE_SHARE


def phone_display(
    rng: np.random.Generator, phones: np.ndarray, style: np.ndarray | None = None
) -> pa.Array:
    """Phones as people write them: '22 33 44 55', '22334455' or '+45 22 33 44 55' (`style`
    0, 1, 2 per phone; drawn per phone if not given)."""
    e164 = pa.array(phones, pa.string())
    spaced = pc.binary_join_element_wise(
        *[pc.utf8_slice_codeunits(e164, i, i + 2) for i in (3, 5, 7, 9)], " "
    )
    if style is None:
        style = rng.integers(0, 3, len(phones))
    shown = pc.if_else(
        pa.array(style == 0),
        spaced,
        pc.if_else(
            pa.array(style == 1),
            pc.utf8_slice_codeunits(e164, 3),
            pc.binary_join_element_wise("+45 ", spaced, ""),
        ),
    )
    return pc.if_else(pc.starts_with(e164, "+45"), shown, e164)


def capitalised(text: pa.Array) -> pa.Array:
    """First letter upper case, the rest as written ('sofabord' -> 'Sofabord', 'iPhone' kept)."""
    first = pc.utf8_slice_codeunits(text, 0, 1)
    keep = pc.starts_with(text, "i")  # iPhone, iPad
    head = pc.if_else(keep, first, pc.utf8_upper(first))
    return pc.binary_join_element_wise(head, pc.utf8_slice_codeunits(text, 1), "")


def _text(values: np.ndarray) -> pa.Array:
    return pc.cast(pa.array(values), pa.string())


@dataclass(frozen=True)
class _Batch:
    """The ads of one category in a chunk: advertiser, day, city and price of each."""

    name: str
    spec: dict[str, Any]
    advertisers: Advertisers
    who: np.ndarray
    day: np.ndarray
    city: np.ndarray
    price: np.ndarray | None
    slots: dict[str, pa.Array]  # generator slot values, one per ad


class Ads:
    def __init__(
        self,
        ctx: WorldContext,
        clock: Clock,
        population: Population,
        taken: Taken,
        total: int,
        images: ImageMaker | None,
    ) -> None:
        self.ctx, self.clock, self.images = ctx, clock, images
        self.share_with_images = image_share(total)
        self.specs: dict[str, dict[str, Any]] = texts()["ads"]
        self.categories = list(self.specs)
        self.category_p = probabilities([self.specs[c]["share"] for c in self.categories])
        factory = AdvertiserFactory(ctx, population, taken)
        self.advertisers = {
            c: factory.build(c, spec, spec["share"] * total) for c, spec in self.specs.items()
        }
        self.templates = {
            c: {
                lang: [(Template.parse(t), Template.parse(b)) for t, b in pairs]
                for lang, pairs in spec["templates"].items()
            }
            for c, spec in self.specs.items()
            if "templates" in spec
        }
        self.wordings = {
            c: {lang: Wording.parse(w) for lang, w in spec["compose"].items()}
            for c, spec in self.specs.items()
            if "compose" in spec
        }
        self.vocabulary = ad_vocabulary()
        self._posts: dict[tuple[str, int], _Posts] = {}
        self.towns = np.asarray([t.name for t in pools.municipalities()], dtype=object)
        rng = ctx.np_rng("background", "ads", "plan")
        self.counts = day_counts(rng, total, clock.day_weights("flat"))
        self.total = int(self.counts.sum())
        self._photos: dict[tuple[str, int], list[str]] = {}
        self._sequence = 0

    @property
    def personal(self) -> list[Advertisers]:
        """Independent massage therapists and escorts (the other side of booking chats)."""
        return [a for a in self.advertisers.values() if a.kind == "personal"]

    def chunks(self, max_rows: int) -> Iterator[tuple[pa.Table, int]]:
        for first, stop in day_chunks(self.counts, max_rows):
            rng = self.ctx.np_rng("background", "ads", first)
            day = np.repeat(np.arange(first, stop), self.counts[first:stop])
            category = rng.choice(len(self.categories), size=len(day), p=self.category_p)
            parts = [
                self._category(rng, name, day[category == i])
                for i, name in enumerate(self.categories)
                if (category == i).any()
            ]
            table = pa.concat_tables(parts) if parts else record_schema("ad").empty_table()
            table = table.set_column(0, "ad_id", new_id_array(self.ctx, "ad", table.num_rows))
            horizon = int(self.clock.to_utc(np.asarray([stop]), np.asarray([0]))[0])
            yield table.cast(record_schema("ad")), horizon

    def _category(self, rng: np.random.Generator, name: str, day: np.ndarray) -> pa.Table:
        spec, adv = self.specs[name], self.advertisers[name]
        n = len(day)
        who = adv.pick(rng, n)
        town = adv.town[who]
        if adv.kind == "personal":  # now and then working in another town for a few days
            town = np.where(rng.random(n) < 0.1, rng.integers(0, len(self.towns), n), town)
        price = adv.price[who] if adv.price is not None else _price(rng, spec, n)
        city = self.towns[town]
        batch = _Batch(
            name, spec, adv, who, day, city, price, self._slots(rng, adv, who, city, price)
        )
        language = adv.language[who]
        pieces = []
        if name in self.wordings:  # every personal advertiser writes her own text
            for lang in sorted(set(language.tolist())):
                rows = np.flatnonzero(language == lang)
                titles, bodies = self._worded_texts(rng, batch, rows, lang)
                pieces.append(self._render(rng, batch, rows, lang, titles, bodies))
            return pa.concat_tables(pieces)
        for lang in sorted(set(language.tolist())):
            options = self.templates[name].get(lang) or self.templates[name]["da"]
            pick = rng.integers(0, len(options), n)
            for index, (title, body) in enumerate(options):
                rows = np.flatnonzero((language == lang) & (pick == index))
                if len(rows):
                    pieces.append(self._render(rng, batch, rows, lang, title, body))
        return pa.concat_tables(pieces)

    def _slots(
        self,
        rng: np.random.Generator,
        adv: Advertisers,
        who: np.ndarray,
        city: np.ndarray,
        price: np.ndarray | None,
    ) -> dict[str, pa.Array]:
        """Every generator slot, one value per ad (vocabulary slots are drawn per template)."""
        n = len(who)
        slots = {
            "city": pa.array(city, pa.string()),
            "price": _text(price.astype(np.int64))
            if price is not None
            else pa.nulls(n, pa.string()),
            "phone": phone_display(
                rng, adv.phone[who], adv.phone_style[who] if adv.phone_style is not None else None
            ),
            "email": pa.array(adv.email[who], pa.string()),
            "year": _text(rng.integers(2006, 2025, n)),
            "km": _text(rng.integers(5, 300, n) * 1000),
            "sqm": _text(rng.integers(35, 140, n)),
            "room_sqm": _text(rng.integers(9, 26, n)),
            "rooms": _text(rng.integers(1, 6, n)),
            "hours": _text(rng.choice([20, 25, 30, 32, 37], n)),
        }
        if adv.persona is not None and adv.age is not None:
            slots["persona"] = pa.array(adv.persona[who], pa.string())
            slots["age"] = _text(adv.age[who])
        for key, column in adv.company.items():
            slots[key] = pa.array(column[who], pa.string())
        return slots

    def _worded_texts(
        self, rng: np.random.Generator, batch: _Batch, rows: np.ndarray, lang: str
    ) -> tuple[pa.Array, pa.Array]:
        """Titles and bodies of personal ads, each in her own wording with its slots filled.

        A post in the same town as her last one repeats it exactly now and then (a repost);
        otherwise her title carries the next day marker of her own list, so a fresh post differs
        from her earlier ones."""
        take = pa.array(rows)
        values = {
            key: batch.slots[key].take(take).to_pylist()
            for key in ("persona", "city", "price", "phone", "age")
            if key in batch.slots
        }
        repost = rng.random(len(rows)) < self.vocabulary.repost_chance
        titles, bodies = [], []
        for i, who in enumerate(batch.who[rows].tolist()):
            posts = self._poster(batch, who, lang)
            row: dict[str, Any] = {slot: column[i] for slot, column in values.items()}
            if posts.last is not None and repost[i] and posts.last_city == row["city"]:
                title, body = posts.last
            else:
                title, body = posts.write(row)
            posts.last, posts.last_city = (title, body), row["city"]
            titles.append(title)
            bodies.append(body)
        return capitalised(pa.array(titles, pa.string())), pa.array(bodies, pa.string())

    def _poster(self, batch: _Batch, who: int, lang: str) -> _Posts:
        """Her posting state; her voice is written once, from a stream of her own."""
        key = (batch.name, who)
        if key not in self._posts:
            adv = batch.advertisers
            wording = self.wordings[batch.name].get(lang) or self.wordings[batch.name]["da"]
            rng = self.ctx.rng("background", "wording", *key)
            title, parts = wording.compose_parts(rng)
            assert adv.vocabulary is not None  # personal advertisers always draw one
            voice = self.vocabulary.voice(rng, title, parts, lang, adv.vocabulary[who])
            phone = None
            if voice.obfuscation is not None:
                phone = self.vocabulary.obfuscated(str(adv.phone[who]), lang, voice.obfuscation)
            self._posts[key] = _Posts(voice, phone)
        return self._posts[key]

    def _render(
        self,
        rng: np.random.Generator,
        batch: _Batch,
        rows: np.ndarray,
        lang: str,
        title: Template | pa.Array,
        body: Template | pa.Array,
    ) -> pa.Table:
        """The ads of `rows`: from a site template, or with their texts already written."""
        k = len(rows)
        adv = batch.advertisers
        take = pa.array(rows)
        slots = {key: column.take(take) for key, column in batch.slots.items()}
        alias = {"item": VOCABULARY_OF.get(batch.name, "furniture")}
        template_slots: tuple[str, ...] = ()
        if isinstance(title, Template) and isinstance(body, Template):
            template_slots = title.slots + body.slots
            slots |= fill_vocabularies(rng, template_slots, lang, k, alias)
            title, body = capitalised(title.render(slots, k)), body.render(slots, k)
        mine = batch.who[rows]
        personal = adv.kind == "personal"
        employer = adv.kind == "employer"
        show_email = adv.show_email[mine] | ("email" in template_slots)
        languages = [[lang] if lang == "en" else [lang, "en"]] * k if personal else [[]] * k
        missing = pa.nulls(k, pa.string())
        return pa.table(
            {
                "ad_id": missing,
                "site": pa.array(adv.site[mine], pa.string()),
                "posted_at": pa.array(
                    self.clock.to_utc(batch.day[rows], self.clock.time_of_day(rng, "posting", k)),
                    pa.timestamp("us", tz="UTC"),
                ),
                "city": pa.array(batch.city[rows], pa.string()),
                "persona": pa.array(adv.persona[mine], pa.string())
                if adv.persona is not None
                else missing,
                "title": title,
                "body": body,
                "phone": missing if employer else pa.array(adv.phone[mine], pa.string()),
                "email": pa.array(np.where(show_email, adv.email[mine], None), pa.string()),
                "handle": pa.array(adv.handle[mine], pa.string()),
                "price": pa.array(batch.price[rows], pa.float64())
                if batch.price is not None
                else pa.nulls(k, pa.float64()),
                "currency": missing if employer else pa.repeat(pa.scalar("DKK"), k),
                "image_refs": pa.array(self._images(rng, batch, mine), pa.list_(pa.string())),
                "languages": pa.array(languages, pa.list_(pa.string())),
                "poster": pa.nulls(k, pa.string()),  # a bank's world: no platform accounts
            }
        )

    def _images(self, rng: np.random.Generator, batch: _Batch, mine: np.ndarray) -> list[list[str]]:
        refs: list[list[str]] = [[] for _ in mine]
        adv = batch.advertisers
        if self.images is None or batch.spec.get("images", [0, 0])[1] == 0:
            return refs
        if adv.photos is not None:  # personal advertisers: some show photos, in every ad
            pictured = adv.pictured(self.share_with_images)[mine]
        else:  # classifieds: most show the item
            pictured = rng.random(len(mine)) < self.share_with_images * 0.8
        for i in np.flatnonzero(pictured).tolist():
            who = int(mine[i])
            if adv.photos is not None:  # the same few photos every time
                key = (batch.name, who)
                if key not in self._photos:
                    self._photos[key] = [
                        self.images.unique(f"bg:{batch.name}:{who}:{j}")
                        for j in range(max(int(adv.photos[who]), 1))
                    ]
                refs[i] = list(self._photos[key])
            else:
                self._sequence += 1
                refs[i] = [self.images.unique(f"bg:{batch.name}:ad{self._sequence}")]
        return refs


class _Posts:
    """One personal advertiser's voice and what she posted last (for exact reposts)."""

    def __init__(self, voice: Voice, phone: str | None) -> None:
        self.voice, self.phone = voice, phone  # phone: as she hides it, if she does
        self.fresh = 0  # posts she wrote (not reposted)
        self.last: tuple[str, str] | None = None
        self.last_city: str | None = None

    def write(self, row: dict[str, Any]) -> tuple[str, str]:
        voice = self.voice
        if self.phone is not None:
            row = {**row, "phone": self.phone}
        marker, signoff = voice.edition(self.fresh)
        self.fresh += 1
        title = voice.title.format_map(row)
        if voice.marker_first:
            title = f"{marker[:1].upper()}{marker[1:]}: {title}"
        else:
            title = f"{title} – {marker}"
        if voice.lookalike is not None:
            title = lookalike(title, voice.lookalike)
        body = voice.body.format_map(row)
        return title, f"{body} {signoff}" if signoff else body


def _price(rng: np.random.Generator, spec: dict[str, Any], n: int) -> np.ndarray | None:
    if "price" not in spec:
        return None
    p = spec["price"]
    drawn = rng.lognormal(np.log(p["median"]), p["sigma"], n)
    return np.asarray(np.clip(np.round(drawn / p["step"]) * p["step"], p["min"], p["max"]))
