"""Realistic ads-only corpora for speed benchmarks: US adult-services classifieds as described by
the measured shares of ../shared/data/real-ads/vocabulary.md (not the ads themselves).

Each ad comes from one of about N/3 advertisers. An advertiser has a name, a phone, a city and her
own wording (a title and sentences drawn once from the pools below, each everyday term added at
its measured share); her ads reuse that wording, with a new sentence now and then (near
duplicates). 7.8 % of ads repeat an earlier ad exactly (reposts). Phones are written the ways
people write them; 7 % obfuscated (spelled digits, letters for digits, odd separators), 8 %
without any phone. 89 % of ads carry emoji, 3.6 % look-alike letters (mathematical bold or
full-width). Deterministic for a seed.

Written as canonical `ads.jsonl` (ad_id, site, posted_at, city, persona, title, body).
"""

from __future__ import annotations

import json
import random
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

CITIES = {
    "san francisco": "415",
    "oakland": "510",
    "san jose": "408",
    "san diego": "619",
    "los angeles": "213",
    "santa monica": "310",
    "van nuys": "818",
    "sacramento": "916",
    "santa rosa": "707",
    "irvine": "949",
    "fresno": "559",
}
NAMES = [
    "Mia",
    "Lily",
    "Jade",
    "Kira",
    "Nina",
    "Roxy",
    "Luna",
    "Bella",
    "Stella",
    "Gigi",
    "Coco",
    "Ruby",
    "Ivy",
    "Vanessa",
    "Aria",
    "Jasmine",
    "Candy",
    "Honey",
    "Sasha",
    "Tiffany",
    "Amber",
    "Crystal",
    "Destiny",
    "Kayla",
    "Maya",
    "Selena",
    "Skye",
    "Summer",
    "Violet",
    "Zoe",
]
# (term, measured share of ads, sentence that carries it)
TERMS: tuple[tuple[str, float, str], ...] = (
    ("young", 0.117, "{Young|Young and fun|Young, sexy and} {curvy|slim|playful} girl."),
    ("fresh", 0.029, "Fresh {face|and clean|smile}."),
    ("new in town", 0.026, "New in town for a few days only."),
    ("petite", 0.082, "{Petite|Sexy petite|Cute petite} {brunette|blonde|spinner}."),
    ("sweet", 0.330, "{Sweet|So sweet|Sweet and sexy} {girl next door|treat|personality}."),
    ("baby", 0.097, "Come see me {baby|babe}."),
    ("candy", 0.019, "Your {eye candy|sweet candy}."),
    ("latina", 0.098, "{Sexy|Hot|Exotic} latina."),
    ("asian", 0.134, "{Sexy|Beautiful|Exotic} asian {doll|beauty}."),
    ("ebony", 0.032, "Ebony {goddess|queen|beauty}."),
    ("korean", 0.021, "Korean {doll|beauty}."),
    ("japanese", 0.014, "Japanese {girl|beauty}."),
    ("thai", 0.010, "Thai {girl|beauty}."),
    ("white", 0.070, "{White|Black} {girl|beauty} with {curves|a great smile}."),
    ("100% real", 0.193, "100% real {pics|photos|me}!"),
    ("real pics", 0.116, "Real {pics|photos|pictures}, no surprises."),
    ("independent", 0.201, "{Independent|Independent provider|Independent and discreet}."),
    ("text only", 0.026, "Text only please."),
    ("no aa", 0.084, "No AA, no blocked calls."),
    ("24/7", 0.044, "Available 24/7."),
    ("available now", 0.058, "Available now {incall|outcall|incall and outcall}."),
    ("new girl", 0.023, "New girl in {town|the area}."),
    ("we", 0.177, "We are {two girls|friends} and {we love to play|our place is clean}."),
    ("girls", 0.088, "{Two|Hot|Sexy} girls {available|together}."),
    ("age", 0.048, "I am {18|19} years old."),
    ("donation", 0.004, "Donations only, {roses|donation} for time."),
    ("gfe", 0.021, "{Great|Real|Best} GFE."),
    ("messenger", 0.010, "Add me on {snapchat|kik|telegram|whatsapp}."),
    ("massage", 0.116, "{Relaxing|Sensual|Body} massage."),
    ("spa", 0.026, "{Clean|New|Quiet} spa."),
)
FILLER = (
    "{Hi|Hey|Hello} gentlemen, my name is {name}.",
    "I am {fun|easy going|friendly|classy} and {discreet|open minded|playful}.",
    "{Come|Let's} have a {great|good|fun} time {tonight|together|with me}.",
    "{Clean|Safe|Upscale} {incall|location|place} near {city}.",
    "{Serious|Respectful} gentlemen only.",
    "{Call|Text|Call or text} me {now|anytime|babe}: {phone}",
    "{Short|No} notice {ok|needed}.",
    "You will not be disappointed.",
    "{Special|Specials} {today|this week}.",
    "{Let me|I will} make your day.",
    "{Outcall|Incall} {only|available}.",
)
TITLES = (
    "{Sexy|Hot|Sweet|Beautiful} {name} in {city}",
    "{name} - {available now|incall|outcall} - {age}",
    "{Fun|Classy|Playful} {girl|lady|brunette|blonde} {name}",
    "{Upscale|Discreet} {companion|fun} {name} {phone}",
)
EMOJI = {"🎀": 0.095, "🍭": 0.115, "🍬": 0.042, "🍒": 0.068, "👅": 0.195, "💋": 0.434, "🌹": 0.088}
EMOJI |= {"🍑": 0.064, "💦": 0.15, "❤️": 0.2, "🔥": 0.15, "😘": 0.2}
SPELLED = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
LOOKALIKE_BOLD = {c: chr(0x1D5D4 + i) for i, c in enumerate("abcdefghijklmnopqrstuvwxyz")}


