"""Which indicators online scoring evaluates, read from the detectors themselves.

Every detector says what a finding about one record reads (`detectors.base.Scope`):

- record: that record only (the text lexicons, obscured phone, stated hours, wage offer, ad
  language, third person ...): evaluated, with the same result a scan of the record gives;
- alone: other records too (the price market, a message's thread, a sender's other messages):
  evaluated as a scan of that record alone evaluates it, and marked so in the coverage;
- records: several records (networks, patterns over time, aggregates over payments): not
  evaluated, and listed with the reason for every kind of record it reads.

No list of indicators is kept here: a new detector kind is `records` until its author says
otherwise, and the catalogue's parameters decide for the kinds whose scope depends on them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from pydantic import BaseModel, ConfigDict

from redflags.catalogue import Catalogue, Indicator
from redflags.detectors import RECORDS_ALONE, Detector, Scope, detector_for
from redflags.model import RecordKind

NEEDS_RECORDS_EN = "needs several records (a network, a pattern over time or an aggregate)"
NEEDS_RECORDS_DA = "kræver flere poster (et netværk, et mønster over tid eller en sum)"
ALONE_EN = "evaluated on this record alone: no market of other ads, thread or sender history"
ALONE_DA = "vurderet på denne post alene: ingen andre annoncer, tråd eller afsenderhistorik"


class NotEvaluated(BaseModel):
    """An indicator that reads records of this kind but cannot be judged on one record."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    indicator_id: str
    title_en: str
    reads: tuple[str, ...]  # the record kinds its detector reads
    reason_en: str = NEEDS_RECORDS_EN
    reason_da: str = NEEDS_RECORDS_DA


class Coverage(BaseModel):
    """What online scoring says about one kind of record, and what it cannot say."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    kind: str  # the record kind: ad or message
    evaluated: tuple[str, ...]  # indicators judged on the record alone, as a scan would
    # evaluated too, but their rule also reads other records; alone they read none
    evaluated_alone: tuple[str, ...]
    alone_note_en: str = ALONE_EN
    alone_note_da: str = ALONE_DA
    not_evaluated: tuple[NotEvaluated, ...]


@dataclass(frozen=True)
class OnlineIndicator:
    indicator: Indicator
    detector: Detector
    scope: Scope


@dataclass(frozen=True)
class Plan:
    """The detectors online scoring runs (built once) and the coverage per record kind."""

    indicators: tuple[OnlineIndicator, ...]
    coverage: dict[RecordKind, Coverage]

    @property
    def detectors(self) -> tuple[Detector, ...]:
        return tuple(i.detector for i in self.indicators)


def plan(
    catalogue: Catalogue, options: Mapping[str, object], kinds: tuple[RecordKind, ...]
) -> Plan:
    """The online plan: every indicator with a detector of scope record or alone (the latter
    with RECORDS_ALONE set), and for each kind the indicators it cannot evaluate."""
    alone = {**options, RECORDS_ALONE: True}
    online: list[OnlineIndicator] = []
    records: list[tuple[Indicator, Detector]] = []
    for indicator in catalogue:
        detector = detector_for(indicator, alone)
        if detector is None:
            continue  # planned: no detector anywhere
        scope = Scope.RECORDS if detector.reads_findings else detector.record_scope()
        if scope is Scope.RECORDS:
            records.append((indicator, detector))
        else:
            online.append(OnlineIndicator(indicator, detector, scope))
    coverage = {
        kind: Coverage(
            kind=kind.value,
            evaluated=_ids(online, kind, Scope.RECORD),
            evaluated_alone=_ids(online, kind, Scope.ALONE),
            not_evaluated=tuple(
                NotEvaluated(
                    indicator_id=indicator.id,
                    title_en=indicator.title.en,
                    reads=detector.reads(),
                )
                for indicator, detector in records
                if kind.value in detector.reads()
            ),
        )
        for kind in kinds
    }
    return Plan(tuple(online), coverage)


def _ids(online: list[OnlineIndicator], kind: RecordKind, scope: Scope) -> tuple[str, ...]:
    return tuple(
        i.indicator.id for i in online if i.scope is scope and kind.value in i.detector.reads()
    )
