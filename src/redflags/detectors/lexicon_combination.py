"""A record fires when its text holds every required concept of a lexicon.

Used by RCS-REC-MESSENGER-JOB-AD (destination + sector + earnings claim + messenger contact) on
ads and on messages. An ad's messenger contact field counts as a messenger hit.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from redflags.catalogue.lexicons import Lexicon, load_lexicon
from redflags.catalogue.params.text import LexiconCombinationParams
from redflags.detectors.base import Detector, Scope, register
from redflags.detectors.lexicon_matcher import Hit, hit_evidence, matcher_for
from redflags.engines import Engine
from redflags.extract import identifiers_of
from redflags.model import Finding, RecordKind
from redflags.normalise.identifiers import normalise_handle

_TEXT_FIELDS: dict[RecordKind, tuple[str, tuple[str, ...], tuple[str, ...]]] = {
    # kind -> (id field, text fields, extra columns)
    RecordKind.AD: ("ad_id", ("title", "body"), ("phone", "handle", "email")),
    RecordKind.MESSAGE: ("message_id", ("text",), ("sender", "platform")),
}


_CONTACT_FIELD = {"en": "contact field", "da": "kontaktfelt"}


@register
class LexiconCombinationDetector(Detector):
    kind = "lexicon_combination"
    p: LexiconCombinationParams
    record_kinds = ("ad", "message")
    description = "Every required concept of a lexicon present in one ad or message."
    scope = Scope.RECORD

    def evaluate(self, engine: Engine) -> Iterator[Finding]:
        lexicon = load_lexicon(self.p.lexicon)
        # absent: every concept of the lexicon
        required = tuple(lexicon.concepts if self.p.require_all is None else self.p.require_all)
        matcher = matcher_for(lexicon)
        for kind, (id_field, text_fields, extra) in _TEXT_FIELDS.items():
            columns = [id_field, *text_fields, *extra]
            for record in engine.records(kind, columns):
                hits = {field: matcher.find(record.get(field)) for field in text_fields}
                if kind is RecordKind.AD and normalise_handle(record.get("handle")):
                    hits["handle"] = [Hit("messenger", "handle", 0, len(record["handle"]))]
                found = {h.concept for field_hits in hits.values() for h in field_hits}
                if all(concept in found for concept in required):
                    yield self._finding(kind, record, id_field, hits, required, lexicon)

    def _finding(
        self,
        kind: RecordKind,
        record: dict[str, Any],
        id_field: str,
        hits: dict[str, list[Hit]],
        required: tuple[str, ...],
        lexicon: Lexicon,
    ) -> Finding:
        record_id = str(record[id_field])
        evidence = hit_evidence(kind.value, record_id, hits, required)
        terms = {
            c: sorted(
                {
                    _without_identifier((record.get(e.field or "") or "")[e.start : e.end])
                    for e in evidence
                    if e.value == c and e.field != "handle"
                }
                - {""}
            )
            for c in required
        }
        pivots = tuple(sorted({i.pivot for i in identifiers_of(kind.value, record, self.region)}))
        noun_en = "ad" if kind is RecordKind.AD else "message"
        noun_da = "annoncen" if kind is RecordKind.AD else "beskeden"

        def shown(lang: str) -> str:
            return "; ".join(
                f"{lexicon.label(c, lang)}: {', '.join(t) or _CONTACT_FIELD[lang]}"
                for c, t in terms.items()
            )

        return self.finding(
            subject_kind=kind.value,
            subject=record_id,
            facts={"concepts": terms},
            summary_en=f"The {noun_en} combines {len(required)} required elements ({shown('en')}).",
            summary_da=f"{noun_da.capitalize()} rummer alle {len(required)} krævede elementer "
            f"({shown('da')}).",
            evidence=evidence,
            pivots=pivots,
        )


def _without_identifier(term: str) -> str:
    """A matched term for the summary, never the identifier itself ('t.me/name' -> 't.me')."""
    if "@" in term:
        return ""
    return term.split("/", 1)[0]
