"""Wage parsing for RCS-REC-TOO-GOOD and the order rule of RCS-REC-CHANNEL-SWITCH, below the
examples: amounts, currencies and periods in several languages."""

from __future__ import annotations

import pytest

from redflags.catalogue import load_catalogue
from redflags.catalogue.lexicons import load_lexicon
from redflags.catalogue.params.text import WageOfferParams
from redflags.detectors.lexicon_matcher import LexiconMatcher
from redflags.detectors.message_patterns import _off_platform
from redflags.detectors.wage_offer import wages_in

PARAMS = WageOfferParams.model_validate(load_catalogue().get("RCS-REC-TOO-GOOD").detector.params)
MATCHER = LexiconMatcher(load_lexicon("recruitment_wage_offer"))


def monthly(text: str) -> list[tuple[float, str, str, float]]:
    return [
        (w.amount, w.currency, w.period, w.monthly_eur)
        for w in wages_in(text, "body", MATCHER.find(text), PARAMS)
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Salary 1,500 USD per month", [(1500.0, "USD", "per_month", 1388.89)]),
        ("Løn 2.500 USD om måneden", [(2500.0, "USD", "per_month", 2314.81)]),
        ("รายได้ 120,000 บาทต่อเดือน", [(120000.0, "THB", "per_month", 3157.89)]),
        ("Зарплата від 3000 € на місяць", [(3000.0, "EUR", "per_month", 3000.0)]),
        ("Salario 250 euros al día", [(250.0, "EUR", "per_day", 5500.0)]),
        ("Løn fra 150 kr. i timen", [(150.0, "DKK", "per_hour", 3217.16)]),
        ("Câștig 3000 EUR", [(3000.0, "EUR", "per_month", 3000.0)]),  # no period: monthly
    ],
)
def test_wages_are_parsed_with_currency_and_period(
    text: str, expected: list[tuple[float, str, str, float]]
) -> None:
    assert monthly(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Registration fee 300 EUR, taken from the first salary.",  # wage word after the amount
        "You still owe 2000 EUR. Minimum 6 clients a day.",  # a debt
        "1 time 800 kr, ring 21 34 56 78",  # a price
    ],
)
def test_fees_debts_and_prices_are_not_wages(text: str) -> None:
    assert monthly(text) == []


def test_a_messenger_handle_or_a_phone_next_to_a_messenger_name_is_off_platform() -> None:
    messengers = {"telegram", "whatsapp"}
    assert [m for m, *_ in _off_platform("Add me on Telegram @hr_asia_team", messengers)] == [
        "telegram"
    ]
    assert [m for m, *_ in _off_platform("WhatsApp +855 12 345 678", messengers)] == ["whatsapp"]
    assert list(_off_platform("Call +855 12 345 678", messengers)) == []
