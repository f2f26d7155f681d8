"""Development sets of lexicon helper L4 (issue #13, item 3): check-ins, evidence wipe,
messenger-only contact and movement words match meaning in 8 languages, and their lawful
near-misses do not fire strongly.

The sets (tests/lexicon_dev/<INDICATOR>.yaml) were written by the lexicon's author, so they are
not the blind measure (tests/blind/); they guard against losing the wording they hold.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from redflags.catalogue import load_catalogue
from redflags.evaluation.paraphrases import measure, strengths

DEV = Path(__file__).parent / "lexicon_dev"
OWNED = ["RCS-SURV-CHECKINS", "RCS-SURV-EVIDENCE-WIPE", "BEH-MESSENGER-ONLY", "BEH-MOVEMENT-WORDS"]
CATALOGUE = load_catalogue()


def _dev_set(indicator: str) -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load((DEV / f"{indicator}.yaml").read_text(encoding="utf-8"))
    assert data["indicator"] == indicator
    return data


def _strong_fired(data: dict[str, Any]) -> set[str]:
    """Ids of the set's texts that a strong finding covers (measure() counts weak ones too)."""
    return {k for k, v in strengths(data, CATALOGUE).items() if v == "strong"}


@pytest.mark.parametrize("indicator", OWNED)
def test_dev_set_is_wide_enough(indicator: str) -> None:
    items = _dev_set(indicator)["items"]
    fire = [i for i in items if i["expect"] == "fire"]
    assert len(fire) >= 15
    assert len({i["lang"] for i in fire}) >= 5
    assert sum(i["expect"] == "no_fire" for i in items) >= 8


@pytest.mark.parametrize("indicator", OWNED)
def test_dev_set_recall(indicator: str) -> None:
    result = measure(_dev_set(indicator), CATALOGUE)
    assert result.recall is not None and result.recall >= 0.85, result.missed


@pytest.mark.parametrize("indicator", OWNED)
def test_dev_set_no_strong_false_alarm(indicator: str) -> None:
    data = _dev_set(indicator)
    lawful = {str(i["id"]) for i in data["items"] if i["expect"] == "no_fire"}
    assert not (_strong_fired(data) & lawful)


def test_photo_of_a_passport_is_not_photo_proof_of_whereabouts() -> None:
    """A recruiter's passport photo request belongs to RCS-REC-EARLY-ID-REQUEST."""
    data = {
        "indicator": "RCS-SURV-CHECKINS",
        "record_kind": "message",
        "items": [
            {
                "id": "p1",
                "lang": "en",
                "expect": "no_fire",
                "text": "Send me a photo of your passport.",
            },
            {
                "id": "p2",
                "lang": "en",
                "expect": "fire",
                "text": "Send me a photo of the room you are in, now.",
            },
        ],
    }
    assert _strong_fired(data) == {"p2"}
