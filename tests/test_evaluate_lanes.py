"""The per-record indicators' second lane (stages/lanes.py): a scan that evaluates them in a
worker process finds exactly what a scan in one process finds, in the same order."""

from __future__ import annotations

from multiprocessing import get_context
from pathlib import Path

import pytest

from redflags.catalogue import Indicator, load_catalogue
from redflags.detectors import detector_for
from redflags.extract import identifiers
from redflags.ingest import discover, ingest_source
from redflags.normalise.contacts import find_contacts
from redflags.pipeline import ScanOptions, ScanResult, run_scan
from redflags.stages import lanes
from redflags.stages.extract import extract_identifiers
from redflags.stages.incremental import per_record
from redflags.store import Store


def test_a_scan_with_the_record_lane_equals_one_in_one_process(
    demo_data: Path, demo_scan: ScanResult, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    started: list[set[str]] = []
    start = lanes.RecordLane.start.__func__  # type: ignore[attr-defined]

    def spy(cls: type[lanes.RecordLane], *args: object, **kwargs: object) -> object:
        lane = start(cls, *args, **{**kwargs, "min_rows": 0})
        started.append(set(lane.ids) if lane else set())
        return lane

    stolen: list[str] = []
    in_worker: list[str] = []
    steal, results = lanes.RecordLane.steal, lanes.RecordLane.results

    def spied_steal(lane: lanes.RecordLane) -> object:
        indicator = steal(lane)
        stolen.extend([indicator.id] if indicator else [])
        return indicator

    def spied_results(lane: lanes.RecordLane) -> lanes.LaneResult:
        found = results(lane)
        in_worker.extend(found)
        return found

    monkeypatch.setattr(lanes.RecordLane, "start", classmethod(spy))
    monkeypatch.setattr(lanes.RecordLane, "steal", spied_steal)
    monkeypatch.setattr(lanes.RecordLane, "results", spied_results)
    result = run_scan([demo_data], ScanOptions(out=tmp_path / "run", redaction_key=b"k"))
    assert len(started) == 1 and len(started[0]) >= 20, "the lane has the per-record indicators"
    # each ran once, in one process or the other, whoever finished first
    assert sorted(stolen + in_worker) == sorted(started[0])
    assert result.findings == demo_scan.findings
    assert [c.case_id for c in result.cases] == [c.case_id for c in demo_scan.cases]
    assert [c.score for c in result.cases] == [c.score for c in demo_scan.cases]
    assert list(result.indicator_seconds) != [] and started[0] <= set(result.indicator_seconds)
    assert any(f.indicator_id in started[0] for f in result.findings)


def test_only_per_record_indicators_go_to_the_lane() -> None:
    detectors = [d for i in load_catalogue() if (d := detector_for(i, {"region": "DK"}))]
    ids = {d.indicator.id for d in detectors if per_record(d)}
    assert "BEH-NO-LIMITS" in ids and "BEH-PHOTO-REUSE" not in ids
    assert not any(d.indicator.id.startswith("FIN-") for d in detectors if per_record(d))


def _lane_indicators(options: dict[str, object]) -> list[Indicator]:
    return [
        i for i in load_catalogue() if (d := detector_for(i, options)) is not None and per_record(d)
    ]


def test_the_worker_reads_texts_contacts_from_the_extract_stage_table(
    demo_data: Path, demo_scan: ScanResult, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The worker's code, run here: it finds what the scan found, and reads no free text with
    the careful extractor again (the lane's copy carries the extract stage's contacts)."""
    options: dict[str, object] = {
        "allow_list_path": None,
        "timezone": None,
        "currency": None,
        "region": "DK",
    }
    indicators = _lane_indicators(options)
    kinds = sorted({k for i in indicators if (d := detector_for(i, options)) for k in d.reads()})
    with Store.open(tmp_path / "store.duckdb") as store:
        for spec in discover([demo_data]):
            list(ingest_source(store, spec))
        extract_identifiers(store.connection, "DK")
        files = lanes.copy_for_lane(store, kinds, tmp_path / "lane")
    careful: list[str] = []

    def counted(text: str, *args: object, **kwargs: object) -> object:
        careful.append(text)
        return find_contacts(text, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(identifiers, "find_contacts", counted)
    found = lanes._evaluate_lane(files, indicators, options)
    assert list(found) == [i.id for i in indicators]
    for indicator in indicators:
        expected = [f for f in demo_scan.findings if f.indicator_id == indicator.id]
        assert found[indicator.id][0] == expected, indicator.id
    assert any(found[i.id][0] for i in indicators)
    assert careful == [], f"{len(careful)} texts read again in the worker"


def test_the_two_processes_claim_each_lane_indicator_once(monkeypatch: pytest.MonkeyPatch) -> None:
    indicators = _lane_indicators({"region": "DK"})[:5]
    claims = get_context("spawn").Array("i", [0, len(indicators)])
    monkeypatch.setattr(lanes, "_claims", claims)
    lane = lanes.RecordLane(indicators, None, None, claims)  # type: ignore[arg-type]
    worker = lanes._claimed(len(indicators))
    taken = [next(worker), lane.steal(), next(worker), lane.steal(), next(worker)]
    assert taken == [0, indicators[4], 1, indicators[3], 2]
    assert lane.steal() is None and list(worker) == []
