"""What a platform sends to be scored: one ad, profile or message in the canonical fields.

An item is `{"kind": "ad" | "profile" | "message", "record": {...}}`. The record's fields are
the canonical fields of the record models (`model/records.py`), the same columns a scan ingests
from CSV, and they are read the same way: the ingest's row validation (`RowValidator`, with the
default descriptor) coerces text, numbers, timestamps and lists exactly as for a file, and the
record model checks the result. A profile is an ad (the Ad model covers both). Naive timestamps
are read in the scorer's time zone, as a source descriptor's `timezone`.

Both steps raise pydantic's `ValidationError`: the field models refuse unknown fields, missing
required ones and over-long text; the ingest's reason ("posted_at: not an ISO-8601 timestamp
'yesterday'") is reported at `record`. Online bounds are tighter than a file's (one request
must stay cheap): MAX_TEXT_CHARS for free text, MAX_FIELD_CHARS for any other field.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PrivateAttr,
    StringConstraints,
    ValidationInfo,
    create_model,
    model_validator,
)

from redflags.ingest import SourceDescriptor
from redflags.ingest.coerce import to_text
from redflags.ingest.validate import RowValidator
from redflags.model import RECORD_TYPES, RecordKind
from redflags.model.records import FieldSpec, field_specs

MAX_TEXT_CHARS = 20_000  # an ad's body or a message's text
MAX_FIELD_CHARS = 1_000  # any other text field, and each item of a list field
MAX_LIST_ITEMS = 50  # image refs, languages
MAX_BATCH_ITEMS = 1_000  # items of one batch request
TEXT_FIELDS = frozenset({"title", "body", "text"})
DEFAULT_TIMEZONE = SourceDescriptor.model_fields["timezone"].default

# the item kinds a platform sends -> the record kind they are scored as
ITEM_KINDS: dict[str, RecordKind] = {
    "ad": RecordKind.AD,
    "profile": RecordKind.AD,
    "message": RecordKind.MESSAGE,
}
ONLINE_KINDS: tuple[RecordKind, ...] = (RecordKind.AD, RecordKind.MESSAGE)


def _as_text(value: Any) -> Any:
    """A number where text is expected (an id sent as 123) becomes text as ingest writes it."""
    is_number = isinstance(value, int | float) and not isinstance(value, bool)
    return to_text(value) if is_number else value


def _text(limit: int) -> Any:
    return Annotated[str, StringConstraints(max_length=limit), BeforeValidator(_as_text)]


def _raw_type(spec: FieldSpec) -> Any:
    """What a field accepts before the ingest's coercion: what a CSV cell or a JSON value may
    hold (a number as text with a decimal comma, a list as ';'-separated text)."""
    short = _text(MAX_FIELD_CHARS)
    if spec.many:
        return Annotated[list[short], Field(max_length=MAX_LIST_ITEMS)] | short  # type: ignore[valid-type]
    if spec.base is datetime:
        return datetime | short
    if spec.base is date:
        return date | short
    if spec.base is float:
        return float | short
    return _text(MAX_TEXT_CHARS if spec.name in TEXT_FIELDS else MAX_FIELD_CHARS)


def _fields_model(kind: RecordKind) -> type[BaseModel]:
    """The canonical fields of a record kind as a request model (for validation and OpenAPI)."""
    fields: dict[str, Any] = {}
    for spec in field_specs(kind):
        raw = _raw_type(spec)
        fields[spec.name] = (raw, ...) if spec.required else (raw | None, None)
    model: type[BaseModel] = create_model(
        f"{RECORD_TYPES[kind].__name__}Fields",
        __config__=ConfigDict(extra="forbid", frozen=True),
        __doc__=f"The canonical fields of {kind.value} records (docs/data.md).",
        **fields,
    )
    return model


AdFields = _fields_model(RecordKind.AD)
MessageFields = _fields_model(RecordKind.MESSAGE)


class _Item(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    _canonical: dict[str, Any] = PrivateAttr(default_factory=dict)

    @property
    def record_kind(self) -> RecordKind:
        return ITEM_KINDS[str(getattr(self, "kind"))]  # noqa: B009 - set by each subclass

    @property
    def canonical(self) -> dict[str, Any]:
        """The record as ingest would store it (coerced, checked by the record model)."""
        return dict(self._canonical)

    @model_validator(mode="after")
    def _ingested(self, info: ValidationInfo) -> _Item:
        """Coerce the fields as ingest does; the time zone of naive timestamps comes from the
        validation context (`{"timezone": ...}`), else the descriptor's default."""
        context = info.context if isinstance(info.context, dict) else {}
        zone = str(context.get("timezone") or DEFAULT_TIMEZONE)
        kind = self.record_kind
        validator = _validator(kind, zone)
        record: BaseModel = getattr(self, "record")  # noqa: B009 - set by each subclass
        result = validator.validate(record.model_dump(exclude_none=True))
        if isinstance(result, str):
            raise ValueError(f"record: {result}")
        self._canonical = result
        return self


class AdItem(_Item):
    """An ad or a profile (the Ad model covers both)."""

    kind: Literal["ad", "profile"]
    record: AdFields  # type: ignore[valid-type]


class MessageItem(_Item):
    """A chat, e-mail or recruitment message."""

    kind: Literal["message"]
    record: MessageFields  # type: ignore[valid-type]


ScoreItem = Annotated[AdItem | MessageItem, Field(discriminator="kind")]


class BatchRequest(BaseModel):
    """A batch: up to MAX_BATCH_ITEMS items, each as the single call's body. The items are
    checked one by one when scored, so that a bad item is answered with its errors in its place
    while the others are scored (a request model of typed items would refuse the batch)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    items: list[dict[str, Any]] = Field(min_length=1, max_length=MAX_BATCH_ITEMS)


_validators: dict[tuple[RecordKind, str], RowValidator] = {}


def _validator(kind: RecordKind, zone: str) -> RowValidator:
    """One row validator per kind and time zone (it holds no per-row state for ads and
    messages: the payment pairing is for transaction statements only)."""
    key = (kind, zone)
    validator = _validators.get(key)
    if validator is None:
        descriptor = SourceDescriptor(name="online", kind=kind, timezone=zone)
        validator = _validators[key] = RowValidator(kind, descriptor)
    return validator
