"""Online scoring: one ad, profile or message (or a batch) in, its contacts, the indicators it
shows on its own, a risk score and matches to known clusters out, synchronously.

The scanner-side engine of `POST /api/v1/score` (issue #15, item 8); docs/service.md, "Online
scoring". It runs the scan's own extractors, detectors and risk model on the request's records
(no second implementation of any rule) and never imports the service.
"""

from redflags.online.coverage import Coverage, NotEvaluated
from redflags.online.items import (
    ITEM_KINDS,
    MAX_BATCH_ITEMS,
    MAX_FIELD_CHARS,
    MAX_TEXT_CHARS,
    AdFields,
    AdItem,
    BatchRequest,
    MessageFields,
    MessageItem,
    ScoreItem,
)
from redflags.online.reference import ReferenceIndex
from redflags.online.results import (
    BatchResult,
    Contact,
    ItemError,
    ItemResult,
    PhotoMatch,
    RecordScore,
    TemplateMatch,
)
from redflags.online.scorer import OnlineScorer

__all__ = [
    "ITEM_KINDS",
    "MAX_BATCH_ITEMS",
    "MAX_FIELD_CHARS",
    "MAX_TEXT_CHARS",
    "AdFields",
    "AdItem",
    "BatchRequest",
    "BatchResult",
    "Contact",
    "Coverage",
    "ItemError",
    "ItemResult",
    "MessageFields",
    "MessageItem",
    "NotEvaluated",
    "OnlineScorer",
    "PhotoMatch",
    "RecordScore",
    "ReferenceIndex",
    "ScoreItem",
    "TemplateMatch",
]
