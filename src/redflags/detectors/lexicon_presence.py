"""Lexicon presence in ads, messages and notes (field notes, KYC staff notes), with a few
parameters instead of many detector kinds.

`lexicon_presence`: a record fires when any of its `rules` holds; a rule names concepts that must
all be present (`require_all`), a minimum number of hits (`min_hits`, counted over the rule's
concepts) and optionally a minimum number of distinct matched terms (`min_distinct`, e.g. a list
of 8 services). `record_kinds` picks ads, messages, field notes (`observation`) and/or the KYC
case log's staff notes (`kyc_event`); `max_thread_index` keeps only messages
among the first N of their thread; `min_per_sender` with `window_days` turns message hits into one
finding per sender who wrote that many matching messages within the window.

Every finding grades its cues (issue #12): a rule is strong when one of the concepts it requires
is strong in the lexicon (`strength`, default strong), or when the rule says `strength: strong`;
a rule of weak concepts only ("100% real", "24/7", "young": words lawful ads use every day) is
weak. A finding with a strong rule has strength 1 and `cue_strength: strong`; one whose rules are
all weak has `weak_strength` (0.1) and `cue_strength: weak`, which risk-v1 counts only beside
independent evidence. `costume_concepts` turn the `costume_downgrades` concepts weak
("schoolgirl outfit"). The facts list the strong and the weak cues.

A rule may name the record `kinds` it applies to; hits inside a hit of a `mask_concepts` concept
are ignored ("Thai" in "Thai massage" names a massage style, not the person).

`pronoun_ratio`: in ads of at least `min_words` words, (hits of `other_concepts`) divided by
(hits of `self_concept`, at least 1) must reach `min_ratio`; `require_concepts` must be present
(e.g. at least one she/her form, so a company's "we" alone does not count).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from datetime import timedelta
from typing import Any, ClassVar

from redflags.catalogue.lexicons import Lexicon, load_lexicon
from redflags.catalogue.params.text import (
    LexiconParams,
    LexiconPresenceParams,
    LexiconRule,
    PronounRatioParams,
)
from redflags.detectors.base import Detector, Scope, register
from redflags.detectors.lexicon_matcher import Hit, hit_evidence, matcher_for
from redflags.engines import Engine
from redflags.extract import identifiers_of
from redflags.model import Evidence, Finding, RecordKind
from redflags.normalise.identifiers import normalise_handle

_KINDS: dict[str, tuple[RecordKind, str, tuple[str, ...], tuple[str, ...]]] = {
    # name -> (kind, id field, text fields, extra columns)
    "ad": (RecordKind.AD, "ad_id", ("title", "body"), ("phone", "handle", "email", "poster")),
    "message": (
        RecordKind.MESSAGE,
        "message_id",
        ("text",),
        ("sender", "platform", "thread_id", "sent_at"),
    ),
    # staff's and inspectors' own words: what someone saw or was told in person
    "observation": (
        RecordKind.OBSERVATION,
        "observation_id",
        ("text",),
        ("observed_at", "customer_id", "phone", "address", "place_address"),
    ),
    "kyc_event": (
        RecordKind.KYC_EVENT,
        "event_id",
        ("note",),
        ("ts", "customer_id", "event", "field", "new_value"),
    ),
}
# how a summary names the record: "The note contains: ..."
_NOUNS = {
    RecordKind.AD: ("ad", "Annoncen"),
    RecordKind.MESSAGE: ("message", "Beskeden"),
    RecordKind.OBSERVATION: ("note", "Notatet"),
    RecordKind.KYC_EVENT: ("KYC note", "KYC-notatet"),
}
_WORD = re.compile(r"\w+")
Items = list[tuple[dict[str, Any], dict[str, list[Hit]]]]
_STRUCTURAL = {
    "handle_only": {
        "en": "only a messenger handle as contact",
        "da": "kun et brugernavn på en beskedtjeneste som kontakt",
    }
}


def _rule_holds(rule: LexiconRule, hits: list[Hit]) -> list[Hit] | None:
    concepts = rule.require_all
    own = [h for h in hits if h.concept in concepts]
    found = {h.concept for h in own}
    if not all(c in found for c in concepts):
        return None
    if len(own) < rule.min_hits:
        return None
    if len({h.term.lower() for h in own}) < rule.min_distinct:
        return None
    return own


class _LexiconDetector(Detector):
    p: LexiconParams

    def _matched(
        self, engine: Engine, kinds: list[str]
    ) -> Iterator[tuple[RecordKind, str, dict[str, Any], dict[str, list[Hit]]]]:
        matcher = matcher_for(self._lexicon())
        for name in kinds:
            kind, id_field, text_fields, extra = _KINDS[name]
            for record in engine.records(kind, [id_field, *text_fields, *extra]):
                hits = {field: matcher.find(record.get(field)) for field in text_fields}
                yield kind, id_field, record, hits

    def _lexicon(self) -> Lexicon:
        if not hasattr(self, "_cached"):
            self._cached = load_lexicon(self.p.lexicon)
        return self._cached

    def _evidence(
        self, kind: RecordKind, record_id: str, hits: dict[str, list[Hit]]
    ) -> tuple[Evidence, ...]:
        return hit_evidence(kind.value, record_id, hits)

    def _shown(self, records: Items, lang: str) -> str:
        lexicon = self._lexicon()
        terms: dict[str, set[str]] = defaultdict(set)
        for record, hits in records:
            for field, field_hits in hits.items():
                for hit in field_hits:
                    if hit.concept not in lexicon.concepts:  # a structural hit: no identifier
                        terms[hit.concept]
                        continue
                    shown = _without_identifiers((record.get(field) or "")[hit.start : hit.end])
                    if shown:
                        terms[hit.concept].add(shown)
        return "; ".join(
            f"{_STRUCTURAL[c][lang]}"
            if c in _STRUCTURAL
            else f"{lexicon.label(c, lang)}: {', '.join(sorted(t)[:6])}"
            for c, t in sorted(terms.items())
        )


@register
class LexiconPresenceDetector(_LexiconDetector):
    kind = "lexicon_presence"
    p: LexiconPresenceParams
    record_kinds: ClassVar[tuple[str, ...]] = ("ad", "message", "observation", "kyc_event")
    description = "Lexicon concepts in an ad, message or note (per record, thread or sender)."

    def record_scope(self) -> Scope:
        """A finding per record reads that record; one per sender needs several messages; a
        message's place in its thread, or its sender's other messages, read the others."""
        p = self.p
        if p.min_per_sender > 1:
            return Scope.RECORDS
        if "message" in p.record_kinds and (
            p.max_thread_index is not None or p.pattern_min_per_sender
        ):
            return Scope.ALONE
        return Scope.RECORD

    def reads(self) -> tuple[str, ...]:
        return tuple(k for k in self.record_kinds if k in self.p.record_kinds)

    def evaluate(self, engine: Engine) -> Iterator[Finding]:
        p = self.p
        rules = p.rules
        if rules is None:  # absent: every concept of the lexicon together
            rules = (LexiconRule(require_all=tuple(self._lexicon().concepts)),)
        notes = set(p.note_concepts)
        max_index = p.max_thread_index
        per_sender = p.min_per_sender
        pattern_min = p.pattern_min_per_sender
        # the params model requires window_days wherever a sender window is used
        window = timedelta(days=float(p.window_days or 0))
        handle_only = p.handle_only
        masks = set(p.mask_concepts)
        costume = set(p.costume_concepts)
        self._threads: dict[str, int] | None = None  # thread positions, read once per run
        by_sender: dict[str, Items] = defaultdict(list)
        singles: list[
            tuple[RecordKind, dict[str, Any], dict[str, list[Hit]], dict[str, Any], float]
        ] = []
        for kind, _, record, hits in self._matched(engine, list(p.record_kinds)):
            hits = {f: _unmasked(fh, masks) for f, fh in hits.items()}
            every = [h for field_hits in hits.values() for h in field_hits]
            in_costume = bool(costume) and any(h.concept in costume for h in every)
            kept: set[Hit] = set()
            strong: set[Hit] = set()
            for rule in rules:
                if rule.kinds is not None and kind.value not in rule.kinds:
                    continue
                own = _rule_holds(rule, every)
                if own is not None:
                    kept.update(own)
                    if self._rule_is_strong(rule, in_costume):
                        strong.update(own)
            if handle_only and kind is RecordKind.AD and _handle_only(record):
                marker = Hit("handle_only", "handle", 0, len(record["handle"]))
                kept.add(marker)
                strong.add(marker)
                hits = {**hits, "handle": [marker]}
            if not kept:
                continue
            facts = self._noted(record, hits, [h for h in every if h.concept in notes])
            if in_costume:
                facts["costume_context"] = True
            strength = self._graded(record, hits, kept, strong, facts)
            hits = {f: [h for h in field_hits if h in kept] for f, field_hits in hits.items()}
            if kind is RecordKind.MESSAGE and max_index is not None:
                index = self._thread_index(engine, record)
                if index >= int(max_index):
                    continue
                facts["thread_position"] = index + 1
            if kind is RecordKind.MESSAGE and (per_sender > 1 or pattern_min):
                by_sender[self._sender_key(record)].append((record, hits))
                if per_sender > 1:
                    continue
            singles.append((kind, record, hits, facts, strength))
        for kind, record, hits, facts, strength in singles:
            if kind is RecordKind.MESSAGE and pattern_min:
                count = _most_in_window(by_sender[self._sender_key(record)], window, record)
                facts["sender_messages_in_window"] = count
                facts["repeated_pattern"] = count >= pattern_min
            record_id = str(record[_KINDS[kind.value][1]])
            yield self._record_finding(kind, record_id, record, hits, facts, strength)
        if per_sender > 1:
            for sender, items in sorted(by_sender.items()):
                best = _best_window(items, window)
                if len(best) >= per_sender:
                    yield self._sender_finding(sender, best)

    def _noted(
        self, record: dict[str, Any], hits: dict[str, list[Hit]], noted: list[Hit]
    ) -> dict[str, Any]:
        """Facts from concepts that are noted but not required (first time, a stated age)."""
        if not noted:
            return {}
        field_of = {h: f for f, fh in hits.items() for h in fh}
        shown = {h: (record.get(field_of[h]) or "")[h.start : h.end] for h in noted}
        facts: dict[str, Any] = {
            "noted": {
                c: sorted({t for h, t in shown.items() if h.concept == c})
                for c in {h.concept for h in noted}
            }
        }
        limit = self.p.max_stated_age_for_review
        if limit is not None:
            ages = [
                int(m.group(0))
                for h, t in shown.items()
                if h.concept == "stated_age" and (m := re.match(r"\d+", t))
            ]
            urgent = any(h.concept == "first_time" for h in noted) or any(
                a <= int(limit) for a in ages
            )
            facts["urgent_review"] = urgent
            if urgent:
                facts["review_within_hours"] = self.p.review_within_hours
        return facts

    def _sender_key(self, record: dict[str, Any]) -> str:
        """Whose messages are counted together: the sender's; alone, the message's own."""
        return str(record["message_id"] if self.alone else record["sender"])

    def _thread_index(self, engine: Engine, record: dict[str, Any]) -> int:
        if self.alone:  # the message alone is the first of its thread
            return 0
        if self._threads is None:
            order: dict[str, list[tuple[Any, str]]] = defaultdict(list)
            for row in engine.records(RecordKind.MESSAGE, ["message_id", "thread_id", "sent_at"]):
                if row["thread_id"]:
                    order[str(row["thread_id"])].append((row["sent_at"], str(row["message_id"])))
            self._threads = {
                mid: index for rows in order.values() for index, (_, mid) in enumerate(sorted(rows))
            }
        return self._threads.get(str(record["message_id"]), 0)

    def _record_finding(
        self,
        kind: RecordKind,
        record_id: str,
        record: dict[str, Any],
        hits: dict[str, list[Hit]],
        facts: dict[str, Any],
        strength: float = 1.0,
    ) -> Finding:
        noun_en, noun_da = _NOUNS[kind]
        pivots = tuple(sorted({i.pivot for i in identifiers_of(kind.value, record, self.region)}))
        shown_en, shown_da = (
            self._shown([(record, hits)], "en"),
            self._shown([(record, hits)], "da"),
        )
        return self.finding(
            subject_kind=kind.value,
            subject=record_id,
            facts={"terms": shown_en, **facts},
            summary_en=f"The {noun_en} contains: {shown_en}.",
            summary_da=f"{noun_da} indeholder: {shown_da}.",
            evidence=self._evidence(kind, record_id, hits),
            pivots=pivots,
            strength=strength,
        )

    def _rule_is_strong(self, rule: LexiconRule, in_costume: bool) -> bool:
        """A rule's own `strength`, else strong when one of its concepts is strong in the lexicon;
        a `costume_downgrades` concept next to a costume word ("schoolgirl outfit") is weak."""
        if rule.strength is not None:
            return rule.strength == "strong"
        lexicon = self._lexicon()
        downgraded = set(self.p.costume_downgrades) if in_costume else set()
        return any(not lexicon.is_weak(c) and c not in downgraded for c in rule.require_all)

    def _graded(
        self,
        record: dict[str, Any],
        hits: dict[str, list[Hit]],
        kept: set[Hit],
        strong: set[Hit],
        facts: dict[str, Any],
    ) -> float:
        """Writes which cues fired, strong and weak, into `facts`; returns the finding's
        strength (1 with a strong cue, `weak_strength` with weak cues only)."""
        field_of = {h: f for f, fh in hits.items() for h in fh}
        strong_cues: set[str] = set()
        weak_cues: set[str] = set()
        for hit in kept:
            text = _without_identifiers(
                (record.get(field_of.get(hit, "")) or "")[hit.start : hit.end]
            )
            (strong_cues if hit in strong else weak_cues).add(text or hit.term)
        facts["cue_strength"] = "strong" if strong else "weak"
        facts["strong_cues"] = sorted(strong_cues)
        facts["weak_cues"] = sorted(weak_cues - strong_cues)
        facts["strong_concepts"] = sorted({h.concept for h in strong})
        if self.p.review_within_hours is not None:
            # only a credible signal of a minor is urgent; a weak cue with "19" or "first
            # time" is not
            facts["urgent_review"] = bool(strong)
            if strong:
                facts["review_within_hours"] = self.p.review_within_hours
            else:
                facts.pop("review_within_hours", None)
        return 1.0 if strong else self.p.weak_strength

    def _sender_finding(self, sender: str, items: Items) -> Finding:
        evidence = tuple(
            e
            for record, hits in items
            for e in self._evidence(RecordKind.MESSAGE, str(record["message_id"]), hits)
        )
        pivots = tuple(
            sorted(
                {
                    i.pivot
                    for record, _ in items
                    for i in identifiers_of("message", record, self.region)
                }
            )
        )
        days = self.p.window_days
        return self.finding(
            subject_kind="message",
            subject=str(items[0][0]["message_id"]),
            facts={"sender": sender, "messages": len(items), "window_days": days},
            summary_en=f"{len(items)} messages from one sender within {days} days contain: "
            f"{self._shown(items, 'en')}.",
            summary_da=f"{len(items)} beskeder fra samme afsender inden for {days} dage "
            f"indeholder: {self._shown(items, 'da')}.",
            evidence=evidence,
            pivots=pivots,
        )


def _without_identifiers(term: str) -> str:
    """A matched term for a summary, cut before any identifier ("WhatsApp +4521..." -> "WhatsApp",
    "t.me/name" -> ""): summaries never repeat a phone, handle or link."""
    kept: list[str] = []
    for token in term.split():
        digits = sum(c.isdigit() for c in token)
        if digits >= 5 or "@" in token or "t.me" in token or "wa.me" in token:
            break
        kept.append(token)
    return " ".join(kept)


def _unmasked(hits: list[Hit], masks: set[str]) -> list[Hit]:
    """Hits without those inside a masking phrase ("Thai" inside "Thai massage"); masking hits
    themselves are dropped too."""
    spans = [(h.start, h.end) for h in hits if h.concept in masks]
    return [
        h
        for h in hits
        if h.concept not in masks and not any(s <= h.start and h.end <= e for s, e in spans)
    ]


def _handle_only(record: dict[str, Any]) -> bool:
    """An ad whose only contact is a messenger handle (no phone, no e-mail)."""
    return bool(normalise_handle(record.get("handle"))) and not (
        record.get("phone") or record.get("email")
    )


def _best_window(items: Items, window: timedelta) -> Items:
    items = sorted(items, key=lambda item: item[0]["sent_at"])
    best: Items = []
    start = 0
    for end in range(len(items)):
        while items[end][0]["sent_at"] - items[start][0]["sent_at"] > window:
            start += 1
        if end - start + 1 > len(best):
            best = items[start : end + 1]
    return best


def _most_in_window(items: Items, window: timedelta, record: dict[str, Any]) -> int:
    """The most matching messages of one sender in one window that holds this record."""
    at = record["sent_at"]
    times = sorted(item[0]["sent_at"] for item in items)
    counts = [
        sum(1 for t in times if start <= t <= start + window)
        for start in times
        if start <= at <= start + window
    ]
    return max(counts, default=1)


@register
class PronounRatioDetector(_LexiconDetector):
    kind = "pronoun_ratio"
    p: PronounRatioParams
    record_kinds = ("ad",)
    description = "An ad written about the person (she/we) rather than by her (I)."
    scope = Scope.RECORD

    def evaluate(self, engine: Engine) -> Iterator[Finding]:
        other = set(self.p.other_concepts)
        own = self.p.self_concept
        min_words = self.p.min_words
        min_ratio = self.p.min_ratio
        required = set(self.p.require_concepts)
        for kind, id_field, record, hits in self._matched(engine, ["ad"]):
            words = sum(len(_WORD.findall(record.get(f) or "")) for f in hits)
            if words < min_words:
                continue
            every = [h for field_hits in hits.values() for h in field_hits]
            n_other = sum(h.concept in other for h in every)
            n_self = sum(h.concept == own for h in every)
            ratio = n_other / max(n_self, 1)
            if not n_other or ratio < min_ratio or not required <= {h.concept for h in every}:
                continue
            record_id = str(record[id_field])
            kept = {f: [h for h in fh if h.concept in other] for f, fh in hits.items()}
            pivots = tuple(
                sorted({i.pivot for i in identifiers_of(kind.value, record, self.region)})
            )
            yield self.finding(
                subject_kind=kind.value,
                subject=record_id,
                facts={"third_or_we": n_other, "first_singular": n_self, "words": words},
                summary_en=f"The ad speaks about the person: {n_other} she/we forms against "
                f"{n_self} I forms in {words} words.",
                summary_da=f"Annoncen omtaler personen udefra: {n_other} hun/vi-former mod "
                f"{n_self} jeg-former på {words} ord.",
                evidence=self._evidence(kind, record_id, kept),
                pivots=pivots,
            )
