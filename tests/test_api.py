"""`redflags.scan`: redacted tables, and nothing left on disk unless asked."""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa
import pytest

import redflags
from demo_world import CASE1, entity_ids
from redflags.api import Scan
from redflags.evaluation.truth import load_truth


@pytest.fixture(scope="module")
def data(thin_world: Path) -> Path:
    # every typology (Case 1's controller among them) over a thin background: the API's tables
    # and its redaction are what these tests read, not the background's volume
    return thin_world


@pytest.fixture(scope="module")
def hidden(data: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Scan, Path]:
    """A scan without a run folder (read by both tests), and the folder it ran in: a default
    run folder would appear there as runs/."""
    folder = tmp_path_factory.mktemp("api-cwd")
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(folder)
        return redflags.scan([data], redaction_key=b"k"), folder


def test_a_scan_returns_tables_and_keeps_no_run_folder(hidden: tuple[Scan, Path]) -> None:
    scan, folder = hidden
    assert scan.run_dir is None and not (folder / "runs").exists()
    assert isinstance(scan.cases, pa.Table) and scan.cases.num_rows >= 1
    assert scan.findings.num_rows > scan.cases.num_rows
    assert set(scan.findings.column("case_id").to_pylist()) >= set(
        scan.cases.column("case_id").to_pylist()
    )
    assert scan.cases.schema.field("score").type == pa.float64()
    assert scan.alerts.schema.names[:3] == ["alert_id", "group_id", "rank"]
    assert scan.volume["records"] > 0


def test_identifiers_are_redacted_unless_revealed(
    data: Path, hidden: tuple[Scan, Path], tmp_path: Path
) -> None:
    controller = entity_ids(load_truth(data), CASE1, "controller")[0]
    shown = redflags.scan([data], out=tmp_path / "run", reveal=True)
    subjects = " ".join(hidden[0].findings.column("subject").to_pylist())
    revealed = " ".join(shown.findings.column("subject").to_pylist())
    assert controller not in subjects and controller in revealed
    assert shown.run_dir == tmp_path / "run" and (tmp_path / "run" / "cases.csv").is_file()
