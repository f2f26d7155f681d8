"""Parameters of the know-your-customer detector kinds (`detectors/kyc_*.py`,
`company_register.py`, `shared_identifiers.py`)."""

from __future__ import annotations

from redflags.catalogue.params.base import DetectorParams, RegionParams, params_for


@params_for("batch_onboarding")
class BatchOnboardingParams(DetectorParams):
    window_days: int
    min_applications: int
    min_distinct_surnames: int


@params_for("doc_handling")
class DocHandlingParams(DetectorParams):
    window_days: int
    min_identities_per_uploader: int


@params_for("third_party_onboarding")
class ThirdPartyOnboardingParams(DetectorParams):
    window_days: int
    contact_kinds: tuple[str, ...]
    min_other_applicants_per_device: int


@params_for("address_at_workplace")
class AddressAtWorkplaceParams(DetectorParams):
    min_residents: int
    high_risk_occupations: tuple[str, ...] = ()  # occupations that make an address a workplace


@params_for("kyc_avoid_face_to_face")
class AvoidFaceToFaceParams(DetectorParams):
    min_refusals_or_failures: int
    min_third_party_contacts: int
    passes: tuple[str, ...]  # case-log events that are a face-to-face check passed
    misses: tuple[str, ...]  # ... refused or failed


@params_for("kyc_contact_takeover")
class ContactTakeoverParams(DetectorParams):
    identifiers: tuple[str, ...]
    household_max_surnames: int


@params_for("disposable_contact")
class DisposableContactParams(RegionParams):
    min_customers: int
    min_distinct_surnames: int
    min_stem_length: int
    voip: bool
    min_phone_changes: int
    window_days: int


@params_for("contact_in_ads")
class ContactInAdsParams(DetectorParams):
    contact_kinds: tuple[str, ...]
    min_personas_for_escalation: int
    min_name_similarity: float
    exclude_segments: tuple[str, ...] = ()  # customer segments never flagged (none: none)


@params_for("profile_mismatch")
class ProfileMismatchParams(DetectorParams):
    inflow_to_income_ratio_above: float
    distinct_payers_above: int
    declared_purposes: tuple[str, ...]
    inflow_channels: tuple[str, ...]
    benefit_memos: tuple[str, ...] = ()  # memos of benefits, not counted as inflow (none: none)


@params_for("vulnerability_context")
class VulnerabilityContextParams(DetectorParams):
    max_multiplier: float
    multiplier_per_factor: float
    min_other_indicators: int
    other_prefixes: tuple[str, ...]
    recent_arrival_days: int
    factors: tuple[str, ...]
    exclude_segments: tuple[str, ...] = ()  # customer segments never flagged (none: none)
    # documents that the indicator only modifies a score; the scorer reads fairness_sensitive
    modifier_only: bool | None = None


@params_for("nominee_owner")
class NomineeOwnerParams(DetectorParams):
    min_owner_changes: int
    window_months: int
    min_same_trade_cvr_numbers: int
    flag_owner_abroad: bool
    same_trade_groups: tuple[str, ...]
    home_country: str
    min_owner_age: int
    max_owner_age: int
    low_income_below: float
    min_elements: int


@params_for("shared_identifiers")
class SharedIdentifiersParams(DetectorParams):
    identifiers: tuple[str, ...]
    min_customers: int
    min_distinct_surnames: int
    address_min_adults: int
    address_min_distinct_surnames: int
    address_window_days: int
    allow_list: str  # the catalogue list of addresses many may share (shelters, dormitories)
