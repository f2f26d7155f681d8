"""Parameters of the ad detector kinds (language, templates, personas, prices, phones, photos)."""

from __future__ import annotations

from typing import Literal

from redflags.catalogue.params.base import DetectorParams, RegionParams, params_for


@params_for("ad_language_mismatch")
class AdLanguageMismatchParams(DetectorParams):
    ad_language: str
    min_words: int
    min_confidence: float
    # languages whose speakers count as speaking the ad's language (absent: only itself)
    speaks_ad_language: tuple[str, ...] | None = None


@params_for("ad_template")
class AdTemplateParams(DetectorParams):
    shingle_words: int
    num_perm: int
    bands: int
    max_shingle_ad_share: float
    min_jaccard: float
    min_cluster_size: int
    max_cluster_size: int
    pair_strength: float
    # `always`: an ad's persona falls back to its contact; `unnamed_runs`: only when no ad of
    # the run names a persona (detectors/ad_template.py, ad_personas)
    persona_fallback: Literal["always", "unnamed_runs"]


class PersonaParams(RegionParams):
    """Ads grouped into personas (`detectors/contact_proxy.py`, PersonaDetector)."""

    photo_personas: bool
    min_name_similarity: float
    split_same_name_by_photos: bool


@params_for("contact_proxy")
class ContactProxyParams(PersonaParams):
    min_personas: int
    window_days: int


@params_for("rotating_roster")
class RotatingRosterParams(PersonaParams):
    min_new_personas: int
    window_days: int
    terms: tuple[str, ...] = ()  # phrases that announce new workers (none: personas alone)


@params_for("price_below_market")
class PriceBelowMarketParams(DetectorParams):
    price_ratio_below: float
    baseline_window_days: int
    currency: str  # prices in other currencies are not compared
    min_comparables: int
    min_sellers: int
    reference_median: float
    fallback_country: bool
    massage_terms: tuple[str, ...]


@params_for("multicity_circuit")
class MultiCityCircuitParams(RegionParams):
    window_days: int
    min_cities: int
    min_repeat_cycles: int


@params_for("obscured_phone")
class ObscuredPhoneParams(RegionParams):
    require_only_after_normalisation: bool


@params_for("photo_reuse")
class PhotoReuseParams(RegionParams):
    pdq_max_hamming_distance: int
    phash_max_hamming_distance: int
    phash_crop_max_hamming_distance: int
    colour_max_distance: float
    match: Literal["either", "both"]
    window_days: int
    min_phones: int
    min_persona_names: int
    min_cities: int
