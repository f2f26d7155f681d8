"""Message structure: who writes to whom, how often, in which order and on which platform.

Wording comes from lexicons (as in `lexicon_presence`); these kinds add the structure the rule
needs on top of it:

- `checkin_demands` (RCS-SURV-CHECKINS): one sender demanding check-ins of one recipient — at
  least `min_messages_per_day` demands within 24 hours, or at least `min_photo_proof_requests`
  requests for photo proof within `window_days`;
- `channel_switch` (RCS-REC-CHANNEL-SWITCH): among the first `max_message_index` messages of a
  thread on a platform that is not a private messenger (a job site, Facebook, e-mail), a message
  that gives a private-messenger handle or link (`find_contacts`) or names a messenger next to a
  phone number;
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from redflags.catalogue.lexicons import load_lexicon
from redflags.catalogue.params.text import ChannelSwitchParams, CheckinDemandsParams, LexiconParams
from redflags.detectors.base import Detector, Scope, register
from redflags.detectors.lexicon_matcher import Hit, hit_evidence, matcher_for
from redflags.engines import Engine
from redflags.extract import identifiers_of
from redflags.model import Evidence, Finding, RecordKind
from redflags.normalise.contacts import find_contacts
from redflags.normalise.phones import DEFAULT_REGION

_COLUMNS = ["message_id", "thread_id", "sender", "recipient", "sent_at", "platform", "text"]


@dataclass(frozen=True)
class Said:
    """One message with the lexicon hits of its text."""

    record: dict[str, Any]
    hits: tuple[Hit, ...]

    @property
    def at(self) -> datetime:
        value: datetime = self.record["sent_at"]
        return value

    def concepts(self) -> set[str]:
        return {h.concept for h in self.hits}


class _MessageDetector(Detector):
    """Reads messages once, with the hits of the indicator's lexicon."""

    p: LexiconParams

    def _said(self, engine: Engine) -> Iterator[Said]:
        matcher = matcher_for(load_lexicon(self.p.lexicon))
        for record in engine.records(RecordKind.MESSAGE, _COLUMNS):
            hits = matcher.find(record.get("text"))
            if hits:
                yield Said(record, tuple(hits))

    def _message_finding(
        self, items: list[Said], facts: dict[str, Any], summary_en: str, summary_da: str
    ) -> Finding:
        evidence = tuple(
            e
            for item in items
            for e in hit_evidence(
                "message", str(item.record["message_id"]), {"text": list(item.hits)}
            )
        )
        pivots = tuple(
            sorted(
                {
                    i.pivot
                    for item in items
                    for i in identifiers_of("message", item.record, self.region)
                }
            )
        )
        return self.finding(
            subject_kind="message",
            subject=str(items[0].record["message_id"]),
            facts=facts,
            summary_en=summary_en,
            summary_da=summary_da,
            evidence=evidence,
            pivots=pivots,
        )


def densest_window(items: list[Said], window: timedelta) -> list[Said]:
    """The most items that fit in one window (items sorted by time inside)."""
    items = sorted(items, key=lambda s: s.at)
    best: list[Said] = []
    start = 0
    for end in range(len(items)):
        while items[end].at - items[start].at > window:
            start += 1
        if end - start + 1 > len(best):
            best = items[start : end + 1]
    return best


