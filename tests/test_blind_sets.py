"""The blind test sets (tests/blind/) are frozen, well formed, and measured.

They were written by helpers who saw only the indicator descriptions (paraphrases) or
indicators.md and docs/data.md (worlds), never the lexicons, detectors or generator. Editing one
after reading the code would make it no longer blind: MANIFEST.sha256 pins every file, so such an
edit shows up here and must be a new set instead (issue #13)."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from redflags.catalogue import load_catalogue
from redflags.evaluation.paraphrases import load_sets, measure

BLIND = Path(__file__).parent / "blind"
SET_A = list(load_sets(BLIND / "paraphrases"))
SET_B = list(load_sets(BLIND / "paraphrases-b"))
SETS = SET_A + SET_B


def test_every_blind_file_is_as_it_was_frozen() -> None:
    pinned = {}
    for line in (BLIND / "MANIFEST.sha256").read_text(encoding="utf-8").splitlines():
        digest, name = line.split(maxsplit=1)
        pinned[name] = digest
    present = {
        p.relative_to(BLIND).as_posix()
        for p in BLIND.rglob("*")
        if p.is_file() and p.name != "MANIFEST.sha256" and "__pycache__" not in p.parts
    }
    assert present == set(pinned), "a blind file was added or removed: freeze a new set"
    for name, digest in pinned.items():
        assert hashlib.sha256((BLIND / name).read_bytes()).hexdigest() == digest, name


@pytest.mark.parametrize(
    "data", SETS, ids=[f"{'AB'[i >= len(SET_A)]}-{d['indicator']}" for i, d in enumerate(SETS)]
)
def test_each_paraphrase_set_has_the_shape_the_issue_asks_for(data: dict[str, object]) -> None:
    items = list(data["items"])  # type: ignore[call-overload]
    fire = [i for i in items if i["expect"] == "fire"]
    languages = {i["lang"] for i in fire}
    assert len(fire) >= 20 and len(items) - len(fire) >= 8
    assert len(languages) >= 4 and {"da", "en"} <= languages
    assert len({i["id"] for i in items}) == len(items)


@pytest.mark.parametrize(
    ("sets", "recall", "precision"), [(SET_A, 0.55, 0.85), (SET_B, 0.45, 0.72)], ids=["A", "B"]
)
def test_the_text_indicators_are_measured_on_every_set(
    sets: list[dict[str, object]], recall: float, precision: float
) -> None:
    """Regression floor, not a target: the figures of docs/evaluation.md ("Blind paraphrases")
    with a margin; the aim is recall >= 0.85 at precision >= 0.95."""
    catalogue = load_catalogue()
    results = [measure(data, catalogue) for data in sets]
    assert len(results) == 22
    hits = sum(r.hits for r in results)
    fire = sum(r.fire for r in results)
    alarms = sum(r.false_alarms for r in results)
    assert hits / fire >= recall
    assert hits / (hits + alarms) >= precision


WORLDS = sorted(p.name for p in (BLIND / "worlds").iterdir() if (p / "truth.yaml").is_file())


@pytest.mark.parametrize("name", WORLDS)
def test_a_blind_world_is_evaluated_through_its_descriptors(name: str, tmp_path: Path) -> None:
    """Each blind world is read through the project's descriptors (tests/blind_descriptors/),
    every row is stored (none quarantined), and no lawful look-alike becomes a case. Network
    recall is reported in docs/evaluation.md, not pinned here."""
    from redflags.pipeline import ScanOptions, run_blind_evaluation

    result = run_blind_evaluation(
        BLIND / "worlds" / name,
        Path(__file__).parent / "blind_descriptors" / name,
        ScanOptions(out=tmp_path / "run"),
    )
    # every row is stored but for the kinds the descriptors' READMEs explain: a transfer listed
    # on two holders' statements (kept once) and a chat app's own notices
    from redflags.ingest.chat_export import NOTICE
    from redflags.ingest.validate import OTHER_SIDE

    reasons = {g["reason"] for q in result.scan.quarantine for g in q["reasons"]}
    assert sum(r.quarantined for r in result.scan.ingest) == 0 or reasons <= {NOTICE, OTHER_SIDE}
    metrics = result.metrics
    assert metrics["blind"] is True and metrics["networks"]["positive_networks"] >= 2
    assert metrics["hard_negative_cases"] == 0
    assert (tmp_path / "run" / "metrics.json").is_file()
