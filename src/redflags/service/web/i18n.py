"""Languages of the web pages: the Danish catalogue (Babel's gettext .mo) or English (the msgids),
chosen by a cookie the language toggle sets, else by the browser's Accept-Language; numbers,
dates and amounts in that language's formats (babel.numbers, babel.dates)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime
from functools import cache
from importlib.resources import files
from typing import Any

from babel.dates import format_date, format_time
from babel.numbers import format_currency, format_decimal, format_percent
from babel.support import NullTranslations, Translations
from starlette.requests import Request

LANGUAGES = ("en", "da")
DEFAULT = "en"
COOKIE = "redflags_lang"
LOCALES = {"en": "en", "da": "da_DK"}
DISPLAY_ZONE = "Europe/Copenhagen"  # the team's clock; times are stored in UTC
_ISO_START = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2}))?")
# a number in the scanner's text, as Python writes it (274,000; 59.5898; 0.85), not part of a
# longer token (an address, a version, an identifier, x1.25)
_SCANNER_NUMBER = re.compile(r"(?<![\w.,#:/-])(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?!\w|[.,]\d)")
_ACCEPT = re.compile(r"\s*([A-Za-z]{1,8})(?:-[A-Za-z0-9]{1,8})*\s*(?:;\s*q\s*=\s*([0-9.]+))?\s*")


def N_(message: str) -> str:
    """Marks a string for `pybabel extract` (keyword N_); it is translated where it is shown."""
    return message


@cache
def translations(lang: str) -> NullTranslations:
    """The compiled catalogue of `lang` (English is the msgids themselves)."""
    if lang == DEFAULT:
        return NullTranslations()
    folder = files("redflags.service.web").joinpath("locale")
    with folder.joinpath(lang, "LC_MESSAGES", "messages.mo").open("rb") as handle:
        return Translations(handle, domain="messages")


def from_accept_language(header: str) -> str:
    """The first of our languages the browser prefers, by q-value; English otherwise."""
    best, best_q = DEFAULT, 0.0
    for position, part in enumerate(header.split(",")[:20]):
        match = _ACCEPT.fullmatch(part)
        if not match:
            continue
        lang = match.group(1).lower()
        try:
            quality = float(match.group(2)) if match.group(2) else 1.0
        except ValueError:
            continue
        quality -= position * 1e-6  # an earlier entry wins a tie
        if lang in LANGUAGES and quality > best_q:
            best, best_q = lang, quality
    return best


def language_of(request: Request) -> str:
    chosen = request.cookies.get(COOKIE, "")
    if chosen in LANGUAGES:
        return chosen
    return from_accept_language(request.headers.get("accept-language", ""))


def parse_moment(value: Any) -> datetime | None:
    """A stored time (ISO text or datetime) as an aware datetime in UTC; None if it is none.
    Only the date and the minute are read from text: that is all a page shows, and a
    redacted answer may have lost the seconds."""
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=UTC)
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day, tzinfo=UTC)
    if not isinstance(value, str):
        return None
    match = _ISO_START.match(value.strip())
    if match is None:
        return None
    year, month, day, hour, minute = match.groups()
    try:
        return datetime(
            int(year), int(month), int(day), int(hour or 0), int(minute or 0), tzinfo=UTC
        )
    except ValueError:
        return None


def has_time(value: Any) -> bool:
    return isinstance(value, datetime) or (
        isinstance(value, str) and _ISO_START.match(value.strip()) is not None and "T" in value
    )


@dataclass(frozen=True)
class Formats:
    """Numbers, amounts and times as a reader of `lang` writes them."""

    lang: str

    @property
    def locale(self) -> str:
        return LOCALES[self.lang]

    def number(self, value: Any, digits: int = 0) -> str:
        if value is None:
            return ""
        pattern = "#,##0" + ("." + "0" * digits if digits else "")
        return format_decimal(float(value), format=pattern, locale=self.locale)

    def score(self, value: Any) -> str:
        return self.number(value, 1)

    def rounded(self, text: Any) -> str:
        """The scanner's text (which writes numbers as Python does) with its numbers as this
        language writes them, long decimals rounded: one decimal from 10 up, two below
        (59.5898 -> 59.6 / 59,6; 0.759898 -> 0.76 / 0,76; 274,000 -> 274.000 in Danish)."""

        def one(match: re.Match[str]) -> str:
            written = match.group(0)
            whole, _, fraction = written.partition(".")
            if "," not in whole and not fraction:
                return written
            value = float(written.replace(",", ""))
            digits = len(fraction)
            if digits >= 3:
                digits = 1 if abs(value) >= 10 else 2
            elif self.lang == "en":
                return written  # already as an English reader writes it
            return self.number(value, digits)

        return _SCANNER_NUMBER.sub(one, str(text or ""))

    def points(self, value: Any) -> str:
        """A score step, signed: +2.3 / −1.0."""
        text = self.number(abs(float(value)), 1)
        return ("+" if float(value) >= 0 else "−") + text

    def percent(self, value: Any) -> str:
        return format_percent(float(value or 0), locale=self.locale)

    def money(self, amount: Any, currency: str | None) -> str:
        if amount is None:
            return ""
        if not currency:
            return self.number(amount, 2)
        return format_currency(float(amount), currency, locale=self.locale)

    def date(self, value: Any) -> str:
        moment = parse_moment(value)
        if moment is None:
            return ""
        if has_time(value):
            return format_date(moment.astimezone(_zone()), format="medium", locale=self.locale)
        return format_date(moment.date(), format="medium", locale=self.locale)

    def datetime(self, value: Any) -> str:
        moment = parse_moment(value)
        if moment is None:
            return ""
        if not has_time(value):
            return self.date(value)
        local = moment.astimezone(_zone())
        day = format_date(local, format="medium", locale=self.locale)
        return f"{day} {format_time(local, format='short', locale=self.locale)}"

    def time(self, value: Any) -> str:
        moment = parse_moment(value)
        if moment is None:
            return ""
        return format_time(moment, format="short", tzinfo=_zone(), locale=self.locale)

    def iso_date(self, value: Any) -> str:
        """The machine-readable date of a <time datetime=…>."""
        moment = parse_moment(value)
        return moment.date().isoformat() if moment is not None else ""


@cache
def _zone() -> Any:
    from babel.dates import get_timezone

    return get_timezone(DISPLAY_ZONE)
