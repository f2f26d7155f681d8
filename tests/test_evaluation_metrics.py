from __future__ import annotations

import random

import pytest
from sklearn.metrics import adjusted_rand_score

from redflags.evaluation import adjusted_rand_index, indicator_metrics, network_metrics
from redflags.model import Case, Evidence, Finding, Score


def test_ari_matches_the_reference_implementation() -> None:
    rng = random.Random(4)
    for _ in range(20):
        n = rng.randrange(2, 60)
        truth = [rng.choice("abcd") for _ in range(n)]
        predicted = [rng.choice("xyz") for _ in range(n)]
        assert adjusted_rand_index(truth, predicted) == pytest.approx(
            adjusted_rand_score(truth, predicted)
        )
    assert adjusted_rand_index(list("aabb"), list("xxyy")) == 1.0


def _finding(indicator: str, *records: str) -> Finding:
    return Finding(
        indicator_id=indicator,
        indicator_version=1,
        subject_kind="t",
        subject="s",
        summary_en="x",
        summary_da="x",
        evidence=tuple(Evidence(kind=r.split(":")[0], record_id=r.split(":")[1]) for r in records),
    )


def test_indicator_precision_recall_at_record_level() -> None:
    findings = [_finding("A", "ad:1", "ad:2"), _finding("A", "ad:3")]
    metrics = indicator_metrics(findings, {"A": {"ad:1", "ad:2", "ad:4", "ad:5"}}, ["A", "B"])
    assert metrics["A"]["precision"] == pytest.approx(2 / 3, abs=1e-4)
    assert metrics["A"]["recall"] == 0.5
    assert metrics["A"]["support"] == 4
    assert metrics["B"]["precision"] is None and metrics["B"]["support"] == 0


def _case(case_id: str, *records: str) -> Case:
    score = Score(
        model="risk-v1", total=0.0, steps=(), source_types=(), is_case=True, priority="review"
    )
    return Case(
        case_id=case_id,
        group_id=case_id,
        score=score,
        findings=(),
        records=records,
        pivots=(),
        timeline=(),
    )


def test_network_metrics_assign_cases_and_flag_hard_negatives() -> None:
    networks = {
        "N1": {"typology": "case1", "positive": True, "hard_negative": False},
        "N2": {"typology": "labour", "positive": True, "hard_negative": False},
        "N3": {"typology": "hn_family", "positive": False, "hard_negative": True},
    }
    records = {"N1": {"ad:1", "customer:1"}, "N2": {"customer:2", "ad:2"}, "N3": {"customer:3"}}
    cases = [
        _case("C1", "ad:1", "customer:1", "transaction:9"),
        _case("C2", "customer:3"),
        _case("C3", "customer:99"),
    ]
    metrics = network_metrics(cases, networks, records)
    assert metrics["recall"] == 0.5
    assert metrics["precision"] == pytest.approx(1 / 3, abs=1e-4)
    assert metrics["hard_negative_cases"] == 1
    assert metrics["hard_negative_typologies_with_cases"] == ["hn_family"]
    assert metrics["unassigned_cases"] == 1
    assert metrics["by_typology"]["case1"] == {"networks": 1, "raised": 1, "cases": 1}
    assert metrics["ari"] is not None and metrics["ari"] < 1
