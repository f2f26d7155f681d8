"""`redflags.scan`: redacted tables, and nothing left on disk unless asked."""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa
import pytest

import redflags
from demo_world import CASE1, entity_ids
from redflags.evaluation.truth import load_truth


@pytest.fixture(scope="module")
def data(demo_data: Path) -> Path:
    return demo_data


def test_a_scan_returns_tables_and_keeps_no_run_folder(
    data: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # a default run folder would appear here as runs/
    scan = redflags.scan([data], redaction_key=b"k")
    assert scan.run_dir is None and not (tmp_path / "runs").exists()
    assert isinstance(scan.cases, pa.Table) and scan.cases.num_rows >= 1
    assert scan.findings.num_rows > scan.cases.num_rows
    assert set(scan.findings.column("case_id").to_pylist()) >= set(
        scan.cases.column("case_id").to_pylist()
    )
    assert scan.cases.schema.field("score").type == pa.float64()
    assert scan.alerts.schema.names[:3] == ["alert_id", "group_id", "rank"]
    assert scan.volume["records"] > 0


def test_identifiers_are_redacted_unless_revealed(data: Path, tmp_path: Path) -> None:
    controller = entity_ids(load_truth(data), CASE1, "controller")[0]
    hidden = redflags.scan([data], redaction_key=b"k")
    shown = redflags.scan([data], out=tmp_path / "run", reveal=True)
    subjects = " ".join(hidden.findings.column("subject").to_pylist())
    revealed = " ".join(shown.findings.column("subject").to_pylist())
    assert controller not in subjects and controller in revealed
    assert shown.run_dir == tmp_path / "run" and (tmp_path / "run" / "cases.csv").is_file()
