"""Real-looking US adult-services ads with known posters, for bench_templates.py.

The real 2017 ads behind issue #12 are not available here; this generator writes ads that look
like them (docs/templates.md says how far): English, emoji on most ads, stock phrases shared by
many advertisers ("100% real", "independent", "text only", "no AA", "new in town"), prices and
ages, US phones written plain, with odd separators or spelled out, stylised titles and a few
look-alike letters. Truth is the POSTER behind each ad (one phone per poster, as the issue's
real-data score used phone-sharing groups):

- independent advertisers (most): each writes her own ad once from shared sentence pools with
  her own word choices, and re-posts it: an exact copy, a light edit (new title, other emoji,
  other price or age, a sentence added, dropped or swapped, two sentences in another order) or
  a heavier rewrite that keeps about half of her sentences;
- agencies: one template for several women (name, age, origin and emoji swapped), one phone;
- copiers (1 % of advertisers): take a popular ad's text and put their own name and phone in,
  the first known false positive of BEH-AD-TEMPLATE; truth counts them as different posters.

Vocabulary rates follow /work/shared/data/real-ads/vocabulary.md loosely (not tuned to it).
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from typing import Any

EMOJI = ["💋", "👅", "🍭", "🎀", "🍒", "🌹", "🍑", "🍬", "💦", "🔥", "😘", "💕", "✨", "😍", "💯"]
NAMES = [
    "Mia",
    "Bella",
    "Luna",
    "Nina",
    "Candy",
    "Jade",
    "Destiny",
    "Kitty",
    "Honey",
    "Roxy",
    "Lexi",
    "Amber",
    "Crystal",
    "Diamond",
    "Star",
    "Sasha",
    "Naomi",
    "Coco",
    "Ruby",
    "Ivy",
    "Daisy",
    "Lola",
    "Stella",
    "Aria",
    "Kiki",
    "Maya",
    "Sofia",
    "Gia",
    "Nikki",
    "Tiffany",
    "Jasmine",
    "Angel",
    "Brandy",
    "Cherry",
    "Sugar",
    "Paris",
    "Layla",
    "Vanessa",
    "Gabriela",
    "Yuki",
    "Mai",
    "Lily",
    "Kim",
    "Tina",
    "Selena",
    "Nova",
]
CITIES = [
    "San Diego",
    "Los Angeles",
    "Oakland",
    "San Jose",
    "Fresno",
    "Sacramento",
    "Long Beach",
    "Bakersfield",
    "Anaheim",
    "Santa Ana",
    "Riverside",
    "Stockton",
    "Irvine",
    "Modesto",
    "Ontario",
]
ORIGINS = ["latina", "asian", "ebony", "korean", "japanese", "thai", "white", "exotic", "mixed"]
AREA = ["619", "858", "213", "310", "323", "510", "408", "559", "916", "562", "661", "714", "951"]

# Sentence pools by part; {a|b|c}: the advertiser picks one alternative once and keeps it.
POOLS: dict[str, list[str]] = {
    "hello": [
        "Hi {gentlemen|guys|fellas|babe}, my name is {name}",
        "Hey {there|guys|gentlemen} it's {name}",
        "{Hello|Hi} I am {name}",
        "{name} here {ready|waiting} for you",
        "Let me introduce myself, I'm {name}",
        "Your {new|favorite|sweet} {girl|obsession} {name} is here",
        "Meet {name}, {your|the} {sweet|sexy} {girl next door|secret}",
    ],
    "looks": [
        "{sweet|sexy|petite} {origin} {babe|doll|beauty} with {curves in all the right places|"
        "a tight body|a petite body|a pretty smile|a beautiful smile}",
        "I am {age} {years old|yo|y/o}, {5'2|5'4|5'6|5'7} and {110|115|120|125|130} lbs",
        "{petite|slim|curvy|thick} and {sweet|fun|playful|classy} {origin} {girl|lady|woman}",
        "{long|silky} {black|brown|blonde|dark} hair and {soft|smooth} {skin|lips}",
        "{young|fresh|new} and {eager to please|ready to play|full of energy}",
        "{Beautiful|Gorgeous|Stunning} {origin} {doll|princess|goddess} {age}",
        "{natural|real} {34C|34D|36C|32B} {body|curves}, no surgery",
    ],
    "offer": [
        "I {offer|provide} {the best|an unforgettable|a relaxing} {GFE|experience|time}",
        "{incall|outcall|incall and outcall|incall only} {available|ready} in {city}",
        "{discreet|private|clean} {and safe |}{location|place|apartment} {near|close to} the "
        "{freeway|airport|downtown}",
        "{come|let me} {relax|unwind|escape} with {me|a sweet girl} after a long day",
        "{new in town|just arrived|visiting} {for a few days|this week|only}",
        "{massage|body rub|relaxing massage} {and more|included|first}",
        "{I'm|I am} {friendly|easy going|open minded} and {love|enjoy} {to please|what I do}",
    ],
    "trust": [
        "100% real {pics|photos|pictures}",
        "{independent|no pimp|no agency}, {just me|all me}",
        "{real|recent} {pics|photos}, {no fakes|no games|no surprises}",
        "{what you see is what you get|no bait and switch}",
        "{verified|100% real} {and independent|girl}",
    ],
    "rules": [
        "no {AA|african american|black men} {sorry|please}",
        "no {law enforcement|LE|cops}",
        "{text only|texts only|no calls}{, no blocked numbers|}",
        "{serious|respectful} {gentlemen|men|clients} only",
        "{no rush|no rushing}{, no drama|}",
        "{please|kindly} {be|stay} {respectful|discreet|clean}",
    ],
    "when": [
        "available {24/7|now|all day|late night|today}",
        "{call|text} {me|now} {anytime|before 2am|after 10am}",
        "{open|here} {until|till} {late|3am|midnight}",
        "{don't|dont} {miss out|wait}, {I'm|I am} {only|just} here {a few days|this week}",
    ],
    "price": [
        "{roses|donation|rate}: {qv|hh|h} {80|100|120|150|160|200}",
        "{specials|special} {today|tonight} {qv|hh} {80|100|120}",
        "{150|160|180|200|250|300} {h|hr|hour}",
    ],
}
PART_ORDER = ["hello", "looks", "offer", "trust", "rules", "when", "price"]
TITLE = [
    "{emoji} {sweet|sexy|hot} {origin} {babe|baby|doll} {emoji} {new in town|available now|"
    "just arrived} {emoji}",
    "{name} {emoji} {petite|sweet|young} {origin} {emoji}",
    "{emoji}{emoji} {ready|waiting} for you {emoji} {incall|outcall} {city} {emoji}",
    "{100% real|real pics} {emoji} {name} {age} {emoji}",
    "{new girl|new in town|back in town} {emoji} {origin} {cutie|princess|treat} {emoji}",
]
BOLD = {c: chr(0x1D400 + i) for i, c in enumerate("ABCDEFGHIJKLMNOPQRSTUVWXYZ")} | {
    c: chr(0x1D41A + i) for i, c in enumerate("abcdefghijklmnopqrstuvwxyz")
}
DIGIT_WORDS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]


def _choose(rng: random.Random, text: str, picks: dict[str, str]) -> str:
    """`{a|b}` alternatives resolved; each distinct alternative set resolved once per writer
    (kept in `picks`), so a writer keeps her wording across her ads."""
    out, i = [], 0
    while i < len(text):
        if text[i] == "{" and "|" in text[i : text.index("}", i)]:
            end = text.index("}", i)
            key = text[i : end + 1]
            if key not in picks:
                picks[key] = rng.choice(key[1:-1].split("|"))
            out.append(picks[key])
            i = end + 1
        else:
            out.append(text[i])
            i += 1
    return "".join(out)


def phone_text(rng: random.Random, digits: str) -> str:
    """A US number as advertisers write it: plain, dotted, spaced, with odd separators, in
    brackets, or partly spelled out."""
    a, b, c = digits[:3], digits[3:6], digits[6:]
    style = rng.random()
    if style < 0.45:
        return rng.choice([f"{a}-{b}-{c}", f"({a}) {b}-{c}", f"{a}.{b}.{c}", f"{a}{b}{c}"])
    if style < 0.8:
        return rng.choice([f"{a} {b} {c}", f"{a}*{b}*{c}", f"{a}~{b}~{c}", f"{a}--{b}--{c}"])
    spelled = " ".join(DIGIT_WORDS[int(d)] if rng.random() < 0.5 else d for d in digits)
    return spelled


@dataclass
class Writer:
    """One advertiser's fixed choices: her sentences and her wording of them."""

    sentences: list[str]
    picks: dict[str, str]
    title: str
    emoji: list[str]  # her favourite emoji
    style: dict[str, str]  # her sentence endings and separator, kept across her ads


