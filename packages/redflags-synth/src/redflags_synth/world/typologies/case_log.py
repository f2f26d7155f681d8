"""Entries of a bank's KYC case log (`kyc_events`) for the typologies, in the background's words
(benign/kyc_log.py: the same events, channels and staff notes)."""

from __future__ import annotations

import random
from collections.abc import Iterable
from datetime import datetime
from typing import Any

from redflags_synth.world.benign.kyc_log import NOTES
from redflags_synth.world.context import WorldContext
from redflags_synth.world.typologies import kit
from redflags_synth.world.typologies.ledger import Ledger

__all__ = ["NOTES", "identified_at_onboarding", "kyc_event", "taken_over"]


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
) -> dict[str, Any]:
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


def identified_at_onboarding(
    ctx: WorldContext, rng: random.Random, ledger: Ledger, records: Iterable[dict[str, Any]]
) -> None:
    """Each customer identified in a branch meeting when the account was opened."""
    for record in records:
        kyc_event(
            ctx,
            ledger,
            customer_id=record["customer_id"],
            ts=kit.later(rng, record["onboarded_at"], 0.1, 0.6),
            event="meeting_held",
            channel="branch",
        )


def taken_over(
    ctx: WorldContext,
    rng: random.Random,
    ledger: Ledger,
    records: list[dict[str, Any]],
    target: str | None,
    speaker: str,
    count: int,
) -> list[dict[str, Any]]:
    """A controller moves `count` of `records` (customers) to the phone number `target`, which
    is registered to him, days after they were onboarded; asked to identify again, they fail or
    refuse video-ID (and decline a meeting) while `speaker` calls for them. The records are
    changed to the new number; the ones moved are returned."""
    movable = [r for r in records if target and r["phone"] != target]
    chosen = rng.sample(movable, min(len(movable), count))
    for record in chosen:
        day = (record["onboarded_at"] - ctx.start).days + rng.randint(3, 12)
        ts = kit.clock(ctx, rng, day, kit.WAKING)
        customer_id = record["customer_id"]
        kyc_event(
            ctx,
            ledger,
            customer_id=customer_id,
            ts=ts,
            event="detail_change",
            field="phone",
            old_value=record["phone"],
            new_value=target,
            channel=rng.choice(["app", "app", "phone"]),
        )
        record["phone"] = target
        misses = [rng.choice(["video_id_failed", "video_id_refused"]) for _ in range(2)]
        misses += ["meeting_declined"] * rng.randint(0, 1)
        for miss in misses:
            ts = kit.later(rng, ts, 20, 120)
            declined = miss == "meeting_declined"
            kyc_event(
                ctx,
                ledger,
                customer_id=customer_id,
                ts=ts,
                event=miss,
                channel="phone" if declined else "video",
                actor=speaker if declined else None,
                note=NOTES["connection"] if miss == "video_id_failed" else None,
            )
            if declined or rng.random() < 0.5:
                ts = kit.later(rng, ts, 1, 30)
                kyc_event(
                    ctx,
                    ledger,
                    customer_id=customer_id,
                    ts=ts,
                    event="contact_via_third_party",
                    channel="phone",
                    actor=speaker,
                    note=NOTES["on_behalf"],
                )
    return chosen
