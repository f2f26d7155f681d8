"""Numbers, money, dates and plurals as the page's language writes them (Babel's CLDR data).

One `Formats` per page: `score(59.5898)` is "59.6" in English and "59,6" in Danish, `money(3400,
"DKK")` is "3,400 DKK" or "3.400 kr.", `date("2026-03-05T…")` is "5 Mar 2026" or "5. mar. 2026",
and `plural(1, "customer", "customers")` picks the form CLDR's plural rule gives for the count
(Danish and English: "one" for 1, "other" for the rest), so no page says "kunde(r)".
"""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from babel import Locale
from babel.dates import format_date, format_interval
from babel.numbers import format_currency, format_decimal

LOCALES = {"en": "en_GB", "da": "da_DK"}  # day-month dates and metric habits in both
TOO_LARGE = {"en": "(too large to show)", "da": "(for stort til at vise)"}
_ISO_CURRENCY = re.compile(r"[A-Z]{3}")


@cache
def _locale(lang: str) -> Locale:
    return Locale.parse(LOCALES.get(lang, LOCALES["en"]))


@cache
def _money_pattern(lang: str) -> str:
    """The locale's currency pattern without decimals (amounts are shown in whole units);
    English writes the ISO code after the number ("3,400 DKK"), as Danish writes "kr."."""
    if lang != "da":
        return "#,##0\xa0¤¤"
    pattern = str(_locale(lang).currency_formats["standard"].pattern)
    return pattern.replace(".00", "")


def _day(value: Any) -> dt.date | None:
    """The calendar day of a date, datetime or ISO text; None for none or unreadable text."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not value:
        return None
    try:
        return dt.datetime.fromisoformat(str(value).replace("Z", "+00:00")).date()
    except ValueError:
        return None


def _finite(value: Any) -> float | None:
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return number if math.isfinite(number) else None


@dataclass(frozen=True)
class Formats:
    lang: str = "en"

    @property
    def locale(self) -> Locale:
        return _locale(self.lang)

    def _too_large(self) -> str:
        return TOO_LARGE.get(self.lang, TOO_LARGE["en"])

    def decimal(self, value: Any, digits: int = 1) -> str:
        """A number rounded to `digits` decimals (trailing zeros kept, so columns align)."""
        number = _finite(value)
        if number is None:
            return self._too_large() if isinstance(value, int | float) else str(value)
        pattern = "#,##0" + ("." + "0" * digits if digits else "")
        return format_decimal(number, format=pattern, locale=self.locale)

    def integer(self, value: Any) -> str:
        return self.decimal(value, 0)

    def score(self, value: Any) -> str:
        return self.decimal(value, 1)

    def delta(self, value: Any) -> str:
        """A score step with its sign: "+21.9", "−2.0"."""
        number = _finite(value)
        if number is None:
            return self.decimal(value)
        text = self.decimal(abs(number), 1)
        return ("+" if number >= 0 else "−") + text

    def money(self, amount: Any, currency: str | None) -> str:
        number = _finite(amount)
        if number is None:
            return f"{self._too_large()} {currency or ''}".rstrip()
        code = (currency or "").strip()
        if not _ISO_CURRENCY.fullmatch(code):  # not a currency code: the number, then the text
            return f"{self.integer(number)} {code}".rstrip()
        return format_currency(
            round(number),
            code,
            format=_money_pattern(self.lang),
            locale=self.locale,
            currency_digits=False,
        )

    def date(self, value: Any) -> str:
        """An ISO date or timestamp as a medium date; '' for none, the text itself if unread."""
        day = _day(value)
        if day is None:
            return str(value)[:10] if value else ""
        return format_date(day, format="medium", locale=self.locale)

    def short_date(self, value: dt.date) -> str:
        return format_date(value, format="short", locale=self.locale)

    def span(self, start: Any, end: Any) -> str:
        """'17 Jun – 19 Sept 2026' (CLDR's interval, the shared year once), one date when both
        are the same day, '' when undated."""
        first, last = _day(start), _day(end)
        if first is None or last is None or last <= first:
            return self.date(start) or self.date(end)
        return format_interval(first, last, "yMMMd", locale=self.locale)

    def plural(self, count: int, one: str, other: str) -> str:
        """The form of a noun for `count` by the language's CLDR plural rule; either form may
        hold "{n}", filled with the count as the language writes numbers."""
        form = one if self.locale.plural_form(abs(count)) == "one" else other
        return form.replace("{n}", self.integer(count))
