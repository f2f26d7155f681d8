"""Typed `detector.params`, one model per detector kind (see `base.py`).

Every module of this package is imported here, so `PARAMS_BY_KIND` is complete once the package
is: a new kind's model only needs a module (or a class in one) with `@params_for("kind")`.
"""

from __future__ import annotations

import importlib
import pkgutil

from redflags.catalogue.params.base import (
    PARAMS_BY_KIND,
    DetectorParams,
    RegionParams,
    params_for,
)

for _module in pkgutil.iter_modules(__path__):
    if _module.name != "base":
        importlib.import_module(f"{__name__}.{_module.name}")

__all__ = ["PARAMS_BY_KIND", "DetectorParams", "RegionParams", "params_for"]
