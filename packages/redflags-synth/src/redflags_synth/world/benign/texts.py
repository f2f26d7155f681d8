"""Templates with {slots}, rendered a whole column at a time with Arrow string kernels.

A template is split once into literal pieces and slots; rendering joins the pieces element-wise
(`binary_join_element_wise`), so a million ads cost a few kernel calls per template, not a Python
format per ad.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from redflags_synth.world.benign.data import load

_SLOT = re.compile(r"\{([\w.]+)\}")


@dataclass(frozen=True)
class Template:
    pieces: tuple[str, ...]  # literal, slot, literal, slot, ... (even positions are literal)

    @classmethod
    def parse(cls, text: str) -> Template:
        return cls(tuple(_SLOT.split(text)))

    @property
    def slots(self) -> tuple[str, ...]:
        return self.pieces[1::2]

    @property
    def literal(self) -> str:
        """The text without its slots (for checking templates against lexicons)."""
        return " ".join(self.pieces[0::2])

    def render(self, values: Mapping[str, pa.Array], n: int) -> pa.Array:
        """`n` strings; `values[slot]` holds one string per row for every slot."""
        if not self.slots:
            return pa.repeat(pa.scalar(self.pieces[0]), n)
        parts: list[Any] = []
        for i, piece in enumerate(self.pieces):
            if i % 2:
                parts.append(values[piece])
            elif piece:
                parts.append(piece)
        if len(parts) == 1:
            return parts[0]
        return pc.binary_join_element_wise(*parts, "")


class Vocabulary:
    """Words per language ('any' for all languages); entries are strings or records of fields."""

    def __init__(self, by_language: Mapping[str, list[Any]]) -> None:
        self.by_language = {lang: list(words) for lang, words in by_language.items()}

    def words(self, language: str) -> list[Any]:
        return self.by_language.get(language) or self.by_language.get("any") or []

    def draw(
        self, rng: np.random.Generator, language: str, n: int, fields: tuple[str, ...] = ()
    ) -> dict[str, pa.Array]:
        """One entry per row; for records, every requested field from the same entry."""
        words = self.words(language)
        if not words:
            words = self.by_language.get("en") or next(iter(self.by_language.values()))
        index = pa.array(rng.integers(0, len(words), size=n))
        if not fields:
            return {"": pa.array([str(w) for w in words]).take(index)}
        return {f: pa.array([str(w[f]) for w in words]).take(index) for f in fields}


@cache
def texts() -> dict[str, Any]:
    return dict(load("texts"))


@cache
def vocabulary(name: str) -> Vocabulary:
    return Vocabulary(texts()["vocabularies"][name])


def fill_vocabularies(
    rng: np.random.Generator,
    template_slots: tuple[str, ...],
    language: str,
    n: int,
    aliases: Mapping[str, str] | None = None,
) -> dict[str, pa.Array]:
    """Values for the slots of a template that come from vocabularies ({item}, {company.name}).

    `aliases` maps a slot to the vocabulary that fills it (e.g. item -> furniture)."""
    aliases = aliases or {}
    wanted: dict[str, list[str]] = {}
    for slot in template_slots:
        name, _, field = slot.partition(".")
        vocab = aliases.get(name, name)
        if vocab in texts()["vocabularies"]:
            wanted.setdefault(slot if not field else name, []).append(field)
    values: dict[str, pa.Array] = {}
    for name, fields in wanted.items():
        chosen = vocabulary(aliases.get(name, name))
        drawn = chosen.draw(rng, language, n, tuple(f for f in fields if f))
        for field in fields:
            values[f"{name}.{field}" if field else name] = drawn[field]
    return values


def choose(rng: np.random.Generator, weights: Mapping[str, float], n: int) -> np.ndarray:
    """`n` keys of `weights` drawn by weight, as an object array."""
    keys = np.asarray(list(weights), dtype=object)
    p = np.asarray(list(weights.values()), dtype=float)
    return keys[rng.choice(len(keys), size=n, p=p / p.sum())]
