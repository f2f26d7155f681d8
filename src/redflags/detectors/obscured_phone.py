"""BEH-OBSCURED-PHONE: an ad whose phone number can only be read after undoing obfuscation.

The obfuscation-proof extractor (`normalise.contacts.find_contacts`) already marks each phone
it could only read by undoing words, keycap emoji, look-alike letters or odd separators. An ad
fires when its text holds such a number and, with `require_only_after_normalisation`, the same
number is not also written plainly anywhere in the ad (text or contact field): then the
disguise hides nothing.
"""

from __future__ import annotations

from collections.abc import Iterator

from redflags.catalogue.params.ads import ObscuredPhoneParams
from redflags.detectors.base import Detector, Scope, register
from redflags.detectors.plurals import plural
from redflags.engines import Engine
from redflags.extract import identifiers_of
from redflags.model import Evidence, Finding, RecordKind


@register
class ObscuredPhoneDetector(Detector):
    kind = "obscured_phone"
    p: ObscuredPhoneParams
    record_kinds = ("ad",)
    description = "A phone number in an ad that is readable only after undoing obfuscation."
    scope = Scope.RECORD

    def evaluate(self, engine: Engine) -> Iterator[Finding]:
        region = self.region
        only_after = self.p.require_only_after_normalisation
        columns = ["ad_id", "title", "body", "phone", "handle", "email"]
        # the SQL filter is a cheap pre-check: an obscured number needs some text
        where = "title IS NOT NULL OR body IS NOT NULL"
        for ad in engine.records(RecordKind.AD, columns, where=where):
            if ad.get("title") is None and ad.get("body") is None:
                continue  # the filter's own test (`where` only saves reading the row)
            idents = list(identifiers_of("ad", ad, region))
            phones = [i for i in idents if i.kind == "phone"]
            plain = {i.value for i in phones if not i.obfuscated}
            hidden = [i for i in phones if i.obfuscated and not (only_after and i.value in plain)]
            if not hidden:
                continue
            count = len({i.value for i in hidden})
            yield self.finding(
                subject_kind="ad",
                subject=str(ad["ad_id"]),
                facts={"obscured_numbers": count, "plain_numbers": len(plain)},
                # summaries never repeat the number: evidence points at it and is redacted
                summary_en=(
                    f"The ad writes {plural(count, '# phone number', '# phone numbers')} "
                    f"disguised (words, emoji or "
                    f"look-alike characters), readable only after normalisation."
                ),
                summary_da=(
                    f"Annoncen skriver {plural(count, '# telefonnummer', '# telefonnumre')} "
                    f"sløret (ord, emojis eller "
                    f"forvekslelige tegn), så de først kan læses efter normalisering."
                ),
                evidence=tuple(
                    Evidence(
                        kind="ad",
                        record_id=i.record_id,
                        field=i.field,
                        value=i.value,
                        value_kind="phone",
                        start=i.start,
                        end=i.end,
                    )
                    for i in hidden
                ),
                pivots=tuple(sorted({i.pivot for i in idents})),
            )
