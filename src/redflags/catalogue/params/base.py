"""The typed parameters of a detector kind: one frozen pydantic model per kind.

A field has a default only where leaving it out means something of its own (an optional filter,
an empty list); every threshold is written in the indicator's YAML, so the catalogue is the one
place a threshold lives. Unknown keys are refused: a mistyped key is an error, not a silent
fallback to a default in code.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from pydantic import BaseModel, ConfigDict

PARAMS_BY_KIND: dict[str, type[DetectorParams]] = {}

P = TypeVar("P", bound="DetectorParams")


class DetectorParams(BaseModel):
    """The base of every kind's `params` model."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class RegionParams(DetectorParams):
    """Parameters of a kind that reads phone numbers."""

    # without a run region (`--region`), phones are read in this one (absent: Denmark)
    default_region: str | None = None


def params_for(*kinds: str) -> Callable[[type[P]], type[P]]:
    """Register a model as the `params` of one or more detector kinds."""

    def register(model: type[P]) -> type[P]:
        for kind in kinds:
            if kind in PARAMS_BY_KIND:
                raise ValueError(f"params of detector kind {kind} declared twice")
            PARAMS_BY_KIND[kind] = model
        return model

    return register
