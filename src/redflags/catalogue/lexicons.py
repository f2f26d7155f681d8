"""Lexicons: named concepts with per-language terms and regex patterns, shipped as data."""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from redflags.catalogue.loader import CatalogueError, parse_file_once


class Near(BaseModel):
    """Words that carry a concept together rather than as one phrase: one term of every group
    within `within` words of each other, in any order ("the ticket ... is paid by us", "bilet de
    avion platit", "we pay your flight"). Groups mix languages; a trailing `*` takes any ending,
    which is how inflected forms are met. `unless_negated` drops a match with a negation word
    (lists/negations.yaml) just before it or between its words ("we never keep your passport")."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    groups: tuple[tuple[str, ...], ...] = Field(min_length=2)
    within: int = Field(default=6, ge=1, le=30)
    unless_negated: bool = False


class Concept(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    description: str
    label: dict[str, str] = Field(default_factory=dict)  # short name per language (en, da)
    terms: dict[str, tuple[str, ...]] = Field(default_factory=dict)  # language -> terms
    patterns: tuple[str, ...] = ()
    near: tuple[Near, ...] = ()
    # "weak": words that lawful ads and messages use every day (real-ad shares in the lexicon's
    # comments); a finding made of weak cues only adds nothing alone (docs/scoring.md).
    strength: Literal["strong", "weak"] = "strong"


class Lexicon(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    name: str
    concepts: dict[str, Concept]

    def label(self, concept: str, lang: str) -> str:
        return self.concepts[concept].label.get(lang, concept)

    def is_weak(self, concept: str) -> bool:
        known = self.concepts.get(concept)
        return known is not None and known.strength == "weak"

    def languages(self) -> set[str]:
        return {lang for c in self.concepts.values() for lang in c.terms}


class Negations(BaseModel):
    """Negation words per language, for `Near.unless_negated`."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    words: dict[str, tuple[str, ...]]
    before: int = Field(default=3, ge=0, le=10)  # how many words before a match are looked at


def lexicon_path(name: str) -> Path:
    return Path(str(resources.files("redflags.catalogue") / "lexicons" / f"{name}.yaml"))


def load_negations() -> Negations:
    path = Path(str(resources.files("redflags.catalogue") / "lists" / "negations.yaml"))
    return parse_file_once(path, Negations)


def load_lexicon(name: str) -> Lexicon:
    path = lexicon_path(name)
    if not path.is_file():
        raise CatalogueError([f"{path}:1: no lexicon named {name!r}"])
    return parse_file_once(path, Lexicon)
