"""Identifiers ("pivots") found in records, with provenance."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class Identifier(BaseModel):
    """One identifier in one record: equal `pivot` values link records into networks."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    kind: str  # phone, handle, email, account, device, ip, address, customer
    value: str  # normalised value: E.164 phone, 'telegram:name', lower-case e-mail ...
    record_kind: str
    record_id: str
    field: str
    start: int | None = None  # span in the field's text when found in free text
    end: int | None = None
    raw: str | None = None  # the text as written

    @property
    def pivot(self) -> str:
        return f"{self.kind}:{self.value}"
