"""`redflags evaluate` end to end on a demo-scale world: the metrics.json interface and the
network-level promises (Case 1 raised, no hard negative becomes a case)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from redflags.catalogue import load_catalogue
from redflags.cli import app
from redflags.pipeline import EvaluationResult, ScanOptions, run_evaluation
from redflags_synth.world.generate import generate_world

STAGES = {"ingest", "evaluate", "link", "score", "report", "truth", "metrics"}


@pytest.fixture(scope="module")
def evaluation(tmp_path_factory: pytest.TempPathFactory) -> EvaluationResult:
    root = tmp_path_factory.mktemp("evaluate")
    generate_world(root / "world", "demo", seed=3)
    return run_evaluation(root / "world", ScanOptions(out=root / "run", redaction_key=b"k"))


def test_metrics_json_has_the_documented_shape(evaluation: EvaluationResult) -> None:
    metrics: dict[str, Any] = json.loads(evaluation.metrics_path.read_text(encoding="utf-8"))
    assert metrics["schema_version"] == 1
    implemented = {i.id for i in load_catalogue() if not i.planned}
    assert set(metrics["indicators"]) == implemented
    for row in metrics["indicators"].values():
        assert {"precision", "recall", "f1", "support"} <= set(row)
        assert isinstance(row["support"], int)
    assert {"recall", "precision", "ari"} <= set(metrics["networks"])
    assert isinstance(metrics["cases_per_10k"], float)
    assert isinstance(metrics["hard_negative_cases"], int)
    assert set(metrics["stages"]) >= STAGES
    for stage in metrics["stages"].values():
        assert stage["seconds"] >= 0 and stage["peak_mb"] > 0
    assert evaluation.markdown_path.read_text(encoding="utf-8").startswith("# Evaluation")


def test_case1_is_raised_and_no_hard_negative_becomes_a_case(
    evaluation: EvaluationResult,
) -> None:
    networks = evaluation.metrics["networks"]
    assert networks["by_typology"]["case1_sexual_exploitation"]["raised"] >= 1
    assert evaluation.metrics["hard_negative_cases"] == 0
    assert networks["hard_negative_typologies_with_cases"] == []
    assert networks["precision"] == 1.0


def test_evaluate_without_truth_fails_in_one_line(tmp_path: Path) -> None:
    (tmp_path / "world").mkdir()
    (tmp_path / "world" / "ads.jsonl").write_text(
        '{"ad_id": "a", "posted_at": "2026-01-01T00:00:00Z"}\n', encoding="utf-8"
    )
    result = CliRunner().invoke(app, ["evaluate", "--world", str(tmp_path / "world")])
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert "networks.parquet" in result.output
