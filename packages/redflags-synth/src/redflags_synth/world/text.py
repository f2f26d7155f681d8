"""Texts for typologies: multilingual templates in YAML data files, filled from slots and pools.

A template names the indicator ids its wording shows (a threat, a passport request, third-person
ad copy) and the concepts of RCS-REC-MESSENGER-JOB-AD it states. That indicator is derived from
the concepts, because a post only matches its rule when it says all four things (destination,
sector, earnings, messenger contact); the sector and a messenger contact field often come from the
caller, not the template. Concepts are semantic: a Thai post that says all four counts even though
today's lexicon has no Thai terms, because truth describes the rule, not the detector.

Positives and negatives use the same helpers here (handles, phone display, pools), so nothing in a
text's form tells them apart.
"""

from __future__ import annotations

import random
import re
import string
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import yaml
from anyascii import anyascii

JOB_AD = "RCS-REC-MESSENGER-JOB-AD"
JOB_AD_CONCEPTS = frozenset({"destination", "sector", "earnings", "messenger"})


@dataclass(frozen=True)
class Text:
    title: str | None
    body: str
    language: str
    indicators: frozenset[str]
    template: str  # "file/group/language/index": ads from one template share it


@cache
def load(name: str) -> dict[str, Any]:
    path = resources.files("redflags_synth.world") / "data" / "typology_texts" / f"{name}.yaml"
    data: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
    return data


def languages(name: str, group: str) -> list[str]:
    """Languages a template group is written in."""
    return list(load(name)["templates"][group])


def pool(name: str, key: str, language: str = "any") -> list[Any]:
    """A list from a file's pools: per language, falling back to 'any'."""
    pools = load(name).get("pools", {})
    found = pools.get(language, {}).get(key)
    if found is None:
        found = pools.get("any", {}).get(key)
    if found is None:
        raise KeyError(f"{name}.yaml has no pool {key!r} for {language!r}")
    return list(found)


class _Slots(dict[str, str]):
    """Explicit slots first, then a random pick from the file's pools (drawn once per slot)."""

    def __init__(self, rng: random.Random, name: str, language: str, given: Mapping[str, Any]):
        super().__init__({k: str(v) for k, v in given.items()})
        self.rng, self.name, self.language = rng, name, language

    def __missing__(self, key: str) -> str:
        value = str(self.rng.choice(pool(self.name, key, self.language)))
        self[key] = value
        return value


def write(
    rng: random.Random,
    name: str,
    group: str,
    language: str,
    /,
    *,
    concepts: Iterable[str] = (),
    choice: int | None = None,
    **slots: Any,
) -> Text:
    """A random template of `group` in `language` (or entry number `choice`), filled. `concepts`
    adds what the caller states beside the text (a sector slot, a messenger contact field)."""
    entries = load(name)["templates"][group][language]
    index = rng.randrange(len(entries)) if choice is None else choice
    entry = entries[index]
    if isinstance(entry, str):
        entry = {"body": entry}
    filled = _Slots(rng, name, language, slots)
    title = entry.get("title")
    text_title = string.Formatter().vformat(title, (), filled) if title else None
    body = string.Formatter().vformat(entry["body"], (), filled)
    indicators = set(entry.get("indicators", ()))
    if set(entry.get("concepts", ())) | set(concepts) >= JOB_AD_CONCEPTS:
        indicators.add(JOB_AD)
    return Text(
        title=text_title,
        body=" ".join(body.split()),
        language=language,
        indicators=frozenset(indicators),
        template=f"{name}/{group}/{language}/{index}",
    )


# -- identifiers as people write them ------------------------------------------------------------

_HANDLE_CHARS = re.compile(r"[^a-z0-9]")


def handle(rng: random.Random, *words: str) -> str:
    """A messenger username from names or words ('ana_pop91', 'nordlysjobs'), Telegram-valid."""
    parts = [_HANDLE_CHARS.sub("", anyascii(w).lower()) for w in words if w]
    parts = [p for p in parts if p] or ["user"]
    if len(parts) > 1 and rng.random() < 0.4:
        parts[-1] = parts[-1][:1]
    name = rng.choice(["", "_", "_"]).join(parts)
    if rng.random() < 0.6 or len(name) < 5:
        name += str(rng.randrange(1, 100))
    return name[:32]


def show_phone(rng: random.Random, e164: str) -> str:
    """A phone number as people usually type it (a scraper still reads it)."""
    if e164.startswith("+45"):
        local = e164[3:]
        pairs = " ".join(local[i : i + 2] for i in range(0, 8, 2))
        return rng.choice([local, pairs, f"+45 {pairs}", e164, f"{local[:4]} {local[4:]}"])
    return rng.choice([e164, f"{e164[:3]} {e164[3:6]} {e164[6:]}"])


_DIGIT_WORDS = {
    "da": ["nul", "en", "to", "tre", "fire", "fem", "seks", "syv", "otte", "ni"],
    "en": ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"],
    "ro": ["zero", "unu", "doi", "trei", "patru", "cinci", "sase", "sapte", "opt", "noua"],
}
_KEYCAP = "\ufe0f\u20e3"
_LOOKALIKE = {"0": "O", "1": "l"}


def obfuscate_phone(rng: random.Random, e164: str, language: str = "da") -> str:
    """A phone number written so that a plain phone pattern misses it (BEH-OBSCURED-PHONE)."""
    digits = e164[3:] if e164.startswith("+45") else e164.lstrip("+")
    # look-alike letters only work when the number has a 0 or a 1 to replace
    style = rng.randrange(3 if any(d in _LOOKALIKE for d in digits) else 2)
    if style == 0:  # digits as words
        words = _DIGIT_WORDS.get(language, _DIGIT_WORDS["en"])
        return " ".join(words[int(d)] for d in digits)
    if style == 1:  # keycap emoji
        return "".join(f"{d}{_KEYCAP}" for d in digits)
    shown = "".join(_LOOKALIKE.get(d, d) for d in digits)
    return " ".join(shown[i : i + 2] for i in range(0, len(shown), 2))
