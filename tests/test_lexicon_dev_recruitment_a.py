"""Recruitment lexicons matched by meaning (issue #13, item 3): recall and false alarms on the
development texts of lexicon helper L1 (tests/lexicon_dev/, written before the lexicons were
extended; not the blind sets). Paid travel and housing, fees and debt, early ID requests and
urgency, in da, en, ro, bg, ru, uk, th and es."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from redflags.catalogue import load_catalogue
from redflags.evaluation.paraphrases import measure, strengths

DEV = Path(__file__).parent / "lexicon_dev"
INDICATORS = (
    "RCS-REC-PAID-TRAVEL-HOUSING",
    "RCS-REC-FEES-DEBT",
    "RCS-REC-EARLY-ID-REQUEST",
    "RCS-REC-URGENCY",
)
CATALOGUE = load_catalogue()


def _set(indicator: str) -> dict[str, Any]:
    data = yaml.safe_load((DEV / f"{indicator}.yaml").read_text(encoding="utf-8"))
    assert data["indicator"] == indicator
    return data


def _strength_by_record(data: dict[str, Any]) -> dict[str, str]:
    """Record id -> "strong" or "weak" for every dev text the indicator fires on."""
    return strengths(data, CATALOGUE)


@pytest.mark.parametrize("indicator", INDICATORS)
def test_the_dev_set_is_large_and_varied_enough(indicator: str) -> None:
    items = _set(indicator)["items"]
    fire = [i for i in items if i["expect"] == "fire"]
    assert len(fire) >= 15
    assert len({i["lang"] for i in fire}) >= 5
    assert len([i for i in items if i["expect"] == "no_fire"]) >= 8


@pytest.mark.parametrize("indicator", INDICATORS)
def test_recall_on_the_dev_set_is_at_least_085(indicator: str) -> None:
    result = measure(_set(indicator), CATALOGUE)
    assert result.recall is not None and result.recall >= 0.85, result.missed


@pytest.mark.parametrize("indicator", INDICATORS)
def test_no_lawful_near_miss_fires_strongly(indicator: str) -> None:
    data = _set(indicator)
    fired = _strength_by_record(data)
    strong = [
        i["id"]
        for i in data["items"]
        if i["expect"] == "no_fire" and fired.get(i["id"]) == "strong"
    ]
    assert strong == []


@pytest.mark.parametrize(
    ("indicator", "text", "expected"),
    [
        # travel paid or arranged by the recruiter is strong; housing alone stays weak
        ("RCS-REC-PAID-TRAVEL-HOUSING", "Biletul de avion îl plătim noi.", "strong"),
        ("RCS-REC-PAID-TRAVEL-HOUSING", "Работа в Дания, настаняване безплатно.", "weak"),
        # housing at a stated rent, flights not included, a commute: nothing
        ("RCS-REC-PAID-TRAVEL-HOUSING", "Accommodation provided, rent 90 GBP per week.", None),
        ("RCS-REC-PAID-TRAVEL-HOUSING", "Flights not included.", None),
        ("RCS-REC-PAID-TRAVEL-HOUSING", "Gratis transport til og fra arbejde.", None),
        ("RCS-REC-FEES-DEBT", "Pay: 14 EUR per hour, contract for 6 months.", None),
        ("RCS-REC-FEES-DEBT", "Rent and taxes are deducted from your salary.", None),
        ("RCS-REC-URGENCY", "We leave tomorrow at 8, see you at grandma's.", None),
        ("RCS-REC-URGENCY", "Only 3 seats left on our Rome tour!", None),
    ],
)
def test_strength_of_single_texts(indicator: str, text: str, expected: str | None) -> None:
    data = {"indicator": indicator, "record_kind": "ad", "items": [{"id": "x1", "text": text}]}
    assert _strength_by_record(data).get("x1") == expected