def _choices(rng: random.Random, text: str) -> str:
    out, i = [], 0
    while (start := text.find("{", i)) >= 0:
        end = text.index("}", start)
        out.append(text[i:start])
        inner = text[start + 1 : end]
        out.append(rng.choice(inner.split("|")) if "|" in inner else "{" + inner + "}")
        i = end + 1
    out.append(text[i:])
    return "".join(out)


def _phone_digits(rng: random.Random, area: str) -> str:
    return area + str(rng.randint(201, 989)).replace("555", "556") + f"{rng.randint(0, 9999):04d}"


def phone_text(rng: random.Random, digits: str) -> str:
    """A US phone as people write it; about 7 % obfuscated."""
    a, b, c = digits[:3], digits[3:6], digits[6:]
    roll = rng.random()
    if roll < 0.93:
        return rng.choice(
            (f"{a}-{b}-{c}", f"({a}) {b}-{c}", f"{a}.{b}.{c}", f"{a}{b}{c}", f"{a} {b} {c}")
        )
    style = rng.randrange(3)
    if style == 0:
        return " ".join(SPELLED[int(d)] for d in digits)
    if style == 1:
        return f"{a}--{b}--{c}".replace("0", "O").replace("1", "l")
    return " ".join(digits)


def _emoji(rng: random.Random) -> str:
    if rng.random() > 0.89:
        return ""
    picked = [e for e, share in EMOJI.items() if rng.random() < share * 1.4]
    return "".join(picked) or "💋"


def _lookalike(text: str) -> str:
    return "".join(LOOKALIKE_BOLD.get(c, c) for c in text)


class Advertiser:
    def __init__(self, rng: random.Random, index: int) -> None:
        self.number = index
        self.city = rng.choice(list(CITIES))
        self.name = rng.choice(NAMES)
        self.phone = _phone_digits(rng, CITIES[self.city]) if rng.random() > 0.08 else None
        self.age = str(rng.randint(21, 35)) if rng.random() > 0.048 else rng.choice(("18", "19"))
        self.title = _choices(rng, rng.choice(TITLES))
        sentences = [_choices(rng, rng.choice(FILLER)) for _ in range(rng.randint(2, 4))]
        sentences += [_choices(rng, s) for term, share, s in TERMS if rng.random() < share]
        rng.shuffle(sentences)
        if self.phone and not any("{phone}" in s for s in sentences):
            sentences.append(rng.choice(("Call", "Text")) + " {phone}")
        self.sentences = sentences
        self.emoji = _emoji(rng)
        self.lookalike = rng.random() < 0.036
        self.site = f"classifieds.example/{self.city.replace(' ', '')}"

    def ad(self, rng: random.Random) -> tuple[str, str]:
        sentences = list(self.sentences)
        if rng.random() < 0.3:  # a near duplicate: one sentence added or dropped
            if rng.random() < 0.5 and len(sentences) > 2:
                sentences.pop(rng.randrange(len(sentences)))
            else:
                extra = _choices(rng, rng.choice(FILLER))
                sentences.insert(rng.randrange(len(sentences) + 1), extra)
        phone = phone_text(rng, self.phone) if self.phone else ""
        slots = {"name": self.name, "city": self.city.title(), "phone": phone, "age": self.age}
        title = self.title.format_map(slots)
        body = " ".join(sentences).format_map(slots)
        if self.emoji:
            title = f"{self.emoji[:2]} {title} {self.emoji[:2]}"
            body = f"{self.emoji} {body} {self.emoji[::-1]}"
        if self.lookalike:
            title = _lookalike(title)
        return title, body


def make_ads(n: int, seed: int = 1, persona: str = "ad") -> list[dict[str, Any]]:
    """`persona`: "ad" gives each ad its own (as in the measured real-ads scan), "advertiser"
    one per advertiser, "none" leaves the field out (real classifieds carry none)."""
    rng = random.Random(seed)
    advertisers = [Advertiser(rng, i) for i in range(max(1, n // 3))]
    start = datetime(2017, 3, 1, tzinfo=UTC)
    ads: list[dict[str, Any]] = []
    for i in range(n):
        posted = start + timedelta(seconds=i * 97 + rng.randrange(60))
        if ads and rng.random() < 0.078:  # a repost: an earlier ad's title and body exactly
            earlier = rng.choice(ads)
            ad = {**earlier, "ad_id": f"ad{i:07d}", "posted_at": posted.isoformat()}
        else:
            adv = rng.choice(advertisers)
            title, body = adv.ad(rng)
            ad = {
                "ad_id": f"ad{i:07d}",
                "site": adv.site,
                "posted_at": posted.isoformat(),
                "city": adv.city.title(),
                "title": title,
                "body": body,
            }
            if persona == "advertiser":
                ad["persona"] = f"{adv.name} {adv.number}"
        if persona == "ad":
            ad["persona"] = f"{ad['ad_id']}"
        ads.append(ad)
    return ads


def write_ads(path: Path, n: int, seed: int = 1, persona: str = "ad") -> Path:
    """N ads as canonical `ads.jsonl` in the folder `path` (created)."""
    path.mkdir(parents=True, exist_ok=True)
    out = path / "ads.jsonl"
    with out.open("w", encoding="utf-8") as handle:
        for ad in make_ads(n, seed, persona):
            handle.write(json.dumps(ad, ensure_ascii=False) + "\n")
    return out
