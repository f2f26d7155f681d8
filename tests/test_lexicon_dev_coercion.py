"""The coercion lexicons (RCS-DEBT-QUOTA, RCS-DOCS-RETAINED, RCS-IMAGE-BLACKMAIL,
RCS-RULES-THREATS) on their development sets (tests/lexicon_dev/, written before the lexicons were
extended, not blind): recall at least 0.85 counting weak findings, and no lawful near-miss
(negations, a hotel's passport copy, a parent's curfew, a landlord's rent, a bank's loan
reminder, a sports club's fines kitty, greetings to the family) fires strongly."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from redflags.catalogue import load_catalogue
from redflags.catalogue.lexicons import load_lexicon
from redflags.detectors.lexicon_matcher import LexiconMatcher
from redflags.evaluation.paraphrases import measure, strengths

DEV = Path(__file__).parent / "lexicon_dev"
INDICATORS = ("RCS-DEBT-QUOTA", "RCS-DOCS-RETAINED", "RCS-IMAGE-BLACKMAIL", "RCS-RULES-THREATS")
CATALOGUE = load_catalogue()


def _set(indicator: str) -> dict[str, Any]:
    data = yaml.safe_load((DEV / f"{indicator}.yaml").read_text(encoding="utf-8"))
    assert data["indicator"] == indicator
    return data


def _strength_by_text(indicator: str, items: list[dict[str, Any]]) -> dict[str, str]:
    """Item id -> "strong" or "weak" for the items the indicator's detector fires on."""
    return strengths({"indicator": indicator, "record_kind": "message", "items": items}, CATALOGUE)


@pytest.mark.parametrize("indicator", INDICATORS)
def test_the_dev_set_is_large_and_varied_enough(indicator: str) -> None:
    items = _set(indicator)["items"]
    fire = [i for i in items if i["expect"] == "fire"]
    assert len(fire) >= 15
    assert len({i["lang"] for i in fire}) >= 5
    assert sum(i["expect"] == "no_fire" for i in items) >= 8


@pytest.mark.parametrize("indicator", INDICATORS)
def test_recall_on_the_dev_set_is_at_least_085(indicator: str) -> None:
    result = measure(_set(indicator), CATALOGUE)
    assert result.recall is not None and result.recall >= 0.85, result.missed


@pytest.mark.parametrize("indicator", INDICATORS)
def test_no_lawful_near_miss_fires_strongly(indicator: str) -> None:
    items = _set(indicator)["items"]
    fired = _strength_by_text(indicator, items)
    strong = [i["id"] for i in items if i["expect"] == "no_fire" and fired.get(i["id"]) == "strong"]
    assert strong == []


@pytest.mark.parametrize(
    ("lexicon", "text"),
    [
        ("coercion_documents", "We never keep your passport, you hold it yourself."),
        ("coercion_documents", "Vi beholder ikke dit pas."),
        ("coercion_documents", "Nobody will take your papers, they are yours."),
        ("coercion_documents", "We keep a copy of your passport for the register."),
        ("coercion_documents", "Keep your passport safe in your room."),
        ("coercion_debt_quota", "You don't owe us anything for the trip."),
        ("coercion_rules_threats", "Nobody will hurt you here."),
        ("coercion_rules_threats", "Say hi to your family from me!"),
    ],
)
def test_negations_and_look_alikes_do_not_hold_the_key_concept(lexicon: str, text: str) -> None:
    key = {
        "coercion_documents": "retained",
        "coercion_debt_quota": "debt",
        "coercion_rules_threats": "threat",
    }[lexicon]
    matcher = LexiconMatcher(load_lexicon(lexicon))
    hits = matcher.find(text)
    masks = {"not_held", "copy_only", "official_holder", "reassurance"}
    if any(h.concept in masks for h in hits):  # masked by the indicator's `mask_concepts`
        return
    assert key not in {h.concept for h in hits}


@pytest.mark.parametrize(
    ("indicator", "text"),
    [
        ("RCS-DOCS-RETAINED", "Pașaportul îl țin eu până îmi dai banii."),
        ("RCS-DOCS-RETAINED", "Документы твои у хозяина в сейфе."),
        ("RCS-DEBT-QUOTA", "Дългът ти е 2500. Трябват ми 10 клиента на смяна."),
        ("RCS-IMAGE-BLACKMAIL", "Try to run and the whole internet sees your nudes."),
        ("RCS-RULES-THREATS", "Sabemos dónde vive tu familia."),
    ],
)
def test_paraphrases_fire_strongly(indicator: str, text: str) -> None:
    fired = _strength_by_text(indicator, [{"id": "x", "text": text}])
    assert fired == {"x": "strong"}


@pytest.mark.parametrize(
    ("indicator", "text"),
    [
        (
            "RCS-IMAGE-BLACKMAIL",
            "If you don't mind, I'll post the wedding pictures on Facebook for the family.",
        ),
        (
            "RCS-DOCS-RETAINED",
            "The embassy keeps your passport for ten days while the visa is processed.",
        ),
        (
            "RCS-RULES-THREATS",
            "Husk: kommer du for sent til træning, koster det 20 kr til bødekassen.",
        ),
    ],
)
def test_lawful_look_alikes_are_at_most_weak(indicator: str, text: str) -> None:
    fired = _strength_by_text(indicator, [{"id": "x", "text": text}])
    assert fired.get("x") in (None, "weak")
