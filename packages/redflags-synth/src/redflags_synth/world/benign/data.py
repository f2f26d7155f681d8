"""The background's data files (YAML under redflags_synth/world/data/), read once."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import cache
from importlib import resources
from typing import Any

import numpy as np
import yaml


@cache
def load(name: str) -> Any:
    path = resources.files("redflags_synth.world") / "data" / f"{name}.yaml"
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def probabilities(values: Mapping[str, float] | Sequence[float]) -> np.ndarray:
    """Probabilities from weights (a mapping's values or a sequence)."""
    raw = np.asarray(
        list(values.values()) if isinstance(values, Mapping) else list(values), dtype=float
    )
    return np.asarray(raw / raw.sum())
