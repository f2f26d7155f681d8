"""Detector kinds. Importing this package registers every kind."""

from redflags.detectors import (  # noqa: F401  (imported for registration)
    contact_proxy,
    lexicon_combination,
    p2p_receiver_profile,
    shared_identifiers,
)
from redflags.detectors.base import DETECTOR_KINDS, Detector, detector_for

__all__ = ["DETECTOR_KINDS", "Detector", "detector_for"]
