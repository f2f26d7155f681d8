"""Everyday ad vocabulary in background personal ads, at the rates of real ads.

Real lawful escort and massage ads are full of words a naive word list reads as red flags
("young", "petite", 🍭, "100% real", "independent", "24/7", "new girl" ...). The shares in
data/ad_vocabulary.yaml were measured on 6,201 real ads; here every personal advertiser draws each
term independently with its share, once (`draw`, vectorised over advertisers), and writes the
terms she drew into her title and body in a wording of her own (`decorate`, once per advertiser),
so all her ads carry them and a term's share of ads matches its share of advertisers. Traits of
a whole ad (look-alike letters, an obfuscated phone, a stated age of 18 or 19) and reposts are
drawn the same way. None of this touches the truth: a lawful ad stays lawful whatever it says.
"""

from __future__ import annotations

import math
import random
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

import numpy as np

from redflags_synth.world.benign.data import load

TRAITS = ("lookalike", "obfuscated_phone", "stated_age_18_19")
# How often a term of each placement goes into the title (else into the body).
TITLE_SHARE = {"title": 0.8, "either": 0.4, "body": 0.0}
_EMOJI = re.compile(r"^[^\w\s]+$")
_BOLD = {
    **{chr(ord("A") + i): chr(0x1D400 + i) for i in range(26)},
    **{chr(ord("a") + i): chr(0x1D41A + i) for i in range(26)},
    **{chr(ord("0") + i): chr(0x1D7CE + i) for i in range(10)},
}
_WIDE = {chr(c): chr(c + 0xFEE0) for c in range(0x21, 0x7F)}
LOOKALIKE_STYLES = {"bold": str.maketrans(_BOLD), "wide": str.maketrans(_WIDE)}


@dataclass(frozen=True)
class Term:
    name: str
    share: float
    match: re.Pattern[str] | None  # how the English share was measured
    where: str  # title, body or either
    categories: frozenset[str] | None  # None: every personal category
    phrases: Mapping[str, tuple[str, ...]]

    def options(self, language: str) -> tuple[str, ...]:
        return self.phrases.get(language) or self.phrases.get("any") or ()

    @property
    def emoji(self) -> bool:
        return all(_EMOJI.match(p) for ps in self.phrases.values() for p in ps)


