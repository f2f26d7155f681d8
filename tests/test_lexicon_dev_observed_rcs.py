"""The RCS lexicons over field notes (record kind `observation`, session 5) on their development
sets (tests/lexicon_dev/, written before the lexicons were extended, not blind): the four
indicators made real (RCS-LIVES-AT-VENUE, RCS-EARNINGS-CONTROL, RCS-SURV-CAMERAS,
RCS-QUOTAS-PUNISH) and the note register added to four message indicators (RCS-DOCS-RETAINED,
RCS-DEBT-QUOTA, RCS-REC-FEES-DEBT, RCS-RULES-THREATS). Recall at least 0.85 counting weak
findings, no lawful near-miss fires strongly (staff housing with a lease, a caretaker's flat, a
copy of a passport on file, a shop's CCTV sign, a baby monitor, a sales target, "Ingen
bemærkninger"), and the generator's background KYC staff notes fire nothing."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from redflags.catalogue import load_catalogue
from redflags.evaluation.paraphrases import measure, strengths

DEV = Path(__file__).parent / "lexicon_dev"
MADE_REAL = ("RCS-LIVES-AT-VENUE", "RCS-EARNINGS-CONTROL", "RCS-SURV-CAMERAS", "RCS-QUOTAS-PUNISH")
NOTE_REGISTER = ("RCS-DOCS-RETAINED", "RCS-DEBT-QUOTA", "RCS-REC-FEES-DEBT", "RCS-RULES-THREATS")
INDICATORS = MADE_REAL + NOTE_REGISTER
CATALOGUE = load_catalogue()
# the generator's background KYC staff notes (docs/data.md); none of them may fire
BACKGROUND_NOTES = (
    "Forbindelsen blev afbrudt",
    "Kunden har ingen smartphone",
    "Kunden ønskede ikke video",
    "Kunden ønskede ikke møde",
    "Fuldmagt registreret",
    "Ringede på kundens vegne",
)


def _set(indicator: str) -> dict[str, Any]:
    data = yaml.safe_load((DEV / f"{indicator}.yaml").read_text(encoding="utf-8"))
    assert data["indicator"] == indicator
    return data


def _kind(data: dict[str, Any], item: dict[str, Any]) -> str:
    return str(item.get("record_kind") or data.get("record_kind") or "ad")


def _notes(data: dict[str, Any]) -> list[dict[str, Any]]:
    return [i for i in data["items"] if _kind(data, i) == "observation"]


@pytest.mark.parametrize("indicator", MADE_REAL)
def test_the_indicator_is_real_and_reads_notes(indicator: str) -> None:
    found = CATALOGUE.get(indicator)
    assert not found.planned
    assert found.detector.kind == "lexicon_presence"
    assert "observation" in found.param("record_kinds")


@pytest.mark.parametrize("indicator", NOTE_REGISTER)
def test_the_message_indicators_read_notes_too(indicator: str) -> None:
    kinds = CATALOGUE.get(indicator).param("record_kinds")
    assert "observation" in kinds and "message" in kinds


@pytest.mark.parametrize("indicator", MADE_REAL)
def test_the_dev_set_is_large_and_varied_enough(indicator: str) -> None:
    data = _set(indicator)
    items = data["items"]
    fire = [i for i in items if i["expect"] == "fire"]
    assert len(fire) >= 15
    assert len({i["lang"] for i in fire}) >= 5
    assert sum(i["expect"] == "no_fire" for i in items) >= 8
    notes = _notes(data)
    assert sum(i["expect"] == "fire" and i["lang"] in ("da", "en") for i in notes) >= 10
    assert sum(i["expect"] == "no_fire" and i["lang"] in ("da", "en") for i in notes) >= 6


@pytest.mark.parametrize("indicator", NOTE_REGISTER)
def test_the_note_register_has_its_own_items(indicator: str) -> None:
    notes = _notes(_set(indicator))
    assert sum(i["expect"] == "fire" and i["lang"] in ("da", "en") for i in notes) >= 10
    assert sum(i["expect"] == "no_fire" and i["lang"] in ("da", "en") for i in notes) >= 6
    assert len({i["lang"] for i in notes if i["expect"] == "fire"}) >= 3


@pytest.mark.parametrize("indicator", INDICATORS)
def test_recall_on_the_dev_set_is_at_least_085(indicator: str) -> None:
    result = measure(_set(indicator), CATALOGUE)
    assert result.recall is not None and result.recall >= 0.85, result.missed


@pytest.mark.parametrize("indicator", INDICATORS)
def test_recall_on_the_notes_alone_is_at_least_085(indicator: str) -> None:
    data = _set(indicator)
    notes = {**data, "items": _notes(data)}
    result = measure(notes, CATALOGUE)
    assert result.recall is not None and result.recall >= 0.85, result.missed


@pytest.mark.parametrize("indicator", INDICATORS)
def test_no_lawful_near_miss_fires_strongly(indicator: str) -> None:
    data = _set(indicator)
    fired = strengths(data, CATALOGUE)
    lawful = [i["id"] for i in data["items"] if i["expect"] == "no_fire"]
    strong = [item_id for item_id in lawful if fired.get(item_id) == "strong"]
    assert strong == []


@pytest.mark.parametrize("indicator", INDICATORS)
def test_the_background_staff_notes_fire_nothing(indicator: str) -> None:
    items = [
        {"id": f"{kind}-{n}", "record_kind": kind, "text": text}
        for n, text in enumerate(BACKGROUND_NOTES)
        for kind in ("observation", "kyc_event")
    ]
    assert strengths({"indicator": indicator, "items": items}, CATALOGUE) == {}


@pytest.mark.parametrize(
    ("indicator", "text"),
    [
        ("RCS-DOCS-RETAINED", "Pas ikke fremvist – ligger hos chefen."),
        ("RCS-DOCS-RETAINED", "She says the boss has her passport."),
        ("RCS-DEBT-QUOTA", "Skylder for rejsen og skal betale af før hun må stoppe."),
        ("RCS-REC-FEES-DEBT", "Worker states he owes the boss 15,000 USD for the trip."),
        ("RCS-RULES-THREATS", "Told he would be sent home and reported to the police if he talks."),
        ("RCS-LIVES-AT-VENUE", "Bor i baglokalet. 4 madrasser."),
        ("RCS-EARNINGS-CONTROL", "Does not know what she earns; the boss keeps the money."),
        ("RCS-SURV-CAMERAS", "Cameras in every room, the boss watches on his phone."),
        ("RCS-QUOTAS-PUNISH", "Must steal 300 euro a day or he is beaten."),
    ],
)
def test_notes_fire_strongly(indicator: str, text: str) -> None:
    item = {"id": "x", "record_kind": "observation", "text": text}
    assert strengths({"indicator": indicator, "items": [item]}, CATALOGUE) == {"x": "strong"}


@pytest.mark.parametrize(
    ("indicator", "text"),
    [
        ("RCS-DOCS-RETAINED", "Arbejdsgiveren har en kopi af passet; originalen har hun selv."),
        ("RCS-DOCS-RETAINED", "Ingen tegn på tilbageholdelse af pas."),
        ("RCS-DEBT-QUOTA", "She says she does not owe anyone money."),
        ("RCS-REC-FEES-DEBT", "Arbejdsgiveren betalte flybilletten; intet trækkes i lønnen."),
        ("RCS-RULES-THREATS", "No signs of fear. Nobody has threatened her family."),
        ("RCS-LIVES-AT-VENUE", "Bor i personalebolig med lejekontrakt på stedet."),
        ("RCS-LIVES-AT-VENUE", "Bor i Vejle, arbejder i salonen."),
        ("RCS-EARNINGS-CONTROL", "Salary paid into her own account, payslips shown."),
        ("RCS-SURV-CAMERAS", "Skilt ved indgangen: Området er TV-overvåget."),
        ("RCS-QUOTAS-PUNISH", "Team target is 20 calls a day, bonus above it."),
    ],
)
def test_lawful_notes_do_not_fire_strongly(indicator: str, text: str) -> None:
    item = {"id": "x", "record_kind": "observation", "text": text}
    assert strengths({"indicator": indicator, "items": [item]}, CATALOGUE).get("x") != "strong"