def new_writer(rng: random.Random) -> Writer:
    picks: dict[str, str] = {}
    sentences = []
    for part in PART_ORDER:
        if rng.random() < (0.95 if part in ("hello", "looks", "offer") else 0.6):
            for template in rng.sample(POOLS[part], k=rng.choice([1, 1, 2])):
                sentences.append(template)
    if rng.random() < 0.5:  # the middle parts in her own order
        middle = sentences[1:-1]
        rng.shuffle(middle)
        sentences = sentences[:1] + middle + sentences[-1:]
    emoji = rng.sample(EMOJI, k=rng.randint(2, 5))
    return Writer(sentences, picks, rng.choice(TITLE), emoji, {})


def _emoji(rng: random.Random, favourite: list[str]) -> str:
    return "" if rng.random() < 0.15 else "".join(rng.choices(favourite, k=rng.randint(1, 3)))


def _kept(rng: random.Random, writer: Writer, key: str, make: Any, change: float = 0.15) -> str:
    """A stylistic choice the writer keeps across her ads, changed now and then."""
    if key not in writer.style or rng.random() < change:
        writer.style[key] = make()
    return writer.style[key]


def render(rng: random.Random, writer: Writer, slots: dict[str, str]) -> tuple[str, str]:
    """(title, body) of one ad by `writer` with these slot values."""

    def fill(text: str) -> str:
        text = _choose(rng, text, writer.picks)
        for key, value in slots.items():
            text = text.replace("{" + key + "}", value)
        count = 0
        while "{emoji}" in text:
            count += 1
            made = _kept(rng, writer, f"{text[:8]}{count}", lambda: _emoji(rng, writer.emoji))
            text = text.replace("{emoji}", made, 1)
        return " ".join(text.split())

    title = fill(writer.title)
    if rng.random() < 0.036:  # look-alike letters (mathematical bold)
        title = "".join(BOLD.get(c, c) for c in title)
    parts = []
    for sentence in writer.sentences:
        text = fill(sentence)
        end = _kept(
            rng,
            writer,
            "end:" + sentence,
            lambda: rng.choice([".", "!", " " + _emoji(rng, writer.emoji), "..", " ~"]),
        )
        parts.append(text[0].upper() + text[1:] + end)
    contact = rng.choice(["Text me", "Call or text", "Contact me", "Txt"])
    parts.append(contact + " " + slots["phone"])
    sep = _kept(rng, writer, "sep", lambda: rng.choice([" ", "\n", " ~ ", " * "]), 0.05)
    return title, sep.join(parts)


