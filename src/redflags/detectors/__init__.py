"""Detector kinds. Importing this package registers every kind: each module of the package is
imported once, so a new kind is a new module with a `@register` class, not an edit here."""

import importlib
import pkgutil

from redflags.detectors.base import (
    DETECTOR_KINDS,
    RECORDS_ALONE,
    Detector,
    FindingsReader,
    Scope,
    detector_for,
)

for _module in sorted(m.name for m in pkgutil.iter_modules(__path__)):
    importlib.import_module(f"{__name__}.{_module}")

__all__ = [
    "DETECTOR_KINDS",
    "RECORDS_ALONE",
    "Detector",
    "FindingsReader",
    "Scope",
    "detector_for",
]
