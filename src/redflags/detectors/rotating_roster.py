"""BEH-ROTATING-ROSTER: a contact that keeps bringing new women, or promises it does.

Per contact, a persona (name plus photo cluster, as BEH-CONTACT-PROXY) is *new* on the day of
its first ad under that contact. The contact fires when some window of `window_days` holds at
least `min_new_personas` first appearances; the finding points at every named ad of the contact,
since the roster is a property of the whole group. Independently, an ad that promises turnover
in words ("nye piger hver uge", "new girls") fires on its own, with the phrase as evidence.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import timedelta

from redflags.catalogue.params.ads import RotatingRosterParams
from redflags.detectors.ad_contacts import KIND_DA, AdUse, qualifying, span_days
from redflags.detectors.base import register
from redflags.detectors.contact_proxy import PersonaDetector
from redflags.engines import Engine
from redflags.extract import identifiers_of
from redflags.model import Evidence, Finding, RecordKind
from redflags.normalise.text import fold_with_map


@register
class RotatingRosterDetector(PersonaDetector):
    kind = "rotating_roster"
    p: RotatingRosterParams
    record_kinds = ("ad",)
    description = "A contact with >= N new personas within a window, or turnover promised in words."

    def evaluate(self, engine: Engine) -> Iterator[Finding]:
        min_new = self.p.min_new_personas
        window = timedelta(days=float(self.p.window_days))
        grouped, resolved = self.persona_uses(engine, min_new)
        for pivot in sorted(resolved):
            uses = resolved[pivot]
            firsts: dict[str, AdUse] = {}
            for use in uses:  # in time order: the first ad of each persona
                firsts.setdefault(str(use.persona), use)
            arrivals = sorted(firsts.values(), key=lambda u: (u.posted_at, u.ad_id))
            best, most = qualifying(arrivals, lambda u: u.persona, window, min_new)
            if not best:
                continue
            kind, value = pivot.split(":", 1)
            names = [grouped.shown_name.get(str(u.name), str(u.name)) for u in best]
            yield self.finding(
                subject_kind=kind,
                subject=value,
                window_start=best[0].posted_at.isoformat(),
                window_end=best[-1].posted_at.isoformat(),
                strength=min(1.0, most / (min_new + 2)),
                facts={
                    "new_personas_in_window": most,
                    "personas": len(firsts),
                    "arrivals": names,
                    "ads": len(uses),
                    "days": span_days(uses),
                },
                summary_en=(
                    f"One {kind} brought {most} new personas within {window.days} days "
                    f"({', '.join(names)}); {len(firsts)} personas in {len(uses)} ads over "
                    f"{span_days(uses)} days."
                ),
                summary_da=(
                    f"Én kontakt ({KIND_DA[kind]}) viste {most} nye personer inden for "
                    f"{window.days} dage ({', '.join(names)}); {len(firsts)} personer i "
                    f"{len(uses)} annoncer over {span_days(uses)} dage."
                ),
                evidence=tuple(e for u in uses for e in u.evidence),
                pivots=(pivot,),
            )
        yield from self._promised(engine)

    def _promised(self, engine: Engine) -> Iterator[Finding]:
        """Ads that promise new women in words (the rule's lexicon part)."""
        terms = [" ".join(fold_with_map(str(t))[0].split()) for t in self.p.terms]
        if not terms:
            return
        pattern = re.compile(r"\b(?:" + "|".join(re.escape(t) for t in terms) + r")\b")
        columns = ["ad_id", "title", "body", "phone", "handle", "email"]
        for ad in engine.records(RecordKind.AD, columns):
            evidence = []
            for field in ("title", "body"):
                folded, offsets = fold_with_map(ad.get(field) or "")
                for m in pattern.finditer(folded):
                    start, end = offsets[m.start()], offsets[m.end() - 1] + 1
                    evidence.append(
                        Evidence(
                            kind="ad",
                            record_id=str(ad["ad_id"]),
                            field=field,
                            value=str(ad[field])[start:end],
                            start=start,
                            end=end,
                        )
                    )
            if evidence:
                said = ", ".join(sorted({str(e.value) for e in evidence}))
                yield self.finding(
                    subject_kind="ad",
                    subject=str(ad["ad_id"]),
                    facts={"terms": said},
                    summary_en=f"The ad promises a changing roster: {said}.",
                    summary_da=f"Annoncen lover skiftende kvinder: {said}.",
                    evidence=tuple(evidence),
                    pivots=tuple(sorted({i.pivot for i in identifiers_of("ad", ad, self.region)})),
                )
