"""Entries of a bank's KYC case log (`kyc_events`) for the typologies, in the background's words
(benign/kyc_log.py: the same events, channels and staff notes)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from redflags.synth.world.benign.kyc_log import NOTES
from redflags.synth.world.context import WorldContext
from redflags.synth.world.typologies.ledger import Ledger

__all__ = ["NOTES", "kyc_event"]


def kyc_event(
    ctx: WorldContext,
    ledger: Ledger,
    *,
    customer_id: str,
    ts: datetime,
    event: str,
    field: str | None = None,
    old_value: str | None = None,
    new_value: str | None = None,
    channel: str | None = None,
    actor: str | None = None,
    note: str | None = None,
    indicators: Iterable[str] = (),
) -> dict[str, object]:
    record = {
        "event_id": ctx.new_id("kyc"),
        "customer_id": customer_id,
        "ts": ts,
        "event": event,
        "field": field,
        "old_value": old_value,
        "new_value": new_value,
        "channel": channel,
        "actor": actor,
        "note": note,
    }
    return ledger.add("kyc_event", record, indicators)
