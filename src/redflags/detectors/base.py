"""The detector contract: class-level metadata, a constructor that stores parameters, one
`evaluate` that yields findings.

A few indicators are defined on top of others (a modifier that applies only where another
indicator fired). They subclass `FindingsReader`: the evaluate stage runs them after every other
detector and hands them those detectors' findings, so they never import a stage or call another
detector themselves.

Each detector also says what a finding about one record reads (`Scope`), so that online scoring
(`redflags.online`) knows which indicators it can evaluate on one ad or message."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterator, Mapping, Sequence
from enum import StrEnum
from typing import Any, ClassVar

from redflags.catalogue.params import PARAMS_BY_KIND, DetectorParams, RegionParams
from redflags.catalogue.schema import Indicator
from redflags.engines import Engine
from redflags.model import Finding
from redflags.normalise.phones import DEFAULT_REGION

DETECTOR_KINDS: dict[str, type[Detector]] = {}
# The run option that asks a detector of scope ALONE to read each record as if it were the only
# one (online scoring of a batch: every item is judged on its own).
RECORDS_ALONE = "records_alone"


class Scope(StrEnum):
    """What a detector's finding about one record reads."""

    RECORD = "record"  # that record only: the same finding whatever else the store holds
    # other records too (a market of prices, a thread, a sender's other messages); with the run
    # option RECORDS_ALONE it reads each record as if it were the only one, which is what a scan
    # of that record alone finds
    ALONE = "alone"
    # several records (a network, a pattern over time, an aggregate): nothing about one record
    RECORDS = "records"


class Detector(ABC):
    kind: ClassVar[str]
    record_kinds: ClassVar[tuple[str, ...]]  # which record kinds it reads
    description: ClassVar[str]
    reads_findings: ClassVar[bool] = False  # True: run after the others, on their findings
    # RECORDS unless a kind says otherwise: a new kind is never scored online by accident
    scope: ClassVar[Scope] = Scope.RECORDS

    # the indicator's typed `params` (its kind's model in `catalogue/params/`); a subclass
    # narrows the annotation to its own model
    p: DetectorParams

    def __init__(self, indicator: Indicator, options: dict[str, Any] | None = None) -> None:
        self.indicator = indicator
        self.p = PARAMS_BY_KIND[self.kind].model_validate(indicator.detector.params)
        self.options = options or {}  # run options, e.g. the allow-list location

    def record_scope(self) -> Scope:
        """This indicator's scope; a kind whose parameters decide it overrides this."""
        return self.scope

    def reads(self) -> tuple[str, ...]:
        """The record kinds this indicator reads (its parameters may narrow its kind's)."""
        return self.record_kinds

    @property
    def alone(self) -> bool:
        """Whether the run asks for each record as if it were the only one (RECORDS_ALONE)."""
        return bool(self.options.get(RECORDS_ALONE))

    @property
    def region(self) -> str:
        """The run's phone region (`--region`); without one, the indicator's `default_region`
        parameter, else Denmark. Every detector that reads phones reads them in this region."""
        fallback = self.p.default_region if isinstance(self.p, RegionParams) else None
        return run_region(self.options, fallback)

    def seconds(self, name: str) -> int:
        """A duration parameter in whole seconds; its name says the unit (`*_days`, `*_hours`)."""
        unit = {"days": 86400, "hours": 3600}[name.rsplit("_", 1)[-1]]
        return int(float(getattr(self.p, name)) * unit)

    def finding(self, **fields: Any) -> Finding:
        return Finding(
            indicator_id=self.indicator.id, indicator_version=self.indicator.version, **fields
        )

    @abstractmethod
    def evaluate(self, engine: Engine) -> Iterator[Finding]:
        """Yield every finding of this indicator over the data the engine holds."""


class FindingsReader(Detector):
    """A detector whose rule reads the findings of the other indicators of the same run."""

    reads_findings: ClassVar[bool] = True

    def evaluate(self, engine: Engine) -> Iterator[Finding]:
        """Alone, with no other findings to read, such a rule has nothing to say."""
        return self.evaluate_after(engine, ())

    @abstractmethod
    def evaluate_after(self, engine: Engine, prior: Sequence[Finding]) -> Iterator[Finding]:
        """Yield every finding of this indicator, given the findings of every other detector
        (never of another findings reader: their order does not matter)."""


def run_region(options: Mapping[str, Any], fallback: str | None = None) -> str:
    """The phone region a run was given (the `region` run option), else `fallback`, else DK."""
    return str(options.get("region") or fallback or DEFAULT_REGION).upper()


def register(cls: type[Detector]) -> type[Detector]:
    if cls.kind in DETECTOR_KINDS:
        raise ValueError(f"detector kind {cls.kind} registered twice")
    DETECTOR_KINDS[cls.kind] = cls
    return cls


def detector_for(indicator: Indicator, options: dict[str, Any] | None = None) -> Detector | None:
    """The detector for an indicator, or None when it is planned or its kind is not built yet."""
    if indicator.planned:
        return None
    cls = DETECTOR_KINDS.get(indicator.detector.kind)
    return cls(indicator, options) if cls else None
