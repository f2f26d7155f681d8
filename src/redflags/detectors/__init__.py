"""Detector kinds. Importing this package registers every kind."""

from redflags.detectors import (  # noqa: F401  (imported for registration)
    ad_language,
    ad_template,
    contact_proxy,
    lexicon_combination,
    lexicon_presence,
    p2p_receiver_profile,
    photo_reuse,
    shared_identifiers,
)
from redflags.detectors.base import DETECTOR_KINDS, Detector, detector_for

__all__ = ["DETECTOR_KINDS", "Detector", "detector_for"]
