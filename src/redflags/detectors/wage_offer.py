"""`wage_offer` (RCS-REC-TOO-GOOD): the offered wage, parsed from the text and compared with the
median at the destination.

Each amount with a currency (EUR, €, USD, $, DKK, kr, THB, บาท, RON, lei, BGN, лв, UAH, грн, RUB,
руб, GBP, £) that follows a wage word ("salary", "løn", "зарплата", "รายได้") within 60 characters
is a wage (prices, fees and debts are not); the period after it ("per month", "i timen",
"บาทต่อเดือน") sets its unit, and a wage without a period is taken as monthly. It is converted
to EUR a month (`eur_per` rates; hours x `hours_per_month`, days x 22, weeks x 4.33) and
divided by the
`median_monthly_eur` of the destination the text names (`default_destination` when none).
A ratio of at least `min_sector_median_ratio` fires; so does a ratio of at least
`min_ratio_with_no_experience` when the text also says no experience or language is needed.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from redflags.catalogue.lexicons import load_lexicon
from redflags.catalogue.params.text import WageOfferParams
from redflags.detectors.base import Detector, Scope, register
from redflags.detectors.lexicon_matcher import Hit, matcher_for
from redflags.engines import Engine
from redflags.extract import identifiers_of
from redflags.model import Evidence, Finding, RecordKind

_CURRENCIES = {
    "eur": "EUR",
    "€": "EUR",
    "euro": "EUR",
    "euros": "EUR",
    "евро": "EUR",
    "євро": "EUR",
    "usd": "USD",
    "$": "USD",
    "dollars": "USD",
    "долларов": "USD",
    "доларів": "USD",
    "dkk": "DKK",
    "kr": "DKK",
    "kr.": "DKK",
    "kroner": "DKK",
    "thb": "THB",
    "บาท": "THB",
    "baht": "THB",
    "ron": "RON",
    "lei": "RON",
    "bgn": "BGN",
    "лв": "BGN",
    "лв.": "BGN",
    "лева": "BGN",
    "uah": "UAH",
    "грн": "UAH",
    "rub": "RUB",
    "руб": "RUB",
    "рублей": "RUB",
    "gbp": "GBP",
    "£": "GBP",
    "pln": "PLN",
    "zł": "PLN",
    "zl": "PLN",
    "złotych": "PLN",
    "zlotych": "PLN",
    "vnd": "VND",
    "đồng": "VND",
    "dong": "VND",
}
_CODE = "|".join(sorted((re.escape(c) for c in _CURRENCIES), key=len, reverse=True))
_NUMBER = r"\d{1,3}(?:[ ,.]\d{3})+|\d+"
# "2 500 EUR", "€3000", "80,000 บาท", "USD 1,500"
_AMOUNT = re.compile(
    rf"(?:(?P<pre>{_CODE})\s?(?P<n1>{_NUMBER})|(?P<n2>{_NUMBER})\s?(?P<post>{_CODE}))(?![A-Za-zА-Яа-яЁёІіЇїЄєҐґ])",
    re.IGNORECASE,
)
_PERIODS = {"per_month": 1.0, "per_week": 4.33, "per_day": 22.0, "per_hour": None}
_TABLES = {
    RecordKind.AD: ("ad_id", ("title", "body")),
    RecordKind.MESSAGE: ("message_id", ("text",)),
}


@dataclass(frozen=True)
class Wage:
    field: str
    start: int
    end: int
    amount: float
    currency: str
    period: str
    monthly_eur: float


def _number(text: str) -> float:
    return float(re.sub(r"[ ,.]", "", text))


def wages_in(text: str, field: str, hits: list[Hit], params: WageOfferParams) -> list[Wage]:
    """Every wage the text states, with its period and its value in EUR a month."""
    rates = params.eur_per
    hours = params.hours_per_month
    found = []
    for match in _AMOUNT.finditer(text):
        code = _CURRENCIES[(match.group("pre") or match.group("post")).lower()]
        if code not in rates:
            continue
        amount = _number(match.group("n1") or match.group("n2"))
        after = [h for h in hits if h.concept in _PERIODS and 0 <= h.start - match.end() <= 12]
        before = [h for h in hits if h.concept == "wage_word" and 0 <= match.start() - h.end <= 60]
        if not before:  # a price, a fee or a debt, not a wage
            continue
        period = after[0].concept if after else "per_month"
        factor = _PERIODS[period] or hours
        monthly = amount * factor / rates[code]
        found.append(
            Wage(field, match.start(), match.end(), amount, code, period, round(monthly, 2))
        )
    return found


@register
class WageOfferDetector(Detector):
    kind = "wage_offer"
    p: WageOfferParams
    record_kinds = ("ad", "message")
    description = "An offered wage far above the destination's median (parsed amounts)."
    scope = Scope.RECORD

    def evaluate(self, engine: Engine) -> Iterator[Finding]:
        matcher = matcher_for(load_lexicon(self.p.lexicon))
        medians = {k.upper(): v for k, v in self.p.median_monthly_eur.items()}
        default = self.p.default_destination
        high = self.p.min_sector_median_ratio
        with_no_exp = self.p.min_ratio_with_no_experience
        for kind, (id_field, fields) in _TABLES.items():
            for record in engine.records(kind, [id_field, *fields]):
                hits = {f: matcher.find(record.get(f)) for f in fields}
                every = [h for fh in hits.values() for h in fh]
                wages = [
                    w for f in fields for w in wages_in(record.get(f) or "", f, hits[f], self.p)
                ]
                if not wages:
                    continue
                places = [h.concept[5:] for h in every if h.concept.startswith("dest_")]
                place = next((p for p in places if p in medians), default)
                no_exp = [h for h in every if h.concept == "no_experience"]
                best = max(wages, key=lambda w: w.monthly_eur)
                ratio = best.monthly_eur / medians[place]
                if ratio >= high or (no_exp and ratio >= with_no_exp):
                    field_of = {h: f for f, fh in hits.items() for h in fh}
                    yield self._finding(
                        kind,
                        str(record[id_field]),
                        record,
                        best,
                        place,
                        ratio,
                        medians[place],
                        [(field_of[h], h) for h in no_exp],
                    )

    def _finding(
        self,
        kind: RecordKind,
        record_id: str,
        record: dict[str, Any],
        wage: Wage,
        place: str,
        ratio: float,
        median: float,
        no_exp: list[tuple[str, Hit]],
    ) -> Finding:
        noun_en, noun_da = ("ad", "Annoncen") if kind is RecordKind.AD else ("message", "Beskeden")
        period = wage.period.replace("_", " ")
        extra_en = " and says no experience or language is needed" if no_exp else ""
        extra_da = " og siger, at erfaring eller sprog ikke er nødvendigt" if no_exp else ""
        evidence = [
            Evidence(
                kind=kind.value,
                record_id=record_id,
                field=wage.field,
                value=f"{wage.monthly_eur:.0f} EUR/month",
                start=wage.start,
                end=wage.end,
            )
        ] + [
            Evidence(
                kind=kind.value,
                record_id=record_id,
                field=f,
                value=h.concept,
                start=h.start,
                end=h.end,
            )
            for f, h in no_exp
        ]
        return self.finding(
            subject_kind=kind.value,
            subject=record_id,
            facts={
                "amount": wage.amount,
                "currency": wage.currency,
                "period": wage.period,
                "monthly_eur": wage.monthly_eur,
                "destination": place,
                "median_monthly_eur": median,
                "ratio": round(ratio, 2),
                "no_experience": bool(no_exp),
            },
            summary_en=f"The {noun_en} offers {wage.amount:,.0f} {wage.currency} {period} "
            f"(about {wage.monthly_eur:,.0f} EUR a month), {ratio:.1f} times the median of "
            f"{median:,.0f} EUR in {place}{extra_en}.",
            summary_da=f"{noun_da} tilbyder {wage.amount:,.0f} {wage.currency} ({period}, omkring "
            f"{wage.monthly_eur:,.0f} EUR om måneden), {ratio:.1f} gange medianen på "
            f"{median:,.0f} EUR i {place}{extra_da}.",
            evidence=tuple(evidence),
            pivots=tuple(
                sorted({i.pivot for i in identifiers_of(kind.value, record, self.region)})
            ),
        )
