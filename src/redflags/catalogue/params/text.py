"""Parameters of the text detector kinds: lexicon matching in ads and messages, message
patterns and stated wages (`detectors/lexicon_*.py`, `stated_hours.py`, `message_patterns.py`,
`wage_offer.py`, `deletion_burst.py`'s evidence_wipe)."""

from __future__ import annotations

from typing import Literal

from pydantic import model_validator

from redflags.catalogue.params.base import DetectorParams, params_for
from redflags.catalogue.params.device import DeletionBurstParams

# the record kinds a lexicon reads, and their text: ads (title, body), messages (text), field
# notes (`observation` text) and the KYC case log's staff notes (`kyc_event` note)
TextKind = Literal["ad", "message", "observation", "kyc_event"]


class LexiconParams(DetectorParams):
    lexicon: str  # a file name under catalogue/lexicons/, without .yaml
    languages: tuple[str, ...] = ()  # languages the lexicon must cover (`catalogue lint` checks)


class LexiconRule(DetectorParams):
    """One way a record fires: all these concepts, with optional minimums."""

    require_all: tuple[str, ...]
    min_hits: int = 1  # absent: one hit of each concept is enough
    min_distinct: int = 1  # absent: the same term may make every hit
    kinds: tuple[TextKind, ...] | None = None  # absent: every record kind read
    strength: Literal["strong", "weak"] | None = None  # absent: from the lexicon's concepts


@params_for("lexicon_presence")
class LexiconPresenceParams(LexiconParams):
    weak_strength: float  # a finding's strength when only weak cues fired
    record_kinds: tuple[TextKind, ...] = ("ad", "message")
    rules: tuple[LexiconRule, ...] | None = None  # absent: every concept of the lexicon together
    note_concepts: tuple[str, ...] = ()  # concepts written into facts, not required
    mask_concepts: tuple[str, ...] = ()  # phrases whose hits hide the hits inside them
    costume_concepts: tuple[str, ...] = ()  # words that make a record a costume context
    costume_downgrades: tuple[str, ...] = ()  # concepts that are weak in a costume context
    handle_only: bool = False  # an ad whose only contact is a messenger handle fires
    max_thread_index: int | None = None  # absent: a message anywhere in its thread counts
    min_per_sender: int = 1  # absent: each message on its own
    pattern_min_per_sender: int = 0  # absent (0): no repeated-pattern fact
    window_days: int | None = None  # the sender window; needed by the two above
    max_stated_age_for_review: int | None = None  # absent: a stated age is no urgent review
    review_within_hours: int | None = None  # absent: no urgent review
    # documents the rule; not read by any code
    modifier_only: bool | None = None
    related_indicators: tuple[str, ...] | None = None

    @model_validator(mode="after")
    def _sender_window(self) -> LexiconPresenceParams:
        if (self.min_per_sender > 1 or self.pattern_min_per_sender) and self.window_days is None:
            raise ValueError(
                "window_days is required with min_per_sender or pattern_min_per_sender"
            )
        if self.max_stated_age_for_review is not None and self.review_within_hours is None:
            raise ValueError("review_within_hours is required with max_stated_age_for_review")
        return self


@params_for("stated_hours")
class StatedHoursParams(LexiconPresenceParams):
    min_hours_per_day: float
    min_days_per_week: int


@params_for("evidence_wipe")
class EvidenceWipeParams(LexiconPresenceParams, DeletionBurstParams):
    # document the rule; not read by the detector
    min_worker_contacts: int | None = None
    require_all_chats_disappearing: bool | None = None


@params_for("pronoun_ratio")
class PronounRatioParams(LexiconParams):
    self_concept: str
    other_concepts: tuple[str, ...]
    min_words: int
    min_ratio: float
    require_concepts: tuple[str, ...] = ()  # concepts the ad must also contain (none: none)


@params_for("lexicon_combination")
class LexiconCombinationParams(LexiconParams):
    require_all: tuple[str, ...] | None = None  # absent: every concept of the lexicon


@params_for("checkin_demands")
class CheckinDemandsParams(LexiconParams):
    min_messages_per_day: int
    flag_photo_proof_requests: bool
    min_photo_proof_requests: int
    window_days: int


@params_for("channel_switch")
class ChannelSwitchParams(DetectorParams):
    max_message_index: int
    private_platforms: tuple[str, ...]
    messengers: tuple[str, ...] = ()  # messenger names that count as a private channel too


@params_for("wage_offer")
class WageOfferParams(LexiconParams):
    min_sector_median_ratio: float
    min_ratio_with_no_experience: float
    median_monthly_eur: dict[str, float]  # by destination country
    default_destination: str
    hours_per_month: float
    eur_per: dict[str, float]  # units of each currency per euro
