"""Detector kinds. Importing this package registers every kind."""

from redflags.detectors import (  # noqa: F401  (imported for registration)
    ad_language,
    ad_template,
    contact_proxy,
    deletion_burst,
    device_patterns,
    fin_cash,
    fin_fan_in,
    fin_memo_cues,
    fin_no_own_living_costs,
    fin_remittance,
    fin_spending,
    fin_sustenance,
    fin_travel_stays,
    fin_wages,
    fin_worker_sweep,
    kyc_contact_in_ads,
    kyc_contact_quality,
    kyc_onboarding,
    kyc_profile_mismatch,
    lexicon_combination,
    lexicon_presence,
    low_price,
    message_patterns,
    multicity_circuit,
    obscured_phone,
    p2p_receiver_profile,
    photo_reuse,
    remote_controller,
    rotating_roster,
    shared_identifiers,
    stated_hours,
    wage_offer,
)
from redflags.detectors.base import DETECTOR_KINDS, Detector, detector_for

__all__ = ["DETECTOR_KINDS", "Detector", "detector_for"]
