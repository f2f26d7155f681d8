"""One event, one finding (issue #16, item 6): indicators that read the same evidence.

Two detectors may read one thing that happened: a purge of four accounts from one device is
BEH-COORDINATED-DELETION and, as a mass deletion, RCS-SURV-EVIDENCE-WIPE; "Må ikke gå ud" in a
field note is RCS-ISOLATION and RCS-RULES-THREATS; six customers onboarded from one device are
KYC-BATCH-ONBOARDING and KYC-DOC-HANDLING. Adding both weights counts one event twice.

Evidence is compared by its pointers (record kind, record, field, character span), not by
records alone: two different phrases in one ad are two pieces of evidence, the same phrase read
by two lexicons is one. One indicator's pointers are "the same evidence" as another's when the
Jaccard index of its pointers and the other's pointers INTO THE SAME RECORD KINDS reaches
`SAME_EVENT` (0.8), in either direction. Restricting to the record kinds keeps the context one
detector adds (the deletion burst also names the ads the purge removed) from hiding that the
events are the same; taking the Jaccard index, not containment, keeps a small finding that
happens to fall inside a large one (one obscured phone among 150 roster ads) a finding of its own.

The model ranks the indicators strongest first (by their score contribution); each indicator
whose evidence is the same as a stronger one's *that is counted* corroborates the strongest such
(a star, never a chain), and its step shows that instead of adding points.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence

from redflags.model import Finding

# (record kind, record id, field, start, end): what a piece of evidence points at
Pointer = tuple[str, str, str | None, int | None, int | None]

SAME_EVENT = 0.8  # Jaccard index of two indicators' evidence pointers (within shared kinds)

KIND_NAMES: dict[str, tuple[tuple[str, str], tuple[str, str]]] = {
    # kind: ((English singular, plural), (Danish singular, plural))
    "ad": (("ad", "ads"), ("annonce", "annoncer")),
    "message": (("message", "messages"), ("besked", "beskeder")),
    "transaction": (("transaction", "transactions"), ("transaktion", "transaktioner")),
    "customer": (("customer", "customers"), ("kunde", "kunder")),
    "device_event": (("device event", "device events"), ("enhedshændelse", "enhedshændelser")),
    "kyc_event": (("KYC event", "KYC events"), ("KYC-hændelse", "KYC-hændelser")),
    "company": (("company", "companies"), ("virksomhed", "virksomheder")),
    "observation": (("field note", "field notes"), ("feltnote", "feltnoter")),
}


def pointers(findings: Iterable[Finding]) -> frozenset[Pointer]:
    """Every piece of evidence the findings point at."""
    return frozenset(
        (e.kind, e.record_id, e.field, e.start, e.end) for f in findings for e in f.evidence
    )


def _within_kinds(own: frozenset[Pointer], other: frozenset[Pointer]) -> float:
    kinds = {p[0] for p in own}
    theirs = {p for p in other if p[0] in kinds}
    union = own | theirs
    return len(own & theirs) / len(union) if union else 0.0


def same_evidence(a: frozenset[Pointer], b: frozenset[Pointer]) -> float:
    """How far two indicators point at the same evidence, 0 to 1: the Jaccard index of one's
    pointers and the other's pointers into the same record kinds, the larger of both ways."""
    return max(_within_kinds(a, b), _within_kinds(b, a))


def corroborations(
    ranked: Sequence[str],
    evidence: Mapping[str, frozenset[Pointer]],
    threshold: float = SAME_EVENT,
) -> dict[str, str]:
    """{corroborating indicator: the indicator it corroborates} for indicators ranked strongest
    first: each one whose evidence is the same as a stronger counted one's corroborates the
    strongest such; the others are counted."""
    counted: list[str] = []
    lead_of: dict[str, str] = {}
    for indicator in ranked:
        lead = next(
            (c for c in counted if same_evidence(evidence[indicator], evidence[c]) >= threshold),
            None,
        )
        if lead is None:
            counted.append(indicator)
        else:
            lead_of[indicator] = lead
    return lead_of


def once_per_event(ids: Sequence[str], lead_of: Mapping[str, str]) -> list[str]:
    """`ids` with each event named once: by its lead when the lead is among them, else by the
    first of its corroborating indicators (an event is one anchor, one indicator of control)."""
    chosen: dict[str, str] = {}
    for i in ids:
        event = lead_of.get(i, i)
        if event not in chosen or i == event:
            chosen[event] = i
    return [i for i in ids if chosen[lead_of.get(i, i)] == i]


def shared_records(a: frozenset[Pointer], b: frozenset[Pointer], lang: str) -> str:
    """The records both point at, counted per kind: "4 device events", "field note"."""
    counts = Counter(kind for kind, _ in {(p[0], p[1]) for p in a & b})
    parts = []
    for kind, n in sorted(counts.items()):
        (en_one, en_many), (da_one, da_many) = KIND_NAMES.get(kind, ((kind, kind), (kind, kind)))
        one, many = (da_one, da_many) if lang == "da" else (en_one, en_many)
        parts.append(one if n == 1 else f"{n} {many}")
    return (" og " if lang == "da" else " and ").join(parts)
