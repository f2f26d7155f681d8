"""Identifiers ("pivots") found in records, with provenance."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class Identifier(BaseModel):
    """One identifier in one record: equal `pivot` values link records into networks."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    kind: str  # phone, handle, email, url, account, device, ip, address, customer
    value: str  # normalised value: E.164 phone, 'telegram:name', lower-case e-mail ...
    record_kind: str
    record_id: str
    field: str
    start: int | None = None  # span in the field's text when found in free text
    end: int | None = None
    raw: str | None = None  # the text as written

    obfuscated: bool = False  # only readable after undoing obfuscation (words, emoji, swaps)

    @property
    def pivot(self) -> str:
        """The linking key. Handles link across platforms: '@name' in one ad, 't.me/name' in
        another and a Telegram sender 'name' are one contact."""
        if self.kind == "handle":
            return f"handle:{self.value.partition(':')[2] or self.value}"
        return f"{self.kind}:{self.value}"
