"""`scan --incremental`: a world cut by date, its history scanned and then its last day added
as a delta, gives exactly the findings and cases of a full scan of the whole data."""

from __future__ import annotations

import importlib.util
import json
import shutil
import sys
from dataclasses import replace
from pathlib import Path
from typing import Any

import duckdb
import pytest
from typer.testing import CliRunner

from redflags.catalogue import load_catalogue
from redflags.cli import app
from redflags.detectors import detector_for
from redflags.extract.stored import TABLE as STORED
from redflags.normalise.phones import DEFAULT_REGION
from redflags.pipeline import ScanOptions, ScanResult, run_scan
from redflags.stages import incremental as incremental_module
from redflags.stages.extract import extract_identifiers
from redflags.stages.incremental import Incremental, per_record
from redflags.store.scan_state import IDENTIFIERS

_BENCH = Path(__file__).resolve().parents[1] / "bench" / "world_cut.py"
_spec = importlib.util.spec_from_file_location("world_cut", _BENCH)
assert _spec is not None and _spec.loader is not None
world_cut = importlib.util.module_from_spec(_spec)
sys.modules["world_cut"] = world_cut  # its dataclass looks its module up while being made
_spec.loader.exec_module(world_cut)


def _findings(result: ScanResult) -> list[str]:
    return [f.model_dump_json() for f in result.findings]  # in order: the scan's order is kept


def _cases(result: ScanResult) -> list[dict[str, Any]]:
    return [
        {
            "case_id": c.case_id,
            "records": sorted(c.records),
            "total": c.score.total,
            "steps": [s.model_dump() for s in c.score.steps],
            "findings": sorted(f.finding_id for f in c.findings),
        }
        for c in result.cases
    ]


def _change_one_history_ad(history: Path, out: Path) -> tuple[Path, Path]:
    """A record whose content changed: a history ad sent again with its body rewritten, as the
    day's change (`out/change/world`), and the history as it reads after the change
    (`out/final/world`, what a full scan of the same data reads). The ad shows no photo: photos
    are found beside the file that holds the ad, and the two files are in different folders."""
    con = duckdb.connect()
    con.execute("SET TimeZone = 'UTC'")
    source = history / "ads" / "part-00000.parquet"
    (ad_id,) = con.execute(
        f"SELECT ad_id FROM read_parquet('{source}') WHERE body ILIKE '%massage%' "
        "AND len(coalesce(image_refs, [])) = 0 ORDER BY ad_id LIMIT 1"
    ).fetchall()[0]
    rewritten = (
        "SELECT * REPLACE (CASE WHEN ad_id = $id THEN 'Friendly chat about gardening.' "
        f"ELSE body END AS body) FROM read_parquet('{source}')"
    )
    change, final = out / "change" / "world", out / "final" / "world"
    shutil.copytree(history, final, symlinks=True)
    (change / "ads").mkdir(parents=True)
    (change / "images").symlink_to((history / "images").resolve())
    for query, target in (
        (f"SELECT * FROM ({rewritten}) WHERE ad_id = $id", change / "ads" / "part-00000.parquet"),
        (rewritten, final / "ads" / "part-00000.parquet"),
    ):
        con.execute(f"COPY ({query}) TO '{target}' (FORMAT parquet)", {"id": ad_id})
    return change, final


