"""BEH-AD-LANG-MISMATCH: a fluent Danish ad for a person whose profile does not list Danish.

The ad's title and body are identified together (lingua, offline), with capitalised words (names
and places such as "København") left out. A finding needs the ad in the
target language with high confidence, enough words to be sure, and a non-empty `languages` list
with none of the languages counted as speaking it. Fluency (errors per 100 words) is not measured
yet: confident identification of a long text stands in for it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from redflags.catalogue.params.ads import AdLanguageMismatchParams
from redflags.detectors.base import Detector, Scope, register
from redflags.engines import Engine
from redflags.extract import identifiers_of
from redflags.model import Evidence, Finding, RecordKind
from redflags.normalise.language import language_confidence

_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
# language names profiles write instead of codes
_NAMES = {
    "dansk": "da",
    "danish": "da",
    "dänisch": "da",
    "dan": "da",
    "english": "en",
    "engelsk": "en",
    "eng": "en",
    "norsk": "no",
    "norwegian": "no",
    "svenska": "sv",
    "svensk": "sv",
    "swedish": "sv",
}
_NAME_DA = {"da": "dansk", "en": "engelsk"}


def _code(language: object) -> str:
    word = " ".join(str(language).split()).lower()
    return _NAMES.get(word, word)


@register
class AdLanguageMismatchDetector(Detector):
    kind = "ad_language_mismatch"
    p: AdLanguageMismatchParams
    record_kinds = ("ad",)
    description = "A fluent ad in a language the profile's spoken languages leave out."
    scope = Scope.RECORD

    def evaluate(self, engine: Engine) -> Iterator[Finding]:
        target = self.p.ad_language
        min_words = self.p.min_words
        min_confidence = self.p.min_confidence
        speaks = {_code(c) for c in self.p.speaks_ad_language or [target]}
        columns = ["ad_id", "title", "body", "languages", "phone", "handle", "email", "persona"]
        for ad in engine.records(RecordKind.AD, columns, where="len(languages) > 0"):
            listed = [_code(x) for x in (ad.get("languages") or []) if str(x).strip()]
            if not listed or speaks & set(listed):
                continue
            fields = [f for f in ("title", "body") if (ad.get(f) or "").strip()]
            text = "\n".join(str(ad[f]) for f in fields)
            words = len(_WORD.findall(text))
            if words < min_words:
                continue
            code, confidence = language_confidence(text, ignore_names=True)
            if code != target or confidence < min_confidence:
                continue
            record_id = str(ad["ad_id"])
            shown = ", ".join(listed)
            yield self.finding(
                subject_kind="ad",
                subject=record_id,
                strength=round(confidence, 3),
                facts={
                    "ad_language": code,
                    "confidence": round(confidence, 3),
                    "words": words,
                    "profile_languages": listed,
                },
                summary_en=(
                    f"The ad is written in {target} ({words} words, confidence "
                    f"{confidence:.2f}), but the profile lists only: {shown}."
                ),
                summary_da=(
                    f"Annoncen er skrevet på {_NAME_DA.get(target, target)} ({words} ord, "
                    f"sikkerhed {confidence:.2f}), men profilen nævner kun: {shown}."
                ),
                evidence=(
                    *(Evidence(kind="ad", record_id=record_id, field=f) for f in fields),
                    Evidence(
                        kind="ad", record_id=record_id, field="languages", value=shown or None
                    ),
                ),
                pivots=tuple(sorted({i.pivot for i in identifiers_of("ad", ad, self.region)})),
            )
