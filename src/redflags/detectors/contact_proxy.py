"""BEH-CONTACT-PROXY: one contact point fronting several advertised personas.

A persona is the advertised name refined by photo clusters (`personas.py`): a re-spelled name
on the same photos is one persona, one name on unrelated photos two. For each contact we slide
a window over its ads in time order and keep the window with the most distinct personas.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

from redflags.catalogue.params.ads import ContactProxyParams, PersonaParams
from redflags.detectors.ad_contacts import (
    KIND_DA,
    AdUse,
    ContactAds,
    contact_ads,
    qualifying,
    span_days,
    with_personas,
)
from redflags.detectors.base import Detector, register
from redflags.detectors.personas import ad_photo_clusters, resolve_personas
from redflags.engines import Engine
from redflags.model import Finding


class PersonaDetector(Detector):
    """A contact-keyed ad detector whose personas are name plus photo cluster."""

    p: PersonaParams

    def persona_uses(
        self, engine: Engine, min_ads: int
    ) -> tuple[ContactAds, dict[str, list[AdUse]]]:
        """The contact groups, and each group's named uses with resolved personas. Photos are
        hashed only for groups with at least `min_ads` named ads (cheap when there are none)."""
        grouped = contact_ads(engine, self.region)
        candidates = {
            pivot: named
            for pivot, uses in grouped.uses.items()
            if len(named := [u for u in uses if u.name]) >= min_ads
        }
        photos = {}
        if self.p.photo_personas:
            wanted = {u.ad_id for named in candidates.values() for u in named}
            photos = ad_photo_clusters(
                (
                    grouped.records[a]
                    for a in sorted(wanted)
                    if grouped.records[a].get("image_refs")
                ),
                self.options.get("image_roots") or (),
            )
        ratio = self.p.min_name_similarity
        split = self.p.split_same_name_by_photos
        resolved = {
            pivot: with_personas(named, resolve_personas(named, photos, ratio, split))
            for pivot, named in candidates.items()
        }
        return grouped, resolved


@register
class ContactProxyDetector(PersonaDetector):
    kind = "contact_proxy"
    p: ContactProxyParams
    record_kinds = ("ad",)
    description = "A contact (phone, handle, e-mail) fronting >= N personas within a window."

    def evaluate(self, engine: Engine) -> Iterator[Finding]:
        min_personas = self.p.min_personas
        window = timedelta(days=float(self.p.window_days))
        grouped, resolved = self.persona_uses(engine, min_personas)
        for pivot in sorted(resolved):
            best, most = qualifying(resolved[pivot], lambda u: u.persona, window, min_personas)
            if not best:
                continue
            personas = {str(u.persona) for u in best}
            kind, value = pivot.split(":", 1)
            names = sorted(_shown(grouped, p) for p in personas)
            n_ads, days = len({u.ad_id for u in best}), span_days(best)
            yield self.finding(
                subject_kind=kind,
                subject=value,
                window_start=best[0].posted_at.isoformat(),
                window_end=best[-1].posted_at.isoformat(),
                strength=min(1.0, len(personas) / (min_personas + 2)),
                facts={
                    "personas": len(personas),
                    "persona_names": names,
                    "ads": n_ads,
                    "days": days,
                    "most_personas_in_window": most,
                },
                summary_en=(
                    f"One {kind} fronts {len(personas)} advertised personas "
                    f"({', '.join(names)}) in {n_ads} ads over {days} days, "
                    f"up to {most} within {window.days} days."
                ),
                summary_da=(
                    f"Én kontakt ({KIND_DA[kind]}) står bag {len(personas)} annoncerede personer "
                    f"({', '.join(names)}) i {n_ads} annoncer over {days} "
                    f"dage, op til {most} inden for {window.days} dage."
                ),
                evidence=tuple(e for u in best for e in u.evidence),
                pivots=(pivot,),
            )


def _shown(grouped: ContactAds, persona: str) -> str:
    """A persona key as written in the ads ('anna#2' -> 'Anna (2)')."""
    name, _, nth = persona.partition("#")
    shown = grouped.shown_name.get(name, name)
    return f"{shown} ({nth})" if nth else shown