@register
class CheckinDemandsDetector(_MessageDetector):
    kind = "checkin_demands"
    p: CheckinDemandsParams
    record_kinds = ("message",)
    description = (
        "One sender demands check-ins (photos, whereabouts, instant replies) of one recipient."
    )

    def evaluate(self, engine: Engine) -> Iterator[Finding]:
        per_day = self.p.min_messages_per_day
        photo_min = self.p.min_photo_proof_requests
        window_days = float(self.p.window_days)
        photos = self.p.flag_photo_proof_requests
        pairs: dict[tuple[str, str], list[Said]] = defaultdict(list)
        for said in self._said(engine):
            key = (str(said.record["sender"]), str(said.record.get("recipient") or ""))
            pairs[key].append(said)
        for (sender, _), items in sorted(pairs.items()):
            daily = densest_window(items, timedelta(hours=24))
            proof = [s for s in items if "photo_proof" in s.concepts()]
            proof = densest_window(proof, timedelta(days=window_days)) if photos else []
            if len(daily) >= per_day:
                chosen, why_en, why_da = (
                    daily,
                    f"{len(daily)} check-in demands within 24 hours (threshold {per_day})",
                    f"{len(daily)} krav om at melde sig inden for 24 timer (tærskel {per_day})",
                )
            elif proof and len(proof) >= photo_min:
                chosen, why_en, why_da = (
                    proof,
                    f"{len(proof)} demands for photo proof within {window_days:g} days "
                    f"(threshold {photo_min})",
                    f"{len(proof)} krav om billedbevis inden for {window_days:g} dage "
                    f"(tærskel {photo_min})",
                )
            else:
                continue
            yield self._message_finding(
                chosen,
                {
                    "sender": sender,
                    "demands": len(chosen),
                    "in_24h": len(daily),
                    "photo_proof": len(proof),
                },
                f"One sender made {why_en} of one recipient.",
                f"Én afsender stillede {why_da} til samme modtager.",
            )


_MESSENGER_WORD = re.compile(
    r"\b(whats\s?app|telegram|signal|viber|wechat|line|threema|wickr|session)\b", re.IGNORECASE
)


@register
class ChannelSwitchDetector(Detector):
    kind = "channel_switch"
    p: ChannelSwitchParams
    record_kinds = ("message",)
    description = "Early in a conversation on a public platform, a move to a private messenger."
    scope = Scope.ALONE  # a message's place in its thread reads the thread

    def evaluate(self, engine: Engine) -> Iterator[Finding]:
        limit = self.p.max_message_index
        messengers = {m.lower() for m in self.p.messengers}
        private = messengers | {p.lower() for p in self.p.private_platforms}
        threads: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for record in engine.records(RecordKind.MESSAGE, _COLUMNS):
            # alone, a message is the first of a thread of its own
            thread = None if self.alone else record["thread_id"]
            threads[str(thread or record["message_id"])].append(record)
        for rows in threads.values():
            rows.sort(key=lambda r: (r["sent_at"], str(r["message_id"])))
            for index, record in enumerate(rows[:limit]):
                platform = (record.get("platform") or "").lower()
                if platform in private:
                    continue
                spans = list(_off_platform(record.get("text") or "", messengers, self.region))
                if spans:
                    yield self._finding(record, index + 1, platform, spans, limit)
                    break

    def _finding(
        self,
        record: dict[str, Any],
        position: int,
        platform: str,
        spans: list[tuple[str, int, int]],
        limit: int,
    ) -> Finding:
        record_id = str(record["message_id"])
        names = sorted({name for name, _, _ in spans})
        where = platform or "?"
        return self.finding(
            subject_kind="message",
            subject=record_id,
            facts={
                "thread_position": position,
                "platform": where,
                "to": names,
                "max_message_index": limit,
            },
            summary_en=f"Message {position} of a conversation on {where} (within the first "
            f"{limit}) moves it to {', '.join(names)}.",
            summary_da=f"Besked {position} i en samtale på {where} (blandt de første {limit}) "
            f"flytter den til {', '.join(names)}.",
            evidence=tuple(
                Evidence(
                    kind="message",
                    record_id=record_id,
                    field="text",
                    value=name,
                    start=start,
                    end=end,
                )
                for name, start, end in spans
            ),
            pivots=tuple(sorted({i.pivot for i in identifiers_of("message", record, self.region)})),
        )


def _off_platform(
    text: str, messengers: set[str], region: str = DEFAULT_REGION
) -> Iterable[tuple[str, int, int]]:
    """(messenger, start, end) of each private-messenger contact in the text: a handle or link
    of a messenger, or a phone number in a text that names a messenger."""
    named = [m for m in _MESSENGER_WORD.finditer(text) if m.group(1).lower() in messengers]
    for contact in find_contacts(text, region, kinds=("handle", "phone")):
        if contact.kind == "handle":
            platform = contact.value.split(":", 1)[0]
            if platform in messengers:
                yield platform, contact.start, contact.end
        elif named:
            yield named[0].group(1).lower(), contact.start, contact.end
