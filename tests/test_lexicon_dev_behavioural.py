"""Development sets of the behavioural ad lexicons (issue #13, item 3): recall and precision of
BEH-AD-THIRD-PERSON, BEH-ALWAYS-AVAILABLE, BEH-ETHNICITY-MARKETING, BEH-NO-LIMITS, BEH-TRUST-LANG
and BEH-YOUTH-LANG on texts in tests/lexicon_dev/ written by the lexicon helper (not blind: the
blind sets measure the same indicators independently)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from redflags.catalogue import load_catalogue
from redflags.catalogue.lexicons import load_lexicon
from redflags.detectors.lexicon_matcher import LexiconMatcher
from redflags.detectors.lexicon_presence import _unmasked
from redflags.evaluation.paraphrases import measure, strengths

DEV = Path(__file__).parent / "lexicon_dev"
OWNED = (
    "BEH-AD-THIRD-PERSON",
    "BEH-ALWAYS-AVAILABLE",
    "BEH-ETHNICITY-MARKETING",
    "BEH-NO-LIMITS",
    "BEH-TRUST-LANG",
    "BEH-YOUTH-LANG",
)
CATALOGUE = load_catalogue()


def _set(indicator: str) -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load((DEV / f"{indicator}.yaml").read_text(encoding="utf-8"))
    assert data["indicator"] == indicator
    return data


def _fired(data: dict[str, Any]) -> dict[str, bool]:
    """record id -> fired strongly (False: weakly only); absent: did not fire."""
    return {k: v == "strong" for k, v in strengths(data, CATALOGUE).items()}


@pytest.mark.parametrize("indicator", OWNED)
def test_the_dev_set_is_big_and_varied_enough(indicator: str) -> None:
    items = _set(indicator)["items"]
    fire = [i for i in items if i["expect"] == "fire"]
    assert len(fire) >= 15
    assert len({i["lang"] for i in fire}) >= 5
    assert len([i for i in items if i["expect"] == "no_fire"]) >= 8


@pytest.mark.parametrize("indicator", OWNED)
def test_recall_and_no_strong_false_alarm_on_the_dev_set(indicator: str) -> None:
    data = _set(indicator)
    result = measure(data, CATALOGUE)
    assert result.recall is not None and result.recall >= 0.85, result.missed
    fired = _fired(data)
    strong_alarms = [
        i["id"] for i in data["items"] if i["expect"] == "no_fire" and fired.get(i["id"])
    ]
    assert strong_alarms == []
    assert result.precision is not None and result.precision >= 0.9, result.alarmed


@pytest.mark.parametrize("indicator", ["BEH-YOUTH-LANG", "BEH-TRUST-LANG", "BEH-ALWAYS-AVAILABLE"])
def test_the_strength_of_each_dev_text_is_the_one_it_wants(indicator: str) -> None:
    """A credible sign of a minor (or "not police") fires strongly; an everyday youth cue only
    weakly."""
    data = _set(indicator)
    fired = _fired(data)
    wrong = [
        (i["id"], i["want"], fired.get(i["id"]))
        for i in data["items"]
        if "want" in i and fired.get(i["id"]) is not (i["want"] == "strong")
    ]
    assert wrong == []


def _concepts(lexicon: str, text: str, masks: set[str] | frozenset[str] = frozenset()) -> set[str]:
    hits = _unmasked(LexiconMatcher(load_lexicon(lexicon)).find(text), set(masks))
    return {h.concept for h in hits} - set(masks)


@pytest.mark.parametrize(
    "text",
    [
        "Minimum age is 16 for this job",
        "Vi er 15 ansatte i butikken",
        "Only 12 spots left this week",
        "Опыт работы 15 лет",
        "ประสบการณ์ 15 ปี",
        "Trabajo desde hace 15 años",
        "She turned 18 last year",
        "10 класичних масажів",
        "Работаю с 16 лет в этой сфере",
        "The bus turns 18 minutes late",
        "Under 18? Not allowed here",
        "If you are under 18, leave this page",
    ],
)
def test_numbers_that_are_not_an_age_under_18_are_not_a_minor(text: str) -> None:
    found = _concepts("youth_language", text, {"age_disclaimer"})
    assert not found & {"minor_age", "minor_explicit", "school_grade"}


@pytest.mark.parametrize(
    "text",
    [
        "Never without a condom",
        "No bareback, don't ask",
        "Nu fac fără prezervativ",
        "Nunca sin condón",
    ],
)
def test_a_refusal_of_unprotected_sex_is_masked(text: str) -> None:
    assert "unprotected" not in _concepts("no_limits", text, {"safe_only"})


@pytest.mark.parametrize(
    "text", ["Police said no arrests were made", "Not far from the police station", "No le digas"]
)
def test_police_words_without_a_denial_before_them_are_not_trust_language(text: str) -> None:
    assert "reassurance" not in _concepts("trust_language", text)


@pytest.mark.parametrize(
    ("text", "fires"),
    [
        ("I speak English and Russian", False),
        ("Languages: English, Russian, Thai", False),
        ("Traditional Thai massage", False),
        ("Hot Russian girl, speaks English", True),
    ],
)
def test_languages_spoken_and_massage_styles_are_not_an_origin(text: str, fires: bool) -> None:
    masks = {"massage_style", "languages_spoken"}
    assert ("ethnicity" in _concepts("ethnicity_marketing", text, masks)) is fires
