"""The indicator schema. One YAML file per indicator is parsed into an `Indicator`."""

from __future__ import annotations

from enum import StrEnum
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from redflags.catalogue.calibration import Calibration
from redflags.model.records import KIND_TABLES

ID_PATTERN = r"^(BEH|FIN|KYC|RCS)-[A-Z0-9]+(-[A-Z0-9]+)*$"


class Category(StrEnum):
    """The four categories of CMM's red-flag tool."""

    BEHAVIOURAL = "behavioural"
    FINANCIAL = "financial"
    KNOW_YOUR_CUSTOMER = "know_your_customer"
    RECRUITMENT_COERCION_SURVEILLANCE = "recruitment_coercion_surveillance"


CATEGORY_PREFIX: dict[Category, str] = {
    Category.BEHAVIOURAL: "BEH",
    Category.FINANCIAL: "FIN",
    Category.KNOW_YOUR_CUSTOMER: "KYC",
    Category.RECRUITMENT_COERCION_SURVEILLANCE: "RCS",
}

CATEGORY_TITLES: dict[Category, dict[str, str]] = {
    Category.BEHAVIOURAL: {"en": "Behavioural", "da": "Adfærd"},
    Category.FINANCIAL: {"en": "Financial", "da": "Økonomi"},
    Category.KNOW_YOUR_CUSTOMER: {"en": "Know your customer", "da": "Kendskab til kunden"},
    Category.RECRUITMENT_COERCION_SURVEILLANCE: {
        "en": "Recruitment, coercion and surveillance",
        "da": "Rekruttering, fastholdelse og overvågning",
    },
}


class Status(StrEnum):
    PLANNED = "planned"  # catalogued with thresholds, no working detector yet
    EXPERIMENTAL = "experimental"
    TEST = "test"
    STABLE = "stable"
    DEPRECATED = "deprecated"


Origin = Literal["CMM", "CMM-other", "EXT-E", "EXT-O", "EXT-P", "DER"]
DataSource = Literal["AD-TEXT", "AD-META", "TXN", "KYC", "DEVICE", "MSG", "HUMAN", "REGISTRY"]
Lang = Literal["en", "da"]


class _Strict(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Text(_Strict):
    """A text in English and Danish."""

    en: str = Field(min_length=1)
    da: str = Field(min_length=1)

    def get(self, lang: str) -> str:
        return self.da if lang == "da" else self.en


class Detector(_Strict):
    """Which detector kind evaluates the indicator, with its default thresholds."""

    kind: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    params: dict[str, Any] = Field(default_factory=dict)


class RoleRule(_Strict):
    """What a finding of the indicator says about the people in a network (link/roles.py).

    `entity`: whose role it is: the finding's `subject`; the person `contacts` among its pivots
    (who wrote the message: a phone, handle or e-mail); or the `device_owner` fact (the customer
    whose device logs in to others' accounts). `reason` may name the finding's facts in braces,
    and choose a word by a count: `{personas:persona/personas}`. `when_fact`: only when that fact
    is set and not zero."""

    role: Literal["organiser", "recruiter", "worker"]
    entity: Literal["subject", "contacts", "device_owner"] = "subject"
    reason: Text
    when_fact: str | None = None


class Indicator(_Strict):
    id: str = Field(pattern=ID_PATTERN)
    version: int = Field(ge=1)
    status: Status
    category: Category
    title: Text
    description: Text
    rule: Text  # the detection rule in words, with its default thresholds
    origin: tuple[Origin, ...] = Field(min_length=1)
    data_sources: tuple[DataSource, ...] = Field(min_length=1)
    detector: Detector
    weight: float = Field(ge=-5, le=5)
    negative_control: bool = False
    requires_human: bool = False  # a strong finding (or a weak one with control) goes to a person
    fairness_sensitive: bool = False  # may only modify a score other evidence raised
    known_false_positives: tuple[Text, ...] = ()
    sources: tuple[str, ...] = ()
    # measured evidence strength of a lexicon indicator (catalogue/calibration.py)
    calibration: Calibration | None = None
    roles: tuple[RoleRule, ...] = ()  # what a finding says about who is who in a network

    @field_validator("sources")
    @classmethod
    def _sources_are_urls_or_names(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        for source in value:
            if not source.strip():
                raise ValueError("empty source")
        return value

    @model_validator(mode="after")
    def _consistent(self) -> Indicator:
        prefix = CATEGORY_PREFIX[self.category]
        if not self.id.startswith(prefix + "-"):
            raise ValueError(
                f"id {self.id} does not match category {self.category.value} ({prefix}-)"
            )
        if self.negative_control and self.weight > 0:
            raise ValueError("a negative control must have weight <= 0")
        if not self.negative_control and self.weight < 0:
            raise ValueError("a negative weight is only allowed for a negative control")
        if self.calibration is not None:
            self._check_calibration(self.calibration)
        return self

    def _check_calibration(self, calibration: Calibration) -> None:
        """The weights and ratios written beside the counts are the ones the counts give."""
        strong, weak, weight, weak_weight = calibration.expected()
        written = (
            calibration.likelihood_ratio_strong,
            calibration.likelihood_ratio_weak,
            self.weight,
            calibration.weak_weight,
        )
        for name, want, have in zip(
            ("likelihood_ratio_strong", "likelihood_ratio_weak", "weight", "weak_weight"),
            (strong, weak, weight, weak_weight),
            written,
            strict=True,
        ):
            if (want is None) != (have is None) or (
                want is not None and have is not None and abs(want - have) > 0.01
            ):
                raise ValueError(
                    f"calibration: {name} is {have}, its counts give {want} "
                    "(run bench/calibrate_lexicons.py --write)"
                )

    @property
    def weak_weight(self) -> float | None:
        """What a weak-only finding adds beside independent evidence (None: not measured)."""
        return None if self.calibration is None else self.calibration.weak_weight

    @property
    def planned(self) -> bool:
        return self.status is Status.PLANNED

    @property
    def human_observable(self) -> bool:
        """A person (bank staff, caseworker, police) can observe it directly."""
        return "HUMAN" in self.data_sources

    @property
    def human_only(self) -> bool:
        return self.data_sources == ("HUMAN",)

    def param(self, name: str, default: Any = None) -> Any:
        return self.detector.params.get(name, default)


class ExampleExpectation(StrEnum):
    FIRE = "fire"
    NO_FIRE = "no_fire"
    KNOWN_GAP = "known_gap"  # should fire but the detector misses it today; the test pins that


class Example(_Strict):
    name: str = Field(min_length=1)
    expect: ExampleExpectation
    why: str | None = None
    subject: str | None = None  # if given, a finding must (or must not) name this subject
    records: dict[str, list[dict[str, Any]]]

    @field_validator("records")
    @classmethod
    def _known_kinds(
        cls, value: dict[str, list[dict[str, Any]]]
    ) -> dict[str, list[dict[str, Any]]]:
        known = {table for table, _ in KIND_TABLES.values()}
        unknown = set(value) - known
        if unknown:
            raise ValueError(f"unknown record kinds {sorted(unknown)}; use {sorted(known)}")
        return value


class ExampleFile(_Strict):
    indicator: str = Field(pattern=ID_PATTERN)
    examples: tuple[Example, ...] = Field(min_length=1)