def edit(rng: random.Random, writer: Writer, heavy: bool) -> Writer:
    """The writer's next version of her ad: a light edit (a sentence added, dropped or swapped,
    two in another order, a new title) or, `heavy`, about half her sentences rewritten."""
    sentences = list(writer.sentences)
    picks = dict(writer.picks)
    title = writer.title
    steps = rng.randint(3, 5) if heavy else rng.randint(1, 2)
    for _ in range(steps):
        move = rng.random()
        part = rng.choice(PART_ORDER[1:])
        if move < 0.3 and len(sentences) > 3:
            sentences.pop(rng.randrange(1, len(sentences)))
        elif move < 0.6:
            sentences.insert(rng.randrange(1, len(sentences) + 1), rng.choice(POOLS[part]))
        elif move < 0.8 and len(sentences) > 2:
            i, j = rng.sample(range(1, len(sentences)), 2)
            sentences[i], sentences[j] = sentences[j], sentences[i]
        else:
            title = rng.choice(TITLE)
    if heavy:  # re-pick some of her wording
        for key in rng.sample(sorted(picks), k=len(picks) // 2):
            del picks[key]
    return Writer(sentences, picks, title, writer.emoji, dict(writer.style))


def generate(n: int, seed: int = 1) -> list[dict[str, Any]]:
    """About `n` ads: dicts with ad_id, title, body, city and the truth `poster` (no persona
    field: real ads carry none)."""
    rng = random.Random(seed)
    ads: list[dict[str, Any]] = []
    popular: list[Writer] = []

    def slots(name: str, phone: str, city: str) -> dict[str, str]:
        return {
            "name": name,
            "city": city,
            "origin": rng.choice(ORIGINS),
            "age": str(rng.choice([19, 20, 21, 22, 23, 24, 25, 26, 28, 30, 32])),
            "phone": phone_text(rng, phone),
        }

    def post(poster: str, writer: Writer, name: str, phone: str) -> None:
        city = rng.choice(CITIES)
        title, body = render(rng, writer, slots(name, phone, city))
        row = {"ad_id": f"R{len(ads):06d}", "title": title, "body": body, "city": city}
        ads.append(row | {"poster": poster})

    while len(ads) < n:
        poster = f"P{rng.getrandbits(40):010x}"
        phone = rng.choice(AREA) + str(rng.randint(2000000, 9999999))
        roll = rng.random()
        if roll < 0.06:  # an agency: one template, several women, one phone
            writer = new_writer(rng)
            for _ in range(rng.randint(2, 8)):
                name = rng.choice(NAMES)
                for _ in range(rng.choice([1, 1, 2])):
                    post(poster, writer, name, phone)
            continue
        if roll < 0.07 and popular:  # a copier: a popular text with her own name and phone
            writer = rng.choice(popular)
            copy = Writer(writer.sentences, dict(writer.picks), writer.title, writer.emoji, {})
            post(poster, copy, rng.choice(NAMES), phone)
            continue
        writer = new_writer(rng)
        name = rng.choice(NAMES)
        if len(popular) < 5 and rng.random() < 0.05:
            popular.append(writer)
        count = min(40, int(rng.paretovariate(1.3)))
        first = len(ads)
        post(poster, writer, name, phone)
        for _ in range(count - 1):
            move = rng.random()
            if move < 0.12:  # an exact re-post of an earlier ad of hers
                ads.append(dict(ads[rng.randrange(first, len(ads))], ad_id=f"R{len(ads):06d}"))
                continue
            if move < 0.85:
                writer = edit(rng, writer, heavy=move > 0.72)
            post(poster, writer, name, phone)
    return ads[:n]
