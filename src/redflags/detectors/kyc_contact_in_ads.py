"""KYC-CONTACT-IN-SEX-ADS: a customer's phone or e-mail appears in ads for a person.

Why a plain detector and not an aggregate (SQL) one: the ad side is Python from end to end.
Contacts are read from ad fields and free text however disguised (`ad_contacts.contact_ads`,
the same extraction BEH-CONTACT-PROXY uses), and personas are resolved from names and photo
clusters (`personas.py`). What is left after that is a dictionary lookup of each customer's
normalised phone and e-mail in the contact groups; registering the groups as a table only to
join them back in SQL would add a round trip without any engine-side work to share.

An ad "for a person" is one that names an advertised persona: escort, massage and other
personal-service ads. The catalogue's "index of scraped sex ads" is whatever ads the run holds;
the rule does not judge the site. A contact that fronts ads for >= `min_personas_for_escalation`
personas escalates: the customer is a possible organiser rather than a worker. Customers carry no
social-media handles in our KYC records, so handles are not matched. Business customers are
left out by default (`exclude_segments`): a registered clinic's booking line in its therapists'
ads is what such ads look like; fronts are the business indicators' job (FIN-FRONT-MASSAGE,
KYC-ADDRESS-AT-WORKPLACE), and the catalogue's rule is about persons.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from redflags.catalogue.params.kyc import ContactInAdsParams
from redflags.detectors.ad_contacts import KIND_DA, AdUse, contact_ads, span_days
from redflags.detectors.base import Detector, register
from redflags.detectors.personas import ad_photo_clusters, resolve_personas
from redflags.detectors.plurals import plural
from redflags.engines import Engine
from redflags.extract import identifiers_of
from redflags.model import Evidence, Finding, RecordKind

_FIELD = {"phone": "phone", "email": "email"}
SHOWN_ADS = 10  # ad ids listed in the facts


@register
class ContactInAdsDetector(Detector):
    kind = "contact_in_ads"
    p: ContactInAdsParams
    record_kinds = ("customer", "ad")
    description = "A customer's phone or e-mail shown in ads for a person (escalated when >= 2)."

    def evaluate(self, engine: Engine) -> Iterator[Finding]:
        region = self.region
        kinds = set(self.p.contact_kinds)
        grouped = contact_ads(engine, region)
        named = {p: [u for u in uses if u.name] for p, uses in grouped.uses.items()}
        matches: list[tuple[dict[str, Any], str]] = []
        skipped_segments = set(self.p.exclude_segments)
        for record in engine.records(RecordKind.CUSTOMER):
            if record.get("segment") in skipped_segments:
                continue  # a registered business's booking line in its staff's ads is expected
            pivots = sorted(
                {
                    i.pivot
                    for i in identifiers_of("customer", record, region)
                    if i.kind in kinds and named.get(i.pivot)
                }
            )
            matches.extend((record, pivot) for pivot in pivots)
        if not matches:
            return
        wanted = sorted({u.ad_id for _, pivot in matches for u in named[pivot]})
        photos = ad_photo_clusters(
            (grouped.records[a] for a in wanted if grouped.records[a].get("image_refs")),
            self.options.get("image_roots") or (),
        )
        ratio = self.p.min_name_similarity
        personas = {
            pivot: resolve_personas(named[pivot], photos, ratio)
            for pivot in sorted({p for _, p in matches})
        }
        by_customer: dict[str, list[tuple[dict[str, Any], str]]] = {}
        for record, pivot in matches:
            by_customer.setdefault(str(record["customer_id"]), []).append((record, pivot))
        for cid in sorted(by_customer):
            yield self._finding(cid, by_customer[cid], named, personas)

    def _finding(
        self,
        cid: str,
        matched: list[tuple[dict[str, Any], str]],
        named: dict[str, list[AdUse]],
        personas: dict[str, dict[str, str]],
    ) -> Finding:
        escalate_at = self.p.min_personas_for_escalation
        uses = sorted(
            {u.ad_id: u for _, p in matched for u in named[p]}.values(),
            key=lambda u: (u.posted_at, u.ad_id),
        )
        keys = {personas[p][u.ad_id] for _, p in matched for u in named[p]}
        n_personas = len(keys)
        organiser = n_personas >= escalate_at
        kinds = sorted({p.split(":", 1)[0] for _, p in matched})
        shown_en = " and ".join(kinds)
        shown_da = " og ".join(KIND_DA[k] for k in kinds)
        days = span_days(uses)
        role_en = " Possible organiser: one contact fronts several personas." if organiser else ""
        role_da = " Mulig bagmand: én kontakt står bag flere personer." if organiser else ""
        return self.finding(
            subject_kind="customer",
            subject=cid,
            window_start=uses[0].posted_at.isoformat(),
            window_end=uses[-1].posted_at.isoformat(),
            strength=1.0 if organiser else 0.6,
            facts={
                "ads": len(uses),
                "personas": n_personas,
                "possible_organiser": organiser,
                "matched": sorted(p for _, p in matched),
                "ad_ids": [u.ad_id for u in uses[:SHOWN_ADS]],
                "days": days,
            },
            summary_en=(
                f"The customer's {shown_en} appears in {plural(len(uses), '# ad', '# ads')} "
                f"for {plural(n_personas, '# advertised person', '# advertised people')} over "
                f"{plural(days, '# day', '# days')}.{role_en}"
            ),
            summary_da=(
                f"Kundens {shown_da} optræder i {plural(len(uses), '# annonce', '# annoncer')} "
                f"for {plural(n_personas, '# annonceret person', '# annoncerede personer')} "
                f"over {plural(days, '# dag', '# dage')}.{role_da}"
            ),
            # Only the customer record is evidence: the ads are listed in the facts and reached
            # through the contact pivot, which links this finding to the ad-side findings.
            evidence=tuple(
                Evidence(
                    kind="customer",
                    record_id=cid,
                    field=_FIELD[p.split(":", 1)[0]],
                    value=p.split(":", 1)[1],
                    value_kind=p.split(":", 1)[0],
                )
                for record, p in matched
            ),
            pivots=(f"customer:{cid}", *sorted({p for _, p in matched})),
        )
