"""What online scoring answers, per item, in clear; `redact` gives the shape a client sees.

Results carry identifiers in clear (the canonical pivot strings, "phone:+4512345678"), because
the caller needs them: it computes keyed digests of the pivots to find open cases that share
them, and it decides whether the client may see them. `redact(redactor)` turns a result into
JSON-ready data with every identifier tokenised by the project's `Redactor` (a keyed hash, as in
the reports); a redactor made with `reveal=True` leaves them in clear.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict

from redflags.model import Finding, Step
from redflags.online.coverage import Coverage
from redflags.report.redact import Redactor


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Contact(_Frozen):
    """A phone, e-mail, handle or link found in the record (its fields or its text)."""

    pivot: str  # "phone:+4512345678", "handle:anna_cph", "email:…", "url:…"
    kind: str
    field: str
    start: int | None = None  # span in the field's text, when found in free text
    end: int | None = None
    obfuscated: bool = False  # readable only after undoing disguise (words, emoji, look-alikes)


class TemplateMatch(_Frozen):
    """A reference record whose text is near-identical to the item's (masked MinHash, the
    Jaccard of word shingles at least BEH-AD-TEMPLATE's `min_jaccard`)."""

    ref: str  # "ad:123"
    similarity: float  # exact Jaccard of the masked shingle sets, 0..1
    same_persona: bool  # the same advertised name or contact: a re-post, not another persona
    cases: tuple[str, ...] = ()


class PhotoMatch(_Frozen):
    """A reference record showing the same photo (BEH-PHOTO-REUSE's PDQ / pHash relation)."""

    ref: str
    image: str  # the item's image ref
    matched_image: str  # the reference record's image ref
    pdq_distance: int
    phash_distance: int
    cases: tuple[str, ...] = ()


class RecordScore(_Frozen):
    """The risk model on the findings of this one record, as the model scores a group.

    A single record is never a case (a case needs evidence from two kinds of record and an
    anchor), so there is no case decision here: the total and its steps rank the item, and
    `forced_review` says a credible sign of a minor must be looked at whatever the total."""

    model: str
    scope: Literal["this record's findings"] = "this record's findings"
    total: float
    steps: tuple[Step, ...]
    forced_review: bool
    anchors: tuple[str, ...]  # indicators of the act or means, on strong evidence


class ItemResult(_Frozen):
    """One scored item."""

    index: int  # position in the request
    ok: Literal[True] = True
    kind: str  # the record kind it was scored as: ad (ads and profiles) or message
    record_id: str
    contacts: tuple[Contact, ...]
    pivots: tuple[str, ...]  # every identifier of the record, sorted: for the case lookup
    findings: tuple[Finding, ...]
    score: RecordScore
    template_matches: tuple[TemplateMatch, ...] = ()
    photo_matches: tuple[PhotoMatch, ...] = ()
    notes: tuple[str, ...] = ()  # what could not be read (an image not found ...)

    @property
    def indicator_ids(self) -> tuple[str, ...]:
        return tuple(sorted({f.indicator_id for f in self.findings}))

    def redact(self, redactor: Redactor) -> dict[str, Any]:
        """JSON-ready data with identifiers tokenised (clear with a revealing redactor)."""
        data = self.model_dump(mode="json", exclude={"contacts", "pivots", "findings", "score"})
        data["contacts"] = [
            {**c.model_dump(mode="json"), "pivot": redactor.pivot(c.pivot)} for c in self.contacts
        ]
        data["pivots"] = [redactor.pivot(p) for p in self.pivots]
        data["findings"] = [redactor.finding(f) for f in self.findings]
        data["score"] = {
            **self.score.model_dump(mode="json", exclude={"steps"}),
            "steps": [
                {**s.model_dump(mode="json"), **_texts(redactor, s)} for s in self.score.steps
            ],
        }
        for match in (*data["template_matches"], *data["photo_matches"]):
            match["ref"] = redactor.record_ref(match["ref"])
        return data


class ItemError(_Frozen):
    """An item that could not be scored; the others of its batch are."""

    index: int
    ok: Literal[False] = False
    errors: tuple[dict[str, Any], ...]  # pydantic's errors: type, loc, msg (input left out)

    def redact(self, redactor: Redactor) -> dict[str, Any]:
        return self.model_dump(mode="json")


class BatchResult(_Frozen):
    """Every item in request order, and what was and was not evaluated per kind of record."""

    items: tuple[ItemResult | ItemError, ...]
    coverage: tuple[Coverage, ...]

    def redact(self, redactor: Redactor) -> dict[str, Any]:
        return {
            "items": [item.redact(redactor) for item in self.items],
            "coverage": [c.model_dump(mode="json") for c in self.coverage],
        }


def _texts(redactor: Redactor, step: Step) -> dict[str, str]:
    return {"detail_en": redactor.text(step.detail_en), "detail_da": redactor.text(step.detail_da)}