@dataclass(frozen=True)
class Voice:
    """One advertiser's ad as she writes it: slots left as {slots}, filled per ad."""

    title: str
    body: str
    lookalike: str | None  # look-alike style of her title, if she uses one
    obfuscation: int | None  # how she hides her phone, if she does
    markers: tuple[str, ...]  # day markers for her title
    signoffs: tuple[str, ...]  # sign-offs below her body ("" for none)
    step: int  # her order of (marker, sign-off) pairs: post k uses pair (step * k + offset) % M
    offset: int
    marker_first: bool  # marker before the title (else after)

    def edition(self, post: int) -> tuple[str, str]:
        """The day marker and sign-off of her `post`-th fresh post (all differ for M posts)."""
        pair = (self.step * post + self.offset) % (len(self.markers) * len(self.signoffs))
        return self.markers[pair % len(self.markers)], self.signoffs[pair // len(self.markers)]


class AdVocabulary:
    def __init__(self, spec: Mapping[str, Any]) -> None:
        self.terms = tuple(
            Term(
                name=name,
                share=float(t["share"]),
                match=re.compile(t["match"], re.IGNORECASE) if "match" in t else None,
                where=str(t.get("where", "either")),
                categories=frozenset(t["categories"]) if "categories" in t else None,
                phrases={lang: tuple(p) for lang, p in t["phrases"].items()},
            )
            for name, t in spec["terms"].items()
        )
        self.traits = {name: float(spec["traits"][name]) for name in TRAITS}
        self.columns = (*(t.name for t in self.terms), *TRAITS)
        self.stated_age = re.compile(spec["stated_age"], re.IGNORECASE)
        self.age_phrases = {lang: tuple(p) for lang, p in spec["age_phrases"].items()}
        self.repost_share = float(spec["reposts"]["share"])
        self.repost_chance = float(spec["reposts"]["repost_chance"])
        self.editions = {
            lang: (
                tuple(form.format(day=day) for day in e["days"] for form in e["forms"]),
                tuple(e["signoffs"]),
            )
            for lang, e in spec["editions"].items()
        }
        self.digit_words = {lang: tuple(w) for lang, w in spec["digit_words"].items()}

    def column(self, name: str) -> int:
        return self.columns.index(name)

    def draw(
        self,
        rng: np.random.Generator,
        category: str,
        n: int,
        female: np.ndarray | None = None,
        female_share: float = 1.0,
    ) -> np.ndarray:
        """Which terms and traits each of `n` advertisers uses: an (n, columns) bool array, every
        column drawn independently (0 for terms not of this category).

        The shares were measured on women's ads: men (`female` False) write none of the words,
        only emoji, and women draw words at share / `female_share`, so that the share of all
        ads is the measured one."""
        words = np.asarray([not t.emoji for t in self.terms] + [False] * len(TRAITS))
        shares = np.asarray(
            [
                t.share if t.categories is None or category in t.categories else 0.0
                for t in self.terms
            ]
            + [self.traits[name] for name in TRAITS]
        )
        if female is None:
            female = np.ones(n, dtype=bool)
        scaled = np.where(words, np.minimum(shares / female_share, 1.0), shares)
        p = np.where(words[None, :] & ~female[:, None], 0.0, scaled[None, :])
        return np.asarray(rng.random((n, len(shares))) < p)

    def voice(
        self, rng: random.Random, title: str, parts: Sequence[str], language: str, row: np.ndarray
    ) -> Voice:
        """Her title and body with the terms of `row` (one advertiser's draw) written in."""
        heads: list[str] = []
        signs: list[str] = []  # emoji in the title
        body = [p for p in parts if p]
        for term, used in zip(self.terms, row[: len(self.terms)].tolist(), strict=True):
            options = term.options(language)
            if not used or not options:
                continue
            phrase = rng.choice(options)
            in_title = rng.random() < TITLE_SHARE[term.where]
            if term.emoji:
                if in_title:
                    signs.append(phrase)
                else:
                    i = rng.randrange(len(body)) if body else 0
                    body[i : i + 1] = [f"{body[i]} {phrase}" if body else phrase]
            elif in_title:
                heads.append(phrase)
            else:
                end = rng.choice([".", ".", "!", "!!", " ~"])
                body.insert(rng.randrange(len(body) + 1), _sentence(phrase) + end)
        if row[self.column("stated_age_18_19")]:
            heads.append(rng.choice(self.age_phrases.get(language) or self.age_phrases["en"]))
        title = _titled(rng, title, heads, signs)
        markers, signoffs = self.editions.get(language) or self.editions["en"]
        pairs = len(markers) * len(signoffs)
        step = rng.randrange(1, pairs)
        while math.gcd(step, pairs) != 1:  # a step coprime to M visits every pair once
            step = rng.randrange(1, pairs)
        return Voice(
            title=title,
            body=" ".join(body),
            lookalike=rng.choice(sorted(LOOKALIKE_STYLES))
            if row[self.column("lookalike")]
            else None,
            obfuscation=rng.randrange(4) if row[self.column("obfuscated_phone")] else None,
            markers=markers,
            signoffs=signoffs,
            step=step,
            offset=rng.randrange(pairs),
            marker_first=rng.random() < 0.5,
        )

    def obfuscated(self, phone: str, language: str, style: int) -> str:
        """`phone` (E.164) written so that a plain parser misses it: digits as words, letters
        for digits, odd separators or brackets. Danish numbers lose their +45 as people write
        them; other numbers keep their country code."""
        digits = phone[3:] if phone.startswith("+45") else phone.lstrip("+")
        plus = "" if phone.startswith("+45") else "+"
        pairs = [digits[i : i + 2] for i in range(0, len(digits), 2)]
        if style == 0:
            words = self.digit_words.get(language) or self.digit_words["en"]
            return " ".join(words[int(d)] for d in digits)
        if style == 1:  # every other pair in words, letters for 0 and 1 in the rest
            words = self.digit_words["en"]
            return plus + " ".join(
                " ".join(words[int(d)] for d in p)
                if i % 2
                else p.replace("0", "O").replace("1", "l")
                for i, p in enumerate(pairs)
            )
        if style == 2:
            return plus + "*".join(pairs)
        return plus + " ".join(f"[{p}]" for p in pairs)


def lookalike(text: str, style: str) -> str:
    """`text` in mathematical bold or full-width letters (what NFKC folds back)."""
    return text.translate(LOOKALIKE_STYLES[style])


def _sentence(phrase: str) -> str:
    return phrase[:1].upper() + phrase[1:]


def _titled(rng: random.Random, title: str, heads: list[str], signs: list[str]) -> str:
    """Her title with the words she puts in it, in front or behind, and her emoji around it."""
    if heads:
        rng.shuffle(heads)
        words = rng.choice([" ", ", ", " · ", " | "]).join(heads)
        shout = rng.random() < 0.15 and "{" not in words  # keep {age} a slot
        words = words.upper() if shout else _sentence(words)
        title = f"{words} – {title}" if rng.random() < 0.5 else f"{title} – {words}"
    if signs:
        emoji = "".join(signs)
        side = rng.randrange(3)
        title = (f"{emoji} {title}", f"{title} {emoji}", f"{emoji} {title} {emoji}")[side]
    return title


@cache
def ad_vocabulary() -> AdVocabulary:
    return AdVocabulary(load("ad_vocabulary"))
