"""BEH-CONTACT-PROXY: one contact point fronting several advertised personas.

A persona is the advertised name, folded (image clusters join it when photo hashing lands).
For each contact we slide a window over its ads in time order and keep the window with the
most distinct personas.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from datetime import datetime, timedelta

from redflags.detectors.base import Detector, register
from redflags.engines import Engine
from redflags.extract import identifiers_of
from redflags.model import Evidence, Finding, RecordKind
from redflags.normalise.identifiers import normalise_name

CONTACT_KINDS = ("phone", "handle", "email")
_KIND_DA = {"phone": "telefon", "handle": "brugernavn", "email": "e-mail"}


@register
class ContactProxyDetector(Detector):
    kind = "contact_proxy"
    record_kinds = ("ad",)
    description = "A contact (phone, handle, e-mail) fronting >= N personas within a window."

    def evaluate(self, engine: Engine) -> Iterator[Finding]:
        min_personas = int(self.param("min_personas", 3))
        window = timedelta(days=float(self.param("window_days", 30)))
        region = str(self.param("default_region", "DK"))
        # contact pivot -> list of (posted_at, persona, evidence)
        uses: dict[str, list[tuple[datetime, str, Evidence]]] = defaultdict(list)
        shown_name: dict[str, str] = {}  # folded persona -> the name as first written
        columns = ["ad_id", "posted_at", "persona", "phone", "handle", "email", "title", "body"]
        for ad in engine.records(RecordKind.AD, columns):
            persona = normalise_name(ad.get("persona"))
            if persona is None:
                continue
            shown_name.setdefault(persona, " ".join(str(ad["persona"]).split()))
            for ident in identifiers_of("ad", ad, region):
                if ident.kind not in CONTACT_KINDS:
                    continue
                evidence = Evidence(
                    kind="ad",
                    record_id=ident.record_id,
                    field=ident.field,
                    value=ident.value,
                    value_kind=ident.kind,
                    start=ident.start,
                    end=ident.end,
                )
                uses[ident.pivot].append((ad["posted_at"], persona, evidence))
        for pivot in sorted(uses):
            ordered = sorted(uses[pivot], key=lambda u: (u[0], u[1]))
            best, most = _qualifying(ordered, window, min_personas)
            if not best:
                continue
            personas = {persona for _, persona, _ in best}
            start, end = best[0][0], best[-1][0]
            kind, value = pivot.split(":", 1)
            names = sorted(shown_name[p] for p in personas)
            n_ads = len({e.record_id for _, _, e in best})
            yield self.finding(
                subject_kind=kind,
                subject=value,
                window_start=start.isoformat(),
                window_end=end.isoformat(),
                strength=min(1.0, len(personas) / (min_personas + 2)),
                facts={
                    "personas": len(personas),
                    "persona_names": names,
                    "ads": n_ads,
                    "days": (end - start).days + 1,
                    "most_personas_in_window": most,
                },
                summary_en=(
                    f"One {kind} fronts {len(personas)} advertised personas "
                    f"({', '.join(names)}) in {n_ads} ads over {(end - start).days + 1} days, "
                    f"up to {most} within {window.days} days."
                ),
                summary_da=(
                    f"Én kontakt ({_KIND_DA[kind]}) står bag {len(personas)} annoncerede personer "
                    f"({', '.join(names)}) i {n_ads} annoncer over {(end - start).days + 1} "
                    f"dage, op til {most} inden for {window.days} dage."
                ),
                evidence=tuple(e for _, _, e in best),
                pivots=(pivot,),
            )


def _qualifying(
    uses: list[tuple[datetime, str, Evidence]], window: timedelta, min_personas: int
) -> tuple[list[tuple[datetime, str, Evidence]], int]:
    """Every use inside some window (starting at a use) with >= `min_personas` personas, and
    the most personas any one window held. Uses must be in time order."""
    keep: set[int] = set()
    most, right = 0, 0
    counts: dict[str, int] = defaultdict(int)
    for left in range(len(uses)):
        while right < len(uses) and uses[right][0] - uses[left][0] <= window:
            counts[uses[right][1]] += 1
            right += 1
        most = max(most, len(counts))
        if len(counts) >= min_personas:
            keep.update(range(left, right))
        counts[uses[left][1]] -= 1
        if counts[uses[left][1]] == 0:
            del counts[uses[left][1]]
    return [uses[i] for i in sorted(keep)], most
