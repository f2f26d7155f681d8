"""End to end: the demo world (`redflags demo`: the generator's demo scale, seed 7) through
`run_scan`, checked against its truth."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from demo_world import CASE1, case1_controller, entity_ids, write_demo_world
from redflags.evaluation.truth import WorldTruth, load_truth
from redflags.generator import DEMO_SCALE, DEMO_SEED
from redflags.pipeline import ScanOptions, ScanResult, run_scan
from redflags_synth.world.generate import generate_world


@pytest.fixture(scope="module")
def demo(demo_data: Path, demo_scan: ScanResult) -> tuple[ScanResult, WorldTruth]:
    return demo_scan, load_truth(demo_data)


def _majority_network(records: list[str], truth: WorldTruth) -> str | None:
    """The truth network most of a case's records belong to (None: mostly background)."""
    counts = Counter(truth.records.get(r) for r in records)
    return counts.most_common(1)[0][0]


def test_case1_network_is_the_top_case(demo: tuple[ScanResult, WorldTruth]) -> None:
    result, truth = demo
    assert result.cases, "the demo must raise a case"
    top = result.cases[0]
    assert truth.networks[_majority_network(top.records, truth) or ""]["typology"] == CASE1
    controller = entity_ids(truth, CASE1, "controller")
    victims = entity_ids(truth, CASE1, "victim")
    assert controller and all(f"customer:{c}" in top.records for c in controller)
    assert sum(f"customer:{v}" in top.records for v in victims) >= 3
    assert len(top.score.source_types) >= 2


def test_no_case_for_the_look_alikes(demo: tuple[ScanResult, WorldTruth]) -> None:
    """Every case is mostly one trafficking network, and every such network is raised; the
    look-alikes (hard negatives) raise no case of their own."""
    result, truth = demo
    negatives = {n for n, row in truth.networks.items() if row["hard_negative"]}
    positives = {n for n, row in truth.networks.items() if row["positive"]}
    assert len(negatives) >= 5
    majorities = {_majority_network(case.records, truth) for case in result.cases}
    assert majorities == positives


def test_look_alikes_still_show_their_single_indicators(
    demo: tuple[ScanResult, WorldTruth],
) -> None:
    """Honest about known false positives: look-alikes such as the lawful agency employer match
    single indicators (truth expects them there); they stay out of the queue because what they
    match is not a case."""
    result, truth = demo
    by_network = truth.network_records()
    fired_on_negatives = set()
    for network, row in truth.networks.items():
        if not row["hard_negative"]:
            continue
        records = by_network.get(network, set())
        fired = {
            f.indicator_id
            for f in result.findings
            if {f"{e.kind}:{e.record_id}" for e in f.evidence} & records
        }
        expected = {i for i, keyed in truth.expected.items() if keyed & records}
        assert expected <= fired, (row["typology"], sorted(expected - fired))
        fired_on_negatives |= fired
    assert {"BEH-CONTACT-PROXY", "FIN-BUYER-PAYS-THIRD-PARTY"} <= fired_on_negatives


def test_every_case_score_is_the_sum_of_its_steps(
    demo: tuple[ScanResult, WorldTruth],
) -> None:
    from redflags.score.risk_v2 import CONTROL_ANCHOR  # a 0-point step of the model, no indicator

    result, _ = demo
    for case in result.cases:
        assert case.score.total == pytest.approx(sum(s.delta for s in case.score.steps))
        assert {s.code for s in case.score.steps} - {CONTROL_ANCHOR} == set(case.indicator_ids)


def test_counts_reconcile_and_nothing_is_quarantined(
    demo: tuple[ScanResult, WorldTruth],
) -> None:
    result, truth = demo
    for report in result.ingest:
        assert report.read == report.stored + report.quarantined
    # the generated world writes canonical rows only: nothing to quarantine (bad rows are
    # tested on purpose-made files in test_ingest*.py and test_hostile_cli.py)
    assert sum(r.quarantined for r in result.ingest) == 0
    assert sum(r.stored for r in result.ingest) == sum(
        kind["total"] for kind in truth.world["counts"].values()
    )


def test_run_folder_outputs_and_redaction(demo: tuple[ScanResult, WorldTruth]) -> None:
    result, _ = demo
    run = result.run_dir
    cases = json.loads((run / "cases.json").read_text(encoding="utf-8"))
    assert cases["redacted"] is True
    assert [c["case_id"] for c in cases["cases"]] == [c.case_id for c in result.cases]
    findings = (run / "findings.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(findings) == len(result.findings)
    html = (run / "report.html").read_text(encoding="utf-8")
    assert result.cases[0].case_id in html
    controller = case1_controller()
    for text in (html, (run / "cases.json").read_text(encoding="utf-8"), "\n".join(findings)):
        assert controller["phone"] not in text
        assert controller["account_id"] not in text
    assert "<mark" in html  # evidence spans highlighted


def test_reveal_and_danish(tmp_path: Path) -> None:
    write_demo_world(tmp_path / "data")
    result = run_scan(
        [tmp_path / "data"], ScanOptions(out=tmp_path / "run", reveal=True, lang="da")
    )
    html = result.report.read_text(encoding="utf-8")
    assert 'lang="da"' in html and "Derfor denne score" in html
    controller = case1_controller()
    assert controller["account_id"] in (result.run_dir / "cases.json").read_text(encoding="utf-8")


def test_rescan_of_the_same_store_adds_nothing(tmp_path: Path) -> None:
    write_demo_world(tmp_path / "data")
    db = tmp_path / "store.duckdb"
    first = run_scan([tmp_path / "data"], ScanOptions(out=tmp_path / "r1", db=db))
    second = run_scan([tmp_path / "data"], ScanOptions(out=tmp_path / "r2", db=db))
    assert all(r.skipped_file for r in second.ingest)
    assert [c.case_id for c in second.cases] == [c.case_id for c in first.cases]
    assert len(second.findings) == len(first.findings)


def test_demo_is_deterministic(tmp_path: Path) -> None:
    generate_world(tmp_path / "a", DEMO_SCALE, DEMO_SEED)
    generate_world(tmp_path / "b", DEMO_SCALE, DEMO_SEED)
    for path in sorted((tmp_path / "a").rglob("*")):
        if path.is_file():
            assert (
                path.read_bytes()
                == (tmp_path / "b" / path.relative_to(tmp_path / "a")).read_bytes()
            ), path.name
