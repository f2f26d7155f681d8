"""The per-record indicators' second lane (stages/lanes.py): a scan that evaluates them in a
worker process finds exactly what a scan in one process finds, in the same order."""

from __future__ import annotations

from pathlib import Path

import pytest

from redflags.pipeline import ScanOptions, ScanResult, run_scan
from redflags.stages import lanes
from redflags.stages.incremental import per_record


def test_a_scan_with_the_record_lane_equals_one_in_one_process(
    demo_data: Path, demo_scan: ScanResult, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    started: list[set[str]] = []
    start = lanes.RecordLane.start.__func__  # type: ignore[attr-defined]

    def spy(cls: type[lanes.RecordLane], *args: object, **kwargs: object) -> object:
        lane = start(cls, *args, **{**kwargs, "min_rows": 0})
        started.append(set(lane.ids) if lane else set())
        return lane

    monkeypatch.setattr(lanes.RecordLane, "start", classmethod(spy))
    result = run_scan([demo_data], ScanOptions(out=tmp_path / "run", redaction_key=b"k"))
    assert len(started) == 1 and len(started[0]) >= 20, "the lane ran the per-record indicators"
    assert result.findings == demo_scan.findings
    assert [c.case_id for c in result.cases] == [c.case_id for c in demo_scan.cases]
    assert [c.score for c in result.cases] == [c.score for c in demo_scan.cases]
    assert list(result.indicator_seconds) != [] and started[0] <= set(result.indicator_seconds)
    assert any(f.indicator_id in started[0] for f in result.findings)


def test_only_per_record_indicators_go_to_the_lane() -> None:
    from redflags.catalogue import load_catalogue
    from redflags.detectors import detector_for

    detectors = [d for i in load_catalogue() if (d := detector_for(i, {"region": "DK"}))]
    ids = {d.indicator.id for d in detectors if per_record(d)}
    assert "BEH-NO-LIMITS" in ids and "BEH-PHOTO-REUSE" not in ids
    assert not any(d.indicator.id.startswith("FIN-") for d in detectors if per_record(d))
