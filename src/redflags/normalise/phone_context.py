"""Digit runs that are not phone numbers: prices, dates, times, company and bank numbers.

A valid-looking number is only a phone when its surroundings allow it. `phone_spans` takes a
digit run and returns the stretches of it (as atom index ranges) that may hold phone numbers:

- a run right after a keyword for a company, tax, bank, order or reference number ("CVR",
  "konto", "IBAN", "ordre nr.", "faktura", "ref", "ИНН", "SE-nr.", ...) is dropped whole;
- a run glued to two capital letters ("DK12345678", "DK50 0040 0440 1162 43") is a VAT or IBAN
  number and is dropped whole;
- a number right before a currency or unit ("1.200 kr", "3000 EUR", "24 år", "170 cm") or
  right after a currency ("kr. 1.200", "€ 3000") is cut off the run, thousands groups included;
- dates ("12.05.2026", "2026-05-12"), time ranges ("20.00-06.00") and year ranges
  ("2025-2026") inside a run split it.

Everything else is left to phonenumbers' validation, which already refuses most numbers that
are not phones (a Danish number has exactly 8 digits and a known prefix).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import yaml

from redflags.normalise.obfuscation import Run


@dataclass(frozen=True)
class _Words:
    strong: frozenset[str]
    references: frozenset[str]  # order, reference and ID numbers: short, and end at a break
    weak: frozenset[str]
    pairs: frozenset[tuple[str, str]]
    number_words: tuple[str, ...]
    currencies: frozenset[str]


@cache
def _words() -> _Words:
    path = resources.files("redflags.normalise").joinpath("data/not_phone_words.yaml")
    data: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
    return _Words(
        strong=frozenset(w for group in data["strong"].values() for w in group),
        references=frozenset(data["strong"]["orders_and_references"]),
        weak=frozenset(data["weak"]),
        pairs=frozenset((a, b) for a, b in data["pairs"]),
        number_words=tuple(data["number_words"]),
        currencies=frozenset(data["currencies"]),
    )


# Messengers whose "ID" is often the phone number itself.
_MESSENGERS = frozenset(
    {"line", "whatsapp", "wa", "viber", "telegram", "tg", "signal", "wechat", "kik", "imo"}
)
_LETTERS = re.compile(r"[^\W\d_]+")
_TRAILING_PUNCTUATION = " \t\u00a0.:#-–=/"


def _names_other_number(tail: str) -> str | None:
    """Does `tail` (text before a run) end in a keyword for a company, bank, order or
    reference number, then only punctuation ('CVR-nr.: ', 'Reg. nr. ', 'Order #')? Returns
    the keyword, or None."""
    stripped = tail.rstrip(_TRAILING_PUNCTUATION)
    if not stripped or not stripped[-1].isalpha():
        return None
    words = _words()
    found: list[str] = [w.lower() for w in _LETTERS.findall(stripped[-40:])[-2:]]
    last, before = found[-1], found[0] if len(found) == 2 else ""
    if last == "id" and before in _MESSENGERS:
        return None  # 'Line ID 0812345678', 'WhatsApp ID: 52614783': the ID is the phone
    if last in words.strong or (before, last) in words.pairs:
        return last
    for suffix in words.number_words:  # 'SE-nr.', 'ordrenummer', 'kunde nr'
        if last.endswith(suffix):
            stem = last[: -len(suffix)] or before
            return stem if stem in words.strong or stem in words.weak else None
    return None


_CURRENCY = (
    r"kr\.?|dkk|nok|sek|eur|euro|euros|€|\$|usd|£|gbp|chf|pln|zł|zl|lei|ron|лв|bgn|руб|₽|rub|"
    r"грн|₴|uah|฿|baht|bath|thb|,-"
)
_CURRENCY_SIGNS = "€$£₽₴฿"


def _price_before(tail: str) -> bool:
    """Does `tail` end in a currency that belongs to the number after it ('kr. ', '€ ', 'EUR ')
    and not to one before it ('500 kr ', '30 lei ')?"""
    stripped = tail.rstrip(" \u00a0")
    if stripped[-1:] in tuple(_CURRENCY_SIGNS):
        currency = stripped[-1]
    else:
        words = _LETTERS.findall(stripped[-8:])
        if not words or not stripped.removesuffix(".").endswith(words[-1]):
            return False
        if words[-1].lower() not in _words().currencies:
            return False
        currency = words[-1] + ("." if stripped.endswith(".") else "")
    before = stripped[: -len(currency)].rstrip(" \u00a0,-")
    return not before[-1:].isdigit()


_UNIT_AFTER = re.compile(
    rf"\s?(?:(?:{_CURRENCY}|år|års|aar|years?|yrs?|yo|y\.o|jahre|jahren|ani|лет|года|років|"
    r"роки|години|lat|lata|años|cm|kg|kvm|m2|m²|%|minutter|minutes|timer|hours)"
    r"(?![^\W\d_])|[€$£₽₴฿%]|บาท|ปี)",  # Thai is written without spaces
    re.IGNORECASE,
)
_DATES_AND_TIMES = re.compile(
    r"(?<![\d.])(?:0?[1-9]|[12]\d|3[01])(?P<a>[./-])(?:0?[1-9]|1[0-2])(?P=a)(?:19|20)?\d\d"
    r"(?!\d|(?P=a)\d)"  # 12.05.2026, 1/5/26 (but not 23.05.20.26, a phone)
    r"|(?<![\d.])(?:19|20)\d\d(?P<b>[./-])(?:0?[1-9]|1[0-2])(?P=b)(?:0?[1-9]|[12]\d|3[01])"
    r"(?!\d|(?P=b)\d)"  # 2026-05-12
    r"|(?<!\d)(?:[01]?\d|2[0-4])[.:][0-5]\d\s?[-–—]\s?(?:[01]?\d|2[0-4])[.:][0-5]\d(?!\d)"
    r"|(?<!\d)(?P<y1>19[5-9]\d|20[0-4]\d)\s?[-–/]\s?(?P<y2>19[5-9]\d|20[0-4]\d)(?!\d)"
)
_THOUSANDS = frozenset({".", ",", "'", "\u00a0", "\u202f", "\u2009"})
_WINDOW = 40


def _excluded(text: str, run: Run) -> list[tuple[int, int]]:
    """Character spans inside the run that are dates, time ranges or year ranges."""
    spans = []
    for match in _DATES_AND_TIMES.finditer(text, run.start, run.end):
        first, last = match.group("y1"), match.group("y2")
        if first and not 0 < int(last) - int(first) <= 10:
            continue  # "2025 2087" is no year range
        spans.append(match.span())
    return spans


def _thousands_group(run: Run, first: int, step: int) -> int:
    """Index just past a number written in thousands groups ('1.200', '12 000') that starts
    (step 1) or ends (step -1) at atom `first`."""
    index = first
    while 0 <= index + step < len(run.atoms):
        gap = run.gaps[min(index, index + step)]
        following = run.atoms[index + step] if step > 0 else run.atoms[index]
        if gap not in _THOUSANDS or len(following.digits) != 3:
            break
        index += step
    return index


_BREAK = re.compile(r"\s[|/–—·•-]+\s|\n")


def _after_break(run: Run) -> int | None:
    """Index of the first atom after a break (' / ', ' | ', ' - ', a line break) in `run`."""
    for index, gap in enumerate(run.gaps):
        if _BREAK.search(gap):
            return index + 1
    return None


def phone_spans(text: str, run: Run) -> list[tuple[int, int]]:
    """Atom index ranges [first, last) of `run` that may hold phone numbers."""
    line_start = text.rfind("\n", max(0, run.start - _WINDOW), run.start) + 1
    window_start = max(line_start, run.start - _WINDOW)
    tail = text[window_start : run.start]
    first, last = 0, len(run.atoms)
    keyword = _names_other_number(tail)
    if keyword:
        # An order or ID number ends at the first break ('ID 4821 / 52 61 47 83'); what follows
        # may be a phone. Bank, company and size numbers, and a run without a break, are the
        # keyword's whole ('konto 5261 / 4783 2214', 'IBAN 5261 4783 ...').
        broken = _after_break(run) if keyword in _words().references else None
        if broken is None:
            return []
        first = broken
    glued = text[run.start - 2 : run.start] if run.start >= 2 else ""
    if (
        glued.isupper()
        and glued.isascii()
        and glued.isalpha()  # 'K 31 62 77 05' (an initial, spaced letters) is no prefix
        and not (run.start >= 3 and text[run.start - 3].isalpha())
    ):
        return []  # DK12345678, RO12345678: VAT numbers; DK50 0040 ...: IBAN
    if first == 0 and _price_before(tail):
        first = _thousands_group(run, 0, 1) + 1
    if _UNIT_AFTER.match(text, run.end):
        last = _thousands_group(run, last - 1, -1)
    if first >= last:
        return []
    excluded = _excluded(text, run)
    if not excluded:
        return [(first, last)]
    spans: list[tuple[int, int]] = []
    for index in range(first, last):
        atom = run.atoms[index]
        if any(s < atom.end and atom.start < e for s, e in excluded):
            if spans and spans[-1][1] == -1:
                spans[-1] = (spans[-1][0], index)
        elif not spans or spans[-1][1] != -1:
            spans.append((index, -1))
    if spans and spans[-1][1] == -1:
        spans[-1] = (spans[-1][0], last)
    return spans
