"""Ads grouped by the contacts they show, shared by the contact-keyed ad detectors
(BEH-CONTACT-PROXY, BEH-ROTATING-ROSTER, BEH-MULTICITY-CIRCUIT).

A contact is any phone, handle or e-mail read from an ad's contact fields or text (however
disguised); one ad can sit in several groups. Each use keeps the ad's time, persona (see
`personas.py`), city and the evidence of the contact in that ad.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Hashable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import Any

from redflags.engines import Engine
from redflags.extract import identifiers_of
from redflags.model import Evidence, RecordKind
from redflags.normalise.identifiers import normalise_name

CONTACT_KINDS = ("phone", "handle", "email")
KIND_DA = {"phone": "telefon", "handle": "brugernavn", "email": "e-mail"}
AD_COLUMNS = [
    "ad_id", "posted_at", "persona", "city", "phone", "handle", "email", "title", "body",
    "image_refs", "_file",
]  # fmt: skip
PHOTO_COLUMNS = ("ad_id", "image_refs", "_file")  # what `personas.ad_photo_clusters` reads


@dataclass(frozen=True)
class AdUse:
    """One ad under one contact."""

    posted_at: datetime
    ad_id: str
    name: str | None  # the folded advertised name
    city: str | None  # the folded city
    evidence: tuple[Evidence, ...]  # where the contact stands in the ad
    persona: str | None = None  # the resolved persona key (name, refined by photos)


@dataclass
class ContactAds:
    """Every contact's ads in time order, and what the detectors show from the ads."""

    uses: dict[str, list[AdUse]]  # contact pivot -> uses
    shown_name: dict[str, str]  # folded name -> the name as first written
    shown_city: dict[str, str]  # folded city -> the city as first written
    # ad id -> the ad's photo fields (PHOTO_COLUMNS), all that is read back: keeping whole ads
    # cost ~4 KB each, 4 GB for the million ads of `large`
    records: dict[str, dict[str, Any]]


# Four detectors group the same ads by contact. Inside `contact_ads_kept()` (the evaluate stage
# of a scan, where no ad changes) the grouping is made once per engine and region and shared;
# the detectors only read it.
_kept: dict[tuple[int, str], tuple[Engine, ContactAds]] | None = None


@contextmanager
def contact_ads_kept() -> Iterator[None]:
    """Share `contact_ads` between the detectors run inside (forgotten on leaving)."""
    global _kept
    _kept = {}
    try:
        yield
    finally:
        _kept = None


def contact_ads(engine: Engine, region: str) -> ContactAds:
    """Read every ad once and group it under each contact it shows."""
    if _kept is None:
        return _contact_ads(engine, region)
    kept = _kept.get((id(engine), region))
    if kept is None or kept[0] is not engine:
        kept = _kept[(id(engine), region)] = (engine, _contact_ads(engine, region))
    return kept[1]


def _contact_ads(engine: Engine, region: str) -> ContactAds:
    uses: dict[str, list[AdUse]] = defaultdict(list)
    shown_name: dict[str, str] = {}
    shown_city: dict[str, str] = {}
    records: dict[str, dict[str, Any]] = {}
    for ad in engine.records(RecordKind.AD, AD_COLUMNS):
        name = normalise_name(ad.get("persona"))
        if name is not None:
            shown_name.setdefault(name, " ".join(str(ad["persona"]).split()))
        city = normalise_name(ad.get("city"))
        if city is not None:
            shown_city.setdefault(city, " ".join(str(ad["city"]).split()))
        found: dict[str, list[Evidence]] = defaultdict(list)
        for ident in identifiers_of("ad", ad, region):
            if ident.kind not in CONTACT_KINDS:
                continue
            found[ident.pivot].append(
                Evidence(
                    kind="ad",
                    record_id=ident.record_id,
                    field=ident.field,
                    value=ident.value,
                    value_kind=ident.kind,
                    start=ident.start,
                    end=ident.end,
                )
            )
        if found:
            records[str(ad["ad_id"])] = {c: ad.get(c) for c in PHOTO_COLUMNS}
        # one use per contact and ad: the same phone in the field and the text is one use
        for pivot, evidence in found.items():
            uses[pivot].append(
                AdUse(ad["posted_at"], str(ad["ad_id"]), name, city, tuple(evidence), name)
            )
    for pivot in uses:
        uses[pivot].sort(key=lambda u: (u.posted_at, u.ad_id))
    return ContactAds(dict(uses), shown_name, shown_city, records)


def with_personas(uses: list[AdUse], personas: dict[str, str]) -> list[AdUse]:
    """The uses with their resolved persona (ad id -> persona key); unresolved keep the name."""
    return [replace(u, persona=personas.get(u.ad_id, u.name)) for u in uses]


def qualifying(
    uses: Sequence[AdUse],
    key: Callable[[AdUse], Hashable | None],
    window: timedelta,
    at_least: int,
) -> tuple[list[AdUse], int]:
    """Every use inside some window (starting at a use) holding >= `at_least` distinct keys,
    and the most distinct keys any one window held. Uses must be in time order; uses whose key
    is None are skipped."""
    keyed = [u for u in uses if key(u) is not None]
    keep: set[int] = set()
    most, right = 0, 0
    counts: dict[Hashable, int] = defaultdict(int)
    for left in range(len(keyed)):
        while right < len(keyed) and keyed[right].posted_at - keyed[left].posted_at <= window:
            counts[key(keyed[right])] += 1
            right += 1
        most = max(most, len(counts))
        if len(counts) >= at_least:
            keep.update(range(left, right))
        gone = key(keyed[left])
        counts[gone] -= 1
        if counts[gone] == 0:
            del counts[gone]
    return [keyed[i] for i in sorted(keep)], most


def span_days(uses: Sequence[AdUse]) -> int:
    return (uses[-1].posted_at - uses[0].posted_at).days + 1
