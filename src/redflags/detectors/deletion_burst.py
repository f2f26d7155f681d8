"""`deletion_burst` (BEH-COORDINATED-DELETION): linked accounts or ads purged together.

Deletion events (`events`: ad_removed, chat_history_cleared, account_deleted, device_removed)
are linked when they come from one device. A device whose deletion events reach at least
`min_linked_items` distinct accounts within `window_hours` fires; the evidence is those events
and the ads whose contact (phone or handle) is an account whose ads were removed by one of them.

`evidence_wipe` (RCS-SURV-EVIDENCE-WIPE): orders to erase traces, found by `lexicon_presence`'s
rules in messages, plus the same deletion bursts (without the ads: removing an ad is not wiping
a chat), as the indicator's rule names mass deletion too.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from datetime import timedelta
from typing import Any

from redflags.catalogue.params.device import DeletionBurstParams
from redflags.catalogue.params.text import EvidenceWipeParams
from redflags.detectors.base import Detector, Scope, register
from redflags.detectors.lexicon_presence import LexiconPresenceDetector
from redflags.engines import Engine
from redflags.model import Evidence, Finding, RecordKind
from redflags.normalise.identifiers import normalise_handle


@register
class DeletionBurstDetector(Detector):
    kind = "deletion_burst"
    p: DeletionBurstParams
    record_kinds = ("device_event", "ad")
    description = "Several linked accounts or ads deleted from one device within hours."

    def evaluate(self, engine: Engine) -> Iterator[Finding]:
        return self.bursts(engine, with_ads=True)

    def bursts(self, engine: Engine, with_ads: bool) -> Iterator[Finding]:
        wanted = set(self.p.events)
        minimum = self.p.min_linked_items
        window = timedelta(hours=float(self.p.window_hours))
        by_device: dict[str, list[dict[str, Any]]] = defaultdict(list)
        columns = ["event_id", "account", "device_id", "ts", "event", "country"]
        for row in engine.records(RecordKind.DEVICE_EVENT, columns):
            if row["event"] in wanted and row["device_id"]:
                by_device[str(row["device_id"])].append(row)
        bursts = []
        for device, rows in sorted(by_device.items()):
            burst = _widest(sorted(rows, key=lambda r: r["ts"]), window)
            if len({r["account"] for r in burst}) >= minimum:
                bursts.append((device, burst))
        if not bursts:
            return
        ads = _ads_by_contact(engine) if with_ads else {}
        for device, burst in bursts:
            removed = [r for r in burst if r["event"] == "ad_removed"]
            ad_ids = sorted({a for r in removed for a in ads.get(_key(str(r["account"])), ()) if a})
            yield self._finding(device, burst, ad_ids, minimum, window)

    def _finding(
        self,
        device: str,
        burst: list[dict[str, Any]],
        ad_ids: list[str],
        minimum: int,
        window: timedelta,
    ) -> Finding:
        accounts = len({r["account"] for r in burst})
        span = burst[-1]["ts"] - burst[0]["ts"]
        hours = span.total_seconds() / 3600
        limit = window.total_seconds() / 3600
        evidence = [
            Evidence(
                kind="device_event",
                record_id=str(r["event_id"]),
                field="event",
                value=str(r["event"]),
            )
            for r in burst
        ] + [Evidence(kind="ad", record_id=a, field="phone") for a in ad_ids]
        return self.finding(
            subject_kind="device_event",
            subject=str(burst[0]["event_id"]),
            facts={
                "device": device,
                "events": len(burst),
                "accounts": accounts,
                "ads_removed": len(ad_ids),
                "hours": round(hours, 2),
                "first": burst[0]["ts"].isoformat(),
                "legal_hold": True,
            },
            summary_en=f"{accounts} linked accounts (threshold {minimum}) were purged from one "
            f"device within {hours:.1f} hours (window {limit:g}): {len(burst)} deletion events, "
            f"{len(ad_ids)} ads removed. Put the data under legal hold.",
            summary_da=f"{accounts} forbundne konti (tærskel {minimum}) blev tømt fra samme "
            f"enhed inden for {hours:.1f} timer (vindue {limit:g}): {len(burst)} sletninger, "
            f"{len(ad_ids)} annoncer fjernet. Sikr data mod sletning (legal hold).",
            evidence=tuple(evidence),
            pivots=(f"device:{device}",),
        )


def _widest(rows: list[dict[str, Any]], window: timedelta) -> list[dict[str, Any]]:
    """The window of events that reaches the most distinct accounts."""
    best: list[dict[str, Any]] = []
    start = 0
    for end in range(len(rows)):
        while rows[end]["ts"] - rows[start]["ts"] > window:
            start += 1
        current = rows[start : end + 1]
        if len({r["account"] for r in current}) > len({r["account"] for r in best}):
            best = current
    return best


def _key(value: str) -> str:
    digits = "".join(c for c in value if c.isdigit())
    return digits if value.startswith("+") or value.isdigit() else normalise_handle(value) or value


def _ads_by_contact(engine: Engine) -> dict[str, list[str]]:
    ads: dict[str, list[str]] = defaultdict(list)
    for row in engine.records(RecordKind.AD, ["ad_id", "phone", "handle"]):
        for value in (row["phone"], row["handle"]):
            if value:
                ads[_key(str(value))].append(str(row["ad_id"]))
    return ads


@register
class EvidenceWipeDetector(LexiconPresenceDetector, DeletionBurstDetector):
    kind = "evidence_wipe"
    p: EvidenceWipeParams
    record_kinds = ("message", "device_event")
    description = "Orders to erase traces in messages, and mass deletions from one device."

    def record_scope(self) -> Scope:
        # its findings about a message are the lexicon's; the bursts are about devices
        return LexiconPresenceDetector.record_scope(self)

    def reads(self) -> tuple[str, ...]:
        return (*LexiconPresenceDetector.reads(self), "device_event")

    def evaluate(self, engine: Engine) -> Iterator[Finding]:
        yield from LexiconPresenceDetector.evaluate(self, engine)
        yield from self.bursts(engine, with_ads=False)
