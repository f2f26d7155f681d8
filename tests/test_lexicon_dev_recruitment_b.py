"""Development sets of lexicon helper L2 (issue #13, item 3): recall and strong false alarms of
RCS-REC-MESSENGER-JOB-AD, RCS-REC-SCAM-COMPOUND, RCS-REC-TOO-GOOD and RCS-SURV-LOCATION on the
texts in tests/lexicon_dev/ (written for development, not the blind sets)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from redflags.catalogue import load_catalogue
from redflags.evaluation.paraphrases import measure

DEV = Path(__file__).parent / "lexicon_dev"
INDICATORS = (
    "RCS-REC-MESSENGER-JOB-AD",
    "RCS-REC-SCAM-COMPOUND",
    "RCS-REC-TOO-GOOD",
    "RCS-SURV-LOCATION",
)
# Near-misses that still fire, with the reason; each is a limit of the engine, not of a lexicon.
KNOWN_ALARMS = {
    # the negation stands 4 words before "share" ("never ask you to share your location");
    # lists/negations.yaml looks 3 words back
    "loc-110",
}


@pytest.fixture(scope="module")
def catalogue():
    return load_catalogue()


def _data(indicator: str) -> dict:
    return yaml.safe_load((DEV / f"{indicator}.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("indicator", INDICATORS)
def test_dev_set_is_varied(indicator: str) -> None:
    items = _data(indicator)["items"]
    fire = [i for i in items if i["expect"] == "fire"]
    assert len(fire) >= 15
    assert len({i["lang"] for i in fire}) >= 5
    assert sum(i["expect"] == "no_fire" for i in items) >= 8


@pytest.mark.parametrize("indicator", INDICATORS)
def test_dev_recall_and_no_strong_false_alarm(indicator: str, catalogue) -> None:
    result = measure(_data(indicator), catalogue)
    assert result.recall is not None and result.recall >= 0.85, result.missed
    assert set(result.strong_alarmed) <= KNOWN_ALARMS, result.strong_alarmed


def test_a_known_alarm_is_still_one(catalogue) -> None:
    """When the engine learns to see the far negation, drop it from KNOWN_ALARMS."""
    result = measure(_data("RCS-SURV-LOCATION"), catalogue)
    assert "loc-110" in result.alarmed
