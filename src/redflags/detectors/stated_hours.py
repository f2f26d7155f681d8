"""BEH-ALWAYS-AVAILABLE: round-the-clock words (the lexicon part) or stated hours that nobody
keeps by choice.

`stated_hours` runs `lexicon_presence` with the same parameters and adds parsed hour ranges in
ads: "00-24", "kl. 0–24", "10:00-06:00", "from 06:00 to 02:00" (a range may cross midnight). A
range of at least `min_hours_per_day` hours fires, unless the ad limits it to fewer than
`min_days_per_week` days ("hverdage", "Monday to Friday"). One finding per record: a record
with both a lexicon hit and long hours gets one finding with both as evidence. The words
("24/7", "døgnet rundt") are weak cues that lawful ads use every day; stated hours are strong.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from redflags.catalogue.params.text import StatedHoursParams
from redflags.detectors.base import register
from redflags.detectors.lexicon_presence import LexiconPresenceDetector
from redflags.engines import Engine
from redflags.extract import identifiers_of
from redflags.model import Evidence, Finding, RecordKind

_FROM = r"(?P<h1>\d{1,2})(?:[:.](?P<m1>\d{2}))?"
_TO = r"(?P<h2>\d{1,2})(?:[:.](?P<m2>\d{2}))?"
# a range of two clock times, not inside a longer run of digits (phone numbers, dates, prices)
_RANGE = re.compile(
    r"(?<![\d:./-])"
    r"(?:(?P<marker>kl\.?|klokken|from|fra|de la|от|з|с)\s*)?"
    + _FROM
    + r"\s*(?:-|–|—|to|til|until|până la|до|по)\s*(?:kl\.?\s*)?"
    + _TO
    + r"(?![\d])(?![:./-]\d)",
    re.IGNORECASE,
)
# wording that limits the hours to working days
_FEWER_DAYS = re.compile(
    r"\b(?:hverdage|man(?:dag)?\s*[-–]\s*fre(?:dag)?|mandag til fredag|weekdays|"
    r"mon(?:day)?\s*(?:-|–|to)\s*fri(?:day)?|luni\s*-\s*vineri|понедельник\s*-\s*пятница)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class HourRange:
    field: str
    start: int
    end: int
    hours: float
    text: str


def stated_ranges(text: str | None, field: str) -> list[HourRange]:
    """Every clock-time range in `text` with its length in hours (crossing midnight allowed)."""
    found = []
    for m in _RANGE.finditer(text or ""):
        h1, m1, h2, m2 = m["h1"], m["m1"] or "0", m["h2"], m["m2"] or "0"
        a, b = int(h1) + int(m1) / 60, int(h2) + int(m2) / 60
        if int(h1) > 24 or int(h2) > 24 or int(m1) > 59 or int(m2) > 59 or a == b:
            continue
        # a bare "10-06" may be a date: a range needs a marker, minutes, or midnight (0 / 24)
        if not (m["marker"] or m["m1"] or m["m2"] or {int(h1), int(h2)} & {0, 24}):
            continue
        hours = b - a if b > a else 24 - a + b
        found.append(HourRange(field, m.start(), m.end(), round(hours, 2), m.group(0)))
    return found


@register
class StatedHoursDetector(LexiconPresenceDetector):
    kind = "stated_hours"
    p: StatedHoursParams
    record_kinds = ("ad", "message")
    description = "Round-the-clock lexicon hits, or stated hours of >= N a day in an ad."

    def reads(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(("ad", *super().reads())))  # hours are read in ads

    def evaluate(self, engine: Engine) -> Iterator[Finding]:
        by_record = {f.subject: f for f in super().evaluate(engine)}
        min_hours = self.p.min_hours_per_day
        columns = ["ad_id", "title", "body", "phone", "handle", "email"]
        for ad in engine.records(RecordKind.AD, columns):
            ranges = [
                r
                for field in ("title", "body")
                for r in stated_ranges(ad.get(field), field)
                if r.hours >= min_hours
            ]
            if not ranges or self._fewer_days(ad):
                continue
            ad_id = str(ad["ad_id"])
            hours = max(r.hours for r in ranges)
            evidence = tuple(
                Evidence(
                    kind="ad",
                    record_id=ad_id,
                    field=r.field,
                    value=r.text,
                    start=r.start,
                    end=r.end,
                )
                for r in ranges
            )
            said = ", ".join(r.text.strip() for r in ranges)
            en = f"stated hours {said} ({hours:g} hours a day, at least {min_hours:g} flags)"
            da = f"oplyste tider {said} ({hours:g} timer i døgnet, markeres fra {min_hours:g})"
            known = by_record.pop(ad_id, None)
            # stated hours are strong evidence; the round-the-clock words alone are weak cues
            strong = {"cue_strength": "strong", "strong_cues": [r.text.strip() for r in ranges]}
            if known is not None:  # one finding per record: add the hours to the lexicon hit
                yield known.model_copy(
                    update={
                        "evidence": known.evidence + evidence,
                        "facts": {**known.facts, **strong, "hours_per_day": hours},
                        "strength": 1.0,
                        "summary_en": f"{known.summary_en[:-1]}; {en}.",
                        "summary_da": f"{known.summary_da[:-1]}; {da}.",
                    }
                )
                continue
            yield self.finding(
                subject_kind="ad",
                subject=ad_id,
                facts={"hours_per_day": hours, "stated": said, **strong, "weak_cues": []},
                summary_en=f"The ad gives {en}.",
                summary_da=f"Annoncen har {da}.",
                evidence=evidence,
                pivots=tuple(sorted({i.pivot for i in identifiers_of("ad", ad, self.region)})),
            )
        yield from by_record.values()

    def _fewer_days(self, ad: dict[str, object]) -> bool:
        """Hours limited to working days: fewer than `min_days_per_week` (6) days."""
        if self.p.min_days_per_week > 5:
            return any(_FEWER_DAYS.search(str(ad.get(f) or "")) for f in ("title", "body"))
        return False