def test_incremental_scan_equals_a_full_scan(
    demo_world: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cut = world_cut.cut_world(demo_world, tmp_path / "cut", share=0.05)
    assert cut.delta_rows > 100
    change, final = _change_one_history_ad(cut.history, tmp_path)
    full = run_scan(
        [final, cut.delta],
        ScanOptions(out=tmp_path / "full", db=tmp_path / "full.duckdb", redaction_key=b"k"),
    )

    seen = _watch(monkeypatch)
    store = tmp_path / "store.duckdb"
    options = ScanOptions(db=store, redaction_key=b"k", incremental=True)
    run_scan([cut.history], replace(options, out=tmp_path / "day0"))
    daily = run_scan([cut.history, cut.delta, change], replace(options, out=tmp_path / "day1"))

    assert seen[0].full and not seen[1].full  # the first scan wrote the state, the next used it
    assert seen[1].touched == cut.delta_rows + 1  # the changed ad is touched, as the new are
    assert sum(r.skipped_file for r in daily.ingest) >= 1  # the history was not read again
    assert sum(r.updated for r in daily.ingest) == 1
    assert _findings(daily) == _findings(full)
    assert _cases(daily) == _cases(full)
    assert daily.cases, "the world raises cases: the comparison compares something"
    run = json.loads((tmp_path / "day1" / "run.json").read_text())
    assert run["findings"] == len(full.findings)
    # redacted with the contact searches kept by the first scan: the same text as searching all
    assert _written(tmp_path / "day1") == _written(tmp_path / "full")
    # the identifiers kept (only the touched records read again) are every record's, read whole
    assert _kept_identifiers(store) == _identifiers_read_whole(tmp_path / "full.duckdb")


def _written(run: Path) -> tuple[str, list[dict[str, Any]]]:
    """The findings and cases as the run wrote them (redacted)."""
    cases = json.loads((run / "cases.json").read_text())["cases"]
    return (run / "findings.jsonl").read_text(), cases


def _kept_identifiers(store: Path) -> list[tuple[Any, ...]]:
    with duckdb.connect(str(store), read_only=True) as con:
        return sorted(con.execute(f"SELECT * FROM {IDENTIFIERS}").fetchall(), key=repr)


def _identifiers_read_whole(store: Path) -> list[tuple[Any, ...]]:
    with duckdb.connect(str(store), read_only=True) as con:
        extract_identifiers(con, DEFAULT_REGION)
        return sorted(con.execute(f"SELECT * FROM {STORED}").fetchall(), key=repr)


def test_incremental_needs_a_kept_store(tmp_path: Path) -> None:
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "ads.csv").write_text("ad_id,site,posted_at\nA1,s,2026-01-01\n")
    result = CliRunner().invoke(app, ["scan", str(tmp_path / "data"), "--incremental"])
    assert result.exit_code != 0
    assert "--db" in result.output


def _watch(monkeypatch: pytest.MonkeyPatch) -> list[Incremental]:
    seen: list[Incremental] = []
    begin = Incremental.begin.__func__  # type: ignore[attr-defined]

    def watched(cls: type[Incremental], *args: Any) -> Incremental:
        seen.append(begin(cls, *args))
        return seen[-1]

    monkeypatch.setattr(incremental_module.Incremental, "begin", classmethod(watched))
    return seen


def test_other_settings_make_a_full_scan(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    data, later = tmp_path / "data", tmp_path / "later"
    for folder, ad_id in ((data, "A1"), (later, "A2")):
        folder.mkdir()
        (folder / "ads.csv").write_text(
            f"ad_id,site,posted_at,body\n{ad_id},s,2026-01-01T10:00:00Z,real girl 100% real\n"
        )
    seen = _watch(monkeypatch)
    store = tmp_path / "store.duckdb"
    options = ScanOptions(db=store, redaction_key=b"k", incremental=True)
    run_scan([data], replace(options, out=tmp_path / "day0"))
    # stored by `redflags ingest`, not by a scan: touched all the same
    assert CliRunner().invoke(app, ["ingest", str(later), "--db", str(store)]).exit_code == 0
    for day, currency in ((1, None), (2, "SEK"), (3, "SEK")):
        run_scan([data], replace(options, out=tmp_path / f"day{day}", currency=currency))
    assert [s.full for s in seen] == [True, False, True, False]
    assert [s.touched for s in seen] == [0, 1, 0, 0]


def test_per_record_indicators_are_those_that_read_one_record() -> None:
    by_id = {i.id: detector_for(i, {}) for i in load_catalogue()}
    assert per_record(by_id["BEH-TRUST-LANG"])  # type: ignore[arg-type]
    assert not per_record(by_id["BEH-LOW-PRICE"])  # type: ignore[arg-type]  # the market
    assert not per_record(by_id["RCS-SURV-EVIDENCE-WIPE"])  # type: ignore[arg-type]  # bursts
    assert not per_record(by_id["KYC-VULNERABILITY-CONTEXT"])  # type: ignore[arg-type]  # reader
