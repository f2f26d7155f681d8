"""Cross-ad behaviour (BEH-*): what a network's ads show together, by contact, photo and template.

Each rule reads the ads' `AdFacts` (the true contacts, even when an ad shows them obscured) and
returns the ids of the ads that carry it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from redflags_synth.world.typologies.truth.common import DAY, indicator_params, windows_with
from redflags_synth.world.typologies.truth.registry import NetworkRecords, truth_rule


@dataclass
class AdFacts:
    """What the ad rules need to know about one ad, beyond its record."""

    ad_id: str
    posted_at: datetime
    persona: str | None
    city: str | None
    # true contact keys ('phone:+45...', 'handle:name', 'email:...'), even when shown obscured
    contacts: tuple[str, ...]
    image_bases: tuple[str, ...] = ()
    template: str | None = None


_PROXY = indicator_params("BEH-CONTACT-PROXY")
PROXY_WINDOW = int(_PROXY["window_days"]) * DAY
PROXY_MIN_PERSONAS = int(_PROXY["min_personas"])
_ROSTER = indicator_params("BEH-ROTATING-ROSTER")
ROSTER_WINDOW = int(_ROSTER["window_days"]) * DAY
ROSTER_MIN_NEW_PERSONAS = int(_ROSTER["min_new_personas"])
# min_repeat_cycles only makes a circuit strong; the flag is the cities within one window
_CIRCUIT = indicator_params("BEH-MULTICITY-CIRCUIT")
CIRCUIT_WINDOW = int(_CIRCUIT["window_days"]) * DAY
CIRCUIT_MIN_CITIES = int(_CIRCUIT["min_cities"])
_PHOTO = indicator_params("BEH-PHOTO-REUSE")
PHOTO_WINDOW = int(_PHOTO["window_days"]) * DAY
PHOTO_MIN_PHONES = int(_PHOTO["min_phones"])
PHOTO_MIN_PERSONAS = int(_PHOTO["min_persona_names"])
PHOTO_MIN_CITIES = int(_PHOTO["min_cities"])
_TEMPLATE = indicator_params("BEH-AD-TEMPLATE")
TEMPLATE_MIN_PERSONAS = int(_TEMPLATE["min_cluster_size"])
TEMPLATE_MAX_PERSONAS = int(_TEMPLATE["max_cluster_size"])


def _facts(n: NetworkRecords) -> list[AdFacts]:
    return [facts for _, facts in n.ads]


def _by(
    ads: Iterable[AdFacts], keys: Callable[[AdFacts], Iterable[Hashable]]
) -> dict[Any, list[AdFacts]]:
    groups: dict[Any, list[AdFacts]] = defaultdict(list)
    for ad in ads:
        for value in keys(ad):
            groups[value].append(ad)
    return groups


def _persona_ads_by_contact(n: NetworkRecords) -> list[list[AdFacts]]:
    """For every contact, its ads that name a persona."""
    groups = _by(_facts(n), lambda a: a.contacts).values()
    return [[a for a in group if a.persona] for group in groups]


def _inside_windows(
    n: NetworkRecords, value: Callable[[AdFacts], str | None], width: timedelta, at_least: int
) -> set[str]:
    """Ids of the ads of a contact (those with a `value`) inside some window of `width` in which
    the contact's ads show at least `at_least` distinct values."""
    hits: set[str] = set()
    for group in _by(_facts(n), lambda a: a.contacts).values():
        ads = [a for a in group if value(a)]
        for i in windows_with([(a.posted_at, value(a)) for a in ads], width, at_least):
            hits.add(ads[i].ad_id)
    return hits


@truth_rule("BEH-CONTACT-PROXY", "ad")
def contact_proxy(n: NetworkRecords) -> set[str]:
    """The ads of a contact inside a window in which it fronts >= 3 personas."""
    return _inside_windows(n, lambda a: a.persona, PROXY_WINDOW, PROXY_MIN_PERSONAS)


@truth_rule("BEH-ROTATING-ROSTER", "ad")
def rotating_roster(n: NetworkRecords) -> set[str]:
    """Every persona ad of a contact that shows >= 3 new personas within one window."""
    hits: set[str] = set()
    for ads in _persona_ads_by_contact(n):
        first_seen: dict[str, datetime] = {}
        for ad in sorted(ads, key=lambda a: a.posted_at):
            first_seen.setdefault(str(ad.persona), ad.posted_at)
        news = [(t, p) for p, t in first_seen.items()]
        if windows_with(news, ROSTER_WINDOW, ROSTER_MIN_NEW_PERSONAS):
            hits.update(a.ad_id for a in ads)
    return hits


@truth_rule("BEH-MULTICITY-CIRCUIT", "ad")
def multicity_circuit(n: NetworkRecords) -> set[str]:
    """The ads of a contact inside a window in which it is advertised in >= 3 cities."""
    return _inside_windows(n, lambda a: a.city, CIRCUIT_WINDOW, CIRCUIT_MIN_CITIES)


@truth_rule("BEH-PHOTO-REUSE", "ad")
def photo_reuse(n: NetworkRecords) -> set[str]:
    """Every ad of a photo (a scene, `image_bases`) shown with >= 2 personas or >= 2 phones
    (over all its ads) or in >= 3 cities within one window."""
    hits: set[str] = set()
    for group in _by(_facts(n), lambda a: set(a.image_bases)).values():
        personas = {a.persona for a in group if a.persona}
        phones = {c for a in group for c in a.contacts if c.startswith("phone:")}
        cities = windows_with(
            [(a.posted_at, a.city) for a in group if a.city], PHOTO_WINDOW, PHOTO_MIN_CITIES
        )
        if len(personas) >= PHOTO_MIN_PERSONAS or len(phones) >= PHOTO_MIN_PHONES or cities:
            hits.update(a.ad_id for a in group)
    return hits


@truth_rule("BEH-AD-TEMPLATE", "ad")
def ad_template(n: NetworkRecords) -> set[str]:
    """Ads for 2..100 personas from one template (persona_fallback: unnamed_runs, the only
    fallback truth knows): when none of the network's ads names a persona, ads sharing a contact
    are one persona."""
    ads = _facts(n)
    named = [a for a in ads if a.persona]
    hits: set[str] = set()
    for group in _by(named or ads, lambda a: [a.template] if a.template else []).values():
        if TEMPLATE_MIN_PERSONAS <= _personas(group) <= TEMPLATE_MAX_PERSONAS:
            hits.update(a.ad_id for a in group)
    return hits


def _personas(ads: list[AdFacts]) -> int:
    """Distinct personas: names; ads without one joined by any shared contact."""
    parent: dict[str, str] = {}

    def root(key: str) -> str:
        while parent.setdefault(key, key) != key:
            key = parent[key]
        return key

    for ad in ads:
        keys = [f"persona:{ad.persona}"] if ad.persona else [*ad.contacts] or [ad.ad_id]
        for key in keys[1:]:
            parent[root(key)] = root(keys[0])
    return len(
        {root(f"persona:{a.persona}" if a.persona else ([*a.contacts] or [a.ad_id])[0])
         for a in ads}
    )  # fmt: skip
